package ipfs

import (
	"context"
	"fmt"
	"io"

	chunker "github.com/ipfs/boxo/chunker"
	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs/importer/balanced"
	"github.com/ipfs/boxo/ipld/unixfs/importer/helpers"
	ufsio "github.com/ipfs/boxo/ipld/unixfs/io"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// FileChunk is the UnixFS chunk size AddFile uses (Kubo's default), so a file's CID here is the
// one `ipfs add --cid-version 1 --raw-leaves` gives.
const FileChunk = 256 << 10

// AddFile stores r as a UnixFS file (balanced DAG, 256 KiB raw leaves, CIDv1) and returns its
// root CID. Used for large artefacts such as the prover's keys; deal documents use Put.
// With Config.Kubo set, the file's blocks are then copied to Kubo and the root pinned there; if
// that fails the file stays stored here, the error wraps ErrKubo, and calling AddFile again
// retries (it is idempotent).
func (n *Node) AddFile(ctx context.Context, r io.Reader) (cid.Cid, error) {
	net, ctx, release, err := n.enter(ctx)
	if err != nil {
		return cid.Undef, err
	}
	defer release()
	bserv := n.local
	if net != nil {
		bserv = net.bserv
	}
	params := helpers.DagBuilderParams{Maxlinks: helpers.DefaultLinksPerBlock, RawLeaves: true,
		CidBuilder: cid.V1Builder{Codec: cid.DagProtobuf, MhType: mh.SHA2_256}, Dagserv: merkledag.NewDAGService(bserv)}
	db, err := params.New(chunker.NewSizeSplitter(r, FileChunk))
	if err != nil {
		return cid.Undef, err
	}
	nd, err := balanced.Layout(db)
	if err != nil {
		return cid.Undef, fmt.Errorf("add file: %w", stopCause(ctx, err))
	}
	if n.cfg.Kubo != nil {
		if err := n.cfg.Kubo.putDAG(ctx, n.bs.Get, nd.Cid()); err != nil {
			return cid.Undef, fmt.Errorf("add file %s: pin in Kubo: %w", nd.Cid(), stopCause(ctx, err))
		}
	}
	return nd.Cid(), nil
}

// CatFile reads back a UnixFS file (fetching missing blocks from peers when networking is on).
func (n *Node) CatFile(ctx context.Context, c cid.Cid) ([]byte, error) {
	net, ctx, release, err := n.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	bserv := n.local
	if net != nil {
		bserv = net.bserv
	}
	dag := merkledag.NewDAGService(bserv)
	nd, err := dag.Get(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("cat %s: %w", c, stopCause(ctx, err))
	}
	r, err := ufsio.NewDagReader(ctx, nd, dag)
	if err != nil {
		return nil, fmt.Errorf("cat %s: %w", c, err)
	}
	return io.ReadAll(r)
}

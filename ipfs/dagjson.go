package ipfs

import (
	"bytes"
	"fmt"

	"github.com/ipfs/go-cid"
	"github.com/ipld/go-ipld-prime/codec/dagjson"
	"github.com/ipld/go-ipld-prime/node/basicnode"
	"github.com/multiformats/go-multihash"
)

// MaxDocSize is the largest document Put accepts, in bytes. It matches the
// block size Kubo accepts by default, so every stored block can travel over
// bitswap and be re-pinned by a Kubo mirror.
const MaxDocSize = 1 << 20

// docPrefix is the CID prefix of every document block: CIDv1, dag-json,
// sha2-256.
var docPrefix = cid.Prefix{
	Version:  1,
	Codec:    cid.DagJSON,
	MhType:   multihash.SHA2_256,
	MhLength: -1,
}

// Canonical decodes doc as dag-json (plain JSON is dag-json too) and returns
// its canonical dag-json encoding: map keys sorted bytewise, no insignificant
// whitespace. The result is exactly what Put accepts, and Canonical is
// idempotent: Canonical(Canonical(doc)) equals Canonical(doc). Input that is
// not a single dag-json value (syntax errors, duplicate keys, trailing
// content) is an error wrapping ErrNotCanonical.
func Canonical(doc []byte) ([]byte, error) {
	nb := basicnode.Prototype.Any.NewBuilder()
	if err := dagjson.Decode(nb, bytes.NewReader(doc)); err != nil {
		return nil, fmt.Errorf("decode dag-json: %w: %w", ErrNotCanonical, err)
	}
	var buf bytes.Buffer
	buf.Grow(len(doc))
	if err := dagjson.Encode(nb.Build(), &buf); err != nil {
		return nil, fmt.Errorf("encode dag-json: %w", err)
	}
	return buf.Bytes(), nil
}

// CID returns the CIDv1 (dag-json codec 0x0129, sha2-256) of doc's bytes as
// given. It does not check that doc is canonical dag-json; use Canonical
// first when the bytes come from outside.
func CID(doc []byte) cid.Cid {
	c, err := docPrefix.Sum(doc)
	if err != nil {
		// sha2-256 is always registered and accepts any input.
		panic(fmt.Sprintf("ipfs: sha2-256 cid: %v", err))
	}
	return c
}

// checkCanonical returns nil when doc is canonical dag-json of at most
// MaxDocSize bytes, and otherwise an error wrapping ErrNotCanonical or
// ErrTooLarge.
func checkCanonical(doc []byte) error {
	if len(doc) > MaxDocSize {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(doc), MaxDocSize)
	}
	canon, err := Canonical(doc)
	if err != nil {
		return err
	}
	if !bytes.Equal(canon, doc) {
		return fmt.Errorf("%w: re-encoding gives %d bytes (want them byte for byte; see Canonical)", ErrNotCanonical, len(canon))
	}
	return nil
}

// CIDFromDigest returns the document CID whose sha2-256 digest is d: the on-chain header stores
// only the digest, and this is how a reader finds the document on IPFS.
func CIDFromDigest(d [32]byte) cid.Cid {
	mh, err := multihash.Encode(d[:], multihash.SHA2_256)
	if err != nil {
		panic(fmt.Sprintf("ipfs: sha2-256 multihash: %v", err))
	}
	return cid.NewCidV1(cid.DagJSON, mh)
}

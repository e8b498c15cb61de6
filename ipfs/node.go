// Package ipfs is the boxo adapter: on-disk blockstore, dag-json documents,
// trustless gateway, libp2p host + bitswap.
package ipfs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"

	"github.com/ipfs/boxo/bitswap"
	bsnet "github.com/ipfs/boxo/bitswap/network/bsnet"
	"github.com/ipfs/boxo/blockservice"
	"github.com/ipfs/boxo/blockstore"
	"github.com/ipfs/boxo/exchange/offline"
	"github.com/ipfs/boxo/gateway"
	blocks "github.com/ipfs/go-block-format"
	"github.com/ipfs/go-cid"
	leveldb "github.com/ipfs/go-ds-leveldb"
	ipld "github.com/ipfs/go-ipld-format"
	"github.com/libp2p/go-libp2p"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/multiformats/go-multiaddr"
	"github.com/prometheus/client_golang/prometheus"
)

// Errors returned by Node and the package functions; test with errors.Is.
var (
	// ErrNotCanonical: a document is not canonical dag-json (or not dag-json
	// at all). Nothing was stored.
	ErrNotCanonical = errors.New("ipfs: document is not canonical dag-json")
	// ErrTooLarge: a document exceeds MaxDocSize. Nothing was stored.
	ErrTooLarge = errors.New("ipfs: document too large")
	// ErrNotFound: the block is not in the local store and, when networking
	// is on, was not fetched before the context ended.
	ErrNotFound = errors.New("ipfs: block not found")
	// ErrOffline: the operation needs the libp2p host, which is not running
	// (Start not called, or Config.P2PListen empty).
	ErrOffline = errors.New("ipfs: networking not started")
	// ErrStopped: the node was stopped.
	ErrStopped = errors.New("ipfs: node stopped")
)

// connectTag protects peers dialled through Connect from the connection
// manager's trimming.
const connectTag = "bazaar-connect"

// Config configures a Node.
type Config struct {
	// Dir is the on-disk store directory (a LevelDB datastore holding the
	// blockstore and the node's libp2p identity); created if missing.
	Dir string
	// P2PListen lists multiaddrs for the libp2p host, e.g.
	// "/ip4/127.0.0.1/tcp/0". Empty means no libp2p host: Start is a no-op
	// and Get only reads the local store.
	P2PListen []string
	// Logger receives lifecycle logs; nil discards them.
	Logger *slog.Logger
	// Metrics receives the gateway's and libp2p's Prometheus metrics; nil
	// keeps them in a private registry nobody scrapes (never the global one).
	Metrics prometheus.Registerer
	// Kubo, if set, is a Kubo node every document Put and every file AddFile
	// stores is also pinned in, through its RPC API.
	Kubo *Kubo
}

// Node is a local IPFS node: a persistent blockstore of dag-json documents,
// a trustless gateway over it and, once started, a libp2p host with bitswap
// that serves the store to peers and fetches missing blocks from them.
// Its methods are safe for concurrent use.
type Node struct {
	cfg     Config
	log     *slog.Logger
	ds      *leveldb.Datastore
	bs      blockstore.Blockstore
	local   blockservice.BlockService // offline exchange: the gateway's view
	gateway http.Handler

	// life ends when Stop begins; in-flight calls derive their contexts from
	// it so Stop never waits on a network fetch.
	life   context.Context
	cancel context.CancelFunc
	calls  sync.WaitGroup

	mu      sync.RWMutex
	stopped bool
	net     *network // nil until Start with P2PListen set
}

// network is the online half of a Node, present between Start and Stop.
type network struct {
	host  host.Host
	swap  *bitswap.Bitswap
	bserv blockservice.BlockService
}

// Open opens (creating if needed) the store in cfg.Dir and builds the
// gateway. It does not start networking; call Start for that. The caller
// must call Stop to release the store. Opening is local and quick; ctx is
// only checked before it starts.
func Open(ctx context.Context, cfg Config) (*Node, error) {
	if cfg.Dir == "" {
		return nil, errors.New("open ipfs store: Config.Dir is empty")
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("open ipfs store %s: %w", cfg.Dir, err)
	}
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("open ipfs store: %w", err)
	}
	ds, err := leveldb.NewDatastore(cfg.Dir, nil)
	if err != nil {
		return nil, fmt.Errorf("open ipfs store %s: %w", cfg.Dir, err)
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	reg := cfg.Metrics
	if reg == nil {
		reg = prometheus.NewRegistry()
	}

	bs := blockstore.NewBlockstore(ds)
	local := blockservice.New(bs, offline.Exchange(bs))
	backend, err := gateway.NewBlocksBackend(local)
	if err != nil {
		return nil, errors.Join(fmt.Errorf("ipfs gateway backend: %w", err), ds.Close())
	}
	gw := gateway.NewHandler(gateway.Config{
		DeserializedResponses: false,
		NoDNSLink:             true,
		DisableHTMLErrors:     true,
		MetricsRegistry:       reg,
	}, backend)

	life, cancel := context.WithCancel(context.Background())
	n := &Node{
		cfg:     cfg,
		log:     log,
		ds:      ds,
		bs:      bs,
		local:   local,
		gateway: onlyIPFSPaths(gw),
		life:    life,
		cancel:  cancel,
	}
	n.cfg.Metrics = reg
	return n, nil
}

// Start starts the libp2p host on Config.P2PListen and bitswap over it, so
// peers can fetch this node's blocks and Get can fetch theirs. With no listen
// addresses it does nothing and returns nil. The host listens only on the
// given addresses and runs no mDNS, DHT, relay, NAT port mapping or
// bootstrap: peers are reached through Connect. The peer identity is kept in
// the store, so the node's /p2p/ID is stable across restarts. ctx bounds
// start-up only; networking runs until Stop. Starting twice is an error.
func (n *Node) Start(ctx context.Context) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	switch {
	case n.stopped:
		return fmt.Errorf("start ipfs node: %w", ErrStopped)
	case n.net != nil:
		return errors.New("start ipfs node: already started")
	case len(n.cfg.P2PListen) == 0:
		n.log.Info("ipfs node offline: no libp2p listen addresses")
		return nil
	}

	addrs := make([]multiaddr.Multiaddr, 0, len(n.cfg.P2PListen))
	for _, s := range n.cfg.P2PListen {
		a, err := multiaddr.NewMultiaddr(s)
		if err != nil {
			return fmt.Errorf("start ipfs node: listen address %q: %w", s, err)
		}
		addrs = append(addrs, a)
	}
	key, err := loadIdentity(ctx, n.ds)
	if err != nil {
		return fmt.Errorf("start ipfs node: %w", err)
	}
	h, err := libp2p.New(
		libp2p.Identity(key),
		libp2p.ListenAddrs(addrs...),
		libp2p.DisableRelay(),
		libp2p.DisableIdentifyAddressDiscovery(),
		libp2p.PrometheusRegisterer(n.cfg.Metrics),
		libp2p.UserAgent("bazaar"),
	)
	if err != nil {
		return fmt.Errorf("start ipfs node: libp2p host: %w", err)
	}
	// A nil provider finder disables content routing: bitswap asks only the
	// peers we are connected to.
	swap := bitswap.New(n.life, bsnet.NewFromIpfsHost(h), nil, n.bs)
	n.net = &network{host: h, swap: swap, bserv: blockservice.New(n.bs, swap)}
	n.log.Info("ipfs node started", "peer", h.ID().String(), "addrs", fmt.Sprint(n.addrs()))
	return nil
}

// Stop stops bitswap and the libp2p host, waits for in-flight calls (network
// fetches among them are cancelled with ErrStopped), and closes the store.
// It is valid after Open with or without Start; calling it again returns nil.
// ctx is not used for waiting: every step is bounded.
func (n *Node) Stop(ctx context.Context) error {
	n.mu.Lock()
	if n.stopped {
		n.mu.Unlock()
		return nil
	}
	n.stopped = true
	net := n.net
	n.net = nil
	n.mu.Unlock()

	n.cancel()
	n.calls.Wait()
	var errs []error
	if net != nil {
		if err := net.swap.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close bitswap: %w", err))
		}
		if err := net.host.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close libp2p host: %w", err))
		}
	}
	if err := n.local.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close blockservice: %w", err))
	}
	if err := n.ds.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close ipfs store %s: %w", n.cfg.Dir, err))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("stop ipfs node: %w", err)
	}
	n.log.Info("ipfs node stopped")
	return nil
}

// enter registers an in-flight call and returns the network (nil when
// offline), a context that is also cancelled with ErrStopped when Stop
// begins, and a release func the caller must defer.
func (n *Node) enter(ctx context.Context) (*network, context.Context, func(), error) {
	n.mu.RLock()
	defer n.mu.RUnlock()
	if n.stopped {
		return nil, nil, nil, ErrStopped
	}
	n.calls.Add(1)
	ctx, cancel := context.WithCancelCause(ctx)
	stop := context.AfterFunc(n.life, func() { cancel(ErrStopped) })
	return n.net, ctx, func() {
		stop()
		cancel(nil)
		n.calls.Done()
	}, nil
}

// Put stores doc, which must be canonical dag-json of at most MaxDocSize
// bytes (see Canonical), as a block with CID CID(doc) and returns that CID.
// Non-canonical input returns an error wrapping ErrNotCanonical, oversized
// input one wrapping ErrTooLarge; nothing is stored then. Put is idempotent.
// When networking is on, peers waiting for the block are sent it.
//
// With Config.Kubo set, the block is pinned in Kubo first (see Kubo.Put): if
// that fails, nothing is stored here and the error wraps ErrKubo.
func (n *Node) Put(ctx context.Context, doc []byte) (cid.Cid, error) {
	if err := checkCanonical(doc); err != nil {
		return cid.Undef, fmt.Errorf("put document: %w", err)
	}
	c := CID(doc)
	net, ctx, release, err := n.enter(ctx)
	if err != nil {
		return cid.Undef, fmt.Errorf("put %s: %w", c, err)
	}
	defer release()
	if n.cfg.Kubo != nil {
		if _, err := n.cfg.Kubo.Put(ctx, doc); err != nil {
			return cid.Undef, fmt.Errorf("put %s: %w", c, stopCause(ctx, err))
		}
	}
	blk, err := blocks.NewBlockWithCid(doc, c)
	if err != nil {
		return cid.Undef, fmt.Errorf("put %s: %w", c, err)
	}
	bserv := n.local
	if net != nil {
		bserv = net.bserv
	}
	if err := bserv.AddBlock(ctx, blk); err != nil {
		return cid.Undef, fmt.Errorf("put %s: %w", c, stopCause(ctx, err))
	}
	return c, nil
}

// Get returns the block c, from the local store first. When networking is
// on and the block is missing, it is fetched over bitswap from connected
// peers, verified against c, stored, and returned; the fetch lasts until
// ctx ends, and the error then wraps both ErrNotFound and ctx's cause.
// Offline, a missing block is an error wrapping ErrNotFound at once.
func (n *Node) Get(ctx context.Context, c cid.Cid) ([]byte, error) {
	if !c.Defined() {
		return nil, errors.New("get block: undefined cid")
	}
	net, ctx, release, err := n.enter(ctx)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", c, err)
	}
	defer release()

	blk, err := n.bs.Get(ctx, c)
	switch {
	case err == nil:
		return blk.RawData(), nil
	case !ipld.IsNotFound(err):
		return nil, fmt.Errorf("get %s: %w", c, err)
	case net == nil:
		return nil, fmt.Errorf("get %s: %w", c, ErrNotFound)
	}
	blk, err = net.bserv.GetBlock(ctx, c)
	switch {
	case err == nil:
		return blk.RawData(), nil
	case ctx.Err() != nil:
		return nil, fmt.Errorf("get %s over bitswap: %w: %w", c, ErrNotFound, context.Cause(ctx))
	default:
		return nil, fmt.Errorf("get %s over bitswap: %w", c, err)
	}
}

// Has reports whether block c is in the local store. It never uses the
// network.
func (n *Node) Has(ctx context.Context, c cid.Cid) (bool, error) {
	_, ctx, release, err := n.enter(ctx)
	if err != nil {
		return false, fmt.Errorf("has %s: %w", c, err)
	}
	defer release()
	ok, err := n.bs.Has(ctx, c)
	if err != nil {
		return false, fmt.Errorf("has %s: %w", c, stopCause(ctx, err))
	}
	return ok, nil
}

// Kubo returns Config.Kubo: the Kubo node this node also pins in, or nil.
func (n *Node) Kubo() *Kubo { return n.cfg.Kubo }

// Gateway returns a trustless IPFS gateway over the local store: GET and
// HEAD /ipfs/{cid} with ?format=raw or Accept: application/vnd.ipld.raw for
// the block, ?format=car or Accept: application/vnd.ipld.car for a CAR.
// Deserialized responses and DNSLink are off, and it never fetches from the
// network, so it serves exactly what this node stores. Other paths are 404.
// Errors are plain text. Mount it at the root of a mux (pattern "/ipfs/").
func (n *Node) Gateway() http.Handler { return n.gateway }

// onlyIPFSPaths answers 404 outside /ipfs/, keeping /ipns/ (and the name
// resolution it would trigger) off this gateway.
func onlyIPFSPaths(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/ipfs/") {
			http.NotFound(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Addrs returns the host's listen addresses with /p2p/{peer ID} appended,
// ready for another node's Connect or Kubo's `ipfs swarm connect`. It is
// nil when networking is not running.
func (n *Node) Addrs() []multiaddr.Multiaddr {
	n.mu.RLock()
	defer n.mu.RUnlock()
	return n.addrs()
}

func (n *Node) addrs() []multiaddr.Multiaddr {
	if n.net == nil {
		return nil
	}
	h := n.net.host
	out, err := peer.AddrInfoToP2pAddrs(&peer.AddrInfo{ID: h.ID(), Addrs: h.Addrs()})
	if err != nil {
		n.log.Error("ipfs node addresses", "err", err)
		return nil
	}
	return out
}

// Connect dials the peer at addr, which must end in /p2p/{peer ID} (a
// mirror, another Bazaar node, Kubo), and keeps the connection protected
// from trimming so bitswap can use it. Connecting to an already connected
// peer succeeds. Without networking it returns an error wrapping ErrOffline.
func (n *Node) Connect(ctx context.Context, addr multiaddr.Multiaddr) error {
	net, ctx, release, err := n.enter(ctx)
	if err != nil {
		return fmt.Errorf("connect %s: %w", addr, err)
	}
	defer release()
	if net == nil {
		return fmt.Errorf("connect %s: %w", addr, ErrOffline)
	}
	ai, err := peer.AddrInfoFromP2pAddr(addr)
	if err != nil {
		return fmt.Errorf("connect %s: %w", addr, err)
	}
	if ai.ID == net.host.ID() {
		return fmt.Errorf("connect %s: that is this node", addr)
	}
	if err := net.host.Connect(ctx, *ai); err != nil {
		return fmt.Errorf("connect %s: %w", addr, stopCause(ctx, err))
	}
	net.host.ConnManager().Protect(ai.ID, connectTag)
	n.log.Debug("ipfs peer connected", "peer", ai.ID.String())
	return nil
}

// stopCause adds ErrStopped to err when ctx was cancelled by Stop.
func stopCause(ctx context.Context, err error) error {
	if cause := context.Cause(ctx); errors.Is(cause, ErrStopped) && !errors.Is(err, ErrStopped) {
		return fmt.Errorf("%w: %w", ErrStopped, err)
	}
	return err
}

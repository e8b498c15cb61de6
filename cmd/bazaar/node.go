package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ipfs"
	"github.com/bazaar-market/bazaar/matcher"
	"github.com/bazaar-market/bazaar/relay"
)

// Config configures a Node.
type Config struct {
	DataDir       string        // all state: chain, blocks, matcher state, deployment
	HTTPListen    string        // public API; port 0 picks a free port
	RPCListen     string        // embedded chain's JSON-RPC; "" = none
	P2PListen     []string      // libp2p multiaddrs for bitswap; empty = offline IPFS
	SeedDemo      bool          // add demo agents' signals to the matcher
	WatchInterval time.Duration // registry poll interval (default 50ms)
	Logger        *slog.Logger
}

// Deployment records where the contracts are, so restarts reuse them.
type Deployment struct {
	ChainID      uint64         `json:"chainId"`
	DealRegistry common.Address `json:"dealRegistry"`
	DeployBlock  uint64         `json:"deployBlock"`
}

// Node is `bazaar dev`: the embedded chain with DealRegistry, the IPFS node, the matcher, the
// relay and the public HTTP API, wired together. Tests start it in-process.
type Node struct {
	cfg        Config
	log        *slog.Logger
	dev        *chain.DevChain
	backend    chain.Backend
	registry   *chain.Registry
	deployment Deployment
	ipfs       *ipfs.Node
	hub        *relay.Hub
	engine     *matcher.Engine
	index      *Index
	watchers   []*chain.Watcher
	relayer    *ecdsa.PrivateKey
	demo       []DemoAgent

	ln     net.Listener
	srv    *http.Server
	cancel context.CancelFunc // ends the long-running parts' context
}

// StartDev starts every part of a development node and returns once the API is serving and the
// browse index has caught up with the chain. Stop it with Stop.
func StartDev(ctx context.Context, cfg Config) (_ *Node, err error) {
	if cfg.WatchInterval <= 0 {
		cfg.WatchInterval = 50 * time.Millisecond
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	n := &Node{cfg: cfg, log: log, index: NewIndex(time.Now), relayer: chain.DevRelayerKey}
	// ctx bounds start-up only; the parts run until Stop.
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	n.cancel = cancel
	defer func() {
		if err != nil {
			n.Stop(context.Background())
		}
	}()

	n.dev, err = chain.StartDev(ctx, chain.DevConfig{
		DataDir: filepath.Join(cfg.DataDir, "chain"), RPCListen: cfg.RPCListen,
		Fund: []common.Address{chain.KeyAddress(chain.DevVendorKey)}, Logger: log.With("part", "chain"),
	})
	if err != nil {
		return nil, err
	}
	n.backend = n.dev.Client()
	if err := n.deploy(ctx); err != nil {
		return nil, err
	}

	n.ipfs, err = ipfs.Open(ctx, ipfs.Config{Dir: filepath.Join(cfg.DataDir, "ipfs"), P2PListen: cfg.P2PListen, Logger: log.With("part", "ipfs")})
	if err != nil {
		return nil, fmt.Errorf("ipfs: %w", err)
	}
	if err := n.ipfs.Start(runCtx); err != nil {
		return nil, fmt.Errorf("ipfs: %w", err)
	}

	n.hub = relay.New(relay.Config{Logger: log.With("part", "relay")})
	if err := n.hub.Start(runCtx); err != nil {
		return nil, fmt.Errorf("relay: %w", err)
	}
	n.engine, err = matcher.New(matcher.Config{Notifier: n.hub, StateFile: filepath.Join(cfg.DataDir, "matcher", "state.json"),
		Logger: log.With("part", "matcher")})
	if err != nil {
		return nil, err
	}
	if cfg.SeedDemo {
		n.demo, err = SeedDemoAgents(n.engine, time.Now())
		if err != nil {
			return nil, err
		}
	}

	// The browse index and the matcher each follow the registry on their own, as separate
	// services would. The index is rebuilt from the chain at every start; the matcher's
	// persisted state makes its rescan notify nobody twice.
	for _, h := range []func(context.Context, chain.Event) error{n.indexEvent, n.matchEvent} {
		w, err := chain.NewWatcher(chain.WatcherConfig{Backend: n.backend, Registry: n.deployment.DealRegistry,
			FromBlock: n.deployment.DeployBlock, Interval: cfg.WatchInterval, Handle: h, Logger: log.With("part", "watcher")})
		if err != nil {
			return nil, err
		}
		if err := w.Start(runCtx); err != nil {
			return nil, err
		}
		n.watchers = append(n.watchers, w)
	}
	for _, w := range n.watchers {
		select {
		case <-w.Synced():
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}

	n.ln, err = net.Listen("tcp", cfg.HTTPListen)
	if err != nil {
		return nil, fmt.Errorf("http listen: %w", err)
	}
	n.srv = &http.Server{Handler: n.routes(), ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	go func() {
		if err := n.srv.Serve(n.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("http server", "err", err)
		}
	}()
	log.Info("node ready", "http", n.URL(), "rpc", n.dev.RPCURL())
	return n, nil
}

// deploy reuses the recorded deployment when its code is still on the chain, else deploys.
func (n *Node) deploy(ctx context.Context) error {
	path := filepath.Join(n.cfg.DataDir, "deployment.json")
	if b, err := os.ReadFile(path); err == nil {
		var d Deployment
		if err := json.Unmarshal(b, &d); err != nil {
			return fmt.Errorf("deployment %s: %w", path, err)
		}
		if code, err := n.backend.CodeAt(ctx, d.DealRegistry, nil); err == nil && len(code) > 0 {
			n.deployment = d
			n.registry, err = chain.NewRegistry(ctx, n.backend, d.DealRegistry)
			return err
		}
		n.log.Warn("recorded deployment has no code on this chain; deploying again")
	}
	addr, err := chain.DeployRegistry(ctx, n.backend, n.relayer)
	if err != nil {
		return err
	}
	head, err := n.backend.BlockNumber(ctx)
	if err != nil {
		return err
	}
	id, err := n.backend.ChainID(ctx)
	if err != nil {
		return err
	}
	n.deployment = Deployment{ChainID: id.Uint64(), DealRegistry: addr, DeployBlock: head}
	b, _ := json.MarshalIndent(n.deployment, "", "  ")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return fmt.Errorf("write deployment: %w", err)
	}
	n.registry, err = chain.NewRegistry(ctx, n.backend, addr)
	return err
}

// URL is the API's base URL.
func (n *Node) URL() string { return "http://" + n.ln.Addr().String() }

// RPCURL is the embedded chain's JSON-RPC URL.
func (n *Node) RPCURL() string { return n.dev.RPCURL() }

// Stop shuts everything down in reverse order. It is safe on a partly started node.
func (n *Node) Stop(ctx context.Context) error {
	var errs []error
	defer n.cancel()
	if n.srv != nil {
		errs = append(errs, n.srv.Shutdown(ctx))
	}
	for _, w := range n.watchers {
		errs = append(errs, w.Stop(ctx))
	}
	if n.hub != nil {
		errs = append(errs, n.hub.Stop(ctx))
	}
	if n.ipfs != nil {
		errs = append(errs, n.ipfs.Stop(ctx))
	}
	if n.dev != nil {
		errs = append(errs, n.dev.Stop(ctx))
	}
	return errors.Join(errs...)
}

// document fetches a header's document from IPFS and checks it belongs to the header: same
// vendor, expiry and redemption cap. A document that disagrees with its signed header is
// treated as unavailable, so nobody can list a deal under another vendor's name.
func (n *Node) document(ctx context.Context, h bazaar.DealHeader) (cid.Cid, []byte, *bazaar.Deal, error) {
	c := ipfs.CIDFromDigest(h.Digest)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	raw, err := n.ipfs.Get(ctx, c)
	if err != nil {
		return c, nil, nil, fmt.Errorf("fetch document %s: %w", c, err)
	}
	d, err := bazaar.DecodeDeal(raw)
	if err != nil {
		return c, nil, nil, fmt.Errorf("document %s: %w", c, err)
	}
	if d.Vendor != h.Vendor || d.ExpiresAtSeconds() != h.ExpiresAt || d.Availability.MaxRedemptions != h.MaxRedemptions {
		return c, nil, nil, fmt.Errorf("document %s does not match its signed header", c)
	}
	return c, raw, d, nil
}

func (n *Node) indexEvent(ctx context.Context, ev chain.Event) error {
	switch ev.Kind {
	case chain.DealPosted, chain.DealUpdated:
		c, raw, d, err := n.document(ctx, ev.Header)
		if err != nil {
			n.log.Warn("deal indexed without document", "deal", ev.DealID, "err", err)
		}
		n.index.Put(ev.DealID, c.String(), ev.Header, d, raw, ev.Block, ev.TxHash)
	case chain.DealCancelled:
		n.index.Cancel(ev.DealID)
	case chain.AllCancelled:
		n.index.CancelVendor(ev.Vendor)
	}
	return nil
}

func (n *Node) matchEvent(ctx context.Context, ev chain.Event) error {
	if ev.Kind != chain.DealPosted && ev.Kind != chain.DealUpdated {
		return nil
	}
	if int64(ev.Header.ExpiresAt) <= time.Now().Unix() {
		return nil
	}
	c, _, d, err := n.document(ctx, ev.Header)
	if err != nil {
		n.log.Warn("deal not matched", "deal", ev.DealID, "err", err)
		return nil
	}
	_, err = n.engine.Match(ctx, ev.DealID.Hex(), c.String(), ev.Header.Version, d)
	return err
}

// kick makes every watcher poll now, after this node sent a transaction.
func (n *Node) kick() {
	for _, w := range n.watchers {
		w.Kick()
	}
}

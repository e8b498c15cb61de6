package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multiaddr"
	"github.com/nats-io/nats.go"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ipfs"
	"github.com/bazaar-market/bazaar/matcher"
	"github.com/bazaar-market/bazaar/prover"
	"github.com/bazaar-market/bazaar/relay"
)

// Config configures a Node.
type Config struct {
	DataDir    string            // all state: chain, blocks, index, matcher state, deployment
	HTTPListen string            // public API; port 0 picks a free port
	RPC        string            // external JSON-RPC (anvil, geth, an L2); "" = embedded dev chain
	RPCListen  string            // embedded chain's JSON-RPC listen address; "" = none
	P2PListen  []string          // libp2p multiaddrs for bitswap; empty = offline IPFS
	Peers      []string          // IPFS peers to connect to (multiaddrs with /p2p/), e.g. the node a mirror follows
	Registry   string            // DealRegistry address; "" = the recorded deployment, else deploy
	Mirror     bool              // read-only: follow the chain, fetch and pin documents from peers; no posting, no matcher
	RelayerKey *ecdsa.PrivateKey // pays gas for posts; default chain.DevRelayerKey on dev chains
	SeedDemo   bool              // add demo agents' signals to the matcher
	// ExternalMatcher runs no in-process matcher: an attested `bazaar matcher` process links to
	// this node's relay (GET /relay/matcher) and receives the signals agents submit here.
	ExternalMatcher bool
	DPEpsilon       float64 // > 0: Laplace noise on vendors' breakdown buckets (matcher.Config.Epsilon)
	// PublishProverKeys publishes the development proving keys to IPFS and records them in the
	// Redemptions contract, in the background after start (bazaar dev does).
	PublishProverKeys bool
	// BatchWait is how long a payment waits for its settlement batch at most [2s]; a batch goes
	// out sooner when 100 payments wait.
	BatchWait time.Duration
	// ExitDelay is how long the settlement sequencer may stay silent before accounts may exit
	// with their statements [1 day]; it is fixed when the dev node deploys Settlement.
	ExitDelay time.Duration
	// Manifest is a deployment manifest written by contracts/script/Deploy.s.sol: the node uses
	// the contracts it names instead of deploying or looking for them.
	Manifest string
	// FundDemo deposits 50 test dollars for every demo agent when Settlement is first deployed.
	FundDemo bool
	// NATS, if set, is a NATS server URL (with JetStream) whose stream this node's relay shares
	// with other relays: an agent may connect to any of them. "" keeps mailboxes in memory.
	NATS string
	// RelayMaxConns is how many agent connections the node's relay holds at once; more are
	// refused with 503 [10,000]. Each is an open file: keep it under the process's limit.
	RelayMaxConns int
	// IPFSAPI is a Kubo RPC API (http://127.0.0.1:5001, or its multiaddr) every deal document is
	// also pinned in: a post pins there before its transaction and fails if it cannot; the index
	// takes a deal (a mirror's too) only once Kubo has pinned its document. The dev node's prover
	// keys go there as well. "" = the embedded store only.
	IPFSAPI string
	// WatchInterval is the registry poll interval (default 50ms).
	WatchInterval time.Duration
	Confirmations uint64 // blocks a registry event must be buried under before it is indexed
	Logger        *slog.Logger
	// OpsListen serves the node's Prometheus metrics (GET /metrics), /readyz and /healthz on a
	// listener of their own, apart from the public API; "" = none.
	OpsListen string
	// DrainDelay is how long Stop lets /readyz answer 503 before the API stops accepting
	// connections, so load balancers take the node out first [0].
	DrainDelay time.Duration
	// DrainTimeout is how long Stop waits for API requests in flight before cutting them off [10s].
	DrainTimeout time.Duration
}

// Deployment records where the contracts are, so restarts reuse them.
type Deployment struct {
	ChainID             uint64         `json:"chainId"`
	DealRegistry        common.Address `json:"dealRegistry"`
	DeployBlock         uint64         `json:"deployBlock"`
	AttestationRegistry common.Address `json:"attestationRegistry,omitempty"`
	AttestationBlock    uint64         `json:"attestationBlock,omitempty"`
	MetricsLedger       common.Address `json:"metricsLedger,omitempty"`
	MetricsBlock        uint64         `json:"metricsBlock,omitempty"`
	Redemptions         common.Address `json:"redemptions,omitempty"`
	RedemptionsBlock    uint64         `json:"redemptionsBlock,omitempty"`
	Stablecoin          common.Address `json:"stablecoin,omitempty"` // development token
	Settlement          common.Address `json:"settlement,omitempty"`
	SettlementBlock     uint64         `json:"settlementBlock,omitempty"`
}

// Node is one Bazaar node: the chain connection with DealRegistry, the IPFS node, the matcher,
// the relay and the public HTTP API, wired together. `bazaar dev` runs it on an embedded chain;
// `bazaar node --rpc` on any chain; tests start it in-process.
type Node struct {
	cfg         Config
	log         *slog.Logger
	dev         *chain.DevChain // nil on an external chain
	client      *ethclient.Client
	backend     chain.Backend
	registry    *chain.Registry
	deployment  Deployment
	rpcURL      string
	ipfs        *ipfs.Node
	hub         *relay.Hub
	engine      *matcher.Engine // nil on a mirror
	store       *matcher.Store  // the engine's encrypted signal store
	index       *Index
	watchers    []*chain.Watcher
	indexer     *chain.Watcher    // the browse index's registry watcher
	relayer     *ecdsa.PrivateKey // nil on a mirror
	demo        []DemoAgent
	attest      *chain.Attestation   // nil when the deployment has none
	ledger      *chain.MetricsLedger // nil when the deployment has none
	redemptions *chain.Redemptions   // nil when the deployment has none
	issuer      *prover.Issuer       // the in-process matcher's credential issuer
	notify      bazaar.Notifier      // the in-process matcher's way to the relay
	settlement  *chain.Settlement
	stablecoin  *chain.Stablecoin
	devToken    bool             // the manifest's token is the script's test token, on a dev chain: the faucet mints it
	settle      *settlementState // the in-process matcher's payment ledger
	orderKeys   *orderKeys       // vendors' published order keys
	epochs      epochClock
	snp         devSNP // the development SNP (nil on real hardware or a mirror)
	mkeys       *matcherKeys

	kuboBackoff time.Duration // the index's wait after a failed Kubo pin; index watcher only

	nc     *nats.Conn // the relay backend's connection; nil in memory
	ln     net.Listener
	srv    *http.Server
	cancel context.CancelFunc // ends the long-running parts' context

	metrics   *nodeMetrics
	unobserve func() // stops counting the relayer's transactions
	opsLn     net.Listener
	opsSrv    *http.Server
	draining  atomic.Bool // set when Stop begins: /readyz answers 503
}

// StartDev starts a development node: the embedded chain unless cfg.RPC names another.
func StartDev(ctx context.Context, cfg Config) (*Node, error) { return Start(ctx, cfg) }

// Start starts every part of a node and returns once the API is serving and the browse index
// has caught up with the chain. Stop it with Stop.
func Start(ctx context.Context, cfg Config) (_ *Node, err error) {
	if cfg.WatchInterval <= 0 {
		cfg.WatchInterval = 50 * time.Millisecond
	}
	if cfg.ExitDelay <= 0 {
		cfg.ExitDelay = 24 * time.Hour
	}
	if cfg.BatchWait <= 0 {
		cfg.BatchWait = 2 * time.Second
	}
	if cfg.DrainTimeout <= 0 {
		cfg.DrainTimeout = 10 * time.Second
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	n := &Node{cfg: cfg, log: log, metrics: newNodeMetrics()}
	// ctx bounds start-up only; the parts run until Stop.
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	n.cancel = cancel
	defer func() {
		if err != nil {
			n.Stop(context.Background())
		}
	}()

	var kubo *ipfs.Kubo // checked first: nothing else starts when it does not answer
	if cfg.IPFSAPI != "" {
		if kubo, err = n.connectKubo(ctx); err != nil {
			return nil, err
		}
	}
	if err := n.connectChain(ctx); err != nil {
		return nil, err
	}
	if n.relayer != nil {
		n.unobserve = n.watchSends()
	}
	if err := n.deploy(ctx); err != nil {
		return nil, err
	}
	if err := n.setupAttestation(ctx); err != nil {
		return nil, fmt.Errorf("attestation: %w", err)
	}

	n.ipfs, err = ipfs.Open(ctx, ipfs.Config{Dir: filepath.Join(cfg.DataDir, "ipfs"), P2PListen: cfg.P2PListen, Logger: log.With("part", "ipfs"),
		Metrics: n.metrics.reg, Kubo: kubo})
	if err != nil {
		return nil, fmt.Errorf("ipfs: %w", err)
	}
	if err := n.ipfs.Start(runCtx); err != nil {
		return nil, fmt.Errorf("ipfs: %w", err)
	}
	for _, p := range cfg.Peers {
		ma, err := multiaddr.NewMultiaddr(p)
		if err != nil {
			return nil, fmt.Errorf("peer %q: %w", p, err)
		}
		if err := n.ipfs.Connect(ctx, ma); err != nil {
			return nil, fmt.Errorf("connect to peer %s: %w", p, err)
		}
	}
	n.index, err = OpenIndex(filepath.Join(cfg.DataDir, "index"), time.Now, func(msg string, args ...any) { log.Warn(msg, args...) })
	if err != nil {
		return nil, err
	}

	// Cover traffic: every open mailbox gets a dummy sealed envelope every 15 s, so a
	// notification's arrival does not stand out.
	rcfg := relay.Config{Logger: log.With("part", "relay"), CoverInterval: 15 * time.Second, MaxConns: cfg.RelayMaxConns,
		AuthorizeMatcher: n.authorizeMatcher, OnMetrics: n.linkedMetrics, OnOutput: n.linkedOutput}
	if cfg.NATS != "" {
		if n.nc, err = nats.Connect(cfg.NATS, nats.Name("bazaar relay"), nats.MaxReconnects(-1)); err != nil {
			return nil, fmt.Errorf("relay: NATS %s: %w", cfg.NATS, err)
		}
		rcfg.NATS = n.nc
	}
	n.hub = relay.New(rcfg)
	if err := n.hub.Start(runCtx); err != nil {
		return nil, fmt.Errorf("relay: %w", err)
	}
	handlers := map[string]func(context.Context, chain.Event) error{"index": n.indexEvent}
	if !cfg.Mirror && !cfg.ExternalMatcher {
		mc := matcher.Config{Notifier: n.hub, StateFile: filepath.Join(cfg.DataDir, "matcher", "state.json"), Epsilon: cfg.DPEpsilon,
			Logger: log.With("part", "matcher")}
		if n.mkeys != nil {
			mc.HPKEKey, mc.HybridKey = n.mkeys.hpke, n.mkeys.hybrid // attested on-chain: agents seal signals to them
			mc.Notifier = &attestedNotifier{n: n, addr: chain.KeyAddress(n.mkeys.signer), hpke: n.mkeys.attested()}
		}
		if n.snp != nil {
			if n.store, err = openSignalStore(n.snp, filepath.Join(cfg.DataDir, "matcher"), log.With("part", "matcher")); err != nil {
				return nil, err
			}
			mc.Store = n.store
		}
		n.notify = mc.Notifier
		n.engine, err = matcher.New(mc)
		if err != nil {
			return nil, err
		}
		if cfg.SeedDemo {
			if n.demo, err = SeedDemoAgents(n.engine, time.Now(), nil); err != nil {
				return nil, err
			}
		}
		handlers["matcher"] = n.matchEvent
		// Ephemeral ids rotate: drop expired signals every minute.
		go func() {
			t := time.NewTicker(time.Minute)
			defer t.Stop()
			for {
				select {
				case <-runCtx.Done():
					return
				case <-t.C:
					if k := n.engine.Expire(); k > 0 {
						log.Debug("expired signals dropped", "count", k)
					}
				}
			}
		}()
	}

	if n.orderKeys, err = loadOrderKeys(cfg.DataDir); err != nil {
		return nil, fmt.Errorf("order keys: %w", err)
	}
	if n.dev != nil && cfg.SeedDemo {
		if err := n.publishDevOrderKey(); err != nil {
			return nil, fmt.Errorf("order keys: %w", err)
		}
	}
	if !cfg.Mirror && !cfg.ExternalMatcher {
		if err := n.setupSettlement(ctx, runCtx); err != nil {
			return nil, fmt.Errorf("settlement: %w", err)
		}
	}
	if cfg.PublishProverKeys && n.redemptions != nil && n.relayer != nil {
		go n.publishProverKeys(runCtx)
	}

	// The browse index and the matcher each follow the registry on their own, as separate
	// services would, each with its own checkpoint. The matcher's persisted state makes a
	// replay notify nobody twice; the index applies events idempotently.
	for name, h := range handlers {
		w, err := chain.NewWatcher(chain.WatcherConfig{Backend: n.backend, Registry: n.deployment.DealRegistry,
			FromBlock: n.deployment.DeployBlock, Interval: cfg.WatchInterval, Confirmations: cfg.Confirmations,
			Checkpoint: filepath.Join(cfg.DataDir, name, "checkpoint"), Handle: h, Logger: log.With("part", "watcher", "for", name)})
		if err != nil {
			return nil, err
		}
		if err := w.Start(runCtx); err != nil {
			return nil, err
		}
		n.watchers = append(n.watchers, w)
		if name == "index" {
			n.indexer = w
		}
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
	n.srv = &http.Server{Handler: n.routes(), ReadHeaderTimeout: 10 * time.Second, ErrorLog: serverErrorLog(log)}
	go func() {
		if err := n.srv.Serve(n.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("http server", "err", err)
		}
	}()
	n.registerParts()
	if err := n.startOps(); err != nil {
		return nil, err
	}
	log.Info("node ready", "http", n.URL(), "rpc", n.rpcURL, "ops", n.OpsURL(), "mirror", cfg.Mirror)
	return n, nil
}

// connectChain starts the embedded dev chain or dials cfg.RPC, and picks the relayer key.
func (n *Node) connectChain(ctx context.Context) error {
	cfg := n.cfg
	if cfg.RPC == "" {
		dev, err := chain.StartDev(ctx, chain.DevConfig{
			DataDir: filepath.Join(cfg.DataDir, "chain"), RPCListen: cfg.RPCListen,
			Fund: []common.Address{chain.KeyAddress(chain.DevVendorKey)}, Logger: n.log.With("part", "chain"),
		})
		if err != nil {
			return err
		}
		n.dev, n.client, n.rpcURL = dev, dev.Client(), dev.RPCURL()
	} else {
		c, err := ethclient.DialContext(ctx, cfg.RPC)
		if err != nil {
			return fmt.Errorf("dial %s: %w", cfg.RPC, err)
		}
		n.client, n.rpcURL = c, cfg.RPC
	}
	n.backend = n.client
	if cfg.Mirror {
		return nil
	}
	n.relayer = cfg.RelayerKey
	if n.relayer == nil {
		id, err := n.client.ChainID(ctx)
		if err != nil {
			return fmt.Errorf("chain id: %w", err)
		}
		if !isDevChain(id) {
			return fmt.Errorf("chain %s is not a development chain: give a relayer key (--relayer-key-file)", id)
		}
		n.relayer = chain.DevRelayerKey
	}
	return nil
}

func isDevChain(id *big.Int) bool {
	return id.IsUint64() && (id.Uint64() == chain.DevChainID || id.Uint64() == 31337)
}

// devRegistryAddress is where the dev relayer's first contract lands (nonce 0): the registry
// on a fresh embedded chain or anvil, so a mirror finds it without being told.
var devRegistryAddress = crypto.CreateAddress(chain.KeyAddress(chain.DevRelayerKey), 0)

// deploy resolves the DealRegistry: --registry, else the recorded deployment, else (mirrors on
// dev chains) the dev address, else a fresh deployment, which is recorded.
func (n *Node) deploy(ctx context.Context) error {
	id, err := n.backend.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("chain id: %w", err)
	}
	path := filepath.Join(n.cfg.DataDir, "deployment.json")
	hasCode := func(a common.Address) bool {
		code, err := n.backend.CodeAt(ctx, a, nil)
		return err == nil && len(code) > 0
	}
	use := func(d Deployment) error {
		n.deployment = d
		n.registry, err = chain.NewRegistry(ctx, n.backend, d.DealRegistry)
		if err != nil {
			return err
		}
		b, _ := json.MarshalIndent(d, "", "  ")
		return os.WriteFile(path, b, 0o600)
	}
	if n.cfg.Manifest != "" {
		if n.cfg.Registry != "" {
			return errors.New("give --manifest or --registry, not both")
		}
		m, err := readManifest(ctx, n.cfg.Manifest, n.backend)
		if err != nil {
			return err
		}
		n.devToken = m.DevToken && isDevChain(id)
		return use(m.Deployment)
	}
	switch {
	case n.cfg.Registry != "":
		if !common.IsHexAddress(n.cfg.Registry) {
			return fmt.Errorf("--registry %q is not an address", n.cfg.Registry)
		}
		return use(Deployment{ChainID: id.Uint64(), DealRegistry: common.HexToAddress(n.cfg.Registry)})
	}
	if b, err := os.ReadFile(path); err == nil {
		var d Deployment
		if err := json.Unmarshal(b, &d); err != nil {
			return fmt.Errorf("deployment %s: %w", path, err)
		}
		if d.ChainID == id.Uint64() && hasCode(d.DealRegistry) {
			return use(d)
		}
		n.log.Warn("recorded deployment is not on this chain; looking again")
	}
	if n.cfg.Mirror {
		if isDevChain(id) && hasCode(devRegistryAddress) {
			return use(Deployment{ChainID: id.Uint64(), DealRegistry: devRegistryAddress})
		}
		return errors.New("mirror: no DealRegistry found; give --registry")
	}
	addr, block, err := chain.DeployRegistryAt(ctx, n.backend, n.relayer)
	if err != nil {
		return err
	}
	return use(Deployment{ChainID: id.Uint64(), DealRegistry: addr, DeployBlock: block})
}

// setupAttestation gives a full node on a development chain its AttestationRegistry (pinning
// the simulated SNP's test root) and registers this node's matcher through it. Mirrors only
// read an existing registry.
func (n *Node) setupAttestation(ctx context.Context) error {
	id, err := n.backend.ChainID(ctx)
	if err != nil {
		return err
	}
	d := n.deployment
	hasCode := func(a common.Address) bool {
		code, err := n.backend.CodeAt(ctx, a, nil)
		return err == nil && len(code) > 0
	}
	if n.cfg.Mirror || !isDevChain(id) {
		if d.AttestationRegistry == (common.Address{}) && isDevChain(id) {
			// A dev node deploys it right after the DealRegistry: the relayer's nonce 1.
			d.AttestationRegistry = crypto.CreateAddress(chain.KeyAddress(chain.DevRelayerKey), 1)
		}
		if d.AttestationRegistry != (common.Address{}) && hasCode(d.AttestationRegistry) {
			n.attest = chain.NewAttestation(n.backend, d.AttestationRegistry)
		}
		if d.MetricsLedger == (common.Address{}) && isDevChain(id) {
			// ... and the MetricsLedger after the AttestationRegistry and its first measurement.
			d.MetricsLedger = crypto.CreateAddress(chain.KeyAddress(chain.DevRelayerKey), 3)
		}
		if d.MetricsLedger != (common.Address{}) && hasCode(d.MetricsLedger) {
			n.ledger = chain.NewMetricsLedger(n.backend, d.MetricsLedger)
		}
		if d.Redemptions != (common.Address{}) && hasCode(d.Redemptions) {
			n.redemptions = chain.NewRedemptions(n.backend, d.Redemptions)
		}
		return nil
	}
	// Development only: a simulated SEV-SNP whose AMD root is go-sev-guest's test root.
	if n.snp, err = newDevSNP(); err != nil {
		return err
	}
	if d.AttestationRegistry == (common.Address{}) || !hasCode(d.AttestationRegistry) {
		addr, block, err := n.deployAttestation(ctx, n.snp)
		if err != nil {
			return err
		}
		d.AttestationRegistry, d.AttestationBlock = addr, block
		if err := n.saveDeployment(d); err != nil {
			return err
		}
	}
	n.attest = chain.NewAttestation(n.backend, d.AttestationRegistry)
	if d.MetricsLedger == (common.Address{}) || !hasCode(d.MetricsLedger) {
		addr, block, err := chain.DeployMetricsLedger(ctx, n.backend, n.relayer, d.AttestationRegistry)
		if err != nil {
			return err
		}
		d.MetricsLedger, d.MetricsBlock = addr, block
		if err := n.saveDeployment(d); err != nil {
			return err
		}
	}
	n.ledger = chain.NewMetricsLedger(n.backend, d.MetricsLedger)
	if d.Redemptions == (common.Address{}) || !hasCode(d.Redemptions) {
		addr, block, err := chain.DeployRedemptions(ctx, n.backend, n.relayer, d.DealRegistry, d.AttestationRegistry)
		if err != nil {
			return err
		}
		d.Redemptions, d.RedemptionsBlock = addr, block
		if err := n.saveDeployment(d); err != nil {
			return err
		}
	}
	n.redemptions = chain.NewRedemptions(n.backend, d.Redemptions)
	if n.cfg.ExternalMatcher {
		return nil // the matcher process registers itself (through POST /attestations/matchers)
	}
	seal, err := matcherSealer(n.snp, filepath.Join(n.cfg.DataDir, "matcher"))
	if err != nil {
		return err
	}
	if n.issuer, err = loadIssuer(filepath.Join(n.cfg.DataDir, "matcher"), seal); err != nil {
		return err
	}
	if n.mkeys, err = loadMatcherKeys(filepath.Join(n.cfg.DataDir, "matcher"), seal); err != nil {
		return err
	}
	if err := n.registerMatcher(ctx, n.attest, n.snp, n.mkeys); err != nil {
		return err
	}
	// The credential issuer's key, registered on-chain by the matcher's attested key.
	x, y := n.issuer.Point()
	if err := n.redemptions.RegisterIssuer(ctx, n.relayer, n.mkeys.signer, x, y); err != nil {
		return fmt.Errorf("register credential issuer: %w", err)
	}
	return nil
}

func (n *Node) saveDeployment(d Deployment) error {
	n.deployment = d
	b, _ := json.MarshalIndent(d, "", "  ")
	return os.WriteFile(filepath.Join(n.cfg.DataDir, "deployment.json"), b, 0o600)
}

// URL is the API's base URL.
func (n *Node) URL() string { return "http://" + n.ln.Addr().String() }

// RPCURL is the chain's JSON-RPC URL.
func (n *Node) RPCURL() string { return n.rpcURL }

// Stop drains the node and shuts everything down in reverse order; main calls it on SIGINT
// and SIGTERM. First /readyz answers 503; after Config.DrainDelay the API stops accepting
// connections and requests in flight get Config.DrainTimeout to finish (see drainHTTP). The
// watchers stop next, so a match in progress still hands its notifications to the relay;
// then the relay closes every websocket with 1001 going away; then the rest, the ops listener
// just before the chain. It is safe on a partly started node.
func (n *Node) Stop(ctx context.Context) error {
	var errs []error
	defer n.cancel()
	errs = append(errs, n.drainHTTP(ctx))
	for _, w := range n.watchers {
		errs = append(errs, w.Stop(ctx))
	}
	if n.hub != nil {
		errs = append(errs, n.hub.Stop(ctx))
	}
	if n.nc != nil {
		n.nc.Close()
	}
	if n.opsSrv != nil {
		errs = append(errs, n.opsSrv.Shutdown(ctx))
	}
	if n.unobserve != nil {
		n.unobserve()
	}
	n.metrics.stopSends()
	if n.index != nil {
		errs = append(errs, n.index.Close())
	}
	if n.store != nil {
		errs = append(errs, n.store.Close())
	}
	if n.ipfs != nil {
		errs = append(errs, n.ipfs.Stop(ctx))
	}
	if n.dev != nil {
		errs = append(errs, n.dev.Stop(ctx))
	} else if n.client != nil {
		n.client.Close()
	}
	return errors.Join(errs...)
}

// document fetches a header's document from IPFS (the local store, else peers over bitswap,
// pinning it) and checks it belongs to the header: same vendor, expiry and redemption cap. A
// document that disagrees with its signed header is treated as unavailable, so nobody can list
// a deal under another vendor's name.
func (n *Node) document(ctx context.Context, h bazaar.DealHeader) (cid.Cid, []byte, *bazaar.Deal, error) {
	c := ipfs.CIDFromDigest(h.Digest)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
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
	if ev.Removed {
		return n.reconcile(ctx, ev)
	}
	switch ev.Kind {
	case chain.DealPosted, chain.DealUpdated:
		c, raw, d, err := n.document(ctx, ev.Header)
		if err != nil {
			n.log.Warn("deal indexed without document", "deal", ev.DealID, "err", err)
		}
		if err := n.pinInKubo(ctx, c, raw); err != nil {
			return err
		}
		n.index.Put(ev.DealID, c.String(), ev.Header, d, raw, ev.Block, ev.TxHash)
	case chain.DealCancelled:
		n.index.Cancel(ev.DealID)
	case chain.AllCancelled:
		n.index.CancelVendor(ev.Vendor)
	}
	return nil
}

// reconcile repairs the index after a reorg removed ev: the affected deals are set to what the
// registry holds now. Reading current state (not undoing ev) keeps it right whatever order
// removals and re-additions arrive in.
func (n *Node) reconcile(ctx context.Context, ev chain.Event) error {
	ids := []common.Hash{ev.DealID}
	if ev.Kind == chain.AllCancelled {
		ids = n.index.VendorDeals(ev.Vendor)
	}
	for _, id := range ids {
		d, err := n.registry.Deal(ctx, id)
		if errors.Is(err, bazaar.ErrNotFound) {
			n.index.Remove(id)
			continue
		}
		if err != nil {
			return err
		}
		counter, err := n.registry.Counter(ctx, d.Vendor)
		if err != nil {
			return err
		}
		h := bazaar.DealHeader{Vendor: d.Vendor, Digest: d.Digest, Version: d.Version, ExpiresAt: d.ExpiresAt,
			MaxRedemptions: d.MaxRedemptions, Nonce: n.index.Nonce(id), Counter: d.Counter}
		c, raw, doc, err := n.document(ctx, h)
		if err != nil {
			n.log.Warn("reorg repair without document", "deal", id, "err", err)
		}
		if err := n.pinInKubo(ctx, c, raw); err != nil {
			return err
		}
		n.index.Replace(id, c.String(), h, doc, raw, d.Cancelled || d.Counter.Cmp(counter) != 0)
	}
	return nil
}

// connectKubo makes the client for cfg.IPFSAPI and checks that Kubo answers: a node told to pin
// through Kubo does not start without it.
func (n *Node) connectKubo(ctx context.Context) (*ipfs.Kubo, error) {
	k, err := ipfs.NewKubo(n.cfg.IPFSAPI, nil)
	if err != nil {
		return nil, fmt.Errorf("ipfs api: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	p, err := k.ID(ctx)
	if err != nil {
		return nil, fmt.Errorf("ipfs api: %w", err)
	}
	n.log.Info("pinning deal documents in Kubo too", "api", k.String(), "peer", p.ID.String(), "agent", p.AgentVersion)
	return k, nil
}

// pinInKubo pins an indexed deal's document (raw, whose CID is c) in Kubo when the node pins
// through one; without a document or a Kubo it does nothing. Its error makes the watcher retry
// the event, so a deal enters the index only once Kubo holds its document — also on a mirror,
// and after a restart. Retries wait 1 s, doubling to a minute, so an outage logs little.
func (n *Node) pinInKubo(ctx context.Context, c cid.Cid, raw []byte) error {
	k := n.ipfs.Kubo()
	if k == nil || raw == nil {
		return nil
	}
	pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	_, err := k.Put(pctx, raw)
	cancel()
	if err == nil {
		n.kuboBackoff = 0
		return nil
	}
	n.kuboBackoff = min(max(2*n.kuboBackoff, time.Second), time.Minute)
	t := time.NewTimer(n.kuboBackoff)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
	return fmt.Errorf("pin document %s in Kubo: %w", c, err)
}

func (n *Node) matchEvent(ctx context.Context, ev chain.Event) error {
	// Notifications cannot be unsent; the matcher follows with confirmations where reorgs matter.
	if ev.Removed || (ev.Kind != chain.DealPosted && ev.Kind != chain.DealUpdated) {
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
	start := time.Now()
	res, err := n.engine.Match(ctx, ev.DealID.Hex(), c.String(), ev.Header.Version, d)
	if err != nil {
		return err
	}
	if !res.Skipped {
		n.metrics.match.Observe(time.Since(start).Seconds())
	}
	n.postRequirements(ctx, ev.DealID, ev.Header.Version, d)
	if n.ledger != nil && n.mkeys != nil {
		// The in-process matcher's aggregates go on-chain like a linked matcher's: signed by its
		// attested key, paid for by the relayer.
		sm, err := signedMetrics(n.engine, n.mkeys.signer, new(big.Int).SetUint64(n.deployment.ChainID), n.ledger.Address(), d.Vendor, n.epochs.next())
		if err == nil && n.epochs.changed(sm) {
			if _, err = n.ledger.Post(ctx, n.relayer, sm); err == nil {
				n.epochs.posted(sm)
			}
		}
		if err != nil {
			n.log.Warn("metrics not posted on-chain", "vendor", d.Vendor, "err", err)
		}
	}
	return nil
}

// epochClock issues strictly increasing metrics epochs (milliseconds, bumped on ties) and
// remembers what was last posted per vendor, so unchanged aggregates cost no transaction.
type epochClock struct {
	mu   sync.Mutex
	last uint64
	sent map[common.Address][3]uint64
}

func (c *epochClock) changed(s chain.SignedMetrics) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	prev, ok := c.sent[s.Vendor]
	return (ok || s.AgentsMatched+s.ImpressionsSent+s.Redemptions > 0) && prev != [3]uint64{s.AgentsMatched, s.ImpressionsSent, s.Redemptions}
}

func (c *epochClock) posted(s chain.SignedMetrics) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sent == nil {
		c.sent = map[common.Address][3]uint64{}
	}
	c.sent[s.Vendor] = [3]uint64{s.AgentsMatched, s.ImpressionsSent, s.Redemptions}
}

func (c *epochClock) next() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = max(c.last+1, uint64(time.Now().UnixMilli()))
	return c.last
}

// signedMetrics is a matcher's signed output for the MetricsLedger: the vendor's totals and
// only the breakdown buckets of at least k agents.
func signedMetrics(e *matcher.Engine, key *ecdsa.PrivateKey, chainID *big.Int, ledger, vendor common.Address, epoch uint64) (chain.SignedMetrics, error) {
	m := e.Metrics(vendor.Hex())
	shown := func(in map[string]bazaar.Bucket) map[string]bazaar.Bucket {
		out := map[string]bazaar.Bucket{}
		for k, b := range in {
			if !b.Suppressed {
				out[k] = b
			}
		}
		return out
	}
	js, err := json.Marshal(chain.MetricsBuckets{ByLocation: shown(m.ByLocation), ByDay: shown(m.ByDay)})
	if err != nil {
		return chain.SignedMetrics{}, err
	}
	return chain.SignMetrics(key, chainID, ledger, chain.SignedMetrics{Vendor: vendor, Epoch: epoch, AgentsMatched: m.AgentsMatched,
		ImpressionsSent: m.ImpressionsSent, Redemptions: m.Redemptions, Buckets: js})
}

// kick makes every watcher poll now, after this node sent a transaction.
func (n *Node) kick() {
	for _, w := range n.watchers {
		w.Kick()
	}
}

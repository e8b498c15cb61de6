package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/enclave"
	"github.com/bazaar-market/bazaar/ipfs"
	"github.com/bazaar-market/bazaar/ledger"
	"github.com/bazaar-market/bazaar/matcher"
	"github.com/bazaar-market/bazaar/prover"
	"github.com/bazaar-market/bazaar/relay"
)

// MatcherConfig configures a matcher service: the process that runs inside the confidential VM.
type MatcherConfig struct {
	Node     string // base URL of the node whose relay it links to and whose gateway serves documents
	RPC      string // chain JSON-RPC; "" = the node's
	DataDir  string // keys, matcher state, checkpoint
	Attester enclave.Attester
	Payer    *ecdsa.PrivateKey // pays its own registration; nil = the node relays it
	SeedDemo bool              // add the demo agents' signals (development; a shard's only)
	// Shard, when set, is this matcher's part of the signal space (attested with its keys).
	// Only the matcher holding the start of the space (or the whole) issues credentials and
	// posts deals' requirements; every shard matches every deal and posts its own metrics.
	Shard *matcher.Shard
	// Manifest, when set, is the deployment manifest (contracts/script/Deploy.s.sol) the matcher
	// takes its contracts from instead of the node's word; a node naming others is refused.
	Manifest string
	Epsilon  float64 // > 0: differential-privacy noise on breakdown buckets
	// RenewBefore re-registers (a fresh report and nonce) this long before expiry [1h].
	RenewBefore   time.Duration
	WatchInterval time.Duration
	Logger        *slog.Logger
}

// MatcherService matches deals from the chain against signals it receives sealed through its
// relay link, and sends sealed notifications and k-suppressed metrics back over the link. The
// relay accepts the link only while the chain says this key is a registered matcher.
type MatcherService struct {
	cfg     MatcherConfig
	log     *slog.Logger
	client  *ethclient.Client
	attest  *chain.Attestation
	keys    *matcherKeys
	engine  *matcher.Engine
	store   *matcher.Store
	watcher *chain.Watcher
	chainID *big.Int
	linkURL string
	ledger  common.Address     // MetricsLedger; zero: metrics not published
	settle  common.Address     // Settlement, whose accounts credential requests prove; zero: none
	red     *chain.Redemptions // read-only here: the digests the matcher signs
	issuer  *prover.Issuer
	demo    []DemoAgent
	epochs  epochClock

	mu   sync.Mutex
	link *relay.MatcherClient // nil while down

	cancel context.CancelFunc
	wg     sync.WaitGroup
}

type nodeInfo struct {
	ChainID   uint64         `json:"chainId"`
	RPCURL    string         `json:"rpcUrl"`
	Contracts map[string]any `json:"contracts"`
}

// StartMatcher registers the matcher's keys on-chain (unless already registered), links to the
// node's relay and starts matching. It returns once the link is up.
func StartMatcher(ctx context.Context, cfg MatcherConfig) (_ *MatcherService, err error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.RenewBefore <= 0 {
		cfg.RenewBefore = time.Hour
	}
	if cfg.WatchInterval <= 0 {
		cfg.WatchInterval = 100 * time.Millisecond
	}
	if cfg.Attester == nil {
		return nil, errors.New("matcher: no attester (--snp device or simulated)")
	}
	cfg.Node = strings.TrimRight(cfg.Node, "/")
	s := &MatcherService{cfg: cfg, log: cfg.Logger}
	var info nodeInfo
	if err := apiCall(ctx, http.MethodGet, cfg.Node+"/info", nil, &info); err != nil {
		return nil, fmt.Errorf("node %s: %w", cfg.Node, err)
	}
	rpcURL := cfg.RPC
	if rpcURL == "" {
		rpcURL = info.RPCURL
	}
	reg, _ := info.Contracts["AttestationRegistry"].(string)
	deals, _ := info.Contracts["DealRegistry"].(string)
	from, _ := info.Contracts["deployBlock"].(float64)
	if l, _ := info.Contracts["MetricsLedger"].(string); common.IsHexAddress(l) {
		s.ledger = common.HexToAddress(l)
	}
	redAddr, _ := info.Contracts["Redemptions"].(string)
	if st, _ := info.Contracts["Settlement"].(string); common.IsHexAddress(st) {
		s.settle = common.HexToAddress(st)
	}
	if !common.IsHexAddress(reg) || !common.IsHexAddress(deals) {
		return nil, errors.New("the node names no AttestationRegistry or DealRegistry")
	}
	if s.client, err = ethclient.DialContext(ctx, rpcURL); err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			s.Stop(context.Background())
		}
	}()
	if s.chainID, err = s.client.ChainID(ctx); err != nil {
		return nil, fmt.Errorf("chain: %w", err)
	}
	if cfg.Manifest != "" {
		m, err := readManifest(ctx, cfg.Manifest, s.client)
		if err != nil {
			return nil, err
		}
		if !strings.EqualFold(reg, m.AttestationRegistry.Hex()) || !strings.EqualFold(deals, m.DealRegistry.Hex()) {
			return nil, fmt.Errorf("node %s serves another deployment than the manifest (registry %s, attestation %s): refusing to link", cfg.Node, deals, reg)
		}
		reg, deals, from = m.AttestationRegistry.Hex(), m.DealRegistry.Hex(), float64(m.DeployBlock)
		s.ledger, redAddr, s.settle = m.MetricsLedger, m.Redemptions.Hex(), m.Settlement
	}
	s.attest = chain.NewAttestation(s.client, common.HexToAddress(reg))
	seal, err := matcherSealer(cfg.Attester, cfg.DataDir)
	if err != nil {
		return nil, err
	}
	if s.keys, err = loadMatcherKeys(filepath.Join(cfg.DataDir, "keys"), seal); err != nil {
		return nil, err
	}
	s.keys.shard = cfg.Shard
	if common.IsHexAddress(redAddr) {
		s.red = chain.NewRedemptions(s.client, common.HexToAddress(redAddr))
	}
	if s.issuer, err = loadIssuer(cfg.DataDir, seal); err != nil {
		return nil, err
	}
	if err := s.ensureRegistered(ctx); err != nil {
		return nil, err
	}
	if s.store, err = openSignalStore(cfg.Attester, cfg.DataDir, s.log); err != nil {
		return nil, err
	}
	s.engine, err = matcher.New(matcher.Config{Notifier: s, HPKEKey: s.keys.hpke, HybridKey: s.keys.hybrid, StateFile: filepath.Join(cfg.DataDir, "state.json"),
		Store: s.store, Epsilon: cfg.Epsilon, Shard: cfg.Shard, Logger: s.log.With("part", "matcher")})
	if err != nil {
		return nil, err
	}
	if cfg.SeedDemo {
		if s.demo, err = SeedDemoAgents(s.engine, time.Now(), cfg.Shard); err != nil {
			return nil, err
		}
	}
	s.linkURL = "ws" + strings.TrimPrefix(cfg.Node, "http") + "/relay/matcher"
	if err := s.dial(ctx); err != nil {
		return nil, err
	}
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s.cancel = cancel
	s.watcher, err = chain.NewWatcher(chain.WatcherConfig{Backend: s.client, Registry: common.HexToAddress(deals), FromBlock: uint64(from),
		Interval: cfg.WatchInterval, Checkpoint: filepath.Join(cfg.DataDir, "checkpoint"), Handle: s.matchEvent,
		Logger: s.log.With("part", "watcher")})
	if err != nil {
		return nil, err
	}
	if err := s.watcher.Start(runCtx); err != nil {
		return nil, err
	}
	s.wg.Add(2)
	go s.keepLinked(runCtx)
	go s.keepRegistered(runCtx)
	return s, nil
}

// issues reports whether this matcher is the credential issuer: unsharded, or holding the start
// of the signal space.
func (s *MatcherService) issues() bool { return s.cfg.Shard == nil || s.cfg.Shard.Lo == 0 }

// Address is the matcher's on-chain identity.
func (s *MatcherService) Address() common.Address { return chain.KeyAddress(s.keys.signer) }

// ensureRegistered registers the keys when they are not (or soon no longer) registered.
func (s *MatcherService) ensureRegistered(ctx context.Context) error {
	addr := s.Address()
	ok, err := registeredWith(ctx, s.attest, addr, s.keys.attested())
	if err != nil {
		return fmt.Errorf("check registration: %w", err)
	}
	if ok {
		rec, err := s.attest.Matcher(ctx, addr)
		if err != nil {
			return err
		}
		if time.Until(time.Unix(int64(rec.ExpiresAt), 0)) > s.cfg.RenewBefore {
			return nil
		}
	}
	start := time.Now()
	ev, err := attestKeys(s.chainID, s.attest.Address(), s.cfg.Attester, s.keys)
	if err != nil {
		return err
	}
	if s.cfg.Payer != nil {
		err = submitEvidence(ctx, s.attest, s.cfg.Payer, ev)
	} else {
		err = apiCall(ctx, http.MethodPost, s.cfg.Node+"/attestations/matchers", ev, nil)
	}
	if err != nil {
		return fmt.Errorf("register matcher: %w", err)
	}
	// Trust the chain, not the node's answer.
	if ok, err := registeredWith(ctx, s.attest, addr, s.keys.attested()); err != nil || !ok {
		return fmt.Errorf("matcher %s is not registered on-chain after registration (%v)", addr.Hex(), err)
	}
	s.log.Info("matcher registered on-chain", "matcher", addr, "simulated", s.cfg.Attester.Simulated(),
		"took", time.Since(start).Round(time.Millisecond))
	return nil
}

func (s *MatcherService) dial(ctx context.Context) error {
	dctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	c, err := relay.DialMatcher(dctx, s.linkURL, s.keys.signer, s.keys.attested())
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.link = c
	s.mu.Unlock()
	s.log.Info("linked to the relay", "relay", s.cfg.Node)
	// The credential issuer's key, registered by this matcher's key (the node pays; a no-op
	// when already registered).
	if s.red != nil && s.issues() {
		x, y := s.issuer.Point()
		d, err := s.red.IssuerDigest(ctx, x, y)
		if err == nil {
			var sig []byte
			if sig, err = chain.SignDigest(s.keys.signer, d); err == nil {
				err = c.PublishOutput("issuer", chain.SignedIssuer{X: (*hexutil.Big)(x), Y: (*hexutil.Big)(y), Signature: sig})
			}
		}
		if err != nil {
			s.log.Warn("issuer key not published", "err", err)
		}
	}
	return nil
}

// keepLinked takes signals from the link and redials when it drops.
func (s *MatcherService) keepLinked(ctx context.Context) {
	defer s.wg.Done()
	for ctx.Err() == nil {
		s.mu.Lock()
		c := s.link
		s.mu.Unlock()
		if c == nil {
			if err := s.dial(ctx); err != nil {
				s.log.Warn("relay link", "err", err)
				select {
				case <-ctx.Done():
				case <-time.After(time.Second):
				}
			}
			continue
		}
		for sealed := range c.Signals() {
			err := s.engine.Intake(sealed)
			if errors.Is(err, matcher.ErrNotSignal) {
				err = s.credentialRequest(ctx, sealed)
			}
			if err != nil {
				s.log.Debug("sealed message refused", "err", bazaar.ErrorMessage(err))
			}
		}
		s.mu.Lock()
		s.link = nil
		s.mu.Unlock()
		if ctx.Err() == nil {
			s.log.Warn("relay link closed", "err", c.Err())
		}
	}
}

// keepRegistered renews the registration before it expires.
func (s *MatcherService) keepRegistered(ctx context.Context) {
	defer s.wg.Done()
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.ensureRegistered(ctx); err != nil {
				s.log.Warn("renew registration", "err", err)
			}
		}
	}
}

// Deliver implements bazaar.Notifier over the relay link.
func (s *MatcherService) Deliver(ctx context.Context, mailbox string, payload []byte) error {
	s.mu.Lock()
	c := s.link
	s.mu.Unlock()
	if c == nil {
		return matcher.ErrNotifierDown
	}
	if err := c.Deliver(ctx, mailbox, payload); err != nil {
		return fmt.Errorf("%w: %v", matcher.ErrNotifierDown, err)
	}
	return nil
}

// DeliverKeyed implements matcher.KeyedNotifier over the relay link.
func (s *MatcherService) DeliverKeyed(ctx context.Context, mailbox, key string, payload []byte) error {
	s.mu.Lock()
	c := s.link
	s.mu.Unlock()
	if c == nil {
		return matcher.ErrNotifierDown
	}
	if err := c.DeliverKeyed(ctx, mailbox, key, payload); err != nil {
		return fmt.Errorf("%w: %v", matcher.ErrNotifierDown, err)
	}
	return nil
}

// matchEvent matches a posted or updated deal. The document comes from the node's gateway and
// is checked against the CID the chain recorded, so the node cannot change it.
func (s *MatcherService) matchEvent(ctx context.Context, ev chain.Event) error {
	if ev.Removed || (ev.Kind != chain.DealPosted && ev.Kind != chain.DealUpdated) {
		return nil
	}
	if int64(ev.Header.ExpiresAt) <= time.Now().Unix() {
		return nil
	}
	c := ipfs.CIDFromDigest(ev.Header.Digest)
	d, err := s.fetch(ctx, c.String(), ev.Header)
	if err != nil {
		s.log.Warn("deal not matched", "deal", ev.DealID, "err", err)
		return nil
	}
	if _, err := s.engine.Match(ctx, ev.DealID.Hex(), c.String(), ev.Header.Version, d); err != nil {
		return err
	}
	s.mu.Lock()
	l := s.link
	s.mu.Unlock()
	if l != nil && s.red != nil && s.issues() {
		if err := s.publishRequirements(ctx, l, ev.DealID, ev.Header.Version, d); err != nil {
			s.log.Warn("requirements not published", "deal", ev.DealID, "err", err)
		}
	}
	if l != nil && s.ledger != (common.Address{}) {
		sm, err := signedMetrics(s.engine, s.keys.signer, s.chainID, s.ledger, d.Vendor, s.epochs.next())
		if err == nil && s.epochs.changed(sm) {
			if err = l.PublishMetrics(d.Vendor, sm); err == nil {
				s.epochs.posted(sm)
			}
		}
		if err != nil {
			s.log.Warn("metrics not published", "err", err)
		}
	}
	return nil
}

func (s *MatcherService) fetch(ctx context.Context, cid string, h bazaar.DealHeader) (*bazaar.Deal, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.cfg.Node+"/ipfs/"+cid+"?format=raw", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch document %s: %w", cid, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, bazaar.MaxDocumentSize+1))
	if err != nil || resp.StatusCode != http.StatusOK || ipfs.CID(raw).String() != cid {
		return nil, fmt.Errorf("document %s: missing or not matching its CID (status %d)", cid, resp.StatusCode)
	}
	d, err := bazaar.DecodeDeal(raw)
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", cid, err)
	}
	if d.Vendor != h.Vendor || d.ExpiresAtSeconds() != h.ExpiresAt || d.Availability.MaxRedemptions != h.MaxRedemptions {
		return nil, fmt.Errorf("document %s does not match its signed header", cid)
	}
	return d, nil
}

// publishRequirements signs a deal version's requirements hash for the Redemptions contract,
// naming this matcher's issuer key, and sends it to the node to submit. A version already
// on-chain (matched again after a restart) is not sent: the contract takes one post per version.
func (s *MatcherService) publishRequirements(ctx context.Context, l *relay.MatcherClient, id common.Hash, version uint64, d *bazaar.Deal) error {
	if done, err := s.red.Posted(ctx, id, version); err != nil || done {
		return err
	}
	x, y := s.issuer.Point()
	h, err := prover.RequirementsOf(id, d).ReqHashFor(s.issuer.PublicKey())
	if err != nil {
		return err
	}
	digest, err := s.red.RequirementsDigest(ctx, id, version, h, x, y)
	if err != nil {
		return err
	}
	sig, err := chain.SignDigest(s.keys.signer, digest)
	if err != nil {
		return err
	}
	return l.PublishOutput("requirements", chain.SignedRequirements{DealID: id, Version: version, ReqHash: (*hexutil.Big)(h),
		IssuerX: (*hexutil.Big)(x), IssuerY: (*hexutil.Big)(y), Signature: sig})
}

// credentialRequest answers an agent's sealed credential request: the credential from the
// agent's history, sealed to its mailbox.
func (s *MatcherService) credentialRequest(ctx context.Context, sealed []byte) error {
	plain, err := s.engine.Open(sealed)
	if err != nil {
		return err
	}
	var req struct {
		CredentialRequest *CredentialRequest `json:"credentialRequest"`
	}
	if err := strictJSON(plain, &req); err != nil || req.CredentialRequest == nil {
		return bazaar.Errorf(bazaar.ECodeInvalid, "sealed message is neither a signal nor a credential request")
	}
	// This matcher runs no payment ledger: an account proof shows whose credential it is (its
	// secret), but no settled history counts.
	var account *common.Address
	if p := req.CredentialRequest.History; p != nil {
		if s.settle == (common.Address{}) {
			return bazaar.Errorf(bazaar.ECodeUnavailable, "this deployment names no Settlement contract for account proofs")
		}
		if err := p.Check(purposeHistory, s.chainID, s.settle); err != nil {
			return err
		}
		account = &p.Account
	}
	mailbox, box, err := issueCredential(s.issuer, s.demo, req.CredentialRequest, account, time.Now(), ledger.History{})
	if err != nil {
		return err
	}
	return s.Deliver(ctx, mailbox, box)
}

// Signals is the number of live signals.
func (s *MatcherService) Signals() int { return s.engine.Signals() }

// Stop ends the link, the watcher and the loops.
func (s *MatcherService) Stop(ctx context.Context) error {
	if s.cancel != nil {
		s.cancel()
	}
	var errs []error
	if s.watcher != nil {
		errs = append(errs, s.watcher.Stop(ctx))
	}
	s.mu.Lock()
	if s.link != nil {
		s.link.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	if s.client != nil {
		s.client.Close()
	}
	if s.store != nil {
		errs = append(errs, s.store.Close())
	}
	return errors.Join(errs...)
}

// runMatcher: `bazaar matcher --node URL [--snp device|simulated] [--data DIR] [--rpc URL]
// [--key-file F] [--demo]`.
func runMatcher(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("matcher", flag.ContinueOnError)
	fs.SetOutput(stderr)
	node := fs.String("node", "http://127.0.0.1:8080", "node whose relay to link to (it must run with --matcher external)")
	rpc := fs.String("rpc", "", "chain JSON-RPC URL (default: the node's)")
	data := fs.String("data", ".bazaar-matcher", "data directory: keys, matcher state, checkpoint")
	snp := fs.String("snp", "device", "attestation: device (/dev/sev-guest or configfs-tsm) or simulated (development only)")
	product := fs.String("product", "Milan", "AMD product line of the device (Milan, Genoa, Turin)")
	keyFile := fs.String("key-file", "", "file with a hex key that pays for registration (default: the node relays it)")
	demo := fs.Bool("demo", false, "seed the demo agents' signals (development)")
	eps := fs.Float64("dp-epsilon", 0, "Laplace noise of scale 1/ε on each breakdown bucket vendors see (0: none)")
	shard := fs.String("shard", "", "this matcher's part of the signal space, LO-HI of 0-65536 (attested with its keys); empty: all")
	manifest := fs.String("manifest", "", "deployment manifest: take the contracts from it, not from the node (which must agree)")
	verbose := fs.Bool("v", false, "debug logging")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	cfg := MatcherConfig{Node: *node, RPC: *rpc, DataDir: *data, SeedDemo: *demo, Epsilon: *eps, Manifest: *manifest}
	if *shard != "" {
		sh, err := matcher.ParseShard(*shard)
		if err != nil {
			return err
		}
		cfg.Shard = &sh
	}
	switch *snp {
	case "device":
		d, err := enclave.OpenDevice(*product)
		if err != nil {
			return fmt.Errorf("SEV-SNP device: %w (use --snp simulated for development)", err)
		}
		cfg.Attester = d
	case "simulated":
		d, err := newDevSNP()
		if err != nil {
			return err
		}
		cfg.Attester = d
	default:
		return fmt.Errorf("--snp must be device or simulated, not %q", *snp)
	}
	if *keyFile != "" {
		k, err := loadKey("", *keyFile)
		if err != nil {
			return fmt.Errorf("payer key: %w", err)
		}
		cfg.Payer = k
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	cfg.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	s, err := StartMatcher(ctx, cfg)
	if err != nil {
		return err
	}
	att := "SEV-SNP device"
	if cfg.Attester.Simulated() {
		att = "SIMULATED SEV-SNP (development only: go-sev-guest test root)"
	}
	fmt.Fprintf(stdout, "Bazaar matcher %s\n  attestation  %s\n  relay        %s\n  data         %s\n",
		s.Address().Hex(), att, s.linkURL, cfg.DataDir)
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return s.Stop(sctx)
}

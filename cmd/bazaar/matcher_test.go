package main

import (
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/enclave"
	"github.com/bazaar-market/bazaar/relay"
)

// TestMatcher_External runs the matcher as its own service: it registers its keys through the
// node (which pays, the contract checks), links to the relay (which checks the registration
// on-chain), takes a sealed signal an agent submitted to the node, matches a posted deal,
// delivers the sealed notification through the relay and publishes the vendor's metrics.
func TestMatcher_External(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", ExternalMatcher: true})
	defer n.Stop(ctx)

	// No matcher linked yet: signals cannot be taken, and /info says so.
	if st, e := postRaw(t, n.URL()+"/signals", `{"sealed":"AAAA"}`); st != http.StatusServiceUnavailable || !strings.Contains(e.Error.Message, "no attested matcher") {
		t.Fatalf("signal with no matcher: %d %+v", st, e)
	}
	if _, _, err := CheckMatcher(ctx, n.URL()); err == nil {
		t.Fatal("agent trusted a node with no matcher")
	}

	// Bad registration evidence: a clear error and no transaction.
	nonce, _ := n.backend.PendingNonceAt(ctx, chain.KeyAddress(n.relayer))
	if st, e := postRaw(t, n.URL()+"/attestations/matchers", `{"product":"Milan","report":"AAAA"}`); st != http.StatusBadRequest {
		t.Fatalf("malformed evidence: %d %+v", st, e)
	}

	snp, err := newDevSNP()
	if err != nil {
		t.Fatal(err)
	}
	forged, err := attestKeys(mustChainID(t, n), n.attest.Address(), snp, mustKeys(t))
	if err != nil {
		t.Fatal(err)
	}
	forged.Report[0x100] ^= 1 // the signature no longer covers it
	if st, e := postRaw(t, n.URL()+"/attestations/matchers", mustJSON(t, forged)); st != http.StatusBadRequest || !strings.Contains(e.Error.Message, "BadReportSignature") {
		t.Fatalf("forged report: %d %+v", st, e)
	}
	if after, _ := n.backend.PendingNonceAt(ctx, chain.KeyAddress(n.relayer)); after != nonce+2 {
		// ASK and VCEK are genuine and get cached (two transactions); the report is refused.
		t.Fatalf("relayer sent %d transactions for evidence whose report is forged, want the 2 certificate registrations", after-nonce)
	}

	dir := t.TempDir()
	m, err := StartMatcher(ctx, MatcherConfig{Node: n.URL(), DataDir: dir, Attester: snp, SeedDemo: true,
		WatchInterval: 10 * time.Millisecond, Logger: testLogger(t)})
	if err != nil {
		t.Fatalf("start matcher: %v", err)
	}
	defer m.Stop(ctx)
	rec, err := n.attest.Matcher(ctx, m.Address())
	if err != nil || !rec.TestOnly {
		t.Fatalf("on-chain registration %+v %v", rec, err)
	}
	addr, simulated, err := CheckMatcher(ctx, n.URL())
	if err != nil || addr != m.Address() || !simulated {
		t.Fatalf("agent's on-chain check: %s %v %v", addr, simulated, err)
	}
	var v AttestationsView
	getJSON(t, n.URL()+"/attestations", &v)
	found := false
	for _, a := range v.Matchers {
		if a.Matcher == m.Address().Hex() {
			found = a.Registered && a.Simulated && a.Verified
		}
	}
	if !found {
		t.Fatalf("/attestations does not show the linked matcher verified and flagged: %+v", v.Matchers)
	}

	// An agent opts in through the node; the sealed signal reaches the matcher process.
	state := filepath.Join(t.TempDir(), "agent.json")
	var out strings.Builder
	if err := run(ctx, []string{"agent", "optin", "--node", n.URL(), "--area", "Quận 3", "--tier", "high", "--loyalty", "4",
		"--categories", "coffee,tea", "--state", state}, &out, &out); err != nil {
		t.Fatalf("optin: %v\n%s", err, out.String())
	}
	for m.Signals() != 37 && ctx.Err() == nil {
		time.Sleep(10 * time.Millisecond)
	}

	var got strings.Builder
	listened := make(chan error, 1)
	go func() {
		listened <- run(ctx, []string{"agent", "listen", "--state", state, "--node", n.URL(), "--count", "1"}, &got, io.Discard)
	}()
	for n.hub.Connections() < 1 && ctx.Err() == nil {
		time.Sleep(5 * time.Millisecond)
	}
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := <-listened; err != nil {
		t.Fatalf("listen: %v", err)
	}
	var line ListenLine
	if err := json.Unmarshal([]byte(strings.TrimSpace(got.String())), &line); err != nil || line.DealID != posted.DealID || !line.DocumentVerified {
		t.Fatalf("notification %q: %v", got.String(), err)
	}

	// The vendor's aggregates, published by the matcher over its link.
	var vm bazaar.VendorMetrics
	for vm.AgentsMatched == 0 && ctx.Err() == nil {
		getJSON(t, n.URL()+"/metrics/"+chain.KeyAddress(chain.DevVendorKey).Hex(), &vm)
		time.Sleep(10 * time.Millisecond)
	}
	if vm.AgentsMatched == 0 || vm.ImpressionsSent == 0 {
		t.Fatalf("metrics %+v", vm)
	}

	// Redemption through the linked matcher: it registered its issuer key and posted the deal's
	// requirements (the node paid), and answers the credential request in the mailbox.
	waitRequirements(t, n, common.HexToHash(posted.DealID), 1)
	if x, _, err := n.redemptions.IssuerOf(ctx, m.Address()); err != nil || x.Sign() == 0 {
		t.Fatalf("linked matcher's issuer key not on-chain: %v", err)
	}
	if _, err := Redeem(ctx, n.URL(), common.HexToHash(posted.DealID), "demo-q1-high-l3",
		common.HexToAddress("0x000000000000000000000000000000000000dA1d"), filepath.Join(t.TempDir(), "keys")); err != nil {
		t.Fatalf("redeem through the linked matcher: %v", err)
	}

	// Revoked: the relay refuses the matcher's key, and the node relays no new registration.
	if err := n.attest.RevokeMeasurement(ctx, n.relayer, enclave.DevMeasurement); err != nil {
		t.Fatal(err)
	}
	if _, err := relay.DialMatcher(ctx, "ws"+strings.TrimPrefix(n.URL(), "http")+"/relay/matcher", m.keys.signer, m.keys.attested()); err == nil || !strings.Contains(err.Error(), "not registered") {
		t.Fatalf("relay linked a revoked matcher: %v", err)
	}
	fresh, err := attestKeys(mustChainID(t, n), n.attest.Address(), snp, m.keys)
	if err != nil {
		t.Fatal(err)
	}
	if st, e := postRaw(t, n.URL()+"/attestations/matchers", mustJSON(t, fresh)); st != http.StatusBadRequest || !strings.Contains(e.Error.Message, "MeasurementNotAllowed") {
		t.Fatalf("registration under a revoked measurement: %d %+v", st, e)
	}
	// The agent refuses it: on-chain it is no longer registered, or (once the relay's periodic
	// check has cut the link) the node names no matcher at all.
	if _, _, err := CheckMatcher(ctx, n.URL()); err == nil || !(strings.Contains(err.Error(), "not registered") || strings.Contains(err.Error(), "names no attested matcher")) {
		t.Fatalf("agent still trusts the revoked matcher: %v", err)
	}
}

func TestMatcher_BadFlags(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"matcher", "--snp", "bogus"}, &out, &out); err == nil || !strings.Contains(err.Error(), "device or simulated") {
		t.Fatalf("--snp bogus: %v", err)
	}
	if err := run(context.Background(), []string{"dev", "--matcher", "elsewhere"}, &out, &out); err == nil || !strings.Contains(err.Error(), "in-process or external") {
		t.Fatalf("--matcher elsewhere: %v", err)
	}
	if err := run(context.Background(), []string{"prover", "ceremony", "seal2", "--dir", t.TempDir(), "--beacon", "b"}, &out, &out); err == nil || !strings.Contains(err.Error(), "no contributions") {
		t.Fatalf("seal2 of an empty ceremony: %v", err)
	}
	if err := run(context.Background(), []string{"agent", "redeem", "0x01", "--payout", "nope", "--demo", "x"}, &out, &out); err == nil || !strings.Contains(err.Error(), "not an address") {
		t.Fatalf("redeem with a bad payout: %v", err)
	}
}

func mustChainID(t *testing.T, n *Node) *big.Int {
	t.Helper()
	id, err := n.backend.ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func mustKeys(t *testing.T) *matcherKeys {
	t.Helper()
	snp, err := newDevSNP()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	seal, err := matcherSealer(snp, dir)
	if err != nil {
		t.Fatal(err)
	}
	k, err := loadMatcherKeys(dir, seal)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestAgent_HybridSuite: an agent opts in and out with the post-quantum hybrid suite against
// the dev node's attested matcher; refused suites say why before anything is sent.
func TestAgent_HybridSuite(t *testing.T) {
	ctx := context.Background()
	n := mustNode(t, t.TempDir())
	defer n.Stop(ctx)
	before := n.engine.Signals()
	state := filepath.Join(t.TempDir(), "agent.json")
	var out strings.Builder
	if err := run(ctx, []string{"agent", "optin", "--node", n.URL(), "--area", "Quận 1", "--tier", "high", "--loyalty", "2",
		"--suite", "mlkem768x25519", "--state", state}, &out, &out); err != nil {
		t.Fatalf("hybrid optin: %v\n%s", err, out.String())
	}
	if n.engine.Signals() != before+1 {
		t.Fatalf("%d signals, want %d", n.engine.Signals(), before+1)
	}
	if err := run(ctx, []string{"agent", "optout", "--node", n.URL(), "--state", state}, &out, &out); err != nil {
		t.Fatalf("hybrid optout: %v\n%s", err, out.String())
	}
	if n.engine.Signals() != before {
		t.Fatalf("%d signals after opt-out, want %d", n.engine.Signals(), before)
	}
	if err := run(ctx, []string{"agent", "optin", "--node", n.URL(), "--area", "Quận 1", "--suite", "rsa", "--state", state}, &out, &out); err == nil || !strings.Contains(err.Error(), "unknown suite") {
		t.Fatalf("unknown suite: %v", err)
	}
	if err := run(ctx, []string{"agent", "optin", "--node", n.URL(), "--area", "Quận 1", "--ttl", "12h", "--state", state}, &out, &out); err == nil || !strings.Contains(err.Error(), "1 to 6 hours") {
		t.Fatalf("--ttl 12h: %v", err)
	}
}

// TestNode_SignalsSurviveRestart: an agent's sealed signal survives a node restart (the
// encrypted store), and re-seeding the demo agents replaces theirs instead of doubling them.
func TestNode_SignalsSurviveRestart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	n := mustNode(t, dir)
	var out strings.Builder
	state := filepath.Join(t.TempDir(), "agent.json")
	if err := run(ctx, []string{"agent", "optin", "--node", n.URL(), "--area", "Quận 5", "--tier", "low", "--state", state}, &out, &out); err != nil {
		t.Fatalf("optin: %v\n%s", err, out.String())
	}
	if n.engine.Signals() != 37 {
		t.Fatalf("%d signals", n.engine.Signals())
	}
	n.Stop(ctx)
	n = mustNode(t, dir)
	defer n.Stop(ctx)
	if n.engine.Signals() != 37 {
		t.Fatalf("%d signals after restart, want the 36 demo agents + 1", n.engine.Signals())
	}
	// The restored signal still withdraws with its token.
	if err := run(ctx, []string{"agent", "optout", "--node", n.URL(), "--state", state}, &out, &out); err != nil {
		t.Fatalf("optout after restart: %v\n%s", err, out.String())
	}
	if n.engine.Signals() != 36 {
		t.Fatalf("%d signals after opt-out", n.engine.Signals())
	}
}

package main

import (
	"math/big"

	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/gorilla/websocket"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/enclave/simsnp"
	"github.com/bazaar-market/bazaar/ipfs"
)

func mustNode(tb testing.TB, dir string) *Node {
	tb.Helper()
	return mustStart(tb, Config{DataDir: dir, RPCListen: "127.0.0.1:0", SeedDemo: true})
}

// mustStart starts a node with test defaults filled in (free ports, fast polling, test logs).
func mustStart(tb testing.TB, cfg Config) *Node {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if cfg.HTTPListen == "" {
		cfg.HTTPListen = "127.0.0.1:0"
	}
	if cfg.P2PListen == nil {
		cfg.P2PListen = []string{"/ip4/127.0.0.1/tcp/0"}
	}
	cfg.WatchInterval = 10 * time.Millisecond
	if cfg.Logger == nil {
		cfg.Logger = testLogger(tb)
	}
	n, err := Start(ctx, cfg)
	if err != nil {
		tb.Fatalf("start node: %v", err)
	}
	return n
}

// waitMetrics polls GET /metrics/{vendor} until at least matched agents are counted.
func waitMetrics(tb testing.TB, n *Node, vendor common.Address, matched uint64) {
	tb.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var m bazaar.VendorMetrics
		getJSON(tb, n.URL()+"/metrics/"+vendor.Hex(), &m)
		if m.AgentsMatched >= matched {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("metrics for %s: %d matched, want %d", vendor, m.AgentsMatched, matched)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func getJSON(tb testing.TB, url string, out any) int {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			tb.Fatalf("GET %s: %v in %s", url, err, b)
		}
	}
	return resp.StatusCode
}

func postRaw(tb testing.TB, url, body string) (int, apiError) {
	tb.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	var e apiError
	b, _ := io.ReadAll(resp.Body)
	json.Unmarshal(b, &e)
	return resp.StatusCode, e
}

func exampleDeal(tb testing.TB) *bazaar.Deal {
	tb.Helper()
	raw := mustRead(tb, "../../examples/deal.json")
	d, err := bazaar.DecodeDeal(raw)
	if err != nil {
		tb.Fatal(err)
	}
	d.Vendor = chain.KeyAddress(chain.DevVendorKey)
	d.ExpiresAt = time.Now().Add(7 * 24 * time.Hour).UnixMilli()
	return d
}

// pricedDeal is exampleDeal at another price (cents, no discount): payments are for the
// price of the deal version redeemed, so a test paying an amount posts a deal at that price.
func pricedDeal(tb testing.TB, cents bazaar.Money) *bazaar.Deal {
	tb.Helper()
	d := exampleDeal(tb)
	d.Pricing.BasePrice, d.Pricing.DiscountedPrice, d.Pricing.DiscountPercent = cents, cents, 0
	return d
}

type dealList struct {
	Deals []DealView `json:"deals"`
	Next  *string    `json:"next"`
}

// TestDev_Walk is the foundation's end-to-end walk: a vendor signs and posts the example deal,
// it is pinned, mined and listed, the gateway serves its bytes, matched demo agents receive the
// notification over the relay websocket, and the vendor sees aggregate counts only.
func TestDev_Walk(t *testing.T) {
	dir := t.TempDir()
	walk(t, func() *Node { return mustNode(t, dir) })
}

// TestNode_Walk_Anvil runs the same walk with anvil as the chain (bazaar node --rpc).
func TestNode_Walk_Anvil(t *testing.T) {
	rpc := mustAnvil(t)
	dir := t.TempDir()
	walk(t, func() *Node { return mustStart(t, Config{DataDir: dir, RPC: rpc, SeedDemo: true}) })
}

func walk(t *testing.T, start func() *Node) {
	ctx := context.Background()
	n := start()
	stopped := false
	defer func() {
		if !stopped {
			n.Stop(ctx)
		}
	}()
	vendor := chain.KeyAddress(chain.DevVendorKey)

	// An agent in a targeted area listens before the deal exists; one in another area after it.
	var wg sync.WaitGroup
	got := make(chan bazaar.Notification, 1)
	lctx, lcancel := context.WithTimeout(ctx, 30*time.Second)
	defer lcancel()
	wg.Add(1)
	go func() {
		defer wg.Done()
		err := AgentListen(lctx, n.URL(), bazaar.DemoMailboxKey("demo-q1-high-l3"), bazaar.DemoNotifyKey("demo-q1-high-l3"), func(p json.RawMessage) bool {
			var nt bazaar.Notification
			if err := json.Unmarshal(p, &nt); err != nil {
				t.Errorf("notification %s: %v", p, err)
			}
			got <- nt
			return false
		})
		if err != nil {
			t.Errorf("listen: %v", err)
		}
	}()

	var relayerNonce = func() uint64 {
		nonce, err := n.client.NonceAt(ctx, chain.KeyAddress(chain.DevRelayerKey), nil)
		if err != nil {
			t.Fatal(err)
		}
		return nonce
	}

	t.Run("bad input changes nothing", func(t *testing.T) {
		before := relayerNonce()
		d := exampleDeal(t)
		docJS, _ := json.Marshal(d)
		canonical, _ := ipfs.Canonical(docJS)
		other := exampleDeal(t)
		other.Service.Description = "something else"
		otherJS, _ := json.Marshal(other)
		otherCanon, _ := ipfs.Canonical(otherJS)
		counter := common.Big0
		// A valid vendor signature, but over another document's digest.
		h := bazaar.NewHeader(other, sha256.Sum256(otherCanon), 1, bazaar.NonceFromDigest(sha256.Sum256(canonical)), counter)
		wrongDigestSig, _ := n.registry.Domain.SignDeal(chain.DevVendorKey, h)
		// The right header, signed by someone else.
		stranger, _ := crypto.GenerateKey()
		rightH := bazaar.NewHeader(d, sha256.Sum256(canonical), 1, bazaar.NonceFromDigest(sha256.Sum256(canonical)), counter)
		strangerSig, _ := n.registry.Domain.SignDeal(stranger, rightH)
		invalid := exampleDeal(t)
		invalid.Pricing.DiscountedPrice = invalid.Pricing.BasePrice + 1
		invalidJS, _ := json.Marshal(invalid)

		cases := []struct {
			name, body, code string
			status           int
		}{
			{"malformed JSON", `{"document": {`, bazaar.ECodeInvalid, 400},
			{"unknown field", fmt.Sprintf(`{"document":%s,"signature":"0x00","extra":1}`, docJS), bazaar.ECodeInvalid, 400},
			{"unknown document field", `{"document":{"vendorId":"x","color":"red"},"signature":"0x00"}`, bazaar.ECodeInvalid, 400},
			{"invalid document", fmt.Sprintf(`{"document":%s,"signature":"%s"}`, invalidJS, hexutil.Encode(strangerSig)), bazaar.ECodeInvalid, 400},
			{"missing signature", fmt.Sprintf(`{"document":%s}`, docJS), bazaar.ECodeInvalid, 400},
			{"wrong signer", fmt.Sprintf(`{"document":%s,"signature":"%s"}`, docJS, hexutil.Encode(strangerSig)), bazaar.ECodeSignature, 401},
			{"digest differs from signed header", fmt.Sprintf(`{"document":%s,"signature":"%s"}`, docJS, hexutil.Encode(wrongDigestSig)), bazaar.ECodeSignature, 401},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				status, e := postRaw(t, n.URL()+"/deals", c.body)
				if status != c.status || e.Error.Code != c.code || e.Error.Message == "" {
					t.Fatalf("got %d %+v, want %d %s", status, e, c.status, c.code)
				}
			})
		}
		if has, _ := n.ipfs.Has(ctx, ipfs.CID(canonical)); has {
			t.Error("a refused document was pinned")
		}
		if after := relayerNonce(); after != before {
			t.Errorf("relayer sent %d transactions for refused input", after-before)
		}
		var l dealList
		getJSON(t, n.URL()+"/deals", &l)
		if len(l.Deals) != 0 {
			t.Errorf("refused input listed %d deals", len(l.Deals))
		}
	})

	var posted PostResult
	t.Run("vendor post", func(t *testing.T) {
		var out bytes.Buffer
		err := run(ctx, []string{"vendor", "post", "../../examples/deal.json", "--key", hexutil.Encode(cryptoBytes(chain.DevVendorKey)), "--node", n.URL()}, &out, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(out.Bytes(), &posted); err != nil || posted.DealID == "" || posted.CID == "" || posted.TxHash == "" {
			t.Fatalf("post output %q: %v", out.String(), err)
		}
	})

	var view DealView
	t.Run("listed and served by the gateway", func(t *testing.T) {
		var l dealList
		if st := getJSON(t, n.URL()+"/deals?area=Qu%E1%BA%ADn%201&category=coffee", &l); st != 200 || len(l.Deals) != 1 {
			t.Fatalf("GET /deals: %d %+v", st, l)
		}
		view = l.Deals[0]
		if view.DealID != posted.DealID || view.CID != posted.CID || view.Status != StatusActive || view.Vendor != vendor.Hex() {
			t.Fatalf("listed %+v, posted %+v", view, posted)
		}
		var none dealList
		getJSON(t, n.URL()+"/deals?area=Qu%E1%BA%ADn%207", &none)
		if len(none.Deals) != 0 {
			t.Fatalf("area filter let through %d deals", len(none.Deals))
		}
		var one DealView
		if st := getJSON(t, n.URL()+"/deals/"+posted.DealID, &one); st != 200 || one.Digest != view.Digest {
			t.Fatalf("GET /deals/{id}: %d %+v", st, one)
		}
		if st := getJSON(t, n.URL()+"/deals/0x"+strings.Repeat("ab", 32), nil); st != 404 {
			t.Fatalf("unknown deal: %d, want 404", st)
		}
		resp, err := http.Get(n.URL() + "/ipfs/" + posted.CID + "?format=raw")
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if sum := sha256.Sum256(raw); resp.StatusCode != 200 || hexutil.Encode(sum[:]) != strings.ToLower(view.Digest) {
			t.Fatalf("gateway raw: %d, sha256 %x, header digest %s", resp.StatusCode, sum, view.Digest)
		}
		onChain, err := n.registry.Deal(ctx, common.HexToHash(posted.DealID))
		if err != nil || common.Hash(onChain.Digest).Hex() != view.Digest {
			t.Fatalf("on-chain digest %x, %v; listed %s", onChain.Digest, err, view.Digest)
		}
	})

	t.Run("matched agent is notified over the relay", func(t *testing.T) {
		select {
		case nt := <-got:
			if nt.DealID != posted.DealID || nt.CID != posted.CID || nt.Type != bazaar.NotificationMatched {
				t.Fatalf("notification %+v, posted %+v", nt, posted)
			}
		case <-lctx.Done():
			t.Fatal("no notification reached the demo agent")
		}
		// An agent connecting later still gets its stored notification.
		var late bazaar.Notification
		err := AgentListen(lctx, n.URL(), bazaar.DemoMailboxKey("demo-q3-medium-l1"), bazaar.DemoNotifyKey("demo-q3-medium-l1"), func(p json.RawMessage) bool {
			json.Unmarshal(p, &late)
			return false
		})
		if err != nil || late.DealID != posted.DealID {
			t.Fatalf("stored notification: %+v, %v", late, err)
		}
	})
	wg.Wait()

	t.Run("vendor sees aggregates only", func(t *testing.T) {
		// Read from the MetricsLedger, where the matcher posts after delivering.
		waitMetrics(t, n, vendor, 12)
		var m bazaar.VendorMetrics
		var body json.RawMessage
		getJSON(t, n.URL()+"/metrics/"+vendor.Hex(), &body)
		json.Unmarshal(body, &m)
		// Quận 1 and 3 × medium and high tiers × loyalty 1, 3, 5.
		if m.AgentsMatched != 12 || m.ByLocation["Quận 1"].Matched != 6 || m.ByLocation["Quận 3"].Matched != 6 {
			t.Fatalf("metrics %s", body)
		}
		for _, leak := range []string{"demo-", "mailbox", "ephemeral"} {
			if strings.Contains(string(body), leak) {
				t.Fatalf("metrics %s carry %q", body, leak)
			}
		}
	})

	t.Run("logs carry no agent identifier or client address", func(t *testing.T) {
		logs := loggedSoFar()
		if !strings.Contains(logs, "deal matched") {
			t.Fatal("the node logged nothing of the walk: the privacy check below would prove nothing")
		}
		for _, leak := range []string{"demo-q", "mailbox=", "ephemeral", "remote", "127.0.0.1:" + clientPort(t, n)} {
			if strings.Contains(logs, leak) {
				t.Fatalf("node logs carry %q", leak)
			}
		}
	})

	t.Run("info", func(t *testing.T) {
		var info struct {
			ChainID   uint64         `json:"chainId"`
			RPCURL    string         `json:"rpcUrl"`
			Contracts map[string]any `json:"contracts"`
		}
		getJSON(t, n.URL()+"/info", &info)
		if info.ChainID != n.deployment.ChainID || info.RPCURL != n.RPCURL() || info.RPCURL == "" || info.Contracts["DealRegistry"] != n.deployment.DealRegistry.Hex() {
			t.Fatalf("info %+v", info)
		}
	})

	if err := n.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	stopped = true
	t.Run("state persists across restart", func(t *testing.T) {
		n2 := start()
		defer n2.Stop(ctx)
		var l dealList
		getJSON(t, n2.URL()+"/deals", &l)
		if len(l.Deals) != 1 || l.Deals[0].DealID != posted.DealID || l.Deals[0].Digest != view.Digest {
			t.Fatalf("after restart: %+v", l)
		}
		var m bazaar.VendorMetrics
		getJSON(t, n2.URL()+"/metrics/"+vendor.Hex(), &m)
		if m.AgentsMatched != 12 {
			t.Fatalf("after restart agentsMatched = %d, want 12 (no double count)", m.AgentsMatched)
		}
	})
}

// clientPort opens a connection to the node and returns its local port, i.e. the client
// address the node sees, so the log check can look for it.
func clientPort(t *testing.T, n *Node) string {
	t.Helper()
	var port string
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err == nil {
			port = strconv.Itoa(c.LocalAddr().(*net.TCPAddr).Port)
		}
		return c, err
	}}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Get(n.URL() + "/deals?area=x")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return port
}

// TestDev_Attestations: the dev node's matcher is registered through the AttestationRegistry
// (simulated SNP, flagged), GET /attestations and `bazaar audit` re-verify it off-chain, and
// the export is in the form go-sev-guest's check reads. Both show the proof verifier and flag
// its development keys (no failure on a development chain).
func TestDev_Attestations(t *testing.T) {
	ctx := context.Background()
	n := mustNode(t, t.TempDir())
	defer n.Stop(ctx)
	var v AttestationsView
	if st := getJSON(t, n.URL()+"/attestations", &v); st != 200 {
		t.Fatalf("GET /attestations: %d", st)
	}
	if len(v.Matchers) != 1 || len(v.AllowedMeasurements) != 1 {
		t.Fatalf("attestations %+v", v)
	}
	m := v.Matchers[0]
	if !m.Registered || !m.Simulated || !m.Verified || m.Matcher != chain.KeyAddress(n.mkeys.signer).Hex() {
		t.Fatalf("matcher %+v", m)
	}
	if p := v.Prover; p == nil || !p.DevelopmentKeys || p.VKHash != p.BoundVKHash || p.Redemptions != n.redemptions.Address().Hex() || len(p.Problems) != 0 {
		t.Fatalf("prover %+v", v.Prover)
	}
	ok, err := n.attest.IsRegistered(ctx, chain.KeyAddress(n.mkeys.signer))
	if err != nil || !ok {
		t.Fatalf("isRegistered on-chain: %v %v", ok, err)
	}
	var out strings.Builder
	dir := t.TempDir()
	if err := run(ctx, []string{"audit", "--node", n.URL(), "--export", dir}, &out, &out); err != nil {
		t.Fatalf("audit: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "PASS") || !strings.Contains(out.String(), "SIMULATED") ||
		!strings.Contains(out.String(), "DEVELOPMENT KEYS: anyone can forge proofs") || !strings.Contains(out.String(), "verifier") {
		t.Fatalf("audit table:\n%s", out.String())
	}
	for _, f := range []string{"quote.bin", "report.bin", "ask_ark.pem", "check.sh"} {
		if _, err := os.Stat(filepath.Join(dir, m.Matcher, f)); err != nil {
			t.Fatalf("export: %v", err)
		}
	}

	t.Run("go-sev-guest check accepts the export", func(t *testing.T) {
		gobin := t.TempDir()
		install := exec.Command("go", "install", "github.com/google/go-sev-guest/tools/check@v0.15.0")
		install.Env = append(os.Environ(), "GOBIN="+gobin)
		if out, err := install.CombinedOutput(); err != nil {
			t.Fatalf("build go-sev-guest check: %v\n%s", err, out)
		}
		script := filepath.Join(dir, m.Matcher, "check.sh")
		run := func(path string) error {
			cmd := exec.Command("sh", path)
			cmd.Env = append(os.Environ(), "PATH="+gobin+string(os.PathListSeparator)+os.Getenv("PATH"))
			out, err := cmd.CombinedOutput()
			if err != nil {
				return fmt.Errorf("%v: %s", err, out)
			}
			return nil
		}
		if err := run(script); err != nil {
			t.Fatalf("check refused the exported report: %v", err)
		}
		body, _ := os.ReadFile(script)
		bad := filepath.Join(dir, m.Matcher, "check-wrong-measurement.sh")
		os.WriteFile(bad, []byte(strings.Replace(string(body), "-measurement "+m.Measurement[:4], "-measurement 0000", 1)), 0o755)
		if err := run(bad); err == nil {
			t.Fatal("check accepted a wrong measurement: the check proves nothing")
		}
	})
}

// TestAgent_ChecksMatcherOnChain: an agent refuses a node whose matcher is not registered.
func TestAgent_ChecksMatcherOnChain(t *testing.T) {
	ctx := context.Background()
	n := mustNode(t, t.TempDir())
	defer n.Stop(ctx)
	m, simulated, err := CheckMatcher(ctx, n.URL())
	if err != nil || !simulated || m != chain.KeyAddress(n.mkeys.signer) {
		t.Fatalf("CheckMatcher = %s %v %v", m, simulated, err)
	}
	// Revoke the dev measurement: the agent must stop trusting the matcher at once.
	if err := n.attest.RevokeMeasurement(ctx, n.relayer, simsnp.DevMeasurement); err != nil {
		t.Fatal(err)
	}
	if _, _, err := CheckMatcher(ctx, n.URL()); err == nil || !strings.Contains(err.Error(), "not registered") {
		t.Fatalf("after revocation: %v", err)
	}
	var out strings.Builder
	err = run(ctx, []string{"agent", "listen", "--mailbox", "demo-q1-high-l3", "--node", n.URL(), "--count", "1"}, &out, &out)
	if err == nil || !strings.Contains(err.Error(), "refusing") {
		t.Fatalf("agent listen trusted a revoked matcher: %v %s", err, out.String())
	}
}

// TestAgent_OptInSealed: an agent seals its signal to the attested matcher key through the CLI,
// and receives the matching deal as a sealed notification it alone can open.
func TestAgent_OptInSealed(t *testing.T) {
	ctx := context.Background()
	n := mustNode(t, t.TempDir())
	defer n.Stop(ctx)
	state := filepath.Join(t.TempDir(), "agent.json")
	var out strings.Builder
	if err := run(ctx, []string{"agent", "optin", "--node", n.URL(), "--area", "Quận 3", "--tier", "high", "--loyalty", "4",
		"--categories", "coffee,tea", "--state", state}, &out, &out); err != nil {
		t.Fatalf("optin: %v\n%s", err, out.String())
	}
	b, _ := os.ReadFile(state)
	var st AgentState
	if err := json.Unmarshal(b, &st); err != nil || len(st.NotifyKey) != 32 {
		t.Fatalf("agent state %s: %v", b, err)
	}
	if n.engine.Signals() != 37 {
		t.Fatalf("%d signals, want the 36 demo agents + 1", n.engine.Signals())
	}

	// The raw relay view of the agent's mailbox: sealed, padded, naming nothing.
	raw := make(chan []byte, 1)
	lctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	go func() {
		// What the relay carries for this mailbox: opened with the agent's mailbox key, but
		// read without the notification key.
		u, _ := relayURL(n.URL(), st.Mailbox)
		c, _, err := websocket.DefaultDialer.DialContext(lctx, u, nil)
		if err != nil {
			return
		}
		defer c.Close()
		var ch struct{ Nonce []byte }
		c.ReadJSON(&ch)
		mk := ed25519.NewKeyFromSeed(st.MailboxSeed)
		c.WriteJSON(map[string]any{"type": "auth", "pub": []byte(mk.Public().(ed25519.PublicKey)), "sig": ed25519.Sign(mk, bazaar.MailboxChallenge(st.Mailbox, ch.Nonce))})
		_, msg, _ := c.ReadMessage()
		raw <- msg
	}()
	var got strings.Builder
	listened := make(chan error, 1)
	go func() {
		listened <- run(lctx, []string{"agent", "listen", "--state", state, "--node", n.URL(), "--count", "1"}, &got, io.Discard)
	}()
	for n.hub.Connections() < 2 && lctx.Err() == nil {
		time.Sleep(5 * time.Millisecond)
	}
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := <-listened; err != nil {
		t.Fatalf("listen: %v", err)
	}
	var nt ListenLine
	if err := json.Unmarshal([]byte(strings.TrimSpace(got.String())), &nt); err != nil || nt.DealID != posted.DealID {
		t.Fatalf("notification %q: %v", got.String(), err)
	}
	if !nt.DocumentVerified || nt.Eligible == nil || !*nt.Eligible {
		t.Fatalf("local evaluation: %+v", nt)
	}
	select {
	case msg := <-raw:
		for _, leak := range []string{posted.DealID, "coffee", "Highlands", st.EphemeralID} {
			if strings.Contains(string(msg), leak) {
				t.Fatalf("relay-visible envelope carries %q", leak)
			}
		}
	case <-lctx.Done():
		t.Fatal("no envelope reached the raw relay client")
	}

	t.Run("no agent data on chain or in vendor JSON", func(t *testing.T) {
		logs, err := n.client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0)})
		if err != nil || len(logs) == 0 {
			t.Fatalf("chain logs: %d, %v", len(logs), err)
		}
		var onChain []byte
		for _, l := range logs {
			onChain = append(onChain, l.Data...)
			for _, tp := range l.Topics {
				onChain = append(onChain, tp[:]...)
			}
		}
		var metrics json.RawMessage
		getJSON(t, n.URL()+"/metrics/"+chain.KeyAddress(chain.DevVendorKey).Hex(), &metrics)
		// Area names may appear on chain only as vendor aggregates of at least k agents (the
		// MetricsLedger's breakdown); identifiers and keys never.
		for _, leak := range [][]byte{[]byte(st.EphemeralID), []byte(st.Mailbox), st.NotifyKey, st.MailboxSeed} {
			if bytes.Contains(onChain, leak) {
				t.Fatalf("chain logs carry agent data %q", leak)
			}
			if bytes.Contains(metrics, []byte(st.EphemeralID)) || bytes.Contains(metrics, []byte(st.Mailbox)) {
				t.Fatalf("vendor metrics carry agent data: %s", metrics)
			}
		}
	})

	out.Reset()
	if err := run(ctx, []string{"agent", "optout", "--node", n.URL(), "--state", state}, &out, &out); err != nil {
		t.Fatalf("optout: %v\n%s", err, out.String())
	}
	if n.engine.Signals() != 36 {
		t.Fatalf("%d signals after opt-out, want the 36 demo agents", n.engine.Signals())
	}
	if _, err := os.Stat(state); !os.IsNotExist(err) {
		t.Fatal("agent state kept after opt-out")
	}
}

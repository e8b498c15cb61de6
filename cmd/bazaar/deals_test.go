package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ipfs"
)

func postJSON(tb testing.TB, url string, body any, out any) int {
	tb.Helper()
	b, _ := json.Marshal(body)
	resp, err := http.Post(url, "application/json", strings.NewReader(string(b)))
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			tb.Fatalf("POST %s: %v in %s", url, err, raw)
		}
	}
	return resp.StatusCode
}

// TestDeals_CastSigned: a deal signed by Foundry's cast over POST /eip712/deal's typed data,
// with anvil's first dev key as the vendor, is accepted by POST /deals.
func TestDeals_CastSigned(t *testing.T) {
	castSigned(t, mustNode(t, t.TempDir()))
}

func TestDeals_CastSigned_Anvil(t *testing.T) {
	castSigned(t, mustStart(t, Config{DataDir: t.TempDir(), RPC: mustAnvil(t)}))
}

func castSigned(t *testing.T, n *Node) {
	ctx := context.Background()
	defer n.Stop(ctx)
	key := chain.DevRelayerKey // anvil's first dev key
	d := exampleDeal(t)
	d.Vendor = chain.KeyAddress(key)
	docJS, _ := json.Marshal(d)

	var typed json.RawMessage
	if st := postJSON(t, n.URL()+"/eip712/deal", map[string]any{"document": json.RawMessage(docJS)}, &typed); st != 200 {
		t.Fatalf("eip712: %d %s", st, typed)
	}
	file := filepath.Join(t.TempDir(), "typed.json")
	os.WriteFile(file, typed, 0o600)
	cast, _ := filepath.Abs("../../node_modules/.bin/cast")
	out, err := exec.Command(cast, "wallet", "sign", "--private-key", hexutil.Encode(crypto.FromECDSA(key)), "--data", "--from-file", file).CombinedOutput()
	if err != nil {
		t.Fatalf("cast wallet sign: %v\n%s", err, out)
	}
	var res PostResult
	st := postJSON(t, n.URL()+"/deals", map[string]any{"document": json.RawMessage(docJS), "signature": strings.TrimSpace(string(out))}, &res)
	if st != http.StatusCreated || res.DealID == "" {
		t.Fatalf("post with cast signature: %d %+v", st, res)
	}
	var v DealView
	if getJSON(t, n.URL()+"/deals/"+res.DealID, &v); v.Vendor != d.Vendor.Hex() || v.Status != StatusActive {
		t.Fatalf("deal %+v", v)
	}
}

// TestDeals_BadInput: each refused request gets a 4xx JSON error and changes nothing.
func TestDeals_BadInput(t *testing.T) {
	badInput(t, mustNode(t, t.TempDir()))
}

func TestDeals_BadInput_Anvil(t *testing.T) {
	badInput(t, mustStart(t, Config{DataDir: t.TempDir(), RPC: mustAnvil(t)}))
}

func badInput(t *testing.T, n *Node) {
	ctx := context.Background()
	defer n.Stop(ctx)
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	// The matcher's transactions for the deal (requirements, then metrics) are in before the
	// checks below count the relayer's.
	waitRequirements(t, n, common.HexToHash(posted.DealID), 1)
	if n.cfg.SeedDemo {
		waitMetrics(t, n, chain.KeyAddress(chain.DevVendorKey), 1)
	}
	nonce := func() uint64 {
		v, err := n.client.NonceAt(ctx, chain.KeyAddress(chain.DevRelayerKey), nil)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	before := nonce()
	signed := func(mod func(*bazaar.Deal)) string {
		d := exampleDeal(t)
		mod(d)
		js, _ := json.Marshal(d)
		var typed json.RawMessage
		postJSON(t, n.URL()+"/eip712/deal", map[string]any{"document": json.RawMessage(js)}, &typed)
		td, err := chain.ParseWalletJSON(typed)
		if err != nil {
			// The document is refused already; sign anything so the request is well-formed.
			return fmt.Sprintf(`{"document":%s,"signature":"0x%s"}`, js, strings.Repeat("11", 65))
		}
		sig, _ := chain.SignTyped(chain.DevVendorKey, td)
		return fmt.Sprintf(`{"document":%s,"signature":"%s"}`, js, hexutil.Encode(sig))
	}
	// The right header, signed for another chain id or another registry address.
	foreign := func(dom chain.Domain) string {
		d := exampleDeal(t)
		d.Service.Description = "foreign domain"
		js, _ := json.Marshal(d)
		canonical, _ := ipfs.Canonical(js)
		digest := bazaar.Digest(canonical)
		sig, _ := dom.SignDeal(chain.DevVendorKey, bazaar.NewHeader(d, digest, 1, bazaar.NonceFromDigest(digest), bigZero()))
		return fmt.Sprintf(`{"document":%s,"signature":"%s"}`, js, hexutil.Encode(sig))
	}
	otherChain := n.registry.Domain
	otherChain.ChainID = new(big.Int).Add(otherChain.ChainID, big.NewInt(1))
	otherRegistry := n.registry.Domain
	otherRegistry.Registry = common.HexToAddress("0x000000000000000000000000000000000000dEaD")
	cases := []struct {
		name, body, code string
		status           int
	}{
		{"signature for another chain", foreign(otherChain), bazaar.ECodeSignature, 401},
		{"signature for another registry", foreign(otherRegistry), bazaar.ECodeSignature, 401},
		{"negative price", signed(func(d *bazaar.Deal) { d.Pricing.BasePrice = -100; d.Pricing.DiscountedPrice = -100 }), bazaar.ECodeInvalid, 400},
		{"expired deal", signed(func(d *bazaar.Deal) { d.ExpiresAt = time.Now().Add(-time.Minute).UnixMilli() }), bazaar.ECodeInvalid, 400},
		{"oversized document", signed(func(d *bazaar.Deal) { d.Service.Description = strings.Repeat("x", 20000) }), bazaar.ECodeTooLarge, 413},
		{"unknown vendor loyalty tier", signed(func(d *bazaar.Deal) { d.Requirements.LoyaltyTier = "vip" }), bazaar.ECodeInvalid, 400},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, e := postRaw(t, n.URL()+"/deals", c.body)
			if st != c.status || e.Error.Code != c.code {
				t.Fatalf("got %d %+v, want %d %s", st, e, c.status, c.code)
			}
		})
	}
	t.Run("replayed signature", func(t *testing.T) {
		// The exact request that posted the deal, sent again, is refused by the registry.
		var v DealView
		getJSON(t, n.URL()+"/deals/"+posted.DealID, &v)
		var d bazaar.Deal
		json.Unmarshal(v.Document, &d)
		js, _ := json.Marshal(&d)
		h := bazaar.NewHeader(&d, common32(v.Digest), 1, bazaar.NonceFromDigest(common32(v.Digest)), bigZero())
		sig, _ := n.registry.Domain.SignDeal(chain.DevVendorKey, h)
		before := nonce()
		st, e := postRaw(t, n.URL()+"/deals", fmt.Sprintf(`{"document":%s,"signature":"%s"}`, js, hexutil.Encode(sig)))
		if st != http.StatusConflict || e.Error.Code != bazaar.ECodeConflict {
			t.Fatalf("replay: %d %+v", st, e)
		}
		if nonce() != before {
			t.Fatal("a replay sent a transaction")
		}
	})
	t.Run("unknown deal id", func(t *testing.T) {
		if st := getJSON(t, n.URL()+"/deals/0x"+strings.Repeat("cd", 32), nil); st != 404 {
			t.Fatalf("GET unknown deal: %d", st)
		}
		if st := getJSON(t, n.URL()+"/deals/not-an-id", nil); st != 400 {
			t.Fatalf("GET malformed id: %d", st)
		}
	})
	t.Run("CAR for an unknown CID", func(t *testing.T) {
		resp, err := http.Get(n.URL() + "/ipfs/not-a-cid?format=car")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode < 400 || resp.StatusCode >= 500 {
			t.Fatalf("CAR for unknown CID: %d, want 4xx", resp.StatusCode)
		}
		c := ipfs.CID([]byte(`{"nobody":"has this"}`)) // a valid CID nobody has
		resp, err = http.Get(n.URL() + "/ipfs/" + c.String() + "?format=car")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 404 {
			t.Fatalf("CAR for absent CID: %d, want 404", resp.StatusCode)
		}
	})
	if after := nonce(); after != before {
		t.Fatalf("refused requests sent %d transactions", after-before)
	}
	var l dealList
	getJSON(t, n.URL()+"/deals?status=all", &l)
	if len(l.Deals) != 1 {
		t.Fatalf("refused requests changed the listing: %d deals", len(l.Deals))
	}
}

// TestDeals_ETag: list and deal answers carry ETags and honour If-None-Match.
func TestDeals_ETag(t *testing.T) {
	ctx := context.Background()
	n := mustNode(t, t.TempDir())
	defer n.Stop(ctx)
	res, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/deals", "/deals/" + res.DealID} {
		resp, err := http.Get(n.URL() + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		etag := resp.Header.Get("ETag")
		if etag == "" || !strings.Contains(resp.Header.Get("Cache-Control"), "max-age") || resp.Header.Get("Set-Cookie") != "" {
			t.Fatalf("%s headers %v", path, resp.Header)
		}
		req, _ := http.NewRequest("GET", n.URL()+path, nil)
		req.Header.Set("If-None-Match", etag)
		resp, err = http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotModified {
			t.Fatalf("%s with If-None-Match: %d", path, resp.StatusCode)
		}
	}
	// A new deal changes the list's tag.
	resp, _ := http.Get(n.URL() + "/deals")
	resp.Body.Close()
	old := resp.Header.Get("ETag")
	d := exampleDeal(t)
	d.Service.Description = "another deal"
	if _, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, d); err != nil {
		t.Fatal(err)
	}
	resp, _ = http.Get(n.URL() + "/deals")
	resp.Body.Close()
	if resp.Header.Get("ETag") == old {
		t.Fatal("list ETag unchanged after a new deal")
	}
}

// TestDeals_ResumeAfterRestart: deals posted on the chain while the node is down are indexed
// when it comes back (no gap), and nothing indexed before is listed twice (no duplicate).
func TestDeals_ResumeAfterRestart(t *testing.T) {
	ctx := context.Background()
	rpc := mustAnvil(t)
	dir := t.TempDir()
	start := func() *Node { return mustStart(t, Config{DataDir: dir, RPC: rpc}) }
	n := start()
	first, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	// Prepare a second document in the node's store, then stop the node and post its header
	// straight to the chain, as another node or cast would.
	d := exampleDeal(t)
	d.Service.Description = "posted while the node was down"
	js, _ := json.Marshal(d)
	canonical, _ := ipfs.Canonical(js)
	if _, err := n.ipfs.Put(ctx, canonical); err != nil {
		t.Fatal(err)
	}
	reg := n.registry
	if err := n.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	client, err := ethclient.Dial(rpc)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	reg, err = chain.NewRegistry(ctx, client, reg.Address())
	if err != nil {
		t.Fatal(err)
	}
	digest := bazaar.Digest(canonical)
	h := bazaar.NewHeader(d, digest, 1, bazaar.NonceFromDigest(digest), bigZero())
	sig, _ := reg.Domain.SignDeal(chain.DevVendorKey, h)
	if _, err := reg.Post(ctx, chain.DevRelayerKey, h, sig); err != nil {
		t.Fatal(err)
	}

	n = start()
	defer n.Stop(ctx)
	var l dealList
	getJSON(t, n.URL()+"/deals?status=all", &l)
	seen := map[string]int{}
	for _, v := range l.Deals {
		seen[v.DealID]++
	}
	if len(l.Deals) != 2 || seen[first.DealID] != 1 || seen[h.DealID().Hex()] != 1 {
		t.Fatalf("after restart: %d deals %v; want %s and %s once each", len(l.Deals), seen, first.DealID, h.DealID().Hex())
	}
	var v DealView
	getJSON(t, n.URL()+"/deals/"+h.DealID().Hex(), &v)
	if v.Status != StatusActive {
		t.Fatalf("deal posted while down: status %s", v.Status)
	}
}

// TestDeals_Reorg_Anvil: a deal whose block is reverted on anvil (evm_snapshot / evm_revert,
// then a different block at that height) leaves the browse index; the replacing deal enters it.
func TestDeals_Reorg_Anvil(t *testing.T) {
	ctx := context.Background()
	rpcURL := mustAnvil(t)
	n := mustStart(t, Config{DataDir: t.TempDir(), RPC: rpcURL})
	defer n.Stop(ctx)
	raw, err := rpc.Dial(rpcURL)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	a, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	var snap string
	if err := raw.CallContext(ctx, &snap, "evm_snapshot"); err != nil {
		t.Fatal(err)
	}
	bDeal := exampleDeal(t)
	bDeal.Service.Description = "reverted"
	b, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, bDeal)
	if err != nil {
		t.Fatal(err)
	}
	if st := getJSON(t, n.URL()+"/deals/"+b.DealID, nil); st != 200 {
		t.Fatalf("B not indexed before the revert: %d", st)
	}
	var ok bool
	if err := raw.CallContext(ctx, &ok, "evm_revert", snap); err != nil || !ok {
		t.Fatalf("evm_revert: %v %v", ok, err)
	}
	cDeal := exampleDeal(t)
	cDeal.Service.Description = "replacement"
	c, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, cDeal)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for getJSON(t, n.URL()+"/deals/"+b.DealID, nil) != 404 {
		if time.Now().After(deadline) {
			t.Fatal("the reverted deal is still indexed")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The index then settles on A and C (the replacing block's deal may land a poll later).
	var l dealList
	for {
		l = dealList{}
		getJSON(t, n.URL()+"/deals", &l)
		ids := map[string]bool{}
		for _, v := range l.Deals {
			ids[v.DealID] = true
		}
		if len(l.Deals) == 2 && ids[a.DealID] && ids[c.DealID] {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the reorg: %d deals, want A and C", len(l.Deals))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestDemoDeals: every demo deal `bazaar dev` posts is valid, and the node accepts them all.
func TestDemoDeals(t *testing.T) {
	ctx := context.Background()
	n := mustNode(t, t.TempDir())
	defer n.Stop(ctx)
	var out strings.Builder
	if err := n.seedDemoDeals(ctx, &out); err != nil {
		t.Fatal(err)
	}
	vendor := chain.KeyAddress(chain.DevVendorKey)
	if got, want := len(n.index.VendorDeals(vendor)), len(DemoDeals(vendor, time.Now())); got != want {
		t.Fatalf("%d demo deals indexed, want %d:\n%s", got, want, out.String())
	}
	if err := n.seedDemoDeals(ctx, &out); err != nil || len(n.index.VendorDeals(vendor)) != len(DemoDeals(vendor, time.Now())) {
		t.Fatalf("a second start posted the demo deals again: %v", err)
	}
}

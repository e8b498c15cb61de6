package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
)

func TestDeals_Lifecycle(t *testing.T) {
	lifecycle(t, func() *Node { return mustNode(t, t.TempDir()) })
}

func TestDeals_Lifecycle_Anvil(t *testing.T) {
	rpc := mustAnvil(t)
	lifecycle(t, func() *Node { return mustStart(t, Config{DataDir: t.TempDir(), RPC: rpc}) })
}

// lifecycle: post, update to a higher version (through the CLI), refuse stale versions and
// foreign signatures, cancel by signature, refuse updates of the cancelled deal.
func lifecycle(t *testing.T, start func() *Node) {
	ctx := context.Background()
	n := start()
	defer n.Stop(ctx)
	key := hexutil.Encode(crypto.FromECDSA(chain.DevVendorKey))
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	nonce := func() uint64 {
		v, err := n.client.NonceAt(ctx, chain.KeyAddress(chain.DevRelayerKey), nil)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}

	t.Run("update to version 2 through the CLI", func(t *testing.T) {
		var out strings.Builder
		err := run(ctx, []string{"vendor", "update", posted.DealID, "../../examples/deal.json", "--key", key, "--node", n.URL()}, &out, &out)
		if err != nil {
			t.Fatalf("%v: %s", err, out.String())
		}
		var v DealView
		getJSON(t, n.URL()+"/deals/"+posted.DealID, &v)
		if v.Version != 2 || v.Status != StatusActive || v.CID == posted.CID {
			t.Fatalf("after update: %+v", v)
		}
		onChain, err := n.registry.Deal(ctx, common.HexToHash(posted.DealID))
		if err != nil || onChain.Version != 2 || common.Hash(onChain.Digest).Hex() != v.Digest {
			t.Fatalf("on-chain after update: %+v %v", onChain, err)
		}
		// Both versions matched, their requirements and metrics posted on-chain, so the
		// matcher's transactions are done before the next checks count the relayer's.
		waitRequirements(t, n, common.HexToHash(posted.DealID), 2)
		if n.cfg.SeedDemo {
			waitMetrics(t, n, chain.KeyAddress(chain.DevVendorKey), 24)
		}
	})

	t.Run("stale or equal version is refused", func(t *testing.T) {
		before := nonce()
		for _, version := range []uint64{1, 2} {
			d := exampleDeal(t)
			d.Service.Description = fmt.Sprintf("stale %d", version)
			js, _ := json.Marshal(d)
			var typed json.RawMessage
			postJSON(t, n.URL()+"/eip712/deal", map[string]any{"document": json.RawMessage(js), "dealId": posted.DealID, "version": version}, &typed)
			td, err := chain.ParseWalletJSON(typed)
			if err != nil {
				t.Fatalf("typed data %s: %v", typed, err)
			}
			sig, _ := chain.SignTyped(chain.DevVendorKey, td)
			body := fmt.Sprintf(`{"document":%s,"signature":"%s","version":%d}`, js, hexutil.Encode(sig), version)
			st, e := doRaw(t, http.MethodPut, n.URL()+"/deals/"+posted.DealID, body)
			if st != http.StatusConflict || e.Error.Code != bazaar.ECodeConflict {
				t.Fatalf("version %d: %d %+v", version, st, e)
			}
		}
		if nonce() != before {
			t.Fatal("refused updates sent transactions")
		}
	})

	t.Run("cancel signed by a stranger is refused", func(t *testing.T) {
		stranger, _ := crypto.GenerateKey()
		sig, _ := n.registry.Domain.SignCancel(stranger, common.HexToHash(posted.DealID))
		st, e := doRaw(t, http.MethodDelete, n.URL()+"/deals/"+posted.DealID, fmt.Sprintf(`{"signature":"%s"}`, hexutil.Encode(sig)))
		if st != http.StatusUnauthorized || e.Error.Code != bazaar.ECodeSignature {
			t.Fatalf("stranger cancel: %d %+v", st, e)
		}
	})

	t.Run("unknown deal", func(t *testing.T) {
		unknown := "0x" + strings.Repeat("ef", 32)
		if st, e := doRaw(t, http.MethodDelete, n.URL()+"/deals/"+unknown, `{"signature":"0x00"}`); st != 404 {
			t.Fatalf("cancel unknown: %d %+v", st, e)
		}
		if _, err := VendorUpdate(ctx, n.URL(), chain.DevVendorKey, unknown, exampleDeal(t)); err == nil || !strings.Contains(err.Error(), "not_found") {
			t.Fatalf("update unknown: %v", err)
		}
	})

	t.Run("cancel by the vendor's signature", func(t *testing.T) {
		var out strings.Builder
		if err := run(ctx, []string{"vendor", "cancel", posted.DealID, "--key", key, "--node", n.URL()}, &out, &out); err != nil {
			t.Fatalf("%v: %s", err, out.String())
		}
		var v DealView
		getJSON(t, n.URL()+"/deals/"+posted.DealID, &v)
		if v.Status != StatusCancelled {
			t.Fatalf("status %s after cancel", v.Status)
		}
		var l dealList
		getJSON(t, n.URL()+"/deals", &l)
		if len(l.Deals) != 0 {
			t.Fatalf("a cancelled deal is still listed as active: %+v", l.Deals)
		}
	})

	t.Run("cancelled deal cannot be updated", func(t *testing.T) {
		before := nonce()
		_, err := VendorUpdate(ctx, n.URL(), chain.DevVendorKey, posted.DealID, exampleDeal(t))
		if err == nil || !strings.Contains(err.Error(), "conflict") {
			t.Fatalf("update after cancel: %v", err)
		}
		if nonce() != before {
			t.Fatal("refused update sent a transaction")
		}
	})
}

func doRaw(tb testing.TB, method, url, body string) (int, apiError) {
	tb.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	var e apiError
	json.NewDecoder(resp.Body).Decode(&e)
	return resp.StatusCode, e
}

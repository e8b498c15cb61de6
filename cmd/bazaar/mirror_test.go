package main

import (
	"context"
	"crypto/sha256"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ipfs/go-cid"

	"github.com/bazaar-market/bazaar/chain"
)

// TestNode_Mirror: a second node follows the first one's chain over JSON-RPC, finds the
// registry by itself, fetches every deal document from its IPFS peer over bitswap and serves
// them; it refuses writes.
func TestNode_Mirror(t *testing.T) {
	ctx := context.Background()
	a := mustNode(t, t.TempDir())
	defer a.Stop(ctx)
	m := mustStart(t, Config{DataDir: t.TempDir(), RPC: a.RPCURL(), Mirror: true, Peers: a.peerAddrs()})
	defer m.Stop(ctx)
	if m.deployment.DealRegistry != a.deployment.DealRegistry {
		t.Fatalf("mirror found registry %s, node has %s", m.deployment.DealRegistry, a.deployment.DealRegistry)
	}

	res, err := VendorPost(ctx, a.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	var l dealList
	deadline := time.Now().Add(20 * time.Second)
	for {
		getJSON(t, m.URL()+"/deals", &l)
		if len(l.Deals) == 1 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(l.Deals) != 1 || l.Deals[0].DealID != res.DealID || l.Deals[0].Status != StatusActive {
		t.Fatalf("mirror lists %+v, want deal %s active", l.Deals, res.DealID)
	}
	c, err := cid.Decode(res.CID)
	if err != nil {
		t.Fatal(err)
	}
	if has, err := m.ipfs.Has(ctx, c); err != nil || !has {
		t.Fatalf("mirror did not pin the document: %v %v", has, err)
	}
	resp, err := http.Get(m.URL() + "/ipfs/" + res.CID + "?format=raw")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if sum := sha256.Sum256(raw); resp.StatusCode != 200 || hexutil.Encode(sum[:]) != l.Deals[0].Digest {
		t.Fatalf("mirror gateway: %d, sha256 %x vs digest %s", resp.StatusCode, sum, l.Deals[0].Digest)
	}
	if st, e := postRaw(t, m.URL()+"/deals", `{"document":{},"signature":"0x00"}`); st != http.StatusServiceUnavailable || e.Error.Code != "unavailable" {
		t.Fatalf("mirror accepted a post: %d %+v", st, e)
	}
}

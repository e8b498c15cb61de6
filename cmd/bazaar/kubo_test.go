package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ipfs"
)

// The node's pinning through a real Kubo is checked by TestInterop_KuboNode (make interop);
// these are the failures, against a fake Kubo RPC API.

// fakeKuboPeer is the peer ID the fake Kubo answers /api/v0/id with.
const fakeKuboPeer = "12D3KooWNam75KEWtVjyrL3qQ43EwGN31xFNcw5rCo776u83BGaw"

func TestNode_KuboFailures(t *testing.T) {
	ctx := context.Background()

	t.Run("Kubo not answering: the node does not start", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		srv.Close()
		n, err := Start(ctx, Config{DataDir: t.TempDir(), HTTPListen: "127.0.0.1:0", IPFSAPI: srv.URL, Logger: testLogger(t)})
		if err == nil {
			n.Stop(ctx)
			t.Fatal("started with its Kubo RPC API down")
		}
		if !strings.Contains(err.Error(), srv.URL+"/api/v0/id") {
			t.Fatalf("start error %q does not name the Kubo endpoint", err)
		}
	})

	t.Run("Kubo down after start: a post is 503 and changes nothing", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/api/v0/id" {
				http.Error(w, "fake Kubo: only id", http.StatusNotImplemented)
				return
			}
			fmt.Fprintf(w, `{"ID":%q,"AgentVersion":"kubo/fake"}`, fakeKuboPeer)
		}))
		defer srv.Close()
		n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", IPFSAPI: srv.URL})
		defer n.Stop(ctx)

		var info struct {
			IPFS struct {
				KuboAPI  bool   `json:"kuboApi"`
				KuboPeer string `json:"kuboPeer"`
			} `json:"ipfs"`
		}
		getJSON(t, n.URL()+"/info", &info)
		if !info.IPFS.KuboAPI || info.IPFS.KuboPeer != fakeKuboPeer {
			t.Fatalf("/info ipfs = %+v, want kuboApi and Kubo's peer %s", info.IPFS, fakeKuboPeer)
		}
		srv.Close()
		info.IPFS.KuboPeer = ""
		getJSON(t, n.URL()+"/info", &info)
		if !info.IPFS.KuboAPI || info.IPFS.KuboPeer != "" {
			t.Fatalf("/info ipfs with Kubo down = %+v, want kuboApi and no peer", info.IPFS)
		}

		nonce := func() uint64 {
			v, err := n.client.NonceAt(ctx, chain.KeyAddress(chain.DevRelayerKey), nil)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		before := nonce()
		js, td, sig, err := signDocument(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t), "")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := json.Marshal(map[string]any{"document": json.RawMessage(js), "signature": hexutil.Encode(sig),
			"nonce": fmt.Sprint(td.Message["nonce"]), "counter": fmt.Sprint(td.Message["counter"])})
		resp, err := http.Post(n.URL()+"/deals", "application/json", strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var e apiError
		json.Unmarshal(raw, &e)
		if resp.StatusCode != http.StatusServiceUnavailable || e.Error.Code != bazaar.ECodeUnavailable || !strings.Contains(e.Error.Message, "Kubo") {
			t.Fatalf("POST /deals with Kubo down: %d %s, want 503 unavailable naming Kubo", resp.StatusCode, raw)
		}
		if strings.Contains(string(raw), srv.URL) {
			t.Errorf("the answer shows the node's Kubo URL: %s", raw)
		}
		canonical, err := ipfs.Canonical(js)
		if err != nil {
			t.Fatal(err)
		}
		if mustHasDoc(t, n, canonical) {
			t.Error("the document was pinned in the embedded store")
		}
		if after := nonce(); after != before {
			t.Errorf("the relayer sent %d transactions", after-before)
		}
		var l dealList
		getJSON(t, n.URL()+"/deals", &l)
		if len(l.Deals) != 0 {
			t.Errorf("%d deals listed", len(l.Deals))
		}
		if !strings.Contains(loggedSoFar(), srv.URL+"/api/v0/block/put") {
			t.Error("the log does not name the Kubo endpoint that failed")
		}
	})
}

func mustHasDoc(tb testing.TB, n *Node, doc []byte) bool {
	tb.Helper()
	has, err := n.ipfs.Has(context.Background(), ipfs.CID(doc))
	if err != nil {
		tb.Fatal(err)
	}
	return has
}

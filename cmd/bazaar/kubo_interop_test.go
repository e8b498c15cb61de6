//go:build interop

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/ipfs/go-cid"

	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ipfs/kubotest"
)

// TestInterop_KuboNode: a dev node with --ipfs-api pins a posted deal's document and its prover
// keys in a real Kubo 0.43.1, with our CIDs and bytes; a mirror with its own Kubo pins the
// document it fetches before listing the deal (make interop).
func TestInterop_KuboNode(t *testing.T) {
	ctx := context.Background()
	kNode, kMirror := kubotest.Start(t), kubotest.Start(t)
	kuboID := func(k *kubotest.Daemon) string {
		var id struct{ ID string }
		if err := json.Unmarshal(k.Run(t, nil, "id"), &id); err != nil {
			t.Fatal(err)
		}
		return id.ID
	}

	a := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", SeedDemo: true, PublishProverKeys: true, IPFSAPI: kNode.RPCURL(t)})
	defer a.Stop(ctx)
	var info struct {
		IPFS struct {
			KuboAPI  bool   `json:"kuboApi"`
			KuboPeer string `json:"kuboPeer"`
		} `json:"ipfs"`
		Prover map[string]any `json:"prover"`
	}
	getJSON(t, a.URL()+"/info", &info)
	if want := kuboID(kNode); !info.IPFS.KuboAPI || info.IPFS.KuboPeer != want {
		t.Fatalf("/info ipfs = %+v, want kuboApi and peer %s", info.IPFS, want)
	}

	res, err := VendorPost(ctx, a.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	c, err := cid.Decode(res.CID)
	if err != nil {
		t.Fatal(err)
	}
	doc := gatewayRaw(t, a, c)
	checkPinned := func(t *testing.T, k *kubotest.Daemon, c cid.Cid, doc []byte) {
		t.Helper()
		if typ := k.Pinned(t, c); typ != "recursive" {
			t.Fatalf("Kubo pin/ls %s = %q, want recursive", c, typ)
		}
		if got := k.RPC(t, "block/get", url.Values{"arg": {c.String()}}); !bytes.Equal(got, doc) {
			t.Fatalf("Kubo block/get %s =\n%q\nthe node serves\n%q", c, got, doc)
		}
	}

	t.Run("a post is pinned in the node's Kubo", func(t *testing.T) {
		checkPinned(t, kNode, c, doc)
	})

	t.Run("the dev node's prover keys are pinned in its Kubo", func(t *testing.T) {
		deadline := time.Now().Add(2 * time.Minute)
		for info.Prover["pkCid"] == nil && time.Now().Before(deadline) {
			time.Sleep(200 * time.Millisecond)
			getJSON(t, a.URL()+"/info", &info)
		}
		for _, key := range []string{"pkCid", "vkCid"} {
			s, _ := info.Prover[key].(string)
			kc, err := cid.Decode(s)
			if err != nil {
				t.Fatalf("/info prover %s = %v (%v): %+v", key, info.Prover[key], err, info.Prover)
			}
			if typ := kNode.Pinned(t, kc); typ != "recursive" {
				t.Fatalf("Kubo pin/ls %s (%s) = %q, want recursive", kc, key, typ)
			}
			if got, err := a.ipfs.CatFile(ctx, kc); err != nil || !bytes.Equal(kNode.Run(t, nil, "cat", "--offline", kc.String()), got) {
				t.Fatalf("Kubo's %s %s differs from ours (%v)", key, kc, err)
			}
		}
	})

	t.Run("a mirror pins what it fetches in its Kubo before listing it", func(t *testing.T) {
		if kMirror.HasLocal(t, c) {
			t.Fatalf("the mirror's Kubo already has %s", c)
		}
		m := mustStart(t, Config{DataDir: t.TempDir(), RPC: a.RPCURL(), Mirror: true, Peers: a.peerAddrs(), IPFSAPI: kMirror.RPCURL(t)})
		defer m.Stop(ctx)
		var l dealList
		deadline := time.Now().Add(20 * time.Second)
		for len(l.Deals) == 0 && time.Now().Before(deadline) {
			getJSON(t, m.URL()+"/deals", &l)
			time.Sleep(20 * time.Millisecond)
		}
		if len(l.Deals) != 1 || l.Deals[0].CID != res.CID {
			t.Fatalf("mirror lists %+v, want %s", l.Deals, res.CID)
		}
		checkPinned(t, kMirror, c, doc)
	})
}

// gatewayRaw is the raw block c from n's gateway.
func gatewayRaw(t *testing.T, n *Node, c cid.Cid) []byte {
	t.Helper()
	resp, err := http.Get(n.URL() + "/ipfs/" + c.String() + "?format=raw")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /ipfs/%s: %d %v", c, resp.StatusCode, err)
	}
	return raw
}

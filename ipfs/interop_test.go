//go:build interop

package ipfs_test

// Interop with Kubo 0.43.1, the reference IPFS implementation:
//
//	go test -tags interop ./ipfs/ -run Interop    (make interop)
//
// ipfs/kubotest builds Kubo once from the Go module proxy into the user
// cache and runs it offline, on loopback only, with its RPC API.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	carv2 "github.com/ipld/go-car/v2"

	"github.com/bazaar-market/bazaar/ipfs"
	"github.com/bazaar-market/bazaar/ipfs/kubotest"
)

// carContents reads a CARv1 stream's roots and blocks in order.
func carContents(t *testing.T, car []byte) (roots []cid.Cid, blks []cid.Cid, data map[cid.Cid][]byte) {
	t.Helper()
	br, err := carv2.NewBlockReader(bytes.NewReader(car))
	if err != nil {
		t.Fatalf("read CAR header: %v", err)
	}
	if br.Version != 1 {
		t.Errorf("CAR version %d, want 1", br.Version)
	}
	data = map[cid.Cid][]byte{}
	for {
		b, err := br.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("read CAR block %d: %v", len(blks), err)
		}
		blks = append(blks, b.Cid())
		data[b.Cid()] = b.RawData()
	}
	return br.Roots, blks, data
}

func TestInterop_Kubo(t *testing.T) {
	ctx := context.Background()
	k := kubotest.Start(t)
	ours := mustOpen(t, "", loopback)
	t.Logf("Kubo %s: RPC API %s; our node %s", kubotest.Version, k.API, ours.Addrs()[0])

	t.Run("Kubo fetches our deal over bitswap", func(t *testing.T) {
		deal, err := ipfs.Canonical([]byte(`{"vendorId":"highlands-coffee","service":{"category":"coffee","description":"Cà Phê Sữa Đá"},"pricing":{"basePrice":5,"discountedPrice":4,"currency":"USD"},"expiresAt":"2026-12-31T23:59:59Z"}`))
		if err != nil {
			t.Fatal(err)
		}
		c, err := ours.Put(ctx, deal)
		if err != nil {
			t.Fatal(err)
		}
		if k.HasLocal(t, c) {
			t.Fatalf("Kubo already has %s before fetching it", c)
		}
		k.Run(t, nil, "swarm", "connect", ours.Addrs()[0].String())
		got := k.Run(t, nil, "block", "get", "--timeout", "30s", c.String())
		if !bytes.Equal(got, deal) {
			t.Fatalf("Kubo block get %s =\n%q\nwant\n%q", c, got, deal)
		}
		if !k.HasLocal(t, c) {
			t.Errorf("Kubo does not list %s in refs local after fetching it", c)
		}
		// dag get decodes it with Kubo's dag-json codec and re-encodes it:
		// the canonical form survives the round trip.
		decoded := k.Run(t, nil, "dag", "get", "--output-codec", "dag-json", c.String())
		if !bytes.Equal(bytes.TrimSpace(decoded), deal) {
			t.Fatalf("Kubo dag get %s =\n%q\nwant\n%q", c, decoded, deal)
		}
		field := strings.TrimSpace(string(k.Run(t, nil, "dag", "get", c.String()+"/service/description")))
		if field != `"Cà Phê Sữa Đá"` {
			t.Errorf("Kubo dag get %s/service/description = %s", c, field)
		}
	})

	t.Run("our CAR imports into Kubo with the same root and equals its export", func(t *testing.T) {
		// A deal linking its terms: the CAR holds two blocks, so block order
		// and link traversal are compared as well as framing.
		terms, err := ipfs.Canonical([]byte(`{"refunds":false,"maxPerCustomer":2,"text":"one drink per coupon"}`))
		if err != nil {
			t.Fatal(err)
		}
		tc, err := ours.Put(ctx, terms)
		if err != nil {
			t.Fatal(err)
		}
		deal, err := ipfs.Canonical([]byte(fmt.Sprintf(`{"vendorId":"car-vendor","pricing":{"basePrice":3.5,"currency":"USD"},"terms":{"/":%q}}`, tc)))
		if err != nil {
			t.Fatal(err)
		}
		c, err := ours.Put(ctx, deal)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range []cid.Cid{c, tc} {
			if k.HasLocal(t, x) {
				t.Fatalf("Kubo already has %s before the import", x)
			}
		}

		srv := httptest.NewServer(ours.Gateway())
		defer srv.Close()
		resp, err := srv.Client().Get(srv.URL + "/ipfs/" + c.String() + "?format=car")
		if err != nil {
			t.Fatal(err)
		}
		car, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET CAR: %d %s", resp.StatusCode, car)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/vnd.ipld.car") {
			t.Errorf("CAR Content-Type %q", ct)
		}
		roots, order, data := carContents(t, car)
		if len(roots) != 1 || !roots[0].Equals(c) {
			t.Fatalf("our CAR roots %v, want [%s]", roots, c)
		}
		if len(order) != 2 || !bytes.Equal(data[c], deal) || !bytes.Equal(data[tc], terms) {
			t.Fatalf("our CAR blocks %v, want deal %s and terms %s with their bytes", order, c, tc)
		}

		out := string(k.Run(t, car, "dag", "import", "--stats", "--pin-roots=true"))
		if !strings.Contains(out, "Pinned root\t"+c.String()+"\tsuccess") {
			t.Fatalf("ipfs dag import did not pin root %s:\n%s", c, out)
		}
		if !strings.Contains(out, "Imported 2 blocks") {
			t.Errorf("ipfs dag import stats, want 2 blocks:\n%s", out)
		}
		for _, x := range []cid.Cid{c, tc} {
			if !k.HasLocal(t, x) {
				t.Fatalf("Kubo lacks %s after the import", x)
			}
		}
		if got := k.Run(t, nil, "dag", "get", c.String()+"/terms/maxPerCustomer"); strings.TrimSpace(string(got)) != "2" {
			t.Errorf("Kubo dag get through the imported link = %q, want 2", got)
		}

		exported := k.Run(t, nil, "dag", "export", c.String())
		if !bytes.Equal(exported, car) {
			eroots, eorder, edata := carContents(t, exported)
			t.Fatalf("our CAR (%d bytes, roots %v, blocks %v) differs from Kubo's `dag export` (%d bytes, roots %v, blocks %v); same block bytes: %v",
				len(car), roots, order, len(exported), eroots, eorder,
				bytes.Equal(edata[c], deal) && bytes.Equal(edata[tc], terms))
		}
	})

	t.Run("our node fetches a document only Kubo has", func(t *testing.T) {
		doc, err := ipfs.Canonical([]byte(`{"vendorId":"kubo-only","n":42,"tags":["mirror","kubo"]}`))
		if err != nil {
			t.Fatal(err)
		}
		kc := k.DagPut(t, doc)
		if want := ipfs.CID(doc); !kc.Equals(want) {
			t.Fatalf("Kubo stored the document as %s, want %s", kc, want)
		}
		if mustHas(t, ours, kc) {
			t.Fatal("our node already has the Kubo-only block")
		}
		if err := ours.Connect(ctx, k.SwarmAddr(t)); err != nil {
			t.Fatal(err)
		}
		gctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		got, err := ours.Get(gctx, kc)
		if err != nil {
			t.Fatalf("Get %s from Kubo over bitswap: %v", kc, err)
		}
		if !bytes.Equal(got, doc) {
			t.Fatalf("fetched %q, want %q", got, doc)
		}
		if fc := ipfs.CIDFromDigest(sha256.Sum256(got)); !fc.Equals(kc) {
			t.Fatalf("fetched bytes hash to %s, want %s", fc, kc)
		}
		if !mustHas(t, ours, kc) {
			t.Error("the fetched block was not stored")
		}
	})

	t.Run("our node pins a deal document and files in Kubo through its RPC API", func(t *testing.T) {
		kc, err := ipfs.NewKubo(k.RPCURL(t), nil)
		if err != nil {
			t.Fatal(err)
		}
		var id struct{ ID string }
		if err := json.Unmarshal(k.Run(t, nil, "id"), &id); err != nil {
			t.Fatal(err)
		}
		if p, err := kc.ID(ctx); err != nil || p.ID.String() != id.ID || p.AgentVersion != "kubo/"+strings.TrimPrefix(kubotest.Version, "v") {
			t.Fatalf("Kubo.ID = %+v, %v; want peer %s, agent kubo/%s", p, err, id.ID, kubotest.Version)
		}
		// Offline, with no libp2p host: Kubo can only get the blocks through the RPC API.
		pinner, err := ipfs.Open(ctx, ipfs.Config{Dir: t.TempDir(), Kubo: kc})
		if err != nil {
			t.Fatal(err)
		}
		defer pinner.Stop(ctx)

		deal, err := ipfs.Canonical([]byte(`{"vendorId":"pinned-through-rpc","service":{"category":"bakery","description":"Bánh mì"},"pricing":{"basePrice":2,"currency":"USD"}}`))
		if err != nil {
			t.Fatal(err)
		}
		want := ipfs.CID(deal)
		if k.HasLocal(t, want) {
			t.Fatalf("Kubo already has %s", want)
		}
		c, err := pinner.Put(ctx, deal)
		if err != nil {
			t.Fatalf("Put through Kubo: %v", err)
		}
		if !c.Equals(want) {
			t.Fatalf("Put = %s, want %s", c, want)
		}
		if typ := k.Pinned(t, c); typ != "recursive" {
			t.Fatalf("Kubo pin/ls %s = %q, want recursive", c, typ)
		}
		if got := k.RPC(t, "block/get", url.Values{"arg": {c.String()}}); !bytes.Equal(got, deal) {
			t.Fatalf("Kubo block/get %s =\n%q\nwant\n%q", c, got, deal)
		}
		if !mustHas(t, pinner, c) {
			t.Error("our node did not store the document it pinned in Kubo")
		}
		if again, err := kc.Put(ctx, deal); err != nil || !again.Equals(c) {
			t.Errorf("Put again = %s, %v; want %s (idempotent)", again, err, c)
		}

		// A file of three 256 KiB chunks (a dag-pb root over raw leaves) and one of a single raw
		// leaf: copied block by block, the root pinned recursively, and the CIDs are the ones
		// Kubo's own importer gives.
		rng := rand.NewChaCha8([32]byte{7})
		for _, size := range []int{600 << 10, 1000} {
			data := make([]byte, size)
			rng.Read(data)
			fc, err := pinner.AddFile(ctx, bytes.NewReader(data))
			if err != nil {
				t.Fatalf("AddFile(%d bytes) through Kubo: %v", size, err)
			}
			if typ := k.Pinned(t, fc); typ != "recursive" {
				t.Fatalf("Kubo pin/ls %s (%d bytes) = %q, want recursive", fc, size, typ)
			}
			if got := k.Run(t, nil, "cat", "--offline", fc.String()); !bytes.Equal(got, data) {
				t.Fatalf("Kubo cat %s: %d bytes differ from the %d added", fc, len(got), size)
			}
			if own := strings.TrimSpace(string(k.Run(t, data, "add", "-Q", "--only-hash", "--cid-version=1"))); own != fc.String() {
				t.Errorf("%d bytes: our AddFile CID %s, Kubo's `ipfs add --cid-version=1` %s", size, fc, own)
			}
		}
	})

	t.Run("Kubo and we agree on the canonical CID", func(t *testing.T) {
		linked := ipfs.CID([]byte(`{"a":1}`))
		for _, tc := range []struct{ name, doc string }{
			{"shuffled keys and whitespace", "{ \"pricing\" : {\"discountedPrice\": 4,\n\t\"basePrice\": 5, \"currency\":\"USD\"},\r\n  \"vendorId\": \"x\",\n \"availability\": { \"maxRedemptions\" : 100 , \"inStock\" : true } }\n"},
			{"pretty-printed deal", "{\n  \"vendorId\": \"v-1\",\n  \"service\": {\n    \"type\": \"drink\",\n    \"category\": \"coffee\"\n  },\n  \"pricing\": {\n    \"currency\": \"USD\",\n    \"basePrice\": 4.5,\n    \"discountPercent\": 20\n  },\n  \"expiresAt\": \"2026-12-31T23:59:59Z\"\n}\n"},
			{"key order is bytewise", `{"b":1,"aa":2,"a":3,"B":4,"é":5,"~":6,"a b":7,"":8}`},
			{"unicode escapes", `{"description":"C\u00e0 Ph\u00ea S\u1eefa \u0110\u00e1","quote":"say \"hi\"\n","emoji":"☕"}`},
			{"scalars and lists", `{"list":[3, 1, {"z":null,"y":false}, [], {}], "neg":-17, "big":9007199254740993, "f":-0.25, "t":true}`},
			{"link and bytes", fmt.Sprintf(`{"terms":{"/":"%s"},"blob":{"/":{"bytes":"aGVsbG8"}}}`, linked)},
		} {
			t.Run(tc.name, func(t *testing.T) {
				canon, err := ipfs.Canonical([]byte(tc.doc))
				if err != nil {
					t.Fatal(err)
				}
				want := ipfs.CID(canon)
				got := k.DagPut(t, []byte(tc.doc))
				if !got.Equals(want) {
					kuboBytes, _ := k.Try(nil, "block", "get", got.String())
					t.Fatalf("Kubo CID %s, ours %s\nKubo bytes: %s\nour bytes:  %s", got, want, kuboBytes, canon)
				}
				if kb := k.Run(t, nil, "block", "get", got.String()); !bytes.Equal(kb, canon) {
					t.Fatalf("Kubo block %s =\n%q\nours\n%q", got, kb, canon)
				}
			})
		}
	})
}

package ipfs_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	carv2 "github.com/ipld/go-car/v2"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/multiformats/go-multiaddr"
	"github.com/multiformats/go-multihash"

	"github.com/bazaar-market/bazaar/ipfs"
)

// loopback is the listen address of networked test nodes.
var loopback = []string{"/ip4/127.0.0.1/tcp/0"}

// mustOpen opens a node on dir (a fresh temp dir when empty), starts it, and
// stops it at cleanup.
func mustOpen(tb testing.TB, dir string, listen []string) *ipfs.Node {
	tb.Helper()
	if dir == "" {
		dir = tb.TempDir()
	}
	n, err := ipfs.Open(context.Background(), ipfs.Config{Dir: dir, P2PListen: listen})
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() {
		if err := n.Stop(context.Background()); err != nil {
			tb.Errorf("Stop: %v", err)
		}
	})
	if err := n.Start(context.Background()); err != nil {
		tb.Fatalf("Start: %v", err)
	}
	return n
}

// mustPut stores doc and returns its CID.
func mustPut(tb testing.TB, n *ipfs.Node, doc string) cid.Cid {
	tb.Helper()
	c, err := n.Put(context.Background(), []byte(doc))
	if err != nil {
		tb.Fatalf("Put: %v", err)
	}
	return c
}

// mustHas reports whether n has c, failing the test on error.
func mustHas(tb testing.TB, n *ipfs.Node, c cid.Cid) bool {
	tb.Helper()
	ok, err := n.Has(context.Background(), c)
	if err != nil {
		tb.Fatalf("Has(%s): %v", c, err)
	}
	return ok
}

func TestNode_Put(t *testing.T) {
	ctx := context.Background()
	n := mustOpen(t, "", nil)

	t.Run("roundtrip", func(t *testing.T) {
		c := mustPut(t, n, canonicalDeal)
		if !c.Equals(ipfs.CID([]byte(canonicalDeal))) {
			t.Fatalf("Put CID = %s, want CID(doc) %s", c, ipfs.CID([]byte(canonicalDeal)))
		}
		got, err := n.Get(ctx, c)
		if err != nil {
			t.Fatalf("Get: %v", err)
		}
		if string(got) != canonicalDeal {
			t.Fatalf("Get = %s, want %s", got, canonicalDeal)
		}
		if !mustHas(t, n, c) {
			t.Fatal("Has = false after Put")
		}
	})

	t.Run("idempotent", func(t *testing.T) {
		c1 := mustPut(t, n, canonicalDeal)
		c2 := mustPut(t, n, canonicalDeal)
		if !c1.Equals(c2) {
			t.Fatalf("CIDs differ: %s, %s", c1, c2)
		}
	})

	for _, tc := range []struct{ name, doc string }{
		{"reordered keys", reorderedDeal},
		{"extra whitespace", spacedDeal},
		{"trailing newline", canonicalDeal + "\n"},
		{"not json", "deal"},
	} {
		t.Run("rejects "+tc.name, func(t *testing.T) {
			dir := t.TempDir()
			fresh := mustOpen(t, dir, nil)
			_, err := fresh.Put(ctx, []byte(tc.doc))
			if !errors.Is(err, ipfs.ErrNotCanonical) {
				t.Fatalf("Put err = %v, want ErrNotCanonical", err)
			}
			if mustHas(t, fresh, ipfs.CID([]byte(tc.doc))) {
				t.Fatal("rejected document was stored")
			}
			if mustHas(t, fresh, ipfs.CID([]byte(canonicalDeal))) {
				t.Fatal("canonical form was stored on rejection")
			}
			if tc.name == "not json" {
				return
			}
			canon, err := ipfs.Canonical([]byte(tc.doc))
			if err != nil {
				t.Fatalf("Canonical: %v", err)
			}
			c := mustPut(t, fresh, string(canon))
			if want := ipfs.CID([]byte(canonicalDeal)); !c.Equals(want) {
				t.Fatalf("CID of Canonical(doc) = %s, want %s", c, want)
			}
		})
	}

	t.Run("rejects oversized", func(t *testing.T) {
		big := make([]byte, ipfs.MaxDocSize+1)
		_, err := n.Put(ctx, big)
		if !errors.Is(err, ipfs.ErrTooLarge) {
			t.Fatalf("Put err = %v, want ErrTooLarge", err)
		}
	})
}

func TestNode_Get(t *testing.T) {
	ctx := context.Background()
	n := mustOpen(t, "", nil)

	t.Run("missing offline", func(t *testing.T) {
		_, err := n.Get(ctx, ipfs.CID([]byte(`{"missing":true}`)))
		if !errors.Is(err, ipfs.ErrNotFound) {
			t.Fatalf("Get err = %v, want ErrNotFound", err)
		}
	})
	t.Run("undefined cid", func(t *testing.T) {
		if _, err := n.Get(ctx, cid.Undef); err == nil {
			t.Fatal("Get(cid.Undef) succeeded")
		}
	})
}

func TestOpen(t *testing.T) {
	t.Run("persists blocks and identity across Stop and Open", testOpenPersists)
}

func testOpenPersists(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	a, err := ipfs.Open(ctx, ipfs.Config{Dir: dir, P2PListen: loopback})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if err := a.Start(ctx); err != nil {
		t.Fatalf("Start: %v", err)
	}
	c := mustPut(t, a, canonicalDeal)
	id1 := peerID(t, a)
	if err := a.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}

	b := mustOpen(t, dir, loopback)
	got, err := b.Get(ctx, c)
	if err != nil {
		t.Fatalf("Get after reopen: %v", err)
	}
	if string(got) != canonicalDeal {
		t.Fatalf("Get after reopen = %s", got)
	}
	if id2 := peerID(t, b); id2 != id1 {
		t.Fatalf("peer ID changed across reopen: %s then %s", id1, id2)
	}
}

func TestNode_Stop(t *testing.T) {
	ctx := context.Background()

	t.Run("without start, twice", func(t *testing.T) {
		n, err := ipfs.Open(ctx, ipfs.Config{Dir: t.TempDir(), P2PListen: loopback})
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		if err := n.Stop(ctx); err != nil {
			t.Fatalf("Stop: %v", err)
		}
		if err := n.Stop(ctx); err != nil {
			t.Fatalf("second Stop: %v", err)
		}
		if _, err := n.Put(ctx, []byte(canonicalDeal)); !errors.Is(err, ipfs.ErrStopped) {
			t.Fatalf("Put after Stop err = %v, want ErrStopped", err)
		}
		if err := n.Start(ctx); !errors.Is(err, ipfs.ErrStopped) {
			t.Fatalf("Start after Stop err = %v, want ErrStopped", err)
		}
	})

	t.Run("cancels network fetch", func(t *testing.T) {
		a := mustOpen(t, "", loopback)
		b, err := ipfs.Open(ctx, ipfs.Config{Dir: t.TempDir(), P2PListen: loopback})
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		if err := b.Start(ctx); err != nil {
			t.Fatalf("Start: %v", err)
		}
		if err := b.Connect(ctx, a.Addrs()[0]); err != nil {
			t.Fatalf("Connect: %v", err)
		}
		done := make(chan error, 1)
		go func() {
			_, err := b.Get(ctx, ipfs.CID([]byte(`{"nobody":"has this"}`)))
			done <- err
		}()
		if err := b.Stop(ctx); err != nil {
			t.Fatalf("Stop: %v", err)
		}
		if err := <-done; !errors.Is(err, ipfs.ErrStopped) {
			t.Fatalf("Get during Stop err = %v, want ErrStopped", err)
		}
	})
}

func TestNode_Gateway(t *testing.T) {
	n := mustOpen(t, "", nil)
	c := mustPut(t, n, canonicalDeal)
	srv := httptest.NewServer(n.Gateway())
	t.Cleanup(srv.Close)

	get := func(t *testing.T, path, accept string) (*http.Response, []byte) {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		return resp, body
	}

	for _, tc := range []struct{ name, path, accept string }{
		{"format=raw", "/ipfs/" + c.String() + "?format=raw", ""},
		{"accept raw", "/ipfs/" + c.String(), "application/vnd.ipld.raw"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, tc.path, tc.accept)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/vnd.ipld.raw" {
				t.Errorf("Content-Type = %q", ct)
			}
			if !bytes.Equal(body, []byte(canonicalDeal)) {
				t.Fatalf("body = %s, want %s", body, canonicalDeal)
			}
			dm, err := multihash.Decode(c.Hash())
			if err != nil {
				t.Fatal(err)
			}
			if sum := sha256.Sum256(body); !bytes.Equal(sum[:], dm.Digest) {
				t.Fatalf("sha256(body) = %x, CID digest %x", sum, dm.Digest)
			}
		})
	}

	t.Run("format=car", func(t *testing.T) {
		resp, body := get(t, "/ipfs/"+c.String()+"?format=car", "")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		if ct := resp.Header.Get("Content-Type"); !bytes.HasPrefix([]byte(ct), []byte("application/vnd.ipld.car")) {
			t.Errorf("Content-Type = %q", ct)
		}
		br, err := carv2.NewBlockReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("read CAR header: %v", err)
		}
		if len(br.Roots) != 1 || !br.Roots[0].Equals(c) {
			t.Fatalf("CAR roots = %v, want [%s]", br.Roots, c)
		}
		blk, err := br.Next() // verifies the block hash against its CID
		if err != nil {
			t.Fatalf("read CAR block: %v", err)
		}
		if !blk.Cid().Equals(c) || !bytes.Equal(blk.RawData(), []byte(canonicalDeal)) {
			t.Fatalf("CAR block %s = %s", blk.Cid(), blk.RawData())
		}
		if _, err := br.Next(); err != io.EOF {
			t.Fatalf("CAR has more than one block: %v", err)
		}
	})

	t.Run("missing block", func(t *testing.T) {
		missing := ipfs.CID([]byte(`{"missing":true}`))
		resp, body := get(t, "/ipfs/"+missing.String()+"?format=raw", "")
		if resp.StatusCode != http.StatusNotFound {
			t.Fatalf("status %d, want 404: %s", resp.StatusCode, body)
		}
	})

	t.Run("ipns refused", func(t *testing.T) {
		resp, body := get(t, "/ipns/example.com?format=raw", "")
		if resp.StatusCode != http.StatusNotFound {
			t.Fatalf("status %d, want 404: %s", resp.StatusCode, body)
		}
	})
}

func TestNode_Connect(t *testing.T) {
	ctx := context.Background()

	t.Run("bitswap fetch", func(t *testing.T) {
		a := mustOpen(t, "", loopback)
		b := mustOpen(t, "", loopback)
		c := mustPut(t, a, canonicalDeal)
		if mustHas(t, b, c) {
			t.Fatal("B has the block before fetching")
		}

		addrs := a.Addrs()
		if len(addrs) == 0 {
			t.Fatal("A has no addresses")
		}
		for _, addr := range addrs {
			if _, err := addr.ValueForProtocol(multiaddr.P_P2P); err != nil {
				t.Fatalf("address %s lacks /p2p: %v", addr, err)
			}
			if ip, err := addr.ValueForProtocol(multiaddr.P_IP4); err != nil || ip != "127.0.0.1" {
				t.Fatalf("address %s is not on the loopback listen address", addr)
			}
		}
		if err := b.Connect(ctx, addrs[0]); err != nil {
			t.Fatalf("Connect: %v", err)
		}

		fetchCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		got, err := b.Get(fetchCtx, c)
		if err != nil {
			t.Fatalf("Get over bitswap: %v", err)
		}
		if string(got) != canonicalDeal {
			t.Fatalf("Get = %s", got)
		}
		if !mustHas(t, b, c) {
			t.Fatal("fetched block was not stored on B")
		}
	})

	t.Run("missing everywhere", func(t *testing.T) {
		a := mustOpen(t, "", loopback)
		b := mustOpen(t, "", loopback)
		if err := b.Connect(ctx, a.Addrs()[0]); err != nil {
			t.Fatalf("Connect: %v", err)
		}
		fetchCtx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
		defer cancel()
		_, err := b.Get(fetchCtx, ipfs.CID([]byte(`{"missing":true}`)))
		if !errors.Is(err, ipfs.ErrNotFound) || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Get err = %v, want ErrNotFound and DeadlineExceeded", err)
		}
	})

	t.Run("offline", func(t *testing.T) {
		a := mustOpen(t, "", loopback)
		off := mustOpen(t, "", nil)
		if off.Addrs() != nil {
			t.Fatalf("offline Addrs = %v, want nil", off.Addrs())
		}
		if err := off.Connect(ctx, a.Addrs()[0]); !errors.Is(err, ipfs.ErrOffline) {
			t.Fatalf("Connect err = %v, want ErrOffline", err)
		}
	})
}

// peerID returns the peer ID in n's first address.
func peerID(tb testing.TB, n *ipfs.Node) peer.ID {
	tb.Helper()
	addrs := n.Addrs()
	if len(addrs) == 0 {
		tb.Fatal("node has no addresses")
	}
	ai, err := peer.AddrInfoFromP2pAddr(addrs[0])
	if err != nil {
		tb.Fatalf("parse %s: %v", addrs[0], err)
	}
	return ai.ID
}

package ipfs_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/ipfs/go-cid"

	"github.com/bazaar-market/bazaar/ipfs"
)

// The Kubo client's success paths are checked against a real Kubo in interop_test.go
// (make interop); these tests cover its refusals and failures with a fake.

// fakeKubo answers /api/v0/{endpoint} with handle and records the endpoints called.
type fakeKubo struct {
	mu     sync.Mutex
	called []string
}

func (f *fakeKubo) serve(tb testing.TB, handle func(w http.ResponseWriter, r *http.Request, body []byte)) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.called = append(f.called, strings.TrimPrefix(r.URL.Path, "/api/v0/"))
		f.mu.Unlock()
		var body []byte
		if r.MultipartForm == nil && strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
			file, _, err := r.FormFile("file")
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			body, _ = io.ReadAll(file)
		}
		handle(w, r, body)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

func (f *fakeKubo) calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.called...)
}

func mustKubo(tb testing.TB, api string) *ipfs.Kubo {
	tb.Helper()
	k, err := ipfs.NewKubo(api, nil)
	if err != nil {
		tb.Fatalf("NewKubo(%q): %v", api, err)
	}
	return k
}

// downURL is the URL of a server that was closed: nothing listens there.
func downURL(tb testing.TB) string {
	tb.Helper()
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	return srv.URL
}

func TestNewKubo(t *testing.T) {
	for _, tc := range []struct{ api, want string }{
		{"http://127.0.0.1:5001", "http://127.0.0.1:5001"},
		{"http://127.0.0.1:5001/", "http://127.0.0.1:5001"},
		{"https://kubo.internal:443", "https://kubo.internal:443"},
		{"http://user:secret@127.0.0.1:5001", "http://user:xxxxx@127.0.0.1:5001"},
		{"/ip4/127.0.0.1/tcp/5001", "http://127.0.0.1:5001"},
		{"/ip6/::1/tcp/5001", "http://[::1]:5001"},
		{"/dns4/kubo/tcp/5001", "http://kubo:5001"},
	} {
		if got := mustKubo(t, tc.api).String(); got != tc.want {
			t.Errorf("NewKubo(%q) = %s, want %s", tc.api, got, tc.want)
		}
	}
	for _, api := range []string{"", "127.0.0.1:5001", "ftp://127.0.0.1:5001", "http://127.0.0.1:5001/api/v0", "http://h:1?x=1", "/ip4/127.0.0.1", "/ip4/127.0.0.1/udp/5001", "/nope"} {
		if _, err := ipfs.NewKubo(api, nil); err == nil {
			t.Errorf("NewKubo(%q) accepted", api)
		}
	}
}

func TestKubo_Put(t *testing.T) {
	ctx := context.Background()
	doc := []byte(canonicalDeal)
	ours := ipfs.CID(doc)

	t.Run("Kubo answers another CID: refused, not pinned", func(t *testing.T) {
		var f fakeKubo
		srv := f.serve(t, func(w http.ResponseWriter, r *http.Request, body []byte) {
			// A Kubo that ignores cid-codec files dag-json bytes as raw.
			raw, _ := cid.Prefix{Version: 1, Codec: cid.Raw, MhType: ours.Prefix().MhType, MhLength: -1}.Sum(body)
			io.WriteString(w, `{"Key":"`+raw.String()+`","Size":1}`)
		})
		_, err := mustKubo(t, srv.URL).Put(ctx, doc)
		if !errors.Is(err, ipfs.ErrKuboCID) || !errors.Is(err, ipfs.ErrKubo) {
			t.Fatalf("Put = %v, want ErrKuboCID and ErrKubo", err)
		}
		if msg := err.Error(); !strings.Contains(msg, srv.URL+"/api/v0/block/put") || !strings.Contains(msg, ours.String()) {
			t.Errorf("error %q does not name the endpoint and our CID", msg)
		}
		if got := f.calls(); len(got) != 1 || got[0] != "block/put" {
			t.Errorf("Kubo was called %q, want block/put only (no pin)", got)
		}
	})

	t.Run("Kubo down: error names the URL", func(t *testing.T) {
		u := downURL(t)
		authed := strings.Replace(u, "http://", "http://bazaar:s3cret@", 1)
		for _, call := range []struct {
			name string
			do   func(*ipfs.Kubo) error
			path string
		}{
			{"Put", func(k *ipfs.Kubo) error { _, err := k.Put(ctx, doc); return err }, "/api/v0/block/put"},
			{"ID", func(k *ipfs.Kubo) error { _, err := k.ID(ctx); return err }, "/api/v0/id"},
		} {
			err := call.do(mustKubo(t, authed))
			var ke *ipfs.KuboError
			if !errors.Is(err, ipfs.ErrKubo) || !errors.As(err, &ke) || ke.Status != 0 {
				t.Fatalf("%s = %v, want a *KuboError without status", call.name, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, strings.TrimPrefix(u, "http://")) || !strings.Contains(msg, call.path) || !strings.Contains(msg, "refused") {
				t.Errorf("%s error %q does not name %s%s and the refused connection", call.name, msg, u, call.path)
			}
			if strings.Contains(msg, "s3cret") {
				t.Errorf("%s error %q shows the API password", call.name, msg)
			}
		}
	})

	t.Run("Kubo answers an error: its message and status", func(t *testing.T) {
		var f fakeKubo
		srv := f.serve(t, func(w http.ResponseWriter, r *http.Request, body []byte) {
			if r.URL.Path == "/api/v0/pin/add" {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusInternalServerError)
				io.WriteString(w, `{"Message":"pin: repo is read-only","Code":0,"Type":"error"}`)
				return
			}
			io.WriteString(w, `{"Key":"`+ipfs.CID(body).String()+`","Size":1}`)
		})
		_, err := mustKubo(t, srv.URL).Put(ctx, doc)
		if !errors.Is(err, ipfs.ErrKubo) || errors.Is(err, ipfs.ErrKuboCID) {
			t.Fatalf("Put = %v, want ErrKubo only", err)
		}
		if msg := err.Error(); !strings.Contains(msg, srv.URL+"/api/v0/pin/add: HTTP 500: pin: repo is read-only") {
			t.Errorf("error %q does not carry the endpoint, status and Kubo's message", msg)
		}
	})

	t.Run("an error after the 200 (X-Stream-Error trailer)", func(t *testing.T) {
		var f fakeKubo
		srv := f.serve(t, func(w http.ResponseWriter, r *http.Request, body []byte) {
			w.Header().Set("Trailer", "X-Stream-Error")
			io.WriteString(w, `{"Key":"`+ipfs.CID(body).String()+`","Size":1}`)
			w.Header().Set("X-Stream-Error", "write block: disk full")
		})
		if _, err := mustKubo(t, srv.URL).Put(ctx, doc); !errors.Is(err, ipfs.ErrKubo) || !strings.Contains(err.Error(), "disk full") {
			t.Fatalf("Put = %v, want ErrKubo with the trailer's message", err)
		}
	})
}

// TestNode_PutKubo: a node pinning through Kubo stores nothing when Kubo fails.
func TestNode_PutKubo(t *testing.T) {
	ctx := context.Background()
	k := mustKubo(t, downURL(t))
	n, err := ipfs.Open(ctx, ipfs.Config{Dir: t.TempDir(), Kubo: k})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Stop(ctx)
	if n.Kubo() != k {
		t.Fatal("Kubo() is not Config.Kubo")
	}
	_, err = n.Put(ctx, []byte(canonicalDeal))
	if !errors.Is(err, ipfs.ErrKubo) {
		t.Fatalf("Put with Kubo down = %v, want ErrKubo", err)
	}
	if mustHas(t, n, ipfs.CID([]byte(canonicalDeal))) {
		t.Error("the document was stored although Kubo did not pin it")
	}
	if _, err := n.AddFile(ctx, bytes.NewReader([]byte("prover key"))); !errors.Is(err, ipfs.ErrKubo) {
		t.Fatalf("AddFile with Kubo down = %v, want ErrKubo", err)
	}
}

package ipfs_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

const FileChunkForTest = 1024

// TestNode_AddFile: a multi-chunk file round-trips locally, over bitswap to a peer, and through
// the gateway; the same bytes always give the same CID.
func TestNode_AddFile(t *testing.T) {
	ctx := context.Background()
	data := make([]byte, 700<<10) // three chunks
	rand.Read(data)
	a := mustOpen(t, "", loopback)
	c, err := a.AddFile(ctx, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if c2, _ := a.AddFile(ctx, bytes.NewReader(data)); c2 != c {
		t.Fatalf("same bytes, CIDs %s and %s", c, c2)
	}
	if c.Version() != 1 {
		t.Fatalf("CID %s is not v1", c)
	}
	got, err := a.CatFile(ctx, c)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("local cat: %d bytes, %v", len(got), err)
	}

	b := mustOpen(t, "", loopback)
	if err := b.Connect(ctx, a.Addrs()[0]); err != nil {
		t.Fatal(err)
	}
	fctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	got, err = b.CatFile(fctx, c)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("cat over bitswap: %d bytes, %v", len(got), err)
	}

	srv := httptest.NewServer(a.Gateway())
	defer srv.Close()
	// The trustless gateway serves the whole DAG as a CAR (clients verify every block).
	resp, err := http.Get(srv.URL + "/ipfs/" + c.String() + "?format=car")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(body) < len(data) || !bytes.Contains(body, data[:FileChunkForTest]) {
		t.Fatalf("gateway CAR: %d, %d bytes", resp.StatusCode, len(body))
	}
}

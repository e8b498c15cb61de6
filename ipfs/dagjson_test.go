package ipfs_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"testing"

	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multicodec"
	"github.com/multiformats/go-multihash"

	"github.com/bazaar-market/bazaar/ipfs"
)

// canonicalDeal is a deal-shaped document in canonical dag-json: keys sorted
// bytewise at every level, no whitespace.
const canonicalDeal = `{"availability":{"inStock":true,"maxRedemptions":100},"expiresAt":"2026-12-31T23:59:59Z","pricing":{"basePrice":4.5,"currency":"USD","discountPercent":20},"service":{"category":"coffee","type":"drink"},"vendorId":"v-1"}`

// reorderedDeal is canonicalDeal with keys out of order.
const reorderedDeal = `{"vendorId":"v-1","service":{"type":"drink","category":"coffee"},"pricing":{"currency":"USD","basePrice":4.5,"discountPercent":20},"expiresAt":"2026-12-31T23:59:59Z","availability":{"maxRedemptions":100,"inStock":true}}`

// spacedDeal is canonicalDeal pretty-printed.
const spacedDeal = `{
  "availability": {"inStock": true, "maxRedemptions": 100},
  "expiresAt": "2026-12-31T23:59:59Z",
  "pricing": {"basePrice": 4.5, "currency": "USD", "discountPercent": 20},
  "service": {"category": "coffee", "type": "drink"},
  "vendorId": "v-1"
}
`

func TestCanonical(t *testing.T) {
	for _, tc := range []struct{ name, doc string }{
		{"canonical", canonicalDeal},
		{"reordered keys", reorderedDeal},
		{"whitespace", spacedDeal},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ipfs.Canonical([]byte(tc.doc))
			if err != nil {
				t.Fatalf("Canonical: %v", err)
			}
			if string(got) != canonicalDeal {
				t.Fatalf("Canonical =\n%s\nwant\n%s", got, canonicalDeal)
			}
			again, err := ipfs.Canonical(got)
			if err != nil || !bytes.Equal(again, got) {
				t.Fatalf("Canonical not idempotent: %q, %v", again, err)
			}
		})
	}

	for _, tc := range []struct{ name, doc string }{
		{"empty", ``},
		{"syntax", `{"a":`},
		{"trailing content", `{"a":1}{"b":2}`},
		{"duplicate key", `{"a":1,"a":2}`},
	} {
		t.Run("rejects "+tc.name, func(t *testing.T) {
			_, err := ipfs.Canonical([]byte(tc.doc))
			if !errors.Is(err, ipfs.ErrNotCanonical) {
				t.Fatalf("Canonical(%q) err = %v, want ErrNotCanonical", tc.doc, err)
			}
		})
	}
}

func TestCID(t *testing.T) {
	c := ipfs.CID([]byte(canonicalDeal))
	if c.Version() != 1 {
		t.Errorf("version = %d, want 1", c.Version())
	}
	if got := multicodec.Code(c.Type()); got != multicodec.DagJson {
		t.Errorf("codec = %v, want dag-json", got)
	}
	dm, err := multihash.Decode(c.Hash())
	if err != nil {
		t.Fatalf("decode multihash: %v", err)
	}
	if dm.Code != multihash.SHA2_256 {
		t.Errorf("hash = %#x, want sha2-256", dm.Code)
	}
	want, err := cid.V1Builder{Codec: cid.DagJSON, MhType: multihash.SHA2_256}.Sum([]byte(canonicalDeal))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Equals(want) {
		t.Errorf("CID = %s, want %s", c, want)
	}
	if ipfs.CID([]byte(reorderedDeal)).Equals(c) {
		t.Error("CID must hash the bytes as given")
	}
}

func TestCIDFromDigest(t *testing.T) {
	doc := []byte(`{"a":1}`)
	want := ipfs.CID(doc)
	if got := ipfs.CIDFromDigest(sha256.Sum256(doc)); !got.Equals(want) {
		t.Fatalf("CIDFromDigest = %s, want %s", got, want)
	}
}

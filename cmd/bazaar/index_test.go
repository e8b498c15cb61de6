package main

import (
	"encoding/json"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ipfs"
)

func indexDeal(t *testing.T, x *Index, i int, mod func(*bazaar.Deal)) common.Hash {
	t.Helper()
	d := benchDeal(chain.KeyAddress(chain.DevVendorKey))
	d.Service.Description = fmt.Sprintf("deal %d", i)
	if mod != nil {
		mod(d)
	}
	js, _ := json.Marshal(d)
	raw, err := ipfs.Canonical(js)
	if err != nil {
		t.Fatal(err)
	}
	h := bazaar.NewHeader(d, bazaar.Digest(raw), 1, big.NewInt(int64(i)+1), big.NewInt(0))
	x.Put(h.DealID(), ipfs.CID(raw).String(), h, d, raw, uint64(i), common.Hash{})
	return h.DealID()
}

func ids(vs []DealView) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.DealID)
	}
	return out
}

func TestIndex_Find(t *testing.T) {
	now := time.Now()
	x, err := OpenIndex(t.TempDir(), func() time.Time { return now }, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var all []common.Hash
	for i := range 5 {
		all = append(all, indexDeal(t, x, i, nil))
	}
	tea := indexDeal(t, x, 5, func(d *bazaar.Deal) {
		d.Service.Category = "tea"
		d.Pricing = bazaar.Pricing{BasePrice: 1000, DiscountedPrice: 900, DiscountPercent: 10, Currency: "USD"}
		d.Targeting.Location.Areas = []string{"Quận 7"}
		d.VendorID = "tea-house"
	})
	soldOut := indexDeal(t, x, 6, func(d *bazaar.Deal) { d.Availability.InStock = false })
	expiring := indexDeal(t, x, 7, func(d *bazaar.Deal) { d.ExpiresAt = now.Add(time.Hour).UnixMilli() })
	cancelled := indexDeal(t, x, 8, nil)
	x.Cancel(cancelled)

	t.Run("pages newest first with a cursor", func(t *testing.T) {
		var got []string
		cursor := ""
		for page := 0; ; page++ {
			vs, next := x.Find(Query{Limit: 2, Cursor: cursor, Category: "coffee"})
			got = append(got, ids(vs)...)
			if next == "" {
				break
			}
			if page > 5 {
				t.Fatal("pagination does not end")
			}
			cursor = next
		}
		want := []string{expiring.Hex(), all[4].Hex(), all[3].Hex(), all[2].Hex(), all[1].Hex(), all[0].Hex()}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("pages %v, want %v", got, want)
		}
	})
	t.Run("filters", func(t *testing.T) {
		cases := []struct {
			name string
			q    Query
			want []common.Hash
		}{
			{"category", Query{Category: "TEA"}, []common.Hash{tea}},
			{"area", Query{Area: "Quận 7"}, []common.Hash{tea}},
			{"vendor id", Query{Vendor: "tea-house"}, []common.Hash{tea}},
			{"max price excludes", Query{Category: "tea", MaxPrice: 899, HasMax: true}, nil},
			{"max price includes", Query{Category: "tea", MaxPrice: 900, HasMax: true}, []common.Hash{tea}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				c.q.Limit = 100
				vs, _ := x.Find(c.q)
				var want []string
				for _, h := range c.want {
					want = append(want, h.Hex())
				}
				if fmt.Sprint(ids(vs)) != fmt.Sprint(want) {
					t.Fatalf("got %v, want %v", ids(vs), want)
				}
			})
		}
	})
	t.Run("statuses", func(t *testing.T) {
		for id, want := range map[common.Hash]string{soldOut: StatusSoldOut, cancelled: StatusCancelled, all[0]: StatusActive} {
			if v, _ := x.Get(id); v.Status != want {
				t.Fatalf("%s: status %s, want %s", id, v.Status, want)
			}
		}
		later := now.Add(2 * time.Hour)
		x.now = func() time.Time { return later }
		vs, _ := x.Find(Query{Limit: 100, Status: "all"})
		for _, v := range vs {
			if v.DealID == expiring.Hex() && v.Status != StatusExpired {
				t.Fatalf("expiring deal status %s after its expiry", v.Status)
			}
		}
		if active, _ := x.Find(Query{Limit: 100}); len(active) != 6 {
			t.Fatalf("%d active deals, want 6 (5 coffee + tea)", len(active))
		}
		x.now = func() time.Time { return now }
	})
	t.Run("reorg removal hides and a repost revives", func(t *testing.T) {
		x.Remove(all[0])
		if _, ok := x.Get(all[0]); ok {
			t.Fatal("removed deal still found")
		}
		indexDeal(t, x, 0, nil)
		if _, ok := x.Get(all[0]); !ok {
			t.Fatal("reposted deal not revived")
		}
	})
}

func TestIndex_Persistence(t *testing.T) {
	dir := t.TempDir()
	x, err := OpenIndex(dir, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := indexDeal(t, x, 0, nil)
	b := indexDeal(t, x, 1, nil)
	x.Cancel(b)
	x.Close()
	y, err := OpenIndex(dir, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer y.Close()
	va, okA := y.Get(a)
	vb, okB := y.Get(b)
	if !okA || !okB || va.Status != StatusActive || vb.Status != StatusCancelled || va.Nonce != "1" {
		t.Fatalf("reloaded: %+v %+v", va, vb)
	}
	vs, _ := y.Find(Query{Limit: 10, Status: "all"})
	if fmt.Sprint(ids(vs)) != fmt.Sprint([]string{b.Hex(), a.Hex()}) {
		t.Fatalf("reloaded order %v", ids(vs))
	}
}

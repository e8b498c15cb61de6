package matcher_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/matcher"
)

var (
	areas = []string{"Quận 1", "Quận 3", "Quận 5", "Quận 7", "Thủ Đức"}
	tiers = []string{"low", "medium", "high"}
	cats  = []string{"coffee", "tea", "food", "books"}
	loyal = []string{"", "switcher", "regular", "loyal", "champion"}
)

func randomSignal(r *rand.Rand, i int) bazaar.Signal {
	s := bazaar.Signal{EphemeralID: fmt.Sprintf("e%d", i), LTVTier: tiers[r.IntN(3)], LoyaltyLevel: r.IntN(6),
		Area: areas[r.IntN(len(areas))], Mailbox: fmt.Sprintf("m%d", i), NotifyKey: make([]byte, 32),
		ExpiresAt: now.Add(time.Duration(1+r.IntN(360)) * time.Minute).UnixMilli()}
	for _, c := range cats {
		if r.IntN(3) == 0 {
			s.Categories = append(s.Categories, c)
		}
	}
	if r.IntN(3) == 0 {
		s.MaxPrice = bazaar.Money(100 + r.IntN(1000))
	}
	return s
}

func randomDeal(r *rand.Rand) *bazaar.Deal {
	d := &bazaar.Deal{Vendor: common.Address{1}, VendorID: "v", Service: bazaar.Service{Type: "product", Category: cats[r.IntN(len(cats))], Description: "x"},
		Pricing: bazaar.Pricing{BasePrice: 2000, DiscountedPrice: bazaar.Money(r.IntN(1500)), Currency: "USD"}}
	if r.IntN(4) != 0 {
		var as []string
		for _, a := range areas {
			if r.IntN(2) == 0 {
				as = append(as, a)
			}
		}
		d.Targeting = &bazaar.Targeting{Location: &bazaar.LocationTargeting{Granularity: "district", Areas: as}}
	}
	if r.IntN(4) != 0 {
		d.Requirements = &bazaar.Requirements{MinLTV: bazaar.Money([]int{0, 1, 5000, 5001, 20000, 30000}[r.IntN(6)]), LoyaltyTier: loyal[r.IntN(len(loyal))]}
	}
	return d
}

// TestIndex_MatchesReference: on random signals and deals, with replacements and removals,
// the bitmap index returns exactly what the seed's plain filter (Signal.Matches) returns.
func TestIndex_MatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	clock := now
	e, err := matcher.New(matcher.Config{Notifier: &inbox{}, Clock: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	ref := map[string]bazaar.Signal{}
	for i := range 3000 {
		s := randomSignal(r, i)
		if err := e.AddSignal(s); err != nil {
			t.Fatal(err)
		}
		ref[s.EphemeralID] = s
	}
	for i := range 500 { // replace some (same ephemeral id, new attributes), remove others
		id := fmt.Sprintf("e%d", r.IntN(3000))
		if i%2 == 0 {
			s := randomSignal(r, 0)
			s.EphemeralID = id
			e.AddSignal(s)
			ref[id] = s
		} else {
			e.RemoveSignal(id)
			delete(ref, id)
		}
	}
	if e.Signals() != len(ref) {
		t.Fatalf("%d signals, reference has %d", e.Signals(), len(ref))
	}
	for k := range 300 {
		if k == 150 {
			clock = now.Add(3 * time.Hour) // half the signals have expired
		}
		d := randomDeal(r)
		var want []string
		for id, s := range ref {
			if s.ExpiresAt > clock.UnixMilli() && s.Matches(d) {
				want = append(want, id)
			}
		}
		got := e.MatchOnly(d)
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("deal %d: index matched %d, reference %d (deal %+v)", k, len(got), len(want), d)
		}
	}
	if n := e.Expire(); n == 0 || e.Signals() != len(ref)-n {
		t.Fatalf("expire dropped %d, %d left", n, e.Signals())
	}
}

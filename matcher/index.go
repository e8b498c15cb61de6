package matcher

import (
	"math/bits"
	"slices"

	"github.com/bazaar-market/bazaar"
)

// bitset is a fixed-capacity set of signal slots.
type bitset []uint64

func (b *bitset) set(i int) {
	for len(*b) <= i/64 {
		*b = append(*b, 0)
	}
	(*b)[i/64] |= 1 << (uint(i) % 64)
}

func (b bitset) clear(i int) {
	if i/64 < len(b) {
		b[i/64] &^= 1 << (uint(i) % 64)
	}
}

// index keeps signals in slots with one bitset per attribute value, so matching a deal is a few
// word-wide ANDs and ORs over the slot space followed by per-candidate checks of price and
// expiry. It is not safe for concurrent use; the Engine guards it.
type index struct {
	slots   []bazaar.Signal
	exp     []int64 // slots[i].ExpiresAt, dense for the per-candidate check
	maxP    []int64 // slots[i].MaxPrice (0: none)
	byID    map[string]int
	free    []int
	live    bitset
	area    map[string]*bitset
	tier    map[string]*bitset
	atLeast [6]bitset // atLeast[l]: signals with loyalty level ≥ l
	anyCat  bitset    // signals that take every category
	hasMax  bitset    // signals with a maxPrice: only they need the price check
	minExp  int64     // a lower bound of the live signals' expiry: before it, no expiry check
	cat     map[string]*bitset
	// scratch for queries
	hits []int32
}

func newIndex() *index {
	return &index{byID: map[string]int{}, area: map[string]*bitset{}, tier: map[string]*bitset{}, cat: map[string]*bitset{}}
}

func (x *index) len() int { return len(x.byID) }

func setIn(m map[string]*bitset, k string, i int) {
	b := m[k]
	if b == nil {
		b = &bitset{}
		m[k] = b
	}
	b.set(i)
}

func clearIn(m map[string]*bitset, k string, i int) {
	if b := m[k]; b != nil {
		b.clear(i)
	}
}

// put adds or replaces (by ephemeral id) a validated signal.
func (x *index) put(s bazaar.Signal) {
	if _, ok := x.byID[s.EphemeralID]; ok {
		x.remove(s.EphemeralID)
	}
	var i int
	if n := len(x.free); n > 0 {
		i, x.free = x.free[n-1], x.free[:n-1]
		x.slots[i] = s
		x.exp[i], x.maxP[i] = s.ExpiresAt, int64(s.MaxPrice)
	} else {
		i = len(x.slots)
		x.slots = append(x.slots, s)
		x.exp = append(x.exp, s.ExpiresAt)
		x.maxP = append(x.maxP, int64(s.MaxPrice))
	}
	x.byID[s.EphemeralID] = i
	x.live.set(i)
	if x.minExp == 0 || s.ExpiresAt < x.minExp {
		x.minExp = s.ExpiresAt
	}
	if s.MaxPrice > 0 {
		x.hasMax.set(i)
	}
	setIn(x.area, s.Area, i)
	setIn(x.tier, s.LTVTier, i)
	for l := 0; l <= s.LoyaltyLevel && l < len(x.atLeast); l++ {
		x.atLeast[l].set(i)
	}
	if len(s.Categories) == 0 {
		x.anyCat.set(i)
	}
	for _, c := range s.Categories {
		setIn(x.cat, c, i)
	}
}

// remove deletes a signal by ephemeral id; unknown ids are ignored.
func (x *index) remove(id string) {
	i, ok := x.byID[id]
	if !ok {
		return
	}
	s := x.slots[i]
	delete(x.byID, id)
	x.live.clear(i)
	clearIn(x.area, s.Area, i)
	clearIn(x.tier, s.LTVTier, i)
	for l := range x.atLeast {
		x.atLeast[l].clear(i)
	}
	x.anyCat.clear(i)
	x.hasMax.clear(i)
	for _, c := range s.Categories {
		clearIn(x.cat, c, i)
	}
	x.slots[i] = bazaar.Signal{}
	x.exp[i], x.maxP[i] = 0, 0
	x.free = append(x.free, i)
}

// match returns the slots of the signals matching d under the seed's rules (Signal.Matches),
// alive at nowMs. The slice is scratch: valid until the next call.
//
// One pass over the slot words: each word is the live signals ANDed with, per constraint, the
// OR of the bitsets that satisfy it (targeted areas; tiers whose floor meets the minimum LTV;
// loyalty at least the level, kept precomputed; the deal's category or any). Words that come
// out zero cost nothing more; set bits get the per-candidate expiry and price checks.
func (x *index) match(d *bazaar.Deal, nowMs int64) []int32 {
	var groups [4][]bitset // each must hold: an OR of its sets
	n := 0
	if areas := d.Areas(); areas != nil {
		var sets []bitset
		for _, a := range areas {
			if b := x.area[a]; b != nil {
				sets = append(sets, *b)
			}
		}
		if len(sets) == 0 {
			return x.hits[:0]
		}
		groups[n], n = sets, n+1
	}
	if r := d.Requirements; r != nil {
		if r.MinLTV > 0 {
			var sets []bitset
			for t, b := range x.tier {
				if f, ok := bazaar.LTVFloor(t); ok && f >= r.MinLTV {
					sets = append(sets, *b)
				}
			}
			if len(sets) == 0 {
				return x.hits[:0]
			}
			groups[n], n = sets, n+1
		}
		if r.LoyaltyTier != "" {
			lvl, ok := bazaar.LoyaltyLevel(r.LoyaltyTier)
			if !ok {
				return nil
			}
			if lvl > 0 {
				groups[n], n = []bitset{x.atLeast[lvl]}, n+1
			}
		}
	}
	cats := []bitset{x.anyCat}
	if b := x.cat[d.Service.Category]; b != nil {
		cats = append(cats, *b)
	}
	groups[n], n = cats, n+1

	out := x.hits[:0]
	price := int64(d.Pricing.DiscountedPrice)
	exp, maxP := x.exp, x.maxP
	live, hasMax := x.live, x.hasMax
	checkExp := nowMs >= x.minExp
	for w := range live {
		word := live[w]
		for g := 0; g < n && word != 0; g++ {
			var u uint64
			for _, b := range groups[g] {
				if w < len(b) {
					u |= b[w]
				}
			}
			word &= u
		}
		if word == 0 {
			continue
		}
		var priced uint64
		if w < len(hasMax) {
			priced = word & hasMax[w]
		}
		if !checkExp && priced == 0 {
			// The common case: nobody here can have expired or be priced out.
			base := int32(w * 64)
			for word != 0 {
				out = append(out, base+int32(bits.TrailingZeros64(word)))
				word &= word - 1
			}
			continue
		}
		for word != 0 {
			i := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			if (checkExp && exp[i] <= nowMs) || (maxP[i] > 0 && price > maxP[i]) {
				continue
			}
			out = append(out, int32(i))
		}
	}
	x.hits = out
	return out
}

// expire drops signals past their expiry and reports how many.
func (x *index) expire(nowMs int64) int {
	var gone []string
	for id, i := range x.byID {
		if x.slots[i].ExpiresAt <= nowMs {
			gone = append(gone, id)
		}
	}
	slices.Sort(gone)
	for _, id := range gone {
		x.remove(id)
	}
	x.minExp = 0
	for _, i := range x.byID {
		if x.minExp == 0 || x.exp[i] < x.minExp {
			x.minExp = x.exp[i]
		}
	}
	return len(gone)
}

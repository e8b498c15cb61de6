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
	slots  []bazaar.Signal
	exp    []int64 // slots[i].ExpiresAt, dense for the per-candidate check
	maxP   []int64 // slots[i].MaxPrice (0: none)
	byID   map[string]int
	free   []int
	live   bitset
	area   map[string]*bitset
	tier   map[string]*bitset
	level  [6]bitset
	anyCat bitset // signals that take every category
	cat    map[string]*bitset
	// scratch for queries
	acc, tmp bitset
	hits     []int32
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
	setIn(x.area, s.Area, i)
	setIn(x.tier, s.LTVTier, i)
	x.level[s.LoyaltyLevel].set(i)
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
	x.level[s.LoyaltyLevel].clear(i)
	x.anyCat.clear(i)
	for _, c := range s.Categories {
		clearIn(x.cat, c, i)
	}
	x.slots[i] = bazaar.Signal{}
	x.exp[i], x.maxP[i] = 0, 0
	x.free = append(x.free, i)
}

// andUnion sets acc &= (b1 | b2 | ...).
func (x *index) andUnion(sets ...bitset) {
	if cap(x.tmp) < len(x.acc) {
		x.tmp = make(bitset, len(x.acc))
	}
	tmp := x.tmp[:len(x.acc)]
	clear(tmp)
	for _, s := range sets {
		n := min(len(s), len(tmp))
		for w := 0; w < n; w++ {
			tmp[w] |= s[w]
		}
	}
	for w := range x.acc {
		x.acc[w] &= tmp[w]
	}
	x.tmp = tmp
}

// match returns the slots of the signals matching d under the seed's rules (Signal.Matches),
// alive at nowMs. The slice is scratch: valid until the next call.
func (x *index) match(d *bazaar.Deal, nowMs int64) []int32 {
	x.acc = append(x.acc[:0], x.live...)
	if areas := d.Areas(); areas != nil {
		var sets []bitset
		for _, a := range areas {
			if b := x.area[a]; b != nil {
				sets = append(sets, *b)
			}
		}
		x.andUnion(sets...)
	}
	if r := d.Requirements; r != nil {
		if r.MinLTV > 0 {
			var sets []bitset
			for t, b := range x.tier {
				if f, ok := bazaar.LTVFloor(t); ok && f >= r.MinLTV {
					sets = append(sets, *b)
				}
			}
			x.andUnion(sets...)
		}
		if r.LoyaltyTier != "" {
			lvl, ok := bazaar.LoyaltyLevel(r.LoyaltyTier)
			if !ok {
				return nil
			}
			x.andUnion(x.level[lvl:]...)
		}
	}
	catSets := []bitset{x.anyCat}
	if b := x.cat[d.Service.Category]; b != nil {
		catSets = append(catSets, *b)
	}
	x.andUnion(catSets...)

	out := x.hits[:0]
	price := int64(d.Pricing.DiscountedPrice)
	exp, maxP := x.exp, x.maxP
	for w, word := range x.acc {
		for word != 0 {
			i := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			if exp[i] <= nowMs || (maxP[i] > 0 && price > maxP[i]) {
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
	return len(gone)
}

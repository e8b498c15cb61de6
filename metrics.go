package bazaar

import "maps"

// DefaultK is the smallest bucket count shown to vendors; smaller buckets are suppressed so a
// count can never single out an agent.
const DefaultK = 5

// VendorMetrics is everything a vendor learns about its deals: counts, never identifiers.
type VendorMetrics struct {
	Vendor          string            `json:"vendor"`
	AgentsMatched   uint64            `json:"agentsMatched"`
	ImpressionsSent uint64            `json:"impressionsSent"`
	Redemptions     uint64            `json:"redemptions"`
	ConversionRate  float64           `json:"conversionRate"` // redemptions / matched
	ByLocation      map[string]Bucket `json:"byLocation"`
	ByDay           map[string]Bucket `json:"byDay"` // YYYY-MM-DD (UTC)
	K               int               `json:"k"`     // suppression threshold applied
}

// Bucket is one breakdown cell. When Suppressed, the counts are withheld (reported as zero)
// because fewer than K agents are behind them.
type Bucket struct {
	Matched     uint64 `json:"matched"`
	Redemptions uint64 `json:"redemptions"`
	Suppressed  bool   `json:"suppressed,omitempty"`
}

// Suppress returns a copy of m whose breakdown buckets with fewer than k matches are withheld.
// Totals stay: they are sums over many buckets. k < 1 is treated as DefaultK.
func (m VendorMetrics) Suppress(k int) VendorMetrics {
	if k < 1 {
		k = DefaultK
	}
	out := m
	out.K = k
	out.ByLocation = suppress(m.ByLocation, k)
	out.ByDay = suppress(m.ByDay, k)
	if m.AgentsMatched > 0 {
		out.ConversionRate = float64(m.Redemptions) / float64(m.AgentsMatched)
	}
	return out
}

func suppress(in map[string]Bucket, k int) map[string]Bucket {
	out := maps.Clone(in)
	if out == nil {
		out = map[string]Bucket{}
	}
	for key, b := range out {
		if b.Matched < uint64(k) {
			out[key] = Bucket{Suppressed: true}
		}
	}
	return out
}

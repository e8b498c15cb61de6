package bazaar_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bazaar-market/bazaar"
)

var now = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

const validDeal = `{
  "vendor": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  "vendorId": "highlands-coffee",
  "service": {"type": "product", "category": "coffee", "description": "Cà Phê Sữa Đá"},
  "pricing": {"basePrice": 5.00, "discountedPrice": 4.00, "discountPercent": 20, "currency": "USD"},
  "targeting": {"location": {"granularity": "district", "areas": ["Quận 1"]}},
  "requirements": {"minLTV": 50, "loyaltyTier": "regular", "proximityRequired": true, "proximityRadius": 2000,
                   "location": {"lat": 10.7769, "lng": 106.7009}},
  "availability": {"inStock": true, "maxRedemptions": 100},
  "expiresAt": 1800000000000
}`

func mustDeal(t *testing.T, js string) *bazaar.Deal {
	t.Helper()
	d, err := bazaar.DecodeDeal([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDecodeDeal(t *testing.T) {
	d := mustDeal(t, validDeal)
	if d.Pricing.BasePrice != 500 || d.Requirements.MinLTV != 5000 || d.Areas()[0] != "Quận 1" {
		t.Fatalf("decoded %+v", d)
	}
	cases := map[string]string{
		"unknown field":   strings.Replace(validDeal, `"vendorId"`, `"color": "red", "vendorId"`, 1),
		"unknown nested":  strings.Replace(validDeal, `"inStock": true`, `"inStock": true, "currentRedemptions": 0`, 1),
		"three decimals":  strings.Replace(validDeal, `5.00`, `5.001`, 1),
		"price as string": strings.Replace(validDeal, `5.00`, `"5.00"`, 1),
		"trailing data":   validDeal + `{}`,
		"not json":        `{"vendor":`,
		"oversized":       strings.Replace(validDeal, "Cà Phê Sữa Đá", strings.Repeat("x", bazaar.MaxDocumentSize), 1),
	}
	for name, js := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := bazaar.DecodeDeal([]byte(js)); err == nil {
				t.Fatal("accepted")
			}
		})
	}
}

func TestDeal_Validate(t *testing.T) {
	if err := mustDeal(t, validDeal).Validate(now); err != nil {
		t.Fatalf("valid deal refused: %v", err)
	}
	cases := []struct {
		field string
		mod   func(*bazaar.Deal)
	}{
		{"vendor", func(d *bazaar.Deal) { d.Vendor = [20]byte{} }},
		{"vendorId", func(d *bazaar.Deal) { d.VendorID = "Has Spaces" }},
		{"service.type", func(d *bazaar.Deal) { d.Service.Type = "gift" }},
		{"service.category", func(d *bazaar.Deal) { d.Service.Category = "" }},
		{"pricing.basePrice", func(d *bazaar.Deal) { d.Pricing.BasePrice = -1 }},
		{"pricing.discountedPrice", func(d *bazaar.Deal) { d.Pricing.DiscountedPrice = 600 }},
		{"pricing.discountPercent", func(d *bazaar.Deal) { d.Pricing.DiscountPercent = 50 }},
		{"pricing.currency", func(d *bazaar.Deal) { d.Pricing.Currency = "usd" }},
		{"targeting.location.areas", func(d *bazaar.Deal) { d.Targeting.Location.Areas = nil }},
		{"targeting.location.granularity", func(d *bazaar.Deal) { d.Targeting.Location.Granularity = "gps" }},
		{"requirements.loyaltyTier", func(d *bazaar.Deal) { d.Requirements.LoyaltyTier = "vip" }},
		{"requirements.proximityRadius", func(d *bazaar.Deal) { d.Requirements.ProximityRadius = 0 }},
		{"requirements.location", func(d *bazaar.Deal) { d.Requirements.Location = &bazaar.LatLng{Lat: 91} }},
		{"expiresAt", func(d *bazaar.Deal) { d.ExpiresAt = now.UnixMilli() }},
	}
	for _, c := range cases {
		t.Run(c.field, func(t *testing.T) {
			d := mustDeal(t, validDeal)
			c.mod(d)
			err := d.Validate(now)
			var e *bazaar.Error
			if !errors.As(err, &e) || e.Code != bazaar.ECodeInvalid {
				t.Fatalf("err = %v, want an invalid *Error", err)
			}
			found := false
			for _, f := range e.Fields {
				found = found || f.Field == c.field
			}
			if !found {
				t.Fatalf("fields %+v do not name %s", e.Fields, c.field)
			}
		})
	}
}

func TestMoney_JSON(t *testing.T) {
	for in, want := range map[string]string{"5": "5", "5.0": "5", "5.00": "5", "4.5": "4.5", "4.99": "4.99", "0.01": "0.01", "-1.5": "-1.5"} {
		var m bazaar.Money
		if err := json.Unmarshal([]byte(in), &m); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		out, _ := json.Marshal(m)
		if string(out) != want {
			t.Fatalf("%s -> %s, want %s", in, out, want)
		}
	}
	for _, bad := range []string{"1e2", "01", "1.234", `"1"`, "null", "1."} {
		var m bazaar.Money
		if err := json.Unmarshal([]byte(bad), &m); err == nil {
			t.Fatalf("accepted %s as %d", bad, m)
		}
	}
}

func TestVendorMetrics_Suppress(t *testing.T) {
	m := bazaar.VendorMetrics{AgentsMatched: 7, Redemptions: 1,
		ByLocation: map[string]bazaar.Bucket{"a": {Matched: 5, Redemptions: 1}, "b": {Matched: 2}},
		ByDay:      map[string]bazaar.Bucket{"2026-11-24": {Matched: 4}}}
	s := m.Suppress(5)
	if s.ByLocation["a"].Matched != 5 || !s.ByLocation["b"].Suppressed || s.ByLocation["b"].Matched != 0 || !s.ByDay["2026-11-24"].Suppressed {
		t.Fatalf("suppressed %+v", s)
	}
	if m.ByLocation["b"].Suppressed {
		t.Fatal("Suppress modified its receiver's map")
	}
	if s.ConversionRate != 1.0/7 || s.K != 5 {
		t.Fatalf("rate %v k %d", s.ConversionRate, s.K)
	}
}

func TestError_Is(t *testing.T) {
	err := &bazaar.Error{Code: bazaar.ECodeNotFound, Message: "not found", Err: errors.New("cause")}
	if !errors.Is(err, bazaar.ErrNotFound) || errors.Is(err, bazaar.ErrBadSignature) {
		t.Fatal("Is does not match by code and message")
	}
	if bazaar.ErrorCode(errors.New("x")) != bazaar.ECodeInternal || bazaar.ErrorMessage(errors.New("secret detail")) != "internal error" {
		t.Fatal("internal errors leak details")
	}
}

// BenchmarkSignal_Matches is an agent's local re-check of a notified deal (target ≤ 1 ms).
func BenchmarkSignal_Matches(b *testing.B) {
	d, err := bazaar.DecodeDeal([]byte(validDeal))
	if err != nil {
		b.Fatal(err)
	}
	s := bazaar.Signal{Area: "Quận 1", LTVTier: "high", LoyaltyLevel: 3, Categories: []string{"tea", "coffee"}, MaxPrice: 1000}
	for b.Loop() {
		if !s.Matches(d) {
			b.Fatal("no match")
		}
	}
}

// BenchmarkDecodeAndMatch includes strictly decoding the fetched document.
func BenchmarkDecodeAndMatch(b *testing.B) {
	s := bazaar.Signal{Area: "Quận 1", LTVTier: "high", LoyaltyLevel: 3}
	for b.Loop() {
		d, err := bazaar.DecodeDeal([]byte(validDeal))
		if err != nil || !s.Matches(d) {
			b.Fatal(err)
		}
	}
}

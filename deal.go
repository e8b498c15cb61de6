package bazaar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// MaxDocumentSize bounds a deal document's JSON encoding.
const MaxDocumentSize = 16 << 10

// Deal is the deal document a vendor signs and pins to IPFS. Its canonical encoding is dag-json
// (sorted keys, no whitespace); the sha2-256 of those bytes is the digest in its DealHeader.
// Field names follow the seed architecture note.
type Deal struct {
	Vendor       common.Address `json:"vendor"`               // vendor's wallet (EOA or EIP-1271)
	VendorID     string         `json:"vendorId"`             // human slug, e.g. "highlands-coffee"
	VendorName   string         `json:"vendorName,omitempty"` // display name
	Service      Service        `json:"service"`
	Pricing      Pricing        `json:"pricing"`
	Targeting    *Targeting     `json:"targeting,omitempty"`
	Requirements *Requirements  `json:"requirements,omitempty"`
	Availability Availability   `json:"availability"`
	ExpiresAt    int64          `json:"expiresAt"` // unix milliseconds, as in the seed
}

// Service says what is offered.
type Service struct {
	Type        string `json:"type"` // product | service | experience
	Category    string `json:"category"`
	Description string `json:"description"`
}

// Pricing is in Money (exact to the cent).
type Pricing struct {
	BasePrice       Money   `json:"basePrice"`
	DiscountedPrice Money   `json:"discountedPrice"`
	DiscountPercent float64 `json:"discountPercent"`
	Currency        string  `json:"currency"` // ISO 4217, e.g. "USD"
}

// Targeting narrows who is notified. Areas are coarse (district, ward, city), never GPS.
type Targeting struct {
	Location *LocationTargeting `json:"location,omitempty"`
}

// LocationTargeting lists the areas a deal is pushed to.
type LocationTargeting struct {
	Granularity string   `json:"granularity"` // district | ward | city
	Areas       []string `json:"areas"`
}

// Requirements are what a redeeming agent must prove.
type Requirements struct {
	MinLTV            Money   `json:"minLTV,omitempty"`      // monthly spend in the category
	LoyaltyTier       string  `json:"loyaltyTier,omitempty"` // champion | loyal | regular | switcher
	Category          string  `json:"category,omitempty"`
	ProximityRequired bool    `json:"proximityRequired,omitempty"`
	ProximityRadius   int64   `json:"proximityRadius,omitempty"` // metres
	Location          *LatLng `json:"location,omitempty"`        // the vendor's point, for proximity
}

// LatLng is a WGS84 point.
type LatLng struct {
	Lat float64 `json:"lat"`
	Lng float64 `json:"lng"`
}

// Availability bounds redemptions. MaxRedemptions 0 means unlimited.
type Availability struct {
	InStock        bool   `json:"inStock"`
	MaxRedemptions uint64 `json:"maxRedemptions"`
}

// Money is an amount in hundredths of the currency unit. In JSON it is a plain number with at
// most two decimals (4.99); more precision is an error rather than a silent rounding.
type Money int64

var moneyRE = regexp.MustCompile(`^-?(0|[1-9][0-9]{0,12})(\.[0-9]{1,2})?$`)

// UnmarshalJSON accepts a JSON number with at most two decimals.
func (m *Money) UnmarshalJSON(b []byte) error {
	s := string(b)
	if !moneyRE.MatchString(s) {
		return fmt.Errorf("amount %s: want a number with at most two decimals", s)
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	for len(frac) < 2 {
		frac += "0"
	}
	v, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return fmt.Errorf("amount %s: %w", b, err)
	}
	if neg {
		v = -v
	}
	*m = Money(v)
	return nil
}

// MarshalJSON writes the shortest exact decimal: 5, 4.5, 4.99.
func (m Money) MarshalJSON() ([]byte, error) { return []byte(m.String()), nil }

func (m Money) String() string {
	v := int64(m)
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	s := fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// Loyalty tiers of the seed, mapped to the 0–5 loyalty levels signals carry.
var loyaltyLevels = map[string]int{"switcher": 0, "regular": 1, "loyal": 3, "champion": 5}

// LoyaltyLevel returns the minimum loyalty level (0–5) a tier requires.
func LoyaltyLevel(tier string) (int, bool) {
	l, ok := loyaltyLevels[tier]
	return l, ok
}

var (
	vendorIDRE      = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)
	currencyRE      = regexp.MustCompile(`^[A-Z]{3}$`)
	serviceTypes    = []string{"product", "service", "experience"}
	granularities   = []string{"district", "ward", "city"}
	maxRadiusMetres = int64(100_000)
)

// MaxLTV is the largest minimum LTV a deal can ask: 2^48 − 1 cents, the width the eligibility
// circuit gives LTV (prover.MaxLTV). A larger one would not fit the proof's packed requirements.
const MaxLTV = Money(1<<48 - 1)

// DecodeDeal strictly decodes a deal document: unknown fields, trailing data and documents over
// MaxDocumentSize are errors. It does not validate; call Validate.
func DecodeDeal(b []byte) (*Deal, error) {
	if len(b) > MaxDocumentSize {
		return nil, Errorf(ECodeTooLarge, "document is %d bytes, over the %d byte limit", len(b), MaxDocumentSize)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var d Deal
	if err := dec.Decode(&d); err != nil {
		return nil, &Error{Code: ECodeInvalid, Message: "malformed deal document", Err: err, Fields: []FieldError{{Field: "document", Message: jsonProblem(err)}}}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, Errorf(ECodeInvalid, "malformed deal document: trailing data after the JSON object")
	}
	return &d, nil
}

func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return fmt.Sprintf("field %s: want %s", te.Field, te.Type)
	}
	return err.Error()
}

// Validate checks every field against the rules of the marketplace, relative to now, and returns
// an *Error listing all problems by field, or nil.
func (d *Deal) Validate(now time.Time) error {
	var fe []FieldError
	bad := func(field, format string, args ...any) {
		fe = append(fe, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if d.Vendor == (common.Address{}) {
		bad("vendor", "is required (the vendor's wallet address)")
	}
	if !vendorIDRE.MatchString(d.VendorID) {
		bad("vendorId", "must be 1-63 lowercase letters, digits or dashes")
	}
	if len(d.VendorName) > 120 {
		bad("vendorName", "is longer than 120 characters")
	}
	if !slices.Contains(serviceTypes, d.Service.Type) {
		bad("service.type", "must be one of %s", strings.Join(serviceTypes, ", "))
	}
	if d.Service.Category == "" || len(d.Service.Category) > 64 {
		bad("service.category", "is required (at most 64 characters)")
	}
	if d.Service.Description == "" || len(d.Service.Description) > 2000 {
		bad("service.description", "is required (at most 2000 characters)")
	}
	p := d.Pricing
	if p.BasePrice < 0 {
		bad("pricing.basePrice", "must be ≥ 0")
	}
	if p.DiscountedPrice < 0 {
		bad("pricing.discountedPrice", "must be ≥ 0")
	}
	if p.DiscountedPrice > p.BasePrice {
		bad("pricing.discountedPrice", "must not exceed basePrice")
	}
	if p.DiscountPercent < 0 || p.DiscountPercent > 100 || math.IsNaN(p.DiscountPercent) {
		bad("pricing.discountPercent", "must be between 0 and 100")
	} else if p.BasePrice > 0 {
		want := 100 * float64(p.BasePrice-p.DiscountedPrice) / float64(p.BasePrice)
		if math.Abs(want-p.DiscountPercent) > 0.5 {
			bad("pricing.discountPercent", "is %g but the prices give %.1f", p.DiscountPercent, want)
		}
	}
	if !currencyRE.MatchString(p.Currency) {
		bad("pricing.currency", "must be an ISO 4217 code such as USD")
	}
	if t := d.Targeting; t != nil && t.Location != nil {
		if !slices.Contains(granularities, t.Location.Granularity) {
			bad("targeting.location.granularity", "must be one of %s", strings.Join(granularities, ", "))
		}
		if len(t.Location.Areas) == 0 {
			bad("targeting.location.areas", "must list at least one area")
		}
		for i, a := range t.Location.Areas {
			if strings.TrimSpace(a) == "" || len(a) > 64 {
				bad(fmt.Sprintf("targeting.location.areas[%d]", i), "must be a non-empty name of at most 64 bytes")
			}
		}
	}
	if r := d.Requirements; r != nil {
		if r.MinLTV < 0 || r.MinLTV > MaxLTV {
			bad("requirements.minLTV", "must be between 0 and %s", MaxLTV)
		}
		if _, ok := loyaltyLevels[r.LoyaltyTier]; r.LoyaltyTier != "" && !ok {
			bad("requirements.loyaltyTier", "must be one of champion, loyal, regular, switcher")
		}
		if r.ProximityRequired {
			if r.ProximityRadius <= 0 || r.ProximityRadius > maxRadiusMetres {
				bad("requirements.proximityRadius", "must be between 1 and %d metres", maxRadiusMetres)
			}
			if r.Location == nil {
				bad("requirements.location", "is required when proximityRequired is set")
			}
		}
		if l := r.Location; l != nil && (l.Lat < -90 || l.Lat > 90 || l.Lng < -180 || l.Lng > 180) {
			bad("requirements.location", "must be a valid latitude/longitude")
		}
	}
	if d.ExpiresAt <= now.UnixMilli() {
		bad("expiresAt", "must be in the future (unix milliseconds)")
	}
	if len(fe) > 0 {
		return &Error{Code: ECodeInvalid, Message: "invalid deal document", Fields: fe}
	}
	return nil
}

// ExpiresAtSeconds is the header's expiry: the document's expiry rounded down to a second.
func (d *Deal) ExpiresAtSeconds() uint64 { return uint64(d.ExpiresAt / 1000) }

// Areas returns the targeted areas, or nil when the deal is not location-targeted.
func (d *Deal) Areas() []string {
	if d.Targeting == nil || d.Targeting.Location == nil {
		return nil
	}
	return d.Targeting.Location.Areas
}

package bazaar

import (
	"fmt"
	"regexp"
	"slices"
	"time"
)

// LTV tiers: an agent reveals only its tier, never an amount. A tier's floor is the least monthly
// spend (in Money) every member of the tier has; a tier meets a deal's minLTV when its floor does.
var ltvFloors = map[string]Money{"low": 0, "medium": 5000, "high": 20000}

// LTVFloor returns the least monthly spend of a tier.
func LTVFloor(tier string) (Money, bool) {
	f, ok := ltvFloors[tier]
	return f, ok
}

// Signal is an agent's opt-in matching signal. It carries no persistent identifier: EphemeralID
// rotates every 1–6 hours, Area is coarse, LTV is a tier.
type Signal struct {
	EphemeralID  string   `json:"ephemeralId"`
	LTVTier      string   `json:"ltvTier"`      // low | medium | high
	LoyaltyLevel int      `json:"loyaltyLevel"` // 0–5
	Area         string   `json:"area"`
	Categories   []string `json:"categories,omitempty"` // empty: every category
	MaxPrice     Money    `json:"maxPrice,omitempty"`   // 0: no limit
	Mailbox      string   `json:"mailbox"`              // relay mailbox id notifications go to
	NotifyKey    []byte   `json:"notifyKey"`            // fresh 32-byte AES-256-GCM key notifications are sealed with
	OptOutHash   []byte   `json:"optOutHash,omitempty"` // sha256 of a secret token that withdraws the signal
	ExpiresAt    int64    `json:"expiresAt"`            // unix ms; the signal is dropped after
}

var mailboxRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}$`)

// ValidMailbox reports whether id is a well-formed relay mailbox id.
func ValidMailbox(id string) bool { return mailboxRE.MatchString(id) }

// Validate checks a signal's fields.
func (s *Signal) Validate(now time.Time) error {
	var fe []FieldError
	bad := func(f, format string, a ...any) { fe = append(fe, FieldError{f, fmt.Sprintf(format, a...)}) }
	if s.EphemeralID == "" || len(s.EphemeralID) > 64 {
		bad("ephemeralId", "is required (at most 64 characters)")
	}
	if _, ok := ltvFloors[s.LTVTier]; !ok {
		bad("ltvTier", "must be low, medium or high")
	}
	if s.LoyaltyLevel < 0 || s.LoyaltyLevel > 5 {
		bad("loyaltyLevel", "must be 0–5")
	}
	if s.Area == "" {
		bad("area", "is required")
	}
	if s.MaxPrice < 0 {
		bad("maxPrice", "must be ≥ 0")
	}
	if !ValidMailbox(s.Mailbox) {
		bad("mailbox", "must be 1-128 characters of A-Z a-z 0-9 _ -")
	}
	if len(s.NotifyKey) != 32 {
		bad("notifyKey", "must be 32 bytes")
	}
	if s.ExpiresAt <= now.UnixMilli() {
		bad("expiresAt", "must be in the future")
	} else if s.ExpiresAt > now.Add(7*time.Hour).UnixMilli() {
		bad("expiresAt", "must be within 7 hours: ephemeral ids rotate every 1–6 hours")
	}
	if len(fe) > 0 {
		return &Error{Code: ECodeInvalid, Message: "invalid signal", Fields: fe}
	}
	return nil
}

// Matches applies the seed's matching rules: the deal's targeted areas include the signal's area;
// the signal's LTV tier meets minLTV; its loyalty level meets the loyalty tier's level; the deal's
// category is among the signal's categories (if it lists any); the discounted price is within
// maxPrice (if set). It is the reference every faster index must agree with.
func (s *Signal) Matches(d *Deal) bool {
	if areas := d.Areas(); areas != nil && !slices.Contains(areas, s.Area) {
		return false
	}
	if r := d.Requirements; r != nil {
		if r.MinLTV > 0 {
			floor, ok := ltvFloors[s.LTVTier]
			if !ok || floor < r.MinLTV {
				return false
			}
		}
		if r.LoyaltyTier != "" {
			lvl, ok := loyaltyLevels[r.LoyaltyTier]
			if !ok || s.LoyaltyLevel < lvl {
				return false
			}
		}
	}
	if len(s.Categories) > 0 && !slices.Contains(s.Categories, d.Service.Category) {
		return false
	}
	if s.MaxPrice > 0 && d.Pricing.DiscountedPrice > s.MaxPrice {
		return false
	}
	return true
}

// OptOut withdraws a signal: sealed to the matcher like a signal, it names the ephemeral id and
// the token whose sha256 the signal carried.
type OptOut struct {
	EphemeralID string `json:"ephemeralId"`
	Token       []byte `json:"token"`
}

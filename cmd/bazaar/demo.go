package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/matcher"
	"github.com/ethereum/go-ethereum/common"
)

// DemoAgent describes a seeded development agent. Its name (Mailbox) is stable and its mailbox
// and notification keys derive from it, so a person can listen as it. Its ephemeral id derives
// from the name too, so re-seeding at every start (the signal store keeps signals across
// restarts) replaces its signal rather than adding a second one.
type DemoAgent struct {
	Mailbox string
	Area    string
	Tier    string
	Level   int
}

var demoAreas = []struct{ slug, name string }{
	{"q1", "Quận 1"}, {"q3", "Quận 3"}, {"q5", "Quận 5"}, {"q7", "Quận 7"},
}

// SeedDemoAgents adds 36 demo signals: every area × LTV tier × loyalty level 1, 3 and 5.
// With a shard, only the agents it holds are added as signals (all are returned: the issuer
// knows every demo agent's history).
func SeedDemoAgents(e *matcher.Engine, now time.Time, shard *matcher.Shard) ([]DemoAgent, error) {
	var out []DemoAgent
	for _, a := range demoAreas {
		for _, tier := range []string{"low", "medium", "high"} {
			for _, lvl := range []int{1, 3, 5} {
				ag := DemoAgent{Mailbox: fmt.Sprintf("demo-%s-%s-l%d", a.slug, tier, lvl), Area: a.name, Tier: tier, Level: lvl}
				eph := sha256.Sum256([]byte("bazaar demo ephemeral id (development only): " + ag.Mailbox))
				s := bazaar.Signal{EphemeralID: hex.EncodeToString(eph[:12]), LTVTier: tier, LoyaltyLevel: lvl, Area: a.name,
					Mailbox: bazaar.DemoMailbox(ag.Mailbox), NotifyKey: bazaar.DemoNotifyKey(ag.Mailbox), ExpiresAt: now.Add(6 * time.Hour).UnixMilli()}
				out = append(out, ag)
				if shard != nil && !shard.Holds(s.EphemeralID) {
					continue
				}
				if err := e.AddSignal(s); err != nil {
					return nil, fmt.Errorf("demo signal: %w", err)
				}
			}
		}
	}
	return out, nil
}

// DemoDeals are the deals `bazaar dev` posts as the demo vendor on a fresh chain, so browse,
// the dashboard and the purchase walk have something to show. The first is the seed's coffee.
func DemoDeals(vendor common.Address, now time.Time) []*bazaar.Deal {
	expires := now.Add(30 * 24 * time.Hour).UnixMilli()
	q1 := &bazaar.LatLng{Lat: 10.7769, Lng: 106.7009}
	mk := func(id, name, typ, cat, desc string, base, disc bazaar.Money, pct float64, areas []string, tier string, minLTV bazaar.Money, prox bool) *bazaar.Deal {
		d := &bazaar.Deal{Vendor: vendor, VendorID: id, VendorName: name,
			Service:      bazaar.Service{Type: typ, Category: cat, Description: desc},
			Pricing:      bazaar.Pricing{BasePrice: base, DiscountedPrice: disc, DiscountPercent: pct, Currency: "USD"},
			Targeting:    &bazaar.Targeting{Location: &bazaar.LocationTargeting{Granularity: "district", Areas: areas}},
			Requirements: &bazaar.Requirements{MinLTV: minLTV, LoyaltyTier: tier},
			Availability: bazaar.Availability{InStock: true, MaxRedemptions: 100}, ExpiresAt: expires}
		if prox {
			d.Requirements.ProximityRequired, d.Requirements.ProximityRadius, d.Requirements.Location = true, 2000, q1
		}
		return d
	}
	return []*bazaar.Deal{
		mk("highlands-coffee", "Highlands Coffee", "product", "coffee", "Premium Vietnamese Coffee - Cà Phê Sữa Đá", 500, 400, 20, []string{"Quận 1", "Quận 3"}, "regular", 5000, true),
		mk("pho-2000", "Phở 2000", "product", "food", "Phở bò tái, large bowl", 450, 360, 20, []string{"Quận 1", "Quận 5"}, "switcher", 0, false),
		mk("banh-mi-huynh-hoa", "Bánh Mì Huỳnh Hoa", "product", "food", "Bánh mì thập cẩm", 300, 250, 16.67, []string{"Quận 1"}, "loyal", 0, false),
		mk("sen-spa", "Sen Spa", "service", "wellness", "60-minute foot massage", 2500, 1800, 28, []string{"Quận 3", "Quận 7"}, "regular", 20000, false),
	}
}

// seedDemoDeals posts the demo deals as the dev vendor unless it already has deals.
func (n *Node) seedDemoDeals(ctx context.Context, w io.Writer) error {
	vendor := chain.KeyAddress(chain.DevVendorKey)
	if len(n.index.VendorDeals(vendor)) > 0 {
		return nil
	}
	for _, d := range DemoDeals(vendor, time.Now()) {
		res, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, d)
		if err != nil {
			return fmt.Errorf("demo deal %s: %w", d.VendorID, err)
		}
		fmt.Fprintf(w, "demo deal %s  %s: %s\n", res.DealID, d.VendorName, d.Service.Description)
	}
	return nil
}

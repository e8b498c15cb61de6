package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/matcher"
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
func SeedDemoAgents(e *matcher.Engine, now time.Time) ([]DemoAgent, error) {
	var out []DemoAgent
	for _, a := range demoAreas {
		for _, tier := range []string{"low", "medium", "high"} {
			for _, lvl := range []int{1, 3, 5} {
				ag := DemoAgent{Mailbox: fmt.Sprintf("demo-%s-%s-l%d", a.slug, tier, lvl), Area: a.name, Tier: tier, Level: lvl}
				eph := sha256.Sum256([]byte("bazaar demo ephemeral id (development only): " + ag.Mailbox))
				s := bazaar.Signal{EphemeralID: hex.EncodeToString(eph[:12]), LTVTier: tier, LoyaltyLevel: lvl, Area: a.name,
					Mailbox: bazaar.DemoMailbox(ag.Mailbox), NotifyKey: bazaar.DemoNotifyKey(ag.Mailbox), ExpiresAt: now.Add(6 * time.Hour).UnixMilli()}
				if err := e.AddSignal(s); err != nil {
					return nil, fmt.Errorf("demo signal: %w", err)
				}
				out = append(out, ag)
			}
		}
	}
	return out, nil
}

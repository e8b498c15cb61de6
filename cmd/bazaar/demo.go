package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/matcher"
)

// DemoAgent describes a seeded development agent. Its name (Mailbox) is stable and its mailbox
// and notification keys derive from it, so a person can listen as it; its ephemeral id is fresh
// at every start, as a real agent's would rotate.
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
				var eph [12]byte
				if _, err := rand.Read(eph[:]); err != nil {
					return nil, err
				}
				ag := DemoAgent{Mailbox: fmt.Sprintf("demo-%s-%s-l%d", a.slug, tier, lvl), Area: a.name, Tier: tier, Level: lvl}
				s := bazaar.Signal{EphemeralID: hex.EncodeToString(eph[:]), LTVTier: tier, LoyaltyLevel: lvl, Area: a.name,
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

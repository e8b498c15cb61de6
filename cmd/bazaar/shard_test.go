package main

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/matcher"
)

// TestMatcher_Sharded: three attested matchers split the signal space (each shard attested with
// its keys, so on-chain with its registration); each seeds and takes only its own signals, an
// agent's signal goes to the matcher owning its ephemeral id, every shard matches every deal,
// and the vendor's on-chain metrics add up to exactly what one matcher holding every signal
// counts. Only the first shard issues credentials and posts requirements.
func TestMatcher_Sharded(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", ExternalMatcher: true})
	defer n.Stop(ctx)
	snp, err := newDevSNP()
	if err != nil {
		t.Fatal(err)
	}
	shards := matcher.EvenShards(3)
	var ms []*MatcherService
	total := 0
	for i := range shards {
		m, err := StartMatcher(ctx, MatcherConfig{Node: n.URL(), DataDir: t.TempDir(), Attester: snp, SeedDemo: true, Shard: &shards[i],
			WatchInterval: 10 * time.Millisecond, Logger: testLogger(t)})
		if err != nil {
			t.Fatalf("start matcher %d: %v", i, err)
		}
		defer m.Stop(ctx)
		if m.Signals() == 0 {
			t.Fatalf("shard %s seeded no demo agent", shards[i])
		}
		total += m.Signals()
		ms = append(ms, m)
	}
	if total != 36 {
		t.Fatalf("the shards hold %d demo signals together, want all 36 exactly once", total)
	}
	// The node lists all three; the shard comes from each attested key blob.
	var info struct {
		Matchers []map[string]any `json:"matchers"`
	}
	for deadline := time.Now().Add(10 * time.Second); ; {
		getJSON(t, n.URL()+"/info", &info)
		if len(info.Matchers) == 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/info lists %d matchers", len(info.Matchers))
		}
		time.Sleep(20 * time.Millisecond)
	}
	// An agent's signal reaches the matcher that owns its ephemeral id, and only that one.
	before := make([]int, 3)
	for i, m := range ms {
		before[i] = m.Signals()
	}
	owners := map[int]int{}
	for i := range 6 {
		s := bazaar.Signal{EphemeralID: crypto.Keccak256Hash([]byte{byte(i)}).Hex()[2:34], LTVTier: "high", LoyaltyLevel: 3, Area: "Quận 1",
			Mailbox: bazaar.DemoMailbox("sharded"), NotifyKey: make([]byte, 32), ExpiresAt: time.Now().Add(2 * time.Hour).UnixMilli()}
		addr, _, _, err := CheckMatcherFor(ctx, n.URL(), s.EphemeralID)
		if err != nil {
			t.Fatal(err)
		}
		for j, sh := range shards {
			if sh.Holds(s.EphemeralID) {
				owners[j]++
				if ms[j].Address() != addr {
					t.Fatalf("signal of shard %s sealed to %s, not its matcher %s", sh, addr, ms[j].Address())
				}
			}
		}
		if err := OptIn(ctx, n.URL(), s, SuiteX25519); err != nil {
			t.Fatal(err)
		}
	}
	for deadline := time.Now().Add(10 * time.Second); ; {
		ok := true
		for j, m := range ms {
			if m.Signals() != before[j]+owners[j] {
				ok = false
			}
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			for j, m := range ms {
				t.Logf("shard %s: %d signals, want %d", shards[j], m.Signals(), before[j]+owners[j])
			}
			t.Fatal("signals did not land on their shards' matchers")
		}
		time.Sleep(20 * time.Millisecond)
	}

	// What one matcher holding every signal counts for the example deal.
	ref, err := matcher.New(matcher.Config{Notifier: discardNotifier{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := SeedDemoAgents(ref, time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	deal := exampleDeal(t)
	want := ref.MatchCount(deal)
	extra := 0 // the agents' own signals: Quận 1, high tier, loyalty 3 — the example deal targets them
	for _, c := range owners {
		extra += c
	}
	want += extra
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, deal)
	if err != nil {
		t.Fatal(err)
	}
	vendor := chain.KeyAddress(chain.DevVendorKey)
	waitMetrics(t, n, vendor, uint64(want))
	time.Sleep(200 * time.Millisecond) // a double count would show up by now
	var m bazaar.VendorMetrics
	getJSON(t, n.URL()+"/metrics/"+vendor.Hex(), &m)
	if m.AgentsMatched != uint64(want) {
		t.Fatalf("3 shards matched %d agents in all, one matcher with every signal matches %d", m.AgentsMatched, want)
	}
	// Only the first shard is the credential issuer: it registers its issuer key and posts the
	// deal's requirements; the others do neither.
	waitRequirements(t, n, common.HexToHash(posted.DealID), 1)
	if r, err := n.redemptions.Requirement(ctx, common.HexToHash(posted.DealID)); err != nil || r.Matcher != ms[0].Address() {
		t.Fatalf("requirements posted by %s (%v), want the issuing shard %s", r.Matcher, err, ms[0].Address())
	}
	for i, m := range ms {
		x, _, err := n.redemptions.IssuerOf(ctx, m.Address())
		if err != nil {
			t.Fatal(err)
		}
		if (x.Sign() != 0) != (i == 0) {
			t.Fatalf("shard %s: issuer key registered = %v", shards[i], x.Sign() != 0)
		}
	}
}

type discardNotifier struct{}

func (discardNotifier) Deliver(context.Context, string, []byte) error { return nil }

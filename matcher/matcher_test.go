package matcher_test

import (
	"context"
	"crypto/ecdh"
	"crypto/hpke"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/matcher"
)

// inbox is a Notifier that records deliveries (the relay's own tests cover the websocket side).
type inbox struct {
	mu  sync.Mutex
	got map[string][][]byte
}

func (b *inbox) Deliver(_ context.Context, mailbox string, p []byte) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.got == nil {
		b.got = map[string][][]byte{}
	}
	b.got[mailbox] = append(b.got[mailbox], p)
	return nil
}

var now = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

func coffeeDeal() *bazaar.Deal {
	return &bazaar.Deal{
		Vendor: common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), VendorID: "highlands-coffee",
		Service:      bazaar.Service{Type: "product", Category: "coffee", Description: "Cà Phê Sữa Đá"},
		Pricing:      bazaar.Pricing{BasePrice: 500, DiscountedPrice: 400, DiscountPercent: 20, Currency: "USD"},
		Targeting:    &bazaar.Targeting{Location: &bazaar.LocationTargeting{Granularity: "district", Areas: []string{"Quận 1", "Quận 3"}}},
		Requirements: &bazaar.Requirements{MinLTV: 5000, LoyaltyTier: "regular"},
		Availability: bazaar.Availability{InStock: true, MaxRedemptions: 100},
		ExpiresAt:    now.Add(7 * 24 * time.Hour).UnixMilli(),
	}
}

func signal(i int, area, tier string, level int) bazaar.Signal {
	mb := fmt.Sprintf("mbox-%d", i)
	return bazaar.Signal{EphemeralID: fmt.Sprintf("eph-%d", i), LTVTier: tier, LoyaltyLevel: level, Area: area,
		Mailbox: mb, NotifyKey: bazaar.DemoNotifyKey(mb), ExpiresAt: now.Add(time.Hour).UnixMilli()}
}

func mustEngine(tb testing.TB, n bazaar.Notifier, state string) *matcher.Engine {
	tb.Helper()
	e, err := matcher.New(matcher.Config{Notifier: n, StateFile: state, Clock: func() time.Time { return now }})
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

func TestEngine_Match(t *testing.T) {
	ctx := context.Background()
	box := &inbox{}
	state := filepath.Join(t.TempDir(), "matcher.json")
	e := mustEngine(t, box, state)
	var want []string
	i := 0
	add := func(area, tier string, level int, match bool) {
		i++
		s := signal(i, area, tier, level)
		if err := e.AddSignal(s); err != nil {
			t.Fatal(err)
		}
		if match {
			want = append(want, s.Mailbox)
		}
	}
	for range 5 {
		add("Quận 1", "high", 3, true)
	}
	add("Quận 3", "medium", 1, true)
	add("Quận 3", "low", 5, false)  // LTV tier below minLTV
	add("Quận 1", "high", 0, false) // loyalty below "regular"
	add("Quận 7", "high", 5, false) // area not targeted
	expired := signal(99, "Quận 1", "high", 5)
	expired.ExpiresAt = now.Add(-time.Minute).UnixMilli()
	if err := e.AddSignal(expired); err == nil {
		t.Fatal("expired signal accepted")
	}

	d := coffeeDeal()
	res, err := e.Match(ctx, "0xdeal", "bafy", 1, d)
	if err != nil {
		t.Fatal(err)
	}
	if res.Matched != len(want) || res.Delivered != len(want) {
		t.Fatalf("result %+v, want %d matched", res, len(want))
	}
	for _, mb := range want {
		if len(box.got[mb]) != 1 {
			t.Fatalf("mailbox %s got %d notifications, want 1", mb, len(box.got[mb]))
		}
		for _, leak := range []string{"0xdeal", "coffee", "eph-", mb} {
			if strings.Contains(string(box.got[mb][0]), leak) {
				t.Fatalf("relay-visible envelope carries %q: %s", leak, box.got[mb][0])
			}
		}
		plain, err := bazaar.OpenNotification(bazaar.DemoNotifyKey(mb), box.got[mb][0])
		if err != nil {
			t.Fatal(err)
		}
		var n bazaar.Notification
		if err := json.Unmarshal(plain, &n); err != nil || n.DealID != "0xdeal" || n.Type != bazaar.NotificationMatched {
			t.Fatalf("notification %s: %+v %v", plain, n, err)
		}
		if _, err := bazaar.OpenNotification(bazaar.DemoNotifyKey("another"), box.got[mb][0]); err == nil {
			t.Fatal("a notification opened under another agent's key")
		}
	}
	if len(box.got) != len(want) {
		t.Fatalf("%d mailboxes notified, want %d", len(box.got), len(want))
	}

	t.Run("idempotent per version", func(t *testing.T) {
		res, err := e.Match(ctx, "0xDEAL", "bafy", 1, d)
		if err != nil || !res.Skipped {
			t.Fatalf("second match: %+v %v", res, err)
		}
	})

	t.Run("metrics are aggregate and suppressed under k", func(t *testing.T) {
		m := e.Metrics(d.Vendor.Hex())
		if m.AgentsMatched != 6 || m.ImpressionsSent != 6 {
			t.Fatalf("metrics %+v", m)
		}
		if b := m.ByLocation["Quận 1"]; b.Suppressed || b.Matched != 5 {
			t.Fatalf("Quận 1 bucket %+v, want 5 shown", b)
		}
		if b := m.ByLocation["Quận 3"]; !b.Suppressed || b.Matched != 0 {
			t.Fatalf("Quận 3 bucket %+v, want suppressed", b)
		}
		js, _ := json.Marshal(m)
		for _, leak := range []string{"eph-", "mbox-"} {
			if strings.Contains(string(js), leak) {
				t.Fatalf("metrics %s carry an agent identifier (%q)", js, leak)
			}
		}
	})

	t.Run("state survives restart", func(t *testing.T) {
		e2 := mustEngine(t, box, state)
		if got := e2.Metrics(d.Vendor.Hex()).AgentsMatched; got != 6 {
			t.Fatalf("after restart agentsMatched = %d, want 6", got)
		}
		if res, _ := e2.Match(ctx, "0xdeal", "bafy", 1, d); !res.Skipped {
			t.Fatal("restarted engine re-processed a deal version")
		}
	})
}

func TestSignal_Matches(t *testing.T) {
	d := coffeeDeal()
	cases := []struct {
		name string
		mod  func(*bazaar.Signal)
		want bool
	}{
		{"eligible", func(*bazaar.Signal) {}, true},
		{"other area", func(s *bazaar.Signal) { s.Area = "Quận 5" }, false},
		{"low tier", func(s *bazaar.Signal) { s.LTVTier = "low" }, false},
		{"loyalty below", func(s *bazaar.Signal) { s.LoyaltyLevel = 0 }, false},
		{"category listed", func(s *bazaar.Signal) { s.Categories = []string{"tea", "coffee"} }, true},
		{"category not listed", func(s *bazaar.Signal) { s.Categories = []string{"tea"} }, false},
		{"within maxPrice", func(s *bazaar.Signal) { s.MaxPrice = 400 }, true},
		{"over maxPrice", func(s *bazaar.Signal) { s.MaxPrice = 399 }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := signal(1, "Quận 3", "medium", 1)
			c.mod(&s)
			if got := s.Matches(d); got != c.want {
				t.Fatalf("Matches = %v, want %v", got, c.want)
			}
		})
	}
}

func TestEngine_Intake(t *testing.T) {
	key, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	e, err := matcher.New(matcher.Config{Notifier: &inbox{}, HPKEKey: key, Clock: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	s := signal(1, "Quận 1", "high", 3)
	sealed, err := matcher.SealSignal(key.PublicKey(), s)
	if err != nil {
		t.Fatal(err)
	}
	for _, leak := range []string{"eph-1", "mbox-1", "Qu", "high"} {
		if strings.Contains(string(sealed), leak) {
			t.Fatalf("sealed signal carries %q", leak)
		}
	}
	if err := e.Intake(sealed); err != nil {
		t.Fatal(err)
	}
	if e.Signals() != 1 {
		t.Fatalf("%d signals after intake", e.Signals())
	}
	other, _ := ecdh.X25519().GenerateKey(rand.Reader)
	toOther, _ := matcher.SealSignal(other.PublicKey(), signal(2, "Quận 1", "high", 3))
	bad := signal(3, "Quận 1", "vip", 3)
	invalid, _ := matcher.SealSignal(key.PublicKey(), bad)
	flipped := append([]byte(nil), sealed...)
	flipped[len(flipped)-1] ^= 1
	cases := []struct {
		name   string
		sealed []byte
		code   string
	}{
		{"replayed", sealed, bazaar.ECodeConflict},
		{"sealed to another key", toOther, bazaar.ECodeInvalid},
		{"tampered", flipped, bazaar.ECodeInvalid},
		{"malformed", []byte("not hpke"), bazaar.ECodeInvalid},
		{"invalid signal inside", invalid, bazaar.ECodeInvalid},
		{"oversized", make([]byte, 9<<10), bazaar.ECodeTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := e.Intake(c.sealed)
			if bazaar.ErrorCode(err) != c.code {
				t.Fatalf("err = %v (code %s), want %s", err, bazaar.ErrorCode(err), c.code)
			}
		})
	}
	if e.Signals() != 1 {
		t.Fatalf("refused signals changed the store: %d signals", e.Signals())
	}
}

func TestEngine_OptOut(t *testing.T) {
	key, _ := ecdh.X25519().GenerateKey(rand.Reader)
	e, err := matcher.New(matcher.Config{Notifier: &inbox{}, HPKEKey: key, Clock: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	token := []byte("the agent's opt-out token")
	h := sha256.Sum256(token)
	s := signal(1, "Quận 1", "high", 3)
	s.OptOutHash = h[:]
	sealed, _ := matcher.SealSignal(key.PublicKey(), s)
	if err := e.Intake(sealed); err != nil {
		t.Fatal(err)
	}
	wrong, _ := matcher.SealOptOut(key.PublicKey(), bazaar.OptOut{EphemeralID: s.EphemeralID, Token: []byte("guess")})
	if err := e.Intake(wrong); bazaar.ErrorCode(err) != bazaar.ECodeNotFound || e.Signals() != 1 {
		t.Fatalf("wrong token: %v, %d signals", err, e.Signals())
	}
	out, _ := matcher.SealOptOut(key.PublicKey(), bazaar.OptOut{EphemeralID: s.EphemeralID, Token: token})
	if err := e.Intake(out); err != nil || e.Signals() != 0 {
		t.Fatalf("opt-out: %v, %d signals", err, e.Signals())
	}
	if err := e.Intake(out); bazaar.ErrorCode(err) != bazaar.ECodeConflict {
		t.Fatalf("replayed opt-out: %v", err)
	}
	noHash := signal(2, "Quận 1", "high", 3)
	sealed2, _ := matcher.SealSignal(key.PublicKey(), noHash)
	e.Intake(sealed2)
	anyToken, _ := matcher.SealOptOut(key.PublicKey(), bazaar.OptOut{EphemeralID: noHash.EphemeralID, Token: nil})
	if err := e.Intake(anyToken); err == nil || e.Signals() != 1 {
		t.Fatalf("a signal without an opt-out hash was withdrawn by anyone: %v", err)
	}
}

// down is a Notifier whose path to the relay is down until up is set.
type down struct {
	inbox
	up bool
}

func (d *down) Deliver(ctx context.Context, mailbox string, p []byte) error {
	if !d.up {
		return fmt.Errorf("link closed: %w", matcher.ErrNotifierDown)
	}
	return d.inbox.Deliver(ctx, mailbox, p)
}

// TestEngine_NotifierDown: with the relay link down, a deal is not recorded as processed nor
// counted, so the watcher's retry matches it once the link is back.
func TestEngine_NotifierDown(t *testing.T) {
	ctx := context.Background()
	n := &down{}
	e := mustEngine(t, n, filepath.Join(t.TempDir(), "state.json"))
	for i := range 6 {
		if err := e.AddSignal(signal(i, "Quận 1", "high", 3)); err != nil {
			t.Fatal(err)
		}
	}
	d := coffeeDeal()
	if _, err := e.Match(ctx, "0xdeal", "bafy", 1, d); !errors.Is(err, matcher.ErrNotifierDown) {
		t.Fatalf("match with the link down: %v", err)
	}
	if m := e.Metrics(d.Vendor.Hex()); m.AgentsMatched != 0 {
		t.Fatalf("counted while undelivered: %+v", m)
	}
	n.up = true
	res, err := e.Match(ctx, "0xdeal", "bafy", 1, d)
	if err != nil || res.Skipped || res.Delivered != 6 {
		t.Fatalf("retry after the link is back: %+v %v", res, err)
	}
	if m := e.Metrics(d.Vendor.Hex()); m.AgentsMatched != 6 {
		t.Fatalf("metrics after retry: %+v", m)
	}
}

// TestEngine_HybridSuite: signals and opt-outs sealed with the post-quantum hybrid suite
// (MLKEM768-X25519) open under the hybrid key; the classic suite still works beside it.
func TestEngine_HybridSuite(t *testing.T) {
	x, _ := ecdh.X25519().GenerateKey(rand.Reader)
	hy, err := hpke.MLKEM768X25519().GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	e, err := matcher.New(matcher.Config{Notifier: &inbox{}, HPKEKey: x, HybridKey: hy, Clock: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	blob := matcher.AttestedKey(x.PublicKey(), hy.PublicKey())
	px, ph, err := matcher.ParseAttestedKey(blob)
	if err != nil || ph == nil || !px.Equal(x.PublicKey()) {
		t.Fatalf("attested key round trip: %v", err)
	}
	token := []byte("tok")
	th := sha256.Sum256(token)
	s := signal(1, "Quận 1", "high", 3)
	s.OptOutHash = th[:]
	sealed, err := matcher.SealHybrid(ph, s)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Intake(sealed); err != nil {
		t.Fatalf("hybrid signal: %v", err)
	}
	classic, _ := matcher.SealSignal(px, signal(2, "Quận 1", "high", 3))
	if err := e.Intake(classic); err != nil {
		t.Fatalf("classic signal beside hybrid: %v", err)
	}
	other, _ := hpke.MLKEM768X25519().GenerateKey()
	toOther, _ := matcher.SealHybrid(other.PublicKey(), signal(3, "Quận 1", "high", 3))
	if err := e.Intake(toOther); !errors.Is(err, matcher.ErrUndecryptable) {
		t.Fatalf("hybrid to another key: %v", err)
	}
	if err := e.Intake(append([]byte("bzh1"), make([]byte, 1200)...)); !errors.Is(err, matcher.ErrUndecryptable) {
		t.Fatalf("garbage behind the hybrid magic: %v", err)
	}
	if err := e.Intake(sealed); !errors.Is(err, matcher.ErrReplayed) {
		t.Fatalf("hybrid replay: %v", err)
	}
	out, _ := matcher.SealHybrid(ph, map[string]any{"optOut": bazaar.OptOut{EphemeralID: s.EphemeralID, Token: token}})
	if err := e.Intake(out); err != nil {
		t.Fatalf("hybrid opt-out: %v", err)
	}
	if e.Signals() != 1 {
		t.Fatalf("%d signals, want the classic one", e.Signals())
	}
}

// TestLaplaceNoise: deterministic per label, centred, with mean |noise| = 1/ε.
func TestLaplaceNoise(t *testing.T) {
	key := []byte("noise key")
	const eps = 0.5
	if matcher.LaplaceNoise(key, "a", eps) != matcher.LaplaceNoise(key, "a", eps) {
		t.Fatal("same label, different noise: re-releases would average it away")
	}
	var sum, abs float64
	const n = 20000
	for i := range n {
		x := matcher.LaplaceNoise(key, fmt.Sprint(i), eps)
		sum += x
		abs += math.Abs(x)
	}
	if mean := sum / n; math.Abs(mean) > 0.1 {
		t.Fatalf("mean %.3f, want ≈ 0", mean)
	}
	if scale := abs / n; scale < 1.8 || scale > 2.2 {
		t.Fatalf("mean |noise| %.3f, want ≈ 1/ε = 2", scale)
	}
}

// TestEngine_NoisyMetrics: with ε set, breakdown buckets carry noise, totals stay exact, and
// asking twice gives the same answer.
func TestEngine_NoisyMetrics(t *testing.T) {
	box := &inbox{}
	e, err := matcher.New(matcher.Config{Notifier: box, Epsilon: 0.1, NoiseKey: []byte("k"), K: 1, Clock: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	areas := []string{"Quận 1", "Quận 3"}
	for i := range 40 {
		if err := e.AddSignal(signal(i, areas[i%2], "high", 3)); err != nil {
			t.Fatal(err)
		}
	}
	d := coffeeDeal()
	if _, err := e.Match(context.Background(), "0xdeal", "bafy", 1, d); err != nil {
		t.Fatal(err)
	}
	a, b := e.Metrics(d.Vendor.Hex()), e.Metrics(d.Vendor.Hex())
	if a.AgentsMatched != 40 {
		t.Fatalf("total %d, want exactly 40", a.AgentsMatched)
	}
	if a.ByLocation["Quận 1"] != b.ByLocation["Quận 1"] {
		t.Fatal("noise changes between identical releases")
	}
	if a.ByLocation["Quận 1"].Matched == 20 && a.ByLocation["Quận 3"].Matched == 20 {
		t.Fatal("no noise at ε = 0.1 on either bucket")
	}
}

// Package matcher is Bazaar's matching engine: it holds agents' opt-in signals, matches each
// posted deal against them with the seed's rules, hands notifications to the relay and keeps
// aggregate vendor metrics. (It runs as a plain process for now; the SEV-SNP enclave comes later.)
package matcher

import (
	"bytes"
	"context"
	"crypto/ecdh"
	"crypto/hmac"
	"crypto/hpke"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bazaar-market/bazaar"
)

// Config configures an Engine.
type Config struct {
	Notifier bazaar.Notifier
	HPKEKey  *ecdh.PrivateKey // X25519 key agents seal signals to (attested on-chain); nil: no intake
	// HybridKey is the optional post-quantum suite's key (ML-KEM-768 + X25519, attested with
	// HPKEKey in one key blob, see AttestedKey); nil: classic X25519 only.
	HybridKey hpke.PrivateKey
	StateFile string // JSON file for metrics and processed deals; "" keeps them in memory
	Store     *Store // encrypted signal store; nil keeps signals in memory only
	K         int    // metrics suppression threshold (default bazaar.DefaultK)
	// Epsilon > 0 adds Laplace noise of scale 1/Epsilon to every breakdown bucket a vendor sees
	// (ε-differential privacy per bucket release: one agent changes a bucket by at most 1).
	// The noise is a deterministic function of (NoiseKey, vendor, bucket, true count), so
	// releasing the same count again reveals nothing new; totals stay exact. 0: no noise.
	Epsilon  float64
	NoiseKey []byte // secret for the noise; nil: random per start
	// Shard, when set, is this matcher's part of the signal space: signals outside it are
	// refused (another shard's matcher owns them).
	Shard  *Shard
	Clock  bazaar.Clock
	Logger *slog.Logger // never given an agent identifier, mailbox or signal
}

// Engine matches deals to signals. It is safe for concurrent use.
type Engine struct {
	cfg Config
	log *slog.Logger

	mu    sync.RWMutex
	index *index            // signals by slot, with attribute bitsets
	seen  map[[32]byte]bool // sealed signals already taken, so replays are refused
	state state
}

// state is what survives restarts: vendor aggregates and the deal versions already processed,
// so a rescan of the chain never notifies or counts twice.
type state struct {
	Metrics   map[string]*bazaar.VendorMetrics `json:"metrics"`   // by lower-case vendor address
	Processed map[string]bool                  `json:"processed"` // dealId@version
}

// New builds an engine, loading its state file if present.
func New(cfg Config) (*Engine, error) {
	if cfg.Notifier == nil {
		return nil, errors.New("matcher: a Notifier is required")
	}
	if cfg.K < 1 {
		cfg.K = bazaar.DefaultK
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Epsilon > 0 && len(cfg.NoiseKey) == 0 {
		cfg.NoiseKey = make([]byte, 32)
		if _, err := rand.Read(cfg.NoiseKey); err != nil {
			return nil, err
		}
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	e := &Engine{cfg: cfg, log: log, index: newIndex(), seen: map[[32]byte]bool{},
		state: state{Metrics: map[string]*bazaar.VendorMetrics{}, Processed: map[string]bool{}}}
	if cfg.StateFile != "" {
		b, err := os.ReadFile(cfg.StateFile)
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("matcher state: %w", err)
		default:
			if err := json.Unmarshal(b, &e.state); err != nil {
				return nil, fmt.Errorf("matcher state %s: %w", cfg.StateFile, err)
			}
		}
	}
	if cfg.Store != nil {
		now := cfg.Clock()
		if _, err := cfg.Store.Purge(now.UnixMilli()); err != nil {
			return nil, err
		}
		sigs, err := cfg.Store.Load(now.UnixMilli())
		if err != nil {
			return nil, err
		}
		for _, sg := range sigs {
			if sg.Validate(now) == nil {
				e.index.put(sg)
			}
		}
		log.Info("signals restored from the encrypted store", "count", e.index.len())
	}
	return e, nil
}

// AddSignal stores (or replaces, by ephemeral id) a validated signal.
func (e *Engine) AddSignal(s bazaar.Signal) error {
	if err := s.Validate(e.cfg.Clock()); err != nil {
		return err
	}
	s.Categories = append([]string(nil), s.Categories...)
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cfg.Store != nil {
		if err := e.cfg.Store.Put(s); err != nil {
			return err
		}
	}
	e.index.put(s)
	return nil
}

// Intake errors.
var (
	ErrNoIntake = errors.New("this matcher takes no sealed signals")
	// ErrNotifierDown, from a Notifier, means nothing can be delivered now (the relay link is
	// down): Match then fails without recording the deal, so it is matched again later.
	ErrNotifierDown  = errors.New("notification path is down")
	ErrUndecryptable = &bazaar.Error{Code: bazaar.ECodeInvalid, Message: "sealed signal does not open under the matcher's attested key"}
	ErrReplayed      = &bazaar.Error{Code: bazaar.ECodeConflict, Message: "this sealed signal was already taken"}
	// ErrNotSignal: the message opened but is neither a signal nor an opt-out (it may be
	// another request for the matcher, such as a credential request).
	ErrNotSignal = &bazaar.Error{Code: bazaar.ECodeInvalid, Message: "sealed message is not a signal"}
)

// SignalInfo is the HPKE context string of sealed signals.
const SignalInfo = "bazaar signal v1"

// SealSignal seals a signal to a matcher's X25519 HPKE public key (DHKEM(X25519), HKDF-SHA256,
// ChaCha20-Poly1305), as an agent does.
func SealSignal(pub *ecdh.PublicKey, s bazaar.Signal) ([]byte, error) { return SealSignalJSON(pub, s) }

// SealSignalJSON seals any JSON value to the matcher's X25519 key with the signal suite (for
// requests such as an agent's credential request).
func SealSignalJSON(pub *ecdh.PublicKey, v any) ([]byte, error) {
	pk, err := hpke.NewDHKEMPublicKey(pub)
	if err != nil {
		return nil, err
	}
	js, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return hpke.Seal(pk, hpke.HKDFSHA256(), hpke.ChaCha20Poly1305(), []byte(SignalInfo), js)
}

// hybridMagic prefixes messages sealed with the hybrid suite; classic ones are bare HPKE.
var hybridMagic = []byte("bzh1")

// SealHybrid seals a signal or opt-out (as JSON) with the post-quantum hybrid suite
// (MLKEM768-X25519, HKDF-SHA256, ChaCha20-Poly1305): safe even against an adversary who records
// traffic now and breaks X25519 later.
func SealHybrid(pub hpke.PublicKey, v any) ([]byte, error) {
	js, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	ct, err := hpke.Seal(pub, hpke.HKDFSHA256(), hpke.ChaCha20Poly1305(), []byte(SignalInfo), js)
	if err != nil {
		return nil, err
	}
	return append(append([]byte(nil), hybridMagic...), ct...), nil
}

// AttestedKey is the key blob a matcher's attestation binds: its X25519 public key (32 bytes),
// then, when it offers the hybrid suite, its MLKEM768-X25519 public key.
func AttestedKey(x *ecdh.PublicKey, hybrid hpke.PublicKey) []byte {
	b := append([]byte(nil), x.Bytes()...)
	if hybrid != nil {
		b = append(b, hybrid.Bytes()...)
	}
	return b
}

// ParseAttestedKey splits an attested key blob; hybrid is nil when it offers only X25519.
func ParseAttestedKey(b []byte) (x *ecdh.PublicKey, hybrid hpke.PublicKey, err error) {
	b = stripShard(b)
	if len(b) < 32 {
		return nil, nil, errors.New("attested key: shorter than an X25519 key")
	}
	if x, err = ecdh.X25519().NewPublicKey(b[:32]); err != nil {
		return nil, nil, fmt.Errorf("attested key: %w", err)
	}
	if len(b) == 32 {
		return x, nil, nil
	}
	if hybrid, err = hpke.MLKEM768X25519().NewPublicKey(b[32:]); err != nil {
		return nil, nil, fmt.Errorf("attested hybrid key: %w", err)
	}
	return x, hybrid, nil
}

// Open opens a message sealed to the matcher's attested key (either suite), for requests other
// than signals (e.g. an agent asking for its credential).
func (e *Engine) Open(sealed []byte) ([]byte, error) {
	if e.cfg.HPKEKey == nil {
		return nil, ErrNoIntake
	}
	if len(sealed) > 8<<10 {
		return nil, bazaar.Errorf(bazaar.ECodeTooLarge, "sealed request is over 8 KiB")
	}
	plain, err := e.open(sealed)
	if err != nil {
		return nil, ErrUndecryptable
	}
	return plain, nil
}

// open opens a sealed message with the hybrid key (magic prefix) or the X25519 key.
func (e *Engine) open(sealed []byte) ([]byte, error) {
	if e.cfg.HybridKey != nil && bytes.HasPrefix(sealed, hybridMagic) {
		if plain, err := hpke.Open(e.cfg.HybridKey, hpke.HKDFSHA256(), hpke.ChaCha20Poly1305(), []byte(SignalInfo), sealed[len(hybridMagic):]); err == nil {
			return plain, nil
		}
		// A classic message's random encapsulation can start with the magic: try it too.
	}
	sk, err := hpke.NewDHKEMPrivateKey(e.cfg.HPKEKey)
	if err != nil {
		return nil, err
	}
	return hpke.Open(sk, hpke.HKDFSHA256(), hpke.ChaCha20Poly1305(), []byte(SignalInfo), sealed)
}

// Intake opens a sealed signal with the matcher's attested HPKE key, validates it and stores
// it. A sealed signal is taken once: replaying the same ciphertext is refused. Nothing about a
// refused signal is logged.
func (e *Engine) Intake(sealed []byte) error {
	if e.cfg.HPKEKey == nil {
		return ErrNoIntake
	}
	if len(sealed) > 8<<10 {
		return bazaar.Errorf(bazaar.ECodeTooLarge, "sealed signal is over 8 KiB")
	}
	plain, err := e.open(sealed)
	if err != nil {
		return ErrUndecryptable
	}
	id := sha256.Sum256(sealed)
	var wrap struct {
		OptOut *bazaar.OptOut `json:"optOut"`
	}
	if strict(plain, &wrap) == nil && wrap.OptOut != nil {
		return e.optOut(id, *wrap.OptOut)
	}
	var s bazaar.Signal
	if err := strict(plain, &s); err != nil {
		return ErrNotSignal
	}
	if e.cfg.Shard != nil && !e.cfg.Shard.Holds(s.EphemeralID) {
		return ErrOtherShard
	}
	replay, err := e.taken(id)
	if err != nil {
		return err
	}
	if replay {
		return ErrReplayed
	}
	if err := e.AddSignal(s); err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.take(id, s.ExpiresAt)
}

// taken reports whether a sealed message was already taken (in memory or in the store).
func (e *Engine) taken(id [32]byte) (bool, error) {
	e.mu.RLock()
	seen := e.seen[id]
	e.mu.RUnlock()
	if seen || e.cfg.Store == nil {
		return seen, nil
	}
	return e.cfg.Store.Taken(id)
}

// take records a sealed message as taken until expiresMs. Callers hold e.mu.
func (e *Engine) take(id [32]byte, expiresMs int64) error {
	e.seen[id] = true
	if e.cfg.Store != nil {
		if _, err := e.cfg.Store.Take(id, expiresMs); err != nil {
			return err
		}
	}
	return nil
}

// ErrOptOutRefused: no live signal has that ephemeral id and token.
var ErrOptOutRefused = &bazaar.Error{Code: bazaar.ECodeNotFound, Message: "no signal to withdraw with that token"}

// optOut removes a signal if the token hashes to the one it carried. Sealed opt-outs are
// single-use like signals.
func (e *Engine) optOut(id [32]byte, o bazaar.OptOut) error {
	replay, err := e.taken(id)
	if err != nil {
		return err
	}
	if replay {
		return ErrReplayed
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	i, ok := e.index.byID[o.EphemeralID]
	if !ok {
		return ErrOptOutRefused
	}
	want := e.index.slots[i].OptOutHash
	got := sha256.Sum256(o.Token)
	if len(want) != 32 || subtle.ConstantTimeCompare(want, got[:]) != 1 {
		return ErrOptOutRefused
	}
	expires := e.index.slots[i].ExpiresAt
	if e.cfg.Store != nil {
		if err := e.cfg.Store.Delete(o.EphemeralID); err != nil {
			return err
		}
	}
	e.index.remove(o.EphemeralID)
	return e.take(id, expires)
}

func strict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// SealOptOut seals an opt-out to the matcher's HPKE key, as an agent does.
func SealOptOut(pub *ecdh.PublicKey, o bazaar.OptOut) ([]byte, error) {
	return SealSignalJSON(pub, map[string]any{"optOut": o})
}

// RemoveSignal deletes a signal (opt-out). Removing an unknown id is not an error.
func (e *Engine) RemoveSignal(ephemeralID string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cfg.Store != nil {
		if err := e.cfg.Store.Delete(ephemeralID); err != nil {
			return err
		}
	}
	e.index.remove(ephemeralID)
	return nil
}

// target is what notifying one matched signal needs.
type target struct {
	mailbox, area string
	key           []byte
}

// MatchOnly returns the ephemeral ids of the signals a deal matches now, without notifying or
// counting (property tests).
func (e *Engine) MatchOnly(d *bazaar.Deal) []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var ids []string
	for _, i := range e.index.match(d, e.cfg.Clock().UnixMilli()) {
		ids = append(ids, e.index.slots[i].EphemeralID)
	}
	return ids
}

// MatchCount matches a deal and returns only how many signals it reached (benchmarks: the
// matched set is materialised as slot numbers, as Match uses it).
func (e *Engine) MatchCount(d *bazaar.Deal) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.index.match(d, e.cfg.Clock().UnixMilli()))
}

// Expire drops expired signals (ephemeral ids rotate) and reports how many.
func (e *Engine) Expire() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.cfg.Clock().UnixMilli()
	if e.cfg.Store != nil {
		if _, err := e.cfg.Store.Purge(now); err != nil {
			e.log.Warn("signal store purge", "err", err)
		}
	}
	return e.index.expire(now)
}

// Signals is the number of live signals.
func (e *Engine) Signals() int {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.index.len()
}

// Result summarises one Match call. It carries counts only.
type Result struct {
	Matched   int
	Delivered int
	Skipped   bool // this deal version was already processed
}

// Match matches one deal version against every live signal, delivers a notification to each
// matched mailbox and adds the counts to the vendor's metrics. It is idempotent per
// (dealID, version): a second call returns Skipped and changes nothing.
func (e *Engine) Match(ctx context.Context, dealID, cid string, version uint64, d *bazaar.Deal) (Result, error) {
	key := fmt.Sprintf("%s@%d", strings.ToLower(dealID), version)
	now := e.cfg.Clock()
	e.mu.Lock() // the index's query scratch is shared
	done := e.state.Processed[key]
	var matched []target
	if !done {
		for _, i := range e.index.match(d, now.UnixMilli()) {
			s := &e.index.slots[i]
			matched = append(matched, target{mailbox: s.Mailbox, key: s.NotifyKey, area: s.Area})
		}
	}
	e.mu.Unlock()
	if done {
		return Result{Skipped: true}, nil
	}
	payload, err := json.Marshal(bazaar.NewNotification(dealID, cid, version, d))
	if err != nil {
		return Result{}, fmt.Errorf("notification: %w", err)
	}
	res := Result{Matched: len(matched)}
	delivered, err := e.fanOut(ctx, matched, key, payload)
	res.Delivered = delivered
	if err != nil {
		return res, fmt.Errorf("deal %s not matched: %w", dealID, err)
	}

	e.mu.Lock()
	defer e.mu.Unlock()
	if e.state.Processed[key] { // raced with a concurrent Match of the same version
		return Result{Skipped: true}, nil
	}
	e.state.Processed[key] = true
	vk := strings.ToLower(d.Vendor.Hex())
	m := e.state.Metrics[vk]
	if m == nil {
		m = &bazaar.VendorMetrics{Vendor: d.Vendor.Hex(), ByLocation: map[string]bazaar.Bucket{}, ByDay: map[string]bazaar.Bucket{}}
		e.state.Metrics[vk] = m
	}
	m.AgentsMatched += uint64(res.Matched)
	m.ImpressionsSent += uint64(res.Delivered)
	day := now.UTC().Format(time.DateOnly)
	for _, s := range matched {
		b := m.ByLocation[s.area]
		b.Matched++
		m.ByLocation[s.area] = b
	}
	if res.Matched > 0 {
		b := m.ByDay[day]
		b.Matched += uint64(res.Matched)
		m.ByDay[day] = b
	}
	if err := e.saveLocked(); err != nil {
		return res, err
	}
	e.log.Info("deal matched", "deal", dealID, "version", version, "matched", res.Matched)
	return res, nil
}

// KeyedNotifier is a Notifier that can drop repeats: the matcher gives every notification an
// idempotency key, so if it crashes mid fan-out and matches the deal again after the restart,
// agents already notified are not notified twice.
type KeyedNotifier interface {
	DeliverKeyed(ctx context.Context, mailbox, key string, payload []byte) error
}

// NotificationKey is a notification's idempotency key: an HMAC of the deal version under the
// agent's notification key, so the relay that sees it cannot tell which deal it is for.
func NotificationKey(notifyKey []byte, dealVersion string) string {
	m := hmac.New(sha256.New, notifyKey)
	m.Write([]byte("bazaar notification id v1\x00" + dealVersion))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// fanOutWorkers is how many notifications a match seals and hands to the relay at once:
// sealing takes the cores, and a relay on NATS waits a round trip for each store.
const fanOutWorkers = 32

// fanOut seals payload to every target and delivers it, fanOutWorkers at a time, and returns
// how many were delivered. A notifier that is down stops it with ErrNotifierDown; other
// failures are logged and skipped.
func (e *Engine) fanOut(ctx context.Context, targets []target, dealVersion string, payload []byte) (int, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var (
		next, delivered atomic.Int64
		wg              sync.WaitGroup
	)
	for range min(fanOutWorkers, len(targets)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(targets) {
					return
				}
				t := targets[i]
				sealed, err := bazaar.SealNotification(t.key, payload)
				if err != nil {
					e.log.Warn("notification not sealed", "deal", dealVersion, "err", err)
					continue
				}
				if err := e.deliver(ctx, t, dealVersion, sealed); err != nil {
					if errors.Is(err, ErrNotifierDown) {
						cancel(err)
						return
					}
					e.log.Warn("notification not delivered", "deal", dealVersion, "err", err)
					continue
				}
				delivered.Add(1)
			}
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); errors.Is(err, ErrNotifierDown) {
		return int(delivered.Load()), err
	}
	if err := ctx.Err(); err != nil && int(delivered.Load()) < len(targets) {
		return int(delivered.Load()), err
	}
	return int(delivered.Load()), nil
}

func (e *Engine) deliver(ctx context.Context, t target, dealVersion string, sealed []byte) error {
	if k, ok := e.cfg.Notifier.(KeyedNotifier); ok {
		return k.DeliverKeyed(ctx, t.mailbox, NotificationKey(t.key, dealVersion), sealed)
	}
	return e.cfg.Notifier.Deliver(ctx, t.mailbox, sealed)
}

// Metrics returns a vendor's aggregates with small buckets suppressed. A vendor with no
// matches gets zero counts, not an error.
func (e *Engine) Metrics(vendor string) bazaar.VendorMetrics {
	e.mu.RLock()
	defer e.mu.RUnlock()
	m := e.state.Metrics[strings.ToLower(vendor)]
	if m == nil {
		return bazaar.VendorMetrics{Vendor: vendor}.Suppress(e.cfg.K)
	}
	if e.cfg.Epsilon <= 0 {
		return m.Suppress(e.cfg.K)
	}
	noisy := *m
	noisy.ByLocation = e.noisy(vendor, "loc:", m.ByLocation)
	noisy.ByDay = e.noisy(vendor, "day:", m.ByDay)
	return noisy.Suppress(e.cfg.K)
}

// noisy adds deterministic Laplace noise to each bucket's matched count (never below zero).
func (e *Engine) noisy(vendor, kind string, in map[string]bazaar.Bucket) map[string]bazaar.Bucket {
	out := make(map[string]bazaar.Bucket, len(in))
	for k, b := range in {
		label := fmt.Sprintf("%s\x00%s%s\x00%d", strings.ToLower(vendor), kind, k, b.Matched)
		v := math.Round(float64(b.Matched) + LaplaceNoise(e.cfg.NoiseKey, label, e.cfg.Epsilon))
		b.Matched = uint64(max(v, 0))
		out[k] = b
	}
	return out
}

// LaplaceNoise is a Laplace(0, 1/epsilon) sample that is a deterministic function of (key,
// label): a uniform u in (-1/2, 1/2) from 53 bits of HMAC-SHA256, through the inverse CDF.
func LaplaceNoise(key []byte, label string, epsilon float64) float64 {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(label))
	u := (float64(binary.BigEndian.Uint64(mac.Sum(nil))>>11)+0.5)/(1<<53) - 0.5
	sign := 1.0
	if u < 0 {
		sign = -1
	}
	return -sign * math.Log(1-2*math.Abs(u)) / epsilon
}

func (e *Engine) saveLocked() error {
	if e.cfg.StateFile == "" {
		return nil
	}
	b, err := json.Marshal(e.state)
	if err != nil {
		return fmt.Errorf("matcher state: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(e.cfg.StateFile), 0o700); err != nil {
		return fmt.Errorf("matcher state: %w", err)
	}
	tmp := e.cfg.StateFile + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return fmt.Errorf("matcher state: %w", err)
	}
	return os.Rename(tmp, e.cfg.StateFile)
}

package chain_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"math/big"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
)

// recorder collects delivered events.
type recorder struct {
	mu  sync.Mutex
	got []chain.Event
}

func (r *recorder) handle(_ context.Context, e chain.Event) error {
	r.mu.Lock()
	r.got = append(r.got, e)
	r.mu.Unlock()
	return nil
}

func (r *recorder) events() []chain.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]chain.Event(nil), r.got...)
}

func (r *recorder) waitFor(t *testing.T, n int) []chain.Event {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if ev := r.events(); len(ev) >= n {
			return ev
		} else if time.Now().After(deadline) {
			t.Fatalf("got %d events, want %d: %+v", len(ev), n, ev)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

type simChain struct {
	sim *simulated.Backend
	reg *chain.Registry
}

// mustSim deploys the registry on a simulated backend that mines only on Commit.
func mustSim(t *testing.T) *simChain {
	t.Helper()
	funded := types.Account{Balance: new(big.Int).Lsh(big.NewInt(1), 100)}
	sim := simulated.NewBackend(types.GenesisAlloc{
		chain.KeyAddress(chain.DevRelayerKey): funded, chain.KeyAddress(chain.DevVendorKey): funded,
	})
	t.Cleanup(func() { sim.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { // DeployRegistry waits for its receipt: mine meanwhile
		defer close(done)
		for ctx.Err() == nil {
			sim.Commit()
			time.Sleep(5 * time.Millisecond)
		}
	}()
	addr, err := chain.DeployRegistry(context.Background(), sim.Client(), chain.DevRelayerKey)
	cancel()
	<-done
	if err != nil {
		t.Fatal(err)
	}
	reg, err := chain.NewRegistry(context.Background(), sim.Client(), addr)
	if err != nil {
		t.Fatal(err)
	}
	return &simChain{sim: sim, reg: reg}
}

// post sends a vendor-signed post from the relayer and mines exactly one block for it.
func (s *simChain) post(t *testing.T, doc string) bazaar.DealHeader {
	t.Helper()
	digest := common.Hash(sha256.Sum256([]byte(doc)))
	h := bazaar.DealHeader{Vendor: chain.KeyAddress(chain.DevVendorKey), Digest: digest, Version: 1,
		ExpiresAt: uint64(time.Now().Add(time.Hour).Unix()), MaxRedemptions: 1, Nonce: bazaar.NonceFromDigest(digest), Counter: big.NewInt(0)}
	sig, err := s.reg.Domain.SignDeal(chain.DevVendorKey, h)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := s.reg.SendPost(context.Background(), chain.DevRelayerKey, h, sig)
	if err != nil {
		t.Fatal(err)
	}
	s.sim.Commit() // exactly one block per post
	rcpt, err := s.sim.Client().TransactionReceipt(context.Background(), tx)
	if err != nil || rcpt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("post not mined in the committed block: %v", err)
	}
	return h
}

func (s *simChain) watch(t *testing.T, rec *recorder, cfg chain.WatcherConfig) *chain.Watcher {
	t.Helper()
	cfg.Backend, cfg.Registry, cfg.Handle, cfg.Interval = s.sim.Client(), s.reg.Address(), rec.handle, 5*time.Millisecond
	w, err := chain.NewWatcher(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Stop(context.Background()) })
	return w
}

func describe(evs []chain.Event) []string {
	var out []string
	for _, e := range evs {
		s := fmt.Sprintf("%s %s", e.Kind, e.DealID.Hex()[:10])
		if e.Removed {
			s += " removed"
		}
		out = append(out, s)
	}
	return out
}

func TestWatcher_Reorg(t *testing.T) {
	ctx := context.Background()
	s := mustSim(t)
	rec := &recorder{}
	s.watch(t, rec, chain.WatcherConfig{})
	a := s.post(t, "A")
	forkPoint, err := s.sim.Client().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	b := s.post(t, "B")
	rec.waitFor(t, 2)

	// Replace B's block with a longer branch that posts C instead.
	if err := s.sim.Fork(forkPoint.Hash()); err != nil {
		t.Fatal(err)
	}
	c := s.post(t, "C")
	for range 3 {
		s.sim.Commit()
	}
	got := rec.waitFor(t, 4)
	time.Sleep(50 * time.Millisecond) // let any stray delivery arrive
	got = rec.events()
	d := describe(got)
	want := []string{
		fmt.Sprintf("DealPosted %s", a.DealID().Hex()[:10]),
		fmt.Sprintf("DealPosted %s", b.DealID().Hex()[:10]),
		fmt.Sprintf("DealPosted %s removed", b.DealID().Hex()[:10]),
	}
	for i, w := range want {
		if i >= len(d) || d[i] != w {
			t.Fatalf("events %v, want prefix %v", d, want)
		}
	}
	// After the removal, the new branch's events: C, and B again only if the node re-mined
	// B's transaction from its pool. Nothing is delivered twice for one block.
	seenC := false
	for _, e := range got[3:] {
		if e.Removed {
			t.Fatalf("unexpected removal after the fork: %v", d)
		}
		seenC = seenC || e.DealID == c.DealID()
	}
	if !seenC {
		t.Fatalf("C on the new branch was not delivered: %v", d)
	}
	// The registry agrees with the last word of the events for every deal.
	live := map[common.Hash]bool{}
	for _, e := range got {
		live[e.DealID] = !e.Removed
	}
	for id, isLive := range live {
		_, err := s.reg.Deal(ctx, id)
		if (err == nil) != isLive {
			t.Fatalf("deal %s: events say live=%v, registry says err=%v (%v)", id, isLive, err, d)
		}
	}
}

func TestWatcher_Confirmations(t *testing.T) {
	s := mustSim(t)
	rec := &recorder{}
	s.watch(t, rec, chain.WatcherConfig{Confirmations: 2})
	s.post(t, "A")
	time.Sleep(50 * time.Millisecond)
	if n := len(rec.events()); n != 0 {
		t.Fatalf("delivered %d events before 2 confirmations", n)
	}
	s.sim.Commit()
	time.Sleep(50 * time.Millisecond)
	if n := len(rec.events()); n != 0 {
		t.Fatalf("delivered %d events after 1 confirmation", n)
	}
	s.sim.Commit()
	rec.waitFor(t, 1)
}

func TestWatcher_Restart(t *testing.T) {
	ctx := context.Background()
	s := mustSim(t)
	cp := filepath.Join(t.TempDir(), "checkpoint")
	rec := &recorder{}
	w := s.watch(t, rec, chain.WatcherConfig{Checkpoint: cp})
	a := s.post(t, "A")
	rec.waitFor(t, 1)
	w.Stop(ctx)

	beforeB, err := s.sim.Client().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("no gap and no duplicate", func(t *testing.T) {
		b := s.post(t, "B")
		rec2 := &recorder{}
		w2 := s.watch(t, rec2, chain.WatcherConfig{Checkpoint: cp})
		got := rec2.waitFor(t, 1)
		time.Sleep(50 * time.Millisecond)
		got = rec2.events()
		if len(got) != 1 || got[0].DealID != b.DealID() {
			t.Fatalf("after restart: %v (A is %s)", describe(got), a.DealID().Hex()[:10])
		}
		w2.Stop(ctx)
	})

	t.Run("reorg while down", func(t *testing.T) {
		// The watcher saw B's block; while it is down that block is replaced.
		if err := s.sim.Fork(beforeB.Hash()); err != nil {
			t.Fatal(err)
		}
		for range 3 {
			s.sim.Commit()
		}
		rec3 := &recorder{}
		s.watch(t, rec3, chain.WatcherConfig{Checkpoint: cp})
		got := rec3.waitFor(t, 1)
		if !got[0].Removed || got[0].Kind != chain.DealPosted {
			t.Fatalf("after a reorg while down: %v, want B removed first", describe(got))
		}
	})
}

package chain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bazaar-market/bazaar"
)

// EventKind names a registry event.
type EventKind string

const (
	DealPosted    EventKind = "DealPosted"
	DealUpdated   EventKind = "DealUpdated"
	DealCancelled EventKind = "DealCancelled"
	AllCancelled  EventKind = "AllDealsCancelled"
)

// Event is one decoded registry event. Header is set for DealPosted and DealUpdated (Nonce only
// for DealPosted); Counter only for AllDealsCancelled.
type Event struct {
	Kind    EventKind
	DealID  common.Hash
	Vendor  common.Address
	Header  bazaar.DealHeader
	Counter *big.Int
	Block   uint64
	TxHash  common.Hash
	Index   uint
}

// WatcherConfig configures a Watcher.
type WatcherConfig struct {
	Backend       Backend
	Registry      common.Address
	FromBlock     uint64        // first block to scan when there is no checkpoint
	Confirmations uint64        // only blocks at least this deep are processed
	Interval      time.Duration // poll interval (default 100ms)
	Checkpoint    string        // file holding the next block to scan; "" keeps it in memory
	Handle        func(context.Context, Event) error
	Logger        *slog.Logger
}

// Watcher delivers registry events in chain order to Handle, exactly once per event as long as
// Handle succeeds: the checkpoint advances only past blocks whose events were all handled, so a
// restart resumes with no gaps. A failing Handle is retried on the next poll.
type Watcher struct {
	cfg  WatcherConfig
	next uint64
	log  *slog.Logger

	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
	synced chan struct{} // closed after the first catch-up to head
	kick   chan struct{}
}

// NewWatcher builds a watcher; it reads the checkpoint, if any.
func NewWatcher(cfg WatcherConfig) (*Watcher, error) {
	if cfg.Interval <= 0 {
		cfg.Interval = 100 * time.Millisecond
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	w := &Watcher{cfg: cfg, next: cfg.FromBlock, log: log, synced: make(chan struct{}), kick: make(chan struct{}, 1)}
	if cfg.Checkpoint != "" {
		b, err := os.ReadFile(cfg.Checkpoint)
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("read checkpoint: %w", err)
		default:
			n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("checkpoint %s: %w", cfg.Checkpoint, err)
			}
			w.next = n
		}
	}
	return w, nil
}

// Start runs the poll loop until Stop or ctx ends.
func (w *Watcher) Start(ctx context.Context) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done != nil {
		return errors.New("watcher already started")
	}
	ctx, w.cancel = context.WithCancel(ctx)
	w.done = make(chan struct{})
	go w.loop(ctx)
	return nil
}

// Stop ends the loop and waits for it.
func (w *Watcher) Stop(ctx context.Context) error {
	w.mu.Lock()
	cancel, done := w.cancel, w.done
	w.mu.Unlock()
	if cancel == nil {
		return nil
	}
	cancel()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Synced is closed once the watcher has caught up with the chain head for the first time.
func (w *Watcher) Synced() <-chan struct{} { return w.synced }

// Kick asks for a poll now (e.g. right after this process sent a transaction).
func (w *Watcher) Kick() {
	select {
	case w.kick <- struct{}{}:
	default:
	}
}

func (w *Watcher) loop(ctx context.Context) {
	defer close(w.done)
	t := time.NewTicker(w.cfg.Interval)
	defer t.Stop()
	first := true
	for {
		if err := w.poll(ctx); err != nil {
			if ctx.Err() != nil {
				return
			}
			w.log.Warn("registry watcher poll failed", "err", err)
		} else if first {
			first = false
			close(w.synced)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-w.kick:
		}
	}
}

// poll scans [next, head-confirmations] in chunks and handles every event in order.
func (w *Watcher) poll(ctx context.Context) error {
	head, err := w.cfg.Backend.BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("head: %w", err)
	}
	if head < w.cfg.Confirmations {
		return nil
	}
	safe := head - w.cfg.Confirmations
	for w.next <= safe {
		to := min(safe, w.next+2000)
		logs, err := w.cfg.Backend.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(w.next),
			ToBlock:   new(big.Int).SetUint64(to),
			Addresses: []common.Address{w.cfg.Registry},
		})
		if err != nil {
			return fmt.Errorf("logs %d-%d: %w", w.next, to, err)
		}
		for _, l := range logs {
			ev, ok, err := DecodeEvent(l)
			if err != nil {
				w.log.Warn("undecodable registry log", "block", l.BlockNumber, "err", err)
				continue
			}
			if !ok {
				continue
			}
			w.log.Debug("registry event", "kind", ev.Kind, "deal", ev.DealID, "block", ev.Block)
			if err := w.cfg.Handle(ctx, ev); err != nil {
				// Blocks before this one are done; retry from this block next time.
				if l.BlockNumber > w.next {
					w.advance(l.BlockNumber)
				}
				return fmt.Errorf("handle %s %s: %w", ev.Kind, ev.DealID, err)
			}
		}
		w.advance(to + 1)
	}
	return nil
}

func (w *Watcher) advance(next uint64) {
	w.next = next
	if w.cfg.Checkpoint == "" {
		return
	}
	tmp := w.cfg.Checkpoint + ".tmp"
	if err := os.MkdirAll(filepath.Dir(tmp), 0o700); err == nil {
		if err = os.WriteFile(tmp, []byte(strconv.FormatUint(next, 10)), 0o600); err == nil {
			err = os.Rename(tmp, w.cfg.Checkpoint)
		}
		if err != nil {
			w.log.Warn("write watcher checkpoint", "err", err)
		}
	}
}

// DecodeEvent decodes a DealRegistry log; ok is false for events the watcher does not deliver.
func DecodeEvent(l types.Log) (Event, bool, error) {
	if len(l.Topics) == 0 {
		return Event{}, false, nil
	}
	ev := Event{Block: l.BlockNumber, TxHash: l.TxHash, Index: l.Index}
	a := registryABI.GetABI()
	switch l.Topics[0] {
	case a.Events["DealPosted"].ID:
		e, err := registryABI.UnpackDealPostedEvent(&l)
		if err != nil {
			return ev, false, err
		}
		ev.Kind, ev.DealID, ev.Vendor = DealPosted, e.DealId, e.Vendor
		ev.Header = bazaar.DealHeader{Vendor: e.Vendor, Digest: e.Digest, Version: e.Version,
			ExpiresAt: e.ExpiresAt, MaxRedemptions: e.MaxRedemptions, Nonce: e.Nonce}
	case a.Events["DealUpdated"].ID:
		e, err := registryABI.UnpackDealUpdatedEvent(&l)
		if err != nil {
			return ev, false, err
		}
		ev.Kind, ev.DealID, ev.Vendor = DealUpdated, e.DealId, e.Vendor
		ev.Header = bazaar.DealHeader{Vendor: e.Vendor, Digest: e.Digest, Version: e.Version,
			ExpiresAt: e.ExpiresAt, MaxRedemptions: e.MaxRedemptions}
	case a.Events["DealCancelled"].ID:
		e, err := registryABI.UnpackDealCancelledEvent(&l)
		if err != nil {
			return ev, false, err
		}
		ev.Kind, ev.DealID, ev.Vendor = DealCancelled, e.DealId, e.Vendor
	case a.Events["AllDealsCancelled"].ID:
		e, err := registryABI.UnpackAllDealsCancelledEvent(&l)
		if err != nil {
			return ev, false, err
		}
		ev.Kind, ev.Vendor, ev.Counter = AllCancelled, e.Vendor, e.Counter
	default:
		return ev, false, nil
	}
	return ev, true, nil
}

package chain

import (
	"context"
	"encoding/json"
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
// for DealPosted); Counter only for AllDealsCancelled. Removed marks an event whose block left
// the canonical chain in a reorg: handlers undo what they did for it.
type Event struct {
	Kind      EventKind         `json:"kind"`
	DealID    common.Hash       `json:"dealId"`
	Vendor    common.Address    `json:"vendor"`
	Header    bazaar.DealHeader `json:"header"`
	Counter   *big.Int          `json:"counter,omitempty"`
	Block     uint64            `json:"block"`
	BlockHash common.Hash       `json:"blockHash"`
	TxHash    common.Hash       `json:"txHash"`
	Index     uint              `json:"index"`
	Removed   bool              `json:"removed,omitempty"`
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

// Watcher delivers registry events in chain order to Handle, once per event as long as Handle
// succeeds: the checkpoint advances only past blocks whose events were all handled, so a restart
// resumes with no gaps. A failing Handle is retried on the next poll, so handlers must be
// idempotent.
//
// Reorgs: blocks deeper than the reorg window are scanned by range; the last window blocks one
// at a time by hash, each checked to extend the previous one. When a remembered block leaves the
// canonical chain (also while the watcher was down: the window is checkpointed), its events are
// delivered again with Removed set, newest first, and the new canonical blocks are scanned.
type Watcher struct {
	cfg    WatcherConfig
	next   uint64
	recent []blockRef // the last processed blocks (window), oldest first
	log    *slog.Logger

	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
	synced chan struct{} // closed after the first catch-up to head
	kick   chan struct{}

	progressMu sync.Mutex
	handled    uint64        // blocks below this are handled (mirrors next for readers)
	progress   chan struct{} // closed and replaced whenever handled grows
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
	w := &Watcher{cfg: cfg, next: cfg.FromBlock, log: log, synced: make(chan struct{}), kick: make(chan struct{}, 1), progress: make(chan struct{})}
	if cfg.Checkpoint != "" {
		b, err := os.ReadFile(cfg.Checkpoint)
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("read checkpoint: %w", err)
		default:
			var cp checkpoint
			if err := json.Unmarshal(b, &cp); err != nil {
				// The first format was a bare block number.
				n, perr := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
				if perr != nil {
					return nil, fmt.Errorf("checkpoint %s: %w", cfg.Checkpoint, err)
				}
				cp.Next = n
			}
			w.next, w.recent = cp.Next, cp.Recent
		}
	}
	w.handled = w.next
	return w, nil
}

// blockRef is a processed block of the reorg window and the events delivered for it.
type blockRef struct {
	Number uint64      `json:"number"`
	Hash   common.Hash `json:"hash"`
	Events []Event     `json:"events,omitempty"`
}

type checkpoint struct {
	Next   uint64     `json:"next"`
	Recent []blockRef `json:"recent,omitempty"`
}

// window is how many recent blocks are scanned one by one and remembered for reorgs.
func (w *Watcher) window() uint64 { return max(64, 2*w.cfg.Confirmations) }

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

// poll rewinds past any reorg, then scans [next, head-confirmations]: deep blocks by range,
// the reorg window block by block.
func (w *Watcher) poll(ctx context.Context) error {
	if err := w.rewind(ctx); err != nil {
		return err
	}
	head, err := w.cfg.Backend.BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("head: %w", err)
	}
	if head < w.cfg.Confirmations {
		return nil
	}
	safe := head - w.cfg.Confirmations
	deep := uint64(0)
	if safe > w.window() {
		deep = safe - w.window()
	}
	for w.next <= deep && w.next <= safe {
		to := min(deep, w.next+2000)
		logs, err := w.cfg.Backend.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(w.next), ToBlock: new(big.Int).SetUint64(to),
			Addresses: []common.Address{w.cfg.Registry},
		})
		if err != nil {
			return fmt.Errorf("logs %d-%d: %w", w.next, to, err)
		}
		for _, l := range logs {
			if l.Removed {
				continue
			}
			ev, ok := w.decode(l)
			if !ok {
				continue
			}
			if err := w.cfg.Handle(ctx, ev); err != nil {
				if l.BlockNumber > w.next {
					w.advance(l.BlockNumber) // blocks before this one are done
				}
				return fmt.Errorf("handle %s %s: %w", ev.Kind, ev.DealID, err)
			}
		}
		w.advance(to + 1)
	}
	for w.next <= safe {
		if err := w.scanBlock(ctx, w.next); err != nil {
			return err
		}
	}
	return nil
}

func (w *Watcher) decode(l types.Log) (Event, bool) {
	ev, ok, err := DecodeEvent(l)
	if err != nil {
		w.log.Warn("undecodable registry log", "block", l.BlockNumber, "err", err)
		return ev, false
	}
	if ok {
		w.log.Debug("registry event", "kind", ev.Kind, "deal", ev.DealID, "block", ev.Block)
	}
	return ev, ok
}

// scanBlock handles one block of the reorg window, reading its logs by hash so the events and
// the remembered hash always belong to the same block.
func (w *Watcher) scanBlock(ctx context.Context, n uint64) error {
	hdr, err := w.cfg.Backend.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if err != nil {
		return fmt.Errorf("header %d: %w", n, err)
	}
	if k := len(w.recent); k > 0 && w.recent[k-1].Number == n-1 && hdr.ParentHash != w.recent[k-1].Hash {
		return w.rewind(ctx) // the chain changed under us; the next poll rescans
	}
	hash := hdr.Hash()
	logs, err := w.cfg.Backend.FilterLogs(ctx, ethereum.FilterQuery{BlockHash: &hash, Addresses: []common.Address{w.cfg.Registry}})
	if err != nil {
		return fmt.Errorf("logs of block %d: %w", n, err)
	}
	ref := blockRef{Number: n, Hash: hash}
	for _, l := range logs {
		if l.Removed {
			continue
		}
		ev, ok := w.decode(l)
		if !ok {
			continue
		}
		if err := w.cfg.Handle(ctx, ev); err != nil {
			return fmt.Errorf("handle %s %s: %w", ev.Kind, ev.DealID, err)
		}
		ref.Events = append(ref.Events, ev)
	}
	w.recent = append(w.recent, ref)
	if over := len(w.recent) - int(w.window()); over > 0 {
		w.recent = append(w.recent[:0], w.recent[over:]...)
	}
	w.advance(n + 1)
	return nil
}

// rewind walks back from the newest remembered block until one is still canonical, delivering
// the events of every dropped block again with Removed set, newest first.
func (w *Watcher) rewind(ctx context.Context) error {
	for len(w.recent) > 0 {
		last := w.recent[len(w.recent)-1]
		hdr, err := w.cfg.Backend.HeaderByNumber(ctx, new(big.Int).SetUint64(last.Number))
		if err != nil && !errors.Is(err, ethereum.NotFound) {
			return fmt.Errorf("header %d: %w", last.Number, err)
		}
		if err == nil && hdr.Hash() == last.Hash {
			return nil
		}
		w.log.Info("registry reorg: block left the chain", "block", last.Number, "events", len(last.Events))
		for i := len(last.Events) - 1; i >= 0; i-- {
			ev := last.Events[i]
			ev.Removed = true
			if err := w.cfg.Handle(ctx, ev); err != nil {
				return fmt.Errorf("handle removed %s %s: %w", ev.Kind, ev.DealID, err)
			}
			last.Events = last.Events[:i] // handled: never delivered twice
			w.recent[len(w.recent)-1] = last
		}
		w.recent = w.recent[:len(w.recent)-1]
		w.advance(last.Number)
	}
	return nil
}

// WaitFor blocks until every event up to and including block has been handled (so a caller
// that just mined a transaction can answer once it is indexed), or ctx ends.
func (w *Watcher) WaitFor(ctx context.Context, block uint64) error {
	w.Kick()
	for {
		w.progressMu.Lock()
		done, ch := w.handled, w.progress
		w.progressMu.Unlock()
		if done > block {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (w *Watcher) advance(next uint64) {
	w.next = next
	w.progressMu.Lock()
	w.handled = next
	close(w.progress)
	w.progress = make(chan struct{})
	w.progressMu.Unlock()
	if w.cfg.Checkpoint == "" {
		return
	}
	b, err := json.Marshal(checkpoint{Next: next, Recent: w.recent})
	if err == nil {
		tmp := w.cfg.Checkpoint + ".tmp"
		if err = os.MkdirAll(filepath.Dir(tmp), 0o700); err == nil {
			if err = os.WriteFile(tmp, b, 0o600); err == nil {
				err = os.Rename(tmp, w.cfg.Checkpoint)
			}
		}
	}
	if err != nil {
		w.log.Warn("write watcher checkpoint", "err", err)
	}
}

// DecodeEvent decodes a DealRegistry log; ok is false for events the watcher does not deliver.
func DecodeEvent(l types.Log) (Event, bool, error) {
	if len(l.Topics) == 0 {
		return Event{}, false, nil
	}
	ev := Event{Block: l.BlockNumber, BlockHash: l.BlockHash, TxHash: l.TxHash, Index: l.Index}
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

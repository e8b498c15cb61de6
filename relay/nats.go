package relay

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// The NATS backend (Config.NATS) lets several relays share mailboxes. The server keeps no
// state per mailbox beyond a subscription per relay it is open on: no consumers.
//
// Store. Deliver stores each envelope on <prefix>.mbox.<mailbox> in one stream (subjects
// <prefix>.mbox.>, MaxAge TTL, MaxMsgsPerSubject MaxPerMailbox dropping the oldest, file
// storage, direct gets). That is its only copy, whether or not the mailbox is open anywhere,
// and it leaves the stream when a relay has written it to a connection and deletes it. A
// relay restart, or a crash, loses nothing stored: what a relay did not write stays.
//
// Live. Once stored, Deliver publishes a live notice (the envelope, its stream sequence as
// Seq) on <prefix>.live.<mailbox>. A relay subscribes to that subject for each mailbox open
// on it, all relays in one queue group, so the server hands each notice to exactly one of
// the relays the mailbox is open on, and to none if it is open nowhere (the envelope waits in
// the stream). A relay receives only its own mailboxes' traffic; a subscription costs the
// server a few hundred bytes and the relay one protocol line, no round trip, so a reconnect
// storm of tens of thousands of agents is as cheap as their websockets.
//
// Stored envelopes. When a mailbox opens on a relay, the relay reads what the stream holds for
// it (direct gets by subject: no consumer), writes it first and in order, and holds live
// notices back until then.
//
// Acks. For a connection that acknowledges (Envelope), a write does not delete: the relay holds
// the envelope for the ack (no other connection of the mailbox here gets it meanwhile) and
// deletes it on the ack; if the connection goes first, the mailbox's stored envelopes are read
// again for its other connections here, and another relay's sweep finds it after the grace. A relay hands an envelope it took and could not write (the
// connection went, or Stop) back as a live notice marked as a hand-back, which another relay
// with the mailbox open takes and a relay without drops.
//
// Sweep. A notice can be lost: a publisher dies between storing and notifying, a relay's NATS
// connection drops, or its notice buffer overflows. Every NATSSweep, and after each reconnect,
// a relay reads again what the stream holds for its open mailboxes, taking only envelopes
// stored more than NATSSweep/2 ago (a live notice would have settled them by then).
//
// Once only. A live notice goes to one relay, and a relay drops an envelope it is writing or
// wrote recently (by stream sequence), so an agent with connections on two relays gets each
// envelope on one of them (on all of that relay's connections of the mailbox). A copy can
// come twice only around a failure: a relay that wrote an envelope and died (or lost NATS)
// before its delete reached the server, or a mailbox opening on one relay while another is
// writing to it. The copy has the same Seq, so the client drops it; nothing on the relay side
// knows whether the first write reached it.

const (
	liveQueue   = "bazaar-relays" // the queue group every relay's live subscriptions join
	seqHeader   = "Bazaar-Seq"    // a live notice's stream sequence
	hopHeader   = "Bazaar-Hop"    // set on a notice a relay hands back: it is not handed back again
	liveBuffer  = 1 << 16         // live notices waiting for this relay's dispatcher
	deleteQueue = 1 << 16         // written envelopes waiting to be deleted from the stream
	maxDeletes  = 64              // delete requests in flight at once
	writtenRing = 64              // written sequences a mailbox remembers, to drop repeats
)

var prefixTokenRE = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// natsBus is a relay's side of the shared stream.
type natsBus struct {
	nc         *nats.Conn
	js         jetstream.JetStream
	stream     jetstream.Stream // setup's
	prefix     string
	name       string        // the stream's
	window     int           // envelopes read from the stream and not yet written, per mailbox
	grace      time.Duration // the sweep leaves younger envelopes to their live notices
	sweepEvery time.Duration

	live     chan *nats.Msg // notices for the mailboxes open here, from every subscription
	del      chan uint64    // written envelopes' sequences, to delete
	delDone  chan struct{}  // closed when the deleter has finished
	started  atomic.Bool
	stopDels sync.Once
}

func newNATSBus(cfg Config) *natsBus {
	js, _ := jetstream.New(cfg.NATS) // fails only on bad options; there are none
	return &natsBus{
		nc:     cfg.NATS,
		js:     js,
		prefix: cfg.NATSSubjectPrefix,
		name:   strings.ReplaceAll(cfg.NATSSubjectPrefix, ".", "_"),
		// Fewer than QueueSize, so stored envelopes alone never overflow a connection's queue.
		window:     min(max(cfg.QueueSize/2, 1), 64),
		grace:      cfg.NATSSweep / 2,
		sweepEvery: cfg.NATSSweep,
		live:       make(chan *nats.Msg, liveBuffer),
		del:        make(chan uint64, deleteQueue),
		delDone:    make(chan struct{}),
	}
}

func (b *natsBus) subject(mailbox string) string     { return b.prefix + ".mbox." + mailbox }
func (b *natsBus) liveSubject(mailbox string) string { return b.prefix + ".live." + mailbox }

// setup creates the stream, or sets its limits to cfg's. It fails if the prefix is not a valid
// subject prefix or the stream exists with another retention.
func (b *natsBus) setup(ctx context.Context, cfg Config) error {
	for _, t := range strings.Split(b.prefix, ".") {
		if !prefixTokenRE.MatchString(t) {
			return fmt.Errorf("relay: NATS subject prefix %q: want dot-separated tokens of A-Z a-z 0-9 _ -", b.prefix)
		}
	}
	s, err := b.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:              b.name,
		Description:       "Bazaar relay mailboxes: sealed envelopes waiting for their agent",
		Subjects:          []string{b.prefix + ".mbox.>"},
		Retention:         jetstream.WorkQueuePolicy, // no consumers: relays delete what they wrote
		MaxAge:            cfg.TTL,
		MaxMsgsPerSubject: int64(cfg.MaxPerMailbox),
		Discard:           jetstream.DiscardOld,
		Storage:           jetstream.FileStorage,
		Duplicates:        min(cfg.TTL, time.Hour), // window for idempotency keys (DeliverKeyed)
		AllowDirect:       true,                    // a mailbox's envelopes are read without a consumer
	})
	if err != nil {
		return fmt.Errorf("relay: NATS stream %s: %w", b.name, err)
	}
	b.stream = s
	return nil
}

// pending is the number of envelopes in the stream, 0 if the server does not say.
func (b *natsBus) pending() int {
	if b.stream == nil {
		return 0
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	info, err := b.stream.Info(ctx)
	if err != nil {
		return 0
	}
	return int(info.State.Msgs)
}

// startNATS runs the relay's NATS goroutines: the live dispatcher and the sweep under h.wg, the
// deleter until finish.
func (h *Hub) startNATS(ctx context.Context) {
	b := h.bus
	b.started.Store(true)
	go b.runDeletes()
	h.wg.Add(2)
	go func() {
		defer h.wg.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case m := <-b.live:
				h.onLive(m)
			}
		}
	}()
	go func() {
		defer h.wg.Done()
		reconnected := b.nc.StatusChanged(nats.CONNECTED)
		defer b.nc.RemoveStatusListener(reconnected)
		t := time.NewTicker(b.sweepEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-reconnected:
			case <-t.C:
			}
			h.sweep(ctx)
		}
	}()
}

// finish lets the deleter send what is queued and waits for it (within ctx, 5s without a
// deadline), then until the server has everything this relay sent. Called by Stop once no
// connection can write any more.
func (b *natsBus) finish(ctx context.Context) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
	}
	if b.started.Load() {
		b.stopDels.Do(func() { close(b.del) })
		select {
		case <-b.delDone:
		case <-ctx.Done():
		}
	}
	b.nc.FlushWithContext(ctx)
}

// runDeletes deletes written envelopes from the stream, maxDeletes requests at a time.
func (b *natsBus) runDeletes() {
	defer close(b.delDone)
	sem := make(chan struct{}, maxDeletes)
	var wg sync.WaitGroup
	for seq := range b.del {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			b.deleteOne(seq)
		}()
	}
	wg.Wait()
}

// deleteOne deletes an envelope, trying again on a transport failure. One the server says it
// does not hold (deleted by another relay, expired) is done too. One that stays after three
// tries comes again later, under the same Seq, which clients drop.
func (b *natsBus) deleteOne(seq uint64) {
	for try := range 3 {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := b.stream.DeleteMsg(ctx, seq)
		cancel()
		if err == nil || errors.Is(err, jetstream.ErrMsgDeleteUnsuccessful) || errors.Is(err, nats.ErrConnectionClosed) {
			return
		}
		time.Sleep(time.Duration(try+1) * 100 * time.Millisecond)
	}
}

// publish stores an envelope for mailboxID in the stream, then sends its live notice (Deliver
// with NATS).
func (h *Hub) publish(ctx context.Context, mailboxID, key string, payload []byte) error {
	h.mu.Lock()
	stopped, started := h.stopped, h.ctx != nil
	h.mu.Unlock()
	if stopped {
		return ErrStopped
	}
	if !started {
		return ErrNotStarted
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
	}
	isJSON := json.Valid(payload)
	sent := time.Now().UnixMilli()
	stored := encodeEnvelope(mailboxID, 0, sent, payload, isJSON) // Seq: the stream's, on the way out
	opts := []jetstream.PublishOpt{jetstream.WithExpectStream(h.bus.name)}
	if key != "" {
		// JetStream drops a repeat within the stream's duplicate window.
		opts = append(opts, jetstream.WithMsgID(mailboxID+"/"+key))
	}
	ack, err := h.bus.js.Publish(ctx, h.bus.subject(mailboxID), stored, opts...)
	if err != nil {
		return fmt.Errorf("relay: store envelope: %w", err)
	}
	if ack.Duplicate {
		return nil // stored the first time; its notice went out then, or the sweep makes up for it
	}
	h.mu.Lock()
	h.noteSeq(ack.Sequence, mailboxID)
	h.mu.Unlock()
	// Stored is delivered: a notice that does not go out now is made up for by the sweep.
	h.bus.notify(mailboxID, ack.Sequence, encodeEnvelope(mailboxID, ack.Sequence, sent, payload, isJSON), false)
	return nil
}

// notify publishes a live notice for an envelope stored under seq; hop marks a hand-back.
func (b *natsBus) notify(mailbox string, seq uint64, envelope []byte, hop bool) {
	m := &nats.Msg{Subject: b.liveSubject(mailbox), Data: envelope, Header: nats.Header{}}
	m.Header.Set(seqHeader, strconv.FormatUint(seq, 10))
	if hop {
		m.Header.Set(hopHeader, "1")
	}
	b.nc.PublishMsg(m)
}

// natsBox is a mailbox's NATS side on this relay while the mailbox is open here.
type natsBox struct {
	ctx    context.Context // ends when the mailbox's last connection here goes, or at Stop
	cancel context.CancelFunc
	sub    *nats.Subscription
	slots  chan struct{} // one per envelope read from the stream and not yet written (window)

	// Under Hub.mu:
	loading  bool     // stored envelopes are being read; live notices wait in held
	held     []notice // in arrival order
	loadedTo uint64   // the newest sequence the opening read could have seen

	mu       sync.Mutex
	inflight map[uint64]*delivery
	// awaiting are envelopes written to acknowledging connections and not yet acknowledged, by
	// the connections that have them: they stay in the stream until an ack.
	awaiting map[uint64]map[*conn]struct{}
	early    map[uint64]struct{} // acks that came before the relay had finished the write
	written  [writtenRing]uint64
	next     int
}

// notice is an envelope on its way to a mailbox's connections here.
type notice struct {
	seq  uint64
	msg  []byte // encoded Envelope, Seq set
	hop  bool   // a hand-back: not handed back again
	slot bool   // holds one of the mailbox's slots
}

func (nb *natsBox) release(n notice) {
	if n.slot {
		<-nb.slots
	}
}

// taken reports whether seq is being written here or was written recently; nb.mu is held.
func (nb *natsBox) taken(seq uint64) (busy, written bool) {
	if nb.inflight[seq] != nil || nb.awaiting[seq] != nil {
		return true, false
	}
	for _, s := range nb.written {
		if s == seq {
			return false, true
		}
	}
	return false, false
}

// delivery is an envelope queued to a mailbox's connections on this relay.
type delivery struct {
	h         *Hub
	nb        *natsBox
	box       string
	n         notice
	remaining atomic.Int32 // connections that have yet to report on it
	wrote     atomic.Bool  // a connection that does not acknowledge wrote it: it left the stream
	awaited   atomic.Bool  // an acknowledging connection wrote it: it leaves on the ack
}

// done reports connection c's outcome: written, or not (the write failed, or the connection
// closed first). The first write to a connection that does not acknowledge deletes the
// envelope from the stream; one to an acknowledging connection leaves it there until the ack.
// If no connection wrote it, it is handed back, for another relay the mailbox is open on.
func (d *delivery) done(c *conn, written bool) {
	switch {
	case written && !c.acks && d.wrote.CompareAndSwap(false, true):
		d.h.bus.del <- d.n.seq
		d.finish(true)
	case written && c.acks && !d.wrote.Load():
		nb := d.nb
		nb.mu.Lock()
		if _, acked := nb.early[d.n.seq]; acked { // the client was quicker than this goroutine
			delete(nb.early, d.n.seq)
			nb.mu.Unlock()
			if d.wrote.CompareAndSwap(false, true) {
				d.h.bus.del <- d.n.seq
				d.finish(true)
			}
			break
		}
		if nb.awaiting == nil {
			nb.awaiting = map[uint64]map[*conn]struct{}{}
		}
		if nb.awaiting[d.n.seq] == nil {
			nb.awaiting[d.n.seq] = map[*conn]struct{}{}
		}
		nb.awaiting[d.n.seq][c] = struct{}{}
		nb.mu.Unlock()
		d.awaited.Store(true)
	}
	if d.remaining.Add(-1) == 0 && !d.wrote.Load() {
		d.finish(false)
		if !d.n.hop && !d.awaited.Load() {
			d.h.bus.notify(d.box, d.n.seq, d.n.msg, true)
		}
	}
}

// ackNATS takes c's acknowledgement of seq: if c's mailbox here awaits it, it leaves the stream.
func (h *Hub) ackNATS(c *conn, seq uint64) {
	h.mu.Lock()
	b := h.boxes[c.box]
	if b == nil || b.nb == nil {
		h.mu.Unlock()
		return
	}
	nb := b.nb
	h.mu.Unlock()
	nb.mu.Lock()
	_, ok := nb.awaiting[seq]
	switch {
	case ok:
		delete(nb.awaiting, seq)
		nb.written[nb.next] = seq
		nb.next = (nb.next + 1) % writtenRing
	case nb.inflight[seq] != nil: // read before this relay finished writing it: done() settles it
		if nb.early == nil {
			nb.early = map[uint64]struct{}{}
		}
		nb.early[seq] = struct{}{}
	}
	nb.mu.Unlock()
	if ok {
		h.bus.del <- seq
	}
}

// releaseAwaiting forgets what c was to acknowledge, now that it has gone; h.mu is held. What
// no other connection awaits is still in the stream: if the mailbox is still open here, it is
// read again for the connections left.
func (h *Hub) releaseAwaiting(c *conn, b *mailbox) {
	nb := b.nb
	released := false
	nb.mu.Lock()
	for seq, set := range nb.awaiting {
		if _, ok := set[c]; !ok {
			continue
		}
		delete(set, c)
		if len(set) == 0 {
			delete(nb.awaiting, seq)
			released = true
		}
	}
	nb.mu.Unlock()
	if !released || len(b.subs) == 0 || h.stopped {
		return
	}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		if _, err := h.loadStored(c.box, nb, 0, true); err != nil && nb.ctx.Err() == nil {
			h.cfg.Logger.Warn("relay could not read a mailbox's stored envelopes again; the sweep delivers them", "err", redact(err, c.box))
		}
	}()
}

func (d *delivery) finish(written bool) {
	nb := d.nb
	nb.mu.Lock()
	delete(nb.inflight, d.n.seq)
	delete(nb.early, d.n.seq)
	if written {
		nb.written[nb.next] = d.n.seq
		nb.next = (nb.next + 1) % writtenRing
	}
	nb.mu.Unlock()
	nb.release(d.n)
}

// openNATS subscribes to mailbox id's live notices and starts reading its stored envelopes;
// h.mu is held and b has its first connection on this relay.
func (h *Hub) openNATS(id string, b *mailbox) {
	ctx, cancel := context.WithCancel(h.ctx)
	nb := &natsBox{ctx: ctx, cancel: cancel, slots: make(chan struct{}, h.bus.window), loading: true, inflight: map[uint64]*delivery{}}
	b.nb = nb
	sub, err := h.bus.nc.ChanQueueSubscribe(h.bus.liveSubject(id), liveQueue, h.bus.live)
	if err != nil {
		h.cfg.Logger.Warn("relay could not subscribe a mailbox on NATS; the sweep delivers to it", "err", redact(err, id))
	}
	nb.sub = sub
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		to, err := h.loadStored(id, nb, 0, true)
		if err != nil && ctx.Err() == nil {
			h.cfg.Logger.Warn("relay could not read a mailbox's stored envelopes; the sweep delivers them", "err", redact(err, id))
		}
		for {
			h.mu.Lock()
			nb.loadedTo = max(nb.loadedTo, to)
			held := nb.held
			nb.held = nil
			if len(held) == 0 {
				nb.loading = false
				h.mu.Unlock()
				return
			}
			h.mu.Unlock()
			for _, n := range held {
				if n.seq > to {
					h.dispatch(id, nb, n)
				}
			}
		}
	}()
}

// closeNATS ends mailbox b's NATS side here; h.mu is held and its last connection has gone.
func (h *Hub) closeNATS(b *mailbox) {
	b.nb.cancel()
	if b.nb.sub != nil {
		b.nb.sub.Unsubscribe()
	}
}

// onLive takes a live notice from the server.
func (h *Hub) onLive(m *nats.Msg) {
	id, ok := strings.CutPrefix(m.Subject, h.bus.prefix+".live.")
	seq, err := strconv.ParseUint(m.Header.Get(seqHeader), 10, 64)
	if !ok || !mailboxRE.MatchString(id) || err != nil || seq == 0 {
		return
	}
	n := notice{seq: seq, msg: m.Data, hop: m.Header.Get(hopHeader) != ""}
	h.mu.Lock()
	b := h.boxes[id]
	if b == nil || b.nb == nil || h.stopped {
		h.mu.Unlock()
		if !n.hop && !h.stopped {
			h.bus.notify(id, seq, n.msg, true) // closed here meanwhile: maybe open elsewhere
		}
		return
	}
	nb := b.nb
	if nb.loading {
		nb.held = append(nb.held, n)
		h.mu.Unlock()
		return
	}
	covered := !n.hop && n.seq <= nb.loadedTo // late: the opening read had it
	h.mu.Unlock()
	if covered {
		return
	}
	h.dispatch(id, nb, n)
}

// loadStored reads mailbox id's envelopes from the stream, oldest first, and dispatches those
// stored at least minAge ago. It waits for a free slot before each when wait is set, and
// otherwise stops at the first it has no slot for. It returns the newest sequence it saw.
func (h *Hub) loadStored(id string, nb *natsBox, minAge time.Duration, wait bool) (uint64, error) {
	from, seen := uint64(1), uint64(0)
	for {
		ctx, cancel := context.WithTimeout(nb.ctx, 5*time.Second)
		m, err := h.bus.stream.GetMsg(ctx, from, jetstream.WithGetMsgSubject(h.bus.subject(id)))
		cancel()
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			return seen, nil
		}
		if err != nil {
			return seen, err
		}
		if minAge > 0 && time.Since(m.Time) < minAge {
			return seen, nil
		}
		from, seen = m.Sequence+1, m.Sequence
		var env Envelope
		if err := json.Unmarshal(m.Data, &env); err != nil {
			h.cfg.Logger.Warn("relay dropped a malformed envelope from NATS")
			h.bus.del <- m.Sequence
			continue
		}
		payload, isJSON := []byte(env.Payload), true
		if env.Payload == nil {
			payload, isJSON = env.PayloadB64, false
		}
		n := notice{seq: m.Sequence, msg: encodeEnvelope(id, m.Sequence, env.Sent, payload, isJSON), slot: true}
		if wait {
			select {
			case nb.slots <- struct{}{}:
			case <-nb.ctx.Done():
				return seen, nb.ctx.Err()
			}
		} else {
			select {
			case nb.slots <- struct{}{}:
			default:
				return seen, nil // a slow mailbox: the next sweep goes on
			}
		}
		h.dispatch(id, nb, n)
	}
}

// sweep reads again what the stream holds for every mailbox open here (see the package note).
func (h *Hub) sweep(ctx context.Context) {
	type open struct {
		id string
		nb *natsBox
	}
	var boxes []open
	h.mu.Lock()
	for id, b := range h.boxes {
		if b.nb != nil && !b.nb.loading {
			boxes = append(boxes, open{id, b.nb})
		}
	}
	h.mu.Unlock()
	// Spread over half the interval, so a relay with many mailboxes asks NATS steadily
	// rather than in a burst.
	var pace time.Duration
	if len(boxes) > 0 {
		pace = h.bus.sweepEvery / 2 / time.Duration(len(boxes))
	}
	for i, o := range boxes {
		if i > 0 && pace > time.Millisecond {
			select {
			case <-ctx.Done():
				return
			case <-time.After(pace):
			}
		} else if i > 0 && i%int(time.Millisecond/max(pace, 1)) == 0 {
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Millisecond):
			}
		}
		if ctx.Err() != nil {
			return
		}
		if _, err := h.loadStored(o.id, o.nb, h.bus.grace, false); err != nil && o.nb.ctx.Err() == nil {
			h.cfg.Logger.Warn("relay sweep could not read a mailbox on NATS", "err", redact(err, o.id))
			return // NATS is away; the reconnect starts another sweep
		}
	}
}

// dispatch queues an envelope to the mailbox's connections on this relay, unless it is being
// written here already or was written recently.
func (h *Hub) dispatch(id string, nb *natsBox, n notice) {
	h.mu.Lock()
	defer h.mu.Unlock()
	b := h.boxes[id]
	if b == nil || b.nb != nb || h.stopped || len(b.subs) == 0 {
		nb.release(n)
		if !n.hop && !h.stopped {
			h.bus.notify(id, n.seq, n.msg, true)
		}
		return
	}
	nb.mu.Lock()
	busy, written := nb.taken(n.seq)
	var d *delivery
	if !busy && !written {
		d = &delivery{h: h, nb: nb, box: id, n: n}
		nb.inflight[n.seq] = d
	}
	nb.mu.Unlock()
	if d == nil {
		nb.release(n)
		if written {
			h.bus.del <- n.seq // its delete was lost or is late
		}
		return
	}
	h.noteSeq(n.seq, id)
	d.remaining.Store(int32(len(b.subs)))
	for c := range b.subs {
		select {
		case c.send <- outgoing{msg: n.msg, d: d}:
		default:
			h.cfg.Logger.Warn("relay dropped a slow subscriber")
			c.close()
			d.done(c, false)
		}
	}
}

// seen is a stream sequence and the mailbox whose envelope it numbers.
type seen struct {
	seq uint64
	box string
}

// noteSeq remembers the newest sequence this relay saw and the newest of any other mailbox
// than that one's; h.mu is held.
func (h *Hub) noteSeq(seq uint64, box string) {
	switch {
	case box == h.recent[0].box:
		h.recent[0].seq = max(h.recent[0].seq, seq)
	case seq > h.recent[0].seq:
		h.recent[0], h.recent[1] = seen{seq, box}, h.recent[0]
	case seq > h.recent[1].seq:
		h.recent[1] = seen{seq, box}
	}
}

// coverSeq is the Seq of a cover envelope for box: a recent sequence of another mailbox's
// envelope, so that it is as long as a real one's and never one of box's own (0 before this
// relay saw any); h.mu is held.
func (h *Hub) coverSeq(box string) uint64 {
	if h.recent[0].box != box {
		return h.recent[0].seq
	}
	return h.recent[1].seq
}

// redact keeps a mailbox id out of an error on its way to the log.
func redact(err error, mailbox string) string {
	if err == nil {
		return ""
	}
	return strings.ReplaceAll(err.Error(), mailbox, "<mailbox>")
}

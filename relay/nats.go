package relay

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// The NATS backend (Config.NATS) lets several relays share mailboxes.
//
// Store. Deliver publishes each envelope on <prefix>.mbox.<mailbox>, where one work-queue
// stream (subjects <prefix>.mbox.>, MaxAge TTL, MaxMsgsPerSubject MaxPerMailbox dropping the
// oldest, file storage) keeps it. That is its only copy, whether or not the mailbox is open
// anywhere, and it leaves the stream when a relay acknowledges it, which a relay does once it
// has written it to a connection. A relay restart loses nothing: what a relay took and did not
// write it hands back (negative ack) on Stop or when the connection goes, and what a relay that
// died was holding JetStream gives to the next one after AckWait.
//
// Subscription. A relay pulls only for the mailboxes open on it, one pump each, from the
// mailbox's durable consumer (mbox_<mailbox>, filtered on the mailbox's subject, explicit
// acks), which all relays share and the server drops consumerIdle after the last pull. So a
// relay's traffic scales with its own connections: it never receives an envelope for a mailbox
// it does not serve, where one wildcard subscription would bring every relay every envelope.
// The price is a consumer per recently open mailbox on the server, its state kept in memory
// (the stream itself says what is left to deliver).
//
// Once only. JetStream hands an envelope of a consumer to one puller at a time and to no other
// until that one acknowledges it, gives it back, or stays silent for AckWait (a live pump keeps
// extending that). So a reconnect to another relay never replays what was written, and an
// agent with connections on two relays gets each envelope on one of them (on all of that
// relay's connections of the mailbox). A relay drops, by stream sequence, a copy of an envelope
// it is still writing or wrote recently (a redelivery racing its ack). What remains is a relay
// that wrote an envelope and then died, or lost NATS for AckWait, before its ack arrived:
// another relay delivers it again, under the same Seq. Only the client can drop that copy;
// nothing on the relay side knows whether the first write reached it.

const (
	consumerIdle  = 5 * time.Minute  // a mailbox's consumer outlives its last pull by this
	minAckWait    = 30 * time.Second // how long a silent relay holds an envelope, at least
	writtenMemory = 1024             // written sequences a pump remembers, to drop redeliveries
)

var prefixTokenRE = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// natsBus is a relay's side of the shared stream.
type natsBus struct {
	nc      *nats.Conn
	js      jetstream.JetStream
	prefix  string
	stream  string
	ackWait time.Duration // a relay holding an envelope this long without news loses it to another
	window  int           // a mailbox's envelopes handed out and not yet acknowledged, at most
}

func newNATSBus(cfg Config) *natsBus {
	js, _ := jetstream.New(cfg.NATS) // fails only on bad options; there are none
	return &natsBus{
		nc:      cfg.NATS,
		js:      js,
		prefix:  cfg.NATSSubjectPrefix,
		stream:  strings.ReplaceAll(cfg.NATSSubjectPrefix, ".", "_"),
		ackWait: max(minAckWait, 3*cfg.WriteTimeout),
		// Fewer than QueueSize, so envelopes from the stream alone never overflow a
		// connection's queue: JetStream holds back the rest until acks come.
		window: min(max(cfg.QueueSize/2, 1), 64),
	}
}

func (b *natsBus) subject(mailbox string) string { return b.prefix + ".mbox." + mailbox }

// setup creates the stream, or sets its limits to cfg's. It fails if the prefix is not a valid
// subject prefix or the stream exists with another retention.
func (b *natsBus) setup(ctx context.Context, cfg Config) error {
	for _, t := range strings.Split(b.prefix, ".") {
		if !prefixTokenRE.MatchString(t) {
			return fmt.Errorf("relay: NATS subject prefix %q: want dot-separated tokens of A-Z a-z 0-9 _ -", b.prefix)
		}
	}
	_, err := b.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:              b.stream,
		Description:       "Bazaar relay mailboxes: sealed envelopes waiting for their agent",
		Subjects:          []string{b.prefix + ".mbox.>"},
		Retention:         jetstream.WorkQueuePolicy,
		MaxAge:            cfg.TTL,
		MaxMsgsPerSubject: int64(cfg.MaxPerMailbox),
		Discard:           jetstream.DiscardOld,
		Storage:           jetstream.FileStorage,
		Duplicates:        min(cfg.TTL, time.Hour), // window for idempotency keys (DeliverKeyed)
	})
	if err != nil {
		return fmt.Errorf("relay: NATS stream %s: %w", b.stream, err)
	}
	return nil
}

// pending is the number of envelopes in the stream, 0 if the server does not say.
func (b *natsBus) pending() int {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := b.js.Stream(ctx, b.stream)
	if err != nil {
		return 0
	}
	return int(s.CachedInfo().State.Msgs)
}

// flush waits until the server has what this relay sent, within ctx (5s without a deadline).
func (b *natsBus) flush(ctx context.Context) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
	}
	b.nc.FlushWithContext(ctx)
}

// publish stores an envelope for mailboxID in the stream (Deliver with NATS).
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
	env := Envelope{Mailbox: mailboxID, Sent: time.Now().UnixMilli()} // Seq: the stream's, on the way out
	if json.Valid(payload) {
		env.Payload = payload
	} else {
		env.PayloadB64 = payload
	}
	msg, err := json.Marshal(env)
	if err != nil {
		return err
	}
	opts := []jetstream.PublishOpt{jetstream.WithExpectStream(h.bus.stream)}
	if key != "" {
		// JetStream drops a repeat within the stream's duplicate window.
		opts = append(opts, jetstream.WithMsgID(mailboxID+"/"+key))
	}
	ack, err := h.bus.js.Publish(ctx, h.bus.subject(mailboxID), msg, opts...)
	if err != nil {
		return fmt.Errorf("relay: store envelope: %w", err)
	}
	h.mu.Lock()
	h.noteSeq(ack.Sequence, mailboxID)
	h.mu.Unlock()
	return nil
}

// pump takes one open mailbox's envelopes from the stream for this relay's connections, and
// tracks each it handed out until it is written (acknowledged) or given back.
type pump struct {
	cancel context.CancelFunc

	mu          sync.Mutex
	outstanding map[uint64]*delivery // by stream sequence
	written     map[uint64]struct{}
	order       []uint64 // written, oldest first
}

// delivery is an envelope from the stream on its way to a mailbox's connections on this relay.
type delivery struct {
	p         *pump
	seq       uint64
	msg       jetstream.Msg
	extended  time.Time    // when its ack deadline was last pushed back (under p.mu)
	remaining atomic.Int32 // connections that have yet to report on it
	acked     atomic.Bool
}

// done reports one connection's outcome: written, or not (the write failed, or the connection
// closed first). The first write acknowledges the envelope, which removes it from the stream;
// if no connection wrote it, it is handed back, and the next relay to pull gets it at once.
func (d *delivery) done(written bool) {
	if written && d.acked.CompareAndSwap(false, true) {
		d.msg.Ack()
		d.p.finish(d.seq, true)
	}
	if d.remaining.Add(-1) == 0 && !d.acked.Load() {
		d.msg.Nak()
		d.p.finish(d.seq, false)
	}
}

func (p *pump) finish(seq uint64, written bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.outstanding, seq)
	if !written {
		return
	}
	p.written[seq] = struct{}{}
	p.order = append(p.order, seq)
	if len(p.order) > writtenMemory {
		delete(p.written, p.order[0])
		p.order = p.order[1:]
	}
}

// keepAlive pushes back the ack deadline of envelopes handed out more than every ago, so a
// slow but live connection does not lose them to another relay.
func (p *pump) keepAlive(every time.Duration) {
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, d := range p.outstanding {
		if now.Sub(d.extended) >= every {
			d.msg.InProgress()
			d.extended = now
		}
	}
}

// startPump starts pulling mailbox id's envelopes for b's connections; h.mu is held.
func (h *Hub) startPump(id string, b *mailbox) {
	ctx, cancel := context.WithCancel(h.ctx)
	p := &pump{cancel: cancel, outstanding: map[uint64]*delivery{}, written: map[uint64]struct{}{}}
	b.pump = p
	h.wg.Add(1)
	go h.runPump(ctx, id, p)
}

// runPump pulls until ctx ends (the mailbox's last connection here went, or Stop), starting
// over with a backoff when the consumer or the NATS connection fails.
func (h *Hub) runPump(ctx context.Context, id string, p *pump) {
	defer h.wg.Done()
	backoff := 50 * time.Millisecond
	for {
		began := time.Now()
		err := h.pumpOnce(ctx, id, p)
		if ctx.Err() != nil {
			return
		}
		if time.Since(began) > time.Minute {
			backoff = 50 * time.Millisecond
		}
		h.cfg.Logger.Warn("relay lost a mailbox consumer on NATS; retrying", "err", redact(err, id), "in", backoff)
		t := time.NewTimer(backoff)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		backoff = min(2*backoff, 5*time.Second)
	}
}

// pumpOnce binds the mailbox's consumer and has dispatch take what it yields, until ctx ends
// or the consumer is lost (deleted, or gone with a restarted server). Either way it drains
// first: envelopes already on their way here are still dispatched (handed back if the mailbox
// has no connection left) rather than left to wait out AckWait.
func (h *Hub) pumpOnce(ctx context.Context, id string, p *pump) error {
	b := h.bus
	cons, err := b.js.CreateOrUpdateConsumer(ctx, b.stream, jetstream.ConsumerConfig{
		Durable:           "mbox_" + id,
		FilterSubject:     b.subject(id),
		DeliverPolicy:     jetstream.DeliverAllPolicy,
		AckPolicy:         jetstream.AckExplicitPolicy,
		AckWait:           b.ackWait,
		MaxAckPending:     b.window,
		InactiveThreshold: consumerIdle,
		MemoryStorage:     true,
	})
	if err != nil {
		return err
	}
	lost := make(chan error, 1)
	cc, err := cons.Consume(func(m jetstream.Msg) { h.dispatch(p, id, m) },
		jetstream.PullMaxMessages(b.window),
		jetstream.ConsumeErrHandler(func(_ jetstream.ConsumeContext, err error) {
			// A pull that finds no consumer answers "no responders"; the rest end Consume.
			if errors.Is(err, nats.ErrNoResponders) || errors.Is(err, jetstream.ErrConsumerDeleted) ||
				errors.Is(err, jetstream.ErrConsumerNotFound) || errors.Is(err, jetstream.ErrBadRequest) ||
				errors.Is(err, jetstream.ErrConnectionClosed) {
				select {
				case lost <- err:
				default:
				}
			}
		}))
	if err != nil {
		return err
	}
	drain := func() {
		cc.Drain()
		t := time.NewTimer(5 * time.Second) // a drain needs the server; do not wait on a dead link
		defer t.Stop()
		select {
		case <-cc.Closed():
		case <-t.C:
			cc.Stop()
		}
	}
	tick := time.NewTicker(b.ackWait / 3)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			drain()
			return nil
		case err := <-lost:
			drain()
			return err
		case <-tick.C:
			p.keepAlive(b.ackWait / 3)
		}
	}
}

// dispatch queues an envelope from the stream to the mailbox's connections on this relay, or
// hands it back when there are none.
func (h *Hub) dispatch(p *pump, id string, m jetstream.Msg) {
	md, err := m.Metadata()
	if err != nil {
		return // not from JetStream: nothing to acknowledge
	}
	seq := md.Sequence.Stream
	p.mu.Lock()
	_, busy := p.outstanding[seq]
	_, written := p.written[seq]
	p.mu.Unlock()
	switch {
	case busy:
		return // redelivered while still being written here: that copy settles it
	case written:
		m.Ack() // the earlier ack was lost or late; the connection has it already
		return
	}
	var env Envelope
	if err := json.Unmarshal(m.Data(), &env); err != nil {
		h.cfg.Logger.Warn("relay dropped a malformed envelope from NATS")
		m.Term()
		return
	}
	env.Mailbox, env.Seq = id, seq
	msg, err := json.Marshal(env)
	if err != nil {
		m.Term()
		return
	}
	d := &delivery{p: p, seq: seq, msg: m, extended: time.Now()}
	p.mu.Lock()
	p.outstanding[seq] = d
	p.mu.Unlock()

	h.mu.Lock()
	defer h.mu.Unlock()
	h.noteSeq(seq, id)
	var subs []*conn
	if b := h.boxes[id]; b != nil && !h.stopped {
		for c := range b.subs {
			subs = append(subs, c)
		}
	}
	if len(subs) == 0 {
		m.Nak()
		p.finish(seq, false)
		return
	}
	d.remaining.Store(int32(len(subs)))
	for _, c := range subs {
		select {
		case c.send <- outgoing{msg: msg, d: d}:
		default:
			h.cfg.Logger.Warn("relay dropped a slow subscriber")
			c.close()
			d.done(false)
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

// Package relay is Bazaar's websocket mailbox relay: it stores and forwards sealed envelopes to
// agent mailboxes. It sees mailbox ids and envelope sizes, never who an agent is.
package relay

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gorilla/websocket"
	"github.com/nats-io/nats.go"

	"github.com/bazaar-market/bazaar"
)

var (
	// ErrStopped is returned by Deliver after Stop.
	ErrStopped = errors.New("relay stopped")
	// ErrNotStarted is returned by Deliver with NATS before Start has set up the stream.
	ErrNotStarted = errors.New("relay not started")
)

// Config configures a Hub. Zero values take the defaults in brackets.
type Config struct {
	Logger        *slog.Logger  // never given a client address, mailbox id or payload
	MaxMessage    int64         // largest frame a client may send [4096]
	QueueSize     int           // per-connection send queue; a client that falls this far behind is dropped [64]
	TTL           time.Duration // how long an envelope waits for an offline mailbox [24h]
	MaxPerMailbox int           // stored envelopes per mailbox; the oldest go first [1024]
	MaxConns      int           // concurrent connections; more are refused with 503 [10000]
	WriteTimeout  time.Duration // [10s]
	PongTimeout   time.Duration // [60s]
	PingInterval  time.Duration // [25s]
	AuthTimeout   time.Duration // how long a client has to answer the mailbox challenge [10s]
	// CoverInterval sends every open mailbox a dummy sealed envelope this often (0: off), shaped
	// like a real notification (smallest bucket), so traffic does not show who matched.
	CoverInterval time.Duration
	// AuthorizeMatcher decides whether a matcher may link (see ServeMatcher): it must check
	// on-chain that address is a registered, unexpired matcher whose attestation bound
	// hpkeKey. Nil: the relay takes no matcher links.
	AuthorizeMatcher func(ctx context.Context, address common.Address, hpkeKey []byte) error
	// RecheckInterval is how often a linked matcher's authorisation is asked again [1m].
	RecheckInterval time.Duration
	// OnMetrics receives the vendor aggregates a linked matcher publishes.
	OnMetrics func(matcher, vendor common.Address, metrics json.RawMessage)
	// OnOutput receives a linked matcher's other signed outputs for the chain (kind names
	// them, e.g. "requirements", "issuer"); the contracts check the signatures.
	OnOutput func(matcher common.Address, kind string, body json.RawMessage)
	// NATS, when set, makes this relay one of several sharing mailboxes through a NATS
	// JetStream stream (see nats.go): Deliver stores the envelope there, and whichever relay
	// the mailbox is open on delivers it. The caller owns the connection; Stop leaves it open.
	// Nil: the in-memory store, for this relay alone.
	NATS *nats.Conn
	// NATSSubjectPrefix names what relays sharing mailboxes share: envelopes are stored on
	// <prefix>.mbox.<mailbox>, in the stream named by the prefix with "_" for ".", and their
	// live notices travel on <prefix>.live.<mailbox>. Dot-separated tokens of A-Z a-z 0-9 _ -.
	// Relays of one prefix must agree on TTL and MaxPerMailbox: each Start sets them on the
	// stream. ["bazaar.relay"]
	NATSSubjectPrefix string
	// NATSSweep is how often a relay on NATS looks in the stream for envelopes of its open
	// mailboxes whose live notice was lost (see nats.go), taking those stored more than half
	// of it ago [1m].
	NATSSweep time.Duration
}

func (c *Config) defaults() {
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.MaxMessage <= 0 {
		c.MaxMessage = 4096
	}
	if c.QueueSize <= 0 {
		c.QueueSize = 64
	}
	if c.TTL <= 0 {
		c.TTL = 24 * time.Hour
	}
	if c.MaxPerMailbox <= 0 {
		c.MaxPerMailbox = 1024
	}
	if c.MaxConns <= 0 {
		c.MaxConns = 10000
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = 10 * time.Second
	}
	if c.PongTimeout <= 0 {
		c.PongTimeout = 60 * time.Second
	}
	if c.AuthTimeout <= 0 {
		c.AuthTimeout = 10 * time.Second
	}
	if c.RecheckInterval <= 0 {
		c.RecheckInterval = time.Minute
	}
	if c.PingInterval <= 0 || c.PingInterval >= c.PongTimeout {
		c.PingInterval = c.PongTimeout * 4 / 10
	}
	if c.NATSSweep <= 0 {
		c.NATSSweep = time.Minute
	}
	if c.NATSSubjectPrefix == "" {
		c.NATSSubjectPrefix = "bazaar.relay"
	}
}

// Envelope is what a subscriber receives, one websocket text message each:
//
//	{"mailbox":"ID","seq":N,"payload":<JSON>,"sent":unix-ms}
//
// Payload is the delivered bytes when they are JSON; otherwise they are base64 in "payloadB64".
//
// A client may acknowledge what it reads: with "acks":true in its auth frame it sends
// {"type":"ack","seq":N} for each envelope (cover envelopes too, so acks tell nothing), and an
// envelope leaves the store on its ack rather than once written, so one written into a
// connection that was going away comes again, under the same Seq, on the next.
//
// Seq identifies an envelope within its mailbox: no two envelopes of a mailbox share it, so a
// client that remembers the ones it saw can drop a repeat, and it grows in the order Deliver
// stored them. In memory it counts this relay's envelopes, from the start time in microseconds
// (so it grows across restarts too). With NATS it
// is the JetStream stream sequence the envelope was stored under, shared by every relay of the
// prefix: it has gaps (other mailboxes' envelopes) and survives relay restarts. Cover envelopes
// take one too: in memory the next count, with NATS the sequence of another mailbox's envelope
// (0 before the relay saw any), never one of this mailbox's.
type Envelope struct {
	Mailbox    string          `json:"mailbox"`
	Seq        uint64          `json:"seq"`
	Payload    json.RawMessage `json:"payload,omitempty"`
	PayloadB64 []byte          `json:"payloadB64,omitempty"`
	Sent       int64           `json:"sent"`
}

type stored struct {
	seq     uint64
	msg     []byte // encoded Envelope
	expires time.Time
}

type mailbox struct {
	pending []stored // not yet written to any subscriber, oldest first (in memory)
	subs    map[*conn]struct{}
	nb      *natsBox // with NATS, while subs is not empty
	// coverSlot is the part of CoverInterval in which the mailbox gets its cover envelope.
	coverSlot uint8
}

// outgoing is one queued websocket message; d is set for an envelope taken from NATS, which
// must hear whether it was written. In memory, seq numbers the envelope (0: cover) and stored
// says it stays in the store until acknowledged.
type outgoing struct {
	msg    []byte
	d      *delivery
	seq    uint64
	stored bool
}

type conn struct {
	ws   *websocket.Conn
	send chan outgoing
	box  string
	acks bool // the client acknowledges what it has read: an envelope leaves the store on its ack
	once sync.Once
	done chan struct{}
}

func (c *conn) close() { c.once.Do(func() { close(c.done) }) }

// Hub is a relay. In memory (the default), envelopes for a connected mailbox go straight to its
// subscribers; for an offline one they are stored until TTL and flushed in order when it
// connects. With Config.NATS the store is a JetStream stream that several relays share (see
// nats.go), and an envelope reaches the mailbox on whichever relay it is open.
type Hub struct {
	cfg      Config
	upgrader websocket.Upgrader
	bus      *natsBus // nil in memory

	mu      sync.Mutex
	boxes   map[string]*mailbox
	links   map[*link]struct{}   // authorised matcher links
	keys    map[string]time.Time // in memory: idempotency keys already delivered, until TTL
	conns   int
	seq     uint64
	recent  [2]seen // with NATS: the newest stream sequences this relay saw, for cover envelopes
	stopped bool
	wg      sync.WaitGroup
	ctx     context.Context // Start's, until Stop; a mailbox's NATS side runs under it
	cancel  context.CancelFunc
}

// New returns a Hub; call Start to run its janitor (and, with NATS, to set up the stream).
func New(cfg Config) *Hub {
	cfg.defaults()
	h := &Hub{
		cfg:   cfg,
		boxes: map[string]*mailbox{},
		upgrader: websocket.Upgrader{
			ReadBufferSize: 1024, WriteBufferSize: 4096,
			// Most connections sit idle between notifications: a write buffer only while writing.
			WriteBufferPool: &sync.Pool{},
			// Agents connect from native clients and the node's own web UI; a mailbox is
			// protected by its id (and, later, a signed challenge), not by browser origin.
			CheckOrigin: func(*http.Request) bool { return true },
		},
	}
	if cfg.NATS != nil {
		h.bus = newNATSBus(cfg)
	}
	// In memory, seqs go on from the start time in microseconds: a client that remembers the
	// seqs it read across reconnects never mistakes a restarted relay's envelope for one of them.
	h.seq = uint64(time.Now().UnixMicro())
	return h
}

// Start runs the TTL janitor until Stop or ctx ends. With NATS it first creates the stream, or
// updates its TTL and per-mailbox cap, and fails if it cannot; there is no janitor then (the
// stream expires envelopes itself), and mailboxes can be opened and delivered to only once
// Start has succeeded.
func (h *Hub) Start(ctx context.Context) error {
	if h.bus != nil {
		if err := h.bus.setup(ctx, h.cfg); err != nil {
			return err
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	h.mu.Lock()
	h.ctx, h.cancel = ctx, cancel
	h.mu.Unlock()
	if h.cfg.CoverInterval > 0 {
		h.wg.Add(1)
		go func() {
			defer h.wg.Done()
			// Each mailbox has a random slot of coverSlots in the interval: a relay sends cover
			// all the time, a slot's worth at a time, rather than in one burst per interval.
			t := time.NewTicker(max(h.cfg.CoverInterval/coverSlots, 1))
			defer t.Stop()
			for slot := 0; ; slot = (slot + 1) % coverSlots {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					h.cover(uint8(slot))
				}
			}
		}()
	}
	if h.bus != nil {
		h.startNATS(ctx)
		return nil
	}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		t := time.NewTicker(min(h.cfg.TTL/4, time.Minute))
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case now := <-t.C:
				h.expire(now)
			}
		}
	}()
	return nil
}

// Stop closes every connection with a close frame and stops the hub's goroutines. In memory,
// stored envelopes are dropped (nothing is kept across restarts). With NATS they stay in the
// stream: what this relay had not written stays there, offered to the other relays the
// mailbox is open on before Stop returns, so another relay, or this one restarted, delivers it. Calling Stop again does nothing more.
func (h *Hub) Stop(ctx context.Context) error {
	h.mu.Lock()
	h.stopped = true
	if h.cancel != nil {
		h.cancel()
	}
	for _, b := range h.boxes {
		for c := range b.subs {
			c.close()
		}
	}
	for l := range h.links {
		l.close()
	}
	h.mu.Unlock()
	done := make(chan struct{})
	go func() { h.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		return ctx.Err()
	}
	if h.bus != nil {
		h.bus.finish(ctx) // the last deletes and hand-backs
	}
	return nil
}

func (h *Hub) expire(now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	dropped := 0
	for id, b := range h.boxes {
		keep := b.pending[:0]
		for _, s := range b.pending {
			if s.expires.After(now) {
				keep = append(keep, s)
			} else {
				dropped++
			}
		}
		b.pending = keep
		if len(b.pending) == 0 && len(b.subs) == 0 {
			delete(h.boxes, id)
		}
	}
	for k, until := range h.keys {
		if !until.After(now) {
			delete(h.keys, k)
		}
	}
	if dropped > 0 {
		h.cfg.Logger.Debug("relay expired envelopes", "count", dropped)
	}
}

// coverSlots is how many parts of CoverInterval a relay spreads its cover envelopes over.
const coverSlots = 16

// cover queues one dummy envelope to every open connection of the mailboxes in slot, without
// blocking.
func (h *Hub) cover(slot uint8) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for id, b := range h.boxes {
		if b.coverSlot != slot {
			continue
		}
		for c := range b.subs {
			var seq uint64
			if h.bus != nil {
				seq = h.coverSeq(id)
			} else {
				h.seq++
				seq = h.seq
			}
			msg, err := json.Marshal(Envelope{Mailbox: id, Seq: seq, Payload: dummySealed(), Sent: time.Now().UnixMilli()})
			if err != nil {
				return
			}
			select {
			case c.send <- outgoing{msg: msg}:
			default: // a slow client gets no cover rather than being dropped for it
			}
		}
	}
}

// dummySealed is random bytes in the shape of a sealed notification of the smallest bucket:
// only the notification key's holder could tell it from a real one, and there is none.
func dummySealed() json.RawMessage {
	nonce := make([]byte, 12)
	ct := make([]byte, bazaar.NotificationBuckets[0]+16) // padded plaintext + GCM tag
	rand.Read(nonce)
	rand.Read(ct)
	b, _ := json.Marshal(bazaar.SealedEnvelope{V: 1, Nonce: nonce, Ciphertext: ct})
	return b
}

// Connections is the number of open mailboxes' subscriber connections (authenticated and
// receiving); connections still answering the challenge are not counted.
func (h *Hub) Connections() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, b := range h.boxes {
		n += len(b.subs)
	}
	return n
}

// Pending is the number of envelopes stored: for offline mailboxes, and those an acknowledging
// client has not acknowledged yet. With NATS it is the number
// in the shared stream, which also counts envelopes on their way to a connection, asked of the
// server each time (0 if it does not answer).
func (h *Hub) Pending() int {
	if h.bus != nil {
		return h.bus.pending()
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, b := range h.boxes {
		n += len(b.pending)
	}
	return n
}

var mailboxRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}$`)

// Deliver sends payload to every subscriber of mailbox, or stores it until one connects. It
// never blocks on a slow client: a subscriber whose queue is full is disconnected and the
// envelope stays stored for its next connection.
//
// With NATS it stores the envelope in the shared stream and returns once the server has it
// (ctx bounds the wait, 5s if it has no deadline); the relays the mailbox is open on take it
// from there. An error means it may or may not be stored: a retry can deliver it twice, under
// two sequence numbers.
func (h *Hub) Deliver(ctx context.Context, mailboxID string, payload []byte) error {
	return h.DeliverKeyed(ctx, mailboxID, "", payload)
}

var keyRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// DeliverKeyed is Deliver with an idempotency key: a second envelope with the same key for the
// same mailbox within an hour (the TTL if shorter; with NATS the stream's duplicate window)
// is dropped. The matcher keys each notification (matcher.NotificationKey), so a deal it
// matches again after a crash reaches no agent twice. An empty key is Deliver.
func (h *Hub) DeliverKeyed(ctx context.Context, mailboxID, key string, payload []byte) error {
	if !mailboxRE.MatchString(mailboxID) {
		return errors.New("relay: bad mailbox id")
	}
	if key != "" && !keyRE.MatchString(key) {
		return errors.New("relay: bad idempotency key")
	}
	if h.bus != nil {
		return h.publish(ctx, mailboxID, key, payload)
	}
	isJSON := json.Valid(payload) // outside the lock: fan-out calls this for every agent
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		return ErrStopped
	}
	if key != "" {
		k := mailboxID + "/" + key
		if until, ok := h.keys[k]; ok && until.After(time.Now()) {
			return nil // already delivered
		}
		if h.keys == nil {
			h.keys = map[string]time.Time{}
		}
		h.keys[k] = time.Now().Add(min(h.cfg.TTL, time.Hour)) // as JetStream's duplicate window
	}
	h.seq++
	msg := encodeEnvelope(mailboxID, h.seq, time.Now().UnixMilli(), payload, isJSON)
	b := h.box(mailboxID)
	// An envelope stays stored until a client that does not acknowledge has it queued, or one
	// that does acknowledges it.
	store := true
	for c := range b.subs {
		if !c.acks {
			store = false
		}
	}
	delivered := false
	for c := range b.subs {
		select {
		case c.send <- outgoing{msg: msg, seq: h.seq, stored: store}:
			delivered = true
		default:
			h.cfg.Logger.Warn("relay dropped a slow subscriber")
			c.close()
		}
	}
	if !delivered || store {
		b.pending = append(b.pending, stored{seq: h.seq, msg: msg, expires: time.Now().Add(h.cfg.TTL)})
		if over := len(b.pending) - h.cfg.MaxPerMailbox; over > 0 {
			b.pending = append(b.pending[:0], b.pending[over:]...)
		}
	}
	return nil
}

// encodeEnvelope writes an Envelope's JSON directly (what json.Marshal would, bar compacting a
// JSON payload): a fan-out encodes thousands. mailbox is already checked against mailboxRE.
func encodeEnvelope(mailbox string, seq uint64, sent int64, payload []byte, isJSON bool) []byte {
	b := make([]byte, 0, len(payload)*4/3+96)
	b = append(b, `{"mailbox":"`...)
	b = append(b, mailbox...)
	b = append(b, `","seq":`...)
	b = strconv.AppendUint(b, seq, 10)
	if isJSON {
		b = append(b, `,"payload":`...)
		b = append(b, payload...)
	} else {
		b = append(b, `,"payloadB64":"`...)
		b = base64.StdEncoding.AppendEncode(b, payload)
		b = append(b, '"')
	}
	b = append(b, `,"sent":`...)
	b = strconv.AppendInt(b, sent, 10)
	return append(b, '}')
}

func (h *Hub) box(id string) *mailbox {
	b := h.boxes[id]
	if b == nil {
		b = &mailbox{subs: map[*conn]struct{}{}, coverSlot: uint8(mrand.IntN(coverSlots))}
		h.boxes[id] = b
	}
	return b
}

func httpError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": code, "message": msg}})
}

// ServeHTTP upgrades GET /relay?mailbox=ID to a websocket and opens the mailbox only for the
// holder of its key: the relay sends {"type":"challenge","nonce"}, the client answers
// {"type":"auth","pub","sig"} with an Ed25519 signature over bazaar.MailboxChallenge, and pub
// must hash to ID (bazaar.MailboxID). Otherwise the socket closes with 1008. Once open, stored
// envelopes are written first, in order; an envelope leaves the store only once written. With
// NATS that store is the shared stream, and the relay answers 503 unless Start has succeeded
// and its ctx is live.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("mailbox")
	if !mailboxRE.MatchString(id) {
		httpError(w, http.StatusBadRequest, "bad_mailbox", "mailbox must be 1-128 characters of A-Z a-z 0-9 _ -")
		return
	}
	h.mu.Lock()
	if h.stopped {
		h.mu.Unlock()
		httpError(w, http.StatusServiceUnavailable, "unavailable", "relay is stopping")
		return
	}
	if h.bus != nil && (h.ctx == nil || h.ctx.Err() != nil) {
		h.mu.Unlock()
		httpError(w, http.StatusServiceUnavailable, "unavailable", "relay is not running")
		return
	}
	if h.conns >= h.cfg.MaxConns {
		h.mu.Unlock()
		httpError(w, http.StatusServiceUnavailable, "too_many_connections", "relay is at its connection limit")
		return
	}
	h.conns++ // reserve the slot before the upgrade
	h.mu.Unlock()

	ws, err := h.upgrader.Upgrade(w, r, nil)
	if err != nil {
		h.mu.Lock()
		h.conns--
		h.mu.Unlock()
		return // the upgrader already answered
	}
	acks, err := h.authenticate(ws, id)
	if err != nil {
		ws.SetWriteDeadline(time.Now().Add(time.Second))
		ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.ClosePolicyViolation, "mailbox authentication failed"))
		ws.Close()
		h.mu.Lock()
		h.conns--
		h.mu.Unlock()
		h.cfg.Logger.Debug("relay refused a mailbox opening")
		return
	}
	c := &conn{ws: ws, send: make(chan outgoing, h.cfg.QueueSize), box: id, acks: acks, done: make(chan struct{})}
	h.mu.Lock()
	if h.stopped {
		h.conns--
		h.mu.Unlock()
		ws.SetWriteDeadline(time.Now().Add(time.Second))
		ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, ""))
		ws.Close()
		return
	}
	b := h.box(id)
	backlog := b.pending
	if acks {
		backlog = slices.Clone(b.pending) // they stay stored until acknowledged
	} else {
		b.pending = nil
	}
	b.subs[c] = struct{}{}
	if h.bus != nil && b.nb == nil {
		h.openNATS(id, b)
	}
	h.wg.Add(2)
	h.mu.Unlock()

	go h.writeLoop(c, backlog)
	go h.readLoop(c)
}

var errAuth = errors.New("mailbox authentication failed")

// authenticate runs the mailbox challenge on a fresh connection.
func (h *Hub) authenticate(ws *websocket.Conn, mailbox string) (acks bool, err error) {
	nonce := make([]byte, 32)
	if _, err := rand.Read(nonce); err != nil {
		return false, err
	}
	ws.SetWriteDeadline(time.Now().Add(h.cfg.WriteTimeout))
	if err := ws.WriteJSON(map[string]any{"type": "challenge", "nonce": nonce}); err != nil {
		return false, err
	}
	ws.SetReadLimit(h.cfg.MaxMessage)
	ws.SetReadDeadline(time.Now().Add(h.cfg.AuthTimeout))
	var auth struct {
		Type string `json:"type"`
		Pub  []byte `json:"pub"`
		Sig  []byte `json:"sig"`
		Acks bool   `json:"acks"`
	}
	if err := ws.ReadJSON(&auth); err != nil {
		return false, errAuth
	}
	if auth.Type != "auth" || len(auth.Pub) != ed25519.PublicKeySize || bazaar.MailboxID(auth.Pub) != mailbox ||
		!ed25519.Verify(auth.Pub, bazaar.MailboxChallenge(mailbox, nonce), auth.Sig) {
		return false, errAuth
	}
	return auth.Acks, nil
}

// readLoop enforces the frame limit and pong deadline, and takes an acknowledging client's
// acks: {"type":"ack","seq":N} for an envelope of its mailbox it has read. Anything else a
// client sends is ignored.
func (h *Hub) readLoop(c *conn) {
	defer h.wg.Done()
	defer c.close()
	c.ws.SetReadLimit(h.cfg.MaxMessage)
	c.ws.SetReadDeadline(time.Now().Add(h.cfg.PongTimeout))
	c.ws.SetPongHandler(func(string) error { return c.ws.SetReadDeadline(time.Now().Add(h.cfg.PongTimeout)) })
	for {
		if !c.acks {
			if _, _, err := c.ws.NextReader(); err != nil {
				return
			}
			continue
		}
		_, msg, err := c.ws.ReadMessage()
		if err != nil {
			return
		}
		var f struct {
			Type string `json:"type"`
			Seq  uint64 `json:"seq"`
		}
		if json.Unmarshal(msg, &f) == nil && f.Type == "ack" && f.Seq != 0 {
			h.ack(c, f.Seq)
		}
	}
}

// ack takes c's acknowledgement of its mailbox's envelope seq: it leaves the store. A seq that
// is not one of the mailbox's changes nothing.
func (h *Hub) ack(c *conn, seq uint64) {
	if h.bus != nil {
		h.ackNATS(c, seq)
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	b := h.boxes[c.box]
	if b == nil {
		return
	}
	b.pending = slices.DeleteFunc(b.pending, func(st stored) bool { return st.seq == seq })
}

func (h *Hub) writeLoop(c *conn, backlog []stored) {
	defer h.wg.Done()
	defer h.unsubscribe(c)
	write := func(typ int, msg []byte) error {
		c.ws.SetWriteDeadline(time.Now().Add(h.cfg.WriteTimeout))
		return c.ws.WriteMessage(typ, msg)
	}
	for i, s := range backlog {
		if err := write(websocket.TextMessage, s.msg); err != nil {
			if !c.acks { // an acknowledging client's are still stored
				h.restore(c.box, backlog[i:])
			}
			return
		}
	}
	ping := time.NewTicker(h.cfg.PingInterval)
	defer ping.Stop()
	for {
		select {
		case <-c.done:
			c.ws.SetWriteDeadline(time.Now().Add(time.Second))
			c.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, ""))
			return
		case out := <-c.send:
			if err := write(websocket.TextMessage, out.msg); err != nil {
				if out.d != nil {
					out.d.done(c, false)
				} else if h.bus == nil && !out.stored {
					h.restore(c.box, []stored{{seq: out.seq, msg: out.msg, expires: time.Now().Add(h.cfg.TTL)}})
				}
				return
			}
			if out.d != nil {
				out.d.done(c, true)
			}
		case <-ping.C:
			if err := write(websocket.PingMessage, nil); err != nil {
				return
			}
		}
	}
}

// unsubscribe removes c and puts whatever it had queued back into the store (with NATS: hands
// it to another relay). The last connection of a mailbox with NATS ends its NATS side here.
func (h *Hub) unsubscribe(c *conn) {
	c.close()
	c.ws.Close()
	h.mu.Lock()
	defer h.mu.Unlock()
	h.conns--
	b := h.boxes[c.box]
	if b != nil {
		delete(b.subs, c)
	}
	// Every send to c.send happens under h.mu while c is subscribed: what is queued now is all
	// there will ever be.
	var left []stored
	for {
		select {
		case out := <-c.send:
			switch {
			case out.d != nil:
				out.d.done(c, false)
			case out.seq != 0 && !out.stored: // not cover, not still stored for an ack
				left = append(left, stored{seq: out.seq, msg: out.msg, expires: time.Now().Add(h.cfg.TTL)})
			}
			continue
		default:
		}
		break
	}
	if b == nil {
		return
	}
	if h.bus != nil {
		if b.nb != nil && c.acks {
			h.releaseAwaiting(c, b)
		}
		if len(b.subs) == 0 {
			if b.nb != nil {
				h.closeNATS(b)
			}
			delete(h.boxes, c.box)
		}
		return
	}
	if len(left) > 0 && len(b.subs) == 0 && !h.stopped {
		b.pending = append(b.pending, left...)
	}
}

// restore puts unwritten envelopes back at the front of a mailbox's store.
func (h *Hub) restore(id string, s []stored) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		return
	}
	b := h.box(id)
	b.pending = append(append([]stored(nil), s...), b.pending...)
}

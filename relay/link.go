package relay

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/gorilla/websocket"

	"github.com/bazaar-market/bazaar"
)

// A matcher link is how a matcher running in its own process (its own confidential VM) talks to
// the relay: GET /relay/matcher upgrades to a websocket on which
//
//	relay   → {"type":"challenge","nonce":B64}
//	matcher → {"type":"auth","address":"0x…","hpkeKey":B64,"sig":B64}
//	relay   → {"type":"ready"}                      (or a 1008 close)
//	matcher → {"type":"deliver","mailbox":ID,"payload":B64}   sealed notifications
//	matcher → {"type":"metrics","vendor":"0x…","metrics":{…}} k-suppressed vendor aggregates
//	matcher → {"type":"output","kind":K,"metrics":{…}}   other signed outputs for the chain
//	relay   → {"type":"signal","sealed":B64}        HPKE-sealed signals agents submitted
//
// sig is the matcher's secp256k1 signature over MatcherLinkDigest(nonce, hpkeKey). The relay
// trusts the link only after Config.AuthorizeMatcher confirms on-chain that the address is a
// registered, unexpired matcher whose attestation bound this HPKE key, and it asks again every
// RecheckInterval: a revoked or expired matcher is cut off.

// MatcherLinkDigest is what a matcher signs to open a link: the relay's fresh nonce and the
// HPKE key it will take signals for.
func MatcherLinkDigest(nonce, hpkeKey []byte) common.Hash {
	return crypto.Keccak256Hash([]byte("bazaar matcher link v1\x00"), nonce, crypto.Keccak256(hpkeKey))
}

// LinkedMatcher describes an authorised matcher link.
type LinkedMatcher struct {
	Address common.Address
	HPKEKey []byte
}

// errNoMatcher is returned when a signal arrives and no authorised matcher is linked.
var ErrNoMatcher = errors.New("no attested matcher is connected to this relay")

const maxLinkMessage = 64 << 10

type link struct {
	m    LinkedMatcher
	ws   *websocket.Conn
	send chan []byte
	done chan struct{}
	once sync.Once
}

func (l *link) close() { l.once.Do(func() { close(l.done) }) }

type linkFrame struct {
	Type    string          `json:"type"`
	Nonce   []byte          `json:"nonce,omitempty"`
	Address string          `json:"address,omitempty"`
	HPKEKey []byte          `json:"hpkeKey,omitempty"`
	Sig     []byte          `json:"sig,omitempty"`
	Mailbox string          `json:"mailbox,omitempty"`
	Key     string          `json:"key,omitempty"` // idempotency key of a delivery
	Payload []byte          `json:"payload,omitempty"`
	Sealed  []byte          `json:"sealed,omitempty"`
	Vendor  string          `json:"vendor,omitempty"`
	Metrics json.RawMessage `json:"metrics,omitempty"`
	Kind    string          `json:"kind,omitempty"`
}

// ServeMatcher upgrades GET /relay/matcher to a matcher link (see the protocol above).
func (h *Hub) ServeMatcher(w http.ResponseWriter, r *http.Request) {
	if h.cfg.AuthorizeMatcher == nil {
		httpError(w, http.StatusServiceUnavailable, "unavailable", "this relay takes no matcher links (no attestation registry)")
		return
	}
	h.mu.Lock()
	stopped := h.stopped
	h.mu.Unlock()
	if stopped {
		httpError(w, http.StatusServiceUnavailable, "unavailable", "relay is stopping")
		return
	}
	ws, err := h.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	m, err := h.authenticateMatcher(r.Context(), ws)
	if err != nil {
		ws.SetWriteDeadline(time.Now().Add(time.Second))
		ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.ClosePolicyViolation, truncate(err.Error(), 120)))
		ws.Close()
		h.cfg.Logger.Info("relay refused a matcher link", "err", err)
		return
	}
	l := &link{m: m, ws: ws, send: make(chan []byte, linkQueue), done: make(chan struct{})}
	h.mu.Lock()
	if h.stopped {
		h.mu.Unlock()
		ws.Close()
		return
	}
	if h.links == nil {
		h.links = map[*link]struct{}{}
	}
	h.links[l] = struct{}{}
	h.wg.Add(2)
	h.mu.Unlock()
	ready, _ := json.Marshal(linkFrame{Type: "ready"})
	l.send <- ready
	h.cfg.Logger.Info("matcher linked", "matcher", m.Address)
	go h.linkWriter(l)
	go h.linkReader(l)
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func (h *Hub) authenticateMatcher(ctx context.Context, ws *websocket.Conn) (LinkedMatcher, error) {
	nonce := make([]byte, 32)
	if _, err := rand.Read(nonce); err != nil {
		return LinkedMatcher{}, err
	}
	ws.SetWriteDeadline(time.Now().Add(h.cfg.WriteTimeout))
	if err := ws.WriteJSON(linkFrame{Type: "challenge", Nonce: nonce}); err != nil {
		return LinkedMatcher{}, err
	}
	ws.SetReadLimit(maxLinkMessage)
	ws.SetReadDeadline(time.Now().Add(h.cfg.AuthTimeout))
	var f linkFrame
	if err := ws.ReadJSON(&f); err != nil {
		return LinkedMatcher{}, errors.New("matcher link: no auth frame")
	}
	if f.Type != "auth" || !common.IsHexAddress(f.Address) || len(f.HPKEKey) == 0 || len(f.HPKEKey) > 4096 {
		return LinkedMatcher{}, errors.New("matcher link: malformed auth frame")
	}
	pub, err := crypto.SigToPub(MatcherLinkDigest(nonce, f.HPKEKey).Bytes(), f.Sig)
	if err != nil || crypto.PubkeyToAddress(*pub) != common.HexToAddress(f.Address) {
		return LinkedMatcher{}, errors.New("matcher link: signature is not the claimed matcher's")
	}
	m := LinkedMatcher{Address: common.HexToAddress(f.Address), HPKEKey: f.HPKEKey}
	actx, cancel := context.WithTimeout(ctx, h.cfg.AuthTimeout)
	defer cancel()
	if err := h.cfg.AuthorizeMatcher(actx, m.Address, m.HPKEKey); err != nil {
		return LinkedMatcher{}, fmt.Errorf("matcher link: %w", err)
	}
	return m, nil
}

// linkQueue is a matcher link's send queue (signals on their way to the matcher): a link that
// falls this far behind is dropped, and the matcher reconnects.
const linkQueue = 1024

// linkDeliverers is how many of a linked matcher's notifications a relay on NATS stores at once.
const linkDeliverers = 32

// linkReader takes sealed notifications and metrics from an authorised matcher.
func (h *Hub) linkReader(l *link) {
	defer h.wg.Done()
	defer l.close()
	deliver := func(f linkFrame) {
		if err := h.DeliverKeyed(context.Background(), f.Mailbox, f.Key, f.Payload); err != nil {
			h.cfg.Logger.Warn("matcher link: delivery refused", "err", err)
		}
	}
	// With NATS each delivery waits a round trip for the stream: linkDeliverers at once, so
	// a matcher's fan-out is not one round trip per agent.
	var work chan linkFrame
	if h.bus != nil {
		work = make(chan linkFrame, linkDeliverers)
		var wg sync.WaitGroup
		for range linkDeliverers {
			wg.Go(func() {
				for f := range work {
					deliver(f)
				}
			})
		}
		defer func() {
			close(work)
			wg.Wait()
		}()
	}
	l.ws.SetReadLimit(maxLinkMessage)
	l.ws.SetReadDeadline(time.Now().Add(h.cfg.PongTimeout))
	l.ws.SetPongHandler(func(string) error { return l.ws.SetReadDeadline(time.Now().Add(h.cfg.PongTimeout)) })
	for {
		var f linkFrame
		if err := l.ws.ReadJSON(&f); err != nil {
			return
		}
		l.ws.SetReadDeadline(time.Now().Add(h.cfg.PongTimeout))
		switch f.Type {
		case "deliver":
			if len(f.Payload) > bazaar.NotificationBuckets[len(bazaar.NotificationBuckets)-1]+1024 {
				h.cfg.Logger.Warn("matcher link: oversized envelope dropped")
				continue
			}
			if work != nil {
				work <- f
				continue
			}
			deliver(f)
		case "metrics":
			if h.cfg.OnMetrics != nil && common.IsHexAddress(f.Vendor) {
				h.cfg.OnMetrics(l.m.Address, common.HexToAddress(f.Vendor), f.Metrics)
			}
		case "output":
			if h.cfg.OnOutput != nil && f.Kind != "" {
				h.cfg.OnOutput(l.m.Address, f.Kind, f.Metrics)
			}
		default:
			h.cfg.Logger.Warn("matcher link: unknown frame", "type", truncate(f.Type, 32))
			return
		}
	}
}

// linkWriter forwards signals, pings, and re-checks the matcher's registration.
func (h *Hub) linkWriter(l *link) {
	defer h.wg.Done()
	defer func() {
		h.unlink(l)
		l.ws.Close()
		h.cfg.Logger.Info("matcher unlinked", "matcher", l.m.Address)
	}()
	ping := time.NewTicker(h.cfg.PingInterval)
	defer ping.Stop()
	recheck := time.NewTicker(h.cfg.RecheckInterval)
	defer recheck.Stop()
	write := func(typ int, msg []byte) error {
		l.ws.SetWriteDeadline(time.Now().Add(h.cfg.WriteTimeout))
		return l.ws.WriteMessage(typ, msg)
	}
	for {
		select {
		case <-l.done:
			l.ws.SetWriteDeadline(time.Now().Add(time.Second))
			l.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, ""))
			return
		case msg := <-l.send:
			if err := write(websocket.TextMessage, msg); err != nil {
				return
			}
		case <-ping.C:
			if err := write(websocket.PingMessage, nil); err != nil {
				return
			}
		case <-recheck.C:
			ctx, cancel := context.WithTimeout(context.Background(), h.cfg.AuthTimeout)
			err := h.cfg.AuthorizeMatcher(ctx, l.m.Address, l.m.HPKEKey)
			cancel()
			if err != nil {
				h.cfg.Logger.Warn("matcher no longer authorised: link closed", "matcher", l.m.Address, "err", err)
				h.unlink(l) // before the close frame: once the matcher sees it, it is gone
				l.ws.SetWriteDeadline(time.Now().Add(time.Second))
				l.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.ClosePolicyViolation, truncate(err.Error(), 120)))
				l.close()
				return
			}
		}
	}
}

func (h *Hub) unlink(l *link) {
	h.mu.Lock()
	delete(h.links, l)
	h.mu.Unlock()
}

// Matchers lists the authorised matcher links.
func (h *Hub) Matchers() []LinkedMatcher {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]LinkedMatcher, 0, len(h.links))
	for l := range h.links {
		out = append(out, l.m)
	}
	return out
}

// ForwardSignal hands an HPKE-sealed signal to every linked matcher (only the one holding the
// attested key can open it). It fails when none is linked or all are saturated.
func (h *Hub) ForwardSignal(sealed []byte) error {
	msg, err := json.Marshal(linkFrame{Type: "signal", Sealed: sealed})
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	sent := false
	for l := range h.links {
		select {
		case l.send <- msg:
			sent = true
		default:
		}
	}
	if !sent {
		return ErrNoMatcher
	}
	return nil
}

// MatcherClient is the matcher's end of a link. It implements bazaar.Notifier.
type MatcherClient struct {
	ws      *websocket.Conn
	mu      sync.Mutex // serialises writes
	signals chan []byte
	done    chan struct{}
	err     error
}

// DialMatcher opens a link to url (ws:// or wss://…/relay/matcher), signing the relay's
// challenge with key and naming hpkeKey. It returns once the relay has authorised the link.
func DialMatcher(ctx context.Context, url string, key *ecdsa.PrivateKey, hpkeKey []byte) (*MatcherClient, error) {
	ws, resp, err := websocket.DefaultDialer.DialContext(ctx, url, nil)
	if err != nil {
		if resp != nil {
			return nil, fmt.Errorf("matcher link %s: %s", url, resp.Status)
		}
		return nil, fmt.Errorf("matcher link: %w", err)
	}
	fail := func(err error) (*MatcherClient, error) { ws.Close(); return nil, err }
	if dl, ok := ctx.Deadline(); ok {
		ws.SetReadDeadline(dl)
	}
	var ch linkFrame
	if err := ws.ReadJSON(&ch); err != nil || ch.Type != "challenge" || len(ch.Nonce) == 0 {
		return fail(fmt.Errorf("matcher link: no challenge: %v", err))
	}
	sig, err := crypto.Sign(MatcherLinkDigest(ch.Nonce, hpkeKey).Bytes(), key)
	if err != nil {
		return fail(err)
	}
	if err := ws.WriteJSON(linkFrame{Type: "auth", Address: crypto.PubkeyToAddress(key.PublicKey).Hex(), HPKEKey: hpkeKey, Sig: sig}); err != nil {
		return fail(err)
	}
	var ready linkFrame
	if err := ws.ReadJSON(&ready); err != nil || ready.Type != "ready" {
		var ce *websocket.CloseError
		if errors.As(err, &ce) {
			return fail(fmt.Errorf("relay refused the matcher link: %s", ce.Text))
		}
		return fail(fmt.Errorf("relay refused the matcher link: %v", err))
	}
	ws.SetReadDeadline(time.Time{})
	c := &MatcherClient{ws: ws, signals: make(chan []byte, 1024), done: make(chan struct{})}
	ws.SetReadLimit(maxLinkMessage)
	go c.read()
	return c, nil
}

func (c *MatcherClient) read() {
	defer close(c.done)
	defer close(c.signals)
	for {
		var f linkFrame
		if err := c.ws.ReadJSON(&f); err != nil {
			c.err = err
			return
		}
		if f.Type == "signal" && len(f.Sealed) > 0 {
			c.signals <- f.Sealed
		}
	}
}

// Signals yields sealed signals until the link closes.
func (c *MatcherClient) Signals() <-chan []byte { return c.signals }

// Done is closed when the link ends; Err then says why.
func (c *MatcherClient) Done() <-chan struct{} { return c.done }

// Err is the reason the link ended (after Done).
func (c *MatcherClient) Err() error { return c.err }

func (c *MatcherClient) write(f linkFrame) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
	return c.ws.WriteJSON(f)
}

// Deliver sends a sealed notification for mailbox through the relay.
func (c *MatcherClient) Deliver(_ context.Context, mailbox string, payload []byte) error {
	return c.write(linkFrame{Type: "deliver", Mailbox: mailbox, Payload: payload})
}

// DeliverKeyed sends a sealed notification with its idempotency key (see Hub.DeliverKeyed).
func (c *MatcherClient) DeliverKeyed(_ context.Context, mailbox, key string, payload []byte) error {
	return c.write(linkFrame{Type: "deliver", Mailbox: mailbox, Key: key, Payload: payload})
}

// PublishMetrics sends a vendor's (already k-suppressed) aggregates.
func (c *MatcherClient) PublishMetrics(vendor common.Address, metrics any) error {
	b, err := json.Marshal(metrics)
	if err != nil {
		return err
	}
	return c.write(linkFrame{Type: "metrics", Vendor: vendor.Hex(), Metrics: b})
}

// PublishOutput sends another signed output for the chain (see Config.OnOutput).
func (c *MatcherClient) PublishOutput(kind string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.write(linkFrame{Type: "output", Kind: kind, Metrics: b})
}

// Close ends the link.
func (c *MatcherClient) Close() error {
	c.mu.Lock()
	c.ws.SetWriteDeadline(time.Now().Add(time.Second))
	c.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""))
	c.mu.Unlock()
	return c.ws.Close()
}

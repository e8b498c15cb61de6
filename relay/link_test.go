package relay_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/gorilla/websocket"

	"github.com/bazaar-market/bazaar/relay"
)

// registry stands in for the on-chain AttestationRegistry check the node plugs in
// (cmd/bazaar tests run the real contract): a set of registered (address, HPKE key) pairs.
type registry struct {
	mu  sync.Mutex
	ok  map[common.Address][]byte
	ask int
}

func (r *registry) authorize(_ context.Context, a common.Address, hpke []byte) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ask++
	k, ok := r.ok[a]
	if !ok {
		return errors.New("matcher " + a.Hex() + " is not registered")
	}
	if string(k) != string(hpke) {
		return errors.New("HPKE key is not the attested one")
	}
	return nil
}

func (r *registry) revoke(a common.Address) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.ok, a)
}

func linkHub(t *testing.T, reg *registry, recheck time.Duration, metrics func(common.Address, common.Address, json.RawMessage)) (*relay.Hub, *httptest.Server, string) {
	h, srv := mustHub(t, relay.Config{AuthorizeMatcher: reg.authorize, RecheckInterval: recheck, OnMetrics: metrics})
	mux := http.NewServeMux()
	mux.Handle("GET /relay", h)
	mux.HandleFunc("GET /relay/matcher", h.ServeMatcher)
	srv.Config.Handler = mux
	return h, srv, "ws" + strings.TrimPrefix(srv.URL, "http") + "/relay/matcher"
}

func TestMatcherLink(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	hpke := []byte("attested hpke public key")
	reg := &registry{ok: map[common.Address][]byte{addr: hpke}}
	var gotMetrics = make(chan string, 1)
	h, srv, url := linkHub(t, reg, time.Hour, func(m, v common.Address, b json.RawMessage) {
		if m == addr {
			gotMetrics <- v.Hex() + " " + string(b)
		}
	})

	if err := h.ForwardSignal([]byte("sealed")); !errors.Is(err, relay.ErrNoMatcher) {
		t.Fatalf("signal with no matcher linked: %v", err)
	}
	c, err := relay.DialMatcher(ctx, url, key, hpke)
	if err != nil {
		t.Fatalf("registered matcher refused: %v", err)
	}
	defer c.Close()
	if ms := h.Matchers(); len(ms) != 1 || ms[0].Address != addr {
		t.Fatalf("linked matchers %+v", ms)
	}

	// Sealed notifications from the matcher reach an agent's mailbox.
	agent := dial(t, srv, "link-agent")
	eventually(t, "agent connected", func() bool { return h.Connections() == 1 })
	if err := c.Deliver(ctx, box("link-agent"), []byte(`{"v":1,"sealed":"x"}`)); err != nil {
		t.Fatal(err)
	}
	var env relay.Envelope
	agent.SetReadDeadline(time.Now().Add(5 * time.Second))
	if err := agent.ReadJSON(&env); err != nil || string(env.Payload) != `{"v":1,"sealed":"x"}` {
		t.Fatalf("agent got %+v %v", env, err)
	}

	// Signals reach the matcher.
	if err := h.ForwardSignal([]byte("sealed signal")); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-c.Signals():
		if string(s) != "sealed signal" {
			t.Fatalf("signal %q", s)
		}
	case <-ctx.Done():
		t.Fatal("signal not forwarded")
	}

	// Metrics reach the node's callback, attributed to the authenticated matcher.
	vendor := common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
	if err := c.PublishMetrics(vendor, map[string]int{"agentsMatched": 7}); err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-gotMetrics:
		if m != vendor.Hex()+` {"agentsMatched":7}` {
			t.Fatalf("metrics %q", m)
		}
	case <-ctx.Done():
		t.Fatal("metrics not received")
	}
}

func TestMatcherLink_Refused(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	key, _ := crypto.GenerateKey()
	other, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	hpke := []byte("attested hpke public key")
	reg := &registry{ok: map[common.Address][]byte{addr: hpke}}
	h, _, url := linkHub(t, reg, time.Hour, nil)

	if _, err := relay.DialMatcher(ctx, url, other, hpke); err == nil || !strings.Contains(err.Error(), "not registered") {
		t.Fatalf("unregistered matcher: %v", err)
	}
	if _, err := relay.DialMatcher(ctx, url, key, []byte("another hpke key")); err == nil || !strings.Contains(err.Error(), "not the attested") {
		t.Fatalf("registered matcher with another HPKE key: %v", err)
	}
	if len(h.Matchers()) != 0 {
		t.Fatal("a refused matcher is linked")
	}

	// A forged auth frame: the registered address, signed by another key.
	ws := rawLink(t, url)
	var ch struct{ Nonce []byte }
	ws.ReadJSON(&ch)
	sig, _ := crypto.Sign(relay.MatcherLinkDigest(ch.Nonce, hpke).Bytes(), other)
	ws.WriteJSON(map[string]any{"type": "auth", "address": addr.Hex(), "hpkeKey": hpke, "sig": sig})
	if _, _, err := ws.ReadMessage(); err == nil || !strings.Contains(err.Error(), "signature") {
		t.Fatalf("forged signature: %v", err)
	}
	// A signature over another nonce (a replayed auth frame).
	ws = rawLink(t, url)
	ws.ReadJSON(&ch)
	sig, _ = crypto.Sign(relay.MatcherLinkDigest([]byte("an old nonce"), hpke).Bytes(), key)
	ws.WriteJSON(map[string]any{"type": "auth", "address": addr.Hex(), "hpkeKey": hpke, "sig": sig})
	if _, _, err := ws.ReadMessage(); err == nil || !strings.Contains(err.Error(), "signature") {
		t.Fatalf("replayed auth: %v", err)
	}
	// Garbage instead of an auth frame.
	ws = rawLink(t, url)
	ws.ReadJSON(&ch)
	ws.WriteMessage(1, []byte("not json"))
	if _, _, err := ws.ReadMessage(); err == nil {
		t.Fatal("garbage auth frame accepted")
	}
	if len(h.Matchers()) != 0 {
		t.Fatal("a refused matcher is linked")
	}
}

// TestMatcherLink_Revoked: the relay asks again and cuts off a matcher that lost its registration.
func TestMatcherLink_Revoked(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	hpke := []byte("k")
	reg := &registry{ok: map[common.Address][]byte{addr: hpke}}
	h, _, url := linkHub(t, reg, 50*time.Millisecond, nil)
	c, err := relay.DialMatcher(ctx, url, key, hpke)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	reg.revoke(addr)
	select {
	case <-c.Done():
	case <-ctx.Done():
		t.Fatal("revoked matcher still linked")
	}
	if len(h.Matchers()) != 0 {
		t.Fatal("revoked matcher listed")
	}
	if err := h.ForwardSignal([]byte("s")); !errors.Is(err, relay.ErrNoMatcher) {
		t.Fatalf("signal forwarded to a revoked matcher: %v", err)
	}
}

// rawLink dials the matcher link without the client, for hand-made (bad) auth frames.
func rawLink(t *testing.T, url string) *websocket.Conn {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	return ws
}

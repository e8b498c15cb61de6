package relay_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/relay"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func mustHub(tb testing.TB, cfg relay.Config) (*relay.Hub, *httptest.Server) {
	tb.Helper()
	h := relay.New(cfg)
	if err := h.Start(context.Background()); err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(h)
	tb.Cleanup(func() {
		h.Stop(context.Background())
		srv.Close()
	})
	return h, srv
}

// box is the mailbox id of a test agent named name (keys derived as demo agents' are).
func box(name string) string { return bazaar.DemoMailbox(name) }

// dialAs connects to mailbox and answers its challenge with key.
func dialAs(tb testing.TB, srv *httptest.Server, mailbox string, key ed25519.PrivateKey) (*websocket.Conn, error) {
	tb.Helper()
	u := "ws" + strings.TrimPrefix(srv.URL, "http") + "/relay?mailbox=" + mailbox
	c, _, err := websocket.DefaultDialer.Dial(u, nil)
	if err != nil {
		return nil, err
	}
	tb.Cleanup(func() { c.Close() })
	var ch struct {
		Type  string `json:"type"`
		Nonce []byte `json:"nonce"`
	}
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if err := c.ReadJSON(&ch); err != nil || ch.Type != "challenge" {
		return c, fmt.Errorf("challenge: %+v %v", ch, err)
	}
	pub := key.Public().(ed25519.PublicKey)
	return c, c.WriteJSON(map[string]any{"type": "auth", "pub": []byte(pub), "sig": ed25519.Sign(key, bazaar.MailboxChallenge(mailbox, ch.Nonce))})
}

// dial opens the mailbox of the test agent named name.
func dial(tb testing.TB, srv *httptest.Server, name string) *websocket.Conn {
	tb.Helper()
	c, err := dialAs(tb, srv, box(name), bazaar.DemoMailboxKey(name))
	if err != nil {
		tb.Fatalf("dial %s: %v", name, err)
	}
	return c
}

func read(tb testing.TB, c *websocket.Conn) relay.Envelope {
	tb.Helper()
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, msg, err := c.ReadMessage()
	if err != nil {
		tb.Fatalf("read: %v", err)
	}
	var e relay.Envelope
	if err := json.Unmarshal(msg, &e); err != nil {
		tb.Fatalf("envelope %s: %v", msg, err)
	}
	return e
}

// eventually polls cond until it holds or a generous deadline passes.
func eventually(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestHub_Deliver(t *testing.T) {
	ctx := context.Background()
	t.Run("live", func(t *testing.T) {
		h, srv := mustHub(t, relay.Config{})
		a, b := dial(t, srv, "box-a"), dial(t, srv, "box-a")
		other := dial(t, srv, "box-b")
		eventually(t, "3 connections", func() bool { return h.Connections() == 3 })
		if err := h.Deliver(ctx, box("box-a"), []byte(`{"n":1}`)); err != nil {
			t.Fatal(err)
		}
		for _, c := range []*websocket.Conn{a, b} {
			if e := read(t, c); string(e.Payload) != `{"n":1}` || e.Mailbox != box("box-a") {
				t.Fatalf("envelope %+v", e)
			}
		}
		h.Deliver(ctx, box("box-b"), []byte{0xff, 0x00})
		if e := read(t, other); !bytes.Equal(e.PayloadB64, []byte{0xff, 0x00}) || e.Payload != nil {
			t.Fatalf("binary envelope %+v", e)
		}
	})
	t.Run("store and forward in order", func(t *testing.T) {
		h, srv := mustHub(t, relay.Config{})
		for i := range 3 {
			h.Deliver(ctx, box("offline"), fmt.Appendf(nil, `{"n":%d}`, i))
		}
		if h.Pending() != 3 {
			t.Fatalf("pending %d, want 3", h.Pending())
		}
		c := dial(t, srv, "offline")
		for i := range 3 {
			if e := read(t, c); string(e.Payload) != fmt.Sprintf(`{"n":%d}`, i) {
				t.Fatalf("envelope %d: %s", i, e.Payload)
			}
		}
		eventually(t, "store emptied", func() bool { return h.Pending() == 0 })
	})
	t.Run("per-mailbox cap drops the oldest", func(t *testing.T) {
		h, srv := mustHub(t, relay.Config{MaxPerMailbox: 2})
		for i := range 4 {
			h.Deliver(ctx, box("capped"), fmt.Appendf(nil, `{"n":%d}`, i))
		}
		c := dial(t, srv, "capped")
		if e := read(t, c); string(e.Payload) != `{"n":2}` {
			t.Fatalf("first kept envelope %s, want n=2", e.Payload)
		}
	})
	t.Run("expires after TTL", func(t *testing.T) {
		h, _ := mustHub(t, relay.Config{TTL: 40 * time.Millisecond})
		h.Deliver(ctx, box("ttl"), []byte(`{}`))
		eventually(t, "expiry", func() bool { return h.Pending() == 0 })
	})
	t.Run("bad mailbox id", func(t *testing.T) {
		h, srv := mustHub(t, relay.Config{})
		if err := h.Deliver(ctx, "bad id!", []byte(`{}`)); err == nil {
			t.Fatal("Deliver accepted a bad mailbox id")
		}
		resp, err := http.Get(srv.URL + "/relay?mailbox=" + strings.Repeat("x", 129))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body struct {
			Error struct{ Code string } `json:"error"`
		}
		json.NewDecoder(resp.Body).Decode(&body)
		if resp.StatusCode != 400 || body.Error.Code != "bad_mailbox" || resp.Header.Get("Set-Cookie") != "" {
			t.Fatalf("status %d, body %+v", resp.StatusCode, body)
		}
	})
}

func TestHub_Limits(t *testing.T) {
	ctx := context.Background()
	t.Run("max message size closes the connection", func(t *testing.T) {
		_, srv := mustHub(t, relay.Config{MaxMessage: 64})
		c := dial(t, srv, "big")
		c.WriteMessage(websocket.TextMessage, bytes.Repeat([]byte("x"), 1024))
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, _, err := c.ReadMessage(); !websocket.IsCloseError(err, websocket.CloseMessageTooBig) && !strings.Contains(fmt.Sprint(err), "close") {
			t.Fatalf("read after oversized frame: %v", err)
		}
	})
	t.Run("connection limit answers 503", func(t *testing.T) {
		h, srv := mustHub(t, relay.Config{MaxConns: 1})
		dial(t, srv, "one")
		eventually(t, "1 connection", func() bool { return h.Connections() == 1 })
		u := "ws" + strings.TrimPrefix(srv.URL, "http") + "/relay?mailbox=" + box("two")
		_, resp, err := websocket.DefaultDialer.Dial(u, nil)
		if err == nil || resp == nil || resp.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("second connection: %v, %v", err, resp)
		}
	})
	t.Run("slow consumer is dropped and Deliver never blocks", func(t *testing.T) {
		h, srv := mustHub(t, relay.Config{QueueSize: 1, WriteTimeout: 200 * time.Millisecond})
		c := dial(t, srv, "slow")
		eventually(t, "connection", func() bool { return h.Connections() == 1 })
		big := fmt.Appendf(nil, `{"pad":"%s"}`, strings.Repeat("x", 64<<10))
		done := make(chan struct{})
		go func() {
			for range 200 { // the client never reads: buffers fill, the queue overflows
				h.Deliver(ctx, box("slow"), big)
			}
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("Deliver blocked on a slow consumer")
		}
		eventually(t, "slow consumer dropped", func() bool { return h.Connections() == 0 })
		if h.Pending() == 0 {
			t.Fatal("undelivered envelopes were lost instead of stored")
		}
		_ = c
	})
	t.Run("stop closes clients", func(t *testing.T) {
		h, srv := mustHub(t, relay.Config{})
		c := dial(t, srv, "bye")
		eventually(t, "connection", func() bool { return h.Connections() == 1 })
		h.Stop(ctx)
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, _, err := c.ReadMessage(); !websocket.IsCloseError(err, websocket.CloseGoingAway) {
			t.Fatalf("after Stop: %v", err)
		}
		if err := h.Deliver(ctx, box("bye"), []byte(`{}`)); err == nil {
			t.Fatal("Deliver after Stop succeeded")
		}
	})
}

// TestHub_Privacy runs a session and checks the logs never carry a client address or mailbox.
func TestHub_Privacy(t *testing.T) {
	var logs syncBuffer
	h, srv := mustHub(t, relay.Config{Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		QueueSize: 1, TTL: 30 * time.Millisecond, WriteTimeout: 100 * time.Millisecond})
	c := dial(t, srv, "secret-mailbox")
	h.Deliver(context.Background(), box("secret-mailbox"), []byte(`{"deal":"x"}`))
	read(t, c)
	c.Close()
	for range 50 {
		h.Deliver(context.Background(), box("secret-mailbox"), bytes.Repeat([]byte("y"), 32<<10))
	}
	eventually(t, "expiry", func() bool { return h.Pending() == 0 })
	out := logs.String()
	for _, leak := range []string{"127.0.0.1", box("secret-mailbox"), "deal"} {
		if strings.Contains(out, leak) {
			t.Fatalf("relay log carries %q:\n%s", leak, out)
		}
	}
}

func TestHub_MailboxChallenge(t *testing.T) {
	h, srv := mustHub(t, relay.Config{AuthTimeout: 200 * time.Millisecond})
	h.Deliver(context.Background(), box("alice"), []byte(`{"secret":1}`))
	refused := func(t *testing.T, c *websocket.Conn) {
		t.Helper()
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, msg, err := c.ReadMessage()
		if err == nil {
			t.Fatalf("an unauthenticated client received %s", msg)
		}
		if !websocket.IsCloseError(err, websocket.ClosePolicyViolation) {
			t.Fatalf("closed with %v, want 1008", err)
		}
	}
	t.Run("another agent's key", func(t *testing.T) {
		c, err := dialAs(t, srv, box("alice"), bazaar.DemoMailboxKey("mallory"))
		if err != nil {
			t.Fatal(err)
		}
		refused(t, c)
	})
	t.Run("bad signature", func(t *testing.T) {
		u := "ws" + strings.TrimPrefix(srv.URL, "http") + "/relay?mailbox=" + box("alice")
		c, _, err := websocket.DefaultDialer.Dial(u, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		var ch struct{ Nonce []byte }
		c.ReadJSON(&ch)
		key := bazaar.DemoMailboxKey("alice")
		sig := ed25519.Sign(key, bazaar.MailboxChallenge(box("alice"), []byte("another nonce")))
		c.WriteJSON(map[string]any{"type": "auth", "pub": []byte(key.Public().(ed25519.PublicKey)), "sig": sig})
		refused(t, c)
	})
	t.Run("no answer", func(t *testing.T) {
		u := "ws" + strings.TrimPrefix(srv.URL, "http") + "/relay?mailbox=" + box("alice")
		c, _, err := websocket.DefaultDialer.Dial(u, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		var ch struct{ Nonce []byte }
		c.ReadJSON(&ch)
		refused(t, c)
	})
	if h.Pending() != 1 {
		t.Fatalf("refused clients drained the store: %d pending", h.Pending())
	}
	eventually(t, "refused connections released", func() bool { return h.Connections() == 0 })
	c := dial(t, srv, "alice")
	if e := read(t, c); string(e.Payload) != `{"secret":1}` {
		t.Fatalf("owner got %s", e.Payload)
	}
}

func TestHub_CoverTraffic(t *testing.T) {
	h, srv := mustHub(t, relay.Config{CoverInterval: 10 * time.Millisecond})
	c := dial(t, srv, "carol")
	eventually(t, "connection", func() bool { return h.Connections() == 1 })
	key := bazaar.DemoNotifyKey("carol")
	real, err := bazaar.SealNotification(key, []byte(`{"type":"deal.matched"}`))
	if err != nil {
		t.Fatal(err)
	}
	cover := read(t, c) // arrives without any delivery
	if len(cover.Payload) != len(real) {
		t.Fatalf("cover envelope is %d bytes, a real one %d: traffic is distinguishable", len(cover.Payload), len(real))
	}
	if _, err := bazaar.OpenNotification(key, cover.Payload); err == nil {
		t.Fatal("a cover envelope opened")
	}
	h.Deliver(context.Background(), box("carol"), real)
	for range 100 {
		if e := read(t, c); bytes.Equal(e.Payload, real) {
			return
		}
	}
	t.Fatal("the real envelope never arrived among the cover")
}

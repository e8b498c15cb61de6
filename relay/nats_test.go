package relay_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/relay"
)

// mustNATS starts an embedded NATS server with JetStream, stopped when the test ends.
func mustNATS(tb testing.TB) *server.Server {
	tb.Helper()
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: tb.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		tb.Fatal(err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		tb.Fatal("nats-server did not start")
	}
	tb.Cleanup(func() {
		s.Shutdown()
		s.WaitForShutdown()
	})
	return s
}

// mustNATSHub runs a Hub on its own connection to s, as a relay in another process would.
func mustNATSHub(tb testing.TB, s *server.Server, cfg relay.Config) (*relay.Hub, *httptest.Server) {
	tb.Helper()
	nc, err := nats.Connect(s.ClientURL())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(nc.Close) // after the hub's Stop: cleanups run last first
	cfg.NATS = nc
	return mustHub(tb, cfg)
}

// payloads reads n envelopes from c and returns their payloads and sequence numbers.
func payloads(tb testing.TB, c *websocket.Conn, n int) ([]string, []uint64) {
	tb.Helper()
	var ps []string
	var seqs []uint64
	for range n {
		e := read(tb, c)
		ps = append(ps, string(e.Payload))
		seqs = append(seqs, e.Seq)
	}
	return ps, seqs
}

// deliver delivers payload or fails the test.
func deliver(tb testing.TB, h *relay.Hub, name, payload string) {
	tb.Helper()
	if err := h.Deliver(context.Background(), box(name), []byte(payload)); err != nil {
		tb.Fatalf("deliver to %s: %v", name, err)
	}
}

// nextIs reads from c until the first envelope and checks it is want: an envelope stored
// earlier would come first, so this shows none was.
func nextIs(tb testing.TB, c *websocket.Conn, want string) {
	tb.Helper()
	if e := read(tb, c); string(e.Payload) != want {
		tb.Fatalf("first envelope %s, want %s", e.Payload, want)
	}
}

func TestHub_NATSDeliver(t *testing.T) {
	t.Run("delivered through another relay", func(t *testing.T) {
		s := mustNATS(t)
		a, _ := mustNATSHub(t, s, relay.Config{})
		b, srvB := mustNATSHub(t, s, relay.Config{})
		c1, c2 := dial(t, srvB, "across"), dial(t, srvB, "across")
		other := dial(t, srvB, "bystander")
		eventually(t, "3 connections on B", func() bool { return b.Connections() == 3 })
		deliver(t, a, "across", `{"n":1}`)
		var seq uint64
		for _, c := range []*websocket.Conn{c1, c2} { // every connection of the mailbox on B
			e := read(t, c)
			if string(e.Payload) != `{"n":1}` || e.Mailbox != box("across") || e.Seq == 0 {
				t.Fatalf("envelope %+v", e)
			}
			if seq != 0 && e.Seq != seq {
				t.Fatalf("one envelope under two sequence numbers: %d, %d", seq, e.Seq)
			}
			seq = e.Seq
		}
		a.Deliver(context.Background(), box("bystander"), []byte{0xff, 0x00})
		if e := read(t, other); !bytes.Equal(e.PayloadB64, []byte{0xff, 0x00}) || e.Payload != nil || e.Seq <= seq {
			t.Fatalf("binary envelope %+v after seq %d", e, seq)
		}
		eventually(t, "stream emptied", func() bool { return a.Pending() == 0 })
	})

	t.Run("stored while open nowhere, delivered once", func(t *testing.T) {
		s := mustNATS(t)
		a, srvA := mustNATSHub(t, s, relay.Config{})
		b, srvB := mustNATSHub(t, s, relay.Config{})
		for i := range 3 {
			deliver(t, a, "later", fmt.Sprintf(`{"n":%d}`, i))
		}
		if a.Pending() != 3 || b.Pending() != 3 {
			t.Fatalf("pending %d and %d, want 3 in the one stream", a.Pending(), b.Pending())
		}
		c := dial(t, srvB, "later")
		got, seqs := payloads(t, c, 3)
		if strings.Join(got, " ") != `{"n":0} {"n":1} {"n":2}` {
			t.Fatalf("envelopes %v", got)
		}
		if !(seqs[0] < seqs[1] && seqs[1] < seqs[2]) {
			t.Fatalf("sequence numbers %v do not grow", seqs)
		}
		c.Close()
		eventually(t, "B let the mailbox go", func() bool { return b.Connections() == 0 })

		c = dial(t, srvA, "later") // the other relay, right away
		eventually(t, "mailbox open on A", func() bool { return a.Connections() == 1 })
		deliver(t, b, "later", `{"n":"marker"}`)
		nextIs(t, c, `{"n":"marker"}`)
		eventually(t, "stream emptied", func() bool { return a.Pending() == 0 })
	})

	t.Run("open on two relays, each envelope once", func(t *testing.T) {
		s := mustNATS(t)
		a, srvA := mustNATSHub(t, s, relay.Config{})
		b, srvB := mustNATSHub(t, s, relay.Config{})
		ca, cb := dial(t, srvA, "twice"), dial(t, srvB, "twice")
		eventually(t, "open on both", func() bool { return a.Connections() == 1 && b.Connections() == 1 })
		const n = 40
		for i := range n {
			deliver(t, []*relay.Hub{a, b}[i%2], "twice", fmt.Sprintf(`{"n":%d}`, i))
		}
		var mu sync.Mutex
		count, seqs := 0, map[uint64]bool{}
		for _, c := range []*websocket.Conn{ca, cb} {
			go func() {
				for {
					_, msg, err := c.ReadMessage()
					if err != nil {
						return
					}
					var e relay.Envelope
					json.Unmarshal(msg, &e)
					mu.Lock()
					count++
					seqs[e.Seq] = true
					mu.Unlock()
				}
			}()
		}
		eventually(t, "stream emptied", func() bool { return a.Pending() == 0 })
		eventually(t, fmt.Sprintf("%d envelopes", n), func() bool { mu.Lock(); defer mu.Unlock(); return count >= n })
		mu.Lock()
		defer mu.Unlock()
		if count != n || len(seqs) != n {
			t.Fatalf("%d envelopes with %d distinct sequence numbers, want %d of each", count, len(seqs), n)
		}
	})

	t.Run("per-mailbox cap drops the oldest", func(t *testing.T) {
		s := mustNATS(t)
		a, _ := mustNATSHub(t, s, relay.Config{MaxPerMailbox: 2})
		_, srvB := mustNATSHub(t, s, relay.Config{MaxPerMailbox: 2})
		for i := range 4 {
			deliver(t, a, "capped", fmt.Sprintf(`{"n":%d}`, i))
		}
		c := dial(t, srvB, "capped")
		if got, _ := payloads(t, c, 2); strings.Join(got, " ") != `{"n":2} {"n":3}` {
			t.Fatalf("kept envelopes %v, want n=2 and n=3", got)
		}
	})

	t.Run("expires after TTL", func(t *testing.T) {
		s := mustNATS(t)
		a, _ := mustNATSHub(t, s, relay.Config{TTL: 200 * time.Millisecond})
		deliver(t, a, "ttl", `{}`)
		eventually(t, "expiry", func() bool { return a.Pending() == 0 })
	})

	t.Run("refused before Start and after Stop", func(t *testing.T) {
		s := mustNATS(t)
		nc, err := nats.Connect(s.ClientURL())
		if err != nil {
			t.Fatal(err)
		}
		defer nc.Close()
		h := relay.New(relay.Config{NATS: nc})
		if err := h.Deliver(context.Background(), box("early"), []byte(`{}`)); err != relay.ErrNotStarted {
			t.Fatalf("Deliver before Start: %v", err)
		}
		if err := relay.New(relay.Config{NATS: nc, NATSSubjectPrefix: "bad prefix"}).Start(context.Background()); err == nil {
			t.Fatal("Start accepted a subject prefix with a space")
		}
		if err := h.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
		h.Stop(context.Background())
		if err := h.Deliver(context.Background(), box("early"), []byte(`{}`)); err != relay.ErrStopped {
			t.Fatalf("Deliver after Stop: %v", err)
		}
	})
}

// TestHub_NATSRestart: a relay stops and another starts on the same NATS; no envelope is lost
// and none comes twice.
func TestHub_NATSRestart(t *testing.T) {
	t.Run("stored envelopes survive", func(t *testing.T) {
		s := mustNATS(t)
		a, srvA := mustNATSHub(t, s, relay.Config{})
		c := dial(t, srvA, "restart")
		deliver(t, a, "restart", `{"n":0}`)
		nextIs(t, c, `{"n":0}`) // the mailbox's consumer exists and has delivered
		c.Close()
		eventually(t, "mailbox closed", func() bool { return a.Connections() == 0 })
		for i := 1; i <= 3; i++ {
			deliver(t, a, "restart", fmt.Sprintf(`{"n":%d}`, i))
		}
		open := dial(t, srvA, "restart-open") // open while its relay stops
		eventually(t, "second mailbox open", func() bool { return a.Connections() == 1 })
		if err := a.Stop(context.Background()); err != nil {
			t.Fatal(err)
		}
		open.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, _, err := open.ReadMessage(); !websocket.IsCloseError(err, websocket.CloseGoingAway) {
			t.Fatalf("after Stop: %v", err)
		}

		a2, srvA2 := mustNATSHub(t, s, relay.Config{})
		deliver(t, a2, "restart-open", `{"n":"open"}`)
		if a2.Pending() != 4 {
			t.Fatalf("pending after restart %d, want 4", a2.Pending())
		}
		c = dial(t, srvA2, "restart")
		if got, _ := payloads(t, c, 3); strings.Join(got, " ") != `{"n":1} {"n":2} {"n":3}` {
			t.Fatalf("after restart %v, want n=1..3", got)
		}
		deliver(t, a2, "restart", `{"n":"marker"}`)
		nextIs(t, c, `{"n":"marker"}`)
		nextIs(t, dial(t, srvA2, "restart-open"), `{"n":"open"}`)
		eventually(t, "stream emptied", func() bool { return a2.Pending() == 0 })
	})

	t.Run("envelopes a relay held come back", func(t *testing.T) {
		s := mustNATS(t)
		a, srvA := mustNATSHub(t, s, relay.Config{QueueSize: 4, WriteTimeout: 200 * time.Millisecond})
		stuck := dial(t, srvA, "held") // never reads: socket buffers fill, a write times out
		eventually(t, "connection", func() bool { return a.Connections() == 1 })
		big := fmt.Sprintf(`{"pad":"%s"}`, strings.Repeat("x", 64<<10))
		for range 200 {
			deliver(t, a, "held", big)
		}
		eventually(t, "stuck connection dropped", func() bool { return a.Connections() == 0 })
		if err := a.Stop(context.Background()); err != nil {
			t.Fatal(err)
		}
		_ = stuck

		// What the relay wrote is gone with the socket it was written to; the rest is back.
		a2, srvA2 := mustNATSHub(t, s, relay.Config{})
		left := a2.Pending()
		if left == 0 || left == 200 {
			t.Fatalf("%d of 200 envelopes left: the relay wrote none or all, nothing was held", left)
		}
		c := dial(t, srvA2, "held")
		_, seqs := payloads(t, c, left)
		distinct := map[uint64]bool{}
		for _, seq := range seqs {
			distinct[seq] = true
		}
		if len(distinct) != left {
			t.Fatalf("%d envelopes under %d sequence numbers", left, len(distinct))
		}
		deliver(t, a2, "held", `{"n":"marker"}`)
		nextIs(t, c, `{"n":"marker"}`)
		eventually(t, "stream emptied", func() bool { return a2.Pending() == 0 })
	})
}

// TestHub_NATSRecovery: an envelope whose live notice never came (its publisher died between
// storing and notifying) still reaches the open mailbox, through the sweep; and a relay gets
// over the NATS server restarting (on the same store). The server keeps no consumer for any of it.
func TestHub_NATSRecovery(t *testing.T) {
	t.Run("lost live notice", func(t *testing.T) {
		s := mustNATS(t)
		h, srv := mustNATSHub(t, s, relay.Config{NATSSweep: 200 * time.Millisecond})
		c := dial(t, srv, "swept")
		deliver(t, h, "swept", `{"n":0}`)
		nextIs(t, c, `{"n":0}`)
		eventually(t, "the opening read over", func() bool { return h.Loaded(box("swept")) })
		nc, err := nats.Connect(s.ClientURL())
		if err != nil {
			t.Fatal(err)
		}
		defer nc.Close()
		js, _ := jetstream.New(nc)
		// Stored as Deliver stores it, with no live notice after.
		if _, err := js.Publish(context.Background(), "bazaar.relay.mbox."+box("swept"), []byte(`{"mailbox":"","seq":0,"payload":{"n":1},"sent":1}`)); err != nil {
			t.Fatal(err)
		}
		begun := time.Now()
		nextIs(t, c, `{"n":1}`)
		if waited := time.Since(begun); waited < 100*time.Millisecond {
			t.Fatalf("swept after %s: younger than half the sweep interval, it should have been left to its live notice", waited)
		}
		eventually(t, "stream emptied", func() bool { return h.Pending() == 0 })
		info, err := js.Stream(context.Background(), "bazaar_relay")
		if err != nil {
			t.Fatal(err)
		}
		if n := info.CachedInfo().State.Consumers; n != 0 {
			t.Fatalf("the stream has %d consumers, want none", n)
		}
	})
	t.Run("stored while the relay's NATS link was down", func(t *testing.T) {
		s := mustNATS(t)
		nc, err := nats.Connect(s.ClientURL(), nats.MaxReconnects(-1), nats.ReconnectWait(500*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(nc.Close)
		a, srvA := mustHub(t, relay.Config{NATS: nc, NATSSweep: 400 * time.Millisecond})
		b, _ := mustNATSHub(t, s, relay.Config{})
		c := dial(t, srvA, "away")
		eventually(t, "the opening read over", func() bool { return a.Loaded(box("away")) })
		cid, err := nc.GetClientID()
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DisconnectClientByID(cid); err != nil {
			t.Fatal(err)
		}
		eventually(t, "relay A's link down", func() bool { return !nc.IsConnected() })
		deliver(t, b, "away", `{"n":"while away"}`) // its live notice finds no relay
		nextIs(t, c, `{"n":"while away"}`)
		eventually(t, "stream emptied", func() bool { return b.Pending() == 0 })
		deliver(t, b, "away", `{"n":"after"}`)
		nextIs(t, c, `{"n":"after"}`)
	})
	t.Run("server restarted", func(t *testing.T) {
		opts := &server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true}
		var s *server.Server
		start := func() {
			var err error
			if s, err = server.NewServer(opts); err != nil {
				t.Fatal(err)
			}
			go s.Start()
			if !s.ReadyForConnections(10 * time.Second) {
				t.Fatal("nats-server did not start")
			}
		}
		stop := func() { s.Shutdown(); s.WaitForShutdown() }
		start()
		t.Cleanup(func() { stop() }) // the server of the moment, after the hub and connection
		nc, err := nats.Connect(s.ClientURL(), nats.MaxReconnects(-1), nats.ReconnectWait(20*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(nc.Close)
		h, srv := mustHub(t, relay.Config{NATS: nc})
		c := dial(t, srv, "through")
		eventually(t, "connection", func() bool { return h.Connections() == 1 })
		deliver(t, h, "stored", `{"n":"kept"}`)

		opts.Port = s.Addr().(*net.TCPAddr).Port
		stop()
		start()
		eventually(t, "reconnected", nc.IsConnected)
		eventually(t, "delivery after the restart", func() bool {
			return h.Deliver(context.Background(), box("through"), []byte(`{"n":"after"}`)) == nil
		})
		nextIs(t, c, `{"n":"after"}`)
		nextIs(t, dial(t, srv, "stored"), `{"n":"kept"}`)
	})
}

// TestHub_NATSPrivacy runs a session across two relays and checks neither logs a client
// address, a mailbox id or a payload.
func TestHub_NATSPrivacy(t *testing.T) {
	s := mustNATS(t)
	var logs syncBuffer
	cfg := relay.Config{Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		QueueSize: 2, TTL: 300 * time.Millisecond, WriteTimeout: 100 * time.Millisecond}
	a, srvA := mustNATSHub(t, s, cfg)
	b, srvB := mustNATSHub(t, s, cfg)
	c := dial(t, srvB, "secret-mailbox")
	eventually(t, "connection", func() bool { return b.Connections() == 1 })
	deliver(t, a, "secret-mailbox", `{"deal":"x"}`)
	read(t, c)
	c.Close()
	dialAs(t, srvA, box("secret-mailbox"), bazaar.DemoMailboxKey("mallory")) // refused
	for range 20 {
		deliver(t, a, "secret-mailbox", fmt.Sprintf(`{"pad":"%s"}`, strings.Repeat("y", 32<<10)))
	}
	eventually(t, "expiry", func() bool { return a.Pending() == 0 })
	a.Stop(context.Background())
	out := logs.String()
	for _, leak := range []string{"127.0.0.1", box("secret-mailbox"), "deal", "yyyy"} {
		if strings.Contains(out, leak) {
			t.Fatalf("relay log carries %q:\n%s", leak, out)
		}
	}
}

// TestHub_NATSBadInput: what the in-memory relay refuses, a relay on NATS refuses too, and a
// refused client takes nothing from the stream.
func TestHub_NATSBadInput(t *testing.T) {
	s := mustNATS(t)
	cfg := relay.Config{MaxMessage: 512, AuthTimeout: 200 * time.Millisecond} // room for the auth frame
	a, srvA := mustNATSHub(t, s, cfg)
	_, srvB := mustNATSHub(t, s, cfg)
	deliver(t, a, "guarded", `{"secret":1}`)

	t.Run("oversized frame closes the connection", func(t *testing.T) {
		c := dial(t, srvA, "big")
		eventually(t, "mailbox open", func() bool { return a.Connections() == 1 })
		c.WriteMessage(websocket.TextMessage, bytes.Repeat([]byte("x"), 1024))
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, _, err := c.ReadMessage(); !websocket.IsCloseError(err, websocket.CloseMessageTooBig) {
			t.Fatalf("read after oversized frame: %v", err)
		}
		eventually(t, "connection released", func() bool { return a.Connections() == 0 })
	})
	t.Run("oversized auth frame", func(t *testing.T) {
		u := "ws" + strings.TrimPrefix(srvA.URL, "http") + "/relay?mailbox=" + box("guarded")
		c, _, err := websocket.DefaultDialer.Dial(u, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		var ch struct{ Nonce []byte }
		c.ReadJSON(&ch)
		c.WriteMessage(websocket.TextMessage, bytes.Repeat([]byte("x"), 1024))
		if _, msg, err := c.ReadMessage(); err == nil {
			t.Fatalf("got %s after an oversized auth frame", msg)
		}
	})
	t.Run("bad mailbox id", func(t *testing.T) {
		for _, id := range []string{"bad id!", "a.b", "a*", ">", strings.Repeat("x", 129), ""} {
			if err := a.Deliver(context.Background(), id, []byte(`{}`)); err == nil {
				t.Fatalf("Deliver accepted mailbox id %q", id)
			}
		}
		for _, id := range []string{strings.Repeat("x", 129), "a.b", "a*"} {
			resp, err := http.Get(srvB.URL + "/relay?mailbox=" + id)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("mailbox %q: status %d", id, resp.StatusCode)
			}
		}
	})
	t.Run("another agent's key", func(t *testing.T) {
		c, err := dialAs(t, srvB, box("guarded"), bazaar.DemoMailboxKey("mallory"))
		if err != nil {
			t.Fatal(err)
		}
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, msg, err := c.ReadMessage(); !websocket.IsCloseError(err, websocket.ClosePolicyViolation) {
			t.Fatalf("an unauthenticated client got %s, %v", msg, err)
		}
	})
	if a.Pending() != 1 {
		t.Fatalf("refused clients drained the stream: %d pending", a.Pending())
	}
	nextIs(t, dial(t, srvB, "guarded"), `{"secret":1}`)
}

// TestHub_NATSCoverTraffic: cover envelopes still flow, and never carry a sequence number of one
// of the mailbox's own envelopes, which a client dropping repeats would then lose.
func TestHub_NATSCoverTraffic(t *testing.T) {
	s := mustNATS(t)
	h, srv := mustNATSHub(t, s, relay.Config{CoverInterval: 5 * time.Millisecond})
	c := dial(t, srv, "covered")
	eventually(t, "connection", func() bool { return h.Connections() == 1 })
	deliver(t, h, "elsewhere", `{}`)
	real, cover, covers := map[uint64]bool{}, map[uint64]bool{}, 0
	for i := 0; len(real) < 5 || covers < 5; i++ {
		if i%4 == 0 && len(real) < 5 {
			deliver(t, h, "covered", `{"real":true}`)
		}
		e := read(t, c)
		if string(e.Payload) == `{"real":true}` {
			if real[e.Seq] {
				t.Fatalf("two envelopes with seq %d", e.Seq)
			}
			real[e.Seq] = true
		} else {
			cover[e.Seq] = true
			covers++
		}
		if i > 1000 {
			t.Fatalf("%d real and %d cover envelopes arrived, want 5 of each", len(real), covers)
		}
	}
	for seq := range cover {
		if real[seq] {
			t.Fatalf("a cover envelope took seq %d of a real one", seq)
		}
	}
}

// TestHub_DeliverKeyed: a repeat of an idempotency key for a mailbox is dropped — in memory, and
// across two relays sharing NATS — while another key, or the same key for another mailbox, is not.
func TestHub_DeliverKeyed(t *testing.T) {
	ctx := context.Background()
	check := func(t *testing.T, a, b *relay.Hub, srv *httptest.Server) {
		for _, h := range []*relay.Hub{a, b, a} {
			if err := h.DeliverKeyed(ctx, box("keyed"), "k1", []byte(`"first"`)); err != nil {
				t.Fatal(err)
			}
		}
		if err := b.DeliverKeyed(ctx, box("keyed"), "k2", []byte(`"second"`)); err != nil {
			t.Fatal(err)
		}
		if err := a.DeliverKeyed(ctx, box("keyed-other"), "k1", []byte(`"other"`)); err != nil {
			t.Fatal(err)
		}
		if err := a.DeliverKeyed(ctx, box("keyed"), "bad key!", []byte(`"x"`)); err == nil {
			t.Fatal("malformed key accepted")
		}
		c := dial(t, srv, "keyed")
		ps, _ := payloads(t, c, 2)
		if ps[0] != `"first"` || ps[1] != `"second"` {
			t.Fatalf("envelopes %v, want first then second once each", ps)
		}
		nextIs(t, dial(t, srv, "keyed-other"), `"other"`)
	}
	t.Run("in memory", func(t *testing.T) {
		h, srv := mustHub(t, relay.Config{})
		check(t, h, h, srv)
	})
	t.Run("two relays on NATS", func(t *testing.T) {
		s := mustNATS(t)
		a, srv := mustNATSHub(t, s, relay.Config{})
		b, _ := mustNATSHub(t, s, relay.Config{})
		check(t, a, b, srv)
	})
}

// TestHub_NATSManyMailboxes opens more mailboxes across two relays than a stock nats-server
// allows consumers on a stream (1,000), all at once, twice (the second time each on the other
// relay, as after a relay restart): every agent gets each envelope exactly once and the server
// holds no consumer.
func TestHub_NATSManyMailboxes(t *testing.T) {
	const n = 1200
	s := mustNATS(t)
	a, srvA := mustNATSHub(t, s, relay.Config{})
	b, srvB := mustNATSHub(t, s, relay.Config{})
	hubs, srvs := []*relay.Hub{a, b}, []*httptest.Server{srvA, srvB}
	name := func(i int) string { return fmt.Sprintf("many-%d", i) }
	for round := range 2 {
		conns := make([]*websocket.Conn, n)
		var wg sync.WaitGroup
		sem := make(chan struct{}, 64)
		errs := make(chan error, n)
		for i := range n {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				c, err := dialAs(t, srvs[(i+round)%2], box(name(i)), bazaar.DemoMailboxKey(name(i)))
				if err != nil {
					errs <- err
				}
				conns[i] = c
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		eventually(t, fmt.Sprintf("%d connections", n), func() bool { return a.Connections()+b.Connections() == n })
		for i := range n {
			deliver(t, hubs[i%2], name(i), fmt.Sprintf(`{"round":%d,"i":%d}`, round, i))
		}
		var mu sync.Mutex
		got := map[int]int{}
		for i, c := range conns {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c.SetReadDeadline(time.Now().Add(10 * time.Second))
				_, msg, err := c.ReadMessage()
				if err != nil {
					return
				}
				var e relay.Envelope
				json.Unmarshal(msg, &e)
				if string(e.Payload) == fmt.Sprintf(`{"round":%d,"i":%d}`, round, i) {
					mu.Lock()
					got[i]++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if len(got) != n {
			t.Fatalf("round %d: %d of %d agents got their envelope", round, len(got), n)
		}
		eventually(t, "stream emptied", func() bool { return a.Pending() == 0 })
		// Nothing else comes: a repeat would be the next message on some connection.
		for i, c := range conns {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
				if _, msg, err := c.ReadMessage(); err == nil {
					mu.Lock()
					got[i]++
					mu.Unlock()
					t.Errorf("round %d: agent %d got a second message %s", round, i, msg)
				}
				c.Close()
			}()
		}
		wg.Wait()
		eventually(t, "mailboxes closed", func() bool { return a.Connections()+b.Connections() == 0 })
	}
	nc, err := nats.Connect(s.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	st, err := js.Stream(context.Background(), "bazaar_relay")
	if err != nil {
		t.Fatal(err)
	}
	if c := st.CachedInfo().State.Consumers; c != 0 {
		t.Fatalf("the stream has %d consumers, want none", c)
	}
}

package relay_test

import (
	"crypto/ed25519"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/relay"
)

// dialAcking opens the mailbox of the test agent named name as a client that acknowledges
// what it reads.
func dialAcking(tb testing.TB, srv *httptest.Server, name string) *websocket.Conn {
	tb.Helper()
	mailbox, key := box(name), bazaar.DemoMailboxKey(name)
	u := "ws" + strings.TrimPrefix(srv.URL, "http") + "/relay?mailbox=" + mailbox
	c, _, err := websocket.DefaultDialer.Dial(u, nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { c.Close() })
	var ch struct{ Nonce []byte }
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if err := c.ReadJSON(&ch); err != nil {
		tb.Fatal(err)
	}
	pub := key.Public().(ed25519.PublicKey)
	if err := c.WriteJSON(map[string]any{"type": "auth", "pub": []byte(pub), "sig": ed25519.Sign(key, bazaar.MailboxChallenge(mailbox, ch.Nonce)), "acks": true}); err != nil {
		tb.Fatal(err)
	}
	return c
}

func ack(tb testing.TB, c *websocket.Conn, seq uint64) {
	tb.Helper()
	if err := c.WriteJSON(map[string]any{"type": "ack", "seq": seq}); err != nil {
		tb.Fatal(err)
	}
}

// closeAndWait closes c and waits until h no longer counts it.
func closeAndWait(tb testing.TB, h *relay.Hub, c *websocket.Conn, left int) {
	tb.Helper()
	c.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""))
	c.Close()
	eventually(tb, "connection gone", func() bool { return h.Connections() == left })
}

// TestHub_Acks: a client that acknowledges gets again, on its next connection, whatever it read
// and did not acknowledge (under the same seq); what it acknowledged is gone; an ack for a seq
// that is not its mailbox's changes nothing. In memory and over NATS (there across relays).
func TestHub_Acks(t *testing.T) {
	check := func(t *testing.T, a, b *relay.Hub, srvA, srvB *httptest.Server) {
		c := dialAcking(t, srvA, "acker")
		eventually(t, "open", func() bool { return a.Connections() == 1 })
		deliver(t, a, "acker", `{"n":1}`)
		first := read(t, c)
		if string(first.Payload) != `{"n":1}` {
			t.Fatalf("envelope %s", first.Payload)
		}
		closeAndWait(t, a, c, 0) // read, never acknowledged

		c = dialAcking(t, srvB, "acker")
		again := read(t, c)
		if string(again.Payload) != `{"n":1}` || again.Seq != first.Seq {
			t.Fatalf("after reconnecting: %s seq %d, want the unacknowledged one again under seq %d", again.Payload, again.Seq, first.Seq)
		}
		ack(t, c, again.Seq)
		deliver(t, a, "other", `{"theirs":true}`)
		ack(t, c, again.Seq+1) // not this mailbox's: the other's envelope stays
		eventually(t, "the ack taken", func() bool { return b.Pending() <= 1 })
		closeAndWait(t, b, c, 0)

		c = dialAcking(t, srvA, "acker")
		eventually(t, "open", func() bool { return a.Connections() == 1 })
		deliver(t, b, "acker", `{"n":2}`)
		nextIs(t, c, `{"n":2}`) // the acknowledged one is gone
		nextIs(t, dial(t, srvB, "other"), `{"theirs":true}`)
	}
	t.Run("in memory", func(t *testing.T) {
		h, srv := mustHub(t, relay.Config{})
		check(t, h, h, srv, srv)
	})
	t.Run("two relays on NATS", func(t *testing.T) {
		s := mustNATS(t)
		a, srvA := mustNATSHub(t, s, relay.Config{})
		b, srvB := mustNATSHub(t, s, relay.Config{})
		check(t, a, b, srvA, srvB)
	})
}

// TestHub_NATSAcksHandedOn: over NATS, an envelope written to one acknowledging connection
// is held for its ack, so a second connection of the mailbox that opened later does not get it
// too; when the first goes without acknowledging, the second gets it.
func TestHub_NATSAcksHandedOn(t *testing.T) {
	s := mustNATS(t)
	h, srv := mustNATSHub(t, s, relay.Config{})
	first := dialAcking(t, srv, "handed")
	eventually(t, "open", func() bool { return h.Connections() == 1 })
	deliver(t, h, "handed", `{"n":1}`)
	e := read(t, first)
	second := dialAcking(t, srv, "handed")
	eventually(t, "two open", func() bool { return h.Connections() == 2 })
	second.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	if _, msg, err := second.ReadMessage(); err == nil {
		t.Fatalf("the second connection got %s while the first held it", msg)
	}
	second.Close()
	eventually(t, "second gone", func() bool { return h.Connections() == 1 })
	second = dialAcking(t, srv, "handed")
	eventually(t, "two open", func() bool { return h.Connections() == 2 })
	closeAndWait(t, h, first, 1)
	got := read(t, second)
	if got.Seq != e.Seq || string(got.Payload) != `{"n":1}` {
		t.Fatalf("handed on: %s seq %d, want seq %d", got.Payload, got.Seq, e.Seq)
	}
	ack(t, second, got.Seq)
	eventually(t, "stream emptied", func() bool { return h.Pending() == 0 })
}

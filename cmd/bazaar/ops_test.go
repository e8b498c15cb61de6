package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
)

// scrape reads the ops listener's GET /metrics (Prometheus text format) into series → value,
// the series written as exposed: name{label="v",...}.
func scrape(tb testing.TB, n *Node) map[string]float64 {
	tb.Helper()
	resp, err := http.Get(n.OpsURL() + "/metrics")
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("GET /metrics: %s", resp.Status)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			tb.Fatalf("metrics line %q: %v", line, err)
		}
		out[line[:i]] = v
	}
	return out
}

// eventually polls cond until it holds; the deadline only keeps a broken test from hanging.
func eventually(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			tb.Fatalf("gave up waiting: %s", what)
		}
	}
}

// mustMailbox opens a demo agent's mailbox at the node's relay (the challenge signed with its
// key, as MailboxListen does) and waits until the relay counts the connection.
func mustMailbox(tb testing.TB, n *Node, name string) *websocket.Conn {
	tb.Helper()
	key := bazaar.DemoMailboxKey(name)
	pub := key.Public().(ed25519.PublicKey)
	mailbox := bazaar.MailboxID(pub)
	u, err := relayURL(n.URL(), mailbox)
	if err != nil {
		tb.Fatal(err)
	}
	before := n.hub.Connections()
	ws, _, err := websocket.DefaultDialer.Dial(u, nil)
	if err != nil {
		tb.Fatal(err)
	}
	var ch struct {
		Type  string `json:"type"`
		Nonce []byte `json:"nonce"`
	}
	if err := ws.ReadJSON(&ch); err != nil || ch.Type != "challenge" {
		tb.Fatalf("relay challenge: %v %+v", err, ch)
	}
	sig := ed25519.Sign(key, bazaar.MailboxChallenge(mailbox, ch.Nonce))
	if err := ws.WriteJSON(map[string]any{"type": "auth", "pub": []byte(pub), "sig": sig}); err != nil {
		tb.Fatal(err)
	}
	eventually(tb, "the relay counts the mailbox connection", func() bool { return n.hub.Connections() > before })
	return ws
}

func TestOps_Metrics(t *testing.T) {
	ctx := context.Background()
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", SeedDemo: true, OpsListen: "127.0.0.1:0"})
	defer n.Stop(ctx)
	ws := mustMailbox(t, n, "demo-q1-high-l3")
	defer ws.Close()

	res, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	// The matcher follows the chain on its own, and the gas of a mined transaction is looked
	// up after its receipt: wait for both.
	var m map[string]float64
	eventually(t, "the deal matched and the post's gas counted", func() bool {
		m = scrape(t, n)
		return m["bazaar_match_latency_seconds_count"] >= 1 && m[`bazaar_relayer_gas_used_total{method="DealRegistry.post"}`] > 0
	})

	t.Run("match latency", func(t *testing.T) {
		if got := m["bazaar_match_latency_seconds_count"]; got != 1 {
			t.Errorf("match latency count = %v, want 1 (one deal matched)", got)
		}
		if got := m["bazaar_match_latency_seconds_sum"]; got <= 0 {
			t.Errorf("match latency sum = %v, want > 0", got)
		}
		if got := m[`bazaar_match_latency_seconds_bucket{le="+Inf"}`]; got != 1 {
			t.Errorf("match latency +Inf bucket = %v, want 1", got)
		}
	})
	t.Run("http requests", func(t *testing.T) {
		for series, want := range map[string]float64{
			`bazaar_http_requests_total{code="201",route="POST /deals"}`:       1,
			`bazaar_http_requests_total{code="200",route="POST /eip712/deal"}`: 1,
			`bazaar_http_requests_total{code="101",route="GET /relay"}`:        1,
			`bazaar_http_request_duration_seconds_count{route="POST /deals"}`:  1,
		} {
			if got := m[series]; got != want {
				t.Errorf("%s = %v, want %v", series, got, want)
			}
		}
	})
	t.Run("relay", func(t *testing.T) {
		if got := m["bazaar_relay_connections"]; got != 1 {
			t.Errorf("relay connections = %v, want 1", got)
		}
		// Matched agents other than the one connected have their notification stored.
		if got, ok := m["bazaar_relay_pending_envelopes"]; !ok || got < 1 {
			t.Errorf("relay pending envelopes = %v (present %v), want ≥ 1", got, ok)
		}
	})
	t.Run("gas", func(t *testing.T) {
		if got := m[`bazaar_relayer_transactions_total{method="DealRegistry.post"}`]; got != 1 {
			t.Errorf("DealRegistry.post transactions = %v, want 1", got)
		}
		if got := m[`bazaar_relayer_transactions_total{method="deploy"}`]; got < 1 {
			t.Errorf("deploy transactions = %v, want ≥ 1", got)
		}
		post := m[`bazaar_relayer_gas_used_total{method="DealRegistry.post"}`]
		if post < 21000 || post > 30e6 {
			t.Errorf("gas used by the post = %v, want between 21000 and a block's 30M", post)
		}
		if got := m["bazaar_relayer_gas_spent_wei_total"]; got <= 0 {
			t.Errorf("gas spent = %v wei, want > 0", got)
		}
		rcpt, err := n.client.TransactionReceipt(ctx, common32(res.TxHash))
		if err != nil {
			t.Fatal(err)
		}
		if float64(rcpt.GasUsed) != post {
			t.Errorf("gas used by the post = %v, its receipt says %d", post, rcpt.GasUsed)
		}
	})
	t.Run("chain", func(t *testing.T) {
		head, indexed := m["bazaar_chain_head_block"], m["bazaar_index_block"]
		if m["bazaar_chain_up"] != 1 || head < 1 || indexed < 1 || indexed > head {
			t.Errorf("chain up %v, head %v, indexed %v", m["bazaar_chain_up"], head, indexed)
		}
		if got := m["bazaar_index_lag_blocks"]; got < 0 || got > readyLag {
			t.Errorf("index lag = %v blocks", got)
		}
		if rcpt, err := n.client.TransactionReceipt(ctx, common32(res.TxHash)); err == nil && indexed < float64(rcpt.BlockNumber.Uint64()) {
			t.Errorf("index block %v is before the post's block %d, which the post waited for", indexed, rcpt.BlockNumber)
		}
	})
	t.Run("settlement", func(t *testing.T) {
		for _, s := range []string{"bazaar_settlement_payments_pending", "bazaar_settlement_batches_posted_total"} {
			if got, ok := m[s]; !ok || got != 0 {
				t.Errorf("%s = %v (present %v), want 0: no payment yet", s, got, ok)
			}
		}
	})
	t.Run("no client, agent or vendor in labels", func(t *testing.T) {
		mailbox := bazaar.MailboxID(bazaar.DemoMailboxKey("demo-q1-high-l3").Public().(ed25519.PublicKey))
		for series := range m {
			for _, bad := range []string{"127.0.0.1", mailbox, chain.KeyAddress(chain.DevVendorKey).Hex(), res.DealID} {
				if strings.Contains(strings.ToLower(series), strings.ToLower(bad)) {
					t.Errorf("series %s names %s", series, bad)
				}
			}
		}
	})
	t.Run("not on the public API", func(t *testing.T) {
		resp, err := http.Get(n.URL() + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if bytes.Contains(b, []byte("bazaar_http_requests_total")) {
			t.Errorf("public GET /metrics serves the node's Prometheus metrics")
		}
		var vm bazaar.VendorMetrics
		if code := getJSON(t, n.URL()+"/metrics/"+chain.KeyAddress(chain.DevVendorKey).Hex(), &vm); code != http.StatusOK {
			t.Errorf("GET /metrics/{vendor} = %d", code)
		}
	})
}

func TestReady_Readyz(t *testing.T) {
	ctx := context.Background()
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", SeedDemo: true, OpsListen: "127.0.0.1:0"})
	defer n.Stop(ctx)
	for _, base := range []string{n.URL(), n.OpsURL()} {
		var rd Readiness
		if code := getJSON(t, base+"/readyz", &rd); code != http.StatusOK || !rd.Ready {
			t.Fatalf("%s/readyz = %d %+v on a started node", base, code, rd)
		}
		for _, check := range []string{"chain", "index", "matcher"} {
			if rd.Checks[check] != "ok" {
				t.Errorf("%s/readyz check %s = %q", base, check, rd.Checks[check])
			}
		}
		if code := getJSON(t, base+"/healthz", nil); code != http.StatusOK {
			t.Errorf("%s/healthz = %d", base, code)
		}
	}

	// Draining: readiness fails first, with the reason, while the listeners still answer.
	n.draining.Store(true)
	for _, base := range []string{n.URL(), n.OpsURL()} {
		var rd Readiness
		if code := getJSON(t, base+"/readyz", &rd); code != http.StatusServiceUnavailable || rd.Ready || rd.Checks["draining"] == "" {
			t.Errorf("%s/readyz while draining = %d %+v, want 503 naming the drain", base, code, rd)
		}
		if code := getJSON(t, base+"/healthz", nil); code != http.StatusOK {
			t.Errorf("%s/healthz while draining = %d: liveness does not depend on readiness", base, code)
		}
	}
}

// TestReady_ChainDown: a node whose chain stops answering is not ready, and says why.
func TestReady_ChainDown(t *testing.T) {
	ctx := context.Background()
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", SeedDemo: true, OpsListen: "127.0.0.1:0"})
	defer n.Stop(ctx)
	n.client.Close() // every chain call fails from now on
	var rd Readiness
	if code := getJSON(t, n.OpsURL()+"/readyz", &rd); code != http.StatusServiceUnavailable || rd.Ready {
		t.Fatalf("/readyz with the chain down = %d %+v, want 503", code, rd)
	}
	if rd.Checks["chain"] == "ok" || rd.Checks["chain"] == "" || rd.Checks["index"] == "ok" || rd.Checks["matcher"] == "ok" {
		t.Errorf("checks with the chain down: %+v", rd.Checks)
	}
	if strings.Contains(fmt.Sprint(rd.Checks), n.RPCURL()) {
		t.Errorf("readiness names the RPC URL: %+v", rd.Checks)
	}
	if m := scrape(t, n); m["bazaar_chain_up"] != 0 {
		t.Errorf("bazaar_chain_up = %v with the chain down", m["bazaar_chain_up"])
	}
}

// TestDrain_Stop: Stop (what SIGTERM runs) fails readiness, stops accepting connections, lets a
// request in flight finish, then closes websockets with 1001 going away.
func TestDrain_Stop(t *testing.T) {
	ctx := context.Background()
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", SeedDemo: true, OpsListen: "127.0.0.1:0"})
	stopped := false
	defer func() {
		if !stopped {
			n.Stop(ctx)
		}
	}()
	ws := mustMailbox(t, n, "demo-q1-high-l3")
	defer ws.Close()

	// A request in flight: its headers sent and the handler reading its body (the server's
	// 100 Continue says so), the body held back until the drain has begun.
	body, err := json.Marshal(map[string]any{"document": exampleDeal(t)})
	if err != nil {
		t.Fatal(err)
	}
	addr := n.ln.Addr().String()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /eip712/deal HTTP/1.1\r\nHost: bazaar\r\nContent-Type: application/json\r\nContent-Length: %d\r\nExpect: 100-continue\r\n\r\n", len(body))
	br := bufio.NewReader(conn)
	cont, err := http.ReadResponse(br, nil)
	if err != nil || cont.StatusCode != http.StatusContinue {
		t.Fatalf("want 100 Continue: %v %v", cont, err)
	}

	done := make(chan error, 1)
	go func() { done <- n.Stop(ctx) }()
	stopped = true

	var rd Readiness
	eventually(t, "readiness fails", func() bool {
		return getJSON(t, n.OpsURL()+"/readyz", &rd) == http.StatusServiceUnavailable
	})
	if rd.Ready || rd.Checks["draining"] == "" {
		t.Errorf("readiness while draining: %+v", rd)
	}
	eventually(t, "the API stops accepting connections", func() bool {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
		}
		return err != nil
	})
	select {
	case err := <-done:
		t.Fatalf("Stop returned (%v) with a request in flight", err)
	default:
	}

	if _, err := conn.Write(body); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("the request in flight got no answer: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Contains(b, []byte(`"primaryType"`)) {
		t.Errorf("request in flight: %s %s", resp.Status, b)
	}

	ws.SetReadDeadline(time.Now().Add(30 * time.Second)) // a broken drain fails instead of hanging
	for {
		_, _, err := ws.ReadMessage()
		if err == nil {
			continue // cover traffic
		}
		var ce *websocket.CloseError
		if !errors.As(err, &ce) || ce.Code != websocket.CloseGoingAway {
			t.Errorf("websocket ended with %v, want a close frame 1001 going away", err)
		}
		break
	}
	if err := <-done; err != nil {
		t.Errorf("Stop: %v", err)
	}
}

func TestEnv_Flags(t *testing.T) {
	define := func() (*flag.FlagSet, *string, *string, *bool, *uint64, *time.Duration, *listFlag) {
		fs := flag.NewFlagSet("node", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		var peers listFlag
		fs.Var(&peers, "peer", "IPFS peer")
		return fs, fs.String("http", "127.0.0.1:8080", "API"), fs.String("ops-listen", "", "ops"), fs.Bool("mirror", false, "mirror"),
			fs.Uint64("confirmations", 0, "confirmations"), fs.Duration("drain-delay", 0, "delay"), &peers
	}
	env := func(m map[string]string) func(string) (string, bool) {
		return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
	}
	all := map[string]string{"BAZAAR_HTTP": "0.0.0.0:80", "BAZAAR_OPS_LISTEN": "127.0.0.1:9090", "BAZAAR_MIRROR": "true",
		"BAZAAR_CONFIRMATIONS": "3", "BAZAAR_DRAIN_DELAY": "5s", "BAZAAR_PEER": "/ip4/1.2.3.4/tcp/1,/ip4/1.2.3.4/tcp/2"}

	t.Run("environment only", func(t *testing.T) {
		fs, httpAddr, ops, mirror, conf, delay, peers := define()
		if err := envFlags(fs, "BAZAAR_", env(all)); err != nil {
			t.Fatal(err)
		}
		if err := fs.Parse(nil); err != nil {
			t.Fatal(err)
		}
		if *httpAddr != "0.0.0.0:80" || *ops != "127.0.0.1:9090" || !*mirror || *conf != 3 || *delay != 5*time.Second ||
			!slices.Equal(*peers, listFlag{"/ip4/1.2.3.4/tcp/1", "/ip4/1.2.3.4/tcp/2"}) {
			t.Errorf("from the environment: http %q ops %q mirror %v confirmations %d delay %v peers %v", *httpAddr, *ops, *mirror, *conf, *delay, *peers)
		}
	})
	t.Run("flags win", func(t *testing.T) {
		fs, httpAddr, ops, mirror, conf, _, peers := define()
		if err := envFlags(fs, "BAZAAR_", env(all)); err != nil {
			t.Fatal(err)
		}
		if err := fs.Parse([]string{"--http", "127.0.0.1:0", "--mirror=false", "--peer", "/ip4/5.6.7.8/tcp/1", "--peer", "/ip4/5.6.7.8/tcp/2"}); err != nil {
			t.Fatal(err)
		}
		if *httpAddr != "127.0.0.1:0" || *mirror || *ops != "127.0.0.1:9090" || *conf != 3 {
			t.Errorf("http %q mirror %v ops %q confirmations %d", *httpAddr, *mirror, *ops, *conf)
		}
		if !slices.Equal(*peers, listFlag{"/ip4/5.6.7.8/tcp/1", "/ip4/5.6.7.8/tcp/2"}) {
			t.Errorf("peers %v: the command line's should replace the environment's", *peers)
		}
	})
	t.Run("defaults without environment", func(t *testing.T) {
		fs, httpAddr, ops, _, _, _, peers := define()
		if err := envFlags(fs, "BAZAAR_", env(nil)); err != nil {
			t.Fatal(err)
		}
		if err := fs.Parse(nil); err != nil {
			t.Fatal(err)
		}
		if *httpAddr != "127.0.0.1:8080" || *ops != "" || len(*peers) != 0 {
			t.Errorf("http %q ops %q peers %v", *httpAddr, *ops, *peers)
		}
	})
	t.Run("bad value names the variable", func(t *testing.T) {
		fs, _, _, _, _, _, _ := define()
		err := envFlags(fs, "BAZAAR_", env(map[string]string{"BAZAAR_CONFIRMATIONS": "many"}))
		if err == nil || !strings.Contains(err.Error(), "BAZAAR_CONFIRMATIONS") {
			t.Errorf("err = %v, want one naming BAZAAR_CONFIRMATIONS", err)
		}
	})
	t.Run("help shows the variables", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"node", "-h"}, &stdout, &stderr); !errors.Is(err, flag.ErrHelp) {
			t.Fatalf("node -h: %v", err)
		}
		for _, want := range []string{"BAZAAR_HTTP", "BAZAAR_OPS_LISTEN", "BAZAAR_RPC]", "BAZAAR_RPC_LISTEN", "BAZAAR_P2P_LISTEN", "-ops-listen", "a flag on the command line wins"} {
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("node -h does not mention %s:\n%s", want, stderr.String())
			}
		}
	})
	t.Run("bazaar node reads it", func(t *testing.T) {
		t.Setenv("BAZAAR_MATCHER", "elsewhere")
		err := run(context.Background(), []string{"node", "--rpc", "http://127.0.0.1:1"}, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), `"elsewhere"`) {
			t.Errorf("err = %v, want --matcher refused from BAZAAR_MATCHER", err)
		}
	})
}

// lockedBuffer collects a node's log output from many goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestLog_NoClientAddress runs a node with debug logs, makes requests (good ones, malformed
// ones, a refused websocket, a post that notifies agents) and checks no log line carries a
// client's address or an agent's mailbox.
func TestLog_NoClientAddress(t *testing.T) {
	ctx := context.Background()
	var logs lockedBuffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", SeedDemo: true, OpsListen: "127.0.0.1:0", Logger: logger})
	stopped := false
	defer func() {
		if !stopped {
			n.Stop(ctx)
		}
	}()

	var mu sync.Mutex
	var clients []string // the clients' own addresses, 127.0.0.1:<port>
	note := func(c net.Conn) {
		mu.Lock()
		clients = append(clients, c.LocalAddr().String())
		mu.Unlock()
	}
	hc := &http.Client{Transport: &http.Transport{DisableKeepAlives: true,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			if err == nil {
				note(c)
			}
			return c, err
		}}}
	do := func(method, url, body string) int {
		req, err := http.NewRequest(method, url, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("X-Forwarded-For", "203.0.113.7")
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, r := range []struct {
		method, path, body string
		want               int
	}{
		{"GET", "/deals?category=coffee", "", 200},
		{"GET", "/deals/0xnothex", "", 400},
		{"POST", "/deals", `{"document": {`, 400},
		{"POST", "/deals", `{"document": {}, "signature": "0x00", "extra": 1}`, 400},
		{"POST", "/signals", `{"sealed": "bm90IHNlYWxlZA=="}`, 400},
		{"GET", "/relay?mailbox=not%20a%20mailbox", "", 400},
		{"GET", "/relay?mailbox=abc", "", 400}, // no websocket upgrade
		{"GET", "/readyz", "", 200},
		{"DELETE", "/info", "", 405},
	} {
		if got := do(r.method, n.URL()+r.path, r.body); got != r.want {
			t.Errorf("%s %s = %d, want %d", r.method, r.path, got, r.want)
		}
	}
	do("GET", n.OpsURL()+"/metrics", "")

	// Malformed HTTP straight on the socket.
	for _, raw := range []string{"BREW /pot HTCPCP/1.0\r\n\r\n", "GET /deals HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", "\x16\x03\x01\x00\x05hello\r\n\r\n"} {
		c, err := net.Dial("tcp", n.ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		note(c)
		c.Write([]byte(raw))
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		io.Copy(io.Discard, c)
		c.Close()
	}

	// A websocket whose challenge answer is wrong: refused with 1008.
	mailbox := bazaar.MailboxID(bazaar.DemoMailboxKey("demo-q1-high-l3").Public().(ed25519.PublicKey))
	u, _ := relayURL(n.URL(), mailbox)
	ws, _, err := websocket.DefaultDialer.Dial(u, nil)
	if err != nil {
		t.Fatal(err)
	}
	note(ws.NetConn())
	ws.ReadMessage()
	ws.WriteJSON(map[string]any{"type": "auth", "pub": make([]byte, 32), "sig": make([]byte, 64)})
	if _, _, err := ws.ReadMessage(); !websocket.IsCloseError(err, websocket.ClosePolicyViolation) {
		t.Errorf("bad mailbox auth: %v, want close 1008", err)
	}
	ws.Close()

	// A post that the matcher matches and notifies agents of.
	if _, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t)); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the deal matched", func() bool { return strings.Contains(logs.String(), `msg="deal matched"`) })
	if err := n.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	stopped = true

	out := logs.String()
	if !strings.Contains(out, `route="GET /deals"`) || !strings.Contains(out, "relay refused a mailbox opening") {
		t.Fatalf("the access log and relay lines are missing: is the logger wired?\n%s", out)
	}
	if len(clients) < 10 {
		t.Fatalf("only %d client addresses noted", len(clients))
	}
	for _, a := range clients {
		if !strings.HasPrefix(a, "127.0.0.1:") {
			t.Fatalf("client address %q", a)
		}
		if regexp.MustCompile(regexp.QuoteMeta(a) + `\b`).MatchString(out) {
			t.Errorf("the log names client address %s", a)
		}
	}
	for _, bad := range []string{"203.0.113.7", mailbox, "demo-q1-high-l3", "not a mailbox"} {
		if strings.Contains(out, bad) {
			t.Errorf("the log contains %q", bad)
		}
	}
}

// TestLog_ScrubWriter: net/http's own error lines (a panic or TLS handshake error names the
// client's address) reach the log with the address replaced.
func TestLog_ScrubWriter(t *testing.T) {
	var logs lockedBuffer
	l := serverErrorLog(slog.New(slog.NewTextHandler(&logs, nil)))
	l.Printf("http: panic serving 127.0.0.1:54321: boom")
	l.Printf("http: TLS handshake error from [2001:db8::7]:443: EOF")
	out := logs.String()
	if strings.Contains(out, "54321") || strings.Contains(out, "2001:db8") || strings.Count(out, "[addr]") != 2 {
		t.Errorf("scrubbed log: %s", out)
	}
}

package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/gorilla/websocket"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
)

// notifyAgentsEnv, set in a process's environment, makes `bazaar bench notify` the agents' side
// of the notify suite: it is how the suite starts its agents in a process of their own.
const notifyAgentsEnv = "BAZAAR_BENCH_NOTIFY_AGENTS"

// Notify bench budgets. None is a pass mark: they only keep a lost notification or a stuck
// agent from hanging the bench.
const (
	notifyDialBudget    = 3 * time.Minute  // connecting and authenticating every agent
	notifyConnectWait   = 30 * time.Second // for the relay to count them all once they answered
	notifyDeliverBudget = 30 * time.Second // from the post to every agent holding its notification
	notifySettle        = 250 * time.Millisecond
	notifyDialers       = 64 // concurrent websocket handshakes
)

// benchNotify measures notification fan-out: a deal matching N = 10,000 signals (o.n to change
// it) is posted while every signal's agent holds its mailbox open on the node's relay, and each
// agent's latency runs from the moment the DealPosted event reaches a log subscription on the
// node's chain client (pushed when the block is inserted, before the matcher's watcher sees it)
// to the moment its notification is read off the websocket and opens under its key. t0 is not
// the post's return: the post waits for the browse index, by which time the matcher, following
// the chain on its own, is already delivering.
//
// The agents run in a second process (this binary again, with notifyAgentsEnv set), as they would
// on other machines: each side then needs one descriptor per connection, not two in one process
// (on a host whose hard limit is 20,000 a single process cannot hold both ends of 10,000
// sockets), and the node's heap figure holds no client buffers.
func benchNotify(ctx context.Context, o benchOpts) ([]BenchResult, error) {
	if os.Getenv(notifyAgentsEnv) != "" {
		return nil, runNotifyAgents(ctx, os.Stdin, os.Stdout)
	}
	if o.n <= 0 {
		o.n = 10_000
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("find this binary to start the agents: %w", err)
	}
	run, err := runNotifyBench(ctx, o.n, o.acks, exec.Command(exe, "bench", "notify"))
	return run.results, err
}

// notifyRun is what one notify bench saw: the results and, per agent, what reached it.
type notifyRun struct {
	results []BenchResult
	dealID  string
	agents  []notifyAgentResult
}

// notifyAgentResult is what one agent received after the deal was posted.
type notifyAgentResult struct {
	At    int64  `json:"at"`    // unix ns its first real notification was read; 0: none
	Sent  int64  `json:"sent"`  // unix ms the relay took that notification (the envelope's "sent")
	Real  int    `json:"real"`  // envelopes that opened under its notification key
	Deal  string `json:"deal"`  // the first one's dealId
	Cover int    `json:"cover"` // envelopes that did not (cover traffic)
}

// notifyMsg is one JSON line between the bench and its agents' process. The bench sends
// "config", then "go" just before it posts, then "close"; the agents answer "connected" once
// every agent answered its challenge, "delivered" once every agent holds a notification (or the
// budget ran out), then "results" after closing their connections; "error" ends the run.
type notifyMsg struct {
	Kind    string              `json:"kind"`
	URL     string              `json:"url,omitempty"`
	Agents  int                 `json:"agents,omitempty"`
	Prefix  string              `json:"prefix,omitempty"`  // agent i is named Prefix+i
	Acks    bool                `json:"acks,omitempty"`    // config: agents acknowledge each envelope, as the CLI and the web inbox do
	Budget  time.Duration       `json:"budget,omitempty"`  // go: how long to wait for the notifications
	Count   int                 `json:"count,omitempty"`   // connected, delivered
	Results []notifyAgentResult `json:"results,omitempty"` // by agent index
	Error   string              `json:"error,omitempty"`
}

// notifyAgentKeys derives an agent's mailbox key, mailbox id and notification key from its name,
// as the demo agents' are (development only: anyone can derive them).
func notifyAgentKeys(name string) (ed25519.PrivateKey, string, []byte) {
	k := bazaar.DemoMailboxKey(name)
	return k, bazaar.MailboxID(k.Public().(ed25519.PublicKey)), bazaar.DemoNotifyKey(name)
}

// runNotifyBench runs the notify suite with agents signals and their agents in the process
// agentsCmd starts (its environment gains notifyAgentsEnv; its stdin and stdout carry the
// protocol of notifyMsg). A notification missing when the budget runs out is an error that says
// how many agents went without; the run is returned with it.
func runNotifyBench(ctx context.Context, agents int, acks bool, agentsCmd *exec.Cmd) (run notifyRun, err error) {
	n, done, err := benchNode(ctx)
	if err != nil {
		return run, err
	}
	defer done()
	// One descriptor per agent connection, besides what the node holds already.
	if err := raiseNoFile(openFiles() + agents + 256); err != nil {
		return run, err
	}

	// Signals that all match the deal, each with its own mailbox and notification key.
	d := benchDeal(chain.KeyAddress(chain.DevVendorKey))
	const prefix = "bench-"
	areas := d.Areas()
	now := time.Now()
	for i := range agents {
		_, box, key := notifyAgentKeys(prefix + strconv.Itoa(i))
		s := bazaar.Signal{EphemeralID: prefix + strconv.Itoa(i), LTVTier: "high", LoyaltyLevel: 5,
			Area: areas[i%len(areas)], Categories: []string{d.Service.Category}, Mailbox: box, NotifyKey: key,
			ExpiresAt: now.Add(time.Hour).UnixMilli()}
		if !s.Matches(d) {
			return run, fmt.Errorf("bench signal %d does not match the bench deal", i)
		}
		if err := n.engine.AddSignal(s); err != nil {
			return run, fmt.Errorf("bench signal %d: %w", i, err)
		}
	}

	p, err := startNotifyAgents(agentsCmd)
	if err != nil {
		return run, err
	}
	defer p.stop()
	if err := p.send(notifyMsg{Kind: "config", URL: n.URL(), Agents: agents, Prefix: prefix, Acks: acks}); err != nil {
		return run, err
	}
	if _, err := p.expect(ctx, "connected", notifyDialBudget+30*time.Second); err != nil {
		return run, err
	}
	if err := waitConnections(ctx, n, agents); err != nil {
		return run, err
	}

	// t0: the DealPosted log, pushed to this subscription as its block is inserted.
	logs := make(chan types.Log, 64)
	sub, err := n.client.SubscribeFilterLogs(ctx, ethereum.FilterQuery{Addresses: []common.Address{n.deployment.DealRegistry}}, logs)
	if err != nil {
		return run, fmt.Errorf("subscribe to registry logs: %w", err)
	}
	defer sub.Unsubscribe()
	type posted struct {
		id common.Hash
		at time.Time
	}
	events := make(chan posted, 1)
	stopLogs := make(chan struct{})
	defer close(stopLogs)
	go func() {
		for {
			select {
			case <-stopLogs:
				return
			case l := <-logs:
				at := time.Now()
				if ev, ok, _ := chain.DecodeEvent(l); ok && ev.Kind == chain.DealPosted && !ev.Removed {
					events <- posted{ev.DealID, at}
					return
				}
			}
		}
	}()
	if err := p.send(notifyMsg{Kind: "go", Budget: notifyDeliverBudget}); err != nil {
		return run, err
	}
	res, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, d)
	if err != nil {
		return run, fmt.Errorf("post the bench deal: %w", err)
	}
	run.dealID = res.DealID
	var t0 time.Time
	select {
	case ev := <-events:
		if !strings.EqualFold(ev.id.Hex(), res.DealID) {
			return run, fmt.Errorf("DealPosted for %s, posted %s", ev.id.Hex(), res.DealID)
		}
		t0 = ev.at
	case err := <-sub.Err():
		return run, fmt.Errorf("registry log subscription: %w", err)
	case <-time.After(10 * time.Second):
		return run, errors.New("no DealPosted log within 10s of the post")
	case <-ctx.Done():
		return run, ctx.Err()
	}

	m, err := p.expect(ctx, "delivered", notifyDeliverBudget+time.Minute)
	if err != nil {
		return run, err
	}
	// The node's memory with every agent connected and holding its notification.
	var mem runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&mem)
	if err := p.send(notifyMsg{Kind: "close"}); err != nil {
		return run, err
	}
	m, err = p.expect(ctx, "results", time.Minute)
	if err != nil {
		return run, err
	}
	if len(m.Results) != agents {
		return run, fmt.Errorf("agents reported %d results, want %d", len(m.Results), agents)
	}
	run.agents = m.Results

	lat := make([]time.Duration, 0, agents)
	var toRelay, wire []time.Duration // the post to the relay taking it; the relay to the agent
	exact := true
	for _, a := range run.agents {
		if a.Real != 1 || !strings.EqualFold(a.Deal, res.DealID) {
			exact = false
		}
		if a.At != 0 {
			lat = append(lat, time.Unix(0, a.At).Sub(t0))
			sent := time.UnixMilli(a.Sent)
			toRelay = append(toRelay, sent.Sub(t0))
			wire = append(wire, time.Unix(0, a.At).Sub(sent))
		}
	}
	slices.Sort(lat)
	slices.Sort(toRelay)
	slices.Sort(wire)
	all := 0.0
	if exact {
		all = 1
	}
	run.results = []BenchResult{
		{"notify_agents", float64(agents), "agents"},
		{"notify_p50_ms", ms(percentile(lat, .5)), "ms"},
		{"notify_p99_ms", ms(percentile(lat, .99)), "ms"},
		{"notify_max_ms", ms(percentile(lat, 1)), "ms"},
		{"notify_to_relay_p50_ms", ms(percentile(toRelay, .5)), "ms (DealPosted log to the relay taking the notification: index, match, seal; ms resolution)"},
		{"notify_to_relay_p99_ms", ms(percentile(toRelay, .99)), "ms"},
		{"notify_relay_to_agent_p50_ms", ms(percentile(wire, .5)), "ms (the relay taking it to the agent reading and opening it; ms resolution)"},
		{"notify_relay_to_agent_p99_ms", ms(percentile(wire, .99)), "ms"},
		{"notify_all_delivered", all, "bool"},
		{"notify_node_heap_mib", float64(mem.HeapAlloc) / (1 << 20), "MiB"},
		{"notify_node_stack_mib", float64(mem.StackInuse) / (1 << 20), "MiB"},
	}
	if missing := agents - len(lat); missing > 0 {
		return run, fmt.Errorf("%d of %d agents got no notification within %s of the post", missing, agents, notifyDeliverBudget)
	}
	return run, nil
}

// waitConnections waits until the relay counts want open mailboxes.
func waitConnections(ctx context.Context, n *Node, want int) error {
	deadline := time.Now().Add(notifyConnectWait)
	for {
		got := n.hub.Connections()
		if got == want {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("relay has %d of %d agents connected after %s", got, want, notifyConnectWait)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// notifyAgents is the bench's handle on its agents' process.
type notifyAgents struct {
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	msgs    chan notifyMsg // closed at the process's EOF
	stderr  bytes.Buffer
	exited  chan struct{} // closed once the process has been waited for; then waitErr is set
	waitErr error
}

func startNotifyAgents(cmd *exec.Cmd) (*notifyAgents, error) {
	p := &notifyAgents{cmd: cmd, msgs: make(chan notifyMsg, 4), exited: make(chan struct{})}
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, notifyAgentsEnv+"=1")
	cmd.Stderr = &p.stderr
	var err error
	if p.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the agents' process: %w", err)
	}
	// Reads until the process's stdout closes; lines that are not JSON objects (a test binary's
	// own output) are skipped.
	go func() {
		defer close(p.msgs)
		r := bufio.NewReader(out)
		for {
			line, err := r.ReadBytes('\n')
			if len(line) > 0 && line[0] == '{' {
				var m notifyMsg
				if json.Unmarshal(line, &m) == nil {
					p.msgs <- m
				}
			}
			if err != nil {
				p.waitErr = cmd.Wait()
				close(p.exited)
				return
			}
		}
	}()
	return p, nil
}

func (p *notifyAgents) send(m notifyMsg) error {
	b, _ := json.Marshal(m)
	if _, err := p.stdin.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("agents' process: %w", err)
	}
	return nil
}

// expect waits up to budget for the agents' next message and requires it to be kind.
func (p *notifyAgents) expect(ctx context.Context, kind string, budget time.Duration) (notifyMsg, error) {
	t := time.NewTimer(budget)
	defer t.Stop()
	select {
	case m, ok := <-p.msgs:
		switch {
		case !ok:
			<-p.exited
			return m, fmt.Errorf("agents' process ended before %q (%v): %s", kind, p.waitErr, bytes.TrimSpace(p.stderr.Bytes()))
		case m.Kind == "error":
			return m, fmt.Errorf("agents: %s", m.Error)
		case m.Kind != kind:
			return m, fmt.Errorf("agents sent %q, want %q", m.Kind, kind)
		}
		return m, nil
	case <-t.C:
		return notifyMsg{}, fmt.Errorf("no %q from the agents within %s", kind, budget)
	case <-ctx.Done():
		return notifyMsg{}, ctx.Err()
	}
}

// stop ends the agents' process: closing stdin asks it to close its connections and exit; it is
// killed if it has not within 10 s.
func (p *notifyAgents) stop() {
	p.stdin.Close()
	go func() {
		for range p.msgs { // drain, so the reader reaches EOF
		}
	}()
	select {
	case <-p.exited:
	case <-time.After(10 * time.Second):
		p.cmd.Process.Kill()
		<-p.exited
	}
}

// runNotifyAgents is the agents' side of the notify suite (see notifyMsg): it opens one
// mailbox per agent on the node's relay, reads every envelope on one goroutine per connection,
// and tells real notifications from cover traffic by opening each under the agent's key.
func runNotifyAgents(ctx context.Context, in io.Reader, out io.Writer) (err error) {
	dec := json.NewDecoder(in)
	enc := json.NewEncoder(out)
	defer func() {
		if err != nil {
			enc.Encode(notifyMsg{Kind: "error", Error: err.Error()})
		}
	}()
	var cfg notifyMsg
	if err := dec.Decode(&cfg); err != nil || cfg.Kind != "config" || cfg.Agents <= 0 {
		return fmt.Errorf("agents: want a config line (%v)", err)
	}
	if err := raiseNoFile(openFiles() + cfg.Agents + 64); err != nil {
		return err
	}
	conns := make([]*websocket.Conn, cfg.Agents)
	defer func() {
		for _, c := range conns {
			if c != nil {
				c.Close()
			}
		}
	}()
	if err := dialAgents(ctx, cfg, conns); err != nil {
		return err
	}
	if err := enc.Encode(notifyMsg{Kind: "connected", Count: cfg.Agents}); err != nil {
		return err
	}

	// One reader per connection from here on, answering the relay's pings as it goes.
	results := make([]notifyAgentResult, cfg.Agents)
	var (
		wg        sync.WaitGroup
		delivered atomic.Int64
		all       = make(chan struct{})
	)
	for i, c := range conns {
		_, _, key := notifyAgentKeys(cfg.Prefix + strconv.Itoa(i))
		r := &results[i]
		wg.Go(func() {
			for {
				_, msg, err := c.ReadMessage()
				if err != nil {
					return // closed, or past the read deadline "go" set
				}
				at := time.Now().UnixNano()
				payload, err := envelopePayload(msg)
				if err != nil {
					continue
				}
				var stamp struct {
					Sent int64 `json:"sent"`
				}
				json.Unmarshal(msg, &stamp)
				if cfg.Acks {
					var e struct {
						Seq uint64 `json:"seq"`
					}
					json.Unmarshal(msg, &e)
					c.WriteJSON(map[string]any{"type": "ack", "seq": e.Seq})
				}
				plain, err := bazaar.OpenNotification(key, payload)
				if err != nil {
					r.Cover++
					continue
				}
				var nt bazaar.Notification
				json.Unmarshal(plain, &nt)
				r.Real++
				if r.Real == 1 {
					r.At, r.Deal, r.Sent = at, nt.DealID, stamp.Sent
					if delivered.Add(1) == int64(cfg.Agents) {
						close(all)
					}
				}
			}
		})
	}
	closeAll := func() {
		for i, c := range conns {
			c.Close()
			conns[i] = nil
		}
		wg.Wait()
	}

	var start notifyMsg
	if err := dec.Decode(&start); err != nil || start.Kind != "go" {
		closeAll()
		return fmt.Errorf("agents: want go (%v)", err)
	}
	// A notification that never comes ends its reader at the deadline rather than hanging.
	deadline := time.Now().Add(start.Budget)
	for _, c := range conns {
		c.SetReadDeadline(deadline)
	}
	// The bench's next line is "close"; EOF (the bench gave up) means the same.
	stop := make(chan struct{})
	go func() {
		var m notifyMsg
		dec.Decode(&m)
		close(stop)
	}()
	select {
	case <-all:
		time.Sleep(notifySettle) // room for a duplicate to show
	case <-time.After(time.Until(deadline)):
	case <-stop:
		closeAll()
		return errors.New("agents: closed before the notifications were in")
	case <-ctx.Done():
		closeAll()
		return ctx.Err()
	}
	if err := enc.Encode(notifyMsg{Kind: "delivered", Count: int(delivered.Load())}); err != nil {
		closeAll()
		return err
	}
	select {
	case <-stop:
	case <-ctx.Done():
	}
	closeAll()
	return enc.Encode(notifyMsg{Kind: "results", Results: results})
}

// dialAgents opens every agent's mailbox on the relay and answers its challenge.
func dialAgents(ctx context.Context, cfg notifyMsg, conns []*websocket.Conn) error {
	ctx, cancel := context.WithTimeout(ctx, notifyDialBudget)
	defer cancel()
	dialer := &websocket.Dialer{HandshakeTimeout: 30 * time.Second, ReadBufferSize: 2048, WriteBufferSize: 512}
	var (
		next  atomic.Int64
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	for range min(notifyDialers, len(conns)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(conns) || ctx.Err() != nil {
					return
				}
				c, err := dialAgent(ctx, dialer, cfg.URL, cfg.Prefix+strconv.Itoa(i), cfg.Acks)
				if err != nil {
					mu.Lock()
					if first == nil {
						first = fmt.Errorf("agent %d: %w", i, err)
						cancel()
					}
					mu.Unlock()
					return
				}
				conns[i] = c
			}
		})
	}
	wg.Wait()
	return first
}

func dialAgent(ctx context.Context, dialer *websocket.Dialer, node, name string, acks bool) (*websocket.Conn, error) {
	mk, box, _ := notifyAgentKeys(name)
	u, err := relayURL(node, box)
	if err != nil {
		return nil, err
	}
	c, resp, err := dialer.DialContext(ctx, u, nil)
	if err != nil {
		if resp != nil {
			return nil, fmt.Errorf("connect to relay: %w (%s)", err, resp.Status)
		}
		return nil, fmt.Errorf("connect to relay: %w", err)
	}
	var ch struct {
		Type  string `json:"type"`
		Nonce []byte `json:"nonce"`
	}
	c.SetReadDeadline(time.Now().Add(30 * time.Second))
	if err := c.ReadJSON(&ch); err != nil || ch.Type != "challenge" {
		c.Close()
		return nil, fmt.Errorf("relay challenge: %v", err)
	}
	c.SetReadDeadline(time.Time{})
	sig := ed25519.Sign(mk, bazaar.MailboxChallenge(box, ch.Nonce))
	if err := c.WriteJSON(map[string]any{"type": "auth", "pub": []byte(mk.Public().(ed25519.PublicKey)), "sig": sig, "acks": acks}); err != nil {
		c.Close()
		return nil, fmt.Errorf("relay auth: %w", err)
	}
	return c, nil
}

// openFiles is how many descriptors this process holds (Linux; elsewhere a guess).
func openFiles() int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return 256
	}
	return len(ents)
}

// raiseNoFile raises this process's open-file limit to need, failing with what the limit is if
// it cannot (the hard limit needs privilege to raise).
func raiseNoFile(need int) error {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
		return fmt.Errorf("open-file limit: %w", err)
	}
	if l.Cur >= uint64(need) {
		return nil
	}
	want := l
	want.Cur = uint64(need)
	want.Max = max(l.Max, want.Cur)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &want); err != nil {
		return fmt.Errorf("the notify bench needs %d open files; the limit is %d (hard %d) and cannot be raised: %w",
			need, l.Cur, l.Max, err)
	}
	return nil
}

//go:build cluster

package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/matcher"
)

// proc is a bazaar process the cluster test runs: this test binary re-executed as the CLI.
type proc struct {
	name string
	args []string
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
}

func (p *proc) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.Write(b)
}

func (p *proc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

func startProc(t *testing.T, name string, args ...string) *proc {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p := &proc{name: name, args: args}
	p.cmd = exec.Command(self, args...)
	p.cmd.Env = append(os.Environ(), cliEnv+"=1")
	p.cmd.Stdout, p.cmd.Stderr = p, p
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	t.Cleanup(func() {
		p.kill()
		if t.Failed() {
			t.Logf("--- %s output:\n%s", name, p.output())
		}
	})
	return p
}

// kill ends the process at once (SIGKILL: no drain, no goodbye).
func (p *proc) kill() {
	if p.cmd.Process != nil && p.cmd.ProcessState == nil {
		syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		p.cmd.Wait()
	}
}

// await waits for a line matching re in the process's output and returns its first group.
func (p *proc) await(t *testing.T, re string, timeout time.Duration) string {
	t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(timeout)
	for {
		if m := rx.FindStringSubmatch(p.output()); m != nil {
			if len(m) > 1 {
				return m[1]
			}
			return m[0]
		}
		if p.cmd.ProcessState != nil || time.Now().After(deadline) {
			t.Fatalf("%s: no %q in its output:\n%s", p.name, re, p.output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// clusterAgent is an agent of the cluster test: it listens on one relay and moves to another
// when its relay dies, counting the notifications it receives per deal.
type clusterAgent struct {
	mailbox ed25519.PrivateKey
	notify  []byte
	signal  bazaar.Signal
	mu      sync.Mutex
	got     map[string]int
	relays  []string // the relays it may use, its own first
}

func (a *clusterAgent) count(deal string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.got[deal]
}

func (a *clusterAgent) listen(ctx context.Context) {
	var seen seqSet // across reconnects: a relay killed before an ack reached the store sends it again
	for i := 0; ctx.Err() == nil; i++ {
		node := a.relays[i%len(a.relays)]
		agentListen(ctx, node, a.mailbox, a.notify, &seen, func(p json.RawMessage) bool {
			var n bazaar.Notification
			if json.Unmarshal(p, &n) == nil && n.DealID != "" {
				a.mu.Lock()
				a.got[n.DealID]++
				a.mu.Unlock()
			}
			return true
		})
		select {
		case <-ctx.Done():
		case <-time.After(100 * time.Millisecond): // the relay is gone: try the next
		}
	}
}

// TestCluster runs Bazaar as separate processes on one machine: anvil (contracts deployed by
// the Foundry script), NATS with JetStream, node A (posting, relay, three matchers linked), relay B
// (`bazaar relay`: a mirror node whose relay shares A's mailboxes over NATS) and three sharded
// matchers. Agents opt
// in and listen on either relay. A deal posted on A reaches every agent; then relay B and one
// matcher are killed (SIGKILL), a second deal is posted while the matcher is down and it is
// restarted: every agent still receives each deal exactly once, and the on-chain metrics count
// every match exactly once.
func TestCluster(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	rpc := mustAnvil(t)
	manifest := deployWithScript(t, rpc)
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats did not start")
	}
	defer ns.Shutdown()

	nodeA := startProc(t, "node A", "node", "--rpc", rpc, "--manifest", manifest, "--nats", ns.ClientURL(), "--matcher", "external",
		"--http", "127.0.0.1:0", "--data", t.TempDir(), "--no-demo")
	urlA := nodeA.await(t, `API\s+(http://\S+)`, time.Minute)
	peerA := nodeA.await(t, `IPFS peer\s+(\S+)`, time.Second)
	nodeB := startProc(t, "relay B", "relay", "--rpc", rpc, "--manifest", manifest, "--nats", ns.ClientURL(),
		"--peer", peerA, "--http", "127.0.0.1:0", "--data", t.TempDir())
	urlB := nodeB.await(t, `API\s+(http://\S+)`, time.Minute)

	shards := matcher.EvenShards(3)
	matcherDirs := make([]string, 3)
	matchers := make([]*proc, 3)
	startMatcher := func(i int) {
		matchers[i] = startProc(t, fmt.Sprintf("matcher %d", i), "matcher", "--node", urlA, "--snp", "simulated", "--shard", shards[i].String(),
			"--data", matcherDirs[i], "--manifest", manifest)
		matchers[i].await(t, `linked to the relay`, time.Minute)
	}
	for i := range matchers {
		matcherDirs[i] = t.TempDir()
		startMatcher(i)
	}

	// Agents in Quận 1 opt in through A (each signal sealed to its shard's matcher) and listen,
	// half on A and half on B.
	var agents []*clusterAgent
	for i := range 24 {
		_, mk, _ := ed25519.GenerateKey(rand.Reader)
		notify := make([]byte, 32)
		rand.Read(notify)
		eph := make([]byte, 16)
		rand.Read(eph)
		a := &clusterAgent{mailbox: mk, notify: notify, got: map[string]int{}, relays: []string{urlA, urlB}}
		if i%2 == 1 {
			a.relays = []string{urlB, urlA}
		}
		a.signal = bazaar.Signal{EphemeralID: fmt.Sprintf("%x", eph), LTVTier: "high", LoyaltyLevel: 3, Area: "Quận 1",
			Mailbox: bazaar.MailboxID(mk.Public().(ed25519.PublicKey)), NotifyKey: notify, ExpiresAt: time.Now().Add(3 * time.Hour).UnixMilli()}
		if err := OptIn(ctx, urlA, a.signal, SuiteX25519); err != nil {
			t.Fatalf("opt in: %v", err)
		}
		agents = append(agents, a)
		go a.listen(ctx)
	}
	perShard := make([]int, 3)
	for _, a := range agents {
		for j, s := range shards {
			if s.Holds(a.signal.EphemeralID) {
				perShard[j]++
			}
		}
	}
	t.Logf("agents per shard: %v", perShard)
	time.Sleep(500 * time.Millisecond) // the matchers take the signals from their links

	waitAll := func(deal string) {
		t.Helper()
		deadline := time.Now().Add(90 * time.Second)
		for {
			missing := 0
			for _, a := range agents {
				if a.count(deal) == 0 {
					missing++
				}
			}
			if missing == 0 {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("deal %s: %d of %d agents never notified", deal, missing, len(agents))
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	deal1, err := VendorPost(ctx, urlA, chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	waitAll(deal1.DealID)

	// Relay B and matcher 1 die; a deal is posted while the matcher is down; it comes back.
	nodeB.kill()
	matchers[1].kill()
	deal2, err := VendorPost(ctx, urlA, chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	startMatcher(1)
	waitAll(deal2.DealID)

	time.Sleep(time.Second) // a duplicate would have arrived by now
	for i, a := range agents {
		for _, d := range []string{deal1.DealID, deal2.DealID} {
			if c := a.count(d); c != 1 {
				t.Fatalf("agent %d got deal %s %d times, want exactly once", i, d, c)
			}
		}
	}
	// Every shard counted its own matches once: the summed on-chain metrics are exact.
	want := uint64(2 * len(agents))
	vendor := chain.KeyAddress(chain.DevVendorKey)
	deadline := time.Now().Add(60 * time.Second)
	for {
		var m bazaar.VendorMetrics
		getJSON(t, urlA+"/metrics/"+vendor.Hex(), &m)
		if m.AgentsMatched == want {
			break
		}
		if m.AgentsMatched > want || time.Now().After(deadline) {
			t.Fatalf("on-chain metrics: %d agents matched, want exactly %d", m.AgentsMatched, want)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

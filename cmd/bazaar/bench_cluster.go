package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/nats-io/nats-server/v2/server"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ipfs"
	"github.com/bazaar-market/bazaar/matcher"
)

// Cluster bench sizes (the defaults of `bazaar bench cluster`) and budgets. The budgets are no
// pass mark: they only keep a lost notification or a stuck watcher from hanging the bench.
const (
	clusterSignals = 300_000 // synthetic signals, in one matcher or split over three shards
	clusterDeals   = 48      // deals each matcher configuration matches
	clusterAgents  = 50_000  // agents over the relays
	clusterPosts   = 50      // deals posted straight to the chain for the chain lag

	// clusterAgentsPerProc is the most agents one agents' process holds (one open file each).
	clusterAgentsPerProc = 5_000
	// clusterPortsPerRelay bounds a relay's agents by the loopback source ports one client
	// address has towards one relay port (net.ipv4.ip_local_port_range: about 28,000).
	clusterPortsPerRelay = 25_000

	clusterRelayStart    = 2 * time.Minute  // a relay process's start, until its banner
	clusterDeliverBudget = 10 * time.Minute // from the post to every agent holding its notification
	clusterLagBudget     = 30 * time.Second
)

// clusterOpts sizes a cluster bench run; zero values take the defaults above.
type clusterOpts struct {
	signals int // synthetic signals the matchers split
	deals   int // deals matched by the single matcher and by the three shards
	agents  int // agents over the relays
	posts   int // deals posted on-chain for the chain lag
	// relays is how many relays share the agents: node A's and relays-1 `bazaar relay`
	// processes. 0: two, or as many more as the agents need under a process's open-file limit.
	relays int
}

func (o *clusterOpts) defaults() {
	if o.signals <= 0 {
		o.signals = clusterSignals
	}
	if o.deals <= 0 {
		o.deals = clusterDeals
	}
	if o.agents <= 0 {
		o.agents = clusterAgents
	}
	if o.posts <= 0 {
		o.posts = clusterPosts
	}
}

// clusterRun is what one cluster bench saw: the results, per deal what the single matcher
// and the three shards together matched, and per agent what reached it.
type clusterRun struct {
	results      []BenchResult
	oneMatched   []int // by deal: the single matcher's matches
	shardMatched []int // by deal: the sum of the three shards' matches
	dealID       string
	agents       []notifyAgentResult // every agent, by agents' process
}

// benchCluster measures what running Bazaar on more than one machine buys, on this one
// (issue 9):
//
//   - matching: deals matched per second by one matcher holding o.n = 300,000 synthetic signals
//     and by three sharded matchers splitting them (matcher.EvenShards), the three matching the
//     same deals concurrently as three machines would; here they share this machine's cores,
//     which are reported with them. A deal is matched when its notifications are sealed and
//     handed to the relay (a notifier that drops them) and counted.
//   - notification over several relays: node A (embedded chain, in-process matcher, relay A)
//     and `bazaar relay` processes share mailboxes over an embedded NATS JetStream with stock
//     limits; the agents (--agents, 50,000) are spread evenly over the relays (--relays; by
//     default two, or more when a relay process cannot hold its share under this host's
//     open-file limit) and all connect at once, from agents' processes (the notify suite's).
//     One deal is posted; latency per agent as in the notify suite.
//   - chain lag: deals posted straight to the chain (the vendor's own transaction, as through
//     another node), and the time and blocks until node A's browse index and its matcher have
//     applied each, found by the node's registry watchers polling at their default interval.
//
// The relay and agent processes are this binary again (`relay`, and `bench notify` as the
// notify suite starts its agents).
func benchCluster(ctx context.Context, o benchOpts) ([]BenchResult, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("find this binary to start the relays and the agents: %w", err)
	}
	run, err := runClusterBench(ctx, clusterOpts{signals: o.n, agents: o.agents, relays: o.relays},
		func(args ...string) *exec.Cmd { return exec.Command(exe, args...) })
	return run.results, err
}

// runClusterBench runs the cluster suite; cli makes a command running this binary's CLI with
// the given arguments (the relay processes, and the agents as `bench notify`). The node phases
// run first and are torn down before the matching phase, so matching has the machine to itself.
func runClusterBench(ctx context.Context, o clusterOpts, cli func(args ...string) *exec.Cmd) (run clusterRun, err error) {
	o.defaults()
	perRelay, why, err := relayCapacity()
	if err != nil {
		return run, err
	}
	relays := o.relays
	if relays <= 0 {
		relays = max(2, (o.agents+perRelay-1)/perRelay)
	}
	if o.agents > relays*perRelay {
		return run, fmt.Errorf("%d agents do not fit %d relays of %d connections (%s): ask for more --relays", o.agents, relays, perRelay, why)
	}
	dir, err := os.MkdirTemp("", "bazaar-bench-cluster-")
	if err != nil {
		return run, err
	}
	defer os.RemoveAll(dir)

	c, err := startBenchCluster(ctx, dir, cli, relays, perRelay)
	if err != nil {
		return run, err
	}
	defer c.stop()
	lag, err := clusterChainLag(ctx, c.node, o.posts)
	if err != nil {
		return run, fmt.Errorf("chain lag: %w", err)
	}
	nt, err := clusterNotify(ctx, c, o.agents, cli)
	run.dealID, run.agents = nt.dealID, nt.agents
	if err != nil {
		return run, fmt.Errorf("notify over %d relays: %w", relays, err)
	}
	c.stop()
	relayRSS := 0.0
	for _, r := range c.relays {
		relayRSS = max(relayRSS, r.peakRSS())
	}
	nodeRSS := peakRSS()

	debug.FreeOSMemory()
	m, err := clusterMatch(ctx, o.signals, o.deals)
	run.oneMatched, run.shardMatched = m.one, m.three
	if err != nil {
		return run, fmt.Errorf("matching: %w", err)
	}
	cores := fmt.Sprintf("on this machine's %d cores", runtime.NumCPU())
	run.results = append(run.results,
		BenchResult{"cluster_cpus", float64(runtime.NumCPU()), "cores (runtime.NumCPU; every process of this run shares them)"},
		BenchResult{"cluster_match_signals", float64(o.signals), "signals"},
		BenchResult{"cluster_match_deals", float64(o.deals), "deals"},
		BenchResult{"cluster_match_agents_per_deal", m.perDeal, "agents matched per deal"},
		BenchResult{"cluster_match_1_matcher_deals_per_s", m.oneRate, "deals/s (1 matcher, " + cores + ")"},
		BenchResult{"cluster_match_3_shards_deals_per_s", m.threeRate, "deals/s (3 shard matchers concurrently, " + cores + ")"},
		BenchResult{"cluster_match_3_shards_scaling", m.threeRate / m.oneRate, "x (3 shards vs 1 matcher, " + cores + ")"},
		BenchResult{"cluster_match_3_shards_separate_deals_per_s", m.separateRate, "deals/s (3 shard matchers, each alone on this machine's cores as on a machine of its own: deals / the slowest shard's time)"},
		BenchResult{"cluster_match_3_shards_separate_scaling", m.separateRate / m.oneRate, "x (3 shards on 3 machines like this one vs 1 matcher)"},
		BenchResult{"cluster_match_3_shards_exact", boolValue(slices.Equal(m.one, m.three)), "bool (the shards matched what 1 matcher did, deal by deal)"},
	)
	run.results = append(run.results, nt.results...)
	run.results = append(run.results, BenchResult{"cluster_notify_relay_capacity", float64(perRelay), "connections per relay (" + why + ")"})
	run.results = append(run.results, lag...)
	run.results = append(run.results,
		BenchResult{"cluster_node_peak_rss_mib", nodeRSS, "MiB (bench process before matching: node A, relay A, NATS)"},
		BenchResult{"cluster_relays_peak_rss_mib", relayRSS, "MiB (largest relay process)"},
		BenchResult{"cluster_agents_peak_rss_mib", nt.agentsRSS, "MiB (largest agents' process)"},
		BenchResult{"cluster_peak_rss_mib", peakRSS(), "MiB (bench process, matching included)"},
	)
	return run, nil
}

// benchClusterEnv is the cluster the node phases run on.
type benchClusterEnv struct {
	nats   *server.Server
	node   *Node
	relays []*clusterRelay // the relay processes, after node A's own
	once   sync.Once
}

// startBenchCluster starts an embedded NATS server with JetStream (stock limits), node A on it
// (embedded chain with its RPC and IPFS peer open, demo agents, in-process matcher, relay A)
// and relays-1 relay processes, every relay holding up to maxConns agents.
func startBenchCluster(ctx context.Context, dir string, cli func(args ...string) *exec.Cmd, relays, maxConns int) (_ *benchClusterEnv, err error) {
	c := &benchClusterEnv{}
	defer func() {
		if err != nil {
			c.stop()
		}
	}()
	c.nats, err = server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true,
		StoreDir: filepath.Join(dir, "nats"), NoLog: true, NoSigs: true})
	if err != nil {
		return c, fmt.Errorf("nats-server: %w", err)
	}
	go c.nats.Start()
	if !c.nats.ReadyForConnections(10 * time.Second) {
		return c, errors.New("nats-server did not start within 10s")
	}
	c.node, err = Start(ctx, Config{DataDir: filepath.Join(dir, "a"), HTTPListen: "127.0.0.1:0", RPCListen: "127.0.0.1:0",
		P2PListen: []string{"/ip4/127.0.0.1/tcp/0"}, SeedDemo: true, NATS: c.nats.ClientURL(), RelayMaxConns: maxConns})
	if err != nil {
		return c, fmt.Errorf("node A: %w", err)
	}
	for i := 1; i < relays; i++ {
		r, err := startClusterRelay(ctx, cli, c.node, c.nats.ClientURL(), filepath.Join(dir, fmt.Sprintf("relay%d", i)), maxConns)
		if err != nil {
			return c, fmt.Errorf("relay %d: %w", i, err)
		}
		c.relays = append(c.relays, r)
	}
	return c, nil
}

// stop stops the relay processes, node A and NATS; it may be called again.
func (c *benchClusterEnv) stop() {
	c.once.Do(func() {
		var wg sync.WaitGroup
		for _, r := range c.relays {
			wg.Go(r.stop)
		}
		wg.Wait()
		if c.node != nil {
			c.node.Stop(context.Background())
		}
		if c.nats != nil {
			c.nats.Shutdown()
			c.nats.WaitForShutdown()
		}
	})
}

// clusterRelay is a relay process: `bazaar relay` (a mirror node whose relay shares node A's
// mailboxes over NATS), as on another machine.
type clusterRelay struct {
	cmd    *exec.Cmd
	out    procOutput // its stdout and stderr
	url    string     // API, with the relay at /relay
	ops    string     // ops listener: Prometheus metrics
	exited chan struct{}
}

func startClusterRelay(ctx context.Context, cli func(args ...string) *exec.Cmd, a *Node, natsURL, dir string, maxConns int) (*clusterRelay, error) {
	ops, err := freeAddr()
	if err != nil {
		return nil, err
	}
	args := []string{"relay", "--rpc", a.RPCURL(), "--nats", natsURL, "--http", "127.0.0.1:0", "--ops-listen", ops, "--data", dir,
		"--relay-max-conns", strconv.Itoa(maxConns)}
	for _, p := range a.peerAddrs() {
		args = append(args, "--peer", p)
	}
	r := &clusterRelay{cmd: cli(args...), ops: "http://" + ops, exited: make(chan struct{})}
	r.cmd.Stdout, r.cmd.Stderr = &r.out, &r.out
	if err := r.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start: %w", err)
	}
	go func() {
		r.cmd.Wait()
		close(r.exited)
	}()
	banner := regexp.MustCompile(`API\s+(http://\S+)`)
	deadline := time.After(clusterRelayStart)
	for {
		if m := banner.FindStringSubmatch(r.out.String()); m != nil {
			r.url = m[1]
			return r, nil
		}
		select {
		case <-r.exited:
			return nil, fmt.Errorf("exited before serving (%v): %s", r.cmd.ProcessState, bytes.TrimSpace(r.out.Bytes()))
		case <-deadline:
			r.stop()
			return nil, fmt.Errorf("not serving within %s: %s", clusterRelayStart, bytes.TrimSpace(r.out.Bytes()))
		case <-ctx.Done():
			r.stop()
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// connections is the relay's bazaar_relay_connections.
func (r *clusterRelay) connections(ctx context.Context) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.ops+"/metrics", nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "bazaar_relay_connections "); ok {
			f, err := strconv.ParseFloat(v, 64)
			return int(f), err
		}
	}
	return 0, fmt.Errorf("no bazaar_relay_connections in the relay's metrics (%v)", sc.Err())
}

// waitConnections waits until the relay counts want open mailboxes.
func (r *clusterRelay) waitConnections(ctx context.Context, want int) error {
	deadline := time.Now().Add(notifyConnectWait)
	for {
		got, err := r.connections(ctx)
		if err == nil && got == want {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("relay %s has %d of %d agents connected after %s (%v)", r.url, got, want, notifyConnectWait, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond): // each scrape asks NATS for the stream's state
		}
	}
}

// stop asks the relay to drain (SIGTERM) and kills it if it has not exited within 15 s.
func (r *clusterRelay) stop() {
	select {
	case <-r.exited:
		return
	default:
	}
	r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-r.exited:
	case <-time.After(15 * time.Second):
		r.cmd.Process.Kill()
		<-r.exited
	}
}

// peakRSS is the relay's peak resident memory in MiB, once it has exited.
func (r *clusterRelay) peakRSS() float64 { return processRSS(r.cmd) }

// notifyPhase is what the notification run over the relays saw.
type notifyPhase struct {
	results   []BenchResult
	dealID    string
	agents    []notifyAgentResult
	agentsRSS float64 // MiB, the largest agents' process
}

// agentBatch is one agents' process: count agents named prefix+i, all on relay (0: node A's).
type agentBatch struct {
	relay  int
	prefix string
	count  int
}

// clusterNotify spreads agents evenly over the relays (node A's first), in agents' processes
// of at most clusterAgentsPerProc that all connect at once, posts one deal matching every
// agent's signal, and measures each agent's latency from the DealPosted log (as benchNotify).
//
// A notification missing when the budget runs out is not an error: the results count the
// agents notified (and cluster_notify_all_ms is -1).
func clusterNotify(ctx context.Context, c *benchClusterEnv, agents int, cli func(args ...string) *exec.Cmd) (ph notifyPhase, err error) {
	n := c.node
	urls := []string{n.URL()}
	for _, r := range c.relays {
		urls = append(urls, r.url)
	}
	per := make([]int, len(urls)) // agents per relay
	var batches []agentBatch
	for r := range urls {
		per[r] = agents/len(urls) + boolInt(r < agents%len(urls))
		for p, left := 0, per[r]; left > 0; p++ {
			k := min(left, clusterAgentsPerProc)
			batches = append(batches, agentBatch{relay: r, prefix: fmt.Sprintf("cluster-r%d-p%d-", r, p), count: k})
			left -= k
		}
	}
	// One descriptor per relay A connection, besides what the node holds already.
	if err := raiseNoFile(openFiles() + per[0] + 256); err != nil {
		return ph, err
	}

	// Signals that all match the deal, each with its own mailbox and notification key.
	d := benchDeal(chain.KeyAddress(chain.DevVendorKey))
	d.Service.Description = "cluster notify deal"
	areas := d.Areas()
	expires := time.Now().Add(time.Hour).UnixMilli()
	for _, b := range batches {
		for i := range b.count {
			name := b.prefix + strconv.Itoa(i)
			_, box, key := notifyAgentKeys(name)
			s := bazaar.Signal{EphemeralID: name, LTVTier: "high", LoyaltyLevel: 5, Area: areas[i%len(areas)],
				Categories: []string{d.Service.Category}, Mailbox: box, NotifyKey: key, ExpiresAt: expires}
			if !s.Matches(d) {
				return ph, fmt.Errorf("signal %s does not match the bench deal", name)
			}
			if err := n.engine.AddSignal(s); err != nil {
				return ph, fmt.Errorf("signal %s: %w", name, err)
			}
		}
	}

	var procs []*notifyAgents // one per batch
	defer func() {
		for _, p := range procs {
			p.stop()
		}
	}()
	opening := time.Now()
	for _, b := range batches {
		p, err := startNotifyAgents(cli("bench", "notify"))
		if err != nil {
			return ph, err
		}
		procs = append(procs, p)
		if err := p.send(notifyMsg{Kind: "config", URL: urls[b.relay], Agents: b.count, Prefix: b.prefix}); err != nil {
			return ph, err
		}
	}
	for _, p := range procs {
		if _, err := p.expect(ctx, "connected", notifyDialBudget+30*time.Second); err != nil {
			return ph, err
		}
	}
	if err := waitConnections(ctx, n, per[0]); err != nil {
		return ph, err
	}
	for i, r := range c.relays {
		if err := r.waitConnections(ctx, per[i+1]); err != nil {
			return ph, err
		}
	}
	opened := time.Since(opening)
	consumers := -1.0
	if info, err := c.nats.Jsz(&server.JSzOptions{}); err == nil {
		consumers = float64(info.Consumers)
	}

	posted, err := watchPosted(ctx, n)
	if err != nil {
		return ph, err
	}
	defer posted.close()
	for _, p := range procs {
		if err := p.send(notifyMsg{Kind: "go", Budget: clusterDeliverBudget}); err != nil {
			return ph, err
		}
	}
	res, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, d)
	if err != nil {
		return ph, fmt.Errorf("post the bench deal: %w", err)
	}
	ph.dealID = res.DealID
	mined, err := posted.wait(ctx, common.HexToHash(res.DealID))
	if err != nil {
		return ph, err
	}
	for _, p := range procs {
		if _, err := p.expect(ctx, "delivered", clusterDeliverBudget+time.Minute); err != nil {
			return ph, err
		}
	}
	for _, p := range procs {
		if err := p.send(notifyMsg{Kind: "close"}); err != nil {
			return ph, err
		}
	}
	for i, p := range procs {
		m, err := p.expect(ctx, "results", time.Minute)
		if err != nil {
			return ph, err
		}
		if len(m.Results) != batches[i].count {
			return ph, fmt.Errorf("an agents' process reported %d results, want %d", len(m.Results), batches[i].count)
		}
		ph.agents = append(ph.agents, m.Results...)
	}
	for _, p := range procs {
		p.stop()
		ph.agentsRSS = max(ph.agentsRSS, processRSS(p.cmd))
	}

	lat := make([]time.Duration, 0, agents)
	exact := true
	for _, a := range ph.agents {
		if a.Real != 1 || !strings.EqualFold(a.Deal, res.DealID) {
			exact = false
		}
		if a.At != 0 {
			lat = append(lat, time.Unix(0, a.At).Sub(mined.at))
		}
	}
	slices.Sort(lat)
	all := -1.0
	if len(lat) == agents {
		all = ms(percentile(lat, 1))
	}
	ph.results = []BenchResult{
		{"cluster_notify_agents", float64(agents), fmt.Sprintf("agents (spread evenly over %d relays sharing mailboxes over NATS JetStream)", len(urls))},
		{"cluster_notify_relays", float64(len(urls)), "relays (node A's and `bazaar relay` processes)"},
		{"cluster_notify_nats_consumers", consumers, "JetStream consumers on the NATS server with every mailbox open (the relays take none)"},
		{"cluster_notify_open_s", opened.Seconds(), fmt.Sprintf("s (every agent connecting at once, from %d processes, until each relay counts its mailboxes open)", len(procs))},
		{"cluster_notify_p50_ms", ms(percentile(lat, .5)), "ms (DealPosted log to notification opened)"},
		{"cluster_notify_p99_ms", ms(percentile(lat, .99)), "ms"},
		{"cluster_notify_all_ms", all, "ms (until every agent holds its notification; -1: not all within " + clusterDeliverBudget.String() + ")"},
		{"cluster_notify_delivered", float64(len(lat)), "agents notified within " + clusterDeliverBudget.String()},
		{"cluster_notify_all_delivered_once", boolValue(exact), "bool"},
	}
	return ph, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// relayCapacity is how many agents one relay of this run can hold, and why: a process holds at
// most the hard open-file limit of descriptors (this one, which runs node A besides relay A,
// needs the most), and one client address has so many source ports towards a relay.
func relayCapacity() (int, string, error) {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
		return 0, "", fmt.Errorf("open-file limit: %w", err)
	}
	fit := int(min(l.Max, math.MaxInt32)) - openFiles() - 1024
	why := fmt.Sprintf("open-file hard limit %d per process, less the node's own files; loopback source ports %d", l.Max, clusterPortsPerRelay)
	if fit < 1 {
		return 0, "", fmt.Errorf("no room for agents under the open-file hard limit %d", l.Max)
	}
	return min(clusterPortsPerRelay, fit), why, nil
}

// clusterChainLag posts deals straight to the chain, one at a time, and measures for each how
// long after it was mined (its DealPosted log reached a subscription on the node's chain
// client) node A's browse index had handled its block and its matcher had matched it, and how
// many blocks the chain had grown meanwhile. The node did not send these transactions, so
// nothing kicks its watchers: they find each block by polling, as every node but the poster
// does. On the embedded chain a block is mined when a transaction arrives, so the blocks are
// the matcher's own transactions (requirements, metrics) and not a clock; posts wait for those
// (quiesce), so a block counted is one mined while the deal was on its way to the index.
func clusterChainLag(ctx context.Context, n *Node, posts int) ([]BenchResult, error) {
	posted, err := watchPosted(ctx, n)
	if err != nil {
		return nil, err
	}
	defer posted.close()
	vendor := chain.KeyAddress(chain.DevVendorKey)
	var idxMs, matchMs []time.Duration
	var idxBlocks, matchBlocks []uint64
	for i := range posts {
		if err := quiesce(ctx, n); err != nil {
			return nil, fmt.Errorf("before post %d: %w", i, err)
		}
		d := benchDeal(vendor)
		d.Service.Description = fmt.Sprintf("chain lag deal %d", i)
		want := n.engine.MatchCount(d)
		if want == 0 {
			return nil, errors.New("the chain lag deal matches no demo agent: the matcher's progress would not show")
		}
		probe := startLagProbe(ctx, n, vendor, n.engine.Metrics(vendor.Hex()).AgentsMatched+uint64(want))
		id, err := postOnChain(ctx, n, d)
		if err != nil {
			probe.cancel()
			return nil, fmt.Errorf("post %d: %w", i, err)
		}
		mined, err := posted.wait(ctx, id)
		if err != nil {
			probe.cancel()
			return nil, err
		}
		p, err := probe.result(ctx, mined.block)
		if err != nil {
			return nil, fmt.Errorf("post %d: %w", i, err)
		}
		idxMs = append(idxMs, p.index.at.Sub(mined.at))
		matchMs = append(matchMs, p.match.at.Sub(mined.at))
		idxBlocks = append(idxBlocks, p.index.head-mined.block)
		matchBlocks = append(matchBlocks, p.match.head-mined.block)
	}
	slices.Sort(idxMs)
	slices.Sort(matchMs)
	slices.Sort(idxBlocks)
	slices.Sort(matchBlocks)
	return []BenchResult{
		{"cluster_chain_posts", float64(posts), "deals posted on-chain, one at a time"},
		{"cluster_chain_poll_interval_ms", ms(n.cfg.WatchInterval), "ms (the node's registry watchers)"},
		{"cluster_chain_index_lag_p50_ms", ms(percentile(idxMs, .5)), "ms (mined to applied by the browse index)"},
		{"cluster_chain_index_lag_p99_ms", ms(percentile(idxMs, .99)), "ms"},
		{"cluster_chain_index_lag_p50_blocks", float64(pct(idxBlocks, .5)), "blocks (the embedded chain mines only when a transaction arrives)"},
		{"cluster_chain_index_lag_p99_blocks", float64(pct(idxBlocks, .99)), "blocks"},
		{"cluster_chain_matcher_lag_p50_ms", ms(percentile(matchMs, .5)), "ms (mined to matched, notifications handed to the relay)"},
		{"cluster_chain_matcher_lag_p99_ms", ms(percentile(matchMs, .99)), "ms"},
		{"cluster_chain_matcher_lag_p50_blocks", float64(pct(matchBlocks, .5)), "blocks"},
		{"cluster_chain_matcher_lag_p99_blocks", float64(pct(matchBlocks, .99)), "blocks"},
	}, nil
}

// quiesce waits until every registry watcher of the node has handled the chain's head and the
// head stays put for two poll intervals: the matcher's own transactions after a match (deal
// requirements, metrics) are mined and applied, so the next post starts on an idle node.
func quiesce(ctx context.Context, n *Node) error {
	ctx, cancel := context.WithTimeout(ctx, clusterLagBudget)
	defer cancel()
	var last uint64
	var still time.Time
	for {
		head, err := n.client.BlockNumber(ctx)
		if err != nil {
			return fmt.Errorf("quiesce: %w", err)
		}
		caught := true
		for _, w := range n.watchers {
			caught = caught && w.Handled() > head
		}
		switch {
		case !caught || head != last:
			last, still = head, time.Time{}
		case still.IsZero():
			still = time.Now()
		case time.Since(still) >= 2*n.cfg.WatchInterval:
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("quiesce: the node's watchers did not settle on the head: %w", ctx.Err())
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// postOnChain pins a deal's document in the node's IPFS store and posts its header from the
// vendor's own key, not through the node's API, as another node (or cast) would. It returns
// once the transaction is mined.
func postOnChain(ctx context.Context, n *Node, d *bazaar.Deal) (common.Hash, error) {
	js, err := json.Marshal(d)
	if err != nil {
		return common.Hash{}, err
	}
	canonical, err := ipfs.Canonical(js)
	if err != nil {
		return common.Hash{}, err
	}
	if _, err := n.ipfs.Put(ctx, canonical); err != nil {
		return common.Hash{}, err
	}
	counter, err := n.registry.Counter(ctx, d.Vendor)
	if err != nil {
		return common.Hash{}, err
	}
	digest := bazaar.Digest(canonical)
	h := bazaar.NewHeader(d, digest, 1, bazaar.NonceFromDigest(digest), counter)
	sig, err := n.registry.Domain.SignDeal(chain.DevVendorKey, h)
	if err != nil {
		return common.Hash{}, err
	}
	if _, err := n.registry.Post(ctx, chain.DevVendorKey, h, sig); err != nil {
		return common.Hash{}, err
	}
	return h.DealID(), nil
}

// applied is when a part of the node applied a block, and the chain head then.
type applied struct {
	at   time.Time
	head uint64
}

// lagProbe watches, every millisecond, the browse index's progress and the matcher's count of
// the vendor's matches, from before a post until both show the posted deal.
type lagProbe struct {
	block  chan uint64 // the deal's block, once mined
	done   chan lagResult
	cancel context.CancelFunc
}

type lagResult struct {
	index, match applied
	err          error
}

// startLagProbe starts probing; the matcher has applied the deal once the vendor's
// AgentsMatched reaches target.
func startLagProbe(ctx context.Context, n *Node, vendor common.Address, target uint64) *lagProbe {
	ctx, cancel := context.WithTimeout(ctx, clusterLagBudget)
	p := &lagProbe{block: make(chan uint64, 1), done: make(chan lagResult, 1), cancel: cancel}
	head := func() uint64 {
		h, _ := n.client.BlockNumber(ctx)
		return h
	}
	go func() {
		defer cancel()
		type step struct {
			applied
			handled uint64
		}
		var (
			steps   []step // the index's progress, each change as seen
			last    = n.indexer.Handled()
			block   = uint64(math.MaxUint64)
			res     lagResult
			tick    = time.NewTicker(time.Millisecond)
			indexed bool
		)
		defer tick.Stop()
		for {
			now := time.Now()
			if h := n.indexer.Handled(); h != last {
				last = h
				steps = append(steps, step{applied{now, head()}, h})
			}
			if res.match.at.IsZero() && n.engine.Metrics(vendor.Hex()).AgentsMatched >= target {
				res.match = applied{now, head()}
			}
			select {
			case block = <-p.block:
			default:
			}
			if !indexed {
				for _, s := range steps {
					if s.handled > block { // Handled is the first block not yet handled
						res.index, indexed = s.applied, true
						break
					}
				}
			}
			if indexed && !res.match.at.IsZero() {
				p.done <- res
				return
			}
			select {
			case <-tick.C:
			case <-ctx.Done():
				p.done <- lagResult{err: fmt.Errorf("index applied: %v, matcher applied: %v, within %s of the post", indexed, !res.match.at.IsZero(), clusterLagBudget)}
				return
			}
		}
	}()
	return p
}

// result gives the probe the deal's block and waits for what it saw.
func (p *lagProbe) result(ctx context.Context, block uint64) (lagResult, error) {
	p.block <- block
	select {
	case r := <-p.done:
		return r, r.err
	case <-ctx.Done():
		p.cancel()
		return lagResult{}, ctx.Err()
	}
}

// postedLogs records when each DealPosted log reaches a subscription on the node's chain
// client: pushed as its block is inserted, so on the embedded chain the moment it is mined.
type postedLogs struct {
	sub  ethereum.Subscription
	quit chan struct{}
	mu   sync.Mutex
	seen map[common.Hash]minedAt
	wake chan struct{} // closed and replaced at every new log
	err  error         // the subscription's, once it failed
}

type minedAt struct {
	at    time.Time
	block uint64
}

func watchPosted(ctx context.Context, n *Node) (*postedLogs, error) {
	logs := make(chan types.Log, 64)
	sub, err := n.client.SubscribeFilterLogs(ctx, ethereum.FilterQuery{Addresses: []common.Address{n.deployment.DealRegistry}}, logs)
	if err != nil {
		return nil, fmt.Errorf("subscribe to registry logs: %w", err)
	}
	p := &postedLogs{sub: sub, quit: make(chan struct{}), seen: map[common.Hash]minedAt{}, wake: make(chan struct{})}
	go func() {
		for {
			select {
			case <-p.quit:
				return
			case err := <-sub.Err():
				p.mu.Lock()
				p.err = fmt.Errorf("registry log subscription: %w", err)
				close(p.wake)
				p.wake = make(chan struct{})
				p.mu.Unlock()
				return
			case l := <-logs:
				at := time.Now()
				if ev, ok, _ := chain.DecodeEvent(l); ok && ev.Kind == chain.DealPosted && !ev.Removed {
					p.mu.Lock()
					p.seen[ev.DealID] = minedAt{at, l.BlockNumber}
					close(p.wake)
					p.wake = make(chan struct{})
					p.mu.Unlock()
				}
			}
		}
	}()
	return p, nil
}

// wait returns when the DealPosted log of deal id arrived, waiting up to 10 s for it.
func (p *postedLogs) wait(ctx context.Context, id common.Hash) (minedAt, error) {
	deadline := time.After(10 * time.Second)
	for {
		p.mu.Lock()
		m, ok := p.seen[id]
		wake, err := p.wake, p.err
		p.mu.Unlock()
		switch {
		case ok:
			return m, nil
		case err != nil:
			return m, err
		}
		select {
		case <-wake:
		case <-deadline:
			return m, fmt.Errorf("no DealPosted log for %s within 10s", id.Hex())
		case <-ctx.Done():
			return m, ctx.Err()
		}
	}
}

func (p *postedLogs) close() {
	p.sub.Unsubscribe()
	close(p.quit)
}

// shardPhase is what the matching phase saw.
type shardPhase struct {
	oneRate, threeRate float64 // deals per second
	separateRate       float64 // deals per second, each shard alone (as on machines of its own)
	perDeal            float64 // agents matched per deal, on average
	one, three         []int   // by deal: matched by the single matcher, by the shards together
}

var (
	clusterAreas = []string{"Quận 1", "Quận 3", "Quận 5", "Quận 7", "Quận 10", "Thủ Đức", "Bình Thạnh", "Gò Vấp"}
	clusterTiers = []string{"low", "medium", "high"}
	clusterCats  = []string{"coffee", "tea", "food", "books", "fitness"}
)

// clusterMatch builds one matcher holding signals synthetic signals (and the demo agents) and
// three sharded matchers splitting the same signals by matcher.EvenShards(3), then matches the
// same deals on each: the single matcher one deal after another, the three shards each on a
// goroutine of its own at once, then each shard alone (as on a machine of its own). A deal counts as matched when Match returned: its
// notifications sealed, keyed and handed to a notifier (one that drops them) and counted.
func clusterMatch(ctx context.Context, signals, deals int) (shardPhase, error) {
	var ph shardPhase
	now := time.Now()
	clock := func() time.Time { return now }
	shards := matcher.EvenShards(3)
	one, err := matcher.New(matcher.Config{Notifier: nopKeyedNotifier{}, Clock: clock})
	if err != nil {
		return ph, err
	}
	if _, err := SeedDemoAgents(one, now, nil); err != nil {
		return ph, err
	}
	parts := make([]*matcher.Engine, len(shards))
	for k := range shards {
		if parts[k], err = matcher.New(matcher.Config{Notifier: nopKeyedNotifier{}, Clock: clock, Shard: &shards[k]}); err != nil {
			return ph, err
		}
		if _, err := SeedDemoAgents(parts[k], now, &shards[k]); err != nil {
			return ph, err
		}
	}
	r := rand.New(rand.NewPCG(uint64(signals), 3))
	for i := range signals {
		key := make([]byte, 32)
		for j := range key {
			key[j] = byte(r.Uint32())
		}
		s := bazaar.Signal{EphemeralID: "sig-" + strconv.Itoa(i), LTVTier: clusterTiers[r.IntN(len(clusterTiers))],
			LoyaltyLevel: r.IntN(6), Area: clusterAreas[r.IntN(len(clusterAreas))], Mailbox: "m" + strconv.Itoa(i),
			NotifyKey: key, ExpiresAt: now.Add(time.Hour).UnixMilli()}
		if r.IntN(2) == 0 {
			s.Categories = []string{clusterCats[r.IntN(len(clusterCats))]}
		}
		if err := one.AddSignal(s); err != nil {
			return ph, err
		}
		k := slices.IndexFunc(shards, func(sh matcher.Shard) bool { return sh.Holds(s.EphemeralID) })
		if err := parts[k].AddSignal(s); err != nil {
			return ph, err
		}
	}

	ds := clusterDealSet(deals)
	match := func(e *matcher.Engine, j int, d *bazaar.Deal) (int, error) {
		res, err := e.Match(ctx, fmt.Sprintf("0x%064x", j), "bafy-cluster-bench", 1, d)
		return res.Matched, err
	}
	// A first deal on each, not counted.
	for _, e := range append([]*matcher.Engine{one}, parts...) {
		if _, err := match(e, 0, ds[0]); err != nil {
			return ph, err
		}
	}

	runtime.GC()
	ph.one = make([]int, deals)
	start := time.Now()
	for j, d := range ds {
		if ph.one[j], err = match(one, j+1, d); err != nil {
			return ph, err
		}
	}
	ph.oneRate = float64(deals) / time.Since(start).Seconds()

	runtime.GC()
	per := make([][]int, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	start = time.Now()
	for k, e := range parts {
		per[k] = make([]int, deals)
		wg.Go(func() {
			for j, d := range ds {
				if per[k][j], errs[k] = match(e, j+1, d); errs[k] != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	ph.threeRate = float64(deals) / time.Since(start).Seconds()
	if err := errors.Join(errs...); err != nil {
		return ph, err
	}
	// Each shard alone, one after another, on fresh deal ids: what three machines like this one
	// would do, each shard on its own, is the slowest shard's rate.
	var slowest time.Duration
	for _, e := range parts {
		runtime.GC()
		start := time.Now()
		for j, d := range ds {
			if _, err := match(e, deals+j+1, d); err != nil {
				return ph, err
			}
		}
		slowest = max(slowest, time.Since(start))
	}
	ph.separateRate = float64(deals) / slowest.Seconds()
	ph.three = make([]int, deals)
	total := 0
	for j := range deals {
		for k := range parts {
			ph.three[j] += per[k][j]
		}
		total += ph.one[j]
	}
	ph.perDeal = float64(total) / float64(deals)
	runtime.KeepAlive(one)
	return ph, nil
}

// clusterDealSet is n bench deals over the areas, categories, LTV floors and loyalty tiers of
// the synthetic signals, so that they match between about 1 and 25 percent of them.
func clusterDealSet(n int) []*bazaar.Deal {
	ltv := []bazaar.Money{0, 5000, 20000}
	loyalty := []string{"switcher", "regular", "loyal"}
	out := make([]*bazaar.Deal, n)
	for j := range out {
		d := benchDeal(chain.KeyAddress(chain.DevVendorKey))
		d.Service.Category = clusterCats[j%len(clusterCats)]
		d.Targeting.Location.Areas = []string{clusterAreas[j%len(clusterAreas)], clusterAreas[(j+3)%len(clusterAreas)]}
		d.Requirements.MinLTV = ltv[j%len(ltv)]
		d.Requirements.LoyaltyTier = loyalty[(j/len(ltv))%len(loyalty)]
		out[j] = d
	}
	return out
}

// nopKeyedNotifier drops notifications after the matcher has keyed them, as it keys those it
// hands a relay.
type nopKeyedNotifier struct{ nopNotifier }

func (nopKeyedNotifier) DeliverKeyed(context.Context, string, string, []byte) error { return nil }

// procOutput collects a child process's output while it is read.
type procOutput struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *procOutput) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *procOutput) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.b.Bytes())
}

func (b *procOutput) String() string { return string(b.Bytes()) }

// freeAddr is a loopback address with a port free a moment ago.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// peakRSS is this process's peak resident memory so far, in MiB (Linux reports KiB).
func peakRSS() float64 {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return float64(u.Maxrss) / 1024
}

// processRSS is an exited child's peak resident memory in MiB; 0 before it exited.
func processRSS(cmd *exec.Cmd) float64 {
	if cmd.ProcessState == nil {
		return 0
	}
	if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return float64(u.Maxrss) / 1024
	}
	return 0
}

func pct[T cmp.Ordered](sorted []T, p float64) T {
	var zero T
	if len(sorted) == 0 {
		return zero
	}
	return sorted[int(p*float64(len(sorted)-1))]
}

func boolValue(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

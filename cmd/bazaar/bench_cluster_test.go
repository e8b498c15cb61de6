package main

import (
	"context"
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"
)

// TestBench_Cluster runs the cluster suite small (5,000 signals, 200 agents, 5 on-chain posts),
// with relay B and the agents as this test binary run as the CLI: the three shards match
// exactly what one matcher does, deal by deal; every agent, on either relay, gets exactly one
// notification, for the posted deal; and the results carry the suite's names.
func TestBench_Cluster(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	const agents = 200
	cli := func(args ...string) *exec.Cmd {
		c := exec.Command(os.Args[0], args...)
		c.Env = append(os.Environ(), cliEnv+"=1")
		return c
	}
	run, err := runClusterBench(ctx, clusterOpts{signals: 5000, deals: 12, agents: agents, posts: 5}, cli)
	if err != nil {
		t.Fatal(err)
	}

	if len(run.oneMatched) != 12 || !slices.Equal(run.oneMatched, run.shardMatched) {
		t.Errorf("matched per deal: 1 matcher %v, 3 shards %v; want the same 12 counts", run.oneMatched, run.shardMatched)
	}
	if slices.Max(run.oneMatched) == 0 {
		t.Errorf("no deal matched any signal: %v", run.oneMatched)
	}

	checkNotifiedOnce(t, run.agents, agents, run.dealID)

	var names []string
	for _, line := range resultLines(t, run.results) {
		names = append(names, line.Name)
		switch line.Name {
		case "cluster_notify_agents", "cluster_notify_delivered":
			if *line.Value != agents {
				t.Errorf("%s = %v, want %d", line.Name, *line.Value, agents)
			}
		case "cluster_match_3_shards_exact", "cluster_notify_all_delivered_once":
			if *line.Value != 1 {
				t.Errorf("%s = %v, want 1", line.Name, *line.Value)
			}
		case "cluster_notify_nats_consumers":
			if *line.Value != 0 {
				t.Errorf("cluster_notify_nats_consumers = %v, want 0: the relays hold no consumer", *line.Value)
			}
		case "cluster_notify_relays":
			if *line.Value != 2 {
				t.Errorf("cluster_notify_relays = %v, want 2", *line.Value)
			}
		case "cluster_chain_posts":
			if *line.Value != 5 {
				t.Errorf("cluster_chain_posts = %v, want 5", *line.Value)
			}
		}
	}
	want := []string{
		"cluster_cpus", "cluster_match_signals", "cluster_match_deals", "cluster_match_agents_per_deal",
		"cluster_match_1_matcher_deals_per_s", "cluster_match_3_shards_deals_per_s", "cluster_match_3_shards_scaling",
		"cluster_match_3_shards_separate_deals_per_s", "cluster_match_3_shards_separate_scaling", "cluster_match_3_shards_exact",
		"cluster_notify_agents", "cluster_notify_relays", "cluster_notify_nats_consumers",
		"cluster_notify_open_s", "cluster_notify_p50_ms", "cluster_notify_p99_ms", "cluster_notify_all_ms", "cluster_notify_delivered",
		"cluster_notify_all_delivered_once", "cluster_notify_relay_capacity",
		"cluster_chain_posts", "cluster_chain_poll_interval_ms",
		"cluster_chain_index_lag_p50_ms", "cluster_chain_index_lag_p99_ms",
		"cluster_chain_index_lag_p50_blocks", "cluster_chain_index_lag_p99_blocks",
		"cluster_chain_matcher_lag_p50_ms", "cluster_chain_matcher_lag_p99_ms",
		"cluster_chain_matcher_lag_p50_blocks", "cluster_chain_matcher_lag_p99_blocks",
		"cluster_node_peak_rss_mib", "cluster_relays_peak_rss_mib", "cluster_agents_peak_rss_mib", "cluster_peak_rss_mib",
	}
	if !slices.Equal(names, want) {
		t.Errorf("result names %v, want %v", names, want)
	}
}

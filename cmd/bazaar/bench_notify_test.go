package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestBench_Notify runs the notify suite's path with 200 agents in a second process (this test
// binary; TestMain runs the agents there), agents that do not acknowledge and agents that do:
// every agent gets exactly one real notification, for the posted deal, and the results carry the
// suite's names.
func TestBench_Notify(t *testing.T) {
	for _, acks := range []bool{false, true} {
		t.Run(fmt.Sprintf("acks=%v", acks), func(t *testing.T) { testBenchNotify(t, acks) })
	}
}

func testBenchNotify(t *testing.T, acks bool) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	const agents = 200
	run, err := runNotifyBench(ctx, agents, acks, exec.Command(os.Args[0], "-test.run=^$"))
	if err != nil {
		t.Fatal(err)
	}
	checkNotifiedOnce(t, run.agents, agents, run.dealID)

	var names []string
	for _, line := range resultLines(t, run.results) {
		names = append(names, line.Name)
		switch line.Name {
		case "notify_agents":
			if *line.Value != agents {
				t.Errorf("notify_agents = %v, want %d", *line.Value, agents)
			}
		case "notify_all_delivered":
			if *line.Value != 1 {
				t.Errorf("notify_all_delivered = %v, want 1", *line.Value)
			}
		}
	}
	want := []string{"notify_agents", "notify_p50_ms", "notify_p99_ms", "notify_max_ms",
		"notify_to_relay_p50_ms", "notify_to_relay_p99_ms", "notify_relay_to_agent_p50_ms", "notify_relay_to_agent_p99_ms", "notify_all_delivered",
		"notify_node_heap_mib", "notify_node_stack_mib"}
	if !slices.Equal(names, want) {
		t.Errorf("result names %v, want %v", names, want)
	}
}

// cliEnv makes this test binary the bazaar command (its arguments after the binary's name), for
// tests that hand another process a CLI to run (the browser tests' agent).
const cliEnv = "BAZAAR_TEST_AS_CLI"

// TestMain runs the notify bench's agents when this test binary is started as their process
// (by TestBench_Notify), the bazaar command when cliEnv is set, otherwise the tests.
func TestMain(m *testing.M) {
	if os.Getenv(cliEnv) != "" {
		if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "bazaar:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if os.Getenv(notifyAgentsEnv) != "" {
		if err := runNotifyAgents(context.Background(), os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// checkNotifiedOnce checks a notify run's agents: want of them, each with exactly one real
// notification, for deal.
func checkNotifiedOnce(t *testing.T, agents []notifyAgentResult, want int, deal string) {
	t.Helper()
	if len(agents) != want {
		t.Fatalf("%d agent results, want %d", len(agents), want)
	}
	for i, a := range agents {
		if a.Real != 1 || !strings.EqualFold(a.Deal, deal) || a.At == 0 {
			t.Errorf("agent %d: %d real notifications, first for %q at %d; want one for %s", i, a.Real, a.Deal, a.At, deal)
		}
	}
}

// benchLine is one `bench --json` line as a reader sees it.
type benchLine struct {
	Name  string   `json:"name"`
	Value *float64 `json:"value"`
	Unit  string   `json:"unit"`
}

// resultLines encodes results as `bench --json` does and checks each line has a value and a unit.
func resultLines(t *testing.T, results []BenchResult) []benchLine {
	t.Helper()
	var out []benchLine
	for _, r := range results {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var line benchLine
		if err := json.Unmarshal(b, &line); err != nil || line.Value == nil || line.Unit == "" {
			t.Errorf("result line %s: %v", b, err)
		}
		out = append(out, line)
	}
	return out
}

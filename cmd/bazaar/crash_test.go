package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
)

// TestMatcher_CrashRestart kills the matcher process (SIGKILL, no chance to clean up) while it
// works through a burst of deals, posts more while it is down, and restarts it on the same data
// directory: every matched demo agent ends with exactly one notification per deal, no deal is
// skipped, and the on-chain metrics count each deal once.
func TestMatcher_CrashRestart(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	bin := filepath.Join(t.TempDir(), "bazaar")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", ExternalMatcher: true})
	defer n.Stop(ctx)
	data := t.TempDir()
	start := func() *exec.Cmd {
		cmd := exec.Command(bin, "matcher", "--node", n.URL(), "--snp", "simulated", "--demo", "--data", data)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for len(n.hub.Matchers()) == 0 {
			if ctx.Err() != nil {
				t.Fatal("matcher never linked")
			}
			time.Sleep(20 * time.Millisecond)
		}
		return cmd
	}
	proc := start()

	// The 12 demo agents the example deal matches listen throughout.
	var mu sync.Mutex
	got := map[string]map[string]int{} // mailbox -> deal id -> notifications
	var agents []string
	for _, area := range []string{"q1", "q3"} {
		for _, tier := range []string{"medium", "high"} {
			for _, l := range []int{1, 3, 5} {
				agents = append(agents, fmt.Sprintf("demo-%s-%s-l%d", area, tier, l))
			}
		}
	}
	lctx, lcancel := context.WithCancel(ctx)
	defer lcancel()
	for _, a := range agents {
		got[a] = map[string]int{}
		go AgentListen(lctx, n.URL(), bazaar.DemoMailboxKey(a), bazaar.DemoNotifyKey(a), func(p json.RawMessage) bool {
			var nt bazaar.Notification
			if json.Unmarshal(p, &nt) == nil && nt.DealID != "" {
				mu.Lock()
				got[a][nt.DealID]++
				mu.Unlock()
			}
			return true
		})
	}
	for n.hub.Connections() < len(agents) && ctx.Err() == nil {
		time.Sleep(10 * time.Millisecond)
	}

	post := func(i int) string {
		d := exampleDeal(t)
		d.Service.Description = fmt.Sprintf("deal %d", i)
		p, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, d)
		if err != nil {
			t.Fatal(err)
		}
		return p.DealID
	}
	var deals []string
	deals = append(deals, post(0))
	// A burst, and the kill while the matcher works through it.
	for i := 1; i <= 4; i++ {
		deals = append(deals, post(i))
	}
	proc.Process.Signal(syscall.SIGKILL)
	proc.Wait()
	// Posted while no matcher runs: matched after the restart, not skipped.
	deals = append(deals, post(5))
	proc = start()
	defer func() {
		proc.Process.Signal(syscall.SIGTERM)
		proc.Wait()
	}()

	complete := func() bool {
		mu.Lock()
		defer mu.Unlock()
		for _, a := range agents {
			for _, d := range deals {
				if got[a][d] == 0 {
					return false
				}
			}
		}
		return true
	}
	for !complete() {
		if ctx.Err() != nil {
			t.Fatalf("not every agent got every deal: %v", got)
		}
		time.Sleep(20 * time.Millisecond)
	}
	want := uint64(len(agents) * len(deals))
	waitMetrics(t, n, chain.KeyAddress(chain.DevVendorKey), want)
	time.Sleep(300 * time.Millisecond) // let any duplicate that were coming arrive
	mu.Lock()
	defer mu.Unlock()
	var dup []string
	for _, a := range agents {
		for _, d := range deals {
			if got[a][d] != 1 {
				dup = append(dup, fmt.Sprintf("%s got deal %s %d times", a, d[:10], got[a][d]))
			}
		}
	}
	if len(dup) > 0 {
		t.Fatalf("not exactly once:\n%s", strings.Join(dup, "\n"))
	}
	var m bazaar.VendorMetrics
	getJSON(t, n.URL()+"/metrics/"+chain.KeyAddress(chain.DevVendorKey).Hex(), &m)
	if m.AgentsMatched != want || m.ImpressionsSent != want {
		t.Fatalf("on-chain metrics %d matched / %d sent, want %d each (a deal counted twice or skipped)", m.AgentsMatched, m.ImpressionsSent, want)
	}
}

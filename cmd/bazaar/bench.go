package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ipfs"
	"github.com/bazaar-market/bazaar/matcher"
)

// BenchResult is one line of `bazaar bench --json`.
type BenchResult struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

var benchSuites = map[string]func(context.Context, benchOpts) ([]BenchResult, error){
	"post":       benchPost,
	"browse":     benchBrowse,
	"attest-gas": benchAttestGas,
	"match":      benchMatch,
	"notify":     benchNotify,
	"prove":      benchProve,
	"settle-gas": benchSettleGas,
	"cluster":    benchCluster,
}

type benchOpts struct {
	n        int
	duration time.Duration
	conc     int
	agents   int
	relays   int
	acks     bool
}

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print JSON lines {name,value,unit}")
	n := fs.Int("n", 0, "operations (post: deals posted, default 200; browse: deals indexed, default 10000; notify: agents, default 10000; cluster: signals, default 300000)")
	dur := fs.Duration("duration", 5*time.Second, "browse: load duration")
	conc := fs.Int("c", 32, "browse: concurrent clients")
	agents := fs.Int("agents", 0, "cluster: agents spread over the relays (default 50000)")
	acks := fs.Bool("acks", false, "notify: the agents acknowledge every envelope (as the CLI and the web inbox do)")
	relays := fs.Int("relays", 0, "cluster: relays sharing mailboxes over NATS (default 2, more if a relay process cannot hold its share of the agents under the open-file limit)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run here (go tool pprof)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if len(pos) == 0 {
		pos = []string{"all"}
	}
	var names []string
	for _, p := range pos {
		if p == "all" {
			names = append(names, "post", "browse", "attest-gas", "match", "notify", "prove", "settle-gas", "cluster")
		} else if _, ok := benchSuites[p]; ok {
			names = append(names, p)
		} else {
			return fmt.Errorf("unknown bench suite %q (have: post, browse, attest-gas, match, notify, prove, settle-gas, cluster, all)", p)
		}
	}
	for _, name := range names {
		res, err := benchSuites[name](ctx, benchOpts{n: *n, duration: *dur, conc: *conc, agents: *agents, relays: *relays, acks: *acks})
		if err != nil {
			return fmt.Errorf("bench %s: %w", name, err)
		}
		for _, r := range res {
			if *asJSON {
				b, _ := json.Marshal(r)
				fmt.Fprintln(stdout, string(b))
			} else {
				fmt.Fprintf(stdout, "%-28s %12.3f %s\n", r.Name, r.Value, r.Unit)
			}
		}
	}
	return nil
}

func benchNode(ctx context.Context) (*Node, func(), error) {
	dir, err := os.MkdirTemp("", "bazaar-bench-")
	if err != nil {
		return nil, nil, err
	}
	n, err := Start(ctx, Config{DataDir: dir, HTTPListen: "127.0.0.1:0", SeedDemo: true, WatchInterval: 10 * time.Millisecond})
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return n, func() { n.Stop(context.Background()); os.RemoveAll(dir) }, nil
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p * float64(len(sorted)-1))
	return sorted[i]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// benchPost measures a vendor's post end to end on the embedded chain: typed data fetched,
// signed, validated, pinned, mined and browsable (GET /deals/{id} answers).
func benchPost(ctx context.Context, o benchOpts) ([]BenchResult, error) {
	if o.n <= 0 {
		o.n = 200
	}
	n, done, err := benchNode(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	base := benchDeal(chain.KeyAddress(chain.DevVendorKey))
	lat := make([]time.Duration, 0, o.n)
	for i := range o.n {
		d := *base
		d.Service.Description = fmt.Sprintf("benchmark deal %d", i)
		start := time.Now()
		res, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, &d)
		if err != nil {
			return nil, err
		}
		resp, err := http.Get(n.URL() + "/deals/" + res.DealID)
		if err != nil {
			return nil, err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			return nil, fmt.Errorf("deal %s not browsable: %s", res.DealID, resp.Status)
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	return []BenchResult{
		{"post_e2e_p50", ms(percentile(lat, .5)), "ms"},
		{"post_e2e_p99", ms(percentile(lat, .99)), "ms"},
		{"post_e2e_count", float64(len(lat)), "deals"},
	}, nil
}

func benchDeal(vendor common.Address) *bazaar.Deal {
	return &bazaar.Deal{
		Vendor: vendor, VendorID: "bench-vendor", VendorName: "Bench",
		Service:      bazaar.Service{Type: "product", Category: "coffee", Description: "benchmark deal"},
		Pricing:      bazaar.Pricing{BasePrice: 500, DiscountedPrice: 400, DiscountPercent: 20, Currency: "USD"},
		Targeting:    &bazaar.Targeting{Location: &bazaar.LocationTargeting{Granularity: "district", Areas: []string{"Quận 1", "Quận 3"}}},
		Requirements: &bazaar.Requirements{MinLTV: 5000, LoyaltyTier: "regular"},
		Availability: bazaar.Availability{InStock: true, MaxRedemptions: 100},
		ExpiresAt:    time.Now().Add(7 * 24 * time.Hour).UnixMilli(),
	}
}

// benchBrowse loads the browse index with o.n deals and drives GET /deals from o.conc
// keep-alive clients in this process for o.duration. The deals enter the index directly (the
// same Put the registry watcher calls) so that seeding 10,000 of them does not dominate the run.
func benchBrowse(ctx context.Context, o benchOpts) ([]BenchResult, error) {
	if o.n <= 0 {
		o.n = 10000
	}
	n, done, err := benchNode(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	areas := []string{"Quận 1", "Quận 3", "Quận 5", "Quận 7"}
	cats := []string{"coffee", "tea", "food", "books"}
	vendor := chain.KeyAddress(chain.DevVendorKey)
	for i := range o.n {
		d := benchDeal(vendor)
		d.Service.Category = cats[i%len(cats)]
		d.Targeting.Location.Areas = []string{areas[i%len(areas)]}
		d.Service.Description = fmt.Sprintf("benchmark deal %d", i)
		js, _ := json.Marshal(d)
		raw, err := ipfs.Canonical(js)
		if err != nil {
			return nil, err
		}
		digest := common.Hash(crypto.Keccak256Hash(raw))
		h := bazaar.NewHeader(d, digest, 1, big.NewInt(int64(i)+1), big.NewInt(0))
		n.index.Put(h.DealID(), ipfs.CID(raw).String(), h, d, raw, 1, common.Hash{})
	}
	paths := []string{"/deals", "/deals?category=coffee", "/deals?area=Qu%E1%BA%ADn%203&limit=10", "/deals?maxPrice=4"}
	tr := &http.Transport{MaxIdleConnsPerHost: o.conc, MaxConnsPerHost: o.conc}
	client := &http.Client{Transport: tr}
	defer tr.CloseIdleConnections()
	var (
		mu    sync.Mutex
		lat   []time.Duration
		total atomic.Int64
		fails atomic.Int64
		wg    sync.WaitGroup
	)
	lctx, cancel := context.WithTimeout(ctx, o.duration)
	defer cancel()
	start := time.Now()
	for w := range o.conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := make([]time.Duration, 0, 4096)
			for i := w; lctx.Err() == nil; i++ {
				t0 := time.Now()
				resp, err := client.Get(n.URL() + paths[i%len(paths)])
				if err != nil {
					if !errors.Is(lctx.Err(), context.DeadlineExceeded) {
						fails.Add(1)
					}
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					fails.Add(1)
					continue
				}
				local = append(local, time.Since(t0))
				total.Add(1)
			}
			mu.Lock()
			lat = append(lat, local...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if fails.Load() > 0 {
		return nil, fmt.Errorf("%d failed requests", fails.Load())
	}
	slices.Sort(lat)
	return []BenchResult{
		{"browse_rps", float64(total.Load()) / elapsed.Seconds(), "req/s"},
		{"browse_p50", ms(percentile(lat, .5)), "ms"},
		{"browse_p99", ms(percentile(lat, .99)), "ms"},
		{"browse_deals_indexed", float64(o.n), "deals"},
		{"browse_clients", float64(o.conc), "connections"},
	}, nil
}

// benchAttestGas deploys a fresh AttestationRegistry on the embedded chain (Osaka rules) and
// registers a simulated matcher through it twice: the first time every certificate is new, the
// second time (another matcher key on the same chip) the ASK and VCEK are already cached.
// Whole-transaction gas from the receipts.
func benchAttestGas(ctx context.Context, _ benchOpts) ([]BenchResult, error) {
	n, done, err := benchNode(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	regAddr, _, err := n.deployAttestation(ctx, n.snp)
	if err != nil {
		return nil, err
	}
	att := chain.NewAttestation(n.backend, regAddr)
	id, err := n.backend.ChainID(ctx)
	if err != nil {
		return nil, err
	}
	var out []BenchResult
	seal, err := matcherSealer(n.snp, filepath.Join(n.cfg.DataDir, "matcher"))
	if err != nil {
		return nil, err
	}
	for i, label := range []string{"first", "cached"} {
		keys, err := loadMatcherKeys(filepath.Join(n.cfg.DataDir, fmt.Sprintf("bench-matcher-%d", i)), seal)
		if err != nil {
			return nil, err
		}
		ev, err := attestKeys(id, regAddr, n.snp, keys)
		if err != nil {
			return nil, err
		}
		askID, askR, err := att.RegisterAsk(ctx, n.relayer, ev.Product, ev.ASK)
		if err != nil {
			return nil, err
		}
		vcekID, vcekR, err := att.RegisterVcek(ctx, n.relayer, askID, ev.VCEK)
		if err != nil {
			return nil, err
		}
		mR, err := att.RegisterMatcher(ctx, n.relayer, vcekID, ev.Report, ev.Matcher, ev.HPKEKey, ev.Nonce.ToInt())
		if err != nil {
			return nil, err
		}
		out = append(out,
			BenchResult{"attest_register_ask_gas_" + label, float64(askR.GasUsed), "gas"},
			BenchResult{"attest_register_vcek_gas_" + label, float64(vcekR.GasUsed), "gas"},
			BenchResult{"attest_register_matcher_gas_" + label, float64(mR.GasUsed), "gas"},
			BenchResult{"attest_max_tx_gas_" + label, float64(max(askR.GasUsed, vcekR.GasUsed, mR.GasUsed)), "gas"})
	}
	return out, nil
}

// benchMatch matches the example deal against 10k, 100k and 1M random signals with the bitmap
// index (the matched set materialised) and with a plain Go loop over Signal.Matches, and reports
// the index's heap per million signals.
func benchMatch(_ context.Context, _ benchOpts) ([]BenchResult, error) {
	areas := []string{"Quận 1", "Quận 3", "Quận 5", "Quận 7", "Quận 10", "Thủ Đức", "Bình Thạnh", "Gò Vấp"}
	tiers := []string{"low", "medium", "high"}
	cats := []string{"coffee", "tea", "food", "books", "fitness"}
	now := time.Now()
	d := benchDeal(chain.KeyAddress(chain.DevVendorKey))
	var out []BenchResult
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		r := rand.New(rand.NewPCG(uint64(n), 1))
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		e, err := matcher.New(matcher.Config{Notifier: nopNotifier{}, Clock: func() time.Time { return now }})
		if err != nil {
			return nil, err
		}
		ref := make([]bazaar.Signal, 0, n)
		key := make([]byte, 32)
		for i := range n {
			s := bazaar.Signal{EphemeralID: strconv.Itoa(i), LTVTier: tiers[r.IntN(3)], LoyaltyLevel: r.IntN(6),
				Area: areas[r.IntN(len(areas))], Mailbox: "m" + strconv.Itoa(i), NotifyKey: key, ExpiresAt: now.Add(time.Hour).UnixMilli()}
			if r.IntN(2) == 0 {
				s.Categories = []string{cats[r.IntN(len(cats))]}
			}
			if err := e.AddSignal(s); err != nil {
				return nil, err
			}
			ref = append(ref, s)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		idx := make([]time.Duration, 0, 30)
		plain := make([]time.Duration, 0, 30)
		matched := 0
		for range 30 {
			t0 := time.Now()
			matched = e.MatchCount(d)
			idx = append(idx, time.Since(t0))
			t0 = time.Now()
			var m []bazaar.Signal
			nowMs := now.UnixMilli()
			for i := range ref {
				if ref[i].ExpiresAt > nowMs && ref[i].Matches(d) {
					m = append(m, ref[i])
				}
			}
			plain = append(plain, time.Since(t0))
			if len(m) != matched {
				return nil, fmt.Errorf("index matched %d, plain filter %d", matched, len(m))
			}
		}
		slices.Sort(idx)
		slices.Sort(plain)
		label := map[int]string{10_000: "10k", 100_000: "100k", 1_000_000: "1m"}[n]
		out = append(out,
			BenchResult{"match_" + label + "_p50", ms(percentile(idx, .5)), "ms"},
			BenchResult{"match_" + label + "_plain_go_p50", ms(percentile(plain, .5)), "ms"},
			BenchResult{"match_" + label + "_speedup", float64(percentile(plain, .5)) / float64(max(percentile(idx, .5), 1)), "x"},
			BenchResult{"match_" + label + "_matched", float64(matched), "signals"},
		)
		if n == 1_000_000 {
			out = append(out, BenchResult{"match_heap_per_1m_signals", float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20), "MiB"})
		}
		runtime.KeepAlive(e)
	}
	return out, nil
}

type nopNotifier struct{}

func (nopNotifier) Deliver(context.Context, string, []byte) error { return nil }

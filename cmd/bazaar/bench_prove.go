package main

import (
	"context"
	"math/big"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/consensys/gnark/logger"

	"github.com/bazaar-market/bazaar/prover"
)

// proverGC is the GC target while proving: the prover allocates in large bursts, and a looser
// target saves about 7% of proving time for a few MiB more heap.
const proverGC = 400

// benchProve proves eligibility n times (default 30) with the development keys and reports the
// time per proof, the circuit's size, the proving key's size and the process's peak memory.
func benchProve(_ context.Context, o benchOpts) ([]BenchResult, error) {
	logger.Disable()
	n := o.n
	if n <= 0 {
		n = 30
	}
	start := time.Now()
	keys, err := prover.DevKeys()
	if err != nil {
		return nil, err
	}
	setup := time.Since(start)
	ccs, err := prover.Compiled()
	if err != nil {
		return nil, err
	}
	iss, err := prover.NewIssuer()
	if err != nil {
		return nil, err
	}
	day := uint64(time.Now().Unix() / 86400)
	r := prover.Requirements{DealID: big.NewInt(7), Category: 7, MinLTV: 5000, MinLoyalty: 2, VX: 1_000_000, VY: 2_000_000,
		RadiusSq: big.NewInt(2000 * 2000), Proximity: true}
	c, err := iss.Issue(prover.Credential{Category: 7, LTV: 12_000, Loyalty: 3, X: 1_001_000, Y: 2_001_000, Expiry: day + 30, Secret: big.NewInt(99)})
	if err != nil {
		return nil, err
	}
	w, err := prover.Assignment(r, c, iss, day, big.NewInt(0xda1d))
	if err != nil {
		return nil, err
	}
	old := debug.SetGCPercent(proverGC)
	defer debug.SetGCPercent(old)
	if _, err := keys.Prove(w); err != nil { // warm-up
		return nil, err
	}
	var times []time.Duration
	for range n {
		t := time.Now()
		if _, err := keys.Prove(w); err != nil {
			return nil, err
		}
		times = append(times, time.Since(t))
	}
	slices.Sort(times)
	size, err := keys.PK.WriteTo(&countWriter{})
	if err != nil {
		return nil, err
	}
	return []BenchResult{
		{"prove_p50", ms(percentile(times, 0.50)), "ms"},
		{"prove_p99", ms(percentile(times, 0.99)), "ms"},
		{"prove_constraints", float64(ccs.GetNbConstraints()), "constraints"},
		{"prove_public_inputs", float64(ccs.GetNbPublicVariables() - 1), "inputs"},
		{"prove_pk_size", float64(size) / (1 << 20), "MiB"},
		{"prove_dev_setup", ms(setup), "ms"},
		{"prove_peak_rss", peakRSSMiB(), "MiB"},
	}, nil
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// peakRSSMiB is the process's peak resident set (VmHWM), 0 where /proc is missing.
func peakRSSMiB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

package main

import (
	"context"
	"testing"
)

// TestBench_SettleGas: the settle-gas suite runs on the dev chain; at 1,000 payments over 100
// vendors a batch costs at most 2,000 gas per payment (gas is deterministic, not a timing).
func TestBench_SettleGas(t *testing.T) {
	res, err := benchSettleGas(context.Background(), benchOpts{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, r := range res {
		got[r.Name] = r.Value
	}
	if len(got) != 9 {
		t.Fatalf("results %v", got)
	}
	if g := got["settle_1000_gas_per_payment"]; g <= 0 || g > 2000 {
		t.Fatalf("settle_1000_gas_per_payment = %.0f, want ≤ 2000", g)
	}
	if got["settle_1000_ratio"] < 10 {
		t.Fatalf("batching is only %.1f× cheaper than direct transfers", got["settle_1000_ratio"])
	}
}

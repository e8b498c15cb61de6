package main

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/prover"
)

// TestLTVCents: a settled spend converts to cents and saturates at the largest LTV a credential
// can state — issuing a wider one would be refused, and truncating it (uint64 wrap) would shrink it.
func TestLTVCents(t *testing.T) {
	huge := new(big.Int).Lsh(big.NewInt(1), 80) // token units: wraps a uint64 of cents
	for _, tc := range []struct {
		base  uint64
		spent *big.Int
		want  uint64
	}{
		{0, nil, 0},
		{100, big.NewInt(40_000), 104},
		{0, big.NewInt(9_999), 0},
		{0, huge, prover.MaxLTV},
		{prover.MaxLTV, big.NewInt(10_000), prover.MaxLTV},
		{0, new(big.Int).Mul(big.NewInt(prover.MaxLTV), big.NewInt(10_000)), prover.MaxLTV},
	} {
		if got := ltvCents(tc.base, tc.spent); got != tc.want {
			t.Errorf("ltvCents(%d, %v) = %d, want %d", tc.base, tc.spent, got, tc.want)
		}
	}
}

// TestAccountProof_ChainBound: an account proof names the chain as well as the Settlement
// contract: one signed for another chain is refused.
func TestAccountProof_ChainBound(t *testing.T) {
	key := mustKey(t)
	st := common.HexToAddress("0x5e771e")
	p, err := SignAccountProof(key, purposeHistory, big.NewInt(1), st)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Check(purposeHistory, big.NewInt(1), st); err != nil {
		t.Fatal(err)
	}
	if err := p.Check(purposeHistory, big.NewInt(10), st); err == nil {
		t.Fatal("a proof for chain 1 accepted on chain 10")
	}
	if err := p.Check(purposeStatement, big.NewInt(1), st); err == nil {
		t.Fatal("a proof for one purpose accepted for another")
	}
}

// TestVendorOrder_CheckCode (issue 19, finding 7): codes have 66 bits; wrong ones are counted
// and after bazaar.MaxWrongCodes the order's code is locked, the right one refused too.
func TestVendorOrder_CheckCode(t *testing.T) {
	code, err := bazaar.NewPickupCode()
	if err != nil {
		t.Fatal(err)
	}
	if digits := strings.NewReplacer("-", "").Replace(code); len(digits) != bazaar.PickupCodeDigits {
		t.Fatalf("code %q", code)
	}
	o := &vendorOrder{PickupCodeHash: bazaar.PickupCodeHash(code)}
	if err := o.checkCode(code); err != nil {
		t.Fatal(err)
	}
	for i := range bazaar.MaxWrongCodes {
		if err := o.checkCode("00000-00000-00000-0000" + string(rune('0'+i))); err == nil || !strings.Contains(err.Error(), "does not match") {
			t.Fatalf("wrong code %d: %v", i, err)
		}
	}
	if err := o.checkCode(code); err == nil || !strings.Contains(err.Error(), "locked") {
		t.Fatalf("the right code after %d wrong ones: %v", bazaar.MaxWrongCodes, err)
	}
}

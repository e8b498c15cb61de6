package prover_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/bazaar-market/bazaar/prover"
)

// TestGroth16_ProveVerify proves eligibility with the development keys and checks the proof, and
// that it does not verify for another payout address, nullifier, deal or day.
func TestGroth16_ProveVerify(t *testing.T) {
	keys, err := prover.DevKeys()
	if err != nil {
		t.Fatal(err)
	}
	r, c, iss := fixture(t)
	w, err := prover.Assignment(r, c, iss, today, big.NewInt(0xbeef))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	p, err := keys.Prove(w)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("proved in %s", time.Since(start))
	if err := keys.Verify(p); err != nil {
		t.Fatalf("valid proof refused: %v", err)
	}
	for i, name := range []string{"another deal's requirements", "another nullifier", "another day or payout address"} {
		q := *p
		q.Public[i] = new(big.Int).Add(p.Public[i], big.NewInt(1))
		if err := keys.Verify(&q); err == nil {
			t.Fatalf("%s: proof still verifies", name)
		}
	}
	q := *p
	q.Words[0] = new(big.Int).Add(p.Words[0], big.NewInt(1))
	if err := keys.Verify(&q); err == nil {
		t.Fatal("a changed proof word verifies")
	}
	if _, err := keys.Prove(mustAssign(t, r, c, iss, today+31)); err == nil {
		t.Fatal("proved with an expired credential")
	}
	if _, err := prover.Assignment(r, c, iss, today, new(big.Int).Lsh(big.NewInt(1), 160)); err == nil {
		t.Fatal("a payout wider than an address accepted")
	}
}

func mustAssign(t *testing.T, r prover.Requirements, c prover.Credential, iss *prover.Issuer, day uint64) *prover.EligibilityCircuit {
	t.Helper()
	w, err := prover.Assignment(r, c, iss, day, big.NewInt(1))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func BenchmarkProve(b *testing.B) {
	keys, err := prover.DevKeys()
	if err != nil {
		b.Fatal(err)
	}
	iss, _ := prover.NewIssuer()
	r := prover.Requirements{DealID: big.NewInt(1), Category: 7, MinLTV: 5000, MinLoyalty: 2, VX: 1000, VY: 1000, RadiusSq: big.NewInt(1 << 20), Proximity: true}
	c, _ := iss.Issue(prover.Credential{Category: 7, LTV: 9000, Loyalty: 3, X: 1100, Y: 1100, Expiry: today + 1, Secret: big.NewInt(5)})
	w, err := prover.Assignment(r, c, iss, today, big.NewInt(2))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := keys.Prove(w); err != nil {
			b.Fatal(err)
		}
	}
}

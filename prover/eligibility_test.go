package prover_test

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/test"

	"github.com/bazaar-market/bazaar/prover"
)

const today = 20423 // 2025-11-30 in unix days

func fixture(t *testing.T) (prover.Requirements, prover.Credential, *prover.Issuer) {
	t.Helper()
	iss, err := prover.NewIssuer()
	if err != nil {
		t.Fatal(err)
	}
	r := prover.Requirements{DealID: big.NewInt(0xdea1), Category: 7, MinLTV: 5000, MinLoyalty: 2, VX: 1_000_000, VY: 2_000_000,
		RadiusSq: big.NewInt(2000 * 2000), Proximity: true}
	c, err := iss.Issue(prover.Credential{Category: 7, LTV: 12_000, Loyalty: 3, X: 1_001_200, Y: 2_001_600, Expiry: today + 30,
		Secret: big.NewInt(123456789)})
	if err != nil {
		t.Fatal(err)
	}
	return r, c, iss
}

func solved(t *testing.T, r prover.Requirements, c prover.Credential, iss *prover.Issuer, day uint64) error {
	t.Helper()
	w, err := prover.Assignment(r, c, iss, day, big.NewInt(0xbeef))
	if err != nil {
		return err
	}
	return test.IsSolved(&prover.EligibilityCircuit{}, w, ecc.BN254.ScalarField())
}

func TestSponge_NativeMatchesCircuit(t *testing.T) {
	for n := 0; n <= 7; n++ {
		in := make([]*big.Int, n)
		vars := make([]frontend.Variable, n)
		for i := range in {
			in[i] = big.NewInt(int64(1000 + i))
			vars[i] = in[i]
		}
		c := &hashCircuit{In: make([]frontend.Variable, n)}
		w := &hashCircuit{In: vars, Out: prover.Hash(in...)}
		if err := test.IsSolved(c, w, ecc.BN254.ScalarField()); err != nil {
			t.Fatalf("%d inputs: %v", n, err)
		}
	}
	if prover.Hash(big.NewInt(1), big.NewInt(2)).Cmp(prover.Hash(big.NewInt(2), big.NewInt(1))) == 0 {
		t.Fatal("order-insensitive")
	}
	if prover.Hash(big.NewInt(0)).Cmp(prover.Hash(big.NewInt(0), big.NewInt(0))) == 0 {
		t.Fatal("length not separated")
	}
}

type hashCircuit struct {
	In  []frontend.Variable
	Out frontend.Variable `gnark:",public"`
}

func (c *hashCircuit) Define(api frontend.API) error {
	out, err := prover.CircuitHash(api, c.In...)
	if err != nil {
		return err
	}
	api.AssertIsEqual(out, c.Out)
	return nil
}

// TestEligibility_Circuit: a valid credential passes, exactly at each bound too; just below
// any bound, another issuer, a forged or expired credential, or another deal fails — natively
// (what the agent is told before proving) and in the circuit.
func TestEligibility_Circuit(t *testing.T) {
	r, c, iss := fixture(t)
	if err := prover.Eligible(r, c, today); err != nil {
		t.Fatalf("native: %v", err)
	}
	if err := solved(t, r, c, iss, today); err != nil {
		t.Fatalf("valid credential refused: %v", err)
	}

	at := func(mod func(*prover.Requirements, *prover.Credential)) (prover.Requirements, prover.Credential) {
		r2, c2 := r, c
		mod(&r2, &c2)
		c3, err := iss.Issue(c2)
		if err != nil {
			t.Fatal(err)
		}
		return r2, c3
	}
	passes := map[string]func(*prover.Requirements, *prover.Credential){
		"ltv exactly the minimum":     func(r *prover.Requirements, c *prover.Credential) { c.LTV = r.MinLTV },
		"loyalty exactly the level":   func(r *prover.Requirements, c *prover.Credential) { c.Loyalty = r.MinLoyalty },
		"distance exactly the radius": func(r *prover.Requirements, c *prover.Credential) { c.X, c.Y = r.VX+1200, r.VY+1600 },
		"expires today":               func(r *prover.Requirements, c *prover.Credential) { c.Expiry = today },
		"far away, no proximity":      func(r *prover.Requirements, c *prover.Credential) { r.Proximity = false; c.X = r.VX + 500_000 },
	}
	for name, mod := range passes {
		t.Run(name, func(t *testing.T) {
			r2, c2 := at(mod)
			if err := prover.Eligible(r2, c2, today); err != nil {
				t.Fatalf("native: %v", err)
			}
			if err := solved(t, r2, c2, iss, today); err != nil {
				t.Fatalf("circuit: %v", err)
			}
		})
	}
	fails := map[string]func(*prover.Requirements, *prover.Credential){
		"ltv one cent below":         func(r *prover.Requirements, c *prover.Credential) { c.LTV = r.MinLTV - 1 },
		"loyalty one level below":    func(r *prover.Requirements, c *prover.Credential) { c.Loyalty = r.MinLoyalty - 1 },
		"one unit outside radius":    func(r *prover.Requirements, c *prover.Credential) { c.X, c.Y = r.VX+1200, r.VY+1601 },
		"expired yesterday":          func(r *prover.Requirements, c *prover.Credential) { c.Expiry = today - 1 },
		"credential for another cat": func(r *prover.Requirements, c *prover.Credential) { c.Category = r.Category + 1 },
	}
	for name, mod := range fails {
		t.Run(name, func(t *testing.T) {
			r2, c2 := at(mod)
			if err := prover.Eligible(r2, c2, today); err == nil {
				t.Fatal("native check passed")
			}
			if err := solved(t, r2, c2, iss, today); err == nil {
				t.Fatal("circuit satisfied")
			}
		})
	}
	t.Run("credential from another issuer", func(t *testing.T) {
		other, _ := prover.NewIssuer()
		forged, _ := other.Issue(c)
		if err := solved(t, r, forged, iss, today); err == nil {
			t.Fatal("signature by another key accepted")
		}
	})
	t.Run("credential fields changed after signing", func(t *testing.T) {
		c2 := c
		c2.LTV = 1_000_000
		if err := solved(t, r, c2, iss, today); err == nil {
			t.Fatal("forged LTV accepted")
		}
	})
	t.Run("another agent's secret", func(t *testing.T) {
		c2 := c
		c2.Secret = big.NewInt(42)
		if err := solved(t, r, c2, iss, today); err == nil {
			t.Fatal("credential used with another secret")
		}
	})
}

func TestEligibility_Constraints(t *testing.T) {
	cs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &prover.EligibilityCircuit{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("constraints %d, public %d, commitments %d", cs.GetNbConstraints(), cs.GetNbPublicVariables(), len(cs.GetCommitments().CommitmentIndexes()))
	if n := cs.GetNbConstraints(); n > 8192 {
		t.Fatalf("%d constraints: over 8,192 the FFT domain doubles and proving slows down by about half", n)
	}
	if n := len(cs.GetCommitments().CommitmentIndexes()); n != 0 {
		t.Fatalf("%d commitments: a gadget added a Pedersen commitment (another verifier ABI, +121k gas)", n)
	}
	if cs.GetNbPublicVariables() != 4 { // the constant one + three inputs
		t.Fatalf("%d public variables", cs.GetNbPublicVariables())
	}
}

// TestEligibility_NativeMatchesCircuit: on random requirements and credentials drawn around
// every bound, the native check (what an agent is told before proving) and the circuit agree.
func TestEligibility_NativeMatchesCircuit(t *testing.T) {
	iss, err := prover.NewIssuer()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 5))
	near := func(v uint64, spread int) uint64 { // v ± spread, not below 0
		d := rng.IntN(2*spread+1) - spread
		if d < 0 && uint64(-d) > v {
			return 0
		}
		return uint64(int64(v) + int64(d))
	}
	agree, pass := 0, 0
	for i := range 120 {
		r := prover.Requirements{DealID: big.NewInt(int64(1000 + i)), Category: 7, MinLTV: uint64(rng.IntN(20_000)),
			MinLoyalty: uint64(rng.IntN(6)), VX: 1_000_000, VY: 1_000_000, RadiusSq: big.NewInt(int64(rng.IntN(5) * 500 * 500)),
			Proximity: rng.IntN(2) == 0}
		radius := uint64(new(big.Int).Sqrt(r.RadiusSq).Uint64())
		c, err := iss.Issue(prover.Credential{Category: 7, LTV: near(r.MinLTV, 2), Loyalty: near(r.MinLoyalty, 1) % 6,
			X: near(r.VX+radius, 2), Y: r.VY, Expiry: near(today, 1), Secret: big.NewInt(int64(i + 1))})
		if err != nil {
			t.Fatal(err)
		}
		native := prover.Eligible(r, c, today) == nil
		circuit := solved(t, r, c, iss, today) == nil
		if native != circuit {
			t.Fatalf("case %d: native %v, circuit %v (%+v, %+v)", i, native, circuit, r, c)
		}
		agree++
		if native {
			pass++
		}
	}
	if pass == 0 || pass == agree {
		t.Fatalf("%d of %d eligible: the draw does not straddle the bounds", pass, agree)
	}
	t.Logf("%d cases agree, %d eligible", agree, pass)
}

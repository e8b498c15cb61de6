package prover_test

import (
	"math/big"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	edwards "github.com/consensys/gnark-crypto/ecc/bn254/twistededwards"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"

	"github.com/bazaar-market/bazaar/prover"
	"github.com/bazaar-market/bazaar/prover/provertest"
)

// The malicious-prover tests: every attack below is run against the circuit as it was before
// issue 18 (prover.LegacyCircuit), where it must forge — so the attack is real and would catch
// the flaw again — and against the circuit as it is, where it must not. A forgery is an
// assignment that satisfies every constraint: Groth16 then proves it, and the tests that go
// that far check the proof against the verifying key too.

var field = ecc.BN254.ScalarField()

// greedyDeal is the deal an attacker wants: LTV ≥ 1e9 cents, loyalty 5, within 10 units.
func greedyDeal() prover.Requirements {
	return prover.Requirements{DealID: big.NewInt(0xfeed), Category: 7, MinLTV: 1_000_000_000, MinLoyalty: 5,
		VX: 5_000_000, VY: 5_000_000, RadiusSq: big.NewInt(100), Proximity: true}
}

// forged is a witness for greedyDeal under the honest issuer's key with a credential the issuer
// never signed: the attacker's fields and secret, and the signature (R, S) it chooses.
func forged(t *testing.T, iss *prover.Issuer, secret int64, rx, ry, s *big.Int) *prover.EligibilityCircuit {
	w, _ := forgedCred(t, iss, secret, rx, ry, s)
	return w
}

func forgedCred(t *testing.T, iss *prover.Issuer, secret int64, rx, ry, s *big.Int) (*prover.EligibilityCircuit, prover.Credential) {
	t.Helper()
	r := greedyDeal()
	other, err := prover.NewIssuer()
	if err != nil {
		t.Fatal(err)
	}
	// A well-formed signature by another key, so the assignment parses; R and S are replaced.
	c, err := other.Issue(prover.Credential{Category: r.Category, LTV: 1 << 40, Loyalty: 5, X: r.VX, Y: r.VY,
		Expiry: today + 3650, Secret: big.NewInt(secret)})
	if err != nil {
		t.Fatal(err)
	}
	w, err := prover.AssignmentFor(r, c, iss.PublicKey(), today, big.NewInt(0xa77ac))
	if err != nil {
		t.Fatal(err)
	}
	w.Sig.R.X, w.Sig.R.Y, w.Sig.S = rx, ry, s
	return w, c
}

// mulG is [s]G on the twisted Edwards curve.
func mulG(s *big.Int) (x, y *big.Int) {
	base := edwards.GetEdwardsCurve().Base
	var p edwards.PointAffine
	p.ScalarMultiplication(&base, s)
	return p.X.BigInt(new(big.Int)), p.Y.BigInt(new(big.Int))
}

func fullWitness(t *testing.T, c frontend.Circuit) witness.Witness {
	t.Helper()
	w, err := frontend.NewWitness(c, field)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func compile(t *testing.T, c frontend.Circuit, hintedDivisions bool) constraint.ConstraintSystem {
	t.Helper()
	var ccs constraint.ConstraintSystem
	var err error
	if hintedDivisions {
		ccs, err = prover.CompileHintedDivisions(c)
	} else {
		ccs, err = frontend.Compile(field, r1cs.NewBuilder, c)
	}
	if err != nil {
		t.Fatal(err)
	}
	return ccs
}

// hintID finds a hint of a system by the end of its registered name.
func hintID(t *testing.T, ccs constraint.ConstraintSystem, suffix string) solver.HintID {
	t.Helper()
	for id, name := range provertest.Hints(ccs) {
		if strings.HasSuffix(name, suffix) {
			return id
		}
	}
	t.Fatalf("no hint %q in the system", suffix)
	return 0
}

// fakeGLV is forgery 1's rewrites: gnark's fake-GLV ScalarMul checks s1 + s2·h = k·ℓ in the
// native field with k a free hint, so s1 = 0, s2 = 1, k = h/ℓ passes for any h, and the
// "result" hint can then be the identity: [h](−A) = O, and R = [S]G signs anything.
func fakeGLV(t *testing.T, ccs constraint.ConstraintSystem) map[solver.HintID]provertest.Rewrite {
	order := edwards.GetEdwardsCurve().Order
	return map[solver.HintID]provertest.Rewrite{
		hintID(t, ccs, ".halfGCD"): func(_ int, f *big.Int, in, out []*big.Int) {
			k := new(big.Int).ModInverse(&order, f)
			k.Mul(k, in[0]).Mod(k, f)
			out[0].SetInt64(0)
			out[1].SetInt64(1)
			out[2].SetInt64(0)
			out[3].Set(k)
		},
		hintID(t, ccs, ".scalarMulHint"): func(_ int, _ *big.Int, _, out []*big.Int) {
			out[0].SetInt64(0)
			out[1].SetInt64(1)
		},
	}
}

// fillFreeWires is forgery 2's solver: a quotient whose denominator and numerator are both zero
// is unconstrained (0·q = 0), and it is filled with √−1, which walks (√−1, 0) → (0, −1) →
// (0, 1) through the cofactor doublings.
func fillFreeWires() map[solver.HintID]provertest.Rewrite {
	i := new(big.Int).ModSqrt(new(big.Int).Sub(field, big.NewInt(1)), field)
	return map[solver.HintID]provertest.Rewrite{
		solver.GetHintID(prover.DivHint): func(_ int, _ *big.Int, in, out []*big.Int) {
			if in[0].Sign() == 0 && in[1].Sign() == 0 {
				out[0].Set(i)
			}
		},
	}
}

// TestEligibility_Forgery_FakeGLV is forgery 1 as a regression test: an unsigned credential
// (R = [S]G for a random S) with gnark's ScalarMul hints overridden. The legacy circuit is
// satisfied and its Groth16 proof verifies; the circuit now calls no such hint, and no rewrite
// of the hints it does call (the bits of H(R, A, M) and of S) gets the signature through.
func TestEligibility_Forgery_FakeGLV(t *testing.T) {
	_, _, iss := fixture(t)
	rng := rand.New(rand.NewPCG(18, 1))
	order := edwards.GetEdwardsCurve().Order
	s := new(big.Int).Mod(provertest.Random(field, rng), &order)
	rx, ry := mulG(s)
	w := forged(t, iss, 666, rx, ry, s)

	legacy := compile(t, &prover.LegacyCircuit{}, false)
	lw := fullWitness(t, &prover.LegacyCircuit{EligibilityCircuit: *w})
	if err := provertest.Solve(legacy, lw, nil); err == nil {
		t.Fatal("legacy circuit satisfied by an unsigned credential without any rewrite")
	}
	rw := fakeGLV(t, legacy)
	if err := provertest.Solve(legacy, lw, rw); err != nil {
		t.Fatalf("the attack no longer forges against the legacy circuit (so it proves nothing here): %v", err)
	}
	t.Run("legacy proof verifies", func(t *testing.T) {
		pk, vk, err := groth16.Setup(legacy)
		if err != nil {
			t.Fatal(err)
		}
		opts, err := provertest.Options(rw)
		if err != nil {
			t.Fatal(err)
		}
		proof, err := groth16.Prove(legacy, pk, lw, backend.WithSolverOptions(opts...))
		if err != nil {
			t.Fatal(err)
		}
		pub, err := lw.Public()
		if err != nil {
			t.Fatal(err)
		}
		if err := groth16.Verify(proof, vk, pub); err != nil {
			t.Fatalf("forged proof refused by the legacy verifier: %v", err)
		}
	})

	ccs, err := prover.Compiled()
	if err != nil {
		t.Fatal(err)
	}
	fw := fullWitness(t, w)
	if _, ok := provertest.Hints(ccs)[hintID(t, legacy, ".halfGCD")]; ok {
		t.Fatal("the circuit still calls gnark's fake-GLV hint")
	}
	if err := provertest.Solve(ccs, fw, nil); err == nil {
		t.Fatal("unsigned credential satisfies the circuit")
	}
	// The analogue here: make [h]A whatever the attacker needs by rewriting the bits of h. The
	// attacker picks x, sets R = [S]G − [x]A (it can: it knows x) and answers h's
	// decomposition with x's bits; the recomposition Σ bᵢ2ⁱ = h must refuse it.
	t.Run("bits of h rewritten", func(t *testing.T) {
		x := big.NewInt(12345)
		a := issuerA(t, iss)
		var r, xa edwards.PointAffine
		xa.ScalarMultiplication(&a, x)
		r.Neg(&xa)
		sg := point(mulG(s))
		r.Add(&r, &sg)
		rx, ry := coords(r)
		w, cred := forgedCred(t, iss, 667, rx, ry, s)
		hram := hramOf(rx, ry, a, cred)
		bits := nBitsRewrite(t, ccs, func(in *big.Int) *big.Int {
			if in.Cmp(hram) == 0 {
				return x
			}
			return nil
		})
		if err := provertest.Solve(ccs, fullWitness(t, w), bits); err == nil {
			t.Fatal("bits of h rewritten to another scalar: satisfied")
		}
	})
	t.Run("no proof with the development keys", func(t *testing.T) {
		keys, err := prover.DevKeys()
		if err != nil {
			t.Fatal(err)
		}
		for name, rw := range map[string]map[solver.HintID]provertest.Rewrite{"honest hints": nil, "bits of S zeroed": zeroBits(ccs)} {
			opts, err := provertest.Options(rw)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := groth16.Prove(ccs, keys.PK, fw, backend.WithSolverOptions(opts...)); err == nil {
				t.Fatalf("%s: a proof for an unsigned credential", name)
			}
		}
	})
}

// TestEligibility_Forgery_OffCurve is forgery 2 as a regression test: R = (0, 0), off the curve,
// makes q − R = (0, 0) whatever q is, and the first cofactor doubling divides 0 by 0. Compiled
// with every division a hint, a solver that fills that wire with √−1 satisfies the legacy
// circuit (its proof verifies); the circuit now asserts R on the curve, so the same solver —
// and every fill of every quotient tried — fails.
func TestEligibility_Forgery_OffCurve(t *testing.T) {
	_, _, iss := fixture(t)
	w := forged(t, iss, 777, big.NewInt(0), big.NewInt(0), big.NewInt(42))

	legacy := compile(t, &prover.LegacyCircuit{}, true)
	lw := fullWitness(t, &prover.LegacyCircuit{EligibilityCircuit: *w})
	if err := provertest.Solve(legacy, lw, nil); err == nil {
		t.Fatal("legacy circuit satisfied with the honest solver")
	}
	if err := provertest.Solve(legacy, lw, fillFreeWires()); err != nil {
		t.Fatalf("the attack no longer forges against the legacy circuit: %v", err)
	}
	t.Run("legacy proof verifies", func(t *testing.T) {
		pk, vk, err := groth16.Setup(legacy)
		if err != nil {
			t.Fatal(err)
		}
		opts, _ := provertest.Options(fillFreeWires())
		proof, err := groth16.Prove(legacy, pk, lw, backend.WithSolverOptions(opts...))
		if err != nil {
			t.Fatal(err)
		}
		pub, _ := lw.Public()
		if err := groth16.Verify(proof, vk, pub); err != nil {
			t.Fatalf("forged proof refused by the legacy verifier: %v", err)
		}
	})

	ccs := compile(t, &prover.EligibilityCircuit{}, true)
	fw := fullWitness(t, w)
	if err := provertest.Solve(ccs, fw, fillFreeWires()); err == nil {
		t.Fatal("R = (0, 0) with free wires filled satisfies the circuit")
	}
	// A filler that also gets past the small-order check of R: its doublings of (0, 0) meet
	// 0/0 again while the quotient is kept 0, so fill 0, 0, then 1 ([8]R = (1, 0), x ≠ 0), then
	// √−1 in the final cofactor doubling. Only the on-curve assertion stands in its way (with it
	// removed, this solve satisfies the circuit: checked by hand, 2026-12-08).
	i := new(big.Int).ModSqrt(new(big.Int).Sub(field, big.NewInt(1)), field)
	zeroes := 0
	smart := map[solver.HintID]provertest.Rewrite{solver.GetHintID(prover.DivHint): func(_ int, _ *big.Int, in, out []*big.Int) {
		if in[0].Sign() != 0 || in[1].Sign() != 0 {
			return
		}
		switch zeroes {
		case 0, 1:
			out[0].SetInt64(0)
		case 2:
			out[0].SetInt64(1)
		default:
			out[0].Set(i)
		}
		zeroes++
	}}
	if err := provertest.Solve(ccs, fw, smart); err == nil {
		t.Fatal("R = (0, 0) with the small-order check's wires filled too satisfies the circuit")
	}
	// Every fill of every quotient, for R = (0, 0) and for other points off the curve.
	rng := rand.New(rand.NewPCG(18, 2))
	for _, r := range [][2]int64{{0, 0}, {1, 0}, {0, 2}, {5, 7}} {
		w := forged(t, iss, 778, big.NewInt(r[0]), big.NewInt(r[1]), big.NewInt(42))
		fw := fullWitness(t, w)
		for _, tm := range provertest.Tampers() {
			v := tm.Value(field, nil, big.NewInt(0), rng)
			fill := map[solver.HintID]provertest.Rewrite{solver.GetHintID(prover.DivHint): func(_ int, _ *big.Int, in, out []*big.Int) {
				if in[1].Sign() == 0 {
					out[0].Set(v)
				}
			}}
			if err := provertest.Solve(ccs, fw, fill); err == nil {
				t.Fatalf("R = %v with zero-denominator quotients = %s: satisfied", r, tm.Name)
			}
		}
	}
}

// TestEligibility_SignatureChecks: a negative test for each check of the signature that an
// honest solver would pass without it — S + ℓ (a malleated S), an issuer key of small order
// (anyone's R = [S]G would then sign), R = the identity (a nonce of 0), bits of h that recompose
// only modulo p.
func TestEligibility_SignatureChecks(t *testing.T) {
	r, c, iss := fixture(t)
	ccs, err := prover.Compiled()
	if err != nil {
		t.Fatal(err)
	}
	curveOrder := edwards.GetEdwardsCurve().Order
	order := &curveOrder
	valid := func(t *testing.T, c prover.Credential) *prover.EligibilityCircuit {
		w, err := prover.Assignment(r, c, iss, today, big.NewInt(0xbeef))
		if err != nil {
			t.Fatal(err)
		}
		if err := provertest.Solve(ccs, fullWitness(t, w), nil); err != nil {
			t.Fatalf("honest credential refused: %v", err)
		}
		return w
	}
	t.Run("S plus the group order", func(t *testing.T) {
		// S + ℓ has the 251 bits the circuit decomposes S into only when S < 2^251 − ℓ: draw
		// credentials until one is signed so.
		limit := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 251), order)
		for i := range 200 {
			c2 := c
			c2.Secret = big.NewInt(int64(1000 + i))
			c2, err := iss.Issue(c2)
			if err != nil {
				t.Fatal(err)
			}
			w := valid(t, c2)
			s := toBig(w.Sig.S)
			if s.Cmp(limit) >= 0 {
				continue
			}
			w.Sig.S = new(big.Int).Add(s, order)
			if err := provertest.Solve(ccs, fullWitness(t, w), nil); err == nil {
				t.Fatal("S + ℓ accepted: the signature is malleable")
			}
			return
		}
		t.Fatal("no signature with a small enough S in 200 draws")
	})
	t.Run("issuer key of small order", func(t *testing.T) {
		// A = (0, −1) has order 2: [8][h]A = O, so R = [S]G passes the cofactored equation
		// for any message. Requirements committing to such a key must prove nothing.
		bad := prover.IssuerKeyFromPoint(big.NewInt(0), new(big.Int).Sub(field, big.NewInt(1)))
		s := big.NewInt(99)
		rx, ry := mulG(s)
		w, err := prover.AssignmentFor(r, c, bad, today, big.NewInt(0xbeef))
		if err != nil {
			t.Fatal(err)
		}
		w.Issuer.A.X, w.Issuer.A.Y = big.NewInt(0), new(big.Int).Sub(field, big.NewInt(1))
		if w.ReqHash, err = r.ReqHash(big.NewInt(0), new(big.Int).Sub(field, big.NewInt(1))); err != nil {
			t.Fatal(err)
		}
		w.Sig.R.X, w.Sig.R.Y, w.Sig.S = rx, ry, s
		if err := provertest.Solve(ccs, fullWitness(t, w), nil); err == nil {
			t.Fatal("an issuer key of small order lets R = [S]G sign anything")
		}
	})
	t.Run("R is the identity", func(t *testing.T) {
		// Signed with the issuer's key and the nonce 0: R = O, S = h·a. The equation holds;
		// only the small-order check on R refuses it.
		w := valid(t, c)
		w.Sig.R.X, w.Sig.R.Y = big.NewInt(0), big.NewInt(1)
		a := issuerA(t, iss)
		h := hramOf(big.NewInt(0), big.NewInt(1), a, c)
		s := new(big.Int).Mod(new(big.Int).Mul(h, issuerScalar(iss)), order)
		w.Sig.S = s
		// The equation itself holds ([S]G = [h]A + O), so only R's check can refuse it.
		var ha edwards.PointAffine
		ha.ScalarMultiplication(&a, h)
		if sg := point(mulG(s)); !sg.Equal(&ha) {
			t.Fatal("[S]G ≠ [h]A: the degenerate signature is not one")
		}
		if err := provertest.Solve(ccs, fullWitness(t, w), nil); err == nil {
			t.Fatal("a signature with R = O accepted")
		}
	})
	t.Run("bits of h plus the modulus", func(t *testing.T) {
		// Non-canonical bits Σ bᵢ2ⁱ = h + p exist when h + p < 2^254. Signed (with the issuer's
		// key) for the challenge h + p instead of h, the equation holds with those bits; only
		// the decomposition's check that the bits are below the modulus refuses them.
		limit := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 254), field)
		a, key := issuerA(t, iss), issuerScalar(iss)
		for i := range 200 {
			nonce := big.NewInt(int64(7000 + i))
			rx, ry := mulG(nonce)
			h := hramOf(rx, ry, a, c)
			if h.Cmp(limit) >= 0 {
				continue
			}
			hp := new(big.Int).Add(h, field)
			s := new(big.Int).Mod(new(big.Int).Add(nonce, new(big.Int).Mul(hp, key)), order)
			w := valid(t, c)
			w.Sig.R.X, w.Sig.R.Y, w.Sig.S = rx, ry, s
			rw := nBitsRewrite(t, ccs, func(in *big.Int) *big.Int {
				if in.Cmp(h) == 0 {
					return hp
				}
				return nil
			})
			if err := provertest.Solve(ccs, fullWitness(t, w), nil); err == nil {
				t.Fatal("a signature for the challenge h + p passes with canonical bits")
			}
			if err := provertest.Solve(ccs, fullWitness(t, w), rw); err == nil {
				t.Fatal("bits of h + p accepted")
			}
			return
		}
		t.Fatal("no nonce with a small enough h in 200 draws")
	})
}

// TestEligibility_NoSecondNullifier: with a valid credential, a nullifier other than
// H(secret, deal), or a credential that does not meet the deal (an LTV below the minimum, whose
// difference is answered with the bits of its 48-bit two's complement), satisfies no rewrite.
func TestEligibility_NoSecondNullifier(t *testing.T) {
	r, c, iss := fixture(t)
	ccs, err := prover.Compiled()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(18, 3))
	w, err := prover.Assignment(r, c, iss, today, big.NewInt(0xbeef))
	if err != nil {
		t.Fatal(err)
	}
	second := *w
	second.Nullifier = prover.Hash(big.NewInt(987654321), r.DealID)
	attempts := globalRewrites(t, ccs, rng)
	for name, rw := range attempts {
		if err := provertest.Solve(ccs, fullWitness(t, &second), rw); err == nil {
			t.Fatalf("second nullifier with %s: satisfied", name)
		}
	}

	low := c
	low.LTV = r.MinLTV - 1
	low, err = iss.Issue(low)
	if err != nil {
		t.Fatal(err)
	}
	lw, err := prover.Assignment(r, low, iss, today, big.NewInt(0xbeef))
	if err != nil {
		t.Fatal(err)
	}
	diff := new(big.Int).Sub(field, big.NewInt(1)) // LTV − MinLTV = −1
	wrap := nBitsRewrite(t, ccs, func(in *big.Int) *big.Int {
		if in.Cmp(diff) == 0 {
			return new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), prover.LTVBits), big.NewInt(1))
		}
		return nil
	})
	attempts["two's complement of LTV − MinLTV"] = wrap
	for name, rw := range attempts {
		if err := provertest.Solve(ccs, fullWitness(t, lw), rw); err == nil {
			t.Fatalf("LTV below the minimum with %s: satisfied", name)
		}
	}
}

// TestEligibility_WitnessUnique: for an honest witness, every hint output is the only value
// that satisfies the constraints — rewriting any one of them to any other value (zero, one,
// minus one, honest ± , √−1, random) fails. Run on the circuit as compiled and on the circuit
// with every division a hint (the free-wire filler's view). `make soundness` tries every call.
func TestEligibility_WitnessUnique(t *testing.T) {
	r, c, iss := fixture(t)
	w, err := prover.Assignment(r, c, iss, today, big.NewInt(0xbeef))
	if err != nil {
		t.Fatal(err)
	}
	fw := fullWitness(t, w)
	calls, outputs := 120, 4 // a sample; bits of one decomposition are alike
	if soundnessFull() {
		calls, outputs = 0, 0
	}
	for name, hinted := range map[string]bool{"as compiled": false, "divisions as hints": true} {
		t.Run(name, func(t *testing.T) {
			ccs, err := prover.Compiled()
			if hinted {
				ccs = compile(t, &prover.EligibilityCircuit{}, true)
			} else if err != nil {
				t.Fatal(err)
			}
			tried, free, err := provertest.Uniqueness(ccs, fw, rand.New(rand.NewPCG(18, 4)), calls, outputs)
			if err != nil {
				t.Fatal(err)
			}
			if tried == 0 {
				t.Fatal("nothing tried")
			}
			for _, f := range free {
				t.Errorf("free wire: %s call %d output %d = %s (%s) satisfies the circuit", f.Call.Name, f.Call.N, f.Output, f.Value, f.Tamper)
			}
			t.Logf("%d tampered solves, all refused", tried)
		})
	}
}

// TestEligibility_Hints: the hints the circuit calls are exactly those the package note lists
// with the constraint that pins each; a gadget that brings a new one fails here until it is
// listed (and attacked) too.
func TestEligibility_Hints(t *testing.T) {
	ccs, err := prover.Compiled()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range provertest.Hints(ccs) {
		names = append(names, n)
	}
	if len(names) != 1 || names[0] != "github.com/consensys/gnark/std/math/bits.nBits" {
		t.Fatalf("hints %v: list each in the package note (Soundness) with what pins it", names)
	}
	hinted := compile(t, &prover.EligibilityCircuit{}, true)
	if n := len(provertest.Hints(hinted)); n != 2 {
		t.Fatalf("with divisions as hints: %d hints, want nBits and divHint", n)
	}
}

func point(x, y *big.Int) edwards.PointAffine {
	var p edwards.PointAffine
	p.X.SetBigInt(x)
	p.Y.SetBigInt(y)
	return p
}

func coords(p edwards.PointAffine) (x, y *big.Int) {
	return p.X.BigInt(new(big.Int)), p.Y.BigInt(new(big.Int))
}

func issuerA(t *testing.T, iss *prover.Issuer) edwards.PointAffine {
	t.Helper()
	return point(iss.Point())
}

// issuerScalar is the issuer's private scalar (gnark-crypto's key layout: public key, scalar
// big-endian, randomness source; 32 bytes each).
func issuerScalar(iss *prover.Issuer) *big.Int { return new(big.Int).SetBytes(iss.Bytes()[32:64]) }

// hramOf is the signature's challenge H(R, A, M) for credential c.
func hramOf(rx, ry *big.Int, a edwards.PointAffine, c prover.Credential) *big.Int {
	ax, ay := coords(a)
	return prover.Hash(append([]*big.Int{rx, ry, ax, ay}, c.Message()...)...)
}

func toBig(v frontend.Variable) *big.Int {
	switch x := v.(type) {
	case *big.Int:
		return x
	case []byte:
		return new(big.Int).SetBytes(x)
	case uint64:
		return new(big.Int).SetUint64(x)
	case int:
		return big.NewInt(int64(x))
	}
	panic("unexpected variable type")
}

// nBitsRewrite answers gnark's bit-decomposition hint, for an input v where value(v) is not nil,
// with the bits of value(v) instead of v's.
func nBitsRewrite(t *testing.T, ccs constraint.ConstraintSystem, value func(v *big.Int) *big.Int) map[solver.HintID]provertest.Rewrite {
	return map[solver.HintID]provertest.Rewrite{hintID(t, ccs, "bits.nBits"): func(_ int, _ *big.Int, in, out []*big.Int) {
		if x := value(in[0]); x != nil {
			for i := range out {
				out[i].SetUint64(uint64(x.Bit(i)))
			}
		}
	}}
}

// zeroBits answers every bit decomposition with zeros.
func zeroBits(ccs constraint.ConstraintSystem) map[solver.HintID]provertest.Rewrite {
	for id, name := range provertest.Hints(ccs) {
		if strings.HasSuffix(name, "bits.nBits") {
			return map[solver.HintID]provertest.Rewrite{id: func(_ int, _ *big.Int, _, out []*big.Int) {
				for _, o := range out {
					o.SetUint64(0)
				}
			}}
		}
	}
	return nil
}

// globalRewrites: the honest solver, and every hint's every output set to each standard tamper.
func globalRewrites(t *testing.T, ccs constraint.ConstraintSystem, rng *rand.Rand) map[string]map[solver.HintID]provertest.Rewrite {
	out := map[string]map[solver.HintID]provertest.Rewrite{"the honest solver": nil}
	for _, tm := range provertest.Tampers() {
		rw := map[solver.HintID]provertest.Rewrite{}
		for id := range provertest.Hints(ccs) {
			rw[id] = func(_ int, f *big.Int, in, out []*big.Int) {
				for _, o := range out {
					o.Set(tm.Value(f, in, o, rng))
				}
			}
		}
		out["every output "+tm.Name] = rw
	}
	return out
}

// soundnessFull: `make soundness` (BAZAAR_SOUNDNESS=full) tries every hint call, not a sample.
func soundnessFull() bool { return os.Getenv("BAZAAR_SOUNDNESS") == "full" }

// TestEdwards_Complete: the addition law the circuit uses is complete on BN254's twisted
// Edwards curve — a is a square and d is not in the field — which is what makes every
// denominator of an addition or doubling of points on the curve non-zero (package note).
func TestEdwards_Complete(t *testing.T) {
	c := edwards.GetEdwardsCurve()
	a, d := c.A.BigInt(new(big.Int)), c.D.BigInt(new(big.Int))
	if big.Jacobi(a, field) != 1 {
		t.Fatal("a is not a square: the addition law is not complete")
	}
	if big.Jacobi(d, field) != -1 {
		t.Fatal("d is a square: the addition law has exceptional points")
	}
	if c.Order.BitLen() != 251 {
		t.Fatalf("ℓ has %d bits; the circuit decomposes S into ℓ's bit length", c.Order.BitLen())
	}
}

// TestNullifierCircuit_Pinned: the standalone nullifier circuit has products only — no hint,
// so no output a prover could choose — and a wrong nullifier satisfies no rewrite.
func TestNullifierCircuit_Pinned(t *testing.T) {
	ccs := compile(t, &prover.NullifierCircuit{}, false)
	if h := provertest.Hints(ccs); len(h) != 0 {
		t.Fatalf("hints %v: list and attack them", h)
	}
	secret, deal := big.NewInt(42), big.NewInt(7)
	good := fullWitness(t, &prover.NullifierCircuit{DealID: deal, Nullifier: prover.Nullifier(secret, deal), Secret: secret})
	if err := provertest.Solve(ccs, good, nil); err != nil {
		t.Fatal(err)
	}
	bad := fullWitness(t, &prover.NullifierCircuit{DealID: deal, Nullifier: prover.Nullifier(big.NewInt(43), deal), Secret: secret})
	if err := provertest.Solve(ccs, bad, nil); err == nil {
		t.Fatal("another secret's nullifier satisfied")
	}
}

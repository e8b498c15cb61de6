package prover_test

// Red-team tests (branch redteam): a malicious prover against the eligibility circuit, with
// public inputs for an honest issuer key. Run: go test -count=1 -run Redteam ./prover/
// (-tags debug names the circuit line of each refusing constraint).
//
// Every attack on the constraint system is refused. Two forgeries went through the native
// packing (ReqHash, Issue: fields wider than the circuit's range checks carried into their
// neighbours); TestRedteam_RequirementsOutOfRange and TestRedteam_CredentialOutOfRange are their
// regression tests.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	edwards "github.com/consensys/gnark-crypto/ecc/bn254/twistededwards"
	"github.com/consensys/gnark/constraint"
	csbn254 "github.com/consensys/gnark/constraint/bn254"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/prover"
	"github.com/bazaar-market/bazaar/prover/provertest"
)

// divLike is a constraint whose unknown wire the solver obtains by dividing by the other factor
// (the unknown sits in L or R, not O).
type divLike struct {
	cID     uint32
	wire    uint32
	inL     bool
	mult    constraint.LinearExpression // the factor the unknown is multiplied by
	known   constraint.LinearExpression // the other terms of the unknown's side
	product constraint.LinearExpression // O
}

// walkR1CS replays the solver's order of instructions and records, for every R1C, where its
// unknown wire sits. It fails on any R1C with more than one unknown and on any wire no
// instruction defines.
func walkR1CS(t *testing.T, sys *csbn254.R1CS) (divs []divLike, products, asserts, hintOuts int, defs map[uint32]constraint.R1C, hinted map[uint32]bool) {
	defs, hinted = map[uint32]constraint.R1C{}, map[uint32]bool{}
	t.Helper()
	nbInt, nbSec, nbPub := sys.GetNbVariables()
	n := nbInt + nbSec + nbPub
	solved := make([]bool, n)
	for i := 0; i < nbPub+nbSec; i++ {
		solved[i] = true
	}
	var r1c constraint.R1C
	var hm constraint.HintMapping
	for i := 0; i < sys.GetNbInstructions(); i++ {
		inst := sys.GetInstruction(i)
		bp := sys.Blueprints[sys.Instructions[i].BlueprintID]
		switch b := bp.(type) {
		case *constraint.BlueprintGenericHint:
			b.DecompressHint(&hm, inst)
			for w := hm.OutputRange.Start; w < hm.OutputRange.End; w++ {
				if solved[w] {
					t.Fatalf("instruction %d: hint output %d defined twice", i, w)
				}
				solved[w] = true
				hinted[w] = true
				hintOuts++
			}
		case constraint.BlueprintR1C:
			b.DecompressR1C(&r1c, inst)
			type loc struct {
				side int
				w    uint32
			}
			var unknown []loc
			for side, le := range []constraint.LinearExpression{r1c.L, r1c.R, r1c.O} {
				for _, tm := range le {
					if !solved[tm.VID] {
						unknown = append(unknown, loc{side, tm.VID})
					}
				}
			}
			switch len(unknown) {
			case 0:
				asserts++
			case 1:
				u := unknown[0]
				solved[u.w] = true
				if u.side == 2 {
					defs[u.w] = constraint.R1C{L: clone(r1c.L), R: clone(r1c.R), O: clone(r1c.O)}
					products++
					continue
				}
				d := divLike{cID: inst.ConstraintOffset, wire: u.w, inL: u.side == 0, product: clone(r1c.O)}
				if d.inL {
					d.mult, d.known = clone(r1c.R), without(r1c.L, u.w)
				} else {
					d.mult, d.known = clone(r1c.L), without(r1c.R, u.w)
				}
				divs = append(divs, d)
			default:
				t.Fatalf("constraint %d has %d unknown wires", inst.ConstraintOffset, len(unknown))
			}
		default:
			t.Fatalf("instruction %d: unexpected blueprint %T", i, bp)
		}
	}
	for w, ok := range solved {
		if !ok {
			t.Errorf("wire %d is defined by no instruction", w)
		}
	}
	return
}

func clone(le constraint.LinearExpression) constraint.LinearExpression {
	return append(constraint.LinearExpression(nil), le...)
}

func without(le constraint.LinearExpression, w uint32) constraint.LinearExpression {
	var out constraint.LinearExpression
	for _, tm := range le {
		if tm.VID != w {
			out = append(out, tm)
		}
	}
	return out
}

// shape names a linear expression by its constant and the coefficients of its wire terms.
func shape(sys *csbn254.R1CS, le constraint.LinearExpression, names map[string]string) string {
	var parts []string
	for _, tm := range le {
		c := sys.CoeffToString(int(tm.CID))
		if n, ok := names[c]; ok {
			c = n
		} else if len(c) > 12 {
			c = c[:6] + "…"
		}
		if tm.VID == 0 {
			parts = append(parts, "const "+c)
		} else {
			parts = append(parts, c+"·w")
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, " + ")
}

// TestRedteam_StaticDivisions walks the compiled R1CS in solving order and lists every
// constraint where the solver defines a wire by dividing by a linear expression (the unknown in
// L or R), grouped by the shape of that expression, and checks each multiplier on an honest
// solve. The argument that none can be zero is in the report (and in the log).
func TestRedteam_StaticDivisions(t *testing.T) {
	ccs, err := prover.Compiled()
	if err != nil {
		t.Fatal(err)
	}
	sys := ccs.(*csbn254.R1CS)
	divs, products, asserts, hintOuts, defs, hinted := walkR1CS(t, sys)
	isDiv := map[uint32]bool{}
	for _, dv := range divs {
		isDiv[dv.wire] = true
	}
	// origin names where a wire of a multiplier comes from: an input, a hint output, a quotient,
	// or a product L·R (with the shapes of L and R).
	origin := func(w uint32) string {
		_, nbSec, nbPub := sys.GetNbVariables()
		switch {
		case int(w) < nbPub+nbSec:
			return "input"
		case hinted[w]:
			return "hint"
		case isDiv[w]:
			return "quotient"
		}
		def, ok := defs[w]
		if !ok {
			return "?"
		}
		same := len(def.L) == len(def.R)
		for i := range def.L {
			same = same && def.L[i] == def.R[i]
		}
		if same {
			return fmt.Sprintf("square of a %d-term expression", len(def.L))
		}
		return fmt.Sprintf("product of %d-term · %d-term expressions", len(def.L), len(def.R))
	}
	t.Logf("%d constraints: %d define a product (unknown in O), %d assertions, %d division-like; %d hint outputs",
		sys.GetNbConstraints(), products, asserts, len(divs), hintOuts)

	// Coefficient names for the shapes.
	var dEl, negD, one, negOne, two fr.Element
	dEl = edwards.GetEdwardsCurve().D
	negD.Neg(&dEl)
	one.SetOne()
	negOne.Neg(&one)
	two.SetUint64(2)
	names := map[string]string{dEl.String(): "d", negD.String(): "−d", one.String(): "1", negOne.String(): "−1", two.String(): "2"}

	// The honest solution, to evaluate every multiplier.
	r, c, iss := fixture(t)
	w, err := prover.Assignment(r, c, iss, today, big.NewInt(0xbeef))
	if err != nil {
		t.Fatal(err)
	}
	sol, err := sys.Solve(fullWitness(t, w))
	if err != nil {
		t.Fatal(err)
	}
	W := sol.(*csbn254.R1CSSolution).W
	eval := func(le constraint.LinearExpression) fr.Element {
		var acc fr.Element
		for _, tm := range le {
			var c, v fr.Element
			c = sys.Coefficients[tm.CID]
			v.Mul(&c, &W[tm.VID])
			acc.Add(&acc, &v)
		}
		return acc
	}

	groups := map[string]int{}
	for _, dv := range divs {
		key := fmt.Sprintf("unknown in %s, mult = %s, O = %s", map[bool]string{true: "L", false: "R"}[dv.inL],
			shape(sys, dv.mult, names), shape(sys, dv.product, names))
		var ws []string
		for _, tm := range dv.mult {
			if tm.VID != 0 {
				ws = append(ws, origin(tm.VID))
			}
		}
		key += " | mult's wires: " + strings.Join(ws, "; ")
		if len(dv.known) != 0 {
			key += ", other terms beside the unknown: " + shape(sys, dv.known, names)
		}
		groups[key]++
		if m := eval(dv.mult); m.IsZero() {
			t.Errorf("constraint %d: multiplier is 0 in the honest solve", dv.cID)
		}
	}
	// Every multiplier is one of the curve arithmetic's denominators or the small-order check's
	// inverse; a new shape is a new division to argue about.
	known := map[string]bool{
		"1·w + const 1":        true, // add, x: 1 + d·x1x2y1y2
		"const 1 + −1·w":       true, // add, y: 1 − d·x1x2y1y2
		"1·w + −1·w":           true, // double, x: a·x² + y²
		"1·w + const 2 + −1·w": true, // double, y: 2 − a·x² − y²
		"1·w":                  true, // inverse of x([8]P) (assertNotSmallOrder)
	}
	for _, dv := range divs {
		if !known[shape(sys, dv.mult, names)] {
			t.Errorf("constraint %d: a division by %s, not argued for", dv.cID, shape(sys, dv.mult, names))
		}
	}
	var keys []string
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%4d × %s", groups[k], k)
	}
}

// ---------------------------------------------------------------------------------------------
// Attacks. Each builds a witness (and hint rewrites) for public inputs under the honest issuer's
// key and reports which constraint refused it. Run with -tags debug to see the circuit line.

// stopped is the first line of a solver error and, under -tags debug, the circuit's frame.
func stopped(err error) string {
	lines := strings.Split(err.Error(), "\n")
	out, frames := lines[0], 0
	for _, l := range lines[1:] {
		if frames < 2 && (strings.Contains(l, "prover/eligibility.go") || strings.Contains(l, "prover/edwards.go") || strings.Contains(l, "prover/sponge.go")) {
			l = strings.TrimSpace(l)
			out += " @ " + l[strings.LastIndex(l, "/")+1:]
			frames++
		}
	}
	if len(out) > 400 {
		out = out[:400] + "…"
	}
	return out
}

func pow2(n uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), n) }

func fmod(x *big.Int) *big.Int { return new(big.Int).Mod(x, field) }

// mustFail solves w (with rw) and fails the test if every constraint holds.
func mustFail(t *testing.T, name string, w *prover.EligibilityCircuit, rw map[solver.HintID]provertest.Rewrite) {
	t.Helper()
	ccs, err := prover.Compiled()
	if err != nil {
		t.Fatal(err)
	}
	err = provertest.Solve(ccs, fullWitness(t, w), rw)
	if err == nil {
		t.Errorf("FORGERY %s: every constraint holds", name)
		return
	}
	t.Logf("refused %s: %s", name, stopped(err))
}

func honestWitness(t *testing.T) (prover.Requirements, prover.Credential, *prover.Issuer, *prover.EligibilityCircuit) {
	t.Helper()
	r, c, iss := fixture(t)
	w, err := prover.Assignment(r, c, iss, today, big.NewInt(0xbeef))
	if err != nil {
		t.Fatal(err)
	}
	ccs, err := prover.Compiled()
	if err != nil {
		t.Fatal(err)
	}
	if err := provertest.Solve(ccs, fullWitness(t, w), nil); err != nil {
		t.Fatalf("honest witness refused: %v", err)
	}
	return r, c, iss, w
}

// TestRedteam_CredentialPackingAlias: the signed message packs the credential's fields; a
// carry between fields keeps the packed value (so the signature) and changes the fields.
// Each alias needs a field outside its range, which its range check refuses.
func TestRedteam_CredentialPackingAlias(t *testing.T) {
	_, c, _, honest := honestWitness(t)
	ccs, _ := prover.Compiled()
	cases := map[string]func(w *prover.EligibilityCircuit){
		// LTV + 2^48 (a huge LTV), Loyalty − 1.
		"LTV+2^48, Loyalty−1": func(w *prover.EligibilityCircuit) {
			w.LTV = new(big.Int).Add(new(big.Int).SetUint64(c.LTV), pow2(48))
			w.Loyalty = c.Loyalty - 1
		},
		// Loyalty + 8 (needs ≥ any MinLoyalty), Expiry − 1.
		"Loyalty+8, Expiry−1": func(w *prover.EligibilityCircuit) {
			w.Loyalty = c.Loyalty + 8
			w.Expiry = c.Expiry - 1
		},
		// Expiry + 2^32 days, X − 1.
		"Expiry+2^32, X−1": func(w *prover.EligibilityCircuit) {
			w.Expiry = c.Expiry + 1<<32
			w.X = c.X - 1
		},
		// Location moved: X + 2^32, Y − 1.
		"X+2^32, Y−1": func(w *prover.EligibilityCircuit) {
			w.X = c.X + 1<<32
			w.Y = c.Y - 1
		},
		// Field wrap: LTV − 2^48 (mod p, a "negative" LTV), Loyalty + 1.
		"LTV−2^48 mod p, Loyalty+1": func(w *prover.EligibilityCircuit) {
			w.LTV = fmod(new(big.Int).Sub(new(big.Int).SetUint64(c.LTV), pow2(48)))
			w.Loyalty = c.Loyalty + 1
		},
	}
	for name, f := range cases {
		w := *honest
		f(&w)
		mustFail(t, name, &w, nil)
	}
	// With the LTV's decomposition answered by its low 48 bits (the truncation).
	w := *honest
	cases["LTV+2^48, Loyalty−1"](&w)
	big48 := new(big.Int).Add(new(big.Int).SetUint64(c.LTV), pow2(48))
	mustFail(t, "LTV+2^48 with truncated bits", &w, nBitsRewrite(t, ccs, func(in *big.Int) *big.Int {
		if in.Cmp(big48) == 0 {
			return new(big.Int).SetUint64(c.LTV)
		}
		return nil
	}))
}

// TestRedteam_RequirementsPackingAlias: the same against the honest (in-range) requirements:
// lower MinLTV or drop Proximity while keeping ReqHash.
func TestRedteam_RequirementsPackingAlias(t *testing.T) {
	r, _, _, honest := honestWitness(t)
	cases := map[string]func(w *prover.EligibilityCircuit){
		"MinLTV−2^48 mod p, MinLoyalty+1": func(w *prover.EligibilityCircuit) {
			w.MinLTV = fmod(new(big.Int).Sub(new(big.Int).SetUint64(r.MinLTV), pow2(48)))
			w.MinLoyalty = r.MinLoyalty + 1
		},
		"Proximity 1→0, MinLoyalty+8": func(w *prover.EligibilityCircuit) {
			w.Proximity = 0
			w.MinLoyalty = r.MinLoyalty + 8
		},
		"Proximity 1→0, VX+1/2 (field)": func(w *prover.EligibilityCircuit) {
			half := new(big.Int).ModInverse(big.NewInt(2), field)
			w.Proximity = 0
			w.VX = fmod(new(big.Int).Add(new(big.Int).SetUint64(r.VX), half))
		},
		"Proximity = 2 (non-boolean), MinLoyalty − 8": func(w *prover.EligibilityCircuit) {
			// 2^83·1 = 2^83·2 − 2^80·8: the same packing, with a non-boolean Proximity.
			w.Proximity = 2
			w.MinLoyalty = fmod(new(big.Int).Sub(new(big.Int).SetUint64(r.MinLoyalty), big.NewInt(8)))
		},
		"RadiusSq+2^66 (wider radius), nothing else": func(w *prover.EligibilityCircuit) {
			// RadiusSq is the top field: no carry absorbs it; only a field wrap could.
			w.RadiusSq = new(big.Int).Add(r.RadiusSq, pow2(66))
		},
	}
	for name, f := range cases {
		w := *honest
		f(&w)
		mustFail(t, name, &w, nil)
	}
}

// TestRedteam_ComparisonWrap: a failing comparison answered with the bits of the difference's
// two's complement (or of any small value).
func TestRedteam_ComparisonWrap(t *testing.T) {
	r, c, iss, _ := honestWitness(t)
	ccs, _ := prover.Compiled()
	// Expired: Expiry = today − 1.
	exp := c
	exp.Expiry = today - 1
	exp, err := iss.Issue(exp)
	if err != nil {
		t.Fatal(err)
	}
	w, err := prover.Assignment(r, exp, iss, today, big.NewInt(0xbeef))
	if err != nil {
		t.Fatal(err)
	}
	minus1 := new(big.Int).Sub(field, big.NewInt(1))
	for name, v := range map[string]*big.Int{"2^32−1": new(big.Int).Sub(pow2(32), big.NewInt(1)), "0": big.NewInt(0), "p−1 low bits": minus1} {
		mustFail(t, "expired, Expiry−Day bits = "+name, w, nBitsRewrite(t, ccs, func(in *big.Int) *big.Int {
			if in.Cmp(minus1) == 0 {
				return v
			}
			return nil
		}))
	}
	// Outside the radius: RadiusSq − dist = −1.
	far := c
	r2 := r
	r2.RadiusSq = big.NewInt(0)
	far.X, far.Y = r.VX+1, r.VY
	far, err = iss.Issue(far)
	if err != nil {
		t.Fatal(err)
	}
	w, err = prover.Assignment(r2, far, iss, today, big.NewInt(0xbeef))
	if err != nil {
		t.Fatal(err)
	}
	mustFail(t, "outside radius, bits of −1 = 2^66−1", w, nBitsRewrite(t, ccs, func(in *big.Int) *big.Int {
		if in.Cmp(minus1) == 0 {
			return new(big.Int).Sub(pow2(66), big.NewInt(1))
		}
		return nil
	}))
	// X below VX: dx negative is fine (squared); dx = VX − X wraps? (X − VX)² is the same for ±.
	// Loyalty below MinLoyalty by 1: bits of 7.
	low := c
	low.Loyalty = r.MinLoyalty - 1
	low, err = iss.Issue(low)
	if err != nil {
		t.Fatal(err)
	}
	w, err = prover.Assignment(r, low, iss, today, big.NewInt(0xbeef))
	if err != nil {
		t.Fatal(err)
	}
	mustFail(t, "Loyalty−MinLoyalty = −1 as bits 111", w, nBitsRewrite(t, ccs, func(in *big.Int) *big.Int {
		if in.Cmp(minus1) == 0 {
			return big.NewInt(7)
		}
		return nil
	}))
}

// TestRedteam_ContextRebinding: another day (to use an expired credential) or another payout
// behind the same Context = Day + 2^32·Payout.
func TestRedteam_ContextRebinding(t *testing.T) {
	r, c, iss, honest := honestWitness(t)
	inv32 := new(big.Int).ModInverse(pow2(32), field)
	ctx := prover.Context(today, big.NewInt(0xbeef))
	// Day' = Day − 100, Payout' = (Context − Day')/2^32 in the field.
	exp := c
	exp.Expiry = today - 50
	exp, err := iss.Issue(exp)
	if err != nil {
		t.Fatal(err)
	}
	w, err := prover.Assignment(r, exp, iss, today-100, big.NewInt(0xbeef))
	if err != nil {
		t.Fatal(err)
	}
	w.Context = ctx
	w.Payout = fmod(new(big.Int).Mul(new(big.Int).Sub(ctx, big.NewInt(today-100)), inv32))
	mustFail(t, "Day−100 with Payout' = (Context−Day')/2^32", w, nil)
	// Day' = Day + 2^32·k... Day' = Day + 2^32, Payout − 1.
	w2 := *honest
	w2.Day = new(big.Int).Add(big.NewInt(today), pow2(32))
	w2.Payout = big.NewInt(0xbeef - 1)
	mustFail(t, "Day+2^32, Payout−1", &w2, nil)
	// Payout' = Payout + 2^160·k... Payout + p/2^32 is not an integer shift; Payout' = another
	// address with Day' absorbing the difference: Day' = Context − 2^32·Payout' (huge).
	w3 := *honest
	w3.Payout = big.NewInt(0xdead)
	w3.Day = fmod(new(big.Int).Sub(ctx, new(big.Int).Lsh(big.NewInt(0xdead), 32)))
	mustFail(t, "Payout' = 0xdead, Day' = Context − 2^32·Payout'", &w3, nil)
}

// TestRedteam_SecondNullifier: another nullifier for the same credential and deal.
func TestRedteam_SecondNullifier(t *testing.T) {
	r, c, _, honest := honestWitness(t)
	// Secret + p: the witness is reduced, so the same nullifier (no second one).
	w := *honest
	w.Secret = new(big.Int).Add(c.Secret, field)
	fw := fullWitness(t, &w)
	ccs, _ := prover.Compiled()
	if err := provertest.Solve(ccs, fw, nil); err != nil {
		t.Fatalf("Secret + p refused: %v", err)
	}
	if prover.Hash(w.Secret.(*big.Int), r.DealID).Cmp(toBig(honest.Nullifier)) != 0 {
		t.Fatal("Secret + p hashes to another nullifier")
	}
	t.Log("Secret + p: the same field element, the same nullifier (not a second one)")
	// DealID + p: likewise reduced; ReqHash and the nullifier are unchanged.
	// Another secret with the honest commitment wire: the commitment is hashed in-circuit.
	w2 := *honest
	w2.Secret = big.NewInt(42)
	w2.Nullifier = prover.Hash(big.NewInt(42), r.DealID)
	mustFail(t, "another secret", &w2, nil)
	// Another DealID under the same ReqHash.
	w3 := *honest
	w3.DealID = new(big.Int).Add(r.DealID, big.NewInt(1))
	w3.Nullifier = prover.Hash(c.Secret, w3.DealID.(*big.Int))
	mustFail(t, "another DealID", &w3, nil)
}

// TestRedteam_NonBooleanSelector: bits of h answered with a 2 and a 0 where the honest bits
// are 0 and 1 (same sum), so Lookup2 would select another point.
func TestRedteam_NonBooleanSelector(t *testing.T) {
	_, c, iss, honest := honestWitness(t)
	ccs, _ := prover.Compiled()
	a := issuerA(t, iss)
	h := hramOf(toBig(honest.Sig.R.X), toBig(honest.Sig.R.Y), a, c)
	i := 0
	for h.Bit(i) != 0 || h.Bit(i+1) != 1 {
		i++
	}
	id := hintID(t, ccs, "bits.nBits")
	mustFail(t, fmt.Sprintf("h bits %d,%d = 2,0", i, i+1), honest, map[solver.HintID]provertest.Rewrite{id: func(_ int, _ *big.Int, in, out []*big.Int) {
		if in[0].Cmp(h) == 0 {
			out[i].SetInt64(2)
			out[i+1].SetInt64(0)
		}
	}})
	// The same for S: bit j = 2, bit j+1 = 0.
	s := toBig(honest.Sig.S)
	j := 0
	for s.Bit(j) != 0 || s.Bit(j+1) != 1 {
		j++
	}
	mustFail(t, fmt.Sprintf("S bits %d,%d = 2,0", j, j+1), honest, map[solver.HintID]provertest.Rewrite{id: func(_ int, _ *big.Int, in, out []*big.Int) {
		if in[0].Cmp(s) == 0 {
			out[j].SetInt64(2)
			out[j+1].SetInt64(0)
		}
	}})
}

// TestRedteam_SmallOrderR: R of small order (the identity, and (0, −1) of order 2) with S = 0.
func TestRedteam_SmallOrderR(t *testing.T) {
	_, _, iss := fixture(t)
	for name, rxy := range map[string][2]*big.Int{"(0,−1)": {big.NewInt(0), new(big.Int).Sub(field, big.NewInt(1))}, "(0,1)": {big.NewInt(0), big.NewInt(1)}} {
		w := forged(t, iss, 900, rxy[0], rxy[1], big.NewInt(0))
		mustFail(t, "R = "+name+", S = 0", w, nil)
	}
}

// ---------------------------------------------------------------------------------------------
// Native side: Requirements.ReqHash and Issuer.Issue packed fields without checking their widths,
// so an out-of-range field carried into the next one and the circuit proved the carried
// (in-range) fields. Deal validation let minLTV reach 10^15 cents (13 integer digits), above
// 2^48 ≈ 2.8·10^14, and RequirementsOf copied it into Requirements.MinLTV. Both now refuse.

// decodeDeal is examples/deal.json with the given requirements JSON, decoded, not validated.
func decodeDeal(t *testing.T, requirements string) *bazaar.Deal {
	t.Helper()
	b, err := os.ReadFile("../examples/deal.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	doc["vendor"] = "0x00000000000000000000000000000000000000aa"
	doc["expiresAt"] = time.Now().Add(24 * time.Hour).UnixMilli()
	doc["requirements"] = "__REQ__"
	b, _ = json.Marshal(doc)
	// The requirements go in verbatim, so minLTV is the JSON number as a vendor would write it.
	d, err := bazaar.DecodeDeal(bytes.Replace(b, []byte(`"__REQ__"`), []byte(requirements), 1))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestRedteam_RequirementsOutOfRange was a forgery (found by the red team, 2026-12-08): a deal
// with minLTV ≥ 2^48 cents passed validation, ReqHash packed it unchecked, and its carry into
// MinLoyalty, Proximity and VX made the posted hash mean weaker requirements, which a credential
// that does not meet the real ones proved (gnark's own solver, a Groth16 proof that verified).
// Both layers now refuse: deal validation (minLTV at most bazaar.MaxLTV) and ReqHash itself,
// for any caller. The carried alias still hashes like the out-of-range requirements would have
// (so the attack is still the one described), and the alias alone is a valid, different deal.
func TestRedteam_RequirementsOutOfRange(t *testing.T) {
	iss, err := prover.NewIssuer()
	if err != nil {
		t.Fatal(err)
	}
	ax, ay := iss.Point()
	if uint64(bazaar.MaxLTV) != prover.MaxLTV {
		t.Fatalf("bazaar.MaxLTV %d ≠ prover.MaxLTV %d", bazaar.MaxLTV, uint64(prover.MaxLTV))
	}
	cases := []struct{ name, req string }{
		{"minLTV 2^48+100 cents", `{"minLTV": 2814749767107.56, "loyaltyTier": "switcher"}`},
		{"minLTV 3·2^48+100 cents, champion, proximity", `{"minLTV": 8444249301320.68, "loyaltyTier": "champion",
			"proximityRequired": true, "proximityRadius": 2000, "location": {"lat": 10.7769, "lng": 106.7009}}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := decodeDeal(t, tc.req)
			if err := d.Validate(time.Now()); err == nil || !strings.Contains(err.Error(), "requirements.minLTV") {
				t.Fatalf("deal validation: %v, want a requirements.minLTV error", err)
			}
			real := prover.RequirementsOf(common.Hash{0xd1}, d)
			if _, err := real.ReqHash(ax, ay); !errors.Is(err, prover.ErrRequirementsRange) {
				t.Fatalf("ReqHash of out-of-range requirements: %v, want ErrRequirementsRange", err)
			}
			if _, err := real.ReqHashFor(iss.PublicKey()); !errors.Is(err, prover.ErrRequirementsRange) {
				t.Fatalf("ReqHashFor: %v", err)
			}
		})
	}
	t.Run("at the bound", func(t *testing.T) {
		d := decodeDeal(t, `{"minLTV": 2814749767106.55}`) // 2^48 − 1 cents
		if err := d.Validate(time.Now()); err != nil {
			t.Fatalf("minLTV = MaxLTV refused: %v", err)
		}
		if _, err := prover.RequirementsOf(common.Hash{0xd1}, d).ReqHash(ax, ay); err != nil {
			t.Fatalf("ReqHash at the bound: %v", err)
		}
	})
	for name, mod := range map[string]func(*prover.Requirements){
		"category":    func(r *prover.Requirements) { r.Category = 1 << 32 },
		"loyalty":     func(r *prover.Requirements) { r.MinLoyalty = 6 },
		"grid x":      func(r *prover.Requirements) { r.VX = 1 << 32 },
		"grid y":      func(r *prover.Requirements) { r.VY = 1 << 32 },
		"radius":      func(r *prover.Requirements) { r.RadiusSq = new(big.Int).Lsh(big.NewInt(1), 66) },
		"deal id":     func(r *prover.Requirements) { r.DealID = new(big.Int).Set(fr.Modulus()) },
		"negative id": func(r *prover.Requirements) { r.DealID = big.NewInt(-1) },
	} {
		r := prover.Requirements{DealID: big.NewInt(1), Category: 7, RadiusSq: new(big.Int)}
		mod(&r)
		if _, err := r.ReqHash(ax, ay); !errors.Is(err, prover.ErrRequirementsRange) {
			t.Errorf("%s out of range: ReqHash %v", name, err)
		}
	}
}

// TestRedteam_CredentialOutOfRange was the issuer-side forgery: Issue signed an LTV of
// 2^48 + 5, whose packed message equals that of LTV 5 with one more loyalty level, and the
// holder proved the latter. Issue now refuses every field outside its width, and AssignmentFor
// refuses to build a witness from one.
func TestRedteam_CredentialOutOfRange(t *testing.T) {
	iss, err := prover.NewIssuer()
	if err != nil {
		t.Fatal(err)
	}
	base := prover.Credential{Category: 7, LTV: 5, Loyalty: 0, Expiry: today + 30, Secret: big.NewInt(5)}
	for name, mod := range map[string]func(*prover.Credential){
		"LTV 2^48+5": func(c *prover.Credential) { c.LTV = 1<<48 + 5 },
		"category":   func(c *prover.Credential) { c.Category = 1 << 32 },
		"loyalty 6":  func(c *prover.Credential) { c.Loyalty = 6 },
		"loyalty 8":  func(c *prover.Credential) { c.Loyalty = 8 },
		"expiry":     func(c *prover.Credential) { c.Expiry = 1 << 32 },
		"x":          func(c *prover.Credential) { c.X = 1 << 32 },
		"y":          func(c *prover.Credential) { c.Y = 1 << 32 },
		"secret":     func(c *prover.Credential) { c.Secret = new(big.Int).Set(fr.Modulus()) },
	} {
		c := base
		mod(&c)
		if _, err := iss.Issue(c); !errors.Is(err, prover.ErrCredentialRange) {
			t.Errorf("%s: Issue %v, want ErrCredentialRange", name, err)
		}
	}
	good, err := iss.Issue(base)
	if err != nil {
		t.Fatal(err)
	}
	r := prover.Requirements{DealID: big.NewInt(0xd2), Category: 7, MinLoyalty: 0, RadiusSq: new(big.Int)}
	alias := good
	alias.LTV = 1<<48 + 5 // signed bytes of another credential, fields out of range
	if _, err := prover.Assignment(r, alias, iss, today, big.NewInt(1)); !errors.Is(err, prover.ErrCredentialRange) {
		t.Fatalf("AssignmentFor with an out-of-range field: %v", err)
	}
	if c := (prover.Credential{LTV: prover.MaxLTV, Loyalty: prover.MaxLoyalty, Expiry: 1<<32 - 1, X: 1<<32 - 1, Y: 1<<32 - 1,
		Category: 1<<32 - 1, Secret: big.NewInt(1)}); c.Validate() != nil {
		t.Fatalf("a credential at every bound refused: %v", c.Validate())
	}
}

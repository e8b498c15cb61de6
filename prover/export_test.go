package prover

import (
	"math/big"
	"sync"

	"github.com/consensys/gnark-crypto/ecc"
	edwards "github.com/consensys/gnark-crypto/ecc/bn254/twistededwards"
	tedwards "github.com/consensys/gnark-crypto/ecc/twistededwards"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/std/algebra/native/twistededwards"
	geddsa "github.com/consensys/gnark/std/signature/eddsa"
)

// DivHint is the hint every division goes through in circuits compiled by CompileHintedDivisions.
var DivHint = divHint

// CompileHintedDivisions compiles a circuit with every division of the curve arithmetic a hint
// output (divHint) under the same constraint den·q = num, instead of a wire the solver defines:
// the same satisfying assignments, but a malicious-prover test can now fill any quotient —
// including a 0/0 one, if a circuit let one happen — with a value of its choosing.
func CompileHintedDivisions(c frontend.Circuit) (constraint.ConstraintSystem, error) {
	hintedMu.Lock()
	defer hintedMu.Unlock()
	divWithHint = true
	defer func() { divWithHint = false }()
	return frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, c)
}

var hintedMu sync.Mutex

// LegacyCircuit is the eligibility circuit as it was before issue 18, kept only so the
// malicious-prover tests can show that their attacks forge against it (so they would catch the
// flaws again): R never asserted on the curve, no range check on S, and [h](−A) from gnark's
// hinted "fake-GLV" ScalarMul, whose check s1 + s2·h = k·ℓ holds for any s1, s2 with a free k.
type LegacyCircuit struct{ EligibilityCircuit }

// Define writes the legacy constraints.
func (c *LegacyCircuit) Define(api frontend.API) error { return c.define(api, legacyVerifyEdDSA) }

func legacyVerifyEdDSA(api frontend.API, sig geddsa.Signature, pub geddsa.PublicKey, msg ...frontend.Variable) error {
	gcurve, err := twistededwards.NewEdCurve(api, tedwards.BN254)
	if err != nil {
		return err
	}
	curve := newEdCurve(api)
	hram, err := circuitHash(api, append([]frontend.Variable{sig.R.X, sig.R.Y, pub.A.X, pub.A.Y}, msg...)...)
	if err != nil {
		return err
	}
	hA := gcurve.ScalarMul(gcurve.Neg(pub.A), hram)
	q := curve.add(legacyFixedBaseMul(api, curve, sig.S), edPoint{X: hA.X, Y: hA.Y})
	q = curve.add(curve.neg(q), edPoint{X: sig.R.X, Y: sig.R.Y})
	q = curve.double(curve.double(curve.double(q)))
	api.AssertIsEqual(q.X, 0)
	api.AssertIsEqual(q.Y, 1)
	return nil
}

var legacyGTable = sync.OnceValue(func() [][4][2]*big.Int {
	params := edwards.GetEdwardsCurve()
	n := (params.Order.BitLen() + 1) / 2
	out := make([][4][2]*big.Int, n)
	step := params.Base
	for i := range n {
		var acc edwards.PointAffine
		acc.X.SetZero()
		acc.Y.SetOne()
		for j := range 4 {
			out[i][j] = [2]*big.Int{acc.X.BigInt(new(big.Int)), acc.Y.BigInt(new(big.Int))}
			acc.Add(&acc, &step)
		}
		step.Double(&step)
		step.Double(&step)
	}
	return out
})

func legacyFixedBaseMul(api frontend.API, curve edCurve, s frontend.Variable) edPoint {
	t := legacyGTable()
	b := api.ToBinary(s, 2*len(t))
	var res edPoint
	for i, w := range t {
		sel := edPoint{
			X: api.Lookup2(b[2*i], b[2*i+1], w[0][0], w[1][0], w[2][0], w[3][0]),
			Y: api.Lookup2(b[2*i], b[2*i+1], w[0][1], w[1][1], w[2][1], w[3][1]),
		}
		if i == 0 {
			res = sel
			continue
		}
		res = curve.add(res, sel)
	}
	return res
}

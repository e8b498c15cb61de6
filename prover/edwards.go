package prover

import (
	"math/big"
	"math/bits"
	"sync"

	edwards "github.com/consensys/gnark-crypto/ecc/bn254/twistededwards"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
)

// In-circuit arithmetic on BN254's twisted Edwards curve (gnark-crypto's "baby jubjub" form)
//
//	E: a·x² + y² = 1 + d·x²·y²,   a = −1,   #E = 8·ℓ,
//
// written here rather than taken from gnark's std/algebra so that every wire it creates is
// pinned to one value by its constraints (see the package note, "No free wire"). The addition
// law below is complete on E because a is a square and d is not in the field (checked by
// TestEdwards_Complete): for two points on E its denominators 1 ± d·x₁x₂y₁y₂ are never zero,
// so each quotient is the unique solution of its one constraint. Every point that enters is
// asserted on E (assertOnCurve) or is a constant of E; sums, doublings and selections of points
// on E stay on E, so no denominator anywhere can be zero.

// edPoint is an affine point of E.
type edPoint struct{ X, Y frontend.Variable }

// edIdentity is E's neutral element.
var edIdentity = edPoint{X: 0, Y: 1}

// edParams are E's constants.
var edParams = sync.OnceValue(func() (p struct{ A, D, Order *big.Int }) {
	c := edwards.GetEdwardsCurve()
	p.A, p.D = c.A.BigInt(new(big.Int)), c.D.BigInt(new(big.Int))
	p.Order = new(big.Int).Set(&c.Order)
	return p
})

// edCurve builds E's arithmetic into a circuit.
type edCurve struct {
	api  frontend.API
	a, d *big.Int
}

func newEdCurve(api frontend.API) edCurve {
	p := edParams()
	return edCurve{api: api, a: p.A, d: p.D}
}

// div is num/den for a den the caller knows is not zero: one constraint den·q = num, which
// pins q. divWithHint (tests) makes q a hint output instead of a solver-defined wire, with the
// same constraint, so a malicious-prover test can fill it with any value it likes.
func (c edCurve) div(num, den frontend.Variable) frontend.Variable {
	if divWithHint {
		q, err := c.api.Compiler().NewHint(divHint, 1, num, den)
		if err != nil {
			panic(err)
		}
		c.api.AssertIsEqual(c.api.Mul(q[0], den), num)
		return q[0]
	}
	return c.api.DivUnchecked(num, den)
}

// divWithHint is set only by tests (export_test.go), before compiling, to route every division
// through divHint. Production circuits never set it.
var divWithHint bool

// divHint is num/den (0 when den is 0: the constraint then fails unless num is 0 too).
func divHint(field *big.Int, in, out []*big.Int) error {
	if in[1].Sign() == 0 {
		out[0].SetUint64(0)
		return nil
	}
	inv := new(big.Int).ModInverse(in[1], field)
	out[0].Mul(in[0], inv).Mod(out[0], field)
	return nil
}

func init() { solver.RegisterHint(divHint) }

// assertOnCurve asserts a·x² + y² = 1 + d·x²·y² (3 constraints).
func (c edCurve) assertOnCurve(p edPoint) {
	api := c.api
	xx, yy := api.Mul(p.X, p.X), api.Mul(p.Y, p.Y)
	api.AssertIsEqual(api.Add(api.Mul(xx, c.a), yy), api.Add(1, api.Mul(c.d, xx, yy)))
}

// assertNotSmallOrder asserts [8]p ≠ O for p on E. [8]p lies in the order-ℓ subgroup, where
// only O has x = 0, so x ≠ 0 is the whole check (3 doublings and one inverse: 16 constraints).
func (c edCurve) assertNotSmallOrder(p edPoint) {
	q := c.double(c.double(c.double(p)))
	c.api.AssertIsDifferent(q.X, 0)
}

// neg is −p (free).
func (c edCurve) neg(p edPoint) edPoint { return edPoint{X: c.api.Neg(p.X), Y: p.Y} }

// add is p + q by the unified (complete) formula (6 constraints):
//
//	x₃ = (x₁y₂ + y₁x₂) / (1 + d·x₁x₂y₁y₂),  y₃ = (y₁y₂ − a·x₁x₂) / (1 − d·x₁x₂y₁y₂)
func (c edCurve) add(p, q edPoint) edPoint {
	api := c.api
	u := api.Mul(api.Sub(p.Y, api.Mul(p.X, c.a)), api.Add(q.X, q.Y)) // (y₁ − a·x₁)(x₂ + y₂)
	v0 := api.Mul(p.X, q.Y)
	v1 := api.Mul(q.X, p.Y)
	v2 := api.Mul(c.d, v0, v1)
	return edPoint{
		X: c.div(api.Add(v0, v1), api.Add(1, v2)),
		Y: c.div(api.Sub(api.Add(u, api.Mul(c.a, v0)), v1), api.Sub(1, v2)),
	}
}

// double is [2]p (5 constraints): x₃ = 2xy / (a·x² + y²), y₃ = (y² − a·x²) / (2 − a·x² − y²).
// For p on E the denominators equal 1 + d·x²y² and 1 − d·x²y²: never zero (completeness).
func (c edCurve) double(p edPoint) edPoint {
	api := c.api
	xy, xx, yy := api.Mul(p.X, p.Y), api.Mul(p.X, p.X), api.Mul(p.Y, p.Y)
	axx := api.Mul(xx, c.a)
	return edPoint{
		X: c.div(api.Mul(2, xy), api.Add(axx, yy)),
		Y: c.div(api.Sub(yy, axx), api.Sub(2, api.Add(axx, yy))),
	}
}

// scalarMul is [k]p for p on E and k given by its bits (little-endian, each constrained
// boolean by the caller), with 2-bit windows over {O, p, 2p, 3p}: per window two doublings,
// one selection (6 constraints) and one addition.
func (c edCurve) scalarMul(p edPoint, k []frontend.Variable) edPoint {
	api := c.api
	if len(k)%2 == 1 {
		k = append(k, 0)
	}
	p2 := c.double(p)
	p3 := c.add(p2, p)
	sel := func(b0, b1 frontend.Variable) edPoint {
		return edPoint{
			X: api.Lookup2(b0, b1, 0, p.X, p2.X, p3.X),
			Y: api.Lookup2(b0, b1, 1, p.Y, p2.Y, p3.Y),
		}
	}
	n := len(k)
	res := sel(k[n-2], k[n-1])
	for i := n - 4; i >= 0; i -= 2 {
		res = c.add(c.double(c.double(res)), sel(k[i], k[i+1]))
	}
	return res
}

// fixedBaseMul is [k]G for E's base point G and k given by its bits (little-endian, each
// constrained boolean by the caller), over 3-bit windows of constant multiples of G: per
// window four products of bits select one of eight constants for free, then one addition.
func (c edCurve) fixedBaseMul(k []frontend.Variable) edPoint {
	api := c.api
	for len(k)%3 != 0 {
		k = append(k, 0)
	}
	t := gTable3(len(k) / 3)
	var res edPoint
	for i := range len(k) / 3 {
		b0, b1, b2 := k[3*i], k[3*i+1], k[3*i+2]
		b01, b02, b12 := api.Mul(b0, b1), api.Mul(b0, b2), api.Mul(b1, b2)
		prod := [8]frontend.Variable{1, b0, b1, b01, b2, b02, b12, api.Mul(b01, b2)}
		// The table's multilinear form: T[b] = Σₛ coef[s]·Πᵢ∈ₛ bᵢ over the subsets s of the
		// three bits, coef[s] = Σ_{u⊆s} (−1)^{|s|−|u|}·T[u] (Möbius inversion); with the four
		// products above every term is a constant times a wire, so the pick costs nothing more.
		pick := func(coord int) frontend.Variable {
			var sum frontend.Variable = 0
			for s := range 8 {
				coef := new(big.Int)
				for u := range 8 {
					if u&^s != 0 {
						continue
					}
					if bits.OnesCount(uint(s^u))%2 == 0 {
						coef.Add(coef, t[i][u][coord])
					} else {
						coef.Sub(coef, t[i][u][coord])
					}
				}
				sum = api.Add(sum, api.Mul(prod[s], coef.Mod(coef, api.Compiler().Field())))
			}
			return sum
		}
		sel := edPoint{X: pick(0), Y: pick(1)}
		if i == 0 {
			res = sel
			continue
		}
		res = c.add(res, sel)
	}
	return res
}

// gTable3(n)[i][j] = j·8^i·G (affine coordinates) for i < n, j < 8; j = 0 is the identity.
func gTable3(n int) [][8][2]*big.Int {
	t := gTable3Full()
	if n > len(t) {
		panic("prover: fixed-base scalar wider than the table")
	}
	return t[:n]
}

var gTable3Full = sync.OnceValue(func() [][8][2]*big.Int {
	params := edwards.GetEdwardsCurve()
	n := (fieldBitLen + 2) / 3
	out := make([][8][2]*big.Int, n)
	step := params.Base
	for i := range n {
		var acc edwards.PointAffine
		acc.X.SetZero()
		acc.Y.SetOne()
		for j := range 8 {
			out[i][j] = [2]*big.Int{acc.X.BigInt(new(big.Int)), acc.Y.BigInt(new(big.Int))}
			acc.Add(&acc, &step)
		}
		for range 3 {
			step.Double(&step)
		}
	}
	return out
})

const fieldBitLen = 254 // BN254's scalar field, E's base field

// assertBitsAtMost asserts Σ bᵢ·2ⁱ ≤ bound for bits b (little-endian, each constrained boolean
// by the caller). From the top bit down, eq is 1 while b equals bound so far (eq·bᵢ where bound
// has a 1); where bound has a 0, eq·bᵢ must be 0. Those products are bits, fewer than the field
// has elements, so their sum is 0 only if each is: one constraint per bit and one for the sum.
func assertBitsAtMost(api frontend.API, b []frontend.Variable, bound *big.Int) {
	if bound.BitLen() > len(b) {
		return // every value of len(b) bits is below the bound
	}
	var eq, over frontend.Variable = 1, 0
	low := 0 // the bound's trailing ones need no product: below its lowest 0 nothing can exceed it
	for low < bound.BitLen() && bound.Bit(low) == 1 {
		low++
	}
	for i := len(b) - 1; i >= low; i-- {
		if bound.Bit(i) == 1 {
			eq = api.Mul(eq, b[i])
		} else {
			over = api.Add(over, api.Mul(eq, b[i]))
		}
	}
	api.AssertIsEqual(over, 0)
}

package prover

import (
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/twistededwards/eddsa"
	tedwards "github.com/consensys/gnark-crypto/ecc/twistededwards"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/algebra/native/twistededwards"
	geddsa "github.com/consensys/gnark/std/signature/eddsa"
)

// Bit widths of the credential and requirement fields. Every value is range-checked to its
// width in the circuit, so no comparison can wrap around the field.
const (
	LTVBits      = 48 // cents: up to 2.8e12
	LoyaltyBits  = 3  // level 0–5
	CoordBits    = 32 // grid coordinates (e.g. metres east/north of a city origin)
	DayBits      = 32 // unix days
	CategoryBits = 32 // a category id
	distBits     = 2*CoordBits + 2
)

// EligibilityCircuit proves, for one deal, that the holder of a credential the enclave issued
// qualifies — LTV at least the minimum, loyalty at least the level, within the radius when the
// deal asks for proximity, credential unexpired — and derives the deal's nullifier from the
// credential's secret, bound to a payout address. Four public inputs, each constrained:
//
//	ReqHash   = H(DealID, Category, MinLTV, MinLoyalty, VX, VY, RadiusSq, Proximity, Issuer.X, Issuer.Y)
//	Day       = the verifier's current unix day (credential Expiry ≥ Day)
//	Nullifier = H(Secret, DealID)
//	Binding   = the payout address (bound by the proof)
//
// The credential is an EdDSA (BN254 twisted Edwards) signature by Issuer over
// H(Category, LTV, Loyalty, X, Y, H(Secret), Expiry).
type EligibilityCircuit struct {
	ReqHash   frontend.Variable `gnark:",public"`
	Day       frontend.Variable `gnark:",public"`
	Nullifier frontend.Variable `gnark:",public"`
	Binding   frontend.Variable `gnark:",public"`

	DealID, Category, MinLTV, MinLoyalty, VX, VY, RadiusSq, Proximity frontend.Variable

	Issuer geddsa.PublicKey
	Sig    geddsa.Signature

	LTV, Loyalty, X, Y, Expiry, Secret frontend.Variable
}

// Define writes the constraints.
func (c *EligibilityCircuit) Define(api frontend.API) error {
	// Requirements: the public hash pins the deal's parameters and the issuer.
	req, err := circuitHash(api, c.DealID, c.Category, c.MinLTV, c.MinLoyalty, c.VX, c.VY, c.RadiusSq, c.Proximity, c.Issuer.A.X, c.Issuer.A.Y)
	if err != nil {
		return err
	}
	api.AssertIsEqual(c.ReqHash, req)

	// The credential: signed by the issuer over its fields and the secret's commitment.
	commit, err := circuitHash(api, c.Secret)
	if err != nil {
		return err
	}
	msg, err := circuitHash(api, c.Category, c.LTV, c.Loyalty, c.X, c.Y, commit, c.Expiry)
	if err != nil {
		return err
	}
	curve, err := twistededwards.NewEdCurve(api, tedwards.BN254)
	if err != nil {
		return err
	}
	if err := geddsa.Verify(curve, c.Sig, msg, c.Issuer, &fieldHasher{api: api}); err != nil {
		return err
	}

	// Ranges, then the comparisons as non-negative differences of bounded width.
	bits := func(v frontend.Variable, n int) { api.ToBinary(v, n) }
	bits(c.LTV, LTVBits)
	bits(c.MinLTV, LTVBits)
	bits(api.Sub(c.LTV, c.MinLTV), LTVBits)
	bits(c.Loyalty, LoyaltyBits)
	bits(c.MinLoyalty, LoyaltyBits)
	bits(api.Sub(c.Loyalty, c.MinLoyalty), LoyaltyBits)
	bits(c.Expiry, DayBits)
	bits(c.Day, DayBits)
	bits(api.Sub(c.Expiry, c.Day), DayBits)

	// Proximity: (X-VX)² + (Y-VY)² ≤ RadiusSq when Proximity = 1.
	api.AssertIsBoolean(c.Proximity)
	for _, v := range []frontend.Variable{c.X, c.Y, c.VX, c.VY} {
		bits(v, CoordBits)
	}
	bits(c.RadiusSq, distBits)
	dx, dy := api.Sub(c.X, c.VX), api.Sub(c.Y, c.VY)
	dist := api.Add(api.Mul(dx, dx), api.Mul(dy, dy))
	bits(api.Mul(c.Proximity, api.Sub(c.RadiusSq, dist)), distBits)

	// The nullifier, one per secret per deal; and the payout binding.
	null, err := circuitHash(api, c.Secret, c.DealID)
	if err != nil {
		return err
	}
	api.AssertIsEqual(c.Nullifier, null)
	// Binding takes part in no check; one quadratic constraint puts it in the proof's
	// equations, so a proof for one payout address does not verify for another.
	api.Mul(c.Binding, c.Binding)
	return nil
}

// Requirements are a deal's eligibility parameters, as the enclave reads them from the deal
// document and posts their hash on-chain.
type Requirements struct {
	DealID     *big.Int // the deal id reduced into the field
	Category   uint64
	MinLTV     uint64 // cents
	MinLoyalty uint64 // 0–5
	VX, VY     uint64 // the vendor's grid point
	RadiusSq   *big.Int
	Proximity  bool
}

// Credential is what the enclave issues to an agent (it never leaves the agent).
type Credential struct {
	Category uint64
	LTV      uint64
	Loyalty  uint64
	X, Y     uint64
	Expiry   uint64 // unix day
	Secret   *big.Int
	Sig      []byte // EdDSA over Message()
}

// Commitment is H(secret): what the issuer signs instead of the secret.
func Commitment(secret *big.Int) *big.Int { return Hash(secret) }

// Message is the credential's signed message.
func (c Credential) Message() *big.Int {
	u := func(v uint64) *big.Int { return new(big.Int).SetUint64(v) }
	return Hash(u(c.Category), u(c.LTV), u(c.Loyalty), u(c.X), u(c.Y), Commitment(c.Secret), u(c.Expiry))
}

// Issuer is the enclave's credential-signing key.
type Issuer struct{ key *eddsa.PrivateKey }

// NewIssuer generates an issuer key.
func NewIssuer() (*Issuer, error) {
	k, err := eddsa.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return &Issuer{key: k}, nil
}

// PublicKey is the issuer's compressed public key (32 bytes).
func (i *Issuer) PublicKey() []byte { return i.key.PublicKey.Bytes() }

// Point is the issuer key's affine coordinates.
func (i *Issuer) Point() (x, y *big.Int) {
	return i.key.PublicKey.A.X.BigInt(new(big.Int)), i.key.PublicKey.A.Y.BigInt(new(big.Int))
}

// Issue signs a credential.
func (i *Issuer) Issue(c Credential) (Credential, error) {
	m := c.Message()
	var buf [fieldElemBytes]byte
	m.FillBytes(buf[:])
	sig, err := i.key.Sign(buf[:], NewNativeHasher())
	if err != nil {
		return c, fmt.Errorf("sign credential: %w", err)
	}
	c.Sig = sig
	return c, nil
}

// ReqHash is the requirements' public hash under an issuer key.
func (r Requirements) ReqHash(issuerX, issuerY *big.Int) *big.Int {
	u := func(v uint64) *big.Int { return new(big.Int).SetUint64(v) }
	prox := u(0)
	if r.Proximity {
		prox = u(1)
	}
	return Hash(r.DealID, u(r.Category), u(r.MinLTV), u(r.MinLoyalty), u(r.VX), u(r.VY), r.RadiusSq, prox, issuerX, issuerY)
}

// Eligible is the native reference of the circuit's checks (before any proof is attempted, so
// an agent is told locally why it does not qualify).
func Eligible(r Requirements, c Credential, day uint64) error {
	switch {
	case c.Category != r.Category:
		return errors.New("the credential is for another category")
	case c.LTV < r.MinLTV:
		return fmt.Errorf("lifetime value %d is below the deal's minimum %d", c.LTV, r.MinLTV)
	case c.Loyalty < r.MinLoyalty:
		return fmt.Errorf("loyalty level %d is below the deal's %d", c.Loyalty, r.MinLoyalty)
	case c.Expiry < day:
		return errors.New("the credential has expired")
	case c.LTV >= 1<<LTVBits || r.MinLTV >= 1<<LTVBits || c.Loyalty > 5 || r.MinLoyalty > 5:
		return errors.New("value out of range")
	}
	if r.Proximity {
		dx := new(big.Int).Sub(new(big.Int).SetUint64(c.X), new(big.Int).SetUint64(r.VX))
		dy := new(big.Int).Sub(new(big.Int).SetUint64(c.Y), new(big.Int).SetUint64(r.VY))
		d := new(big.Int).Add(new(big.Int).Mul(dx, dx), new(big.Int).Mul(dy, dy))
		if d.Cmp(r.RadiusSq) > 0 {
			return errors.New("outside the deal's radius")
		}
	}
	return nil
}

// Assignment builds the full witness for proving eligibility for r with credential c, issued by
// issuer, today, bound to binding.
func Assignment(r Requirements, c Credential, issuer *Issuer, day uint64, binding *big.Int) (*EligibilityCircuit, error) {
	ix, iy := issuer.Point()
	w := &EligibilityCircuit{
		ReqHash: r.ReqHash(ix, iy), Day: day, Nullifier: Hash(c.Secret, r.DealID), Binding: binding,
		DealID: r.DealID, Category: r.Category, MinLTV: r.MinLTV, MinLoyalty: r.MinLoyalty, VX: r.VX, VY: r.VY,
		RadiusSq: r.RadiusSq, Proximity: 0,
		LTV: c.LTV, Loyalty: c.Loyalty, X: c.X, Y: c.Y, Expiry: c.Expiry, Secret: c.Secret,
	}
	if r.Proximity {
		w.Proximity = 1
	}
	w.Issuer.Assign(tedwards.BN254, issuer.PublicKey())
	if len(c.Sig) == 0 {
		return nil, errors.New("credential is not signed")
	}
	w.Sig.Assign(tedwards.BN254, c.Sig)
	return w, nil
}

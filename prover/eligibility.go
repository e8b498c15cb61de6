package prover

import (
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/twistededwards/eddsa"
	tedwards "github.com/consensys/gnark-crypto/ecc/twistededwards"
	"github.com/consensys/gnark/frontend"
	geddsa "github.com/consensys/gnark/std/signature/eddsa"
)

// Bit widths of the credential and requirement fields. Every value is range-checked to its
// width in the circuit, so no comparison can wrap around the field.
const (
	LTVBits      = 48  // cents: up to 2.8e12
	LoyaltyBits  = 3   // level 0–5
	CoordBits    = 32  // grid coordinates (e.g. metres east/north of a city origin)
	DayBits      = 32  // unix days
	PayoutBits   = 160 // an address
	CategoryBits = 32  // a category id
	distBits     = 2*CoordBits + 2
)

// EligibilityCircuit proves, for one deal, that the holder of a credential the enclave issued
// qualifies — LTV at least the minimum, loyalty at least the level, within the radius when the
// deal asks for proximity, credential unexpired — and derives the deal's nullifier from the
// credential's secret, bound to a payout address. Three public inputs (each costs the verifier
// about 6k gas), each constrained:
//
//	ReqHash   = H(DealID, Category | MinLTV | MinLoyalty | Proximity | VX | VY | RadiusSq, Issuer.X, Issuer.Y)
//	Nullifier = H(Secret, DealID)
//	Context   = Day + 2^32·Payout: the verifier's unix day (credential Expiry ≥ Day) and the
//	            payout address (160 bits) the proof is bound to
//
// The credential is an EdDSA (BN254 twisted Edwards) signature by Issuer over the two-element
// message (Category | LTV | Loyalty | Expiry | X | Y, H(Secret)), hashed inside the signature's
// H(R, A, M) itself, so it costs no hash of its own. "a | b" packs range-checked fields into
// one element (a + 2^w·b), which is free in R1CS and halves the hashing.
type EligibilityCircuit struct {
	ReqHash   frontend.Variable `gnark:",public"`
	Nullifier frontend.Variable `gnark:",public"`
	Context   frontend.Variable `gnark:",public"`

	Day, Payout frontend.Variable

	DealID, Category, MinLTV, MinLoyalty, VX, VY, RadiusSq, Proximity frontend.Variable

	Issuer geddsa.PublicKey
	Sig    geddsa.Signature

	LTV, Loyalty, X, Y, Expiry, Secret frontend.Variable
}

// Define writes the constraints.
func (c *EligibilityCircuit) Define(api frontend.API) error { return c.define(api, verifyEdDSA) }

// sigCheck asserts an EdDSA signature by pub over msg.
type sigCheck func(api frontend.API, sig geddsa.Signature, pub geddsa.PublicKey, msg ...frontend.Variable) error

func (c *EligibilityCircuit) define(api frontend.API, verifyEdDSA sigCheck) error {
	// Requirements: the public hash pins the deal's parameters and the issuer.
	req, err := circuitHash(api, c.DealID, packReq(api, c), c.Issuer.A.X, c.Issuer.A.Y)
	if err != nil {
		return err
	}
	api.AssertIsEqual(c.ReqHash, req)

	// The credential: signed by the issuer over its fields and the secret's commitment.
	commit, err := circuitHash(api, c.Secret)
	if err != nil {
		return err
	}
	if err := verifyEdDSA(api, c.Sig, c.Issuer, packCred(api, c), commit); err != nil {
		return err
	}

	// Ranges, then the comparisons as non-negative differences of bounded width.
	bits := func(v frontend.Variable, n int) { api.ToBinary(v, n) }
	bits(c.Category, CategoryBits)
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
	// Day (range-checked above) and Payout packed into one public input; Payout's range check
	// makes the packing one-to-one, so no other day can hide behind the same Context.
	bits(c.Payout, PayoutBits)
	api.AssertIsEqual(c.Context, api.Add(c.Day, api.Mul(c.Payout, shl(DayBits))))
	return nil
}

// Packing: each group of range-checked fields is one field element, field i shifted by the
// widths before it (a + 2^wa·b + …), which is free in R1CS and cuts the hashing. Requirements
// pack into 214 bits, a credential into 179, both below the field's 253.
type part struct {
	v    frontend.Variable
	bits int
}

func pack(api frontend.API, parts ...part) frontend.Variable {
	var sum frontend.Variable = 0
	off := 0
	for _, p := range parts {
		sum = api.Add(sum, api.Mul(p.v, shl(off)))
		off += p.bits
	}
	return sum
}

func packBig(vals []*big.Int, bits []int) *big.Int {
	sum, off := new(big.Int), 0
	for i, v := range vals {
		sum.Add(sum, new(big.Int).Lsh(v, uint(off)))
		off += bits[i]
	}
	return sum
}

func shl(n int) *big.Int { return new(big.Int).Lsh(big.NewInt(1), uint(n)) }

var (
	reqBits  = []int{CategoryBits, LTVBits, LoyaltyBits, 1, CoordBits, CoordBits, distBits}
	credBits = []int{CategoryBits, LTVBits, LoyaltyBits, DayBits, CoordBits, CoordBits}
)

func packReq(api frontend.API, c *EligibilityCircuit) frontend.Variable {
	return pack(api, part{c.Category, CategoryBits}, part{c.MinLTV, LTVBits}, part{c.MinLoyalty, LoyaltyBits}, part{c.Proximity, 1},
		part{c.VX, CoordBits}, part{c.VY, CoordBits}, part{c.RadiusSq, distBits})
}

func packCred(api frontend.API, c *EligibilityCircuit) frontend.Variable {
	return pack(api, part{c.Category, CategoryBits}, part{c.LTV, LTVBits}, part{c.Loyalty, LoyaltyBits}, part{c.Expiry, DayBits},
		part{c.X, CoordBits}, part{c.Y, CoordBits})
}

func u64(v uint64) *big.Int { return new(big.Int).SetUint64(v) }

// verifyEdDSA checks an EdDSA signature (R, S) by pub = A over msg on BN254's twisted Edwards
// curve E, with H the circuit's sponge, as the cofactored equation
//
//	[8]([S]G − [H(R, A, M)]A − R) = O,
//
// every step of it pinned (see the package note, "Soundness"): R and A on E and not of small
// order, S below the subgroup order ℓ (no malleated S + ℓ), H(R, A, M) decomposed into bits
// strictly below the field's modulus (one integer, so one point [h]A), both multiplications
// plain double-and-add over those bits with the complete addition law — no hint decides a
// point.
func verifyEdDSA(api frontend.API, sig geddsa.Signature, pub geddsa.PublicKey, msg ...frontend.Variable) error {
	curve := newEdCurve(api)
	r, a := edPoint{X: sig.R.X, Y: sig.R.Y}, edPoint{X: pub.A.X, Y: pub.A.Y}
	for _, p := range []edPoint{r, a} {
		curve.assertOnCurve(p)
		curve.assertNotSmallOrder(p)
	}
	hram, err := circuitHash(api, append([]frontend.Variable{r.X, r.Y, a.X, a.Y}, msg...)...)
	if err != nil {
		return err
	}
	order := edParams().Order
	sBits := api.ToBinary(sig.S, order.BitLen())
	assertBitsAtMost(api, sBits, new(big.Int).Sub(order, big.NewInt(1)))
	hBits := api.ToBinary(hram) // full width: gnark adds the check that the bits are below the modulus

	q := curve.add(curve.fixedBaseMul(sBits), curve.neg(curve.add(curve.scalarMul(a, hBits), r)))
	q = curve.double(curve.double(curve.double(q))) // cofactor 8
	api.AssertIsEqual(q.X, 0)
	api.AssertIsEqual(q.Y, 1)
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

// Message is the credential's signed message: two field elements.
func (c Credential) Message() []*big.Int {
	return []*big.Int{packBig([]*big.Int{u64(c.Category), u64(c.LTV), u64(c.Loyalty), u64(c.Expiry), u64(c.X), u64(c.Y)}, credBits), Commitment(c.Secret)}
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

// Issue signs a credential. A field outside its width is refused (Credential.Validate): packed
// into the signed message it would carry into the next field, and the holder could prove that.
func (i *Issuer) Issue(c Credential) (Credential, error) {
	if err := c.Validate(); err != nil {
		return c, err
	}
	var buf []byte
	for _, m := range c.Message() {
		var b [fieldElemBytes]byte
		buf = append(buf, m.FillBytes(b[:])...)
	}
	sig, err := i.key.Sign(buf, NewNativeHasher())
	if err != nil {
		return c, fmt.Errorf("sign credential: %w", err)
	}
	c.Sig = sig
	return c, nil
}

// ReqHash is the requirements' public hash under an issuer key. Requirements outside their
// widths are refused (Validate): packed, a field too wide would carry into the next one, and
// the circuit — which range-checks every field — would read the hash as other, weaker
// requirements.
func (r Requirements) ReqHash(issuerX, issuerY *big.Int) (*big.Int, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	prox := uint64(0)
	if r.Proximity {
		prox = 1
	}
	packed := packBig([]*big.Int{u64(r.Category), u64(r.MinLTV), u64(r.MinLoyalty), u64(prox), u64(r.VX), u64(r.VY), r.RadiusSq}, reqBits)
	return Hash(r.DealID, packed, issuerX, issuerY), nil
}

// Errors of values outside the widths the circuit gives them.
var (
	ErrRequirementsRange = errors.New("requirements out of the circuit's range")
	ErrCredentialRange   = errors.New("credential out of the circuit's range")
)

// MaxLTV is the largest LTV (cents) a credential or a requirement can state: 2^48 − 1, about
// 2.8 trillion in the currency. Issuers saturate larger histories at it.
const MaxLTV = 1<<LTVBits - 1

// MaxLoyalty is the highest loyalty level.
const MaxLoyalty = 5

// Validate reports a requirement field outside its width (ErrRequirementsRange).
func (r Requirements) Validate() error {
	bad := func(f string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrRequirementsRange, fmt.Sprintf(f, a...))
	}
	switch {
	case r.DealID == nil || r.DealID.Sign() < 0 || r.DealID.Cmp(fieldModulus()) >= 0:
		return bad("deal id must be reduced into the field")
	case r.Category >= 1<<CategoryBits:
		return bad("category %d has more than %d bits", r.Category, CategoryBits)
	case r.MinLTV > MaxLTV:
		return bad("minimum LTV %d is above %d", r.MinLTV, uint64(MaxLTV))
	case r.MinLoyalty > MaxLoyalty:
		return bad("minimum loyalty %d is above %d", r.MinLoyalty, MaxLoyalty)
	case r.VX >= 1<<CoordBits || r.VY >= 1<<CoordBits:
		return bad("grid point (%d, %d) has more than %d bits", r.VX, r.VY, CoordBits)
	case r.RadiusSq == nil || r.RadiusSq.Sign() < 0 || r.RadiusSq.BitLen() > distBits:
		return bad("squared radius must be a non-negative number of at most %d bits", distBits)
	}
	return nil
}

// Validate reports a credential field outside its width (ErrCredentialRange).
func (c Credential) Validate() error {
	bad := func(f string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrCredentialRange, fmt.Sprintf(f, a...))
	}
	switch {
	case c.Category >= 1<<CategoryBits:
		return bad("category %d has more than %d bits", c.Category, CategoryBits)
	case c.LTV > MaxLTV:
		return bad("LTV %d is above %d", c.LTV, uint64(MaxLTV))
	case c.Loyalty > MaxLoyalty:
		return bad("loyalty %d is above %d", c.Loyalty, MaxLoyalty)
	case c.Expiry >= 1<<DayBits:
		return bad("expiry day %d has more than %d bits", c.Expiry, DayBits)
	case c.X >= 1<<CoordBits || c.Y >= 1<<CoordBits:
		return bad("location (%d, %d) has more than %d bits", c.X, c.Y, CoordBits)
	case c.Secret == nil || c.Secret.Sign() < 0 || c.Secret.Cmp(fieldModulus()) >= 0:
		return bad("the secret must be reduced into the field")
	}
	return nil
}

func fieldModulus() *big.Int { return fr.Modulus() }

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

// Context is the public input packing the day and the payout address: Day + 2^32·Payout.
func Context(day uint64, payout *big.Int) *big.Int {
	return new(big.Int).Add(new(big.Int).SetUint64(day), new(big.Int).Lsh(payout, DayBits))
}

// Assignment builds the full witness for proving eligibility for r with credential c, issued by
// issuer, on day, bound to the payout address (as a 160-bit number).
func Assignment(r Requirements, c Credential, issuer *Issuer, day uint64, payout *big.Int) (*EligibilityCircuit, error) {
	return AssignmentFor(r, c, issuer.PublicKey(), day, payout)
}

// Bytes is the issuer's private key (to persist it inside the enclave's sealed storage).
func (i *Issuer) Bytes() []byte { return i.key.Bytes() }

// IssuerFromBytes restores an issuer key written by Bytes.
func IssuerFromBytes(b []byte) (*Issuer, error) {
	k := new(eddsa.PrivateKey)
	if _, err := k.SetBytes(b); err != nil {
		return nil, fmt.Errorf("issuer key: %w", err)
	}
	return &Issuer{key: k}, nil
}

// IssuerKeyFromPoint compresses an issuer key given by its coordinates (as registered on-chain).
func IssuerKeyFromPoint(x, y *big.Int) []byte {
	var p eddsa.PublicKey
	p.A.X.SetBigInt(x)
	p.A.Y.SetBigInt(y)
	return p.Bytes()
}

// IssuerPoint parses a compressed issuer public key into its coordinates.
func IssuerPoint(pub []byte) (x, y *big.Int, err error) {
	var k eddsa.PublicKey
	if _, err := k.SetBytes(pub); err != nil {
		return nil, nil, fmt.Errorf("issuer public key: %w", err)
	}
	return k.A.X.BigInt(new(big.Int)), k.A.Y.BigInt(new(big.Int)), nil
}

// ReqHashFor is Requirements.ReqHash under a compressed issuer public key.
func (r Requirements) ReqHashFor(issuerPub []byte) (*big.Int, error) {
	x, y, err := IssuerPoint(issuerPub)
	if err != nil {
		return nil, err
	}
	return r.ReqHash(x, y)
}

// AssignmentFor is Assignment with the issuer given by its compressed public key (the prover
// is the agent, which never holds the issuer's private key).
func AssignmentFor(r Requirements, c Credential, issuerPub []byte, day uint64, payout *big.Int) (*EligibilityCircuit, error) {
	x, y, err := IssuerPoint(issuerPub)
	if err != nil {
		return nil, err
	}
	if payout.Sign() < 0 || payout.BitLen() > PayoutBits {
		return nil, errors.New("payout must be a 160-bit address")
	}
	if len(c.Sig) == 0 {
		return nil, errors.New("credential is not signed")
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	reqHash, err := r.ReqHash(x, y)
	if err != nil {
		return nil, err
	}
	w := &EligibilityCircuit{
		ReqHash: reqHash, Nullifier: Hash(c.Secret, r.DealID), Context: Context(day, payout), Day: day, Payout: payout,
		DealID: r.DealID, Category: r.Category, MinLTV: r.MinLTV, MinLoyalty: r.MinLoyalty, VX: r.VX, VY: r.VY,
		RadiusSq: r.RadiusSq, Proximity: 0,
		LTV: c.LTV, Loyalty: c.Loyalty, X: c.X, Y: c.Y, Expiry: c.Expiry, Secret: c.Secret,
	}
	if r.Proximity {
		w.Proximity = 1
	}
	w.Issuer.Assign(tedwards.BN254, issuerPub)
	w.Sig.Assign(tedwards.BN254, c.Sig)
	return w, nil
}

// Nullifier of a credential's secret for a deal.
func (c Credential) Nullifier(dealID *big.Int) *big.Int { return Hash(c.Secret, dealID) }

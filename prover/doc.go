// Package prover holds Bazaar's gnark circuits, their native Go references, the development and
// ceremony setups and the Solidity verifier export: the eligibility proof an agent redeems with.
//
// # Soundness
//
// A proof is only as sound as the circuit is against a prover who does not run gnark's solver:
// it may answer every hint with any value and fill any wire its constraints leave free. So every
// wire of a circuit here is pinned to one value by its constraints, given the inputs. The
// eligibility circuit creates wires in four ways, and this is what pins each:
//
//   - Hint gnark bits.nBits (api.ToBinary), the circuit's only hint (TestEligibility_Hints
//     fails if a gadget brings another). Each output bit is constrained boolean and Σ bᵢ·2ⁱ = v.
//     For n < 254 bits that decomposition is unique, and a v ≥ 2ⁿ (a negative difference, in
//     the field) has none: this is every range check (the credential's and the deal's fields,
//     LTV − MinLTV, Loyalty − MinLoyalty, Expiry − Day, the distance, Payout) and S (251 bits,
//     and S ≤ ℓ − 1 by assertBitsAtMost). The one full-width decomposition, of H(R, A, M), adds
//     gnark's comparison of the bits with p − 1, so the integer h is unique too.
//   - Division (api.DivUnchecked) in the curve arithmetic (edCurve.add, edCurve.double): one
//     constraint den·q = num, which pins q when den ≠ 0. Every point that reaches them is on
//     the curve — R and A asserted, the base point's multiples constants, and sums, doublings
//     and selections of points on the curve stay on it — and the addition law is complete
//     (a square, d not: TestEdwards_Complete), so no den is ever 0. (gnark's own twisted
//     Edwards code is not used: its ScalarMul checks s1 + s2·h = k·ℓ with a free k.)
//   - Inverse (api.AssertIsDifferent, the small-order checks): x·y = 1 pins y, and fails for 0.
//   - Products (api.Mul, api.Lookup2, the fixed-base table's bit products): a·b = c pins c.
//
// The standalone NullifierCircuit (MiMC) has products only (TestNullifierCircuit_Pinned).
//
// With every wire pinned, a satisfying assignment is a computation, and its statements are the
// arithmetic ones: given the public ReqHash, Nullifier and Context, the requirements and the
// issuer key A are those hashed into ReqHash (Poseidon2 is collision resistant); the signature
// check holds only for R and A on the curve and not of small order, S < ℓ and the canonical h,
// so [8]([S]G − [h]A − R) = O is a valid cofactored EdDSA signature by A on the credential —
// one only the issuer's key can make (EdDSA is unforgeable, with the sponge as random oracle);
// the credential's fields are range-checked, so the packed message names them one way only,
// and its H(secret) fixes the secret, so the nullifier H(secret, deal) is one per credential
// per deal; each comparison is a range-checked difference, which cannot wrap around the field;
// Context packs a range-checked day and payout one-to-one.
//
// The tests attack this as a malicious prover (package provertest, the standard for every
// circuit here): TestEligibility_WitnessUnique rewrites hint outputs and quotient wires (the
// circuit compiled with divisions as hints) one at a time and finds none the constraints do not
// catch; the two forgeries that broke the earlier circuit (gnark's fake-GLV hints; R off the
// curve with a 0/0 wire filled) forge against prover.LegacyCircuit, kept in the tests for that
// purpose, and fail here; a negative test exercises each check of the signature. `make
// soundness` runs them over every hint call instead of a sample.
package prover

package prover

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	nativemimc "github.com/consensys/gnark-crypto/ecc/bn254/fr/mimc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/hash/mimc"
)

// NullifierCircuit proves knowledge of the agent secret behind a public nullifier for a public
// deal: Nullifier = MiMC(Secret, DealID) over BN254. Both public inputs are constrained.
type NullifierCircuit struct {
	DealID    frontend.Variable `gnark:",public"`
	Nullifier frontend.Variable `gnark:",public"`
	Secret    frontend.Variable
}

// Define constrains Nullifier to MiMC(Secret, DealID).
func (c *NullifierCircuit) Define(api frontend.API) error {
	h, err := mimc.NewMiMC(api)
	if err != nil {
		return err
	}
	h.Write(c.Secret, c.DealID)
	api.AssertIsEqual(c.Nullifier, h.Sum())
	return nil
}

// Nullifier is the native reference: MiMC-BN254(secret, dealID), each reduced into the field.
func Nullifier(secret, dealID *big.Int) *big.Int {
	var s, d fr.Element
	s.SetBigInt(secret)
	d.SetBigInt(dealID)
	h := nativemimc.NewMiMC()
	sb, db := s.Bytes(), d.Bytes()
	h.Write(sb[:])
	h.Write(db[:])
	return new(big.Int).SetBytes(h.Sum(nil))
}

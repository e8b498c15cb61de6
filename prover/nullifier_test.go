package prover_test

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/test"

	"github.com/bazaar-market/bazaar/prover"
)

func TestNullifierCircuit(t *testing.T) {
	secret, deal := big.NewInt(123456789), big.NewInt(42)
	null := prover.Nullifier(secret, deal)
	if null.Cmp(prover.Nullifier(secret, big.NewInt(43))) == 0 {
		t.Fatal("nullifier does not depend on the deal: redemptions would be linkable")
	}
	assert := test.NewAssert(t)
	assert.CheckCircuit(&prover.NullifierCircuit{},
		test.WithCurves(ecc.BN254), test.WithBackends(backend.GROTH16),
		test.WithValidAssignment(&prover.NullifierCircuit{DealID: deal, Nullifier: null, Secret: secret}),
		test.WithInvalidAssignment(&prover.NullifierCircuit{DealID: deal, Nullifier: null, Secret: 7}),
		test.WithInvalidAssignment(&prover.NullifierCircuit{DealID: 43, Nullifier: null, Secret: secret}),
		test.WithInvalidAssignment(&prover.NullifierCircuit{DealID: deal, Nullifier: new(big.Int).Add(null, big.NewInt(1)), Secret: secret}),
	)
}

// TestNullifierCircuit_Groth16 runs a real setup, proof and verification, and checks that the
// proof does not verify for another deal's public inputs.
func TestNullifierCircuit_Groth16(t *testing.T) {
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &prover.NullifierCircuit{})
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := ccs.(interface{ GetCommitments() constraint.Commitments }); ok && len(c.GetCommitments().CommitmentIndexes()) != 0 {
		t.Fatal("circuit adds a commitment: the verifier and gas budget assume none")
	}
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		t.Fatal(err)
	}
	secret, deal := big.NewInt(987654321), big.NewInt(5)
	full, err := frontend.NewWitness(&prover.NullifierCircuit{DealID: deal, Nullifier: prover.Nullifier(secret, deal), Secret: secret}, ecc.BN254.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	proof, err := groth16.Prove(ccs, pk, full)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := full.Public()
	if err := groth16.Verify(proof, vk, pub); err != nil {
		t.Fatalf("valid proof rejected: %v", err)
	}
	other, _ := frontend.NewWitness(&prover.NullifierCircuit{DealID: 6, Nullifier: prover.Nullifier(secret, deal)}, ecc.BN254.ScalarField(), frontend.PublicOnly())
	if err := groth16.Verify(proof, vk, other); err == nil {
		t.Fatal("proof verified for another deal")
	}
}

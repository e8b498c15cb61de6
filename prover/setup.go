package prover

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"sync"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/constraint"
	cs "github.com/consensys/gnark/constraint/bn254"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
)

// Compiled is the eligibility circuit's constraint system, compiled once per process.
var Compiled = sync.OnceValues(func() (constraint.ConstraintSystem, error) {
	return frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &EligibilityCircuit{})
})

// DevBeacon seeds the development setup.
const DevBeacon = "bazaar eligibility development setup (INSECURE: no contributions)"

// DevKeys runs the Groth16 MPC setup with no contributions, sealed only by a public beacon: the
// keys are deterministic (the committed Solidity verifier matches them) and INSECURE — anyone can
// derive the toxic waste and forge proofs. Development and tests only; `bazaar prover ceremony`
// adds real contributions.
var DevKeys = sync.OnceValues(func() (*Keys, error) {
	ccs, err := Compiled()
	if err != nil {
		return nil, err
	}
	r1 := ccs.(*cs.R1CS)
	n := ecc.NextPowerOfTwo(uint64(r1.GetNbConstraints()))
	var p1 mpcsetup.Phase1
	p1.Initialize(n)
	commons := p1.Seal([]byte(DevBeacon + " phase 1"))
	var p2 mpcsetup.Phase2
	evals := p2.Initialize(r1, &commons)
	pk, vk := p2.Seal(&commons, &evals, []byte(DevBeacon+" phase 2"))
	return &Keys{PK: pk, VK: vk, Dev: true}, nil
})

// Keys are a proving and verifying key pair for the eligibility circuit.
type Keys struct {
	PK  groth16.ProvingKey
	VK  groth16.VerifyingKey
	Dev bool // from DevKeys: insecure
}

// Proof is a Groth16 proof in the Solidity verifier's encoding (8 words) with its public inputs.
type Proof struct {
	Words  [8]*big.Int
	Public [3]*big.Int // ReqHash, Nullifier, Context
}

// Prove proves the assignment.
func (k *Keys) Prove(w *EligibilityCircuit) (*Proof, error) {
	ccs, err := Compiled()
	if err != nil {
		return nil, err
	}
	full, err := frontend.NewWitness(w, ecc.BN254.ScalarField())
	if err != nil {
		return nil, err
	}
	p, err := groth16.Prove(ccs, k.PK, full, solidity.WithProverTargetSolidityVerifier(backend.GROTH16))
	if err != nil {
		return nil, fmt.Errorf("prove: %w", err)
	}
	raw := p.(*groth16bn254.Proof).MarshalSolidity()
	out := &Proof{}
	for i := range out.Words {
		out.Words[i] = new(big.Int).SetBytes(raw[32*i : 32*i+32])
	}
	for i, v := range []frontend.Variable{w.ReqHash, w.Nullifier, w.Context} {
		out.Public[i] = toBig(v)
	}
	return out, nil
}

// Verify checks a proof natively (what the contract checks).
func (k *Keys) Verify(p *Proof) error {
	var buf bytes.Buffer
	for _, w := range p.Words {
		var b [32]byte
		w.FillBytes(b[:])
		buf.Write(b[:])
	}
	proof := new(groth16bn254.Proof)
	if err := unmarshalSolidityProof(proof, buf.Bytes()); err != nil {
		return err
	}
	pub := &EligibilityCircuit{ReqHash: p.Public[0], Nullifier: p.Public[1], Context: p.Public[2]}
	w, err := frontend.NewWitness(pub, ecc.BN254.ScalarField(), frontend.PublicOnly())
	if err != nil {
		return err
	}
	return groth16.Verify(proof, k.VK, w, solidity.WithVerifierTargetSolidityVerifier(backend.GROTH16))
}

func toBig(v frontend.Variable) *big.Int {
	switch x := v.(type) {
	case *big.Int:
		return new(big.Int).Set(x)
	case uint64:
		return new(big.Int).SetUint64(x)
	case int:
		return big.NewInt(int64(x))
	case int64:
		return big.NewInt(x)
	}
	panic(fmt.Sprintf("prover: unexpected public input type %T", v))
}

// unmarshalSolidityProof reads the 8-word encoding MarshalSolidity writes (no commitments):
// Ar (x, y), Bs (x.A1, x.A0, y.A1, y.A0), Krs (x, y).
func unmarshalSolidityProof(p *groth16bn254.Proof, b []byte) error {
	if len(b) != 256 {
		return fmt.Errorf("proof: %d bytes, want 256", len(b))
	}
	p.Ar.X.SetBytes(b[0:32])
	p.Ar.Y.SetBytes(b[32:64])
	p.Bs.X.A1.SetBytes(b[64:96])
	p.Bs.X.A0.SetBytes(b[96:128])
	p.Bs.Y.A1.SetBytes(b[128:160])
	p.Bs.Y.A0.SetBytes(b[160:192])
	p.Krs.X.SetBytes(b[192:224])
	p.Krs.Y.SetBytes(b[224:256])
	if !p.Ar.IsOnCurve() || !p.Bs.IsOnCurve() || !p.Krs.IsOnCurve() {
		return fmt.Errorf("proof: a point is not on the curve")
	}
	return nil
}

// CircuitDigest is the SHA-256 of the compiled eligibility circuit's serialization: it changes
// whenever a constraint does, so keys cached for another version of the circuit are not reused.
var CircuitDigest = sync.OnceValues(func() ([32]byte, error) {
	ccs, err := Compiled()
	if err != nil {
		return [32]byte{}, err
	}
	h := sha256.New()
	if _, err := ccs.WriteTo(h); err != nil {
		return [32]byte{}, err
	}
	return [32]byte(h.Sum(nil)), nil
})

// DevKeysCached is DevKeys kept in dir (the setup takes seconds; reading the keys back takes
// milliseconds), under names carrying the circuit's digest: keys of an earlier circuit are never
// read. A file that does not parse is rebuilt.
func DevKeysCached(dir string) (*Keys, error) {
	d, err := CircuitDigest()
	if err != nil {
		return nil, err
	}
	tag := hex.EncodeToString(d[:6])
	pkPath, vkPath := filepath.Join(dir, "eligibility-dev-"+tag+".pk"), filepath.Join(dir, "eligibility-dev-"+tag+".vk")
	pk, vk := groth16.NewProvingKey(ecc.BN254), groth16.NewVerifyingKey(ecc.BN254)
	if readKey(pkPath, pk) == nil && readKey(vkPath, vk) == nil {
		return &Keys{PK: pk, VK: vk, Dev: true}, nil
	}
	k, err := DevKeys()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err == nil {
		writeKey(pkPath, k.PK)
		writeKey(vkPath, k.VK)
	}
	return k, nil
}

func readKey(path string, k io.ReaderFrom) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = k.ReadFrom(bufio.NewReader(f))
	return err
}

func writeKey(path string, k io.WriterTo) {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return
	}
	w := bufio.NewWriter(f)
	if _, err := k.WriteTo(w); err == nil && w.Flush() == nil && f.Close() == nil {
		os.Rename(tmp, path)
		return
	}
	f.Close()
	os.Remove(tmp)
}

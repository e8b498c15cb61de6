package prover

import (
	"errors"
	"hash"
	"math/big"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	nativep2 "github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/permutation/poseidon2"
)

// The circuit's hash: a Poseidon2 sponge over BN254's scalar field with width 3 (capacity 1,
// rate 2), 8 full and 56 partial rounds (the Poseidon2 paper's parameters for t = 3 at 128-bit
// security; gnark-crypto's BN254 permutation supports t = 2 and 3). Two elements per
// permutation (80 S-boxes) cost about two thirds of gnark's width-2 Merkle–Damgård (62 S-boxes
// per element). Inputs have a fixed length per use, so the length goes into the capacity
// element as domain separation and no padding is needed:
//
//	state = [n, 0, 0]; for each chunk of 2: state[1..2] += chunk; permute; out = state[1]
const (
	spongeWidth    = 3
	spongeRate     = 2
	spongeFull     = 8
	spongePartial  = 56
	fieldElemBytes = fr.Bytes
)

var nativePerm = sync.OnceValue(func() *nativep2.Permutation {
	return nativep2.NewPermutation(spongeWidth, spongeFull, spongePartial)
})

// Hash is the native sponge over field elements (each reduced mod r).
func Hash(in ...*big.Int) *big.Int {
	els := make([]fr.Element, len(in))
	for i, x := range in {
		els[i].SetBigInt(x)
	}
	out := hashElements(els)
	return out.BigInt(new(big.Int))
}

func hashElements(in []fr.Element) fr.Element {
	var st [spongeWidth]fr.Element
	st[0].SetUint64(uint64(len(in)))
	for i := 0; i < len(in) || i == 0; i += spongeRate {
		for j := 0; j < spongeRate && i+j < len(in); j++ {
			st[1+j].Add(&st[1+j], &in[i+j])
		}
		if err := nativePerm().Permutation(st[:]); err != nil {
			panic(err) // the width is fixed above
		}
		if len(in) == 0 {
			break
		}
	}
	return st[1]
}

// circuitHash is the in-circuit sponge, equal to Hash.
func circuitHash(api frontend.API, in ...frontend.Variable) (frontend.Variable, error) {
	perm, err := poseidon2.NewPoseidon2FromParameters(api, spongeWidth, spongeFull, spongePartial)
	if err != nil {
		return nil, err
	}
	st := []frontend.Variable{len(in), 0, 0}
	for i := 0; i < len(in) || i == 0; i += spongeRate {
		for j := 0; j < spongeRate && i+j < len(in); j++ {
			st[1+j] = api.Add(st[1+j], in[i+j])
		}
		if err := perm.Permutation(st); err != nil {
			return nil, err
		}
		if len(in) == 0 {
			break
		}
	}
	return st[1], nil
}

// fieldHasher adapts circuitHash to gnark's hash.FieldHasher (for eddsa.Verify): it buffers
// writes and hashes them all on Sum.
type fieldHasher struct {
	api frontend.API
	buf []frontend.Variable
}

func (h *fieldHasher) Write(data ...frontend.Variable) { h.buf = append(h.buf, data...) }
func (h *fieldHasher) Reset()                          { h.buf = nil }
func (h *fieldHasher) Sum() frontend.Variable {
	out, err := circuitHash(h.api, h.buf...)
	if err != nil {
		panic(err)
	}
	return out
}

// nativeHasher adapts Hash to hash.Hash for gnark-crypto's EdDSA signer: writes are whole
// 32-byte big-endian field elements.
type nativeHasher struct{ buf []fr.Element }

// NewNativeHasher returns the sponge as a hash.Hash over 32-byte field elements.
func NewNativeHasher() hash.Hash { return &nativeHasher{} }

func (h *nativeHasher) Write(p []byte) (int, error) {
	if len(p)%fieldElemBytes != 0 {
		return 0, errors.New("sponge: writes must be whole 32-byte field elements")
	}
	for i := 0; i < len(p); i += fieldElemBytes {
		var e fr.Element
		if err := e.SetBytesCanonical(p[i : i+fieldElemBytes]); err != nil {
			return 0, err
		}
		h.buf = append(h.buf, e)
	}
	return len(p), nil
}

func (h *nativeHasher) Sum(b []byte) []byte {
	out := hashElements(h.buf)
	o := out.Bytes()
	return append(b, o[:]...)
}
func (h *nativeHasher) Reset()         { h.buf = nil }
func (h *nativeHasher) Size() int      { return fieldElemBytes }
func (h *nativeHasher) BlockSize() int { return fieldElemBytes }

// CircuitHash is the in-circuit sponge (exported for tests and other circuits).
func CircuitHash(api frontend.API, in ...frontend.Variable) (frontend.Variable, error) {
	return circuitHash(api, in...)
}

package prover_test

import (
	"bytes"
	"math/big"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"golang.org/x/crypto/sha3"

	"github.com/bazaar-market/bazaar/prover"
)

// vkHashFromPoints is VKHash computed from the verifying key's points, not from the Solidity
// source: α, then −β, −γ, −δ (x.A0, x.A1, y.A0, y.A1: the verifier checks the pairing with
// them negated), then the constant term and the public inputs' points.
func vkHashFromPoints(vk *groth16bn254.VerifyingKey) [32]byte {
	h := sha3.NewLegacyKeccak256()
	word := func(x interface{ BigInt(*big.Int) *big.Int }) {
		var b [32]byte
		h.Write(x.BigInt(new(big.Int)).FillBytes(b[:]))
	}
	word(&vk.G1.Alpha.X)
	word(&vk.G1.Alpha.Y)
	for _, p := range []bn254.G2Affine{vk.G2.Beta, vk.G2.Gamma, vk.G2.Delta} {
		var n bn254.G2Affine
		n.Neg(&p)
		word(&n.X.A0)
		word(&n.X.A1)
		word(&n.Y.A0)
		word(&n.Y.A1)
	}
	for _, k := range vk.G1.K {
		word(&k.X)
		word(&k.Y)
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// TestKeys_VKHash: the hash of the verifier's constants covers the whole verifying key, in the
// order the verifier declares it (checked against the key's points directly), and it tells keys
// apart: the verifying key read back from its bytes hashes the same.
func TestKeys_VKHash(t *testing.T) {
	dev, err := prover.DevKeys()
	if err != nil {
		t.Fatal(err)
	}
	got, err := dev.VKHash()
	if err != nil {
		t.Fatal(err)
	}
	vk := dev.VK.(*groth16bn254.VerifyingKey)
	if want := vkHashFromPoints(vk); got != want {
		t.Fatalf("VKHash %x, from the key's points %x", got, want)
	}
	var b bytes.Buffer
	if _, err := vk.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	back := new(groth16bn254.VerifyingKey)
	if _, err := back.ReadFrom(&b); err != nil {
		t.Fatal(err)
	}
	if again, err := (&prover.Keys{VK: back}).VKHash(); err != nil || again != got {
		t.Fatalf("the key read back hashes to %x (%v), want %x", again, err, got)
	}
	// Another key (δ moved): another hash.
	other := *vk
	other.G2.Delta.Double(&vk.G2.Delta)
	if err := other.Precompute(); err != nil { // −δ is cached: the verifier is written from it
		t.Fatal(err)
	}
	if h, err := (&prover.Keys{VK: &other}).VKHash(); err != nil || h == got {
		t.Fatalf("a different δ hashes to %x (%v)", h, err)
	}
}

// TestKeys_ExportVerifier: the exported contract is named as asked, reports its vk hash over the
// same constants VKHash hashes and whether the keys are the development ones.
func TestKeys_ExportVerifier(t *testing.T) {
	dev, err := prover.DevKeys()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		keys *prover.Keys
		name string
		dev  string
	}{
		{dev, "EligibilityVerifier", "return true;"},
		{&prover.Keys{VK: dev.VK}, "SepoliaVerifier", "return false;"}, // as a ceremony's keys export
	} {
		var b bytes.Buffer
		if err := c.keys.ExportVerifier(&b, c.name); err != nil {
			t.Fatal(err)
		}
		src := b.String()
		for _, want := range []string{"contract " + c.name + " {", "function vkHash() external pure returns (bytes32)",
			"abi.encodePacked(ALPHA_X, ALPHA_Y, BETA_NEG_X_0", "PUB_2_X, PUB_2_Y)", "function developmentKeys() external pure returns (bool)",
			"        " + c.dev} {
			if !strings.Contains(src, want) {
				t.Fatalf("%s: no %q in\n%s", c.name, want, src[len(src)-2000:])
			}
		}
		if strings.Contains(src, "contract Verifier {") || !strings.HasSuffix(strings.TrimSpace(src), "}") {
			t.Fatalf("%s: not renamed or not closed", c.name)
		}
		if strings.Contains(src, "DEVELOPMENT keys") != c.keys.Dev {
			t.Fatalf("%s: the doc comment does not say which keys", c.name)
		}
	}
	if err := dev.ExportVerifier(&bytes.Buffer{}, "1Verifier"); err == nil {
		t.Fatal("a contract name that is not an identifier was accepted")
	}
}

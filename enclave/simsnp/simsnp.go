// Package simsnp is a simulated SEV-SNP for development only: it signs real-format attestation
// reports with go-sev-guest's test-only AMD certificate chain. Its evidence is marked Simulated,
// and a registry that pins AMD's real roots rejects it. It imports go-sev-guest's testing
// package, so only development code paths (bazaar dev, tests) may import this package.
package simsnp

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/binary"
	"fmt"
	"time"

	"github.com/google/go-sev-guest/abi"
	sevtest "github.com/google/go-sev-guest/testing"

	"github.com/bazaar-market/bazaar/enclave"
)

// Product is the product line the simulated chain claims.
const Product = enclave.DevProduct

// DevMeasurement is the launch measurement the simulated SNP reports (enclave.DevMeasurement).
var DevMeasurement = enclave.DevMeasurement

// SNP is a simulated SEV-SNP firmware with its own test-only AMD root.
type SNP struct {
	signer      *sevtest.AmdSigner
	Measurement [48]byte
	Debug       bool   // set to make DEBUG=1 reports (for negative tests)
	VMPL        uint32 // reported VMPL
	// ReportedTCB, if non-zero, replaces REPORTED_TCB: reports whose TCB differs from the
	// VCEK certificate's (for negative tests).
	ReportedTCB uint64
}

// New creates a simulated chip whose test-only AMD chain (go-sev-guest's fixed test keys) is
// valid from now.
func New(now time.Time) (*SNP, error) {
	s, err := sevtest.DefaultTestOnlyCertChain(Product+"-B1", now.Add(-time.Hour))
	if err != nil {
		return nil, fmt.Errorf("simulated AMD chain: %w", err)
	}
	return &SNP{signer: s, Measurement: DevMeasurement}, nil
}

// NewWithKeys creates a simulated chip with its own VCEK and, if asked, its own ASK and ARK:
// a chip (or a forger) that the pinned chain does not vouch for.
func NewWithKeys(now time.Time, freshASK, freshARK bool) (*SNP, error) {
	keys := *sevtest.DefaultAmdKeys()
	vcek, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		return nil, err
	}
	keys.Vcek = vcek
	if freshASK {
		if keys.Ask, err = rsa.GenerateKey(rand.Reader, 4096); err != nil {
			return nil, err
		}
	}
	if freshARK {
		if keys.Ark, err = rsa.GenerateKey(rand.Reader, 4096); err != nil {
			return nil, err
		}
	}
	b := sevtest.AmdSignerBuilder{Keys: &keys, ProductName: Product + "-B1", ArkCreationTime: now.Add(-time.Hour),
		AskCreationTime: now.Add(-time.Hour), VcekCreationTime: now.Add(-time.Hour)}
	s, err := b.TestOnlyCertChain()
	if err != nil {
		return nil, fmt.Errorf("simulated AMD chain: %w", err)
	}
	return &SNP{signer: s, Measurement: DevMeasurement}, nil
}

// Roots pins this chip's test-only ASK and ARK.
func (s *SNP) Roots() (enclave.Roots, error) {
	return enclave.RootsFromDER(Product, s.signer.Ask.Raw, s.signer.Ark.Raw)
}

// Attest makes and signs a report over reportData.
func (s *SNP) Attest(reportData [64]byte) (enclave.Evidence, error) {
	raw := sevtest.CreateRawReport(&sevtest.TestReportOptions{ReportData: reportData[:]})
	rep := append([]byte(nil), raw[:abi.ReportSize]...)
	binary.LittleEndian.PutUint64(rep[0x08:0x10], abi.SnpPolicyToBytes(abi.SnpPolicy{Debug: s.Debug, SMT: true}))
	binary.LittleEndian.PutUint32(rep[0x30:0x34], s.VMPL)
	copy(rep[0x90:0xC0], s.Measurement[:])
	if s.ReportedTCB != 0 {
		binary.LittleEndian.PutUint64(rep[0x180:0x188], s.ReportedTCB)
	}
	if err := s.Sign(rep); err != nil {
		return enclave.Evidence{}, err
	}
	return enclave.Evidence{Report: rep, VCEK: s.signer.Vcek.Raw, ASK: s.signer.Ask.Raw, ARK: s.signer.Ark.Raw,
		Product: Product, Simulated: true}, nil
}

// Sign (re)signs a report in place with the simulated VCEK.
func (s *SNP) Sign(rep []byte) error {
	r, sig, err := s.signer.Sign(abi.SignedComponent(rep))
	if err != nil {
		return fmt.Errorf("sign report: %w", err)
	}
	return abi.SetSignature(r, sig, rep)
}

// Simulated is true.
func (s *SNP) Simulated() bool { return true }

// Certificates returns the chip's ARK, ASK and VCEK certificates (DER).
func (s *SNP) Certificates() (ark, ask, vcek []byte) {
	return s.signer.Ark.Raw, s.signer.Ask.Raw, s.signer.Vcek.Raw
}

// Package enclave is Bazaar's SEV-SNP side: how the matcher's keys are bound into an attestation
// report's REPORT_DATA, and how a report's fields are read for auditors and the registry.
//
// This file holds the parts every later piece (attester, simulated SNP, registry) shares.
package enclave

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/go-sev-guest/abi"
)

// Sentinel errors for report parsing.
var (
	ErrReportSize = errors.New("attestation report has the wrong size")
	ErrReportAlgo = errors.New("attestation report is not signed with ECDSA P-384/SHA-384")
)

// Binding is what a matcher's attestation vouches for: its secp256k1 signing address (which
// then signs every matcher output on-chain), its HPKE public key (which agents seal signals
// to), and where the registration is valid (chain, registry, a registry-issued nonce).
type Binding struct {
	Signer   common.Address
	HPKEKey  []byte
	ChainID  *big.Int
	Registry common.Address
	Nonce    *big.Int
}

// ReportData is the 64-byte REPORT_DATA for b: bytes 0–19 the signing address, 20–31 zero,
// 32–63 keccak256(abi.encode(chainId, registry, nonce, keccak256(hpkeKey))). The contract
// recomputes the same bytes, so a report cannot be replayed for another key, chain or registry.
func (b Binding) ReportData() [64]byte {
	var out [64]byte
	copy(out[0:20], b.Signer[:])
	var enc [128]byte
	b.ChainID.FillBytes(enc[0:32])
	copy(enc[44:64], b.Registry[:])
	b.Nonce.FillBytes(enc[64:96])
	copy(enc[96:128], crypto.Keccak256(b.HPKEKey))
	copy(out[32:64], crypto.Keccak256(enc[:]))
	return out
}

// Report is the part of an SEV-SNP attestation report Bazaar checks.
type Report struct {
	Version     uint32
	Debug       bool
	VMPL        uint32
	ReportData  [64]byte
	Measurement [48]byte
	ReportedTCB uint64
	ChipID      [64]byte
	Signed      []byte // bytes [0, 0x2A0): what the VCEK signed
}

// ParseReport reads a raw 1184-byte report (ABI as in AMD's SEV-SNP firmware spec). It checks
// layout only, not the signature: verification is the registry's and the auditor's job.
func ParseReport(raw []byte) (*Report, error) {
	if len(raw) != abi.ReportSize {
		return nil, fmt.Errorf("%w: %d bytes, want %d", ErrReportSize, len(raw), abi.ReportSize)
	}
	pb, err := abi.ReportToProto(raw)
	if err != nil {
		return nil, fmt.Errorf("parse report: %w", err)
	}
	if pb.GetSignatureAlgo() != 1 {
		return nil, fmt.Errorf("%w (algo %d)", ErrReportAlgo, pb.GetSignatureAlgo())
	}
	policy, err := abi.ParseSnpPolicy(pb.GetPolicy())
	if err != nil {
		return nil, fmt.Errorf("report policy: %w", err)
	}
	r := &Report{Version: pb.GetVersion(), Debug: policy.Debug, VMPL: pb.GetVmpl(), ReportedTCB: pb.GetReportedTcb(),
		Signed: append([]byte(nil), abi.SignedComponent(raw)...)}
	copy(r.ReportData[:], pb.GetReportData())
	copy(r.Measurement[:], pb.GetMeasurement())
	copy(r.ChipID[:], pb.GetChipId())
	return r, nil
}

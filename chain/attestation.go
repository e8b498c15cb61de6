package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bazaar-market/bazaar/chain/bindings"
)

var attestABI = bindings.NewAttestationRegistry()

// AMDRoot is a pinned AMD root key for one product line.
type AMDRoot struct {
	ProductLine string
	Modulus     []byte
	Exponent    []byte
	TestOnly    bool // a development root: matchers under it are flagged simulated
}

// Attestation is a handle on a deployed AttestationRegistry.
type Attestation struct {
	backend  Backend
	contract *bind.BoundContract
	addr     common.Address
}

// DeployAttestation deploys an AttestationRegistry pinning roots, governed by gov.
// It returns the address and the block of the deployment (where auditors start reading).
func DeployAttestation(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, gov common.Address, roots []AMDRoot, ttl time.Duration, minTCB uint64) (common.Address, uint64, error) {
	var rs []bindings.IAttestationRegistryRoot
	for _, r := range roots {
		rs = append(rs, bindings.IAttestationRegistryRoot{ProductLine: r.ProductLine, Modulus: r.Modulus, Exponent: r.Exponent, TestOnly: r.TestOnly})
	}
	return deploy(ctx, backend, key, "AttestationRegistry", bindings.AttestationRegistryMetaData.Bin,
		attestABI.PackConstructor(gov, rs, uint64(ttl/time.Second), minTCB))
}

// NewAttestation binds an AttestationRegistry at addr.
func NewAttestation(backend Backend, addr common.Address) *Attestation {
	return &Attestation{backend: backend, contract: attestABI.Instance(backend, addr), addr: addr}
}

// Address is the registry's address.
func (a *Attestation) Address() common.Address { return a.addr }

// send simulates then sends a transaction and waits for it; refusals come back as *bazaar.Error
// naming the contract's custom error.
func (a *Attestation) send(ctx context.Context, key *ecdsa.PrivateKey, method string, data []byte) (*types.Receipt, error) {
	return sendCall(ctx, a.backend, a.contract, key, method, data, attestRevert)
}

var attestRevert = revertNamer([]errorDecoder{attestABI}, "AttestationRegistry")

// AllowMeasurement allows a launch measurement (gov must be the governance key).
func (a *Attestation) AllowMeasurement(ctx context.Context, gov *ecdsa.PrivateKey, m [48]byte) error {
	_, err := a.send(ctx, gov, "allowMeasurement", attestABI.PackAllowMeasurement(m[:]))
	return err
}

// RevokeMeasurement revokes a launch measurement.
func (a *Attestation) RevokeMeasurement(ctx context.Context, gov *ecdsa.PrivateKey, m [48]byte) error {
	_, err := a.send(ctx, gov, "revokeMeasurement", attestABI.PackRevokeMeasurement(keccak(m[:])))
	return err
}

// RegisterAsk verifies and caches an ASK certificate; returns its id.
func (a *Attestation) RegisterAsk(ctx context.Context, key *ecdsa.PrivateKey, productLine string, der []byte) (common.Hash, *types.Receipt, error) {
	rcpt, err := a.send(ctx, key, "registerAsk", attestABI.PackRegisterAsk(productLine, der))
	if err != nil {
		return common.Hash{}, rcpt, err
	}
	for _, l := range rcpt.Logs {
		if e, err := attestABI.UnpackAskRegisteredEvent(l); err == nil {
			return e.AskId, rcpt, nil
		}
	}
	return common.Hash{}, rcpt, errors.New("registerAsk: no AskRegistered event")
}

// RegisterVcek verifies and caches a VCEK certificate under a cached ASK; returns its id.
func (a *Attestation) RegisterVcek(ctx context.Context, key *ecdsa.PrivateKey, askID common.Hash, der []byte) (common.Hash, *types.Receipt, error) {
	rcpt, err := a.send(ctx, key, "registerVcek", attestABI.PackRegisterVcek(askID, der))
	if err != nil {
		return common.Hash{}, rcpt, err
	}
	for _, l := range rcpt.Logs {
		if e, err := attestABI.UnpackVcekRegisteredEvent(l); err == nil {
			return e.VcekId, rcpt, nil
		}
	}
	return common.Hash{}, rcpt, errors.New("registerVcek: no VcekRegistered event")
}

// RegisterMatcher verifies a report under a cached VCEK and registers matcher.
func (a *Attestation) RegisterMatcher(ctx context.Context, key *ecdsa.PrivateKey, vcekID common.Hash, report []byte, matcher common.Address, hpkeKey []byte, nonce *big.Int) (*types.Receipt, error) {
	return a.send(ctx, key, "registerMatcher", attestABI.PackRegisterMatcher(vcekID, report, matcher, hpkeKey, nonce))
}

// ReportData asks the contract for the REPORT_DATA it expects (parity with enclave.Binding).
func (a *Attestation) ReportData(ctx context.Context, matcher common.Address, hpkeKey []byte, nonce *big.Int) ([]byte, error) {
	return bind.Call(a.contract, &bind.CallOpts{Context: ctx}, attestABI.PackReportData(matcher, hpkeKey, nonce), attestABI.UnpackReportData)
}

// IsRegistered reports whether matcher is registered, unexpired and allowed.
func (a *Attestation) IsRegistered(ctx context.Context, matcher common.Address) (bool, error) {
	return bind.Call(a.contract, &bind.CallOpts{Context: ctx}, attestABI.PackIsRegistered(matcher), attestABI.UnpackIsRegistered)
}

// Matcher reads a matcher's registration.
func (a *Attestation) Matcher(ctx context.Context, matcher common.Address) (bindings.IAttestationRegistryMatcher, error) {
	return bind.Call(a.contract, &bind.CallOpts{Context: ctx}, attestABI.PackMatcherOf(matcher), attestABI.UnpackMatcherOf)
}

// NonceUsed reports whether a registration nonce is spent.
func (a *Attestation) NonceUsed(ctx context.Context, nonce *big.Int) (bool, error) {
	return bind.Call(a.contract, &bind.CallOpts{Context: ctx}, attestABI.PackNonceUsed(nonce), attestABI.UnpackNonceUsed)
}

func keccak(b []byte) common.Hash {
	var h common.Hash
	copy(h[:], cryptoKeccak(b))
	return h
}

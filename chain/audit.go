package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// RegisteredMatcher is one MatcherRegistered event with the certificates that vouched for it,
// recovered from the registerAsk and registerVcek transactions' calldata, and its status now.
type RegisteredMatcher struct {
	Matcher     common.Address
	Measurement common.Hash // keccak256 of the 48-byte measurement
	VcekID      common.Hash
	ExpiresAt   uint64
	TestOnly    bool
	Report      []byte
	HPKEKey     []byte
	Block       uint64
	TxHash      common.Hash
	ProductLine string
	Nonce       *big.Int // the registration nonce bound in REPORT_DATA
	VCEK        []byte   // DER
	ASK         []byte   // DER
	Registered  bool     // isRegistered now (unexpired, measurement still allowed)
}

// AuditLog is what an auditor reads from the chain: measurements allowed and revoked (in
// order) and every matcher registration.
type AuditLog struct {
	Allowed  map[common.Hash][]byte // measurement hash -> raw 48 bytes, currently allowed
	Revoked  map[common.Hash][]byte
	Matchers []RegisteredMatcher
}

type txReader interface {
	TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error)
}

// Audit reads the registry's events from fromBlock and recovers each matcher's certificates.
func (a *Attestation) Audit(ctx context.Context, fromBlock uint64) (*AuditLog, error) {
	txr, ok := a.backend.(txReader)
	if !ok {
		return nil, errors.New("audit: the chain backend cannot read transactions")
	}
	logs, err := a.backend.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(fromBlock), Addresses: []common.Address{a.addr}})
	if err != nil {
		return nil, fmt.Errorf("audit logs: %w", err)
	}
	out := &AuditLog{Allowed: map[common.Hash][]byte{}, Revoked: map[common.Hash][]byte{}}
	raw := map[common.Hash][]byte{}
	asks := map[common.Hash][2]any{}  // askId -> product, der
	vceks := map[common.Hash][2]any{} // vcekId -> askId, der
	calldata := func(tx common.Hash, method string) ([]any, error) {
		t, _, err := txr.TransactionByHash(ctx, tx)
		if err != nil {
			return nil, fmt.Errorf("audit: transaction %s: %w", tx, err)
		}
		m := attestABI.GetABI().Methods[method]
		if len(t.Data()) < 4 || !equal4(t.Data()[:4], m.ID) {
			return nil, fmt.Errorf("audit: transaction %s is not a direct %s call", tx, method)
		}
		return m.Inputs.Unpack(t.Data()[4:])
	}
	for _, l := range logs {
		l := l
		switch {
		case tryUnpack(attestABI.UnpackMeasurementAllowedEvent, &l) != nil:
			e := tryUnpack(attestABI.UnpackMeasurementAllowedEvent, &l)
			raw[e.Measurement] = e.RawMeasurement
			out.Allowed[e.Measurement] = e.RawMeasurement
			delete(out.Revoked, e.Measurement)
		case tryUnpack(attestABI.UnpackMeasurementRevokedEvent, &l) != nil:
			e := tryUnpack(attestABI.UnpackMeasurementRevokedEvent, &l)
			out.Revoked[e.Measurement] = raw[e.Measurement]
			delete(out.Allowed, e.Measurement)
		case tryUnpack(attestABI.UnpackAskRegisteredEvent, &l) != nil:
			e := tryUnpack(attestABI.UnpackAskRegisteredEvent, &l)
			args, err := calldata(l.TxHash, "registerAsk")
			if err != nil {
				return nil, err
			}
			asks[e.AskId] = [2]any{args[0], args[1]}
		case tryUnpack(attestABI.UnpackVcekRegisteredEvent, &l) != nil:
			e := tryUnpack(attestABI.UnpackVcekRegisteredEvent, &l)
			args, err := calldata(l.TxHash, "registerVcek")
			if err != nil {
				return nil, err
			}
			vceks[e.VcekId] = [2]any{common.Hash(e.AskId), args[1]}
		case tryUnpack(attestABI.UnpackMatcherRegisteredEvent, &l) != nil:
			e := tryUnpack(attestABI.UnpackMatcherRegisteredEvent, &l)
			m := RegisteredMatcher{Matcher: e.Matcher, Measurement: e.Measurement, VcekID: e.VcekId, ExpiresAt: e.ExpiresAt,
				TestOnly: e.TestOnly, Report: e.Report, HPKEKey: e.HpkeKey, Block: l.BlockNumber, TxHash: l.TxHash}
			if args, err := calldata(l.TxHash, "registerMatcher"); err == nil {
				m.Nonce, _ = args[4].(*big.Int)
			}
			if v, ok := vceks[e.VcekId]; ok {
				m.VCEK, _ = v[1].([]byte)
				if ask, ok := asks[v[0].(common.Hash)]; ok {
					m.ProductLine, _ = ask[0].(string)
					m.ASK, _ = ask[1].([]byte)
				}
			}
			if m.Registered, err = a.IsRegistered(ctx, e.Matcher); err != nil {
				return nil, err
			}
			out.Matchers = append(out.Matchers, m)
		}
	}
	return out, nil
}

func tryUnpack[T any](f func(*types.Log) (*T, error), l *types.Log) *T {
	v, err := f(l)
	if err != nil {
		return nil
	}
	return v
}

func equal4(a, b []byte) bool {
	return len(a) >= 4 && len(b) >= 4 && a[0] == b[0] && a[1] == b[1] && a[2] == b[2] && a[3] == b[3]
}

// Provenance is which verifier a Redemptions contract checks proofs with and under which keys,
// as an auditor reads it.
type Provenance struct {
	Verifier common.Address `json:"verifier"`
	// VKHash is the verifier's vkHash(): keccak256 of the verifying-key constants it checks
	// proofs under (prover.Keys.VKHash of the keys).
	VKHash common.Hash `json:"vkHash"`
	// BoundVKHash is the hash Redemptions read from the verifier when it was constructed; it
	// records prover keys only under it.
	BoundVKHash common.Hash `json:"boundVkHash"`
	// DevelopmentKeys is the verifier's developmentKeys(): the public development keys, under
	// which anyone can forge proofs.
	DevelopmentKeys bool `json:"developmentKeys"`
	// Recorded is setProverKeys' record (zero VKHash until the keys are published).
	Recorded ProverKeys `json:"recorded"`
}

// Consistent reports whether the verifier, the contract and the record name the same keys (an
// empty record is not inconsistent).
func (p *Provenance) Consistent() bool {
	return p.VKHash == p.BoundVKHash && (p.Recorded.VKHash == (common.Hash{}) || p.Recorded.VKHash == p.VKHash)
}

// Provenance reads the verifier's address, its own vk hash and development flag, the hash the
// contract bound at construction and the recorded key publication.
func (r *Redemptions) Provenance(ctx context.Context) (*Provenance, error) {
	opts := &bind.CallOpts{Context: ctx}
	var p Provenance
	var err error
	if p.Verifier, err = bind.Call(r.contract, opts, redemptionsABI.PackVerifier(), redemptionsABI.UnpackVerifier); err != nil {
		return nil, fmt.Errorf("verifier: %w", err)
	}
	if p.BoundVKHash, err = bind.Call(r.contract, opts, redemptionsABI.PackVerifierVkHash(), redemptionsABI.UnpackVerifierVkHash); err != nil {
		return nil, fmt.Errorf("verifierVkHash: %w", err)
	}
	v := verifierABI.Instance(r.backend, p.Verifier)
	if p.VKHash, err = bind.Call(v, opts, verifierABI.PackVkHash(), verifierABI.UnpackVkHash); err != nil {
		return nil, fmt.Errorf("verifier %s vkHash: %w", p.Verifier, err)
	}
	if p.DevelopmentKeys, err = bind.Call(v, opts, verifierABI.PackDevelopmentKeys(), verifierABI.UnpackDevelopmentKeys); err != nil {
		return nil, fmt.Errorf("verifier %s developmentKeys: %w", p.Verifier, err)
	}
	if p.Recorded, err = r.ProverKeys(ctx); err != nil {
		return nil, err
	}
	return &p, nil
}

package chain

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain/bindings"
)

var metricsABI = bindings.NewMetricsLedger()

// MetricsLedger is a handle on a deployed MetricsLedger: vendors' aggregates as attested
// matchers signed them.
type MetricsLedger struct {
	backend  Backend
	contract *bind.BoundContract
	addr     common.Address
}

// DeployMetricsLedger deploys a MetricsLedger trusting the matchers of registry.
func DeployMetricsLedger(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, registry common.Address) (common.Address, uint64, error) {
	return deploy(ctx, backend, key, "MetricsLedger", bindings.MetricsLedgerMetaData.Bin, metricsABI.PackConstructor(registry))
}

// NewMetricsLedger binds a MetricsLedger at addr.
func NewMetricsLedger(backend Backend, addr common.Address) *MetricsLedger {
	return &MetricsLedger{backend: backend, contract: metricsABI.Instance(backend, addr), addr: addr}
}

// Address is the ledger's address.
func (m *MetricsLedger) Address() common.Address { return m.addr }

// SignedMetrics is one matcher output for the ledger: a vendor's cumulative totals and its
// k-suppressed breakdown (JSON), signed by the matcher's attested key.
type SignedMetrics struct {
	Vendor          common.Address `json:"vendor"`
	Epoch           uint64         `json:"epoch"`
	AgentsMatched   uint64         `json:"agentsMatched"`
	ImpressionsSent uint64         `json:"impressionsSent"`
	Redemptions     uint64         `json:"redemptions"`
	Buckets         []byte         `json:"buckets"`
	Signature       []byte         `json:"signature"`
}

func (s SignedMetrics) totals() bindings.MetricsLedgerTotals {
	return bindings.MetricsLedgerTotals{AgentsMatched: s.AgentsMatched, ImpressionsSent: s.ImpressionsSent, Redemptions: s.Redemptions, Epoch: s.Epoch}
}

var (
	metricsTypehash   = crypto.Keccak256Hash([]byte("Metrics(address vendor,uint64 epoch,uint64 agentsMatched,uint64 impressionsSent,uint64 redemptions,bytes32 bucketsHash)"))
	metricsDigestArgs = func() abi.Arguments {
		t := func(s string) abi.Type { ty, _ := abi.NewType(s, "", nil); return ty }
		return abi.Arguments{{Type: t("bytes32")}, {Type: t("uint256")}, {Type: t("address")}, {Type: t("address")},
			{Type: t("uint64")}, {Type: t("uint64")}, {Type: t("uint64")}, {Type: t("uint64")}, {Type: t("bytes32")}}
	}()
)

// MetricsDigest is what a matcher signs (MetricsLedger.digest), computed locally.
func MetricsDigest(chainID *big.Int, ledger common.Address, s SignedMetrics) (common.Hash, error) {
	b, err := metricsDigestArgs.Pack(metricsTypehash, chainID, ledger, s.Vendor, s.Epoch, s.AgentsMatched, s.ImpressionsSent,
		s.Redemptions, crypto.Keccak256Hash(s.Buckets))
	if err != nil {
		return common.Hash{}, err
	}
	return crypto.Keccak256Hash(b), nil
}

// SignMetrics signs s for the ledger with the matcher's key.
func SignMetrics(key *ecdsa.PrivateKey, chainID *big.Int, ledger common.Address, s SignedMetrics) (SignedMetrics, error) {
	d, err := MetricsDigest(chainID, ledger, s)
	if err != nil {
		return s, err
	}
	sig, err := crypto.Sign(d.Bytes(), key)
	if err != nil {
		return s, err
	}
	sig[64] += 27
	s.Signature = sig
	return s, nil
}

// ContractDigest asks the ledger for the digest (parity tests).
func (m *MetricsLedger) ContractDigest(ctx context.Context, s SignedMetrics) (common.Hash, error) {
	d, err := bind.Call(m.contract, &bind.CallOpts{Context: ctx}, metricsABI.PackDigest(s.Vendor, s.totals(), s.Buckets), metricsABI.UnpackDigest)
	return common.Hash(d), err
}

// Post submits signed metrics, payer paying; the contract checks the signer's registration.
func (m *MetricsLedger) Post(ctx context.Context, payer *ecdsa.PrivateKey, s SignedMetrics) (*types.Receipt, error) {
	return sendCall(ctx, m.backend, m.contract, payer, "post", metricsABI.PackPost(s.Vendor, s.totals(), s.Buckets, s.Signature), metricsRevert)
}

var metricsRevert = revertNamer([]errorDecoder{metricsABI, attestABI}, "MetricsLedger", "AttestationRegistry")

// MetricsBuckets is the breakdown a matcher posts: only buckets of at least k agents.
type MetricsBuckets struct {
	ByLocation map[string]bazaar.Bucket `json:"byLocation"`
	ByDay      map[string]bazaar.Bucket `json:"byDay"`
}

// Vendor reads a vendor's metrics from the chain: the latest post of every matcher that posted
// for it, summed (sharded matchers each count their own signals), with breakdowns merged.
func (m *MetricsLedger) Vendor(ctx context.Context, vendor common.Address, fromBlock uint64, k int) (bazaar.VendorMetrics, error) {
	out := bazaar.VendorMetrics{Vendor: vendor.Hex(), ByLocation: map[string]bazaar.Bucket{}, ByDay: map[string]bazaar.Bucket{}}
	topic := metricsABI.GetABI().Events["MetricsPosted"].ID
	logs, err := m.backend.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(fromBlock), Addresses: []common.Address{m.addr},
		Topics: [][]common.Hash{{topic}, {common.BytesToHash(vendor.Bytes())}}})
	if err != nil {
		return out, fmt.Errorf("metrics logs: %w", err)
	}
	latest := map[common.Address]*bindings.MetricsLedgerMetricsPosted{}
	for i := range logs {
		e, err := metricsABI.UnpackMetricsPostedEvent(&logs[i])
		if err != nil || logs[i].Removed {
			continue
		}
		if p := latest[e.Matcher]; p == nil || e.Epoch > p.Epoch {
			latest[e.Matcher] = e
		}
	}
	for _, e := range latest {
		out.AgentsMatched += e.AgentsMatched
		out.ImpressionsSent += e.ImpressionsSent
		out.Redemptions += e.Redemptions
		var b MetricsBuckets
		if json.Unmarshal(e.Buckets, &b) != nil {
			continue
		}
		merge(out.ByLocation, b.ByLocation)
		merge(out.ByDay, b.ByDay)
	}
	return out.Suppress(k), nil
}

func merge(dst, src map[string]bazaar.Bucket) {
	for key, b := range src {
		if b.Suppressed {
			continue
		}
		d := dst[key]
		d.Matched += b.Matched
		d.Redemptions += b.Redemptions
		dst[key] = d
	}
}

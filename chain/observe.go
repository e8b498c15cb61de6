package chain

import (
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bazaar-market/bazaar/chain/bindings"
)

// SendObserver is told of a transaction this package sent: the backend it went through, the
// sender and the transaction, right after the chain node accepted it. It runs on the sender's
// goroutine while the key's send lock is held, so it must not block; it looks receipts up on
// its own goroutine.
type SendObserver func(backend Backend, from common.Address, tx *types.Transaction)

var observers struct {
	sync.RWMutex
	next int
	m    map[int]SendObserver
}

// ObserveSends registers f for every transaction any Registry, Attestation, MetricsLedger,
// Redemptions, Settlement or deployment in this process sends from now on, whichever backend
// and key it uses (observers filter: several nodes may share a process). The returned function
// removes f; calling it again does nothing.
func ObserveSends(f SendObserver) (remove func()) {
	observers.Lock()
	defer observers.Unlock()
	if observers.m == nil {
		observers.m = map[int]SendObserver{}
	}
	id := observers.next
	observers.next++
	observers.m[id] = f
	return func() {
		observers.Lock()
		defer observers.Unlock()
		delete(observers.m, id)
	}
}

// observeSend is submit's hook: it tells every observer of tx.
func observeSend(backend Backend, from common.Address, tx *types.Transaction) {
	observers.RLock()
	defer observers.RUnlock()
	for _, f := range observers.m {
		f(backend, from, tx)
	}
}

// selectors maps the 4-byte selector of every function of the contracts this package binds
// to its name.
var selectors = sync.OnceValue(func() map[[4]byte]string {
	m := map[[4]byte]string{}
	for name, md := range map[string]*bind.MetaData{
		"DealRegistry": &bindings.DealRegistryMetaData, "AttestationRegistry": &bindings.AttestationRegistryMetaData,
		"MetricsLedger": &bindings.MetricsLedgerMetaData, "Redemptions": &bindings.RedemptionsMetaData,
		"Settlement": &bindings.SettlementMetaData, "TestStablecoin": &bindings.TestStablecoinMetaData,
		"EligibilityVerifier": &bindings.EligibilityVerifierMetaData,
	} {
		parsed, err := md.ParseABI()
		if err != nil {
			continue // generated from the compiler's ABI: cannot fail
		}
		for _, f := range parsed.Methods {
			m[[4]byte(f.ID)] = name + "." + f.RawName
		}
	}
	return m
})

// MethodName names the contract function tx calls, as Contract.function (DealRegistry.post),
// for the contracts this package binds: "deploy" for a contract creation, "unknown" for
// calldata it does not recognise. The set of names is fixed, so it suits a metric label.
func MethodName(tx *types.Transaction) string {
	if tx.To() == nil {
		return "deploy"
	}
	data := tx.Data()
	if len(data) < 4 {
		return "unknown"
	}
	if name, ok := selectors()[[4]byte(data[:4])]; ok {
		return name
	}
	return "unknown"
}

// Handled is the number of the first block the watcher has not handled yet: every event below
// it has been delivered to Handle (FromBlock before the first poll). It only grows, except
// when a reorg rewinds the watcher.
func (w *Watcher) Handled() uint64 {
	w.progressMu.Lock()
	defer w.progressMu.Unlock()
	return w.handled
}

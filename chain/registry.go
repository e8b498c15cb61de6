package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"strings"
	"sync"
	"syscall"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain/bindings"
)

// Backend is what this package needs from a chain connection: ethclient.Client,
// simulated.Client and the embedded dev chain's client all satisfy it.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ethereum.ChainIDReader
	ethereum.BlockNumberReader
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

var registryABI = bindings.NewDealRegistry()

// Registry is a handle on one deployed DealRegistry.
type Registry struct {
	backend  Backend
	contract *bind.BoundContract
	Domain   Domain
}

// NewRegistry binds a DealRegistry at addr on backend's chain.
func NewRegistry(ctx context.Context, backend Backend, addr common.Address) (*Registry, error) {
	id, err := backend.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("chain id: %w", err)
	}
	code, err := backend.CodeAt(ctx, addr, nil)
	if err != nil {
		return nil, fmt.Errorf("registry code at %s: %w", addr, err)
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("no DealRegistry at %s on chain %s", addr, id)
	}
	return &Registry{
		backend:  backend,
		contract: registryABI.Instance(backend, addr),
		Domain:   Domain{ChainID: id, Registry: addr},
	}, nil
}

// Address is the registry's address.
func (r *Registry) Address() common.Address { return r.Domain.Registry }

// DeployRegistry deploys a DealRegistry from key and waits for it to be mined.
func DeployRegistry(ctx context.Context, backend Backend, key *ecdsa.PrivateKey) (common.Address, error) {
	addr, _, err := DeployRegistryAt(ctx, backend, key)
	return addr, err
}

// DeployRegistryAt is DeployRegistry that also returns the deployment's block.
func DeployRegistryAt(ctx context.Context, backend Backend, key *ecdsa.PrivateKey) (common.Address, uint64, error) {
	return deploy(ctx, backend, key, "DealRegistry", bindings.DealRegistryMetaData.Bin, nil)
}

func transactOpts(ctx context.Context, backend Backend, key *ecdsa.PrivateKey) (*bind.TransactOpts, error) {
	id, err := backend.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("chain id: %w", err)
	}
	opts := bind.NewKeyedTransactor(key, id)
	opts.Context = ctx
	return opts, nil
}

var senders sync.Map // common.Address -> *sync.Mutex

func lockSender(a common.Address) func() {
	m, _ := senders.LoadOrStore(a, new(sync.Mutex))
	mu := m.(*sync.Mutex)
	mu.Lock()
	return mu.Unlock
}

// submit sends one transaction from key: send builds, signs and submits it with opts (nonce
// left to the node). Transactions from one key in this process go one at a time, and the next
// starts only once the node counts this one in the key's pending nonce: geth moves a new
// transaction from its queue to pending asynchronously, and until it has, it hands the same
// nonce out again, so the next send would come back "already known" or "replacement transaction
// underpriced", or replace this one.
//
// Another process sending from the same key (two nodes sharing a relayer key) can take the
// nonce between the moment this one reads it and its send: the node answers "nonce too low" or
// "replacement transaction underpriced". The transaction is then built again on the next
// pending nonce, up to nonceAttempts times.
func submit(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, send func(*bind.TransactOpts) (*types.Transaction, error)) (*types.Transaction, error) {
	from := KeyAddress(key)
	unlock := lockSender(from)
	defer unlock()
	for attempt := 1; ; attempt++ {
		opts, err := transactOpts(ctx, backend, key)
		if err != nil {
			return nil, err
		}
		opts.NoSend = true // send builds and signs; broadcast sends, retrying what the network lost
		tx, err := send(opts)
		if err != nil {
			return nil, err
		}
		if err := broadcast(ctx, backend, tx); err != nil {
			if nonceTaken(err) && attempt < nonceAttempts && ctx.Err() == nil {
				awaitPendingNonce(ctx, backend, from, tx.Nonce())
				continue
			}
			return nil, err
		}
		observeSend(backend, from, tx)
		awaitPendingNonce(ctx, backend, from, tx.Nonce())
		return tx, nil
	}
}

// nonceAttempts bounds submit's builds when another sender keeps taking the nonce.
const nonceAttempts = 5

// nonceTaken reports whether a send was refused because its nonce is used by another
// transaction, mined or pending.
func nonceTaken(err error) bool {
	for ; err != nil; err = errors.Unwrap(err) {
		msg := strings.ToLower(err.Error())
		if strings.Contains(msg, "nonce too low") || strings.Contains(msg, "replacement transaction underpriced") {
			return true
		}
	}
	return false
}

// broadcast sends a signed transaction, retrying (the same transaction: idempotent) when the
// node could not be reached or the connection broke; a node that already has it counts as sent.
// The node's refusals (nonce, fee, funds) are not retried: they come back as what they are.
func broadcast(ctx context.Context, backend Backend, tx *types.Transaction) error {
	delay := 100 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := backend.SendTransaction(ctx, tx)
		if err == nil || strings.Contains(err.Error(), "already known") {
			return nil
		}
		if attempt > 1 { // an earlier try may have landed, its answer lost: then it is mined or pending
			if _, rerr := backend.TransactionReceipt(ctx, tx.Hash()); rerr == nil {
				return nil
			}
		}
		if !transient(err) || attempt == sendAttempts || ctx.Err() != nil {
			return &bazaar.Error{Code: bazaar.ECodeUnavailable, Message: fmt.Sprintf("chain refused or did not take transaction %s", tx.Hash()), Err: err}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
		delay *= 3
	}
}

// sendAttempts bounds broadcast's tries.
const sendAttempts = 4

// transient reports whether a send failed on the way (network, connection, an overloaded
// node) rather than by the node's decision.
func transient(err error) bool {
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) {
		return true
	}
	var he rpc.HTTPError
	if errors.As(err, &he) && (he.StatusCode == 429 || he.StatusCode >= 500) {
		return true
	}
	return false
}

// ReceiptTimeout bounds WaitMined when its context has no deadline.
var ReceiptTimeout = 2 * time.Minute

// awaitPendingNonce waits until the node's pending nonce for from is past nonce. It stops
// early, without error, if the node cannot be asked or after a few seconds: the transaction is
// sent either way, and a node that dropped it may rightly hand its nonce out again.
func awaitPendingNonce(ctx context.Context, backend Backend, from common.Address, nonce uint64) {
	delay := 100 * time.Microsecond
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		if n, err := backend.PendingNonceAt(ctx, from); err != nil || n > nonce {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, 10*time.Millisecond)
	}
}

// WaitMined polls for a receipt every few milliseconds (bind.WaitMined polls once a second) and
// fails if the transaction reverted.
func WaitMined(ctx context.Context, backend bind.DeployBackend, tx common.Hash) (*types.Receipt, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, ReceiptTimeout)
		defer cancel()
	}
	delay := 2 * time.Millisecond
	for {
		rcpt, err := backend.TransactionReceipt(ctx, tx)
		if err == nil {
			if rcpt.Status != types.ReceiptStatusSuccessful {
				return rcpt, fmt.Errorf("transaction %s reverted", tx)
			}
			// A receipt can be readable a moment before its block is the head (geth indexes
			// before the fork choice moves): wait, so the caller's next call or gas estimate
			// sees this transaction's effects.
			if hr, ok := backend.(ethereum.BlockNumberReader); ok {
				for {
					head, err := hr.BlockNumber(ctx)
					if err != nil {
						return rcpt, fmt.Errorf("head after %s: %w", tx, err)
					}
					if head >= rcpt.BlockNumber.Uint64() {
						break
					}
					select {
					case <-ctx.Done():
						return rcpt, ctx.Err()
					case <-time.After(time.Millisecond):
					}
				}
			}
			return rcpt, nil
		}
		if !errors.Is(err, ethereum.NotFound) && !strings.Contains(err.Error(), "indexing is in progress") {
			return nil, fmt.Errorf("receipt %s: %w", tx, err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for %s: %w", tx, ctx.Err())
		case <-time.After(delay):
		}
		delay = min(2*delay, 200*time.Millisecond)
	}
}

func header(h bazaar.DealHeader) bindings.IDealRegistryDealHeader {
	return bindings.IDealRegistryDealHeader{
		Vendor: h.Vendor, Digest: h.Digest, Version: h.Version, ExpiresAt: h.ExpiresAt,
		MaxRedemptions: h.MaxRedemptions, Nonce: h.Nonce, Counter: h.Counter,
	}
}

// Counter returns the vendor's current cancel-all counter.
func (r *Registry) Counter(ctx context.Context, vendor common.Address) (*big.Int, error) {
	c, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, registryABI.PackCounterOf(vendor), registryABI.UnpackCounterOf)
	if err != nil {
		return nil, fmt.Errorf("counterOf %s: %w", vendor, err)
	}
	return c, nil
}

// HashDeal asks the contract for h's EIP-712 digest (parity checks against Domain.HashDeal).
func (r *Registry) HashDeal(ctx context.Context, h bazaar.DealHeader) (common.Hash, error) {
	d, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, registryABI.PackHashDeal(header(h)), registryABI.UnpackHashDeal)
	return common.Hash(d), err
}

// OnChainDeal is the registry's stored state of a deal.
type OnChainDeal = bindings.IDealRegistryDeal

// Deal reads a deal's stored state; bazaar.ErrNotFound if it was never posted.
func (r *Registry) Deal(ctx context.Context, id common.Hash) (OnChainDeal, error) {
	d, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, registryABI.PackGetDeal(id), registryABI.UnpackGetDeal)
	if err != nil {
		return d, r.revertError("getDeal", err)
	}
	return d, nil
}

// Post submits a vendor-signed header from the relayer key (gasless posting for the vendor) and
// waits until it is mined. It first simulates the call, so a header the contract would refuse
// returns a *bazaar.Error (signature, conflict, invalid) without sending any transaction.
func (r *Registry) Post(ctx context.Context, relayer *ecdsa.PrivateKey, h bazaar.DealHeader, sig []byte) (*types.Receipt, error) {
	return r.send(ctx, relayer, "post", registryABI.PackPost(header(h), sig))
}

// Simulate checks with eth_call that Post would succeed, returning the contract's refusal as a
// *bazaar.Error otherwise. Nothing is sent.
func (r *Registry) Simulate(ctx context.Context, from *ecdsa.PrivateKey, h bazaar.DealHeader, sig []byte) error {
	return r.simulate(ctx, from, "post", registryABI.PackPost(header(h), sig))
}

// SendPost simulates and sends a post without waiting for it to be mined (for callers that
// batch transactions or drive block production themselves, as tests on simulated chains do).
func (r *Registry) SendPost(ctx context.Context, relayer *ecdsa.PrivateKey, h bazaar.DealHeader, sig []byte) (common.Hash, error) {
	tx, err := simulateAndSend(ctx, r.backend, r.contract, relayer, "post", registryABI.PackPost(header(h), sig), r.revertError)
	if err != nil {
		return common.Hash{}, err
	}
	return tx.Hash(), nil
}

// Update submits a higher version of a deal, signed by its vendor, and waits until mined.
// Like Post it simulates first and sends nothing the contract would refuse.
func (r *Registry) Update(ctx context.Context, relayer *ecdsa.PrivateKey, h bazaar.DealHeader, sig []byte) (*types.Receipt, error) {
	return r.send(ctx, relayer, "update", registryABI.PackUpdate(header(h), sig))
}

// SimulateUpdate checks that Update would succeed; nothing is sent.
func (r *Registry) SimulateUpdate(ctx context.Context, from *ecdsa.PrivateKey, h bazaar.DealHeader, sig []byte) error {
	return r.simulate(ctx, from, "update", registryABI.PackUpdate(header(h), sig))
}

// Cancel cancels a deal with the vendor's CancelDeal signature (empty when the sender is the
// vendor itself) and waits until mined.
func (r *Registry) Cancel(ctx context.Context, sender *ecdsa.PrivateKey, id common.Hash, sig []byte) (*types.Receipt, error) {
	return r.send(ctx, sender, "cancel", registryABI.PackCancel(id, sig))
}

// SimulateCancel checks that Cancel would succeed; nothing is sent.
func (r *Registry) SimulateCancel(ctx context.Context, from *ecdsa.PrivateKey, id common.Hash, sig []byte) error {
	return r.simulate(ctx, from, "cancel", registryABI.PackCancel(id, sig))
}

// HashCancel asks the contract for the CancelDeal digest (parity with Domain).
func (r *Registry) HashCancel(ctx context.Context, id common.Hash) (common.Hash, error) {
	d, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, registryABI.PackHashCancel(id), registryABI.UnpackHashCancel)
	return common.Hash(d), err
}

func (r *Registry) simulate(ctx context.Context, from *ecdsa.PrivateKey, method string, data []byte) error {
	return simulateCall(ctx, r.backend, r.Address(), from, method, data, r.revertError)
}

func (r *Registry) send(ctx context.Context, key *ecdsa.PrivateKey, method string, data []byte) (*types.Receipt, error) {
	return sendCall(ctx, r.backend, r.contract, key, method, data, r.revertError)
}

// simulateCall runs data as an eth_call from key's address; a revert comes back through
// mapRevert as a domain error.
func simulateCall(ctx context.Context, backend Backend, to common.Address, from *ecdsa.PrivateKey, method string, data []byte,
	mapRevert func(string, error) error) error {
	if _, err := backend.CallContract(ctx, ethereum.CallMsg{From: KeyAddress(from), To: &to, Data: data}, nil); err != nil {
		return mapRevert(method, err)
	}
	return nil
}

// sendCall simulates, sends and waits for a contract call: nothing the contract would refuse is
// ever sent.
func sendCall(ctx context.Context, backend Backend, contract *bind.BoundContract, key *ecdsa.PrivateKey, method string, data []byte,
	mapRevert func(string, error) error) (*types.Receipt, error) {
	tx, err := simulateAndSend(ctx, backend, contract, key, method, data, mapRevert)
	if err != nil {
		return nil, err
	}
	rcpt, err := WaitMined(ctx, backend, tx.Hash())
	if err != nil {
		return rcpt, fmt.Errorf("%s: %w", method, err)
	}
	return rcpt, nil
}

// simulateAndSend simulates a contract call and sends it, both under key's send lock (see
// submit): no other transaction from the key comes between the check and the send. A refusal
// by the contract, in the simulation or the gas estimate, comes back through mapRevert.
func simulateAndSend(ctx context.Context, backend Backend, contract *bind.BoundContract, key *ecdsa.PrivateKey, method string, data []byte,
	mapRevert func(string, error) error) (*types.Transaction, error) {
	return submit(ctx, backend, key, func(opts *bind.TransactOpts) (*types.Transaction, error) {
		if err := simulateCall(ctx, backend, contract.Address(), key, method, data, mapRevert); err != nil {
			return nil, err
		}
		tx, err := bind.Transact(contract, opts, data)
		if err != nil {
			return nil, mapRevert(method, err)
		}
		return tx, nil
	})
}

// revertData returns the data of a call the EVM reverted: geth and anvil answer a revert with
// JSON-RPC error code 3 and the revert data. ok is false for every other error, which is no
// refusal by the contract: the node could not be reached, or it refused the transaction itself
// (nonce, fee, funds, "already known"), or execution failed otherwise (invalid opcode, timeout).
func revertData(err error) (data string, ok bool) {
	var re rpc.Error
	var de rpc.DataError
	if !errors.As(err, &re) || !errors.As(err, &de) || re.ErrorCode() != 3 {
		return "", false
	}
	data, _ = de.ErrorData().(string)
	return data, true
}

// revertError maps a contract revert to a *bazaar.Error with the contract's custom error named.
func (r *Registry) revertError(method string, err error) error {
	s, ok := revertData(err)
	if !ok {
		return &bazaar.Error{Code: bazaar.ECodeUnavailable, Message: method + ": chain call failed", Err: err}
	}
	raw, derr := hexutil.Decode(s)
	if derr != nil || len(raw) < 4 {
		return &bazaar.Error{Code: bazaar.ECodeInvalid, Message: fmt.Sprintf("%s reverted (data %q)", method, s), Err: err}
	}
	v, uerr := registryABI.UnpackError(raw)
	if uerr != nil {
		return &bazaar.Error{Code: bazaar.ECodeInvalid, Message: fmt.Sprintf("%s reverted (data %q)", method, s), Err: err}
	}
	switch e := v.(type) {
	case *bindings.DealRegistryInvalidSignature:
		return &bazaar.Error{Code: bazaar.ECodeSignature, Message: fmt.Sprintf("signature is not valid for vendor %s", e.Vendor), Err: bazaar.ErrBadSignature}
	case *bindings.DealRegistryDealExists:
		return bazaar.Errorf(bazaar.ECodeConflict, "deal %s is already posted", common.Hash(e.DealId))
	case *bindings.DealRegistryUnknownDeal:
		return &bazaar.Error{Code: bazaar.ECodeNotFound, Message: fmt.Sprintf("deal %s is not posted", common.Hash(e.DealId)), Err: bazaar.ErrNotFound}
	case *bindings.DealRegistryDealIsCancelled:
		return bazaar.Errorf(bazaar.ECodeConflict, "deal %s is cancelled", common.Hash(e.DealId))
	case *bindings.DealRegistryDealExpired:
		return bazaar.Errorf(bazaar.ECodeInvalid, "deal expires at %d, not after the chain's time", e.ExpiresAt)
	case *bindings.DealRegistryVersionNotHigher:
		return bazaar.Errorf(bazaar.ECodeConflict, "version %d is not higher than %d", e.Offered, e.Current)
	case *bindings.DealRegistryStaleCounter:
		return bazaar.Errorf(bazaar.ECodeConflict, "header counter %s is stale (vendor's counter is %s)", e.Offered, e.Current)
	case *bindings.DealRegistryZeroVendor:
		return bazaar.Errorf(bazaar.ECodeInvalid, "vendor is the zero address")
	case *bindings.DealRegistryZeroVersion:
		return bazaar.Errorf(bazaar.ECodeInvalid, "version must be at least 1")
	}
	return &bazaar.Error{Code: bazaar.ECodeInvalid, Message: fmt.Sprintf("%s reverted: %T", method, v), Err: err}
}

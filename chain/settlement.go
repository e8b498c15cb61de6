package chain

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bazaar-market/bazaar/chain/bindings"
)

var (
	settlementABI = bindings.NewSettlement()
	stablecoinABI = bindings.NewTestStablecoin()

	settlementRevert = revertNamer([]errorDecoder{settlementABI, attestABI, stablecoinABI}, "Settlement", "AttestationRegistry", "TestStablecoin")
	stablecoinRevert = revertNamer([]errorDecoder{stablecoinABI}, "TestStablecoin")
)

// Stablecoin is a handle on a development TestStablecoin (anyone may mint).
type Stablecoin struct {
	backend  Backend
	contract *bind.BoundContract
	addr     common.Address
}

// DeployTestStablecoin deploys the development token.
func DeployTestStablecoin(ctx context.Context, backend Backend, key *ecdsa.PrivateKey) (*Stablecoin, error) {
	addr, _, err := deploy(ctx, backend, key, "TestStablecoin", bindings.TestStablecoinMetaData.Bin, nil)
	if err != nil {
		return nil, err
	}
	return &Stablecoin{backend: backend, contract: stablecoinABI.Instance(backend, addr), addr: addr}, nil
}

// Address is the token's address.
func (s *Stablecoin) Address() common.Address { return s.addr }

// Mint mints to an address (development token).
func (s *Stablecoin) Mint(ctx context.Context, key *ecdsa.PrivateKey, to common.Address, amount *big.Int) error {
	_, err := sendCall(ctx, s.backend, s.contract, key, "mint", stablecoinABI.PackMint(to, amount), stablecoinRevert)
	return err
}

// Approve lets spender move the key's tokens.
func (s *Stablecoin) Approve(ctx context.Context, key *ecdsa.PrivateKey, spender common.Address, amount *big.Int) error {
	_, err := sendCall(ctx, s.backend, s.contract, key, "approve", stablecoinABI.PackApprove(spender, amount), stablecoinRevert)
	return err
}

// TransferGas sends amount to `to` and returns the transaction's gas (the direct-payment
// baseline settlement is compared with).
func (s *Stablecoin) TransferGas(ctx context.Context, key *ecdsa.PrivateKey, to common.Address, amount *big.Int) (uint64, error) {
	rcpt, err := sendCall(ctx, s.backend, s.contract, key, "transfer", stablecoinABI.PackTransfer(to, amount), stablecoinRevert)
	if err != nil {
		return 0, err
	}
	return rcpt.GasUsed, nil
}

// BalanceOf reads a balance.
func (s *Stablecoin) BalanceOf(ctx context.Context, a common.Address) (*big.Int, error) {
	return bind.Call(s.contract, &bind.CallOpts{Context: ctx}, stablecoinABI.PackBalanceOf(a), stablecoinABI.UnpackBalanceOf)
}

// Settlement is a handle on a deployed Settlement contract.
type Settlement struct {
	backend  Backend
	contract *bind.BoundContract
	addr     common.Address
}

// Batch is a settlement batch's header.
type Batch = bindings.SettlementBatch

// DeploySettlement deploys a Settlement over token, trusting the attestation registry's
// matchers as sequencers, with a forced-exit delay in seconds.
func DeploySettlement(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, token, attestation common.Address, exitDelay uint64) (*Settlement, error) {
	addr, _, err := deploy(ctx, backend, key, "Settlement", bindings.SettlementMetaData.Bin, settlementABI.PackConstructor(token, attestation, exitDelay))
	if err != nil {
		return nil, err
	}
	return &Settlement{backend: backend, contract: settlementABI.Instance(backend, addr), addr: addr}, nil
}

// Address is the contract's address.
func (s *Settlement) Address() common.Address { return s.addr }

func (s *Settlement) send(ctx context.Context, key *ecdsa.PrivateKey, method string, data []byte) error {
	_, err := sendCall(ctx, s.backend, s.contract, key, method, data, settlementRevert)
	return err
}

// Token is the stablecoin the contract settles in.
func (s *Settlement) Token(ctx context.Context) (common.Address, error) {
	return bind.Call(s.contract, &bind.CallOpts{Context: ctx}, settlementABI.PackToken(), settlementABI.UnpackToken)
}

// Deposit deposits amount (already approved) for account.
func (s *Settlement) Deposit(ctx context.Context, key *ecdsa.PrivateKey, account common.Address, amount *big.Int) error {
	return s.send(ctx, key, "deposit", settlementABI.PackDeposit(account, amount))
}

// SignBatch signs a batch with the sequencer (matcher) key.
func (s *Settlement) SignBatch(ctx context.Context, sequencer *ecdsa.PrivateKey, b Batch, vendors []common.Address, totals []*big.Int) ([]byte, error) {
	d, err := bind.Call(s.contract, &bind.CallOpts{Context: ctx}, settlementABI.PackBatchDigest(b, vendors, totals), settlementABI.UnpackBatchDigest)
	if err != nil {
		return nil, err
	}
	return SignDigest(sequencer, d)
}

// PostBatch submits a signed batch, payer paying.
func (s *Settlement) PostBatch(ctx context.Context, payer *ecdsa.PrivateKey, b Batch, vendors []common.Address, totals []*big.Int, sig []byte) error {
	_, err := s.PostBatchGas(ctx, payer, b, vendors, totals, sig)
	return err
}

// PostBatchGas is PostBatch returning the transaction's gas.
func (s *Settlement) PostBatchGas(ctx context.Context, payer *ecdsa.PrivateKey, b Batch, vendors []common.Address, totals []*big.Int, sig []byte) (uint64, error) {
	rcpt, err := sendCall(ctx, s.backend, s.contract, payer, "postBatch", settlementABI.PackPostBatch(b, vendors, totals, sig), settlementRevert)
	if err != nil {
		return 0, err
	}
	return rcpt.GasUsed, nil
}

// Withdraw pays a vendor its credit, proven against the vendor root; payer (anyone) pays gas.
func (s *Settlement) Withdraw(ctx context.Context, payer *ecdsa.PrivateKey, vendor common.Address, cumulative *big.Int, proof [][32]byte) error {
	return s.send(ctx, payer, "withdraw", settlementABI.PackWithdraw(vendor, cumulative, proof))
}

// Exit exits an account with its balance proof against the last state root.
func (s *Settlement) Exit(ctx context.Context, payer *ecdsa.PrivateKey, account common.Address, balance *big.Int, proof [][32]byte) error {
	return s.send(ctx, payer, "exit", settlementABI.PackExit(account, balance, proof))
}

// Transfer sends plain ether (for gas on development chains), waiting for it.
func Transfer(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, to common.Address, wei *big.Int) error {
	tx, err := submit(ctx, backend, key, func(opts *bind.TransactOpts) (*types.Transaction, error) {
		nonce, err := backend.PendingNonceAt(ctx, opts.From)
		if err != nil {
			return nil, err
		}
		tip, err := backend.SuggestGasTipCap(ctx)
		if err != nil {
			return nil, err
		}
		head, err := backend.HeaderByNumber(ctx, nil)
		if err != nil {
			return nil, err
		}
		fee := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
		id, err := backend.ChainID(ctx)
		if err != nil {
			return nil, err
		}
		tx, err := types.SignNewTx(key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{ChainID: id, Nonce: nonce, GasTipCap: tip,
			GasFeeCap: fee, Gas: 21_000, To: &to, Value: wei})
		if err != nil {
			return nil, err
		}
		return tx, nil // submit sends it
	})
	if err != nil {
		return err
	}
	_, err = WaitMined(ctx, backend, tx.Hash())
	return err
}

// NewSettlement binds a Settlement at addr.
func NewSettlement(backend Backend, addr common.Address) *Settlement {
	return &Settlement{backend: backend, contract: settlementABI.Instance(backend, addr), addr: addr}
}

// NewStablecoin binds a TestStablecoin at addr.
func NewStablecoin(backend Backend, addr common.Address) *Stablecoin {
	return &Stablecoin{backend: backend, contract: stablecoinABI.Instance(backend, addr), addr: addr}
}

// Deposits returns the Deposited events in blocks [from, to].
func (s *Settlement) Deposits(ctx context.Context, from, to uint64) ([]*bindings.SettlementDeposited, error) {
	logs, err := s.backend.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to),
		Addresses: []common.Address{s.addr}, Topics: [][]common.Hash{{settlementABI.GetABI().Events["Deposited"].ID}}})
	if err != nil {
		return nil, err
	}
	var out []*bindings.SettlementDeposited
	for i := range logs {
		if logs[i].Removed {
			continue
		}
		if e, err := settlementABI.UnpackDepositedEvent(&logs[i]); err == nil {
			out = append(out, e)
		}
	}
	return out, nil
}

// Head reads the last batch id and state root.
func (s *Settlement) Head(ctx context.Context) (uint64, common.Hash, error) {
	id, err := bind.Call(s.contract, &bind.CallOpts{Context: ctx}, settlementABI.PackBatchId(), settlementABI.UnpackBatchId)
	if err != nil {
		return 0, common.Hash{}, err
	}
	root, err := bind.Call(s.contract, &bind.CallOpts{Context: ctx}, settlementABI.PackStateRoot(), settlementABI.UnpackStateRoot)
	return id, common.Hash(root), err
}

// Timing reads when the last batch landed (or the contract was deployed) and the exit delay:
// exits open at lastBatchAt + exitDelay.
func (s *Settlement) Timing(ctx context.Context) (lastBatchAt time.Time, exitDelay time.Duration, err error) {
	at, err := bind.Call(s.contract, &bind.CallOpts{Context: ctx}, settlementABI.PackLastBatchAt(), settlementABI.UnpackLastBatchAt)
	if err != nil {
		return time.Time{}, 0, err
	}
	d, err := bind.Call(s.contract, &bind.CallOpts{Context: ctx}, settlementABI.PackExitDelay(), settlementABI.UnpackExitDelay)
	return time.Unix(int64(at), 0), time.Duration(d) * time.Second, err
}

// Allowance reads how much spender may move from owner.
func (s *Stablecoin) Allowance(ctx context.Context, owner, spender common.Address) (*big.Int, error) {
	return bind.Call(s.contract, &bind.CallOpts{Context: ctx}, stablecoinABI.PackAllowance(owner, spender), stablecoinABI.UnpackAllowance)
}

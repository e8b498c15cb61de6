package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/bazaar-market/bazaar"
)

// Vendors sign their order keys and order decisions with their wallet as EIP-712 typed data in
// the registry's domain, so a browser wallet (eth_signTypedData_v4) and the CLI sign the same.

var orderKeyTypes = apitypes.Types{
	"EIP712Domain": domainType,
	"OrderKey": {
		{Name: "vendor", Type: "address"},
		{Name: "key", Type: "bytes"},
		{Name: "mailbox", Type: "string"},
		{Name: "version", Type: "uint64"},
	},
}

var decisionTypes = apitypes.Types{
	"EIP712Domain": domainType,
	"OrderDecision": {
		{Name: "order", Type: "bytes32"},
		{Name: "dealId", Type: "bytes32"},
		{Name: "vendor", Type: "address"},
		{Name: "nullifier", Type: "uint256"},
		{Name: "status", Type: "string"},
		{Name: "amount", Type: "uint256"},
		{Name: "reason", Type: "string"},
	},
}

// OrderKeyTypedData is what a vendor's wallet signs to publish its order key.
func (d Domain) OrderKeyTypedData(k bazaar.VendorOrderKey) apitypes.TypedData {
	return apitypes.TypedData{
		Types:       orderKeyTypes,
		PrimaryType: "OrderKey",
		Domain:      d.typed(),
		Message: apitypes.TypedDataMessage{"vendor": k.Vendor.Hex(), "key": hexutil.Encode(k.Key), "mailbox": k.Mailbox,
			"version": fmt.Sprint(k.Version)},
	}
}

// DecisionTypedData is what a vendor's wallet signs to confirm or reject an order.
func (d Domain) DecisionTypedData(o bazaar.OrderDecision) apitypes.TypedData {
	amount, nullifier := "0", "0"
	if o.Amount != nil {
		amount = o.Amount.ToInt().String()
	}
	if o.Nullifier != nil {
		nullifier = o.Nullifier.ToInt().String()
	}
	return apitypes.TypedData{
		Types:       decisionTypes,
		PrimaryType: "OrderDecision",
		Domain:      d.typed(),
		Message: apitypes.TypedDataMessage{"order": o.Order.Hex(), "dealId": o.DealID.Hex(), "vendor": o.Vendor.Hex(),
			"nullifier": nullifier, "status": o.Status, "amount": amount, "reason": o.Reason},
	}
}

// SignOrderKey signs a vendor's order key announcement with its wallet key.
func (d Domain) SignOrderKey(wallet *ecdsa.PrivateKey, k bazaar.VendorOrderKey) (bazaar.VendorOrderKey, error) {
	k.Vendor = crypto.PubkeyToAddress(wallet.PublicKey)
	sig, err := SignTyped(wallet, d.OrderKeyTypedData(k))
	k.Signature = sig
	return k, err
}

// CheckOrderKey verifies that the vendor's wallet signed the announcement and its key is an
// X25519 public key.
func (d Domain) CheckOrderKey(k bazaar.VendorOrderKey) error {
	if len(k.Key) != 32 || k.Mailbox == "" || k.Version == 0 {
		return bazaar.Errorf(bazaar.ECodeInvalid, "an order key is a 32-byte X25519 key, a mailbox and a version (from 1)")
	}
	hash, err := hashTyped(d.OrderKeyTypedData(k))
	if err != nil {
		return err
	}
	if signer, err := recoverHash(hash, k.Signature); err != nil || signer != k.Vendor {
		return &bazaar.Error{Code: bazaar.ECodeSignature, Message: "order key is not signed by the vendor", Err: bazaar.ErrBadSignature}
	}
	return nil
}

// SignDecision signs a vendor's decision on an order with its wallet key.
func (d Domain) SignDecision(wallet *ecdsa.PrivateKey, o bazaar.OrderDecision) (bazaar.OrderDecision, error) {
	o.Vendor = crypto.PubkeyToAddress(wallet.PublicKey)
	sig, err := SignTyped(wallet, d.DecisionTypedData(o))
	o.Signature = sig
	return o, err
}

// CheckDecision verifies that vendor signed the decision (whoever the decision claims).
func (d Domain) CheckDecision(o bazaar.OrderDecision, vendor common.Address) error {
	if o.Status != bazaar.OrderConfirmed && o.Status != bazaar.OrderRejected {
		return bazaar.Errorf(bazaar.ECodeInvalid, "decision status %q is neither confirmed nor rejected", o.Status)
	}
	if o.Status == bazaar.OrderConfirmed && (o.Amount == nil || o.Amount.ToInt().Sign() <= 0 || o.Nullifier == nil || o.Nullifier.ToInt().Sign() <= 0) {
		return bazaar.Errorf(bazaar.ECodeInvalid, "a confirmation needs a positive amount and the order's nullifier")
	}
	hash, err := hashTyped(d.DecisionTypedData(o))
	if err != nil {
		return err
	}
	signer, err := recoverHash(hash, o.Signature)
	if err != nil || signer != vendor || o.Vendor != vendor {
		return &bazaar.Error{Code: bazaar.ECodeSignature, Message: "decision is not signed by the deal's vendor", Err: bazaar.ErrBadSignature}
	}
	return nil
}

// OrderKeySeedMessage is what a vendor's wallet signs (personal_sign) to derive its order keys
// for one deployment and key version: the chain, the DealRegistry and the version are in the
// text, so a signature another site obtains for one deployment derives nothing for another, and
// the next version rotates the keys (the browser UI signs the same text);
// deterministic (RFC 6979) signatures give the same keys in every wallet holding the key.
func (d Domain) OrderKeySeedMessage(version uint64) string {
	return fmt.Sprintf("Bazaar: derive my order keys (v2) for chain %s, registry %s, key version %d. Sign this only on Bazaar.",
		d.ChainID, d.Registry.Hex(), version)
}

// VendorKeys derives a vendor's order keys (version from 1) from its wallet key: keccak256(r ‖ s)
// of its personal_sign of OrderKeySeedMessage (the browser UI derives the same from the wallet).
func (d Domain) VendorKeys(wallet *ecdsa.PrivateKey, version uint64) (bazaar.VendorKeys, error) {
	sig, err := crypto.Sign(accounts.TextHash([]byte(d.OrderKeySeedMessage(version))), wallet)
	if err != nil {
		return bazaar.VendorKeys{}, fmt.Errorf("derive order keys: %w", err)
	}
	return bazaar.DeriveVendorKeys(crypto.Keccak256(sig[:64])) // r ‖ s: wallets write v as 27/28, Go as 0/1
}

// Redemption is an on-chain Redeemed event: a vendor checks an acceptance against it.
type Redemption struct {
	DealID    common.Hash
	Nullifier *big.Int
	Payout    common.Address
	Tx        common.Hash
	Block     uint64
}

// RedemptionIn reads the redemption a transaction made, if it made one in this contract:
// ErrNoRedemption when the transaction is unknown, failed or redeemed nothing here.
func (r *Redemptions) RedemptionIn(ctx context.Context, tx common.Hash) (*Redemption, error) {
	rcpt, err := r.backend.TransactionReceipt(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoRedemption, err)
	}
	if rcpt.Status != types.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("%w: transaction %s failed", ErrNoRedemption, tx.Hex())
	}
	for _, l := range rcpt.Logs {
		if l.Address != r.addr || len(l.Topics) == 0 || l.Topics[0] != redemptionsABI.GetABI().Events["Redeemed"].ID {
			continue
		}
		e, err := redemptionsABI.UnpackRedeemedEvent(l)
		if err != nil {
			continue
		}
		return &Redemption{DealID: e.DealId, Nullifier: e.Nullifier, Payout: e.Payout, Tx: tx, Block: rcpt.BlockNumber.Uint64()}, nil
	}
	return nil, fmt.Errorf("%w: transaction %s redeemed nothing in %s", ErrNoRedemption, tx.Hex(), r.addr.Hex())
}

// ErrNoRedemption: no redemption where one was claimed.
var ErrNoRedemption = errors.New("no such redemption")

// FindRedemption finds the redemption of a deal that spent nullifier, searching from block from
// (the deal's posting block): the agent finds its own after the fact (the nullifier is
// deterministic), the matcher checks the one a confirmed order rests on.
func (r *Redemptions) FindRedemption(ctx context.Context, dealID common.Hash, nullifier *big.Int, from uint64) (*Redemption, error) {
	logs, err := r.backend.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), Addresses: []common.Address{r.addr},
		Topics: [][]common.Hash{{redemptionsABI.GetABI().Events["Redeemed"].ID}, {dealID}}})
	if err != nil {
		return nil, err
	}
	for i := range logs {
		e, err := redemptionsABI.UnpackRedeemedEvent(&logs[i])
		if err != nil || logs[i].Removed || e.Nullifier.Cmp(nullifier) != 0 {
			continue
		}
		return &Redemption{DealID: e.DealId, Nullifier: e.Nullifier, Payout: e.Payout, Tx: logs[i].TxHash, Block: logs[i].BlockNumber}, nil
	}
	return nil, fmt.Errorf("%w: deal %s has no redemption with this nullifier", ErrNoRedemption, dealID.Hex())
}

// ExitMode reports whether an account has force-exited: the Settlement takes no more batches.
func (s *Settlement) ExitMode(ctx context.Context) (bool, error) {
	return bind.Call(s.contract, &bind.CallOpts{Context: ctx}, settlementABI.PackExitMode(), settlementABI.UnpackExitMode)
}

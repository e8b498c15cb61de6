package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
)

// PaymentNoticeTypeHash names the fields a matcher signs in a vendor's "paid" notice.
var PaymentNoticeTypeHash = crypto.Keccak256Hash([]byte("PaymentNotice(address vendor,bytes32 order,bytes32 dealId,uint256 amount,uint64 batch)"))

// Errors of payment notices.
var (
	ErrNoticeUnsigned = errors.New("payment notice carries no matcher signature")
	ErrNoticeSigner   = errors.New("payment notice not signed by a registered matcher")
)

var noticeArgs = func() abi.Arguments {
	t := func(s string) abi.Type {
		ty, err := abi.NewType(s, "", nil)
		if err != nil {
			panic(err)
		}
		return ty
	}
	return abi.Arguments{{Type: t("bytes32")}, {Type: t("uint256")}, {Type: t("address")}, {Type: t("address")},
		{Type: t("bytes32")}, {Type: t("bytes32")}, {Type: t("uint256")}, {Type: t("uint64")}}
}()

// PaymentNoticeDigest is what a matcher signs for a vendor's "paid" notice:
//
//	keccak256(abi.encode(PaymentNoticeTypeHash, chainId, settlement, vendor, order, dealId, amount, batch))
//
// bound to the chain and the Settlement contract the payment settles on, so a notice for one
// deployment, vendor, order, amount or batch is no notice for another.
func PaymentNoticeDigest(chainID *big.Int, settlement common.Address, n bazaar.PaymentNotice) (common.Hash, error) {
	if n.Amount == nil {
		return common.Hash{}, errors.New("payment notice has no amount")
	}
	enc, err := noticeArgs.Pack(PaymentNoticeTypeHash, chainID, settlement, n.Vendor, n.Order, n.DealID, n.Amount.ToInt(), n.Batch)
	if err != nil {
		return common.Hash{}, err
	}
	return crypto.Keccak256Hash(enc), nil
}

// SignPaymentNotice signs n with the matcher's attested key.
func SignPaymentNotice(key *ecdsa.PrivateKey, chainID *big.Int, settlement common.Address, n bazaar.PaymentNotice) (bazaar.PaymentNotice, error) {
	d, err := PaymentNoticeDigest(chainID, settlement, n)
	if err != nil {
		return n, err
	}
	sig, err := SignDigest(key, d)
	if err != nil {
		return n, err
	}
	n.Signature = sig
	return n, nil
}

// CheckPaymentNotice verifies a "paid" notice for vendor: signed over its digest by a matcher the
// AttestationRegistry holds registered and unexpired now (asked on-chain, one eth_call to
// requireMatcherSignature), and addressed to that vendor. It returns the matcher.
func (a *Attestation) CheckPaymentNotice(ctx context.Context, chainID *big.Int, settlement, vendor common.Address, n bazaar.PaymentNotice) (common.Address, error) {
	if len(n.Signature) == 0 {
		return common.Address{}, ErrNoticeUnsigned
	}
	if n.Vendor != vendor {
		return common.Address{}, fmt.Errorf("payment notice for vendor %s, not %s", n.Vendor.Hex(), vendor.Hex())
	}
	d, err := PaymentNoticeDigest(chainID, settlement, n)
	if err != nil {
		return common.Address{}, err
	}
	m, err := bind.Call(a.contract, &bind.CallOpts{Context: ctx}, attestABI.PackRequireMatcherSignature(d, n.Signature), attestABI.UnpackRequireMatcherSignature)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrNoticeSigner, err)
	}
	return m, nil
}

package chain

import (
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/bazaar-market/bazaar"
)

// Domain is the EIP-712 domain of a DealRegistry deployment.
type Domain struct {
	ChainID  *big.Int
	Registry common.Address
}

var domainType = []apitypes.Type{
	{Name: "name", Type: "string"},
	{Name: "version", Type: "string"},
	{Name: "chainId", Type: "uint256"},
	{Name: "verifyingContract", Type: "address"},
}

var dealTypes = apitypes.Types{
	"EIP712Domain": domainType,
	"DealHeader": {
		{Name: "vendor", Type: "address"},
		{Name: "digest", Type: "bytes32"},
		{Name: "version", Type: "uint64"},
		{Name: "expiresAt", Type: "uint64"},
		{Name: "maxRedemptions", Type: "uint64"},
		{Name: "nonce", Type: "uint256"},
		{Name: "counter", Type: "uint256"},
	},
}

var cancelTypes = apitypes.Types{
	"EIP712Domain": domainType,
	"CancelDeal":   {{Name: "dealId", Type: "bytes32"}},
}

func (d Domain) typed() apitypes.TypedDataDomain {
	return apitypes.TypedDataDomain{
		Name:              "Bazaar",
		Version:           "1",
		ChainId:           (*math.HexOrDecimal256)(new(big.Int).Set(d.ChainID)),
		VerifyingContract: d.Registry.Hex(),
	}
}

// DealTypedData is the eth_signTypedData_v4 payload a vendor's wallet signs for h. Numbers are
// decimal strings so JavaScript wallets do not lose precision.
func (d Domain) DealTypedData(h bazaar.DealHeader) apitypes.TypedData {
	return apitypes.TypedData{
		Types:       dealTypes,
		PrimaryType: "DealHeader",
		Domain:      d.typed(),
		Message: apitypes.TypedDataMessage{
			"vendor":         h.Vendor.Hex(),
			"digest":         h.Digest.Hex(),
			"version":        fmt.Sprint(h.Version),
			"expiresAt":      fmt.Sprint(h.ExpiresAt),
			"maxRedemptions": fmt.Sprint(h.MaxRedemptions),
			"nonce":          h.Nonce.String(),
			"counter":        h.Counter.String(),
		},
	}
}

// CancelTypedData is the payload a vendor signs to cancel one deal.
func (d Domain) CancelTypedData(dealID common.Hash) apitypes.TypedData {
	return apitypes.TypedData{
		Types:       cancelTypes,
		PrimaryType: "CancelDeal",
		Domain:      d.typed(),
		Message:     apitypes.TypedDataMessage{"dealId": dealID.Hex()},
	}
}

// HashDeal is the EIP-712 digest of h; it equals DealRegistry.hashDeal(h).
func (d Domain) HashDeal(h bazaar.DealHeader) (common.Hash, error) {
	return hashTyped(d.DealTypedData(h))
}

func hashTyped(td apitypes.TypedData) (common.Hash, error) {
	raw, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		return common.Hash{}, fmt.Errorf("eip712 hash: %w", err)
	}
	return common.BytesToHash(raw), nil
}

// SignDeal signs h with an EOA key as eth_signTypedData_v4 would (65 bytes, v = 27 or 28).
func (d Domain) SignDeal(key *ecdsa.PrivateKey, h bazaar.DealHeader) ([]byte, error) {
	return SignTyped(key, d.DealTypedData(h))
}

// SignTyped signs any EIP-712 payload as eth_signTypedData_v4 does.
func SignTyped(key *ecdsa.PrivateKey, td apitypes.TypedData) ([]byte, error) {
	hash, err := hashTyped(td)
	if err != nil {
		return nil, err
	}
	sig, err := crypto.Sign(hash[:], key)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// RecoverDeal returns the EOA that signed h, for early rejection of bad signatures before a
// transaction is simulated. EIP-1271 wallets are checked by the contract instead.
func (d Domain) RecoverDeal(h bazaar.DealHeader, sig []byte) (common.Address, error) {
	hash, err := d.HashDeal(h)
	if err != nil {
		return common.Address{}, err
	}
	return recoverHash(hash, sig)
}

func recoverHash(hash common.Hash, sig []byte) (common.Address, error) {
	if len(sig) != 65 {
		return common.Address{}, fmt.Errorf("signature is %d bytes, want 65", len(sig))
	}
	s := append([]byte(nil), sig...)
	if s[64] >= 27 {
		s[64] -= 27
	}
	pub, err := crypto.SigToPub(hash[:], s)
	if err != nil {
		return common.Address{}, fmt.Errorf("recover signer: %w", err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}

// HashCancel is the EIP-712 digest of CancelDeal(dealId); it equals DealRegistry.hashCancel.
func (d Domain) HashCancel(id common.Hash) (common.Hash, error) {
	return hashTyped(d.CancelTypedData(id))
}

// SignCancel signs CancelDeal(dealId) with an EOA key.
func (d Domain) SignCancel(key *ecdsa.PrivateKey, id common.Hash) ([]byte, error) {
	return SignTyped(key, d.CancelTypedData(id))
}

// RecoverCancel returns the EOA that signed CancelDeal(dealId).
func (d Domain) RecoverCancel(id common.Hash, sig []byte) (common.Address, error) {
	hash, err := d.HashCancel(id)
	if err != nil {
		return common.Address{}, err
	}
	return recoverHash(hash, sig)
}

// ParseSignature decodes a 0x-hex signature.
func ParseSignature(s string) ([]byte, error) {
	b, err := hexutil.Decode(s)
	if err != nil {
		return nil, fmt.Errorf("signature: %w", err)
	}
	if len(b) == 0 {
		return nil, fmt.Errorf("signature is empty")
	}
	return b, nil
}

// walletTypedData is the eth_signTypedData_v4 JSON shape: chainId as a JSON number and no empty
// salt, which wallets and cast reject.
type walletTypedData struct {
	Types       apitypes.Types `json:"types"`
	PrimaryType string         `json:"primaryType"`
	Domain      struct {
		Name              string         `json:"name"`
		Version           string         `json:"version"`
		ChainID           *big.Int       `json:"chainId"`
		VerifyingContract common.Address `json:"verifyingContract"`
	} `json:"domain"`
	Message apitypes.TypedDataMessage `json:"message"`
}

// WalletJSON encodes typed data for eth_signTypedData_v4 and `cast wallet sign --data`.
func WalletJSON(td apitypes.TypedData) ([]byte, error) {
	var w walletTypedData
	w.Types, w.PrimaryType, w.Message = td.Types, td.PrimaryType, td.Message
	w.Domain.Name, w.Domain.Version = td.Domain.Name, td.Domain.Version
	if td.Domain.ChainId == nil {
		return nil, fmt.Errorf("typed data has no chain id")
	}
	w.Domain.ChainID = (*big.Int)(td.Domain.ChainId)
	if !common.IsHexAddress(td.Domain.VerifyingContract) {
		return nil, fmt.Errorf("typed data verifying contract %q is not an address", td.Domain.VerifyingContract)
	}
	w.Domain.VerifyingContract = common.HexToAddress(td.Domain.VerifyingContract)
	return json.Marshal(w)
}

// ParseWalletJSON decodes what WalletJSON (or a wallet) produced.
func ParseWalletJSON(b []byte) (apitypes.TypedData, error) {
	var w walletTypedData
	if err := json.Unmarshal(b, &w); err != nil {
		return apitypes.TypedData{}, fmt.Errorf("typed data: %w", err)
	}
	if w.Domain.ChainID == nil {
		return apitypes.TypedData{}, fmt.Errorf("typed data has no chain id")
	}
	return apitypes.TypedData{
		Types: w.Types, PrimaryType: w.PrimaryType, Message: w.Message,
		Domain: apitypes.TypedDataDomain{Name: w.Domain.Name, Version: w.Domain.Version,
			ChainId: (*math.HexOrDecimal256)(w.Domain.ChainID), VerifyingContract: w.Domain.VerifyingContract.Hex()},
	}, nil
}

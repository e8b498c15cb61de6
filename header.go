package bazaar

import (
	"crypto/sha256"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// DealHeader is what the DealRegistry contract stores and what a vendor signs (EIP-712 type
// DealHeader). Digest is the sha2-256 of the document's canonical dag-json bytes; Nonce is the
// vendor's per-deal salt; Counter is the vendor's cancel-all counter at signing time.
type DealHeader struct {
	Vendor         common.Address `json:"vendor"`
	Digest         common.Hash    `json:"digest"`
	Version        uint64         `json:"version"`
	ExpiresAt      uint64         `json:"expiresAt"` // unix seconds
	MaxRedemptions uint64         `json:"maxRedemptions"`
	Nonce          *big.Int       `json:"nonce"`
	Counter        *big.Int       `json:"counter"`
}

// DealID is the registry's id for a header: keccak256(abi.encode(vendor, nonce)). Stable across
// versions of one deal.
func (h *DealHeader) DealID() common.Hash { return DealID(h.Vendor, h.Nonce) }

// DealID computes keccak256(abi.encode(vendor, nonce)).
func DealID(vendor common.Address, nonce *big.Int) common.Hash {
	var buf [64]byte
	copy(buf[12:32], vendor[:])
	nonce.FillBytes(buf[32:])
	return crypto.Keccak256Hash(buf[:])
}

// Digest is the sha2-256 of canonical document bytes.
func Digest(canonical []byte) common.Hash { return sha256.Sum256(canonical) }

// NonceFromDigest derives a deal's default nonce from its first version's digest, so posting the
// same document twice is the same deal (the registry refuses the second post).
func NonceFromDigest(digest common.Hash) *big.Int { return new(big.Int).SetBytes(digest[:]) }

// NewHeader builds the header for a document whose canonical bytes hash to digest.
func NewHeader(d *Deal, digest common.Hash, version uint64, nonce, counter *big.Int) DealHeader {
	return DealHeader{
		Vendor:         d.Vendor,
		Digest:         digest,
		Version:        version,
		ExpiresAt:      d.ExpiresAtSeconds(),
		MaxRedemptions: d.Availability.MaxRedemptions,
		Nonce:          new(big.Int).Set(nonce),
		Counter:        new(big.Int).Set(counter),
	}
}

package bazaar

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/hpke"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
)

// The purchase phase. After redeeming, an agent sends the deal's vendor a DealAcceptance, sealed
// to the vendor's order key and dropped in the vendor's mailbox at the relay: the vendor's first
// contact with it. The agent speaks under a pseudonym derived for that vendor alone, so two
// vendors comparing notes cannot link it. The vendor answers with a signed OrderDecision sealed
// to the reply key the acceptance carried; the matcher takes a payment only for a confirmed order.

// Order message types (the "type" of a mailbox message).
const (
	MsgAcceptance = "acceptance" // agent → vendor
	MsgDecision   = "decision"   // vendor → agent
	MsgReceipt    = "receipt"    // matcher → agent
	MsgPaid       = "paid"       // matcher → vendor
)

// Order statuses.
const (
	OrderConfirmed = "confirmed"
	OrderRejected  = "rejected"
)

// MaxDeliveryLen bounds an acceptance's optional delivery details.
const MaxDeliveryLen = 512

// DealAcceptance is an agent's order for a deal it redeemed. Nullifier and RedemptionTx point at
// the on-chain redemption; its proof bound the payout address, which must be the Pseudonym that
// signs this acceptance, so only the redeemer can turn a redemption into an order.
type DealAcceptance struct {
	V              int            `json:"v"`
	DealID         common.Hash    `json:"dealId"`
	Nullifier      *hexutil.Big   `json:"nullifier"`
	RedemptionTx   common.Hash    `json:"redemptionTx"`
	PickupCodeHash common.Hash    `json:"pickupCodeHash"` // PickupCodeHash(key, code): the code itself stays with the agent
	CodeKey        hexutil.Bytes  `json:"codeKey"`        // the agent's one-time X25519 key the hash's key derives from
	Delivery       string         `json:"delivery,omitempty"`
	ReplyMailbox   string         `json:"replyMailbox"`
	ReplyKey       hexutil.Bytes  `json:"replyKey"` // 32-byte key the vendor seals its answers with
	IssuedAt       int64          `json:"issuedAt"`
	Pseudonym      common.Address `json:"pseudonym"`
	Signature      hexutil.Bytes  `json:"signature"`
}

// OrderID is the digest the pseudonym signs; it names the order everywhere after.
func (a *DealAcceptance) OrderID() common.Hash {
	var nul [32]byte
	if a.Nullifier != nil && a.Nullifier.ToInt().Sign() >= 0 && a.Nullifier.ToInt().BitLen() <= 256 {
		a.Nullifier.ToInt().FillBytes(nul[:])
	}
	var issued [8]byte
	binary.BigEndian.PutUint64(issued[:], uint64(a.IssuedAt))
	return crypto.Keccak256Hash([]byte("bazaar deal acceptance v2\x00"), a.DealID[:], nul[:], a.RedemptionTx[:], a.PickupCodeHash[:],
		crypto.Keccak256(a.CodeKey), crypto.Keccak256([]byte(a.Delivery)), crypto.Keccak256([]byte(a.ReplyMailbox)), a.ReplyKey, issued[:], a.Pseudonym[:])
}

// Check verifies an acceptance's form and that its pseudonym signed it. Whether the redemption
// exists on-chain with this pseudonym as payout is the vendor's check (it needs the chain).
func (a *DealAcceptance) Check() error {
	switch {
	case a.V != 1:
		return Errorf(ECodeInvalid, "acceptance version %d is not 1", a.V)
	case a.DealID == (common.Hash{}) || a.RedemptionTx == (common.Hash{}) || a.PickupCodeHash == (common.Hash{}):
		return Errorf(ECodeInvalid, "acceptance needs dealId, redemptionTx and pickupCodeHash")
	case len(a.CodeKey) != 32:
		return Errorf(ECodeInvalid, "acceptance needs the 32-byte X25519 codeKey its pickup code hash is keyed from")
	case a.Nullifier == nil || a.Nullifier.ToInt().Sign() <= 0 || a.Nullifier.ToInt().BitLen() > 256:
		return Errorf(ECodeInvalid, "acceptance needs a nullifier")
	case len(a.Delivery) > MaxDeliveryLen:
		return Errorf(ECodeInvalid, "delivery details are longer than %d bytes", MaxDeliveryLen)
	case !ValidMailbox(a.ReplyMailbox):
		return Errorf(ECodeInvalid, "acceptance needs a reply mailbox")
	case len(a.ReplyKey) != 32:
		return Errorf(ECodeInvalid, "reply key must be 32 bytes")
	}
	id := a.OrderID()
	pub, err := crypto.SigToPub(id[:], a.Signature)
	if err != nil || crypto.PubkeyToAddress(*pub) != a.Pseudonym {
		return &Error{Code: ECodeSignature, Message: "acceptance is not signed by its pseudonym", Err: ErrBadSignature}
	}
	return nil
}

// Sign fills in the pseudonym and signs the acceptance with its key.
func (a *DealAcceptance) Sign(key *ecdsa.PrivateKey) error {
	a.Pseudonym = crypto.PubkeyToAddress(key.PublicKey)
	id := a.OrderID()
	sig, err := crypto.Sign(id[:], key)
	if err != nil {
		return err
	}
	a.Signature = sig
	return nil
}

// Pseudonym is an agent's identity towards one vendor: a signing key (the payout address its
// redemption proofs bind), a mailbox and a reply key. Derived from the agent's secret and the
// vendor, so the agent keeps no state and no two vendors see the same values.
type Pseudonym struct {
	Key      *ecdsa.PrivateKey
	Mailbox  ed25519.PrivateKey
	ReplyKey []byte
}

// DerivePseudonym derives the agent's pseudonym towards vendor from its secret.
func DerivePseudonym(secret []byte, vendor common.Address) Pseudonym {
	derive := func(label string) []byte {
		h := sha256.Sum256(append(append([]byte("bazaar pseudonym v1\x00"+label+"\x00"), vendor[:]...), secret...))
		return h[:]
	}
	var p Pseudonym
	for i := 0; p.Key == nil; i++ { // a SHA-256 output is a valid secp256k1 key but for ~2^-128
		p.Key, _ = crypto.ToECDSA(derive(fmt.Sprintf("key%d", i)))
	}
	p.Mailbox = ed25519.NewKeyFromSeed(derive("mailbox"))
	p.ReplyKey = derive("reply")
	return p
}

// Address is the pseudonym's address: the payout its redemption proofs bind.
func (p Pseudonym) Address() common.Address { return crypto.PubkeyToAddress(p.Key.PublicKey) }

// MailboxID is the pseudonym's relay mailbox.
func (p Pseudonym) MailboxID() string { return MailboxID(p.Mailbox.Public().(ed25519.PublicKey)) }

// NewPickupCode draws a one-time pickup code the agent shows at the counter: 10 digits in two
// groups ("48213-90571").
func NewPickupCode() (string, error) {
	n, err := rand.Int(rand.Reader, new(big.Int).Exp(big.NewInt(10), big.NewInt(PickupCodeDigits), nil))
	if err != nil {
		return "", err
	}
	s := fmt.Sprintf("%0*d", PickupCodeDigits, n)
	return s[:5] + "-" + s[5:10] + "-" + s[10:15] + "-" + s[15:], nil
}

// PickupCodeDigits is a pickup code's length: 20 decimal digits, 66 bits (its hash is keyed too:
// PickupCodeHash); the vendor also locks an order's code after a few wrong tries
// (MaxWrongCodes).
const PickupCodeDigits = 20

// MaxWrongCodes is how many wrong pickup codes a vendor takes for one order before it locks
// the order's code (the buyer then shows the order some other way).
const MaxWrongCodes = 5

// PickupCodeHash is what an acceptance carries instead of the code: HMAC-SHA256 under key
// (PickupCodeKey) of the code, dashes and spaces ignored. The key is one only the agent and the
// vendor's order key can compute, so neither the hash in a vendor's order book nor the order id
// that commits to it can be searched for the code by anyone holding the book alone.
func PickupCodeHash(key []byte, code string) common.Hash {
	code = strings.NewReplacer("-", "", " ", "").Replace(code)
	m := hmac.New(sha256.New, key)
	m.Write([]byte("bazaar pickup code v2\x00" + code))
	return common.Hash(m.Sum(nil))
}

// PickupCodeKey derives a pickup code hash's key from the X25519 secret an acceptance's one-time
// key shares with the vendor's order key (HKDF-SHA256, no salt).
func PickupCodeKey(shared []byte) ([]byte, error) {
	return hkdf.Key(sha256.New, shared, nil, "bazaar pickup code key v1", 32)
}

// NewPickupCodeKey is the agent's side: a one-time X25519 key (its public half goes in the
// acceptance as CodeKey) and the key shared with the vendor's order key.
func NewPickupCodeKey(vendorOrder *ecdh.PublicKey) (codeKey, key []byte, err error) {
	eph, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	shared, err := eph.ECDH(vendorOrder)
	if err != nil {
		return nil, nil, err
	}
	key, err = PickupCodeKey(shared)
	return eph.PublicKey().Bytes(), key, err
}

// VendorPickupCodeKey is the vendor's side: the key from its order key and an acceptance's
// CodeKey.
func VendorPickupCodeKey(order *ecdh.PrivateKey, codeKey []byte) ([]byte, error) {
	pub, err := ecdh.X25519().NewPublicKey(codeKey)
	if err != nil {
		return nil, fmt.Errorf("acceptance code key: %w", err)
	}
	shared, err := order.ECDH(pub)
	if err != nil {
		return nil, err
	}
	return PickupCodeKey(shared)
}

// OrderDecision is the vendor's answer to an acceptance, signed with the vendor's wallet as
// EIP-712 typed data (chain.Domain.DecisionTypedData); Amount is what the agent is to pay, in
// the settlement token's units.
type OrderDecision struct {
	Order     common.Hash    `json:"order"`
	DealID    common.Hash    `json:"dealId"`
	Vendor    common.Address `json:"vendor"`
	Nullifier *hexutil.Big   `json:"nullifier"` // the redemption the order rests on
	Status    string         `json:"status"`
	Amount    *hexutil.Big   `json:"amount"`
	Reason    string         `json:"reason,omitempty"`
	Signature hexutil.Bytes  `json:"signature"`
}

// Receipt is what the matcher sends the agent once its payment is in the ledger.
type Receipt struct {
	Order   common.Hash    `json:"order"`
	DealID  common.Hash    `json:"dealId"`
	Vendor  common.Address `json:"vendor"`
	Amount  *hexutil.Big   `json:"amount"`
	Balance *hexutil.Big   `json:"balance"` // the account's balance after the payment
	Batch   uint64         `json:"batch"`   // the batch it will settle in
}

// PaymentNotice is what the matcher sends the vendor: an order is paid (no payer named). The
// matcher signs it with its attested key (chain.PaymentNoticeDigest); a vendor takes it as
// evidence only when that signer is a registered matcher on-chain, since anyone can drop a
// sealed message into a vendor's mailbox.
type PaymentNotice struct {
	Vendor    common.Address `json:"vendor"`
	Order     common.Hash    `json:"order"`
	DealID    common.Hash    `json:"dealId"`
	Amount    *hexutil.Big   `json:"amount"`
	Batch     uint64         `json:"batch"` // the batch it settles in
	Signature hexutil.Bytes  `json:"signature"`
}

// OrderMessage is a mailbox message of the purchase phase; Type says which field is set.
type OrderMessage struct {
	Type       string          `json:"type"`
	Acceptance *DealAcceptance `json:"acceptance,omitempty"`
	Decision   *OrderDecision  `json:"decision,omitempty"`
	Receipt    *Receipt        `json:"receipt,omitempty"`
	Paid       *PaymentNotice  `json:"paid,omitempty"`
}

// VendorOrderKey is a vendor's published order key: acceptances are sealed to Key (X25519) and
// dropped in Mailbox. The vendor's wallet signs it (chain.Domain.OrderKeyTypedData), so a node
// or relay cannot substitute its own key.
type VendorOrderKey struct {
	Vendor    common.Address `json:"vendor"`
	Key       hexutil.Bytes  `json:"key"`
	Mailbox   string         `json:"mailbox"`
	Version   uint64         `json:"version"` // from 1; a node takes no lower version than it holds
	Signature hexutil.Bytes  `json:"signature"`
}

// VendorKeys are the keys a vendor reads its orders with, derived from a seed (chain derives
// the seed from a wallet signature, so a browser wallet gets the same keys as the CLI).
type VendorKeys struct {
	Order   *ecdh.PrivateKey
	Mailbox ed25519.PrivateKey
}

// DeriveVendorKeys derives order keys from a 32-byte-or-longer secret seed.
func DeriveVendorKeys(seed []byte) (VendorKeys, error) {
	x := sha256.Sum256(append([]byte("bazaar vendor order key v1\x00"), seed...))
	m := sha256.Sum256(append([]byte("bazaar vendor mailbox v1\x00"), seed...))
	k, err := ecdh.X25519().NewPrivateKey(x[:])
	if err != nil {
		return VendorKeys{}, err
	}
	return VendorKeys{Order: k, Mailbox: ed25519.NewKeyFromSeed(m[:])}, nil
}

// MailboxID is the vendor's relay mailbox.
func (k VendorKeys) MailboxID() string { return MailboxID(k.Mailbox.Public().(ed25519.PublicKey)) }

const orderSealInfo = "bazaar order message v1"

// SealedToKey is an envelope HPKE-sealed (X25519, HKDF-SHA256, ChaCha20-Poly1305) to a vendor's
// order key, its payload padded to a notification bucket like every envelope the relay carries.
type SealedToKey struct {
	V  int    `json:"v"` // 2
	Ct []byte `json:"c"`
}

// SealToKey seals a message to an X25519 public key.
func SealToKey(pub *ecdh.PublicKey, msg any) ([]byte, error) {
	js, err := json.Marshal(msg)
	if err != nil {
		return nil, err
	}
	padded, err := pad(js)
	if err != nil {
		return nil, err
	}
	pk, err := hpke.NewDHKEMPublicKey(pub)
	if err != nil {
		return nil, err
	}
	ct, err := hpke.Seal(pk, hpke.HKDFSHA256(), hpke.ChaCha20Poly1305(), []byte(orderSealInfo), padded)
	if err != nil {
		return nil, err
	}
	return json.Marshal(SealedToKey{V: 2, Ct: ct})
}

// OpenWithKey opens an envelope sealed by SealToKey.
func OpenWithKey(priv *ecdh.PrivateKey, envelope []byte) ([]byte, error) {
	var env SealedToKey
	if err := json.Unmarshal(envelope, &env); err != nil || env.V != 2 {
		return nil, fmt.Errorf("%w: not an envelope sealed to a key", ErrUnseal)
	}
	sk, err := hpke.NewDHKEMPrivateKey(priv)
	if err != nil {
		return nil, err
	}
	plain, err := hpke.Open(sk, hpke.HKDFSHA256(), hpke.ChaCha20Poly1305(), []byte(orderSealInfo), env.Ct)
	if err != nil {
		return nil, ErrUnseal
	}
	return unpad(plain)
}

func pad(payload []byte) ([]byte, error) {
	for _, b := range NotificationBuckets {
		if len(payload)+4 <= b {
			plain := make([]byte, b)
			binary.BigEndian.PutUint32(plain, uint32(len(payload)))
			copy(plain[4:], payload)
			return plain, nil
		}
	}
	return nil, ErrSealedTooLarge
}

func unpad(plain []byte) ([]byte, error) {
	if len(plain) < 4 {
		return nil, ErrUnseal
	}
	n := binary.BigEndian.Uint32(plain)
	if int(n) > len(plain)-4 {
		return nil, ErrUnseal
	}
	return plain[4 : 4+n], nil
}

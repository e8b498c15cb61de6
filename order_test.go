package bazaar_test

import (
	"bytes"
	"crypto/ecdh"
	"crypto/rand"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/bazaar-market/bazaar"
)

func signedAcceptance(t *testing.T, p bazaar.Pseudonym) bazaar.DealAcceptance {
	t.Helper()
	a := bazaar.DealAcceptance{V: 1, DealID: common.Hash{1}, Nullifier: (*hexutil.Big)(big.NewInt(42)), RedemptionTx: common.Hash{2},
		PickupCodeHash: bazaar.PickupCodeHash(make([]byte, 32), "12345-67890"), CodeKey: make([]byte, 32), Delivery: "counter", ReplyMailbox: p.MailboxID(), ReplyKey: p.ReplyKey, IssuedAt: time.Now().Unix()}
	if err := a.Sign(p.Key); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestPseudonyms: an agent's pseudonyms towards two vendors share nothing a vendor sees (signing
// address, mailbox, reply key), and each is stable for its vendor.
func TestPseudonyms(t *testing.T) {
	secret := []byte("agent secret")
	v1, v2 := common.HexToAddress("0x1"), common.HexToAddress("0x2")
	a, b := bazaar.DerivePseudonym(secret, v1), bazaar.DerivePseudonym(secret, v2)
	if a.Address() == b.Address() || a.MailboxID() == b.MailboxID() || bytes.Equal(a.ReplyKey, b.ReplyKey) {
		t.Fatal("two vendors see a shared pseudonym value")
	}
	if again := bazaar.DerivePseudonym(secret, v1); again.Address() != a.Address() || again.MailboxID() != a.MailboxID() {
		t.Fatal("a pseudonym is not stable for its vendor")
	}
	if other := bazaar.DerivePseudonym([]byte("another agent"), v1); other.Address() == a.Address() {
		t.Fatal("two agents share a pseudonym")
	}
	// What the vendor receives names the pseudonym only.
	acc := signedAcceptance(t, a)
	js, _ := json.Marshal(acc)
	for _, leak := range [][]byte{[]byte(b.MailboxID()), []byte(b.Address().Hex()[2:]), secret} {
		if bytes.Contains(bytes.ToLower(js), bytes.ToLower(leak)) {
			t.Fatalf("acceptance carries %q", leak)
		}
	}
}

// TestDealAcceptance_Check: a signed acceptance checks; every field change, a missing field and
// another signer are refused.
func TestDealAcceptance_Check(t *testing.T) {
	p := bazaar.DerivePseudonym([]byte("s"), common.HexToAddress("0x1"))
	good := signedAcceptance(t, p)
	if err := good.Check(); err != nil {
		t.Fatal(err)
	}
	other := bazaar.DerivePseudonym([]byte("t"), common.HexToAddress("0x1"))
	for name, mutate := range map[string]func(a *bazaar.DealAcceptance){
		"deal changed":       func(a *bazaar.DealAcceptance) { a.DealID = common.Hash{9} },
		"nullifier changed":  func(a *bazaar.DealAcceptance) { a.Nullifier = (*hexutil.Big)(big.NewInt(43)) },
		"tx changed":         func(a *bazaar.DealAcceptance) { a.RedemptionTx = common.Hash{3} },
		"code changed":       func(a *bazaar.DealAcceptance) { a.PickupCodeHash = bazaar.PickupCodeHash(make([]byte, 32), "1") },
		"code key changed":   func(a *bazaar.DealAcceptance) { a.CodeKey = append(make([]byte, 31), 1) },
		"no code key":        func(a *bazaar.DealAcceptance) { a.CodeKey = nil },
		"delivery changed":   func(a *bazaar.DealAcceptance) { a.Delivery = "door" },
		"reply box changed":  func(a *bazaar.DealAcceptance) { a.ReplyMailbox = other.MailboxID() },
		"reply key changed":  func(a *bazaar.DealAcceptance) { a.ReplyKey = other.ReplyKey },
		"time changed":       func(a *bazaar.DealAcceptance) { a.IssuedAt++ },
		"pseudonym claimed":  func(a *bazaar.DealAcceptance) { a.Pseudonym = other.Address() },
		"no nullifier":       func(a *bazaar.DealAcceptance) { a.Nullifier = nil },
		"short reply key":    func(a *bazaar.DealAcceptance) { a.ReplyKey = a.ReplyKey[:16] },
		"bad mailbox":        func(a *bazaar.DealAcceptance) { a.ReplyMailbox = "no spaces allowed" },
		"long delivery":      func(a *bazaar.DealAcceptance) { a.Delivery = string(make([]byte, bazaar.MaxDeliveryLen+1)) },
		"other version":      func(a *bazaar.DealAcceptance) { a.V = 2 },
		"truncated sig":      func(a *bazaar.DealAcceptance) { a.Signature = a.Signature[:64] },
		"signed by other":    func(a *bazaar.DealAcceptance) { _ = a.Sign(other.Key); a.Pseudonym = p.Address() },
		"no redemption tx":   func(a *bazaar.DealAcceptance) { a.RedemptionTx = common.Hash{} },
		"no pickup code":     func(a *bazaar.DealAcceptance) { a.PickupCodeHash = common.Hash{} },
		"negative nullifier": func(a *bazaar.DealAcceptance) { a.Nullifier = (*hexutil.Big)(big.NewInt(-1)) },
	} {
		a := good
		a.ReplyKey = append(hexutil.Bytes(nil), good.ReplyKey...)
		mutate(&a)
		if err := a.Check(); err == nil {
			t.Fatalf("%s: accepted", name)
		}
	}
}

// TestPickupCode: codes are 20 digits (66 bits) in four groups, distinct draws, and match their
// hash however they are typed (dashes, spaces), never another code. The hash is keyed: the
// agent's one-time key and the vendor's order key agree on the key, and without the vendor's
// order key (another order key) the hash does not match the code (issue 19: an order book
// alone cannot be searched for codes).
func TestPickupCode(t *testing.T) {
	c1, _ := bazaar.NewPickupCode()
	c2, _ := bazaar.NewPickupCode()
	if len(c1) != bazaar.PickupCodeDigits+3 || strings.Count(c1, "-") != 3 || c1 == c2 {
		t.Fatalf("codes %q %q", c1, c2)
	}
	vendor, _ := ecdh.X25519().GenerateKey(rand.Reader)
	codeKey, agentKey, err := bazaar.NewPickupCodeKey(vendor.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	vendorKey, err := bazaar.VendorPickupCodeKey(vendor, codeKey)
	if err != nil {
		t.Fatal(err)
	}
	h := bazaar.PickupCodeHash(agentKey, c1)
	if bazaar.PickupCodeHash(vendorKey, c1) != h {
		t.Fatal("the vendor's key does not reproduce the agent's hash")
	}
	other, _ := ecdh.X25519().GenerateKey(rand.Reader)
	if otherKey, _ := bazaar.VendorPickupCodeKey(other, codeKey); bazaar.PickupCodeHash(otherKey, c1) == h {
		t.Fatal("another order key reproduces the hash")
	}
	if bazaar.PickupCodeHash(nil, c1) == h {
		t.Fatal("the unkeyed hash matches")
	}
	if _, err := bazaar.VendorPickupCodeKey(vendor, []byte{1, 2}); err == nil {
		t.Fatal("a malformed code key accepted")
	}
	key := vendorKey
	plain := strings.ReplaceAll(c1, "-", "")
	if bazaar.PickupCodeHash(key, strings.ReplaceAll(c1, "-", " ")) != h || bazaar.PickupCodeHash(key, plain) != h {
		t.Fatal("the same code typed differently does not match")
	}
	if bazaar.PickupCodeHash(key, c2) == h {
		t.Fatal("another code matches")
	}
}

// TestSealToKey: an envelope opens only under its key, is padded to a bucket, and tampering is
// detected.
func TestSealToKey(t *testing.T) {
	k, _ := ecdh.X25519().GenerateKey(rand.Reader)
	other, _ := ecdh.X25519().GenerateKey(rand.Reader)
	msg := bazaar.OrderMessage{Type: bazaar.MsgPaid, Paid: &bazaar.PaymentNotice{Order: common.Hash{1}, Amount: (*hexutil.Big)(big.NewInt(5))}}
	env, err := bazaar.SealToKey(k.PublicKey(), msg)
	if err != nil {
		t.Fatal(err)
	}
	short, _ := bazaar.SealToKey(k.PublicKey(), map[string]int{"a": 1})
	if len(short) != len(env) {
		t.Fatalf("envelopes of different payloads differ in size: %d vs %d", len(short), len(env))
	}
	plain, err := bazaar.OpenWithKey(k, env)
	if err != nil {
		t.Fatal(err)
	}
	var got bazaar.OrderMessage
	if err := json.Unmarshal(plain, &got); err != nil || got.Paid == nil || got.Paid.Amount.ToInt().Int64() != 5 {
		t.Fatalf("opened %s", plain)
	}
	if _, err := bazaar.OpenWithKey(other, env); !errors.Is(err, bazaar.ErrUnseal) {
		t.Fatalf("opened under another key: %v", err)
	}
	var e bazaar.SealedToKey
	_ = json.Unmarshal(env, &e)
	e.Ct[len(e.Ct)-1] ^= 1
	tampered, _ := json.Marshal(e)
	if _, err := bazaar.OpenWithKey(k, tampered); !errors.Is(err, bazaar.ErrUnseal) {
		t.Fatalf("tampered envelope: %v", err)
	}
}

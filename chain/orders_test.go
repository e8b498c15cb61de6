package chain_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
)

// TestOrderSignatures: a vendor's decision and order key check only when its wallet signed
// exactly them in this domain; every other signer, field change or domain is refused.
func TestOrderSignatures(t *testing.T) {
	dom := chain.Domain{ChainID: big.NewInt(1337), Registry: common.HexToAddress("0x1234")}
	vendor := chain.DevVendorKey
	other, _ := crypto.GenerateKey()
	d, err := dom.SignDecision(vendor, bazaar.OrderDecision{Order: common.Hash{1}, DealID: common.Hash{2}, Nullifier: (*hexutil.Big)(big.NewInt(99)),
		Status: bazaar.OrderConfirmed, Amount: (*hexutil.Big)(big.NewInt(7))})
	if err != nil {
		t.Fatal(err)
	}
	addr := chain.KeyAddress(vendor)
	if err := dom.CheckDecision(d, addr); err != nil {
		t.Fatal(err)
	}
	byOther, _ := dom.SignDecision(other, d)
	claimed := byOther
	claimed.Vendor = addr
	otherDomain := chain.Domain{ChainID: big.NewInt(1), Registry: dom.Registry}
	fromOtherDomain, _ := otherDomain.SignDecision(vendor, d)
	for name, c := range map[string]bazaar.OrderDecision{
		"signed by another key":    byOther,
		"claims the vendor":        claimed,
		"signed for another chain": fromOtherDomain,
		"amount raised":            func() bazaar.OrderDecision { x := d; x.Amount = (*hexutil.Big)(big.NewInt(8)); return x }(),
		"other order":              func() bazaar.OrderDecision { x := d; x.Order = common.Hash{3}; return x }(),
		"other nullifier":          func() bazaar.OrderDecision { x := d; x.Nullifier = (*hexutil.Big)(big.NewInt(98)); return x }(),
		"turned into a rejection":  func() bazaar.OrderDecision { x := d; x.Status = bazaar.OrderRejected; return x }(),
		"unknown status":           func() bazaar.OrderDecision { x := d; x.Status = "maybe"; return x }(),
		"confirmed for nothing": func() bazaar.OrderDecision {
			x, _ := dom.SignDecision(vendor, bazaar.OrderDecision{Order: d.Order, DealID: d.DealID, Status: bazaar.OrderConfirmed})
			return x
		}(),
	} {
		if err := dom.CheckDecision(c, addr); err == nil {
			t.Fatalf("%s: accepted", name)
		}
	}

	k, err := dom.SignOrderKey(vendor, bazaar.VendorOrderKey{Key: make([]byte, 32), Mailbox: "mabc", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := dom.CheckOrderKey(k); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]bazaar.VendorOrderKey{
		"mailbox swapped": func() bazaar.VendorOrderKey { x := k; x.Mailbox = "mevil"; return x }(),
		"key swapped":     func() bazaar.VendorOrderKey { x := k; x.Key = append(make([]byte, 31), 1); return x }(),
		"short key":       func() bazaar.VendorOrderKey { x := k; x.Key = make([]byte, 31); return x }(),
		"other vendor":    func() bazaar.VendorOrderKey { x := k; x.Vendor = chain.KeyAddress(other); return x }(),
		"other version":   func() bazaar.VendorOrderKey { x := k; x.Version = 2; return x }(),
	} {
		if err := dom.CheckOrderKey(c); err == nil {
			t.Fatalf("order key %s: accepted", name)
		}
	}
	// Order keys derive from the wallet, the deployment and the version: the same wallet always
	// gets the same keys for one deployment and version, and other keys for another chain,
	// another registry or the next version (issue 19: a signature of the seed message obtained
	// for one deployment derives nothing for another; rotation).
	a, _ := dom.VendorKeys(vendor, 1)
	b, _ := dom.VendorKeys(vendor, 1)
	c, _ := dom.VendorKeys(other, 1)
	if !a.Order.PublicKey().Equal(b.Order.PublicKey()) || a.MailboxID() != b.MailboxID() || a.MailboxID() == c.MailboxID() {
		t.Fatal("order keys are not a function of the wallet")
	}
	otherChain, otherRegistry := dom, dom
	otherChain.ChainID = new(big.Int).Add(dom.ChainID, big.NewInt(1))
	otherRegistry.Registry = common.Address{0xee}
	for name, d := range map[string]chain.Domain{"another chain": otherChain, "another registry": otherRegistry} {
		x, _ := d.VendorKeys(vendor, 1)
		if x.MailboxID() == a.MailboxID() || x.Order.PublicKey().Equal(a.Order.PublicKey()) {
			t.Fatalf("%s derives the same order keys", name)
		}
		if d.OrderKeySeedMessage(1) == dom.OrderKeySeedMessage(1) {
			t.Fatalf("%s signs the same seed message", name)
		}
	}
	if next, _ := dom.VendorKeys(vendor, 2); next.MailboxID() == a.MailboxID() {
		t.Fatal("the next version derives the same keys")
	}
	noVersion := k
	noVersion.Version = 0
	if err := dom.CheckOrderKey(noVersion); err == nil {
		t.Fatal("an order key without a version accepted")
	}
}

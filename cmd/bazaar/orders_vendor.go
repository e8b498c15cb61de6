// The vendor side of the purchase: the order book a vendor keeps, its mailbox of acceptances and
// payment notices, confirmations, pickup codes and its order keys (`bazaar vendor orders`).

package main

import (
	"bytes"
	"context"
	"crypto/ecdh"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
)

// ---- vendor side ----

// vendorOrder is an order as its vendor keeps it.
type vendorOrder struct {
	Order          common.Hash  `json:"order"`
	DealID         common.Hash  `json:"dealId"`
	Nullifier      *hexutil.Big `json:"nullifier"`
	Pseudonym      string       `json:"pseudonym"`
	Status         string       `json:"status"` // pending, confirmed, rejected, paid, picked-up
	Amount         *hexutil.Big `json:"amount"`
	Delivery       string       `json:"delivery,omitempty"`
	PickupCodeHash common.Hash  `json:"pickupCodeHash"` // keyed: only this vendor's order key recovers the key
	CodeKey        []byte       `json:"codeKey"`        // the acceptance's one-time X25519 key
	ReplyMailbox   string       `json:"replyMailbox"`
	ReplyKey       []byte       `json:"replyKey"`
	Received       time.Time    `json:"received"`
	PaidBatch      uint64       `json:"paidBatch,omitempty"`  // the batch the payment settles in
	PaidBy         string       `json:"paidBy,omitempty"`     // the registered matcher that signed the notice
	WrongCodes     int          `json:"wrongCodes,omitempty"` // wrong pickup codes tried
	PickedUp       *time.Time   `json:"pickedUp,omitempty"`
}

// vendorBook is a vendor's local order book, with the acceptances it refused.
type vendorBook struct {
	path     string
	Registry common.Address `json:"registry"` // the deployment the orders belong to
	Orders   []*vendorOrder `json:"orders"`
	Refused  []string       `json:"refused"`
}

func (b *vendorBook) save() error { return saveJSON(b.path, b) }

// checkCode compares a pickup code with the order's (its hash keyed from the vendor's order
// key and the acceptance's code key), counting wrong ones: after bazaar.MaxWrongCodes the
// order's code is locked and even the right one is refused.
func (o *vendorOrder) checkCode(order *ecdh.PrivateKey, code string) error {
	if o.WrongCodes >= bazaar.MaxWrongCodes {
		return fmt.Errorf("order %s: %d wrong codes were tried, its code is locked (ask the buyer to show the order)", short(o.Order), o.WrongCodes)
	}
	key, err := bazaar.VendorPickupCodeKey(order, o.CodeKey)
	if err != nil {
		return fmt.Errorf("order %s: %w", short(o.Order), err)
	}
	if bazaar.PickupCodeHash(key, code) != o.PickupCodeHash {
		o.WrongCodes++
		return fmt.Errorf("the code does not match order %s (%d of %d tries left)", short(o.Order), bazaar.MaxWrongCodes-o.WrongCodes, bazaar.MaxWrongCodes)
	}
	return nil
}

// takePaid marks a confirmed order paid on a payment notice — only one signed by a matcher the
// AttestationRegistry holds registered (asked on-chain), for this vendor, this order and the
// confirmed amount. Anything else (an unsigned or forged notice anyone could drop into the
// mailbox, another vendor's, another amount) changes nothing.
func (b *vendorBook) takePaid(ctx context.Context, c *nodeChain, vendor common.Address, n *bazaar.PaymentNotice) error {
	o, err := b.find(n.Order.Hex())
	if err != nil || o.Order != n.Order {
		return fmt.Errorf("payment notice for an order this vendor does not have (%s)", short(n.Order))
	}
	if o.Status == "paid" || o.Status == "picked-up" {
		return nil // the same notice again
	}
	if o.Status != bazaar.OrderConfirmed {
		return fmt.Errorf("payment notice for order %s, which is %s", short(o.Order), o.Status)
	}
	if n.DealID != o.DealID || n.Amount == nil || o.Amount.ToInt().Cmp(n.Amount.ToInt()) != 0 {
		return fmt.Errorf("payment notice for order %s does not match its deal and confirmed amount", short(o.Order))
	}
	if c.attestation == nil || c.settlement == (common.Address{}) {
		return fmt.Errorf("payment notice for order %s: the node names no AttestationRegistry or Settlement to check it against", short(o.Order))
	}
	m, err := c.attestation.CheckPaymentNotice(ctx, c.domain.ChainID, c.settlement, vendor, *n)
	if err != nil {
		return fmt.Errorf("payment notice for order %s: %w", short(o.Order), err)
	}
	o.Status, o.PaidBatch, o.PaidBy = "paid", n.Batch, m.Hex()
	return nil
}

// requireSettled refuses until the Settlement contract has taken the batch a payment settles
// in: from then on the vendor's credit is on-chain, and no exit can return the payer's money.
func (c *nodeChain) requireSettled(ctx context.Context, batch uint64) error {
	if c.settlement == (common.Address{}) {
		return errors.New("the node names no Settlement contract")
	}
	head, _, err := chain.NewSettlement(c.client, c.settlement).Head(ctx)
	if err != nil {
		return fmt.Errorf("read the settlement's last batch: %w", err)
	}
	if head < batch {
		return fmt.Errorf("paid, but its batch %d is not on-chain yet (last batch %d): wait a moment and check again", batch, head)
	}
	return nil
}

func (b *vendorBook) find(prefix string) (*vendorOrder, error) {
	var hit *vendorOrder
	for _, o := range b.Orders {
		if strings.HasPrefix(strings.ToLower(o.Order.Hex()), strings.ToLower(prefix)) {
			if hit != nil {
				return nil, fmt.Errorf("%q names more than one order", prefix)
			}
			hit = o
		}
	}
	if hit == nil || len(prefix) < 4 {
		return nil, fmt.Errorf("no order %q", prefix)
	}
	return hit, nil
}

// takeAcceptance checks an acceptance and files the order: the pseudonym's signature, the deal
// is this vendor's, the redemption exists on-chain for this deal and nullifier and paid out to
// the pseudonym (so only the redeemer can order), and no order exists for the nullifier yet.
// errTakenAlready is an acceptance the book holds already: a redelivery, not a replay.
var errTakenAlready = errors.New("acceptance taken already")

func (b *vendorBook) takeAcceptance(ctx context.Context, c *nodeChain, vendor common.Address, a *bazaar.DealAcceptance) (*vendorOrder, error) {
	if err := a.Check(); err != nil {
		return nil, err
	}
	// The same acceptance again (the relay sends what it wrote but never heard acknowledged).
	for _, o := range b.Orders {
		if o.Order == a.OrderID() {
			return nil, errTakenAlready
		}
	}
	var deal DealView
	if err := apiCall(ctx, http.MethodGet, c.base+"/deals/"+a.DealID.Hex(), nil, &deal); err != nil {
		return nil, fmt.Errorf("acceptance for unknown deal %s", short(a.DealID))
	}
	if common.HexToAddress(deal.Vendor) != vendor {
		return nil, fmt.Errorf("acceptance for deal %s of another vendor", short(a.DealID))
	}
	red, err := c.redemptions.RedemptionIn(ctx, a.RedemptionTx)
	if err != nil || red.DealID != a.DealID || red.Nullifier.Cmp(a.Nullifier.ToInt()) != 0 {
		return nil, fmt.Errorf("acceptance for an unredeemed nullifier on deal %s", short(a.DealID))
	}
	if red.Payout != a.Pseudonym {
		return nil, fmt.Errorf("acceptance for deal %s signed by %s, but the redemption's proof bound %s", short(a.DealID), a.Pseudonym.Hex(), red.Payout.Hex())
	}
	for _, o := range b.Orders {
		if o.Nullifier.ToInt().Cmp(a.Nullifier.ToInt()) == 0 {
			return nil, fmt.Errorf("replayed acceptance: this redemption is already order %s", short(o.Order))
		}
	}
	// The order's amount is the price of the version the redemption was made under: updating
	// the deal neither strands nor reprices orders.
	price, ok := deal.PriceAt(red.Block)
	if !ok {
		doc, err := bazaar.DecodeDeal(deal.Document)
		if err != nil {
			return nil, err
		}
		price = doc.Pricing.DiscountedPrice
	}
	o := &vendorOrder{Order: a.OrderID(), DealID: a.DealID, Nullifier: a.Nullifier, Pseudonym: a.Pseudonym.Hex(), Status: "pending",
		Amount: (*hexutil.Big)(moneyUnits(price)), Delivery: a.Delivery, PickupCodeHash: a.PickupCodeHash, CodeKey: a.CodeKey,
		ReplyMailbox: a.ReplyMailbox, ReplyKey: a.ReplyKey, Received: time.Now().UTC()}
	b.Orders = append(b.Orders, o)
	return o, nil
}

// runVendorOrders: `bazaar vendor orders [list|confirm ORDER|reject ORDER|check-code ORDER CODE|rotate-key]
// [--key HEX] [--node URL] [--state DIR] [--reason TEXT]`.
func runVendorOrders(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("vendor orders", flag.ContinueOnError)
	fs.SetOutput(stderr)
	node := fs.String("node", "http://127.0.0.1:8080", "node API URL")
	keyHex := fs.String("key", "", "vendor wallet private key (hex) [the development vendor key]")
	state := fs.String("state", "", "where the vendor keeps its orders [a temp folder per vendor]")
	reason := fs.String("reason", "", "reason given with a rejection")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	verb := "list"
	if len(pos) > 0 {
		verb, pos = pos[0], pos[1:]
	}
	want := map[string]int{"list": 0, "confirm": 1, "reject": 1, "check-code": 2, "rotate-key": 0}
	if n, ok := want[verb]; !ok || len(pos) != n {
		return errors.New("usage: bazaar vendor orders [list | confirm ORDER | reject ORDER [--reason TEXT] | check-code ORDER CODE | rotate-key]")
	}
	wallet := chain.DevVendorKey
	if *keyHex != "" {
		if wallet, err = crypto.HexToECDSA(strings.TrimPrefix(*keyHex, "0x")); err != nil {
			return fmt.Errorf("--key: %w", err)
		}
	}
	vendor := chain.KeyAddress(wallet)
	if *state == "" {
		*state = filepath.Join(os.TempDir(), "bazaar-vendor-"+strings.ToLower(vendor.Hex()[2:10]))
	}
	base := strings.TrimRight(*node, "/")
	c, err := dialNodeChain(ctx, base)
	if err != nil {
		return err
	}
	defer c.Close()
	vk, _, err := orderKey(ctx, c, wallet, false)
	if err != nil {
		return err
	}
	book := &vendorBook{path: filepath.Join(*state, "orders.json")}
	if err := loadJSON(book.path, book); err != nil {
		return err
	}
	if book.Registry != c.domain.Registry { // another deployment's orders (a dev chain started over)
		if len(book.Orders) > 0 {
			if err := os.Rename(book.path, book.path+"."+strings.ToLower(book.Registry.Hex()[2:10])); err != nil {
				return err
			}
		}
		*book = vendorBook{path: book.path, Registry: c.domain.Registry}
	}
	// Read the mailbox: acceptances and payment notices.
	err = MailboxListen(ctx, base, vk.Mailbox, 500*time.Millisecond, func(sealed []byte) bool {
		plain, err := bazaar.OpenWithKey(vk.Order, sealed)
		if err != nil {
			return true // cover traffic
		}
		var m bazaar.OrderMessage
		if json.Unmarshal(plain, &m) != nil {
			return true
		}
		switch {
		case m.Type == bazaar.MsgAcceptance && m.Acceptance != nil:
			if o, err := book.takeAcceptance(ctx, c, vendor, m.Acceptance); errors.Is(err, errTakenAlready) {
				return true
			} else if err != nil {
				book.Refused = append(book.Refused, time.Now().UTC().Format(time.RFC3339)+" "+err.Error())
				fmt.Fprintf(stdout, "refused an acceptance: %v\n", err)
			} else {
				fmt.Fprintf(stdout, "new order %s for deal %s\n", short(o.Order), short(o.DealID))
			}
		case m.Type == bazaar.MsgPaid && m.Paid != nil:
			if err := book.takePaid(ctx, c, vendor, m.Paid); err != nil {
				book.Refused = append(book.Refused, time.Now().UTC().Format(time.RFC3339)+" "+err.Error())
				fmt.Fprintf(stdout, "refused a payment notice: %v\n", err)
			} else {
				fmt.Fprintf(stdout, "order %s paid: %s, settles in batch %d\n", short(m.Paid.Order), formatUnits(m.Paid.Amount.ToInt()), m.Paid.Batch)
			}
		default:
			return true
		}
		// Saved before the relay hears the ack, so a crash here loses nothing.
		return book.save() == nil
	})
	if serr := book.save(); serr != nil {
		return serr
	}
	if err != nil {
		return err
	}
	switch verb {
	case "list":
		tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ORDER\tDEAL\tSTATUS\tAMOUNT\tRECEIVED\tDELIVERY")
		for _, o := range book.Orders {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", short(o.Order), short(o.DealID), o.Status, formatUnits(o.Amount.ToInt()), o.Received.Format(time.RFC3339), o.Delivery)
		}
		return tw.Flush()
	case "confirm", "reject":
		o, err := book.find(pos[0])
		if err != nil {
			return err
		}
		if o.Status != "pending" {
			return fmt.Errorf("order %s is %s already", short(o.Order), o.Status)
		}
		d := bazaar.OrderDecision{Order: o.Order, DealID: o.DealID, Nullifier: o.Nullifier, Status: bazaar.OrderConfirmed, Amount: o.Amount}
		if verb == "reject" {
			d.Status, d.Amount, d.Reason = bazaar.OrderRejected, (*hexutil.Big)(new(big.Int)), *reason
		}
		if d, err = c.domain.SignDecision(wallet, d); err != nil {
			return err
		}
		js, err := json.Marshal(bazaar.OrderMessage{Type: bazaar.MsgDecision, Decision: &d})
		if err != nil {
			return err
		}
		sealed, err := bazaar.SealNotification(o.ReplyKey, js)
		if err != nil {
			return err
		}
		if err := c.drop(ctx, o.ReplyMailbox, sealed); err != nil {
			return err
		}
		o.Status = d.Status
		if err := book.save(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "order %s %s\n", short(o.Order), d.Status)
	case "rotate-key":
		// The mailbox was read above under the old key; acceptances come to the new one now.
		_, k, err := orderKey(ctx, c, wallet, true)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "order key rotated: version %d, mailbox %s\n", k.Version, k.Mailbox)
	case "check-code":
		o, err := book.find(pos[0])
		if err != nil {
			return err
		}
		// Paid first, and only then the code: an answer about an unpaid order says nothing of the
		// code, so it cannot be used to test guesses.
		switch {
		case o.PickedUp != nil:
			return fmt.Errorf("order %s was already picked up at %s: the code is spent", short(o.Order), o.PickedUp.Format(time.RFC3339))
		case o.Status != "paid":
			return fmt.Errorf("order %s is %s, not paid: hand nothing over", short(o.Order), o.Status)
		}
		if err := c.requireSettled(ctx, o.PaidBatch); err != nil {
			return fmt.Errorf("order %s: %w", short(o.Order), err)
		}
		if err := o.checkCode(vk.Order, pos[1]); err != nil {
			if serr := book.save(); serr != nil {
				return serr
			}
			return err
		}
		now := time.Now().UTC()
		o.PickedUp, o.Status = &now, "picked-up"
		if err := book.save(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "code valid: order %s is paid; hand it over\n", short(o.Order))
	}
	return nil
}

// orderKey derives the vendor's order keys from its wallet, the deployment and the key version
// the node holds (1 when none; the next one with rotate), and publishes them unless the node
// holds exactly these. The CLI and the browser derive the same keys, so they read one mailbox.
func orderKey(ctx context.Context, c *nodeChain, wallet *ecdsa.PrivateKey, rotate bool) (bazaar.VendorKeys, bazaar.VendorOrderKey, error) {
	vendor := chain.KeyAddress(wallet)
	version := uint64(1)
	var cur bazaar.VendorOrderKey
	if err := apiCall(ctx, http.MethodGet, c.base+"/vendors/"+vendor.Hex()+"/order-key", nil, &cur); err == nil && cur.Vendor == vendor &&
		c.domain.CheckOrderKey(cur) == nil {
		version = cur.Version
		if rotate {
			version++
		}
	}
	vk, err := c.domain.VendorKeys(wallet, version)
	if err != nil {
		return vk, cur, err
	}
	if !rotate && bytes.Equal(cur.Key, vk.Order.PublicKey().Bytes()) && cur.Mailbox == vk.MailboxID() {
		return vk, cur, nil
	}
	k, err := c.domain.SignOrderKey(wallet, bazaar.VendorOrderKey{Key: vk.Order.PublicKey().Bytes(), Mailbox: vk.MailboxID(), Version: version})
	if err != nil {
		return vk, k, err
	}
	return vk, k, apiCall(ctx, http.MethodPut, c.base+"/vendors/"+vendor.Hex()+"/order-key", k, nil)
}

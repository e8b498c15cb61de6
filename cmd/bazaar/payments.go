// The matcher's payment intake: the sealed payment request, the checks it passes (a vendor's
// confirmation at the deal's price, the redeemer's payer proof, one order per redemption,
// settlement alive), the receipt and the signed "paid" notice, and account proofs.

package main

import (
	"context"
	"crypto/ecdh"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ledger"
)

// PaymentRequest is what an agent seals to the matcher to pay for a confirmed order: the intent
// signed by its account key, the vendor's signed confirmation, and where the receipt goes (the
// pseudonym's mailbox and reply key, so the receipt reaches only the agent).
type PaymentRequest struct {
	Intent   *ledger.Intent        `json:"intent"`
	Decision *bazaar.OrderDecision `json:"decision"`
	Receipt  *ReceiptTo            `json:"receipt,omitempty"`
	// PayerProof is the redemption's payout key (the agent's pseudonym for the vendor) signing
	// PayerDigest: the account paying is the redeemer's, so no one pays for, and earns history
	// from, another agent's redemption.
	PayerProof hexutil.Bytes `json:"payerProof"`
}

// PayerDigest is what the redeemer's pseudonym signs to pay an order from an account, bound to
// the Settlement contract and the order.
func PayerDigest(chainID *big.Int, settlement common.Address, order common.Hash, account common.Address) common.Hash {
	return crypto.Keccak256Hash([]byte("bazaar payer v2"), common.BigToHash(chainID).Bytes(), settlement.Bytes(), order.Bytes(), account.Bytes())
}

// fixV takes a signature with v as 27/28 or 0/1 (copying it) for crypto.SigToPub.
func fixV(sig []byte) []byte {
	if len(sig) != 65 {
		return sig
	}
	out := append([]byte(nil), sig...)
	if out[64] >= 27 {
		out[64] -= 27
	}
	return out
}

// redemptionKey names a redemption (deal and nullifier) in the ledger's set of paid ones.
func redemptionKey(dealID common.Hash, nullifier *big.Int) common.Hash {
	return crypto.Keccak256Hash(dealID.Bytes(), common.BigToHash(nullifier).Bytes())
}

// ReceiptTo is the mailbox and key a receipt is sealed for.
type ReceiptTo struct {
	Mailbox string `json:"mailbox"`
	Key     []byte `json:"key"`
}

// ErrUnconfirmed refuses a payment that no vendor confirmation backs.
var ErrUnconfirmed = &bazaar.Error{Code: bazaar.ECodeInvalid, Message: "payment for an unconfirmed order: the vendor's signed confirmation is required"}

// postPayment answers POST /payments {"sealed": base64}: a PaymentRequest sealed to the matcher.
// The node sees neither the payer nor the amount. The matcher checks that the deal's vendor
// signed a confirmation of this order for this amount, then the ledger checks the account's
// signature, nonce, balance and that the order is not paid yet.
func (n *Node) postPayment(w http.ResponseWriter, r *http.Request) {
	if n.settle == nil || n.engine == nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "this node runs no settlement ledger"))
		return
	}
	var body struct {
		Sealed []byte `json:"sealed"`
	}
	if err := decodeBody(r, &body); err != nil {
		n.fail(w, err)
		return
	}
	plain, err := n.engine.Open(body.Sealed)
	if err != nil {
		n.fail(w, err)
		return
	}
	var req PaymentRequest
	if err := strictJSON(plain, &req); err != nil || req.Intent == nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "sealed message is not a payment request"))
		return
	}
	in, d := req.Intent, req.Decision
	if d == nil || d.Status != bazaar.OrderConfirmed {
		n.fail(w, ErrUnconfirmed)
		return
	}
	deal, ok := n.index.Get(d.DealID)
	if !ok {
		n.fail(w, &bazaar.Error{Code: bazaar.ECodeNotFound, Message: "the confirmed order's deal is unknown", Err: bazaar.ErrNotFound})
		return
	}
	vendor := common.HexToAddress(deal.Vendor)
	if err := n.registry.Domain.CheckDecision(*d, vendor); err != nil {
		n.fail(w, err)
		return
	}
	// The order rests on a redemption of this deal with the nullifier the vendor confirmed
	// (searched from the deal's first post: an update strands no redemption), and its price is
	// that of the version the redemption was made under: the vendor cannot charge another.
	var price bazaar.Money
	priced := false
	if n.redemptions != nil {
		red, err := n.redemptions.FindRedemption(r.Context(), d.DealID, d.Nullifier.ToInt(), deal.RedemptionsFrom())
		if err != nil {
			if errors.Is(err, chain.ErrNoRedemption) {
				err = &bazaar.Error{Code: bazaar.ECodeInvalid, Message: "payment for an order no redemption backs: the confirmed nullifier was not spent on this deal", Err: err}
			}
			n.fail(w, err)
			return
		}
		price, priced = deal.PriceAt(red.Block)
		// Only the redeemer pays for its order (and earns its history): the redemption's payout
		// key signs for the paying account.
		pub, err := crypto.SigToPub(PayerDigest(n.chainID(), n.settlement.Address(), in.Order, in.Account).Bytes(), fixV(req.PayerProof))
		if err != nil || crypto.PubkeyToAddress(*pub) != red.Payout {
			n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "only the agent that redeemed the deal pays for its order: the payer proof is not signed by the redemption's payout key"))
			return
		}
	}
	if !priced {
		doc, err := bazaar.DecodeDeal(deal.Document)
		if err != nil {
			n.fail(w, err)
			return
		}
		price = doc.Pricing.DiscountedPrice
	}
	if d.Amount == nil || d.Amount.ToInt().Cmp(moneyUnits(price)) != 0 {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "the confirmed amount is not the deal's price (%s for the version redeemed)", formatUnits(moneyUnits(price))))
		return
	}
	if in.Order != d.Order || in.DealID != d.DealID || in.Vendor != vendor || in.Amount == nil || in.Amount.Cmp(d.Amount.ToInt()) != 0 {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "the intent does not pay the confirmed order (order, deal, vendor and amount must match the confirmation)"))
		return
	}
	if req.Receipt != nil && (len(req.Receipt.Key) != 32 || !bazaar.ValidMailbox(req.Receipt.Mailbox)) {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "receipt needs a mailbox and a 32-byte key"))
		return
	}
	if exited, err := n.settlement.ExitMode(r.Context()); err != nil || exited {
		if err == nil {
			err = &bazaar.Error{Code: bazaar.ECodeConflict, Message: "settlement is in exit mode (an account force-exited): it takes no more payments"}
		}
		n.fail(w, err)
		return
	}
	if hdr, err := n.backend.HeaderByNumber(r.Context(), nil); err == nil {
		n.settle.mu.Lock()
		n.settle.chainNow = time.Unix(int64(hdr.Time), 0)
		n.settle.mu.Unlock()
	}
	if stale := max(n.settle.staleness(), time.Since(n.settle.lastAt)); stale > n.paymentMargin() {
		n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "no settlement batch has landed for %s (the safety margin is %s of the %s exit delay): payments wait until one does",
			stale.Round(time.Second), n.paymentMargin(), n.exitDelay()))
		return
	}
	if err := n.settle.ledger.PayRedemption(*in, redemptionKey(d.DealID, d.Nullifier.ToInt())); err != nil {
		n.fail(w, err)
		return
	}
	if err := n.settle.save(); err != nil {
		n.fail(w, err)
		return
	}
	batch, _ := n.settle.ledger.Head()
	amount := (*hexutil.Big)(new(big.Int).Set(in.Amount))
	ctx := context.WithoutCancel(r.Context())
	if req.Receipt != nil {
		rc := bazaar.Receipt{Order: in.Order, DealID: in.DealID, Vendor: vendor, Amount: amount,
			Balance: (*hexutil.Big)(n.settle.ledger.Balance(in.Account)), Batch: batch + 1}
		if err := n.deliverOrderMessage(ctx, req.Receipt.Mailbox, req.Receipt.Key, nil, bazaar.OrderMessage{Type: bazaar.MsgReceipt, Receipt: &rc}); err != nil {
			n.log.Warn("receipt not delivered", "err", err)
		}
	}
	if k, ok := n.orderKeys.get(vendor); ok && n.registry.Domain.CheckOrderKey(k) == nil {
		// Signed by the attested matcher key: the vendor hands goods over on this notice, and
		// anyone could drop an unsigned one in its mailbox.
		notice, err := chain.SignPaymentNotice(n.mkeys.signer, new(big.Int).SetUint64(n.deployment.ChainID), n.settlement.Address(),
			bazaar.PaymentNotice{Vendor: vendor, Order: in.Order, DealID: in.DealID, Amount: amount, Batch: batch + 1})
		if err == nil {
			err = n.deliverOrderMessage(ctx, k.Mailbox, nil, k.Key, bazaar.OrderMessage{Type: bazaar.MsgPaid, Paid: &notice})
		}
		if err != nil {
			n.log.Warn("payment notice not delivered", "err", err)
		}
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"status": "accepted", "order": in.Order, "batch": batch + 1})
}

// deliverOrderMessage seals m for a mailbox, with a symmetric reply key (to an agent's
// pseudonym) or to an X25519 order key (to a vendor), and hands it to the relay.
func (n *Node) deliverOrderMessage(ctx context.Context, mailbox string, replyKey, orderKey []byte, m bazaar.OrderMessage) error {
	var sealed []byte
	var err error
	if replyKey != nil {
		js, jerr := json.Marshal(m)
		if jerr != nil {
			return jerr
		}
		sealed, err = bazaar.SealNotification(replyKey, js)
	} else {
		pub, perr := ecdh.X25519().NewPublicKey(orderKey)
		if perr != nil {
			return perr
		}
		sealed, err = bazaar.SealToKey(pub, m)
	}
	if err != nil {
		return err
	}
	return n.notify.Deliver(ctx, mailbox, sealed)
}

// AccountProof shows the matcher that the holder of an account key asks (for its statement, or
// for credentials from its settled history); nobody else learns the account's balance or history.
type AccountProof struct {
	Account common.Address `json:"account"`
	At      int64          `json:"at"` // unix seconds; within five minutes of the matcher's clock
	Sig     hexutil.Bytes  `json:"sig"`
}

// Account proof purposes.
const (
	purposeStatement = "bazaar statement request v1"
	purposeHistory   = "bazaar credential history v1"
)

func accountDigest(purpose string, chainID *big.Int, settlement, account common.Address, at int64) common.Hash {
	return crypto.Keccak256Hash([]byte(purpose+"\x00"), common.BigToHash(chainID).Bytes(), settlement[:], account[:], new(big.Int).SetInt64(at).Bytes())
}

// chainID is the deployment's chain id.
func (n *Node) chainID() *big.Int { return new(big.Int).SetUint64(n.deployment.ChainID) }

// SignAccountProof signs an account proof for purpose, now.
func SignAccountProof(key *ecdsa.PrivateKey, purpose string, chainID *big.Int, settlement common.Address) (AccountProof, error) {
	p := AccountProof{Account: crypto.PubkeyToAddress(key.PublicKey), At: time.Now().Unix()}
	sig, err := crypto.Sign(accountDigest(purpose, chainID, settlement, p.Account, p.At).Bytes(), key)
	p.Sig = sig
	return p, err
}

// Check verifies the proof is fresh and signed by the account for purpose.
func (p AccountProof) Check(purpose string, chainID *big.Int, settlement common.Address) error {
	if d := time.Since(time.Unix(p.At, 0)); d > 5*time.Minute || d < -5*time.Minute {
		return bazaar.Errorf(bazaar.ECodeInvalid, "account proof is stale: sign it with the current time")
	}
	digest := accountDigest(purpose, chainID, settlement, p.Account, p.At)
	if pub, err := crypto.SigToPub(digest[:], p.Sig); err != nil || crypto.PubkeyToAddress(*pub) != p.Account {
		return &bazaar.Error{Code: bazaar.ECodeSignature, Message: "account proof is not signed by the account", Err: bazaar.ErrBadSignature}
	}
	return nil
}

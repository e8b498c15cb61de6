package main

import (
	"bytes"
	"context"
	"crypto/ecdh"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/matcher"
)

// TestOrders_Flow walks the purchase phase from the command line on a development node as
// `bazaar dev` runs it: a demo agent, funded at start, redeems the example deal with a real proof bound to its pseudonym for the
// vendor, sends its acceptance sealed to the vendor's order key, the vendor reads it (checked
// on-chain) and confirms it, the agent pays and gets a receipt, the vendor is told the order is
// paid and checks the pickup code at the counter, a batch settles and the vendor withdraws.
// Along the way: payment before confirmation, a replayed acceptance, acceptances for an
// unredeemed nullifier or another's redemption, a confirmation signed by another key, and wrong,
// early or reused pickup codes are all refused.
func TestOrders_Flow(t *testing.T) {
	ctx := context.Background()
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", SeedDemo: true, FundDemo: true})
	defer n.Stop(ctx)
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	dealID := common.HexToHash(posted.DealID)
	waitRequirements(t, n, dealID, 1)
	vendor := chain.KeyAddress(chain.DevVendorKey)
	const demo = "demo-q1-high-l3"
	agentState, vendorState := t.TempDir(), t.TempDir()
	var out strings.Builder
	agent := func(args ...string) error {
		out.Reset()
		return run(ctx, append(args, "--node", n.URL(), "--demo", demo, "--state", agentState), &out, &out)
	}
	orders := func(args ...string) error {
		out.Reset()
		return run(ctx, append(append([]string{"vendor", "orders"}, args...), "--node", n.URL(), "--state", vendorState), &out, &out)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%v\n%s", err, out.String())
		}
	}
	refuse := func(err error, why string) {
		t.Helper()
		if err == nil || !strings.Contains(err.Error(), why) {
			t.Fatalf("want an error with %q, got %v\n%s", why, err, out.String())
		}
	}

	waitDeposit(t, n, chain.KeyAddress(demoAccountKey(demo)))
	if got := n.settle.ledger.Balance(chain.KeyAddress(demoAccountKey("demo-q7-low-l5"))); got.Cmp(usdc(50)) != 0 {
		t.Fatalf("a demo agent starts with %s, want 50.00", got)
	}
	refuse(agent("agent", "accept", posted.DealID), "agent redeem")
	must(run(ctx, []string{"agent", "redeem", posted.DealID, "--demo", demo, "--node", n.URL()}, &out, &out))
	must(agent("agent", "accept", posted.DealID, "--delivery", "table 4"))
	book, err := loadAgentBook(agentState, demoAgentID(demo))
	if err != nil || len(book.Orders) != 1 {
		t.Fatalf("agent's book: %v %d orders", err, len(book.Orders))
	}
	o := book.Orders[0]
	p := demoAgentID(demo).pseudonym(vendor)
	if o.Acceptance.Pseudonym != p.Address() || !strings.Contains(out.String(), o.PickupCode) {
		t.Fatalf("acceptance under %s, output %s", o.Acceptance.Pseudonym, out.String())
	}
	// What the vendor receives names neither the agent's account, nor its notification mailbox.
	js, _ := json.Marshal(o.Acceptance)
	for _, leak := range []string{chain.KeyAddress(demoAccountKey(demo)).Hex()[2:], bazaar.DemoMailbox(demo), demo} {
		if strings.Contains(strings.ToLower(string(js)), strings.ToLower(leak)) {
			t.Fatalf("the acceptance carries %q", leak)
		}
	}
	refuse(agent("agent", "accept", posted.DealID), "already accepted")
	must(orders())
	if !strings.Contains(out.String(), "new order "+short(o.Order)) {
		t.Fatalf("vendor did not file the order: %s", out.String())
	}
	refuse(agent("agent", "pay", posted.DealID), "not confirmed")

	// Acceptances the vendor must refuse, dropped straight into its mailbox.
	key, ok := n.orderKeys.get(vendor)
	if !ok {
		t.Fatal("the dev vendor's order key is not published")
	}
	pub, _ := ecdh.X25519().NewPublicKey(key.Key)
	drop := func(a bazaar.DealAcceptance) {
		t.Helper()
		sealed, err := bazaar.SealToKey(pub, bazaar.OrderMessage{Type: bazaar.MsgAcceptance, Acceptance: &a})
		if err != nil {
			t.Fatal(err)
		}
		if st, e := postRaw(t, n.URL()+"/relay/mailboxes/"+key.Mailbox, mustJSON(t, map[string]any{"sealed": json.RawMessage(sealed)})); st != 202 {
			t.Fatalf("drop: %d %+v", st, e)
		}
	}
	thief := demoAgentID("demo-q3-low-l1").pseudonym(vendor)
	sign := func(a bazaar.DealAcceptance, by bazaar.Pseudonym) bazaar.DealAcceptance {
		a.ReplyMailbox, a.ReplyKey, a.IssuedAt = by.MailboxID(), by.ReplyKey, time.Now().Unix()+1
		if err := a.Sign(by.Key); err != nil {
			t.Fatal(err)
		}
		return a
	}
	fakeNullifier := sign(o.Acceptance, thief)
	fakeNullifier.Nullifier = (*hexutil.Big)(big.NewInt(12345))
	fakeNullifier = sign(fakeNullifier, thief)
	noTx := o.Acceptance
	noTx.RedemptionTx = common.Hash{0xde, 0xad}
	noTx = sign(noTx, thief)
	drop(o.Acceptance)              // the same acceptance again (a relay's redelivery): taken already, no refusal
	drop(sign(o.Acceptance, p))     // replayed: the same redemption under another order
	drop(fakeNullifier)             // a nullifier nobody redeemed, pointing at a real redemption
	drop(noTx)                      // a transaction that redeemed nothing
	drop(sign(o.Acceptance, thief)) // someone else's redemption: the proof bound another payout
	must(orders())
	if got := strings.Count(out.String(), "unredeemed nullifier"); got != 2 {
		t.Fatalf("%d refusals for unredeemed nullifiers, want 2:\n%s", got, out.String())
	}
	for _, why := range []string{"replayed acceptance", "unredeemed nullifier", "the redemption's proof bound"} {
		if !strings.Contains(out.String(), why) {
			t.Fatalf("no refusal %q in:\n%s", why, out.String())
		}
	}
	if got := strings.Count(out.String(), "refused an acceptance"); got != 4 {
		t.Fatalf("%d refusals, want 4:\n%s", got, out.String())
	}
	if got := strings.Count(out.String(), "new order"); got != 0 {
		t.Fatalf("a bad acceptance became an order:\n%s", out.String())
	}

	// A confirmation signed by another key reaches the agent's pseudonym mailbox: ignored.
	other, _ := crypto.GenerateKey()
	forged, err := n.registry.Domain.SignDecision(other, bazaar.OrderDecision{Order: o.Order, DealID: dealID, Nullifier: o.Acceptance.Nullifier,
		Status: bazaar.OrderConfirmed, Amount: (*hexutil.Big)(big.NewInt(1))})
	if err != nil {
		t.Fatal(err)
	}
	forged.Vendor = vendor
	fjs, _ := json.Marshal(bazaar.OrderMessage{Type: bazaar.MsgDecision, Decision: &forged})
	fsealed, _ := bazaar.SealNotification(p.ReplyKey, fjs)
	if st, _ := postRaw(t, n.URL()+"/relay/mailboxes/"+p.MailboxID(), mustJSON(t, map[string]any{"sealed": json.RawMessage(fsealed)})); st != 202 {
		t.Fatal("forged decision not dropped")
	}
	must(agent("agent", "orders"))
	if !strings.Contains(out.String(), "ignored a decision") || !strings.Contains(out.String(), "sent") {
		t.Fatalf("the forged confirmation was taken:\n%s", out.String())
	}
	refuse(agent("agent", "pay", posted.DealID), "not confirmed")

	before, err := requestCredential(ctx, n.URL(), demo, "coffee")
	if err != nil {
		t.Fatal(err)
	}
	prefix := o.Order.Hex()[:12]
	must(orders("confirm", prefix))
	refuse(orders("confirm", prefix), "confirmed already")
	refuse(orders("check-code", prefix, o.PickupCode), "not paid")
	refuse(orders("check-code", prefix, "00000-00000"), "not paid") // says nothing of the code

	// Issue 19, finding 1: "paid" notices anyone can seal to the vendor's order key. Unsigned,
	// signed by a key the registry does not hold, or signed by the matcher for another amount,
	// vendor or deployment: each refused, the order stays confirmed and check-code says so.
	genuine := bazaar.PaymentNotice{Vendor: vendor, Order: o.Order, DealID: dealID, Amount: (*hexutil.Big)(usdc(4)), Batch: 1}
	chainID := new(big.Int).SetUint64(n.deployment.ChainID)
	signed := func(key *ecdsa.PrivateKey, nt bazaar.PaymentNotice, settlement common.Address) bazaar.PaymentNotice {
		t.Helper()
		out, err := chain.SignPaymentNotice(key, chainID, settlement, nt)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	dropPaid := func(nt bazaar.PaymentNotice) {
		t.Helper()
		sealed, err := bazaar.SealToKey(pub, bazaar.OrderMessage{Type: bazaar.MsgPaid, Paid: &nt})
		if err != nil {
			t.Fatal(err)
		}
		if st, e := postRaw(t, n.URL()+"/relay/mailboxes/"+key.Mailbox, mustJSON(t, map[string]any{"sealed": json.RawMessage(sealed)})); st != 202 {
			t.Fatalf("drop: %d %+v", st, e)
		}
	}
	stranger, _ := crypto.GenerateKey()
	otherAmount, otherVendor := genuine, genuine
	otherAmount.Amount = (*hexutil.Big)(usdc(1))
	otherVendor.Vendor = common.Address{0xbb}
	settlement := n.settlement.Address()
	dropPaid(genuine)                                            // unsigned, as anyone can send
	dropPaid(signed(stranger, genuine, settlement))              // signed by a key the registry does not hold
	dropPaid(signed(n.mkeys.signer, otherAmount, settlement))    // the matcher's, for another amount
	dropPaid(signed(n.mkeys.signer, otherVendor, settlement))    // the matcher's, for another vendor
	dropPaid(signed(n.mkeys.signer, genuine, common.Address{1})) // the matcher's, on another Settlement
	must(orders())
	if got := strings.Count(out.String(), "refused a payment notice"); got != 5 {
		t.Fatalf("%d payment notices refused, want 5:\n%s", got, out.String())
	}
	if strings.Contains(out.String(), " paid: ") {
		t.Fatalf("a forged notice marked the order paid:\n%s", out.String())
	}
	refuse(orders("check-code", prefix, o.PickupCode), "not paid")
	must(agent("agent", "pay", posted.DealID))
	if !strings.Contains(out.String(), "paid 4.00") || !strings.Contains(out.String(), "receipt: balance 46.00") {
		t.Fatalf("pay: %s", out.String())
	}
	refuse(agent("agent", "pay", posted.DealID), "already paid")
	must(orders())
	if !strings.Contains(out.String(), "order "+short(o.Order)+" paid: 4.00") {
		t.Fatalf("no payment notice for the vendor:\n%s", out.String())
	}
	// Handed over only once the payment's batch is on-chain.
	for deadline := time.Now().Add(20 * time.Second); ; {
		err := orders("check-code", prefix, "00000-00000")
		if err == nil {
			t.Fatal("a wrong code accepted")
		}
		if !strings.Contains(err.Error(), "not on-chain yet") {
			if !strings.Contains(err.Error(), "does not match") {
				t.Fatalf("wrong code: %v", err)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the payment's batch never landed: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	must(orders("check-code", prefix, o.PickupCode))
	refuse(orders("check-code", prefix, o.PickupCode), "already picked up")

	credit := waitCredit(t, n, vendor)
	if credit.Cumulative.ToInt().Cmp(usdc(4)) != 0 {
		t.Fatalf("vendor credit %s, want 4.00", credit.Cumulative)
	}
	must(run(ctx, []string{"vendor", "withdraw", "--vendor", vendor.Hex(), "--node", n.URL()}, &out, &out))
	if bal, _ := n.stablecoin.BalanceOf(ctx, vendor); bal.Cmp(usdc(4)) != 0 {
		t.Fatalf("vendor holds %s", bal)
	}

	// The settled purchase now counts towards the agent's credential: 4.00 more LTV.
	after, err := requestCredential(ctx, n.URL(), demo, "coffee")
	if err != nil {
		t.Fatal(err)
	}
	if after.LTV != before.LTV+400 || after.Loyalty != before.Loyalty {
		t.Fatalf("credential LTV %d → %d, loyalty %d → %d; want +400 cents, same level", before.LTV, after.LTV, before.Loyalty, after.Loyalty)
	}
	// On chain, the agent's account appears only in its (public) deposit; no block carries its
	// notification mailbox; its pseudonym appears only in its redemption, as the payout.
	scanChainPrivacy(t, n, chain.KeyAddress(demoAccountKey(demo)), p, [][]byte{[]byte(bazaar.DemoMailbox(demo)), []byte(p.MailboxID())})

	// Nobody but the account's key can have its history counted (or learn of it).
	_, mk, _, err := CheckMatcherKey(ctx, n.URL())
	if err != nil {
		t.Fatal(err)
	}
	forgedHistory, _ := SignAccountProof(other, purposeHistory, n.chainID(), n.settlement.Address())
	forgedHistory.Account = chain.KeyAddress(demoAccountKey(demo))
	sealed, _ := matcher.SealSignalJSON(mk.X25519, map[string]any{"credentialRequest": CredentialRequest{Demo: demo, Category: "coffee", History: &forgedHistory}})
	if st, _ := postRaw(t, n.URL()+"/credentials", mustJSON(t, map[string]any{"sealed": sealed})); st != 401 {
		t.Fatalf("credential request with another's history: %d", st)
	}
}

// depositSelector is Settlement.deposit(address,uint256).
var depositSelector = crypto.Keccak256([]byte("deposit(address,uint256)"))[:4]

// TestSettlement_ExitCLI: a demo agent keeps its balance statement; while the sequencer is alive
// the contract refuses the exit; once it has been silent for the exit delay the agent withdraws
// its balance with the statement alone, a second exit is refused, and the ledger takes no more
// payments.
func TestSettlement_ExitCLI(t *testing.T) {
	ctx := context.Background()
	const delay = 10 * time.Second // in chain time: the dev chain's clock moves a second a block when it mines fast
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", SeedDemo: true, BatchWait: 100 * time.Millisecond, ExitDelay: delay})
	defer n.Stop(ctx)
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, pricedDeal(t, 300))
	if err != nil {
		t.Fatal(err)
	}
	const demo = "demo-q1-medium-l3"
	state := t.TempDir()
	var out strings.Builder
	agent := func(args ...string) error {
		out.Reset()
		return run(ctx, append(args, "--node", n.URL(), "--demo", demo, "--state", state), &out, &out)
	}
	if err := agent("agent", "deposit", "10.00"); err != nil {
		t.Fatal(err)
	}
	account := chain.KeyAddress(demoAccountKey(demo))
	waitDeposit(t, n, account)
	// Issue 19, finding 3: a deposit is in a state root within the batch interval, no payment
	// needed — exitable from then on.
	statement := func(want string) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			err := agent("agent", "exit", "--statement-only")
			if err == nil && strings.Contains(out.String(), want) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("no statement with %q: %v\n%s", want, err, out.String())
			}
		}
	}
	statement("balance 10.00 as of batch")
	confirmOrder(t, n, state, demo, common.HexToHash(posted.DealID), usdc(3))
	if err := agent("agent", "pay", posted.DealID); err != nil {
		t.Fatalf("pay: %v\n%s", err, out.String())
	}
	waitCredit(t, n, chain.KeyAddress(chain.DevVendorKey))
	statement("balance 7.00 as of batch")
	payer := "0x" + common.Bytes2Hex(crypto.FromECDSA(chain.DevRelayerKey))
	// Issue 19, finding 2: idleness opens no exit. Two exit delays without a payment: the idle
	// sequencer's heartbeat batches keep it alive (an account that paid cannot take its money
	// back with an older statement, nor can any account halt settlement).
	chainTime := func() time.Time {
		t.Helper()
		h, err := n.backend.HeaderByNumber(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		return time.Unix(int64(h.Time), 0)
	}
	idle, wall := chainTime(), time.Now()
	for chainTime().Sub(idle) < 2*delay || time.Since(wall) < 2*time.Second {
		if err := agent("agent", "exit", "--payer-key", payer); err == nil || !strings.Contains(err.Error(), "sequencer is alive") {
			t.Fatalf("exit while the sequencer is alive and idle: %v\n%s", err, out.String())
		}
		time.Sleep(300 * time.Millisecond)
		if err := fund(ctx, n, common.HexToAddress("0xb10c")); err != nil { // a block, so the chain's clock moves
			t.Fatal(err)
		}
		if time.Since(wall) > time.Minute {
			t.Fatal("the chain's clock did not move")
		}
	}
	if id, _, _ := n.settlement.Head(ctx); id < 4 {
		t.Fatalf("batch %d after two idle exit delays: no heartbeats", id)
	}
	// The sequencer goes (the matcher's settlement stops): payments are refused once the last
	// batch is older than the margin, and exits open after the delay.
	statement("balance 7.00 as of batch")
	again, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, pricedDeal(t, 100))
	if err != nil {
		t.Fatal(err)
	}
	confirmOrder(t, n, state, demo, common.HexToHash(again.DealID), usdc(1))
	n.settle.stop()
	batchAt := time.Now()
	for stopped := chainTime(); chainTime().Sub(stopped) <= delay/2; {
		if err := fund(ctx, n, common.HexToAddress("0xb10c")); err != nil {
			t.Fatal(err)
		}
	}
	if err := agent("agent", "pay", again.DealID); err == nil || !strings.Contains(err.Error(), "no settlement batch has landed") {
		t.Fatalf("payment with no batch landed for half the exit delay: %v", err)
	}
	// Wait out the delay on the chain's clock (the dev chain's runs ahead when it mines many
	// blocks a second); a live chain makes blocks on its own, here each retry mines one.
	for {
		err := agent("agent", "exit", "--payer-key", payer)
		if err == nil {
			break
		}
		if !strings.Contains(err.Error(), "SequencerAlive") || time.Since(batchAt) > time.Minute {
			t.Fatalf("exit: %v\n%s", err, out.String())
		}
		time.Sleep(200 * time.Millisecond)
		if err := fund(ctx, n, common.HexToAddress("0xb10c")); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.Contains(out.String(), "exited: 7.00") {
		t.Fatalf("exit: %s", out.String())
	}
	if bal, _ := n.stablecoin.BalanceOf(ctx, account); bal.Cmp(usdc(7)) != 0 {
		t.Fatalf("account holds %s after its exit, want 7.00", bal)
	}
	if err := agent("agent", "exit", "--payer-key", payer); err == nil || !strings.Contains(err.Error(), "AlreadyExited") {
		t.Fatalf("second exit: %v", err)
	}
	if err := agent("agent", "pay", again.DealID); err == nil || !strings.Contains(err.Error(), "exit mode") {
		t.Fatalf("payment after an exit: %v", err)
	}
}

// scanChainPrivacy reads every block of n's chain: the agent's account appears only in its
// (public) deposit, which the scan must see; its pseudonym only in its redemption, as the
// payout; none of the secrets (mailbox ids, keys) anywhere.
func scanChainPrivacy(t *testing.T, n *Node, account common.Address, p bazaar.Pseudonym, secrets [][]byte) {
	t.Helper()
	ctx := context.Background()
	head, err := n.client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sawDeposit := false
	for b := uint64(0); b <= head; b++ {
		block, err := n.client.BlockByNumber(ctx, new(big.Int).SetUint64(b))
		if err != nil {
			t.Fatal(err)
		}
		for _, tx := range block.Transactions() {
			rcpt, err := n.client.TransactionReceipt(ctx, tx.Hash())
			if err != nil {
				t.Fatal(err)
			}
			seen := append([]byte(nil), tx.Data()...)
			for _, l := range rcpt.Logs {
				seen = append(seen, l.Data...)
				for _, tp := range l.Topics {
					seen = append(seen, tp[:]...)
				}
			}
			isDeposit := tx.To() != nil && *tx.To() == n.settlement.Address() && bytes.HasPrefix(tx.Data(), depositSelector)
			if bytes.Contains(seen, account.Bytes()) {
				if !isDeposit {
					t.Fatalf("block %d: the agent's account appears outside its deposit", b)
				}
				sawDeposit = true
			}
			for _, secret := range secrets {
				if bytes.Contains(seen, secret) {
					t.Fatalf("block %d carries one of the agent's secrets (%x…)", b, secret[:min(len(secret), 8)])
				}
			}
			if bytes.Contains(seen, p.Address().Bytes()) && !(tx.To() != nil && *tx.To() == n.redemptions.Address()) {
				t.Fatalf("block %d: the pseudonym appears outside its redemption", b)
			}
		}
	}
	if !sawDeposit {
		t.Fatal("the scan never saw the agent's deposit: it proves nothing")
	}
}

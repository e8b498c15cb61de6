package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ledger"
	"github.com/bazaar-market/bazaar/matcher"
	"github.com/bazaar-market/bazaar/prover"
)

// TestSettlement_GoTreesOnChain: on the dev chain, deposits feed the enclave's ledger, signed
// intents pay three vendors, and the registered matcher posts the ledger's batch; a vendor
// withdraws and, after the sequencer's silence, an account exits with the ledger's proofs; a
// proof for more than the credit is refused before any transaction.
func TestSettlement_GoTreesOnChain(t *testing.T) {
	ctx := context.Background()
	n := mustNode(t, t.TempDir())
	defer n.Stop(ctx)
	relayer := n.relayer
	usd, err := chain.DeployTestStablecoin(ctx, n.backend, relayer)
	if err != nil {
		t.Fatal(err)
	}
	st, err := chain.DeploySettlement(ctx, n.backend, relayer, usd.Address(), n.attest.Address(), 2)
	if err != nil {
		t.Fatal(err)
	}
	if err := usd.Mint(ctx, relayer, chain.KeyAddress(relayer), usdc(1000)); err != nil {
		t.Fatal(err)
	}
	if err := usd.Approve(ctx, relayer, st.Address(), usdc(1000)); err != nil {
		t.Fatal(err)
	}
	// Two agents' accounts (keys the agents hold; not their wallets) deposit 100 and 10.
	ak1, _ := crypto.GenerateKey()
	ak2, _ := crypto.GenerateKey()
	acct1, acct2 := chain.KeyAddress(ak1), chain.KeyAddress(ak2)
	led := ledger.New(big.NewInt(chain.DevChainID), st.Address())
	for _, d := range []struct {
		a common.Address
		v int64
	}{{acct1, 100}, {acct2, 10}} {
		if err := st.Deposit(ctx, relayer, d.a, usdc(d.v)); err != nil {
			t.Fatal(err)
		}
		led.Deposit(d.a, usdc(d.v)) // what the enclave does on each Deposited event
	}

	// Inside the enclave: account 1 pays three vendors 5, 10 and 15, each in two payments.
	vendorKeys := []string{"8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
		"92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e", "4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356"}
	var vendors []common.Address
	var amounts []*big.Int // every individual payment: none may reach the chain
	for i, k := range vendorKeys {
		key, _ := crypto.HexToECDSA(k)
		vendors = append(vendors, chain.KeyAddress(key))
		for j, part := range []int64{2 * int64(i+1), 3 * int64(i+1)} {
			amount := big.NewInt(part*1_000_000 + 1234) // odd cents, so sums differ from parts
			in, err := ledger.SignIntent(ak1, big.NewInt(chain.DevChainID), st.Address(), ledger.Intent{Account: acct1, Vendor: vendors[i], DealID: common.Hash{byte(i)}, Order: common.Hash{byte(i), byte(j), 1},
				Amount: amount, Nonce: uint64(10*i + j)})
			if err != nil {
				t.Fatal(err)
			}
			if err := led.Pay(in); err != nil {
				t.Fatal(err)
			}
			amounts = append(amounts, amount)
		}
	}
	plan, err := led.Plan()
	if err != nil {
		t.Fatal(err)
	}
	b := chain.Batch{Id: plan.ID, PrevRoot: plan.PrevRoot, NewRoot: plan.NewRoot, VendorRoot: plan.VendorRoot, DepositedSeen: plan.DepositedSeen}
	sig, err := st.SignBatch(ctx, n.mkeys.signer, b, plan.Vendors, plan.Totals)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PostBatch(ctx, relayer, b, plan.Vendors, plan.Totals, sig); err != nil {
		t.Fatalf("batch from the registered matcher: %v", err)
	}
	if err := led.Commit(plan); err != nil {
		t.Fatal(err)
	}
	t.Run("the batch carries no payment, payer or time", func(t *testing.T) {
		logs, err := n.client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{st.Address()}})
		if err != nil {
			t.Fatal(err)
		}
		var batch []byte // every byte of the batch's event and transaction (deposits are public by design)
		for _, l := range logs {
			if l.Topics[0] == depositedTopic {
				continue
			}
			batch = append(batch, l.Data...)
			for _, tp := range l.Topics {
				batch = append(batch, tp[:]...)
			}
			if tx, _, err := n.client.TransactionByHash(ctx, l.TxHash); err == nil {
				batch = append(batch, tx.Data()...)
			}
		}
		if !bytes.Contains(batch, common.LeftPadBytes(plan.Totals[0].Bytes(), 32)) {
			t.Fatal("the scan did not see the batch's per-vendor totals: it proves nothing")
		}
		for _, a := range amounts {
			if bytes.Contains(batch, common.LeftPadBytes(a.Bytes(), 32)) {
				t.Fatalf("a payment amount (%s) is on chain", a)
			}
		}
		for _, acct := range []common.Address{acct1, acct2} {
			if bytes.Contains(batch, acct.Bytes()) {
				t.Fatalf("account %s appears in the batch", acct)
			}
		}
	})
	vtree, btree := plan.Credits, plan.Balances

	// Vendor 2 withdraws its 10 with the Go proof; fund its gas first.
	v2, _ := crypto.HexToECDSA(vendorKeys[1])
	if err := fund(ctx, n, vendors[1]); err != nil {
		t.Fatal(err)
	}
	amt, proof, _ := vtree.Proof(vendors[1])
	if err := st.Withdraw(ctx, v2, vendors[1], new(big.Int).Add(amt, big.NewInt(1)), proof); err == nil || !strings.Contains(err.Error(), "BadProof") {
		t.Fatalf("withdrawal beyond credit: %v", err)
	}
	if err := st.Withdraw(ctx, v2, vendors[1], amt, proof); err != nil {
		t.Fatalf("vendor withdrawal with the Go proof: %v", err)
	}
	if bal, _ := usd.BalanceOf(ctx, vendors[1]); bal.Cmp(new(big.Int).Add(usdc(10), big.NewInt(2468))) != 0 {
		t.Fatalf("vendor holds %s", bal)
	}

	// The sequencer falls silent: account 1 exits with the Go balance proof.
	time.Sleep(3 * time.Second)
	bal, bproof, _ := btree.Proof(acct1)
	if err := st.Exit(ctx, relayer, acct1, bal, bproof); err != nil {
		t.Fatalf("forced exit with the Go proof: %v", err)
	}
	if got, _ := usd.BalanceOf(ctx, acct1); got.Cmp(new(big.Int).Sub(usdc(70), big.NewInt(6*1234))) != 0 { // 100 deposited, 30 paid
		t.Fatalf("account holds %s after exit", got)
	}
}

// usdc is whole test dollars in token units.
func usdc(v int64) *big.Int { return big.NewInt(v * 1_000_000) }

// fund sends a little dev ETH for gas.
func fund(ctx context.Context, n *Node, to common.Address) error {
	return chain.Transfer(ctx, n.backend, n.relayer, to, new(big.Int).Lsh(big.NewInt(1), 60))
}

// depositedTopic is the Settlement's Deposited event (deposits are public by design).
var depositedTopic = crypto.Keccak256Hash([]byte("Deposited(address,uint256)"))

// TestSettlement_DevFlow: on a development node an account deposits, the agent pays a confirmed
// order with a signed intent sealed to the matcher (POST /payments), a batch is posted on its
// own, and the vendor withdraws with the proof the node serves. Payments for unconfirmed orders,
// with confirmations not by the deal's vendor or for other amounts, replayed intents and second
// payments of an order are refused and change nothing.
func TestSettlement_DevFlow(t *testing.T) {
	ctx := context.Background()
	n := mustNode(t, t.TempDir())
	defer n.Stop(ctx)
	if n.settlement == nil {
		t.Fatal("dev node has no Settlement")
	}
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	dealID := common.HexToHash(posted.DealID)
	agent, _ := crypto.GenerateKey()
	account := chain.KeyAddress(agent)
	amount := big.NewInt(25_000_000)
	if err := n.stablecoin.Mint(ctx, n.relayer, chain.KeyAddress(n.relayer), amount); err != nil {
		t.Fatal(err)
	}
	if err := n.stablecoin.Approve(ctx, n.relayer, n.settlement.Address(), amount); err != nil {
		t.Fatal(err)
	}
	if err := n.settlement.Deposit(ctx, n.relayer, account, amount); err != nil {
		t.Fatal(err)
	}
	waitDeposit(t, n, account)
	vendor := chain.KeyAddress(chain.DevVendorKey)
	order := confirmOrder(t, n, t.TempDir(), "demo-q1-high-l3", dealID, big.NewInt(4_000_000))
	_, mk, _, err := CheckMatcherKey(ctx, n.URL())
	if err != nil {
		t.Fatal(err)
	}
	nonce := uint64(0)
	// The redeemer (the demo agent's pseudonym for the vendor) pays from this account: its
	// payout key signs for it. A stranger's signature is no payer proof.
	redeemer := demoAgentID("demo-q1-high-l3").pseudonym(vendor).Key
	stranger, _ := crypto.GenerateKey()
	payBy := func(signer *ecdsa.PrivateKey, in ledger.Intent, d *bazaar.OrderDecision) (int, apiError) {
		t.Helper()
		nonce++
		if in.Nonce == 0 {
			in.Nonce = nonce
		}
		signed, err := ledger.SignIntent(agent, n.chainID(), n.settlement.Address(), in)
		if err != nil {
			t.Fatal(err)
		}
		proof, err := crypto.Sign(PayerDigest(n.chainID(), n.settlement.Address(), in.Order, in.Account).Bytes(), signer)
		if err != nil {
			t.Fatal(err)
		}
		sealed, _ := matcher.SealSignalJSON(mk.X25519, PaymentRequest{Intent: &signed, Decision: d, PayerProof: proof})
		return postRaw(t, n.URL()+"/payments", mustJSON(t, map[string]any{"sealed": sealed}))
	}
	pay := func(in ledger.Intent, d *bazaar.OrderDecision) (int, apiError) {
		t.Helper()
		return payBy(redeemer, in, d)
	}
	intent := ledger.Intent{Account: account, Vendor: vendor, DealID: dealID, Order: order.Order, Amount: big.NewInt(4_000_000)}
	other, _ := crypto.GenerateKey()
	byOther, err := n.registry.Domain.SignDecision(other, *order.Decision)
	if err != nil {
		t.Fatal(err)
	}
	claimed := byOther
	claimed.Vendor = vendor // claims the vendor, signed by another key
	rejected, _ := n.registry.Domain.SignDecision(chain.DevVendorKey, bazaar.OrderDecision{Order: order.Order, DealID: dealID, Status: bazaar.OrderRejected, Amount: (*hexutil.Big)(new(big.Int)), Reason: "sold out"})
	cheaper := intent
	cheaper.Amount = big.NewInt(1_000_000)
	unbacked, _ := n.registry.Domain.SignDecision(chain.DevVendorKey, bazaar.OrderDecision{Order: order.Order, DealID: dealID, Nullifier: (*hexutil.Big)(big.NewInt(777)),
		Status: bazaar.OrderConfirmed, Amount: (*hexutil.Big)(big.NewInt(4_000_000))})
	for name, c := range map[string]struct {
		in     ledger.Intent
		d      *bazaar.OrderDecision
		status int
	}{
		"no confirmation":                  {intent, nil, 400},
		"rejected order":                   {intent, &rejected, 400},
		"confirmation by another key":      {intent, &byOther, 401},
		"confirmation claiming the vendor": {intent, &claimed, 401},
		"another amount than confirmed":    {cheaper, order.Decision, 400},
		"no redemption behind the order":   {intent, &unbacked, 400},
	} {
		if st, e := pay(c.in, c.d); st != c.status {
			t.Fatalf("%s: %d %+v, want %d", name, st, e, c.status)
		}
	}
	// Issue 19, finding 5: a payment on another agent's redemption (the payer proof not by the
	// redemption's payout key) is refused, so it earns no history.
	if st, e := payBy(stranger, intent, order.Decision); st != 400 || !strings.Contains(e.Error.Message, "only the agent that redeemed") {
		t.Fatalf("payment on another agent's redemption: %d %+v", st, e)
	}
	if n.settle.ledger.Pending() != 0 || n.settle.ledger.Balance(account).Cmp(amount) != 0 {
		t.Fatal("a refused payment changed the ledger")
	}
	fixed := intent
	fixed.Nonce = 1_000
	if st, e := pay(fixed, order.Decision); st != 202 {
		t.Fatalf("payment: %d %+v", st, e)
	}
	if st, _ := pay(fixed, order.Decision); st != 409 {
		t.Fatalf("replayed intent: %d", st)
	}
	if st, e := pay(intent, order.Decision); st != 409 || !strings.Contains(e.Error.Message, "already paid") {
		t.Fatalf("second payment of the order under a fresh nonce: %d %+v", st, e)
	}
	// A second order on the same redemption, confirmed by the vendor: one order per redemption.
	second, err := n.registry.Domain.SignDecision(chain.DevVendorKey, bazaar.OrderDecision{Order: common.Hash{0x5e, 0xc0}, DealID: dealID,
		Nullifier: order.Decision.Nullifier, Status: bazaar.OrderConfirmed, Amount: (*hexutil.Big)(big.NewInt(4_000_000))})
	if err != nil {
		t.Fatal(err)
	}
	again := intent
	again.Order = second.Order
	if st, e := pay(again, &second); st != 409 || !strings.Contains(e.Error.Message, "one order per redemption") {
		t.Fatalf("a second order on one redemption: %d %+v", st, e)
	}
	credit := waitCredit(t, n, vendor)
	if credit.Cumulative.ToInt().Int64() != 4_000_000 {
		t.Fatalf("vendor credit %s", credit.Cumulative)
	}
	if len(credit.Proof) != 0 {
		t.Fatalf("a one-vendor tree needs no proof: %v", credit.Proof)
	}
	// The vendor holds no gas: the node submits its withdrawal (the funds go to the vendor).
	var out strings.Builder
	if err := run(ctx, []string{"vendor", "withdraw", "--node", n.URL(), "--vendor", vendor.Hex()}, &out, &out); err != nil {
		t.Fatalf("vendor withdraw: %v\n%s", err, out.String())
	}
	if err := run(ctx, []string{"vendor", "withdraw", "--node", n.URL(), "--vendor", vendor.Hex()}, &out, &out); err == nil || !strings.Contains(err.Error(), "NothingToWithdraw") {
		t.Fatalf("second withdrawal: %v", err)
	}
	if bal, _ := n.stablecoin.BalanceOf(ctx, vendor); bal.Int64() != 4_000_000 {
		t.Fatalf("vendor holds %s", bal)
	}
}

// confirmOrder redeems a deal as a demo agent (a real proof, bound to its pseudonym for the dev
// vendor) and files in its order book (at state) the order the dev vendor confirmed for amount:
// what `agent redeem`, `agent accept` and `vendor orders confirm` leave behind.
func confirmOrder(t *testing.T, n *Node, state, demo string, dealID common.Hash, amount *big.Int) *agentOrder {
	t.Helper()
	ctx := context.Background()
	waitRequirements(t, n, dealID, 1)
	if _, err := Redeem(ctx, n.URL(), dealID, demo, common.Address{}, filepath.Join(os.TempDir(), "bazaar-prover")); err != nil {
		t.Fatalf("redeem as %s: %v", demo, err)
	}
	nullifier := prover.Hash(demoSecret(demo), prover.DealField(dealID))
	red, err := n.redemptions.FindRedemption(ctx, dealID, nullifier, 0)
	if err != nil {
		t.Fatal(err)
	}
	vendor := chain.KeyAddress(chain.DevVendorKey)
	p := demoAgentID(demo).pseudonym(vendor)
	code, _ := bazaar.NewPickupCode()
	a := bazaar.DealAcceptance{V: 1, DealID: dealID, Nullifier: (*hexutil.Big)(nullifier), RedemptionTx: red.Tx,
		PickupCodeHash: bazaar.PickupCodeHash(make([]byte, 32), code), CodeKey: make([]byte, 32), ReplyMailbox: p.MailboxID(), ReplyKey: p.ReplyKey, IssuedAt: time.Now().Unix()}
	if err := a.Sign(p.Key); err != nil {
		t.Fatal(err)
	}
	d, err := n.registry.Domain.SignDecision(chain.DevVendorKey, bazaar.OrderDecision{Order: a.OrderID(), DealID: dealID, Nullifier: a.Nullifier,
		Status: bazaar.OrderConfirmed, Amount: (*hexutil.Big)(amount)})
	if err != nil {
		t.Fatal(err)
	}
	book, err := loadAgentBook(state, demoAgentID(demo))
	if err != nil {
		t.Fatal(err)
	}
	o := &agentOrder{Order: a.OrderID(), Vendor: vendor, Acceptance: a, PickupCode: code, Decision: &d}
	book.Registry = n.registry.Domain.Registry
	book.Orders = append(book.Orders, o)
	if err := book.save(); err != nil {
		t.Fatal(err)
	}
	return o
}

// TestSettlement_CLI: the dev flow from the command line — a demo agent deposits (faucet), pays
// a confirmed order privately (a receipt comes back to its pseudonym's mailbox), the batch
// settles on its own, and the vendor withdraws; an order the vendor has not answered cannot be
// paid, and nor can one beyond the balance.
func TestSettlement_CLI(t *testing.T) {
	ctx := context.Background()
	n := mustNode(t, t.TempDir())
	defer n.Stop(ctx)
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	dealID := common.HexToHash(posted.DealID)
	second, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, pricedDeal(t, 2500))
	if err != nil {
		t.Fatal(err)
	}
	state := t.TempDir()
	var out strings.Builder
	cli := func(args ...string) error {
		return run(ctx, append(args, "--node", n.URL(), "--state", state), &out, &out)
	}
	if err := cli("agent", "deposit", "20.00", "--demo", "demo-q1-high-l3"); err != nil {
		t.Fatalf("deposit: %v\n%s", err, out.String())
	}
	account := chain.KeyAddress(demoAccountKey("demo-q1-high-l3"))
	waitDeposit(t, n, account)
	if err := cli("agent", "pay", second.DealID, "--demo", "demo-q1-high-l3"); err == nil || !strings.Contains(err.Error(), "no order") {
		t.Fatalf("paying a deal never accepted: %v", err)
	}
	confirmOrder(t, n, state, "demo-q1-high-l3", common.HexToHash(second.DealID), usdc(25))
	if err := cli("agent", "pay", second.DealID, "--demo", "demo-q1-high-l3"); err == nil || !strings.Contains(err.Error(), "exceeds") {
		t.Fatalf("paying beyond the balance: %v", err)
	}
	confirmOrder(t, n, state, "demo-q1-high-l3", dealID, usdc(4))
	if err := cli("agent", "pay", posted.DealID, "4.50", "--demo", "demo-q1-high-l3"); err == nil || !strings.Contains(err.Error(), "confirmed 4.00") {
		t.Fatalf("paying another amount than confirmed: %v", err)
	}
	out.Reset()
	if err := cli("agent", "pay", posted.DealID, "--demo", "demo-q1-high-l3"); err != nil {
		t.Fatalf("pay: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "receipt: balance 16.00") {
		t.Fatalf("no receipt: %s", out.String())
	}
	vendor := chain.KeyAddress(chain.DevVendorKey)
	waitCredit(t, n, vendor)
	if err := run(ctx, []string{"vendor", "withdraw", "--vendor", vendor.Hex(), "--node", n.URL()}, &out, &out); err != nil {
		t.Fatalf("withdraw: %v\n%s", err, out.String())
	}
	if bal, _ := n.stablecoin.BalanceOf(ctx, vendor); bal.Int64() != 4_000_000 {
		t.Fatalf("vendor holds %s test units, want 4.00 dollars", bal)
	}
}

// TestSettlement_LedgerSurvivesRestart: a payment accepted but not yet batched survives a node
// restart (the sealed ledger file) and settles afterwards; its intent stays spent.
func TestSettlement_LedgerSurvivesRestart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	n := mustStart(t, Config{DataDir: dir, RPCListen: "127.0.0.1:0", SeedDemo: true, BatchWait: time.Hour})
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, pricedDeal(t, 300))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	state := t.TempDir()
	if err := run(ctx, []string{"agent", "deposit", "10.00", "--demo", "demo-q1-high-l5", "--node", n.URL()}, &out, &out); err != nil {
		t.Fatal(err)
	}
	account := chain.KeyAddress(demoAccountKey("demo-q1-high-l5"))
	waitDeposit(t, n, account)
	confirmOrder(t, n, state, "demo-q1-high-l5", common.HexToHash(posted.DealID), usdc(3))
	if err := run(ctx, []string{"agent", "pay", posted.DealID, "--demo", "demo-q1-high-l5", "--node", n.URL(), "--state", state}, &out, &out); err != nil {
		t.Fatal(err)
	}
	if n.settle.ledger.Pending() != 1 {
		t.Fatalf("%d payments pending before the restart", n.settle.ledger.Pending())
	}
	n.Stop(ctx)

	n = mustStart(t, Config{DataDir: dir, RPCListen: "127.0.0.1:0", SeedDemo: true, BatchWait: 100 * time.Millisecond})
	defer n.Stop(ctx)
	if got := n.settle.ledger.Balance(account).Int64(); got != 7_000_000 {
		t.Fatalf("balance after restart %d, want 7.00 dollars", got)
	}
	vendor := chain.KeyAddress(chain.DevVendorKey)
	credit := waitCredit(t, n, vendor)
	if credit.Cumulative.ToInt().Int64() != 3_000_000 {
		t.Fatalf("vendor credit %s", credit.Cumulative)
	}
}

// TestSettlement_CrashAfterBatchTx: the node dies after its batch transaction and before its
// local commit; on restart it finds the batch on chain, commits it, serves withdrawal proofs
// against it and the next batch follows it.
func TestSettlement_CrashAfterBatchTx(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	n := mustStart(t, Config{DataDir: dir, RPCListen: "127.0.0.1:0", SeedDemo: true, BatchWait: time.Hour})
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, pricedDeal(t, 200))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	state := t.TempDir()
	cli := func(args ...string) {
		t.Helper()
		if err := run(ctx, append(args, "--node", n.URL(), "--state", state), &out, &out); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
	}
	cli("agent", "deposit", "10.00", "--demo", "demo-q1-medium-l1")
	account := chain.KeyAddress(demoAccountKey("demo-q1-medium-l1"))
	waitDeposit(t, n, account)
	confirmOrder(t, n, state, "demo-q1-medium-l1", common.HexToHash(posted.DealID), usdc(2))
	cli("agent", "pay", posted.DealID, "--demo", "demo-q1-medium-l1")

	// What postBatch does, stopped right after the transaction.
	s := n.settle
	plan, err := s.ledger.Plan()
	if err != nil {
		t.Fatal(err)
	}
	b := chain.Batch{Id: plan.ID, PrevRoot: plan.PrevRoot, NewRoot: plan.NewRoot, VendorRoot: plan.VendorRoot, DepositedSeen: plan.DepositedSeen}
	sig, err := n.settlement.SignBatch(ctx, n.mkeys.signer, b, plan.Vendors, plan.Totals)
	if err != nil {
		t.Fatal(err)
	}
	s.setInFlight(ledger.InFlightOf(plan))
	if err := s.save(); err != nil {
		t.Fatal(err)
	}
	if err := n.settlement.PostBatch(ctx, n.relayer, b, plan.Vendors, plan.Totals, sig); err != nil {
		t.Fatal(err)
	}
	n.Stop(ctx) // no local commit

	n = mustStart(t, Config{DataDir: dir, RPCListen: "127.0.0.1:0", SeedDemo: true, BatchWait: 100 * time.Millisecond})
	defer n.Stop(ctx)
	if id, root := n.settle.ledger.Head(); id != 1 || root != plan.NewRoot {
		t.Fatalf("ledger head after restart: %d %s, want the chain's batch 1", id, root)
	}
	var credit vendorCredit
	vendor := chain.KeyAddress(chain.DevVendorKey)
	if st := getJSON(t, n.URL()+"/settlement/vendors/"+vendor.Hex(), &credit); st != 200 || credit.Cumulative.ToInt().Int64() != 2_000_000 {
		t.Fatalf("vendor credit after restart: %d %v", st, credit.Cumulative)
	}
	again, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, pricedDeal(t, 100))
	if err != nil {
		t.Fatal(err)
	}
	confirmOrder(t, n, state, "demo-q1-medium-l1", common.HexToHash(again.DealID), usdc(1))
	cli("agent", "pay", again.DealID, "--demo", "demo-q1-medium-l1")
	deadline := time.Now().Add(30 * time.Second)
	for {
		if id, _ := n.settle.ledger.Head(); id == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the next batch did not follow the recovered one")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitDeposit waits until the node's ledger has taken an account's deposit.
func waitDeposit(t *testing.T, n *Node, account common.Address) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for n.settle.ledger.Balance(account).Sign() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the ledger never took the deposit")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// vendorCredit is GET /settlement/vendors/{vendor}.
type vendorCredit struct {
	Cumulative *hexutil.Big `json:"cumulative"`
	Proof      []string     `json:"proof"`
}

// waitCredit waits until a batch credits the vendor and returns the credit.
func waitCredit(t *testing.T, n *Node, vendor common.Address) vendorCredit {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var c vendorCredit
		if getJSON(t, n.URL()+"/settlement/vendors/"+vendor.Hex(), &c) == 200 {
			return c
		}
		if time.Now().After(deadline) {
			t.Fatal("no batch credited the vendor")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestSettlement_BatchDue: when the sequencer posts (issue 19, findings 2 and 3) — payments
// waiting, deposits no root holds yet after the batch interval, and a heartbeat when idle, by
// the wall's clock or the chain's; nothing otherwise.
func TestSettlement_BatchDue(t *testing.T) {
	const wait, heartbeat = time.Second, time.Minute
	now := time.Unix(1_800_000_000, 0)
	fresh := func() *settlementState {
		return &settlementState{ledger: ledger.New(big.NewInt(1), common.Address{1}), maxBatch: 100, maxWait: wait, lastAt: time.Now(),
			chainLast: now, chainNow: now}
	}
	s := fresh()
	if s.batchDue(heartbeat) {
		t.Fatal("due with nothing to do")
	}
	s.ledger.Deposit(common.Address{2}, big.NewInt(5))
	if s.batchDue(heartbeat) {
		t.Fatal("a deposit is due before the batch interval")
	}
	s.lastAt = time.Now().Add(-wait)
	if !s.batchDue(heartbeat) {
		t.Fatal("a deposit no root holds is not due after the batch interval")
	}
	plan, err := s.ledger.Plan()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ledger.Commit(plan); err != nil {
		t.Fatal(err)
	}
	if s.ledger.Unrooted() || s.batchDue(heartbeat) {
		t.Fatal("due again once the deposit is in a root")
	}
	s.chainNow = now.Add(heartbeat)
	if !s.batchDue(heartbeat) {
		t.Fatal("no heartbeat after a heartbeat of chain time")
	}
	s = fresh()
	s.lastAt = time.Now().Add(-heartbeat)
	if !s.batchDue(heartbeat) {
		t.Fatal("no heartbeat after a heartbeat of wall time")
	}
	if st := fresh(); st.staleness() != 0 {
		t.Fatalf("staleness %s of a fresh batch", st.staleness())
	}
}

// TestSettlement_PriceIsThePrice (issue 19, findings 4 and 6): a vendor confirming 45.00 for
// the 4.00 deal is paid nothing — the agent's CLI refuses to pay it and the matcher refuses the
// payment if sent anyway; after the vendor updates the deal to 5.00, the order redeemed under
// version 1 is neither stranded (its redemption is still found) nor repriced: 4.00 is paid,
// 5.00 refused.
func TestSettlement_PriceIsThePrice(t *testing.T) {
	ctx := context.Background()
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", SeedDemo: true, BatchWait: 100 * time.Millisecond})
	defer n.Stop(ctx)
	const demo = "demo-q1-high-l3"
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t)) // 4.00
	if err != nil {
		t.Fatal(err)
	}
	dealID := common.HexToHash(posted.DealID)
	var out strings.Builder
	state := t.TempDir()
	agent := func(args ...string) error {
		out.Reset()
		return run(ctx, append(args, "--node", n.URL(), "--demo", demo, "--state", state), &out, &out)
	}
	if err := agent("agent", "deposit", "50.00"); err != nil {
		t.Fatal(err)
	}
	account := chain.KeyAddress(demoAccountKey(demo))
	waitDeposit(t, n, account)
	order := confirmOrder(t, n, state, demo, dealID, usdc(45))
	if err := agent("agent", "pay", posted.DealID); err == nil || !strings.Contains(err.Error(), "the deal's price (the version redeemed) is 4.00") {
		t.Fatalf("the agent paid a 45.00 confirmation of a 4.00 deal: %v", err)
	}
	// Sent anyway, past the CLI: the matcher refuses it.
	pay := func(d *bazaar.OrderDecision) (int, apiError) {
		t.Helper()
		_, mk, _, err := CheckMatcherKey(ctx, n.URL())
		if err != nil {
			t.Fatal(err)
		}
		in, err := ledger.SignIntent(demoAccountKey(demo), n.chainID(), n.settlement.Address(), ledger.Intent{Account: account,
			Vendor: chain.KeyAddress(chain.DevVendorKey), DealID: dealID, Order: order.Order, Amount: d.Amount.ToInt(), Nonce: uint64(time.Now().UnixNano())})
		if err != nil {
			t.Fatal(err)
		}
		proof, err := crypto.Sign(PayerDigest(n.chainID(), n.settlement.Address(), in.Order, in.Account).Bytes(), demoAgentID(demo).pseudonym(chain.KeyAddress(chain.DevVendorKey)).Key)
		if err != nil {
			t.Fatal(err)
		}
		sealed, err := matcher.SealSignalJSON(mk.X25519, PaymentRequest{Intent: &in, Decision: d, PayerProof: proof})
		if err != nil {
			t.Fatal(err)
		}
		return postRaw(t, n.URL()+"/payments", mustJSON(t, map[string]any{"sealed": sealed}))
	}
	if st, e := pay(order.Decision); st != 400 || !strings.Contains(fmt.Sprint(e), "not the deal's price") {
		t.Fatalf("matcher took a 45.00 payment for a 4.00 deal: %d %v", st, e)
	}
	if bal := n.settle.ledger.Balance(account); bal.Cmp(usdc(50)) != 0 {
		t.Fatalf("balance %s after refused payments, want 50.00", bal)
	}

	// The vendor updates the deal to 5.00 (version 2).
	v2 := exampleDeal(t)
	v2.Pricing.BasePrice, v2.Pricing.DiscountedPrice, v2.Pricing.DiscountPercent = 500, 500, 0
	if _, err := VendorUpdate(ctx, n.URL(), chain.DevVendorKey, posted.DealID, v2); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if d, ok := n.index.Get(dealID); ok && d.Version == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the update never reached the index")
		}
	}
	redecide := func(amount *big.Int) *bazaar.OrderDecision {
		t.Helper()
		d := *order.Decision
		d.Amount = (*hexutil.Big)(amount)
		signed, err := n.registry.Domain.SignDecision(chain.DevVendorKey, d)
		if err != nil {
			t.Fatal(err)
		}
		return &signed
	}
	if st, e := pay(redecide(usdc(5))); st != 400 || !strings.Contains(fmt.Sprint(e), "not the deal's price (4.00") {
		t.Fatalf("an order redeemed under version 1 repriced to 5.00: %d %v", st, e)
	}
	book, err := loadAgentBook(state, demoAgentID(demo))
	if err != nil {
		t.Fatal(err)
	}
	book.byDeal(dealID).Decision = redecide(usdc(4))
	if err := book.save(); err != nil {
		t.Fatal(err)
	}
	if err := agent("agent", "pay", posted.DealID); err != nil || !strings.Contains(out.String(), "paid 4.00") {
		t.Fatalf("the order redeemed under version 1, at its price, after the update: %v\n%s", err, out.String())
	}
}

// TestSettlement_ContractExitDelay: heartbeats and the payment margin follow the Settlement
// contract's exit delay, not the node's flag (a manifest deployment sets its own).
func TestSettlement_ContractExitDelay(t *testing.T) {
	ctx := context.Background()
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", ExitDelay: 8 * time.Hour})
	defer n.Stop(ctx)
	if n.exitDelay() != 8*time.Hour || n.heartbeat() != 2*time.Hour || n.paymentMargin() != 4*time.Hour {
		t.Fatalf("exit delay %s, heartbeat %s, margin %s", n.exitDelay(), n.heartbeat(), n.paymentMargin())
	}
	n.cfg.ExitDelay = time.Hour // the flag says otherwise: the contract's delay wins
	if n.exitDelay() != 8*time.Hour {
		t.Fatalf("exit delay %s, want the contract's 8h", n.exitDelay())
	}
}

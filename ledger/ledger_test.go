package ledger_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar/ledger"
)

var (
	settlement = common.HexToAddress("0x5e771e")
	chainID    = big.NewInt(1337)
)

func pay(t *testing.T, l *ledger.Ledger, key string, vendor common.Address, amount int64, nonce uint64) error {
	t.Helper()
	k, _ := crypto.HexToECDSA(key)
	in, err := ledger.SignIntent(k, chainID, settlement, ledger.Intent{Account: crypto.PubkeyToAddress(k.PublicKey), Vendor: vendor,
		DealID: common.Hash{1}, Order: orderOf(key, nonce), Amount: big.NewInt(amount), Nonce: nonce})
	if err != nil {
		t.Fatal(err)
	}
	return l.Pay(in)
}

// orderOf names a distinct order for each account and nonce.
func orderOf(key string, nonce uint64) common.Hash {
	return crypto.Keccak256Hash([]byte(key), new(big.Int).SetUint64(nonce).Bytes())
}

const (
	aliceKey = "8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba"
	bobKey   = "92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e"
)

func account(key string) common.Address {
	k, _ := crypto.HexToECDSA(key)
	return crypto.PubkeyToAddress(k.PublicKey)
}

// TestLedger_Intents: payments debit the signer's balance once; replays, overdrafts, other
// signers and non-positive amounts change nothing.
func TestLedger_Intents(t *testing.T) {
	l := ledger.New(chainID, settlement)
	l.Deposit(account(aliceKey), big.NewInt(100))
	v := common.HexToAddress("0xA")
	if err := pay(t, l, aliceKey, v, 30, 1); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		err error
		run func() error
	}{
		"replayed":     {ledger.ErrReplayed, func() error { return pay(t, l, aliceKey, v, 30, 1) }},
		"over balance": {ledger.ErrOverBalance, func() error { return pay(t, l, aliceKey, v, 71, 2) }},
		"zero amount":  {ledger.ErrBadAmount, func() error { return pay(t, l, aliceKey, v, 0, 3) }},
		"no funds":     {ledger.ErrOverBalance, func() error { return pay(t, l, bobKey, v, 1, 1) }},
	} {
		if err := c.run(); !errors.Is(err, c.err) {
			t.Fatalf("%s: %v, want %v", name, err, c.err)
		}
	}
	// A second payment for an order already paid, under a fresh nonce.
	k, _ := crypto.HexToECDSA(aliceKey)
	again, _ := ledger.SignIntent(k, chainID, settlement, ledger.Intent{Account: account(aliceKey), Vendor: v, Order: orderOf(aliceKey, 1), Amount: big.NewInt(1), Nonce: 77})
	if err := l.Pay(again); !errors.Is(err, ledger.ErrOrderPaid) {
		t.Fatalf("order paid twice: %v", err)
	}
	noOrder, _ := ledger.SignIntent(k, chainID, settlement, ledger.Intent{Account: account(aliceKey), Vendor: v, Amount: big.NewInt(1), Nonce: 78})
	if err := l.Pay(noOrder); !errors.Is(err, ledger.ErrNoOrder) {
		t.Fatalf("intent without an order: %v", err)
	}
	// Signed by Bob, claiming Alice's account.
	k, _ = crypto.HexToECDSA(bobKey)
	forged, _ := ledger.SignIntent(k, chainID, settlement, ledger.Intent{Account: account(aliceKey), Vendor: v, Order: common.Hash{9}, Amount: big.NewInt(1), Nonce: 9})
	if err := l.Pay(forged); !errors.Is(err, ledger.ErrBadIntentSig) {
		t.Fatalf("forged intent: %v", err)
	}
	// Signed for another Settlement contract.
	other, _ := ledger.SignIntent(k, chainID, common.HexToAddress("0x0be"), ledger.Intent{Account: account(bobKey), Vendor: v, Order: common.Hash{9}, Amount: big.NewInt(1), Nonce: 9})
	if err := l.Pay(other); !errors.Is(err, ledger.ErrBadIntentSig) {
		t.Fatalf("intent for another contract: %v", err)
	}
	if b := l.Balance(account(aliceKey)); b.Int64() != 70 {
		t.Fatalf("balance %s, want 70", b)
	}
}

// TestLedger_Batches: a batch's totals are the vendors' payments since the last one; its trees
// prove every balance and cumulative credit; committing it starts the next from its root.
func TestLedger_Batches(t *testing.T) {
	l := ledger.New(chainID, settlement)
	l.Deposit(account(aliceKey), big.NewInt(100))
	l.Deposit(account(bobKey), big.NewInt(50))
	va, vb := common.HexToAddress("0xA"), common.HexToAddress("0xB")
	for i, p := range []struct {
		key    string
		vendor common.Address
		amount int64
	}{{aliceKey, va, 10}, {aliceKey, vb, 20}, {bobKey, va, 5}} {
		if err := pay(t, l, p.key, p.vendor, p.amount, uint64(i+1)); err != nil {
			t.Fatal(err)
		}
	}
	p1, err := l.Plan()
	if err != nil {
		t.Fatal(err)
	}
	if p1.ID != 1 || p1.DepositedSeen.Int64() != 150 || p1.Payments != 3 || len(p1.Vendors) != 2 {
		t.Fatalf("plan %+v", p1)
	}
	for i, v := range p1.Vendors {
		want := map[common.Address]int64{va: 15, vb: 20}[v]
		if p1.Totals[i].Int64() != want {
			t.Fatalf("vendor %s total %s, want %d", v, p1.Totals[i], want)
		}
	}
	amt, proof, _ := p1.Balances.Proof(account(aliceKey))
	if amt.Int64() != 70 || !ledger.Verify(p1.NewRoot, ledger.Entry{Addr: account(aliceKey), Amount: amt}, proof) {
		t.Fatal("Alice's balance does not prove against the new root")
	}
	if _, _, _, _, err := l.Statement(account(aliceKey)); err == nil {
		t.Fatal("a statement before any batch")
	}
	if err := l.Commit(p1); err != nil {
		t.Fatal(err)
	}
	if err := l.Commit(p1); err == nil {
		t.Fatal("the same batch committed twice")
	}
	if err := pay(t, l, bobKey, va, 5, 10); err != nil {
		t.Fatal(err)
	}
	// Settled history counts batched payments only.
	if h := l.HistoryOf(account(aliceKey)); h.Spent.Int64() != 30 || h.Orders != 2 {
		t.Fatalf("Alice's settled history %+v, want 30 over 2 orders", h)
	}
	if h := l.HistoryOf(account(bobKey)); h.Spent.Int64() != 5 || h.Orders != 1 {
		t.Fatalf("Bob's settled history %+v, want 5 over 1 order (the second is not batched)", h)
	}
	// Statements stay against the last batch's root while later payments wait.
	id, root, bal, sp, err := l.Statement(account(bobKey))
	if err != nil || id != 1 || root != p1.NewRoot || bal.Int64() != 45 || !ledger.Verify(root, ledger.Entry{Addr: account(bobKey), Amount: bal}, sp) {
		t.Fatalf("Bob's statement: batch %d balance %v err %v", id, bal, err)
	}
	p2, _ := l.Plan()
	if p2.ID != 2 || p2.PrevRoot != p1.NewRoot || len(p2.Vendors) != 1 || p2.Totals[0].Int64() != 5 {
		t.Fatalf("second plan %+v", p2)
	}
	c, cp, _ := p2.Credits.Proof(va)
	if c.Int64() != 20 || !ledger.Verify(p2.VendorRoot, ledger.Entry{Addr: va, Amount: c}, cp) {
		t.Fatalf("vendor A's cumulative credit %s does not prove", c)
	}
}

// TestLedger_SnapshotRestore: a restored ledger continues exactly: balances, spent nonces,
// pending credits and the batch chain.
func TestLedger_SnapshotRestore(t *testing.T) {
	l := ledger.New(chainID, settlement)
	l.Deposit(account(aliceKey), big.NewInt(100))
	va := common.HexToAddress("0xA")
	if err := pay(t, l, aliceKey, va, 10, 1); err != nil {
		t.Fatal(err)
	}
	p1, _ := l.Plan()
	if err := l.Commit(p1); err != nil {
		t.Fatal(err)
	}
	if err := pay(t, l, aliceKey, va, 5, 2); err != nil {
		t.Fatal(err)
	}
	snap, err := l.Snapshot(42, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := ledger.New(chainID, settlement)
	scanned, _, err := r.Restore(snap)
	if err != nil || scanned != 42 {
		t.Fatalf("restore: %d %v", scanned, err)
	}
	if err := pay(t, r, aliceKey, va, 1, 2); !errors.Is(err, ledger.ErrReplayed) {
		t.Fatalf("a spent nonce after restore: %v", err)
	}
	k, _ := crypto.HexToECDSA(aliceKey)
	again, _ := ledger.SignIntent(k, chainID, settlement, ledger.Intent{Account: account(aliceKey), Vendor: va, Order: orderOf(aliceKey, 1), Amount: big.NewInt(1), Nonce: 99})
	if err := r.Pay(again); !errors.Is(err, ledger.ErrOrderPaid) {
		t.Fatalf("a paid order after restore: %v", err)
	}
	if h := r.HistoryOf(account(aliceKey)); h.Spent.Int64() != 10 || h.Orders != 1 {
		t.Fatalf("history after restore %+v", h)
	}
	if id, root, bal, _, err := r.Statement(account(aliceKey)); err != nil || id != 1 || root != p1.NewRoot || bal.Int64() != 90 {
		t.Fatalf("statement after restore: batch %d balance %v err %v", id, bal, err)
	}
	if r.Balance(account(aliceKey)).Int64() != 85 || r.Pending() != 1 {
		t.Fatalf("restored balance %s, pending %d", r.Balance(account(aliceKey)), r.Pending())
	}
	p2, _ := r.Plan()
	if p2.ID != 2 || p2.PrevRoot != p1.NewRoot || p2.Totals[0].Int64() != 5 {
		t.Fatalf("restored plan %+v", p2)
	}
	c, _, _ := p2.Credits.Proof(va)
	if c.Int64() != 15 {
		t.Fatalf("cumulative credit %s, want 15", c)
	}
}

// TestLedger_Unrooted: deposits taken since the last batch are unrooted until a batch commits
// them, across a snapshot and restore too (the sequencer batches them within its interval).
func TestLedger_Unrooted(t *testing.T) {
	l := ledger.New(chainID, common.Address{9})
	if l.Unrooted() {
		t.Fatal("an empty ledger has deposits to root")
	}
	l.Deposit(common.Address{1}, big.NewInt(10))
	if !l.Unrooted() {
		t.Fatal("a deposit is not unrooted")
	}
	p, err := l.Plan()
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Commit(p); err != nil {
		t.Fatal(err)
	}
	if l.Unrooted() {
		t.Fatal("a committed batch left the deposit unrooted")
	}
	snap, err := l.Snapshot(7, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := ledger.New(chainID, common.Address{9})
	if _, _, err := r.Restore(snap); err != nil {
		t.Fatal(err)
	}
	if r.Unrooted() {
		t.Fatal("restored ledger forgot its rooted deposits")
	}
	r.Deposit(common.Address{2}, big.NewInt(1))
	if !r.Unrooted() {
		t.Fatal("a deposit after the restore is not unrooted")
	}
}

// TestLedger_OneOrderPerRedemption: a second order on the same redemption is refused and
// changes nothing; the paid redemption survives a snapshot.
func TestLedger_OneOrderPerRedemption(t *testing.T) {
	key, _ := crypto.GenerateKey()
	acct := crypto.PubkeyToAddress(key.PublicKey)
	l := ledger.New(chainID, settlement)
	l.Deposit(acct, big.NewInt(100))
	red := common.Hash{0xee}
	pay := func(l *ledger.Ledger, order common.Hash, nonce uint64) error {
		in, err := ledger.SignIntent(key, chainID, settlement, ledger.Intent{Account: acct, Vendor: common.Address{7}, Order: order, Amount: big.NewInt(10), Nonce: nonce})
		if err != nil {
			t.Fatal(err)
		}
		return l.PayRedemption(in, red)
	}
	if err := pay(l, common.Hash{1}, 1); err != nil {
		t.Fatal(err)
	}
	if err := pay(l, common.Hash{2}, 2); !errors.Is(err, ledger.ErrRedemptionPaid) {
		t.Fatalf("second order on one redemption: %v", err)
	}
	if l.Balance(acct).Int64() != 90 || l.Pending() != 1 {
		t.Fatal("the refused payment changed the ledger")
	}
	snap, err := l.Snapshot(1, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := ledger.New(chainID, settlement)
	if _, _, err := r.Restore(snap); err != nil {
		t.Fatal(err)
	}
	if err := pay(r, common.Hash{3}, 3); !errors.Is(err, ledger.ErrRedemptionPaid) {
		t.Fatalf("after a restore: %v", err)
	}
}

// TestLedger_ChainBound: an intent signed for the same Settlement address on another chain is
// refused (issue 19, finding 7: chain id in every signed intent).
func TestLedger_ChainBound(t *testing.T) {
	key, _ := crypto.GenerateKey()
	acct := crypto.PubkeyToAddress(key.PublicKey)
	l := ledger.New(chainID, settlement)
	l.Deposit(acct, big.NewInt(100))
	in := ledger.Intent{Account: acct, Vendor: common.Address{7}, Order: common.Hash{1}, Amount: big.NewInt(10), Nonce: 1}
	elsewhere, err := ledger.SignIntent(key, big.NewInt(10), settlement, in)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Pay(elsewhere); !errors.Is(err, ledger.ErrBadIntentSig) {
		t.Fatalf("an intent for chain 10 paid on chain %s: %v", chainID, err)
	}
	here, _ := ledger.SignIntent(key, chainID, settlement, in)
	if err := l.Pay(here); err != nil {
		t.Fatal(err)
	}
}

// TestLedger_OrdersPerVendor: an order id is paid once per vendor — another vendor's order of
// the same id is not blocked by it — and orders a ledger of the earlier format recorded by id
// alone stay paid after a restore.
func TestLedger_OrdersPerVendor(t *testing.T) {
	key, _ := crypto.GenerateKey()
	acct := crypto.PubkeyToAddress(key.PublicKey)
	l := ledger.New(chainID, settlement)
	l.Deposit(acct, big.NewInt(100))
	pay := func(l *ledger.Ledger, vendor common.Address, order common.Hash, nonce uint64) error {
		in, _ := ledger.SignIntent(key, chainID, settlement, ledger.Intent{Account: acct, Vendor: vendor, Order: order, Amount: big.NewInt(1), Nonce: nonce})
		return l.Pay(in)
	}
	order := common.Hash{0x0d}
	if err := pay(l, common.Address{1}, order, 1); err != nil {
		t.Fatal(err)
	}
	if err := pay(l, common.Address{2}, order, 2); err != nil {
		t.Fatalf("another vendor's order with the same id: %v", err)
	}
	if err := pay(l, common.Address{1}, order, 3); !errors.Is(err, ledger.ErrOrderPaid) {
		t.Fatalf("the same vendor's order again: %v", err)
	}
	legacy := ledger.New(chainID, settlement)
	if _, _, err := legacy.Restore([]byte(`{"balances":{"` + acct.Hex() + `":100},"orders":["` + order.Hex() + `"],"deposited":100}`)); err != nil {
		t.Fatal(err)
	}
	if err := pay(legacy, common.Address{1}, order, 4); !errors.Is(err, ledger.ErrOrderPaid) {
		t.Fatalf("an order the earlier format recorded paid again: %v", err)
	}
}

package ledger

import (
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
)

// Intent is an agent's payment, signed by its account key and sealed to the enclave: the chain
// never sees it. Nonce orders an account's intents (each used once).
type Intent struct {
	Account common.Address `json:"account"`
	Vendor  common.Address `json:"vendor"`
	DealID  common.Hash    `json:"dealId"`
	Order   common.Hash    `json:"order"` // the order the vendor confirmed (bazaar.DealAcceptance.OrderID)
	Amount  *big.Int       `json:"amount"`
	Nonce   uint64         `json:"nonce"`
	Sig     []byte         `json:"sig"`
}

// Digest is what the account key signs (domain-separated, bound to one chain and one Settlement
// contract: the same address on another chain is another ledger).
func (in Intent) Digest(chainID *big.Int, settlement common.Address) common.Hash {
	var amt [32]byte
	if in.Amount != nil && in.Amount.Sign() >= 0 && in.Amount.BitLen() <= 256 {
		in.Amount.FillBytes(amt[:])
	}
	var nonce [8]byte
	for i := range 8 {
		nonce[7-i] = byte(in.Nonce >> (8 * i))
	}
	return crypto.Keccak256Hash([]byte("bazaar payment intent v3\x00"), common.BigToHash(chainID).Bytes(), settlement[:], in.Account[:], in.Vendor[:], in.DealID[:], in.Order[:], amt[:], nonce[:])
}

// Intent errors.
var (
	ErrBadIntentSig   = &bazaar.Error{Code: bazaar.ECodeSignature, Message: "intent is not signed by its account"}
	ErrReplayed       = &bazaar.Error{Code: bazaar.ECodeConflict, Message: "intent nonce already used"}
	ErrOverBalance    = &bazaar.Error{Code: bazaar.ECodeInvalid, Message: "intent exceeds the account's balance"}
	ErrBadAmount      = &bazaar.Error{Code: bazaar.ECodeInvalid, Message: "intent amount must be positive"}
	ErrNoOrder        = &bazaar.Error{Code: bazaar.ECodeInvalid, Message: "intent names no order"}
	ErrOrderPaid      = &bazaar.Error{Code: bazaar.ECodeConflict, Message: "this order is already paid"}
	ErrRedemptionPaid = &bazaar.Error{Code: bazaar.ECodeConflict, Message: "an order on this redemption is already paid: one order per redemption"}
)

// Ledger holds account balances and vendor credits inside the enclave and turns accepted
// payments into batches. It is safe for concurrent use.
type Ledger struct {
	chainID    *big.Int
	settlement common.Address

	mu            sync.Mutex
	balances      map[common.Address]*big.Int
	nonces        map[common.Address]map[uint64]bool
	orders        map[common.Hash]bool        // orders paid, keyed by vendor and order (orderKey)
	legacyOrders  map[common.Hash]bool        // orders paid before keys named the vendor (by order id)
	redemptions   map[common.Hash]bool        // redemptions whose order is paid
	unbatched     []payment                   // payments since the last batch, in order
	history       map[common.Address]*History // settled purchases per account
	settled       map[common.Address]*big.Int // balances as of the last batch (exit proofs)
	credits       map[common.Address]*big.Int // cumulative, as posted in the vendor root
	pending       map[common.Address]*big.Int // credits since the last batch
	deposited     *big.Int                    // deposits seen on chain
	rootDeposited *big.Int                    // the deposits the last batch's root holds (nil: none)
	batchID       uint64
	root          common.Hash // state root after the last batch
	payments      int         // payments since the last batch
}

// New returns an empty ledger for a Settlement contract.
func New(chainID *big.Int, settlement common.Address) *Ledger {
	return &Ledger{chainID: new(big.Int).Set(chainID), settlement: settlement, balances: map[common.Address]*big.Int{}, nonces: map[common.Address]map[uint64]bool{},
		orders: map[common.Hash]bool{}, legacyOrders: map[common.Hash]bool{}, redemptions: map[common.Hash]bool{}, settled: map[common.Address]*big.Int{}, history: map[common.Address]*History{},
		credits: map[common.Address]*big.Int{}, pending: map[common.Address]*big.Int{}, deposited: new(big.Int)}
}

// Deposit credits an account with a deposit seen on chain (a Deposited event).
func (l *Ledger) Deposit(account common.Address, amount *big.Int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.balances[account] = new(big.Int).Add(l.balance(account), amount)
	l.deposited.Add(l.deposited, amount)
}

func (l *Ledger) balance(a common.Address) *big.Int {
	if b := l.balances[a]; b != nil {
		return b
	}
	return new(big.Int)
}

// Balance is an account's balance.
func (l *Ledger) Balance(a common.Address) *big.Int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return new(big.Int).Set(l.balance(a))
}

// Pay applies a signed intent: the account's signature, a fresh nonce, an order not paid before,
// a positive amount within its balance. Nothing changes when it is refused. (That the vendor
// confirmed the order for this amount is the caller's check.)
func (l *Ledger) Pay(in Intent) error { return l.PayRedemption(in, common.Hash{}) }

// PayRedemption is Pay for an order resting on a redemption (a key naming the deal and the
// nullifier, zero for none): one order per redemption is paid, so a redemption cannot be turned
// into several settled purchases (each would count towards the payer's LTV and loyalty).
func (l *Ledger) PayRedemption(in Intent, redemption common.Hash) error {
	if in.Amount == nil || in.Amount.Sign() <= 0 {
		return ErrBadAmount
	}
	if in.Order == (common.Hash{}) {
		return ErrNoOrder
	}
	pub, err := crypto.SigToPub(in.Digest(l.chainID, l.settlement).Bytes(), in.Sig)
	if err != nil || crypto.PubkeyToAddress(*pub) != in.Account {
		return ErrBadIntentSig
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.nonces[in.Account][in.Nonce] {
		return ErrReplayed
	}
	key := orderKey(in.Vendor, in.Order)
	if l.orders[key] || l.legacyOrders[in.Order] {
		return ErrOrderPaid
	}
	if redemption != (common.Hash{}) && l.redemptions[redemption] {
		return ErrRedemptionPaid
	}
	bal := l.balance(in.Account)
	if bal.Cmp(in.Amount) < 0 {
		return ErrOverBalance
	}
	if l.nonces[in.Account] == nil {
		l.nonces[in.Account] = map[uint64]bool{}
	}
	l.nonces[in.Account][in.Nonce] = true
	l.orders[key] = true
	if redemption != (common.Hash{}) {
		l.redemptions[redemption] = true
	}
	l.balances[in.Account] = new(big.Int).Sub(bal, in.Amount)
	p := l.pending[in.Vendor]
	if p == nil {
		p = new(big.Int)
	}
	l.pending[in.Vendor] = p.Add(p, in.Amount)
	l.payments++
	l.unbatched = append(l.unbatched, payment{Account: in.Account, Amount: new(big.Int).Set(in.Amount)})
	return nil
}

// orderKey names an order paid to a vendor: order ids are per vendor, so one vendor's order
// cannot block another's with the same id.
func orderKey(vendor common.Address, order common.Hash) common.Hash {
	return crypto.Keccak256Hash(vendor.Bytes(), order.Bytes())
}

// payment is what a batch's commit adds to an account's settled history.
type payment struct {
	Account common.Address `json:"account"`
	Amount  *big.Int       `json:"amount"`
}

// History is an account's settled purchases: what its credentials (LTV, loyalty) are issued from.
type History struct {
	Spent  *big.Int `json:"spent"`
	Orders int      `json:"orders"`
}

// HistoryOf is an account's settled history (payments in posted batches).
func (l *Ledger) HistoryOf(account common.Address) History {
	l.mu.Lock()
	defer l.mu.Unlock()
	if h := l.history[account]; h != nil {
		return History{Spent: new(big.Int).Set(h.Spent), Orders: h.Orders}
	}
	return History{Spent: new(big.Int)}
}

// SignIntent signs an intent with the account's key (what an agent does).
func SignIntent(key *ecdsa.PrivateKey, chainID *big.Int, settlement common.Address, in Intent) (Intent, error) {
	sig, err := crypto.Sign(in.Digest(chainID, settlement).Bytes(), key)
	if err != nil {
		return in, err
	}
	in.Sig = sig
	return in, nil
}

// Unrooted reports whether deposits were taken since the last batch: balances no state root
// holds yet, so no exit could return them until the next batch.
func (l *Ledger) Unrooted() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	rooted := l.rootDeposited
	if rooted == nil {
		rooted = new(big.Int)
	}
	return l.deposited.Cmp(rooted) != 0
}

// Pending is the number of payments not yet in a batch.
func (l *Ledger) Pending() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.payments
}

// BatchPlan is the next batch: its header fields, the per-vendor totals since the last batch,
// and the trees exits and withdrawals are proven against.
type BatchPlan struct {
	ID            uint64
	PrevRoot      common.Hash
	NewRoot       common.Hash
	VendorRoot    common.Hash
	DepositedSeen *big.Int
	Vendors       []common.Address
	Totals        []*big.Int
	Balances      *Tree
	Credits       *Tree
	Payments      int
	Settled       map[common.Address]*big.Int // the balances NewRoot commits to
}

// Plan builds the next batch from the payments since the last one, without committing it.
func (l *Ledger) Plan() (*BatchPlan, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	p := &BatchPlan{ID: l.batchID + 1, PrevRoot: l.root, DepositedSeen: new(big.Int).Set(l.deposited), Payments: l.payments}
	for v := range l.pending {
		p.Vendors = append(p.Vendors, v)
	}
	sort.Slice(p.Vendors, func(i, j int) bool { return p.Vendors[i].Cmp(p.Vendors[j]) < 0 })
	credits := map[common.Address]*big.Int{}
	for v, c := range l.credits {
		credits[v] = new(big.Int).Set(c)
	}
	for _, v := range p.Vendors {
		t := new(big.Int).Set(l.pending[v])
		p.Totals = append(p.Totals, t)
		if credits[v] == nil {
			credits[v] = new(big.Int)
		}
		credits[v].Add(credits[v], t)
	}
	var bal, cred []Entry
	p.Settled = map[common.Address]*big.Int{}
	for a, b := range l.balances {
		bal = append(bal, Entry{Addr: a, Amount: new(big.Int).Set(b)})
		p.Settled[a] = new(big.Int).Set(b)
	}
	for v, c := range credits {
		cred = append(cred, Entry{Addr: v, Amount: c})
	}
	var err error
	if p.Balances, err = NewTree(bal); err != nil {
		return nil, err
	}
	if p.Credits, err = NewTree(cred); err != nil {
		return nil, err
	}
	p.NewRoot, p.VendorRoot = p.Balances.Root(), p.Credits.Root()
	return p, nil
}

// Commit records a plan as posted (after the contract accepted it).
func (l *Ledger) Commit(p *BatchPlan) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if p.ID != l.batchID+1 || p.PrevRoot != l.root {
		return fmt.Errorf("ledger: batch %d does not follow batch %d", p.ID, l.batchID)
	}
	for i, v := range p.Vendors {
		c := l.credits[v]
		if c == nil {
			c = new(big.Int)
		}
		l.credits[v] = c.Add(c, p.Totals[i])
		rest := new(big.Int).Sub(l.pending[v], p.Totals[i])
		if rest.Sign() == 0 {
			delete(l.pending, v)
		} else {
			l.pending[v] = rest
		}
	}
	l.batchID, l.root = p.ID, p.NewRoot
	if p.DepositedSeen != nil {
		l.rootDeposited = new(big.Int).Set(p.DepositedSeen)
	}
	l.payments -= p.Payments
	n := min(p.Payments, len(l.unbatched))
	for _, pm := range l.unbatched[:n] {
		h := l.history[pm.Account]
		if h == nil {
			h = &History{Spent: new(big.Int)}
			l.history[pm.Account] = h
		}
		h.Spent.Add(h.Spent, pm.Amount)
		h.Orders++
	}
	l.unbatched = append([]payment(nil), l.unbatched[n:]...)
	if p.Settled != nil {
		l.settled = p.Settled
	}
	return nil
}

// Statement is an account's balance as of the last batch and its proof against that batch's
// state root: what Settlement.exit takes if the sequencer stops.
func (l *Ledger) Statement(account common.Address) (batch uint64, root common.Hash, balance *big.Int, proof [][32]byte, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.settled[account] == nil {
		return 0, common.Hash{}, nil, nil, &bazaar.Error{Code: bazaar.ECodeNotFound, Message: "no settled balance for this account yet", Err: bazaar.ErrNotFound}
	}
	var es []Entry
	for a, b := range l.settled {
		es = append(es, Entry{Addr: a, Amount: new(big.Int).Set(b)})
	}
	t, err := NewTree(es)
	if err != nil {
		return 0, common.Hash{}, nil, nil, err
	}
	if t.Root() != l.root {
		return 0, common.Hash{}, nil, nil, fmt.Errorf("ledger: settled balances do not match root of batch %d", l.batchID)
	}
	balance, proof, err = t.Proof(account)
	return l.batchID, l.root, balance, proof, err
}

// snapshot is the ledger's persistent form.
type snapshot struct {
	Balances      map[common.Address]*big.Int `json:"balances"`
	Nonces        map[common.Address][]uint64 `json:"nonces"`
	Credits       map[common.Address]*big.Int `json:"credits"`
	Pending       map[common.Address]*big.Int `json:"pending"`
	Deposited     *big.Int                    `json:"deposited"`
	BatchID       uint64                      `json:"batchId"`
	Root          common.Hash                 `json:"root"`
	Payments      int                         `json:"payments"`
	Scanned       uint64                      `json:"scanned"`
	Orders        []common.Hash               `json:"orders"`
	VendorOrders  []common.Hash               `json:"vendorOrders,omitempty"`
	Unbatched     []payment                   `json:"unbatched"`
	History       map[common.Address]*History `json:"history"`
	Settled       map[common.Address]*big.Int `json:"settled"`
	InFlight      *InFlight                   `json:"inFlight,omitempty"`
	RootDeposited *big.Int                    `json:"rootDeposited,omitempty"`
	Redemptions   []common.Hash               `json:"redemptions,omitempty"`
}

// InFlight is a batch sent to the chain but not yet committed here: after a crash, Restore's
// caller commits it if the chain holds it.
type InFlight struct {
	ID            uint64                      `json:"id"`
	PrevRoot      common.Hash                 `json:"prevRoot"`
	NewRoot       common.Hash                 `json:"newRoot"`
	Vendors       []common.Address            `json:"vendors"`
	Totals        []*big.Int                  `json:"totals"`
	Payments      int                         `json:"payments"`
	Settled       map[common.Address]*big.Int `json:"settled"`
	DepositedSeen *big.Int                    `json:"depositedSeen,omitempty"`
}

// InFlightOf summarises a plan for the snapshot.
func InFlightOf(p *BatchPlan) *InFlight {
	return &InFlight{ID: p.ID, PrevRoot: p.PrevRoot, NewRoot: p.NewRoot, Vendors: p.Vendors, Totals: p.Totals, Payments: p.Payments, Settled: p.Settled,
		DepositedSeen: p.DepositedSeen}
}

// Plan turns an in-flight summary back into a plan Commit accepts (without trees).
func (f *InFlight) Plan() *BatchPlan {
	return &BatchPlan{ID: f.ID, PrevRoot: f.PrevRoot, NewRoot: f.NewRoot, Vendors: f.Vendors, Totals: f.Totals, Payments: f.Payments, Settled: f.Settled,
		DepositedSeen: f.DepositedSeen}
}

// Snapshot serialises the ledger with the last chain block whose deposits it holds and the
// batch in flight, if any.
func (l *Ledger) Snapshot(scanned uint64, inFlight *InFlight) ([]byte, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := snapshot{Balances: l.balances, Nonces: map[common.Address][]uint64{}, Credits: l.credits, Pending: l.pending,
		Deposited: l.deposited, BatchID: l.batchID, Root: l.root, Payments: l.payments, Scanned: scanned, InFlight: inFlight, Settled: l.settled,
		Unbatched: l.unbatched, History: l.history, RootDeposited: l.rootDeposited}
	for o := range l.legacyOrders {
		s.Orders = append(s.Orders, o)
	}
	for o := range l.orders {
		s.VendorOrders = append(s.VendorOrders, o)
	}
	for r := range l.redemptions {
		s.Redemptions = append(s.Redemptions, r)
	}
	for a, ns := range l.nonces {
		for n := range ns {
			s.Nonces[a] = append(s.Nonces[a], n)
		}
	}
	return json.Marshal(s)
}

// Restore loads a snapshot into an empty ledger and returns its scanned block and the batch
// that was in flight.
func (l *Ledger) Restore(b []byte) (uint64, *InFlight, error) {
	var s snapshot
	if err := json.Unmarshal(b, &s); err != nil {
		return 0, nil, fmt.Errorf("ledger snapshot: %w", err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	orEmpty := func(m map[common.Address]*big.Int) map[common.Address]*big.Int {
		if m == nil {
			return map[common.Address]*big.Int{}
		}
		return m
	}
	l.balances, l.credits, l.pending, l.settled = orEmpty(s.Balances), orEmpty(s.Credits), orEmpty(s.Pending), orEmpty(s.Settled)
	l.unbatched, l.history = s.Unbatched, s.History
	if l.history == nil {
		l.history = map[common.Address]*History{}
	}
	l.orders, l.legacyOrders = map[common.Hash]bool{}, map[common.Hash]bool{}
	for _, o := range s.Orders {
		l.legacyOrders[o] = true
	}
	for _, o := range s.VendorOrders {
		l.orders[o] = true
	}
	l.redemptions = map[common.Hash]bool{}
	for _, r := range s.Redemptions {
		l.redemptions[r] = true
	}
	l.nonces = map[common.Address]map[uint64]bool{}
	for a, ns := range s.Nonces {
		l.nonces[a] = map[uint64]bool{}
		for _, n := range ns {
			l.nonces[a][n] = true
		}
	}
	if s.Deposited == nil {
		s.Deposited = new(big.Int)
	}
	l.deposited, l.batchID, l.root, l.payments = s.Deposited, s.BatchID, s.Root, s.Payments
	l.rootDeposited = s.RootDeposited
	return s.Scanned, s.InFlight, nil
}

// Head is the last committed batch id and state root.
func (l *Ledger) Head() (uint64, common.Hash) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.batchID, l.root
}

// CreditsTree is the tree of vendors' cumulative credits as of the last committed batch.
func (l *Ledger) CreditsTree() (*Tree, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var es []Entry
	for v, c := range l.credits {
		es = append(es, Entry{Addr: v, Amount: new(big.Int).Set(c)})
	}
	return NewTree(es)
}

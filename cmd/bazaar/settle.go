package main

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ledger"
)

// settlementState is the in-process matcher's private payment ledger and its chain side
// (development: the enclave is this process). The ledger is saved sealed (AES-256-GCM under the
// enclave's store key) after every change, so a restart loses nothing it accepted.
type settlementState struct {
	saveMu   sync.Mutex
	inFlight *ledger.InFlight // a batch sent but not yet committed (guarded by saveMu)
	path     string
	aead     cipher.AEAD
	mu       sync.Mutex
	ledger   *ledger.Ledger
	last     *ledger.BatchPlan // the last batch posted: its trees answer withdrawal proofs
	lastAt   time.Time
	scanned  uint64 // last block whose Deposited events the ledger took
	maxBatch int
	maxWait  time.Duration
	stop     context.CancelFunc // ends the settlement loop (the node's Stop does too): the sequencer is gone
	// chainLast is the chain's lastBatchAt (block time of the last batch, or of the deployment)
	// and chainNow the newest block's time: heartbeats and the payment margin count in chain
	// time, which exits are judged by (a dev chain's clock runs ahead of the wall's when it
	// mines many blocks a second). Guarded by mu.
	chainLast, chainNow time.Time
	exitDelay           time.Duration // the contract's, read at start
}

// setupSettlement starts the in-process matcher's ledger on the deployment's Settlement: the
// one a manifest names, or on the embedded dev chain one it deploys (with a test token) the
// first time.
func (n *Node) setupSettlement(ctx, runCtx context.Context) error {
	if n.mkeys == nil || n.attest == nil || n.relayer == nil {
		return nil
	}
	d := n.deployment
	fresh := d.Settlement == (common.Address{})
	if fresh && n.dev == nil {
		return nil // an external chain: its Settlement comes deployed (contracts/script/Deploy.s.sol)
	}
	if fresh {
		usd, err := chain.DeployTestStablecoin(ctx, n.backend, n.relayer)
		if err != nil {
			return err
		}
		st, err := chain.DeploySettlement(ctx, n.backend, n.relayer, usd.Address(), n.attest.Address(), uint64(n.cfg.ExitDelay/time.Second))
		if err != nil {
			return err
		}
		head, err := n.backend.BlockNumber(ctx)
		if err != nil {
			return err
		}
		d.Stablecoin, d.Settlement, d.SettlementBlock = usd.Address(), st.Address(), head
		if err := n.saveDeployment(d); err != nil {
			return err
		}
	}
	n.settlement = chain.NewSettlement(n.backend, d.Settlement)
	n.stablecoin = chain.NewStablecoin(n.backend, d.Stablecoin)
	if fresh && n.cfg.FundDemo && len(n.demo) > 0 {
		var accounts []common.Address
		for _, a := range n.demo {
			accounts = append(accounts, chain.KeyAddress(demoAccountKey(a.Mailbox)))
		}
		if err := n.faucet(ctx, big.NewInt(50_000_000), accounts...); err != nil {
			return fmt.Errorf("fund demo agents: %w", err)
		}
	}
	s := &settlementState{ledger: ledger.New(new(big.Int).SetUint64(d.ChainID), d.Settlement), scanned: d.SettlementBlock, maxBatch: 100, maxWait: n.cfg.BatchWait,
		lastAt: time.Now(), path: filepath.Join(n.cfg.DataDir, "matcher", "ledger.sealed")}
	key, _, err := storeKey(n.snp, filepath.Join(n.cfg.DataDir, "matcher"))
	if err != nil {
		return err
	}
	block, err := aes.NewCipher(key[:])
	if err != nil {
		return err
	}
	if s.aead, err = cipher.NewGCM(block); err != nil {
		return err
	}
	if box, err := os.ReadFile(s.path); err == nil {
		ns := s.aead.NonceSize()
		if len(box) < ns {
			return errors.New("ledger file is truncated")
		}
		plain, err := s.aead.Open(nil, box[:ns], box[ns:], []byte("bazaar ledger v1"))
		if err != nil {
			return errors.New("ledger file does not open under the enclave's key")
		}
		var inFlight *ledger.InFlight
		if s.scanned, inFlight, err = s.ledger.Restore(plain); err != nil {
			return err
		}
		// A batch sent before a crash: commit it if the chain took it.
		if inFlight != nil {
			id, root, err := n.settlement.Head(ctx)
			if err != nil {
				return err
			}
			if id == inFlight.ID && root == inFlight.NewRoot {
				if err := s.ledger.Commit(inFlight.Plan()); err != nil {
					return err
				}
			}
		}
		if err := s.save(); err != nil {
			return err
		}
	}
	// Withdrawal proofs are against the chain's vendor root: the credits as of the last batch.
	if id, _ := s.ledger.Head(); id > 0 {
		tree, err := s.ledger.CreditsTree()
		if err != nil {
			return err
		}
		s.last = &ledger.BatchPlan{ID: id, Credits: tree}
	}
	// The heartbeat and the payment margin count from the last batch the chain holds.
	if at, delay, err := n.settlement.Timing(ctx); err == nil {
		s.chainLast, s.chainNow, s.exitDelay = at, at, delay
	}
	n.settle = s
	loopCtx, stop := context.WithCancel(runCtx)
	s.stop = stop
	go n.settlementLoop(loopCtx)
	return nil
}

func (s *settlementState) setInFlight(f *ledger.InFlight) {
	s.saveMu.Lock()
	s.inFlight = f
	s.saveMu.Unlock()
}

// save writes the ledger sealed, atomically, with the batch in flight if any.
func (s *settlementState) save() error {
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	plain, err := s.ledger.Snapshot(s.scanned, s.inFlight)
	if err != nil {
		return err
	}
	nonce := make([]byte, s.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return err
	}
	box := s.aead.Seal(nonce, nonce, plain, []byte("bazaar ledger v1"))
	tmp := s.path + ".tmp"
	if err := os.WriteFile(tmp, box, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, s.path)
}

// settlementLoop takes deposits from the chain and posts a batch when enough payments wait or
// the oldest has waited long enough.
func (n *Node) settlementLoop(ctx context.Context) {
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s := n.settle
		var head uint64
		hdr, err := n.backend.HeaderByNumber(ctx, nil)
		if err == nil {
			head = hdr.Number.Uint64()
			s.mu.Lock()
			s.chainNow = time.Unix(int64(hdr.Time), 0)
			s.mu.Unlock()
		}
		if err == nil && head > s.scanned {
			deps, err := n.settlement.Deposits(ctx, s.scanned+1, head)
			if err == nil {
				for _, d := range deps {
					s.ledger.Deposit(d.Account, d.Amount)
				}
				s.scanned = head
				if len(deps) > 0 {
					if err := s.save(); err != nil {
						n.log.Warn("ledger not saved", "err", err)
					}
				}
			}
		}
		if !s.batchDue(n.heartbeat()) {
			continue
		}
		if exited, err := n.settlement.ExitMode(ctx); err == nil && exited {
			n.log.Warn("settlement is in exit mode: an account force-exited; no more batches")
			return
		}
		if err := n.postBatch(ctx); err != nil {
			n.log.Warn("settlement batch not posted", "err", err)
		}
	}
}

// batchDue reports whether the next batch should go now: enough payments wait, or payments or
// deposits no root holds yet have waited the batch interval (so every deposit is exitable within
// it), or the chain has seen no batch for a heartbeat (an idle sequencer still proves it is alive,
// so the exit window opens only when it is truly gone).
func (s *settlementState) batchDue(heartbeat time.Duration) bool {
	s.mu.Lock()
	since, idle := time.Since(s.lastAt), s.chainNow.Sub(s.chainLast)
	s.mu.Unlock()
	pending := s.ledger.Pending()
	switch {
	case pending >= s.maxBatch:
		return true
	case (pending > 0 || s.ledger.Unrooted()) && since >= s.maxWait:
		return true
	}
	return since >= heartbeat || idle >= heartbeat
}

// staleness is how long, in chain time, the chain has held no new batch.
func (s *settlementState) staleness() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return max(s.chainNow.Sub(s.chainLast), 0)
}

// heartbeat is how long an idle sequencer waits between batches: a quarter of the exit delay,
// so exits open only after four heartbeats in a row failed to land.
func (n *Node) heartbeat() time.Duration { return n.exitDelay() / 4 }

// exitDelay is the Settlement contract's exit delay (a manifest deployment's may differ from
// this node's --exit-delay, which only sets it on the contracts a dev node deploys).
func (n *Node) exitDelay() time.Duration {
	if n.settle != nil && n.settle.exitDelay > 0 {
		return n.settle.exitDelay
	}
	return n.cfg.ExitDelay
}

// paymentMargin is how stale the last landed batch may be for the matcher to take a payment:
// half the exit delay. A payment taken is in a batch within the batch interval; if batches have
// not landed for this long something is wrong, and a payment taken now might not reach the
// chain before exits open (the payer could then take the money back with an older statement).
func (n *Node) paymentMargin() time.Duration { return n.exitDelay() / 2 }

func (n *Node) postBatch(ctx context.Context) error {
	s := n.settle
	plan, err := s.ledger.Plan()
	if err != nil {
		return err
	}
	b := chain.Batch{Id: plan.ID, PrevRoot: plan.PrevRoot, NewRoot: plan.NewRoot, VendorRoot: plan.VendorRoot, DepositedSeen: plan.DepositedSeen}
	sig, err := n.settlement.SignBatch(ctx, n.mkeys.signer, b, plan.Vendors, plan.Totals)
	if err != nil {
		return err
	}
	// Saved as in flight first: if this process dies after the transaction, the restart
	// commits the batch the chain holds instead of building a conflicting one.
	s.setInFlight(ledger.InFlightOf(plan))
	if err := s.save(); err != nil {
		return err
	}
	if err := n.settlement.PostBatch(ctx, n.relayer, b, plan.Vendors, plan.Totals, sig); err != nil {
		s.setInFlight(nil) // refused or not sent: nothing to reconcile (a restart checks the chain anyway)
		return err
	}
	if err := s.ledger.Commit(plan); err != nil {
		return err
	}
	s.setInFlight(nil)
	if err := s.save(); err != nil {
		return err
	}
	at, _, err := n.settlement.Timing(ctx)
	s.mu.Lock()
	s.last, s.lastAt = plan, time.Now()
	if err == nil {
		s.chainLast = at
	}
	s.mu.Unlock()
	n.log.Info("settlement batch posted", "batch", plan.ID, "payments", plan.Payments, "vendors", len(plan.Vendors))
	return nil
}

// Statement is an account's balance as of the last batch and its proof: what
// Settlement.exit takes if the sequencer stops posting batches.
type Statement struct {
	Account common.Address `json:"account"`
	Batch   uint64         `json:"batch"`
	Root    common.Hash    `json:"root"`
	Balance *hexutil.Big   `json:"balance"`
	Proof   []common.Hash  `json:"proof"`
}

// statement answers POST /settlement/statements with an AccountProof for the statement.
func (n *Node) statement(w http.ResponseWriter, r *http.Request) {
	if n.settle == nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "this node runs no settlement ledger"))
		return
	}
	var req AccountProof
	if err := decodeBody(r, &req); err != nil {
		n.fail(w, err)
		return
	}
	if err := req.Check(purposeStatement, n.chainID(), n.settlement.Address()); err != nil {
		n.fail(w, err)
		return
	}
	batch, root, bal, proof, err := n.settle.ledger.Statement(req.Account)
	if err != nil {
		n.fail(w, err)
		return
	}
	st := Statement{Account: req.Account, Batch: batch, Root: root, Balance: (*hexutil.Big)(bal)}
	for _, p := range proof {
		st.Proof = append(st.Proof, common.Hash(p))
	}
	writeJSON(w, http.StatusOK, st)
}

// vendorCredit answers GET /settlement/vendors/{vendor}: the vendor's cumulative credit in the
// last batch and its proof, for Settlement.withdraw.
func (n *Node) vendorCredit(w http.ResponseWriter, r *http.Request) {
	if n.settle == nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "this node runs no settlement ledger"))
		return
	}
	s := r.PathValue("vendor")
	if !common.IsHexAddress(s) {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "vendor must be a 0x address"))
		return
	}
	batch, amount, proof, err := n.settle.creditProof(common.HexToAddress(s))
	if err != nil {
		n.fail(w, err)
		return
	}
	var ps []string
	for _, p := range proof {
		ps = append(ps, hexutil.Encode(p[:]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"vendor": common.HexToAddress(s).Hex(), "batch": batch,
		"cumulative": (*hexutil.Big)(new(big.Int).Set(amount)), "proof": ps})
}

// creditProof is a vendor's cumulative credit in the last batch and its proof.
func (s *settlementState) creditProof(vendor common.Address) (uint64, *big.Int, [][32]byte, error) {
	s.mu.Lock()
	last := s.last
	s.mu.Unlock()
	if last == nil {
		return 0, nil, nil, &bazaar.Error{Code: bazaar.ECodeNotFound, Message: "no batch yet", Err: bazaar.ErrNotFound}
	}
	amount, proof, err := last.Credits.Proof(vendor)
	if err != nil {
		return 0, nil, nil, &bazaar.Error{Code: bazaar.ECodeNotFound, Message: "no credit for this vendor", Err: bazaar.ErrNotFound}
	}
	return last.ID, amount, proof, nil
}

// postWithdrawal answers POST /settlement/withdrawals {"vendor"}: the node submits the vendor's
// withdrawal with the proof from the last batch and pays the gas; the funds go to the vendor.
func (n *Node) postWithdrawal(w http.ResponseWriter, r *http.Request) {
	if n.settle == nil || n.readOnly(w) {
		if n.settle == nil {
			n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "this node runs no settlement ledger"))
		}
		return
	}
	var req struct {
		Vendor common.Address `json:"vendor"`
	}
	if err := decodeBody(r, &req); err != nil {
		n.fail(w, err)
		return
	}
	_, amount, proof, err := n.settle.creditProof(req.Vendor)
	if err != nil {
		n.fail(w, err)
		return
	}
	if err := n.settlement.Withdraw(r.Context(), n.relayer, req.Vendor, amount, proof); err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"vendor": req.Vendor.Hex(), "cumulative": (*hexutil.Big)(amount)})
}

// runVendorWithdraw: `bazaar vendor withdraw --vendor ADDR [--node URL]`: the node submits the
// withdrawal of everything batches credited the vendor.
func runVendorWithdraw(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("vendor withdraw", flag.ContinueOnError)
	fs.SetOutput(stderr)
	node := fs.String("node", "http://127.0.0.1:8080", "node API URL")
	vendor := fs.String("vendor", chain.KeyAddress(chain.DevVendorKey).Hex(), "vendor address (paid out)")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if !common.IsHexAddress(*vendor) {
		return fmt.Errorf("--vendor %q is not an address", *vendor)
	}
	var out struct {
		Cumulative *hexutil.Big `json:"cumulative"`
	}
	if err := apiCall(ctx, http.MethodPost, strings.TrimRight(*node, "/")+"/settlement/withdrawals", map[string]any{"vendor": *vendor}, &out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "withdrawn: %s paid to %s (all batches have credited so far)\n", formatUnits(out.Cumulative.ToInt()), *vendor)
	return nil
}

// demoAccountKey is a demo agent's settlement account key, derived from its name (development
// only: anyone can derive it).
func demoAccountKey(name string) *ecdsa.PrivateKey {
	h := sha256.Sum256([]byte("bazaar demo account key (development only): " + name))
	k, err := crypto.ToECDSA(h[:])
	if err != nil {
		panic(err) // a SHA-256 output is a valid secp256k1 key with overwhelming probability
	}
	return k
}

// tokenUnits converts a dollar amount ("12.50") to the test token's 6-decimal units.
func tokenUnits(s string) (*big.Int, error) {
	var m bazaar.Money
	if err := m.UnmarshalJSON([]byte(s)); err != nil || m <= 0 {
		return nil, fmt.Errorf("amount %q: want a positive dollar amount like 12.50", s)
	}
	return moneyUnits(m), nil
}

// devDeposit answers POST /dev/deposits {"account","amount"}: on a development node the relayer
// mints test dollars and deposits them for the account (a faucet; development only).
func (n *Node) devDeposit(w http.ResponseWriter, r *http.Request) {
	if (n.dev == nil && !n.devToken) || n.settle == nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "deposits by faucet exist only with a development token"))
		return
	}
	var req struct {
		Account common.Address `json:"account"`
		Amount  string         `json:"amount"`
	}
	if err := decodeBody(r, &req); err != nil {
		n.fail(w, err)
		return
	}
	amt, err := tokenUnits(req.Amount)
	if err != nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "%v", err))
		return
	}
	err = n.faucet(r.Context(), amt, req.Account)
	if err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"account": req.Account.Hex(), "amount": (*hexutil.Big)(amt)})
}

// faucet mints test dollars to the relayer and deposits amount for each account (development).
func (n *Node) faucet(ctx context.Context, amount *big.Int, accounts ...common.Address) error {
	total := new(big.Int).Mul(amount, big.NewInt(int64(len(accounts))))
	if err := n.stablecoin.Mint(ctx, n.relayer, chain.KeyAddress(n.relayer), total); err != nil {
		return err
	}
	if err := n.stablecoin.Approve(ctx, n.relayer, n.settlement.Address(), total); err != nil {
		return err
	}
	for _, a := range accounts {
		if err := n.settlement.Deposit(ctx, n.relayer, a, amount); err != nil {
			return err
		}
	}
	return nil
}

// runAgentDeposit: `bazaar agent deposit AMOUNT [--demo NAME | --key FILE] [--wallet]`: a
// deposit into the agent's settlement account, by the development faucet, or (--wallet) from
// the account's own tokens: an approve and a deposit the account signs and pays gas for.
func runAgentDeposit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("agent deposit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var af agentFlags
	af.register(fs)
	wallet := fs.Bool("wallet", false, "deposit the account's own tokens (it pays the gas) instead of asking the dev faucet")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errors.New("usage: bazaar agent deposit AMOUNT [--demo NAME | --key FILE] [--wallet]")
	}
	id, err := af.identity(stderr)
	if err != nil {
		return err
	}
	account := chain.KeyAddress(id.account)
	base := strings.TrimRight(af.node, "/")
	if *wallet {
		amount, err := tokenUnits(pos[0])
		if err != nil {
			return err
		}
		if err := walletDeposit(ctx, base, id.account, amount); err != nil {
			return err
		}
	} else if err := apiCall(ctx, http.MethodPost, base+"/dev/deposits", map[string]any{"account": account, "amount": pos[0]}, nil); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "deposited %s into the settlement account %s\n", pos[0], account.Hex())
	return nil
}

// walletDeposit approves the Settlement contract the node names for amount of its token and
// deposits it, both signed by key. The token is the contract's own (read from the chain), and
// a balance short of amount is refused before any transaction.
func walletDeposit(ctx context.Context, base string, key *ecdsa.PrivateKey, amount *big.Int) error {
	c, err := dialNodeChain(ctx, base)
	if err != nil {
		return err
	}
	defer c.Close()
	if c.settlement == (common.Address{}) {
		return errors.New("the node names no Settlement contract")
	}
	st := chain.NewSettlement(c.client, c.settlement)
	token, err := st.Token(ctx)
	if err != nil {
		return fmt.Errorf("settlement token: %w", err)
	}
	coin := chain.NewStablecoin(c.client, token)
	account := chain.KeyAddress(key)
	bal, err := coin.BalanceOf(ctx, account)
	if err != nil {
		return err
	}
	if bal.Cmp(amount) < 0 {
		return fmt.Errorf("the account %s holds %s of the settlement token %s, less than %s: nothing sent", account.Hex(), formatUnits(bal), token.Hex(), formatUnits(amount))
	}
	if err := coin.Approve(ctx, key, c.settlement, amount); err != nil {
		return fmt.Errorf("approve: %w", err)
	}
	if err := st.Deposit(ctx, key, account, amount); err != nil {
		return fmt.Errorf("deposit: %w", err)
	}
	return nil
}

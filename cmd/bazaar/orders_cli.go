package main

import (
	"context"
	"crypto/ecdh"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ledger"
	"github.com/bazaar-market/bazaar/matcher"
	"github.com/bazaar-market/bazaar/prover"
)

// The purchase phase from the command line: `bazaar agent accept|orders|pay|exit` and
// `bazaar vendor orders [confirm|reject|check-code]`. Both sides check what they receive against
// the chain through its own JSON-RPC, not the node's word, and keep their orders in a local file.

// nodeChain is what the order commands need from a node: the EIP-712 domain, a chain client
// and the contracts.
type nodeChain struct {
	base        string
	domain      chain.Domain
	client      *ethclient.Client
	redemptions *chain.Redemptions
	attestation *chain.Attestation // nil when the node names none
	settlement  common.Address
	issuerKey   string // the credential issuer's public key (0x hex), as the node names it
}

func dialNodeChain(ctx context.Context, base string) (*nodeChain, error) {
	var info struct {
		ChainID   uint64         `json:"chainId"`
		RPCURL    string         `json:"rpcUrl"`
		Contracts map[string]any `json:"contracts"`
		Matcher   map[string]any `json:"matcher"`
	}
	if err := apiCall(ctx, http.MethodGet, base+"/info", nil, &info); err != nil {
		return nil, err
	}
	issuerKey, _ := info.Matcher["issuerKey"].(string)
	addr := func(name string) common.Address {
		s, _ := info.Contracts[name].(string)
		if !common.IsHexAddress(s) {
			return common.Address{}
		}
		return common.HexToAddress(s)
	}
	if info.RPCURL == "" || addr("DealRegistry") == (common.Address{}) || addr("Redemptions") == (common.Address{}) {
		return nil, errors.New("the node names no chain RPC, DealRegistry or Redemptions contract")
	}
	client, err := ethclient.DialContext(ctx, info.RPCURL)
	if err != nil {
		return nil, fmt.Errorf("chain RPC %s: %w", info.RPCURL, err)
	}
	id, err := client.ChainID(ctx)
	if err != nil || !id.IsUint64() || id.Uint64() != info.ChainID {
		client.Close()
		return nil, fmt.Errorf("chain RPC %s does not serve chain %d", info.RPCURL, info.ChainID)
	}
	nc := &nodeChain{base: base, domain: chain.Domain{ChainID: id, Registry: addr("DealRegistry")}, client: client,
		redemptions: chain.NewRedemptions(client, addr("Redemptions")), settlement: addr("Settlement"), issuerKey: issuerKey}
	if a := addr("AttestationRegistry"); a != (common.Address{}) {
		nc.attestation = chain.NewAttestation(client, a)
	}
	return nc, nil
}

func (c *nodeChain) Close() { c.client.Close() }

// vendorOrderKey fetches a vendor's order key and checks its wallet signed it.
func (c *nodeChain) vendorOrderKey(ctx context.Context, vendor common.Address) (*ecdh.PublicKey, string, error) {
	var k bazaar.VendorOrderKey
	if err := apiCall(ctx, http.MethodGet, c.base+"/vendors/"+vendor.Hex()+"/order-key", nil, &k); err != nil {
		return nil, "", fmt.Errorf("vendor %s's order key: %w", vendor.Hex(), err)
	}
	if k.Vendor != vendor {
		return nil, "", fmt.Errorf("the node answered another vendor's order key")
	}
	if err := c.domain.CheckOrderKey(k); err != nil {
		return nil, "", err
	}
	pub, err := ecdh.X25519().NewPublicKey(k.Key)
	return pub, k.Mailbox, err
}

// drop leaves a sealed envelope in a mailbox at the node's relay.
func (c *nodeChain) drop(ctx context.Context, mailbox string, sealed []byte) error {
	return apiCall(ctx, http.MethodPost, c.base+"/relay/mailboxes/"+mailbox, map[string]any{"sealed": json.RawMessage(sealed)}, nil)
}

// checkPrice refuses an amount other than the price of the deal version in force when the
// redemption in tx was made.
func (c *nodeChain) checkPrice(ctx context.Context, dealID, tx common.Hash, amount *big.Int) error {
	var deal DealView
	if err := apiCall(ctx, http.MethodGet, c.base+"/deals/"+dealID.Hex(), nil, &deal); err != nil {
		return fmt.Errorf("deal %s: %w", short(dealID), err)
	}
	red, err := c.redemptions.RedemptionIn(ctx, tx)
	if err != nil {
		return fmt.Errorf("the order's redemption: %w", err)
	}
	price, ok := deal.PriceAt(red.Block)
	if !ok {
		return fmt.Errorf("the node knows no version of deal %s at its redemption (block %d)", short(dealID), red.Block)
	}
	if moneyUnits(price).Cmp(amount) != 0 {
		return fmt.Errorf("the vendor confirmed %s, but the deal's price (the version redeemed) is %s", formatUnits(amount), formatUnits(moneyUnits(price)))
	}
	return nil
}

// moneyUnits converts a price in cents to the test token's 6-decimal units.
func moneyUnits(m bazaar.Money) *big.Int {
	return new(big.Int).Mul(big.NewInt(int64(m)), big.NewInt(10_000))
}

// formatUnits prints token units as dollars.
func formatUnits(u *big.Int) string {
	if u == nil {
		return "-"
	}
	cents := new(big.Int).Quo(u, big.NewInt(10_000)).Int64()
	return fmt.Sprintf("%d.%02d", cents/100, cents%100)
}

// saveJSON writes v to path atomically.
func saveJSON(path string, v any) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func loadJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// ---- agent side ----

// agentOrder is an order as its agent keeps it.
type agentOrder struct {
	Order      common.Hash           `json:"order"`
	Vendor     common.Address        `json:"vendor"`
	Acceptance bazaar.DealAcceptance `json:"acceptance"`
	PickupCode string                `json:"pickupCode"`
	Decision   *bazaar.OrderDecision `json:"decision,omitempty"`
	Receipt    *bazaar.Receipt       `json:"receipt,omitempty"`
}

func (o *agentOrder) status() string {
	switch {
	case o.Receipt != nil:
		return "paid"
	case o.Decision != nil:
		return o.Decision.Status
	}
	return "sent"
}

// agentBook is an agent's local order book.
type agentBook struct {
	path     string
	id       agentID
	Registry common.Address `json:"registry"` // the deployment the orders belong to
	Orders   []*agentOrder  `json:"orders"`
}

// forDeployment starts the book afresh when it holds another deployment's orders (a dev chain
// started over), keeping the old file beside it.
func (b *agentBook) forDeployment(registry common.Address) error {
	if b.Registry == registry {
		return nil
	}
	if len(b.Orders) > 0 {
		if err := os.Rename(b.path, b.path+"."+strings.ToLower(b.Registry.Hex()[2:10])); err != nil {
			return err
		}
	}
	b.Registry, b.Orders = registry, nil
	return nil
}

func defaultAgentState(name string) string {
	return filepath.Join(os.TempDir(), "bazaar-agent", name)
}

func loadAgentBook(dir string, id agentID) (*agentBook, error) {
	b := &agentBook{path: filepath.Join(dir, "orders.json"), id: id}
	return b, loadJSON(b.path, b)
}

func (b *agentBook) save() error { return saveJSON(b.path, b) }

func (b *agentBook) byDeal(id common.Hash) *agentOrder {
	for _, o := range b.Orders {
		if o.Acceptance.DealID == id {
			return o
		}
	}
	return nil
}

// sync reads the pseudonym mailboxes of the book's open orders: vendors' decisions (kept only
// when the deal's vendor signed them) and the matcher's receipts. until, when set, ends the wait
// as soon as it holds; otherwise a mailbox is read until it is idle.
func (b *agentBook) sync(ctx context.Context, c *nodeChain, wait time.Duration, until func() bool, warn io.Writer) error {
	seen := map[common.Address]bool{}
	for _, o := range b.Orders {
		if o.Receipt != nil || seen[o.Vendor] || (o.Decision != nil && o.Decision.Status == bazaar.OrderRejected) {
			continue
		}
		seen[o.Vendor] = true
		p := b.id.pseudonym(o.Vendor)
		lctx, cancel := context.WithTimeout(ctx, max(wait, time.Second))
		idle := 300 * time.Millisecond
		if until != nil {
			idle = 0
		}
		err := MailboxListen(lctx, c.base, p.Mailbox, idle, func(sealed []byte) bool {
			raw, err := bazaar.OpenNotification(p.ReplyKey, sealed)
			if err != nil {
				return true // cover traffic
			}
			var m bazaar.OrderMessage
			if json.Unmarshal(raw, &m) != nil {
				return true
			}
			b.take(c, o.Vendor, m, warn)
			if b.save() != nil { // saved before the relay hears the ack
				return false
			}
			return until == nil || !until()
		})
		cancel()
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return err
		}
	}
	return b.save()
}

// take applies one message from a vendor's pseudonym mailbox.
func (b *agentBook) take(c *nodeChain, vendor common.Address, m bazaar.OrderMessage, warn io.Writer) {
	find := func(id common.Hash) *agentOrder {
		for _, o := range b.Orders {
			if o.Order == id && o.Vendor == vendor {
				return o
			}
		}
		return nil
	}
	switch {
	case m.Type == bazaar.MsgDecision && m.Decision != nil:
		o := find(m.Decision.Order)
		if o == nil {
			return
		}
		if err := c.domain.CheckDecision(*m.Decision, vendor); err != nil || m.Decision.DealID != o.Acceptance.DealID ||
			(m.Decision.Nullifier != nil && m.Decision.Nullifier.ToInt().Cmp(o.Acceptance.Nullifier.ToInt()) != 0) {
			fmt.Fprintf(warn, "ignored a decision on order %s: not signed by the deal's vendor\n", short(o.Order))
			return
		}
		o.Decision = m.Decision
	case m.Type == bazaar.MsgReceipt && m.Receipt != nil:
		if o := find(m.Receipt.Order); o != nil {
			o.Receipt = m.Receipt
		}
	}
}

func short(h common.Hash) string { return h.Hex()[:10] }

type agentFlags struct {
	node, demo, key, state string
}

func (f *agentFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.node, "node", "http://127.0.0.1:8080", "node API URL")
	fs.StringVar(&f.demo, "demo", "", "act as this demo agent (development node)")
	fs.StringVar(&f.key, "key", defaultAgentKeyFile, "the agent's key file (created on first use): its settlement account and credential secret; not with --demo")
	fs.StringVar(&f.state, "state", "", "where the agent keeps its orders [a temp folder per demo agent; KEY.orders beside the key file]")
}

// identity is whom the command acts as: the demo agent, or the key file's holder (the key file
// is created if there is none, saying so on w).
func (f *agentFlags) identity(w io.Writer) (agentID, error) {
	if f.demo != "" {
		return demoAgentID(f.demo), nil
	}
	k, err := loadOrCreateAgentKey(f.key, w)
	if err != nil {
		return agentID{}, err
	}
	return keyAgentID(k, f.key)
}

// open loads the agent's order book and connects to the node and its chain; the caller closes
// the chain connection.
func (f *agentFlags) open(ctx context.Context, w io.Writer) (*agentBook, *nodeChain, error) {
	id, err := f.identity(w)
	if err != nil {
		return nil, nil, err
	}
	if f.state == "" {
		f.state = f.key + ".orders"
		if f.demo != "" {
			f.state = defaultAgentState(f.demo)
		}
	}
	b, err := loadAgentBook(f.state, id)
	if err != nil {
		return nil, nil, err
	}
	c, err := dialNodeChain(ctx, strings.TrimRight(f.node, "/"))
	if err != nil {
		return nil, nil, err
	}
	if err := b.forDeployment(c.domain.Registry); err != nil {
		c.Close()
		return nil, nil, err
	}
	b.id.useIssuer(c.issuerKey)
	if b.id.secret == nil && len(b.Orders) > 0 {
		c.Close()
		return nil, nil, fmt.Errorf("the orders in %s were made with a credential secret from another issuer than this node's (%s): the key file holds none for it", f.state, c.issuerKey)
	}
	return b, c, nil
}

// runAgentAccept: `bazaar agent accept DEAL_ID [--demo NAME | --key FILE] [--delivery TEXT] [--wait 30s]`.
func runAgentAccept(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("agent accept", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var af agentFlags
	af.register(fs)
	delivery := fs.String("delivery", "", "delivery details for the vendor (optional; pickup otherwise)")
	wait := fs.Duration("wait", 0, "wait this long for the vendor's answer")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || !strings.HasPrefix(pos[0], "0x") {
		return errors.New("usage: bazaar agent accept DEAL_ID [--demo NAME | --key FILE] [--delivery TEXT] [--wait 30s]")
	}
	book, c, err := af.open(ctx, stderr)
	if err != nil {
		return err
	}
	defer c.Close()
	base := c.base
	dealID := common.HexToHash(pos[0])
	if o := book.byDeal(dealID); o != nil {
		return fmt.Errorf("deal %s is already accepted: order %s (%s)", short(dealID), o.Order.Hex(), o.status())
	}
	var deal DealView
	if err := apiCall(ctx, http.MethodGet, base+"/deals/"+dealID.Hex(), nil, &deal); err != nil {
		return fmt.Errorf("deal %s: %w", dealID.Hex(), err)
	}
	vendor := common.HexToAddress(deal.Vendor)
	id := book.id
	if id.secret == nil {
		return fmt.Errorf("this agent has no credential yet: run `bazaar agent redeem %s %s --area AREA` first", dealID.Hex(), id.flagHint())
	}
	p := id.pseudonym(vendor)
	nullifier := prover.Hash(id.secret, prover.DealField(dealID))
	red, err := c.redemptions.FindRedemption(ctx, dealID, nullifier, deal.RedemptionsFrom())
	if err != nil {
		return fmt.Errorf("%w (run `bazaar agent redeem %s %s` first)", err, dealID.Hex(), id.flagHint())
	}
	if red.Payout != p.Address() {
		return fmt.Errorf("the redemption paid out to %s, not this agent's pseudonym for the vendor (%s): the vendor would refuse the acceptance", red.Payout.Hex(), p.Address().Hex())
	}
	pub, mailbox, err := c.vendorOrderKey(ctx, vendor)
	if err != nil {
		return err
	}
	code, err := bazaar.NewPickupCode()
	if err != nil {
		return err
	}
	codeKey, key, err := bazaar.NewPickupCodeKey(pub)
	if err != nil {
		return err
	}
	a := bazaar.DealAcceptance{V: 1, DealID: dealID, Nullifier: (*hexutil.Big)(nullifier), RedemptionTx: red.Tx,
		PickupCodeHash: bazaar.PickupCodeHash(key, code), CodeKey: codeKey, Delivery: *delivery, ReplyMailbox: p.MailboxID(), ReplyKey: p.ReplyKey, IssuedAt: time.Now().Unix()}
	if err := a.Sign(p.Key); err != nil {
		return err
	}
	if err := a.Check(); err != nil {
		return err
	}
	sealed, err := bazaar.SealToKey(pub, bazaar.OrderMessage{Type: bazaar.MsgAcceptance, Acceptance: &a})
	if err != nil {
		return err
	}
	if err := c.drop(ctx, mailbox, sealed); err != nil {
		return err
	}
	o := &agentOrder{Order: a.OrderID(), Vendor: vendor, Acceptance: a, PickupCode: code}
	book.Orders = append(book.Orders, o)
	if err := book.save(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "order %s sent to vendor %s as pseudonym %s\npickup code %s (show it at the counter)\n", o.Order.Hex(), vendor.Hex(), p.Address().Hex(), code)
	if *wait > 0 {
		if err := book.sync(ctx, c, *wait, func() bool { return o.Decision != nil }, stderr); err != nil {
			return err
		}
		printAgentDecision(stdout, o)
	}
	return nil
}

func printAgentDecision(w io.Writer, o *agentOrder) {
	switch {
	case o.Decision == nil:
		fmt.Fprintf(w, "order %s: no answer from the vendor yet\n", short(o.Order))
	case o.Decision.Status == bazaar.OrderConfirmed:
		fmt.Fprintf(w, "order %s confirmed by the vendor: pay %s\n", short(o.Order), formatUnits(o.Decision.Amount.ToInt()))
	default:
		fmt.Fprintf(w, "order %s rejected by the vendor: %s\n", short(o.Order), o.Decision.Reason)
	}
}

// runAgentOrders: `bazaar agent orders [--demo NAME | --key FILE]`: reads answers and receipts, lists orders.
func runAgentOrders(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("agent orders", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var af agentFlags
	af.register(fs)
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	book, c, err := af.open(ctx, stderr)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := book.sync(ctx, c, 3*time.Second, nil, stderr); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ORDER\tDEAL\tVENDOR\tSTATUS\tAMOUNT\tPICKUP CODE")
	for _, o := range book.Orders {
		var amt *big.Int
		if o.Decision != nil && o.Decision.Amount != nil {
			amt = o.Decision.Amount.ToInt()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", short(o.Order), short(o.Acceptance.DealID), o.Vendor.Hex()[:10], o.status(), formatUnits(amt), o.PickupCode)
	}
	return tw.Flush()
}

// runAgentPay: `bazaar agent pay DEAL_ID [AMOUNT] [--demo NAME | --key FILE]`: pays a confirmed order (the
// amount the vendor confirmed) from the agent's settlement account, sealed to the matcher.
func runAgentPay(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("agent pay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var af agentFlags
	af.register(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 1 || len(pos) > 2 || !strings.HasPrefix(pos[0], "0x") {
		return errors.New("usage: bazaar agent pay DEAL_ID [AMOUNT] [--demo NAME | --key FILE]")
	}
	book, c, err := af.open(ctx, stderr)
	if err != nil {
		return err
	}
	defer c.Close()
	base := c.base
	dealID := common.HexToHash(pos[0])
	o := book.byDeal(dealID)
	if o == nil {
		return fmt.Errorf("no order for deal %s: `bazaar agent accept` it first", short(dealID))
	}
	if o.Receipt != nil {
		return fmt.Errorf("order %s is already paid", short(o.Order))
	}
	if o.Decision == nil {
		if err := book.sync(ctx, c, 3*time.Second, nil, stderr); err != nil {
			return err
		}
	}
	switch {
	case o.Decision == nil:
		return fmt.Errorf("order %s is not confirmed by the vendor yet: payment follows confirmation", short(o.Order))
	case o.Decision.Status != bazaar.OrderConfirmed:
		return fmt.Errorf("the vendor rejected order %s: %s", short(o.Order), o.Decision.Reason)
	}
	amount := o.Decision.Amount.ToInt()
	// The price is the price: of the deal version this agent's redemption was made under.
	if err := c.checkPrice(ctx, dealID, o.Acceptance.RedemptionTx, amount); err != nil {
		return fmt.Errorf("order %s: %w; not paying", short(o.Order), err)
	}
	if len(pos) == 2 {
		want, err := tokenUnits(pos[1])
		if err != nil {
			return err
		}
		if want.Cmp(amount) != 0 {
			return fmt.Errorf("the vendor confirmed %s, not %s", formatUnits(amount), pos[1])
		}
	}
	if c.settlement == (common.Address{}) {
		return errors.New("the node names no Settlement contract")
	}
	_, mk, _, err := CheckMatcherKey(ctx, base)
	if err != nil {
		return err
	}
	key := book.id.account
	p := book.id.pseudonym(o.Vendor)
	in, err := ledger.SignIntent(key, c.domain.ChainID, c.settlement, ledger.Intent{Account: chain.KeyAddress(key), Vendor: o.Vendor, DealID: dealID,
		Order: o.Order, Amount: amount, Nonce: uint64(time.Now().UnixNano())})
	if err != nil {
		return err
	}
	proof, err := crypto.Sign(PayerDigest(c.domain.ChainID, c.settlement, o.Order, in.Account).Bytes(), p.Key)
	if err != nil {
		return err
	}
	sealed, err := matcher.SealSignalJSON(mk.X25519, PaymentRequest{Intent: &in, Decision: o.Decision, Receipt: &ReceiptTo{Mailbox: p.MailboxID(), Key: p.ReplyKey},
		PayerProof: proof})
	if err != nil {
		return err
	}
	if err := apiCall(ctx, http.MethodPost, base+"/payments", map[string]any{"sealed": sealed}, nil); err != nil {
		return err
	}
	if err := book.sync(ctx, c, 10*time.Second, func() bool { return o.Receipt != nil }, stderr); err != nil {
		return err
	}
	if o.Receipt == nil {
		fmt.Fprintf(stdout, "paid %s for order %s; no receipt yet\n", formatUnits(amount), short(o.Order))
		return nil
	}
	fmt.Fprintf(stdout, "paid %s for order %s; receipt: balance %s, settles in batch %d\n", formatUnits(amount), short(o.Order),
		formatUnits(o.Receipt.Balance.ToInt()), o.Receipt.Batch)
	return nil
}

// runAgentExit: `bazaar agent exit [--demo NAME | --key FILE] [--payer-key HEX] [--statement-only]`: fetches the
// account's balance statement from the matcher (kept locally: it is what an exit needs when the
// matcher is gone) and, unless --statement-only, withdraws the balance with it. The contract
// accepts exits only once the sequencer has been silent for its exit delay.
func runAgentExit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("agent exit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var af agentFlags
	af.register(fs)
	payerHex := fs.String("payer-key", "", "key that pays the exit's gas [the account key]")
	only := fs.Bool("statement-only", false, "fetch and keep the statement; do not exit")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	book, c, err := af.open(ctx, stderr)
	if err != nil {
		return err
	}
	defer c.Close()
	base := c.base
	if c.settlement == (common.Address{}) {
		return errors.New("the node names no Settlement contract")
	}
	key := book.id.account
	account := chain.KeyAddress(key)
	path := filepath.Join(filepath.Dir(book.path), "statement.json")
	var st Statement
	req, err := SignAccountProof(key, purposeStatement, c.domain.ChainID, c.settlement)
	if err != nil {
		return err
	}
	if ferr := apiCall(ctx, http.MethodPost, base+"/settlement/statements", req, &st); ferr == nil {
		if err := saveJSON(path, st); err != nil {
			return err
		}
	} else if err := loadJSON(path, &st); err != nil || st.Balance == nil {
		return fmt.Errorf("no statement from the matcher (%v) and none kept", ferr)
	} else {
		fmt.Fprintf(stderr, "the matcher gave no statement (%v); using the one kept from batch %d\n", ferr, st.Batch)
	}
	proof := make([][32]byte, len(st.Proof))
	for i, p := range st.Proof {
		proof[i] = p
	}
	if !ledger.Verify(st.Root, ledger.Entry{Addr: account, Amount: st.Balance.ToInt()}, proof) {
		return errors.New("the statement's proof does not verify against its root")
	}
	settlement := chain.NewSettlement(c.client, c.settlement)
	if _, root, err := settlement.Head(ctx); err != nil {
		return err
	} else if root != st.Root {
		return fmt.Errorf("the statement is for batch %d but the chain holds a later state root: fetch a new one", st.Batch)
	}
	fmt.Fprintf(stdout, "statement: balance %s as of batch %d (proof checked against the chain's state root)\n", formatUnits(st.Balance.ToInt()), st.Batch)
	if *only {
		return nil
	}
	payer := key
	if *payerHex != "" {
		if payer, err = crypto.HexToECDSA(strings.TrimPrefix(*payerHex, "0x")); err != nil {
			return fmt.Errorf("--payer-key: %w", err)
		}
	}
	if err := settlement.Exit(ctx, payer, account, st.Balance.ToInt(), proof); err != nil {
		if m := exitAfterRE.FindStringSubmatch(err.Error()); m != nil {
			at, _ := strconv.ParseInt(m[1], 10, 64)
			return fmt.Errorf("the sequencer is alive (SequencerAlive): exits open at %s, its exit delay after the last batch", time.Unix(at, 0).UTC().Format(time.RFC3339))
		}
		if strings.Contains(err.Error(), "insufficient funds") {
			return fmt.Errorf("exit: the paying key holds no ETH for gas: pass --payer-key (%w)", err)
		}
		return fmt.Errorf("exit: %w", err)
	}
	fmt.Fprintf(stdout, "exited: %s returned to %s\n", formatUnits(st.Balance.ToInt()), account.Hex())
	return nil
}

var exitAfterRE = regexp.MustCompile(`SequencerAlive \{ExitAfter:(\d+)\}`)

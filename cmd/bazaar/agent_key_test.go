package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ledger"
	"github.com/bazaar-market/bazaar/matcher"
	"github.com/bazaar-market/bazaar/prover"
)

// TestOrders_KeyAgent walks the purchase phase as an agent of its own, not a demo one: its key
// file is created on first use, the dev faucet funds its account, it is refused a deal its
// (empty) history does not qualify for, redeems one open to newcomers with a credential the
// matcher derived for its account, orders, pays and gets a receipt, and the vendor is paid. The
// credential's secret is the account's whatever mailbox asks; another account's differs; an
// unknown area, or a request without an account proof, is refused.
func TestOrders_KeyAgent(t *testing.T) {
	ctx := context.Background()
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", SeedDemo: true})
	defer n.Stop(ctx)
	example, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t)) // LTV ≥ 50.00, "regular"
	if err != nil {
		t.Fatal(err)
	}
	open := exampleDeal(t)
	open.Requirements.MinLTV, open.Requirements.LoyaltyTier = 0, "switcher"
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, open)
	if err != nil {
		t.Fatal(err)
	}
	waitRequirements(t, n, common.HexToHash(example.DealID), 1)
	waitRequirements(t, n, common.HexToHash(posted.DealID), 1)

	dir := t.TempDir()
	keyFile := filepath.Join(dir, "agent-key.json")
	vendorState := t.TempDir()
	var out strings.Builder
	agent := func(args ...string) error {
		out.Reset()
		return run(ctx, append(args, "--node", n.URL(), "--key", keyFile), &out, &out)
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

	must(agent("agent", "deposit", "10.00"))
	if !strings.Contains(out.String(), "created agent key "+keyFile) {
		t.Fatalf("no word of the new key file:\n%s", out.String())
	}
	if fi, err := os.Stat(keyFile); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", fi, err)
	}
	k, err := loadOrCreateAgentKey(keyFile, &out)
	if err != nil || len(k.Secrets) != 0 {
		t.Fatalf("key before any credential: %+v %v", k, err)
	}
	acctKey, _ := crypto.ToECDSA(k.AccountKey)
	account := chain.KeyAddress(acctKey)
	waitDeposit(t, n, account)

	refuse(agent("agent", "accept", posted.DealID), "no credential yet")
	refuse(agent("agent", "redeem", posted.DealID), "--area")
	refuse(agent("agent", "redeem", posted.DealID, "--area", "Atlantis"), "--area")
	refuse(agent("agent", "redeem", example.DealID, "--area", "Quận 1"), "not eligible")
	must(agent("agent", "redeem", posted.DealID, "--area", "Quận 1"))
	k, err = loadOrCreateAgentKey(keyFile, &out)
	issuerKey := hexutil.Encode(n.issuer.PublicKey())
	if err != nil || len(k.Secrets) != 1 || k.Secrets[issuerKey] == nil || k.Secrets[issuerKey].ToInt().Cmp(agentSecret(n.issuer, account)) != 0 {
		t.Fatalf("the key file keeps secrets %v, want the account's from issuer %s (%v)", k.Secrets, issuerKey, err)
	}

	must(agent("agent", "accept", posted.DealID))
	book, err := loadAgentBook(keyFile+".orders", mustKeyAgent(t, keyFile))
	if err != nil || len(book.Orders) != 1 {
		t.Fatalf("agent's book: %v %d orders", err, len(book.Orders))
	}
	o := book.Orders[0]
	out.Reset()
	must(run(ctx, []string{"vendor", "orders", "--node", n.URL(), "--state", vendorState}, &out, &out))
	if !strings.Contains(out.String(), "new order "+short(o.Order)) {
		t.Fatalf("vendor did not file the order: %s", out.String())
	}
	out.Reset()
	must(run(ctx, []string{"vendor", "orders", "confirm", o.Order.Hex()[:12], "--node", n.URL(), "--state", vendorState}, &out, &out))
	must(agent("agent", "pay", posted.DealID))
	if !strings.Contains(out.String(), "paid 4.00") || !strings.Contains(out.String(), "receipt: balance 6.00") {
		t.Fatalf("pay: %s", out.String())
	}
	if got := n.settle.ledger.Balance(account); got.Cmp(usdc(6)) != 0 {
		t.Fatalf("account balance %s, want 6.00", got)
	}
	// On chain: the account only in its deposit, the pseudonym only in its redemption; neither
	// the pseudonym's mailbox, nor the credential secret, nor the account key.
	me := mustKeyAgent(t, keyFile)
	me.useIssuer(hexutil.Encode(n.issuer.PublicKey()))
	p := me.pseudonym(chain.KeyAddress(chain.DevVendorKey))
	scanChainPrivacy(t, n, account, p, [][]byte{[]byte(p.MailboxID()), me.secret.Bytes(), k.AccountKey})

	// The credential secret is the account's: asked again (from a fresh mailbox, as every
	// request is), the same; another account's, another.
	id := mustKeyAgent(t, keyFile)
	again, err := requestCredentialAs(ctx, n.URL(), &id, "coffee", "Quận 3")
	if err != nil {
		t.Fatal(err)
	}
	if again.Secret.Cmp(k.Secrets[issuerKey].ToInt()) != 0 {
		t.Fatal("another mailbox got another secret for the same account")
	}
	other, err := keyAgentID(AgentKey{AccountKey: crypto.FromECDSA(mustKey(t))}, "")
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := requestCredentialAs(ctx, n.URL(), &other, "coffee", "Quận 1")
	if err != nil {
		t.Fatal(err)
	}
	if theirs.Secret.Cmp(again.Secret) == 0 || theirs.LTV != 0 || theirs.Loyalty != 0 {
		t.Fatalf("a new account's credential: secret shared %v, LTV %d, loyalty %d", theirs.Secret.Cmp(again.Secret) == 0, theirs.LTV, theirs.Loyalty)
	}
	if _, err := requestCredentialAs(ctx, n.URL(), &other, "coffee", "Atlantis"); err == nil || !strings.Contains(err.Error(), "unknown area") {
		t.Fatalf("an unknown area: %v", err)
	}
	// Without an account proof, nothing is issued to a mailbox of one's choosing.
	_, mk, _, err := CheckMatcherKey(ctx, n.URL())
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := matcher.SealSignalJSON(mk.X25519, map[string]any{"credentialRequest": CredentialRequest{
		Mailbox: bazaar.DemoMailbox("stranger"), NotifyKey: make([]byte, 32), Area: "Quận 1", Category: "coffee"}})
	if err != nil {
		t.Fatal(err)
	}
	if st, e := postRaw(t, n.URL()+"/credentials", mustJSON(t, map[string]any{"sealed": sealed})); st != 400 || !strings.Contains(e.Error.Message, "account proof") {
		t.Fatalf("a request without an account proof: %d %+v", st, e)
	}
	// A forged account proof (signed by another key) is refused too.
	forged, err := SignAccountProof(mustKey(t), purposeHistory, n.chainID(), n.settlement.Address())
	if err != nil {
		t.Fatal(err)
	}
	forged.Account = account
	sealed, _ = matcher.SealSignalJSON(mk.X25519, map[string]any{"credentialRequest": CredentialRequest{
		Mailbox: bazaar.DemoMailbox("stranger"), NotifyKey: make([]byte, 32), Area: "Quận 1", Category: "coffee", History: &forged}})
	if st, _ := postRaw(t, n.URL()+"/credentials", mustJSON(t, map[string]any{"sealed": sealed})); st == 202 {
		t.Fatal("a forged account proof got a credential")
	}
}

// TestIssueCredential_Refusals: the issuer's checks on a key-file agent's request, without a node.
func TestIssueCredential_Refusals(t *testing.T) {
	iss, err := prover.NewIssuer()
	if err != nil {
		t.Fatal(err)
	}
	acct := common.HexToAddress("0x1234")
	good := CredentialRequest{Mailbox: "box_1", NotifyKey: make([]byte, 32), Area: "Quận 5", Category: "coffee"}
	if _, _, err := issueCredential(iss, nil, &good, &acct, time.Now(), ledger.History{}); err != nil {
		t.Fatalf("a good request: %v", err)
	}
	for name, mutate := range map[string]func(*CredentialRequest){
		"bad mailbox":      func(c *CredentialRequest) { c.Mailbox = "a.b" },
		"short notify key": func(c *CredentialRequest) { c.NotifyKey = make([]byte, 16) },
		"unknown area":     func(c *CredentialRequest) { c.Area = "Hà Nội" },
		"unknown demo":     func(c *CredentialRequest) { c.Demo = "demo-nobody" },
	} {
		c := good
		mutate(&c)
		if _, _, err := issueCredential(iss, nil, &c, &acct, time.Now(), ledger.History{}); err == nil {
			t.Errorf("%s: issued", name)
		}
	}
	if _, _, err := issueCredential(iss, nil, &good, nil, time.Now(), ledger.History{}); err == nil {
		t.Error("issued without an account")
	}
	// History counts: 12.34 spent over 7 orders → LTV 1234 cents, loyalty 2.
	_, sealed, err := issueCredential(iss, nil, &good, &acct, time.Now(), ledger.History{Spent: big.NewInt(12_340_000), Orders: 7})
	if err != nil {
		t.Fatal(err)
	}
	var m CredentialMessage
	plain := mustOpen(t, good.NotifyKey, sealed)
	if err := json.Unmarshal(plain, &m); err != nil || m.Credential.LTV != 1234 || m.Credential.Loyalty != 2 ||
		m.Credential.Secret.Cmp(agentSecret(iss, acct)) != 0 {
		t.Fatalf("credential %+v (%v)", m.Credential, err)
	}
}

func mustKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func mustOpen(t *testing.T, key, sealed []byte) []byte {
	t.Helper()
	plain, err := bazaar.OpenNotification(key, sealed)
	if err != nil {
		t.Fatal(err)
	}
	return plain
}

func mustKeyAgent(t *testing.T, keyFile string) agentID {
	t.Helper()
	var sink strings.Builder
	k, err := loadOrCreateAgentKey(keyFile, &sink)
	if err != nil {
		t.Fatal(err)
	}
	id, err := keyAgentID(k, keyFile)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestOrders_KeyAgent_Anvil: the purchase phase on an external chain deployed by the Foundry
// script. A node given only the RPC and the manifest runs its ledger on the script's
// Settlement; an agent of its own is funded by the faucet (the script's test token), redeems
// with a real proof checked by the script's verifier, orders, pays, and after the batch the
// vendor withdraws. Its deposits come from its own wallet (it pays the gas) and the faucet.
func TestOrders_KeyAgent_Anvil(t *testing.T) {
	ctx := context.Background()
	rpc := mustAnvil(t)
	path := deployWithScript(t, rpc)
	n := mustStart(t, Config{DataDir: t.TempDir(), RPC: rpc, Manifest: path, SeedDemo: true, BatchWait: 200 * time.Millisecond})
	defer n.Stop(ctx)
	if n.settle == nil {
		t.Fatal("no ledger on the manifest's Settlement")
	}
	open := exampleDeal(t)
	open.Requirements.MinLTV, open.Requirements.LoyaltyTier = 0, "switcher"
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, open)
	if err != nil {
		t.Fatal(err)
	}
	waitRequirements(t, n, common.HexToHash(posted.DealID), 1)

	keyFile := filepath.Join(t.TempDir(), "agent-key.json")
	vendorState := t.TempDir()
	var out strings.Builder
	cli := func(args ...string) {
		t.Helper()
		out.Reset()
		if err := run(ctx, append(args, "--node", n.URL()), &out, &out); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out.String())
		}
	}
	// From its own wallet: refused while it holds no tokens; then with gas and 2.00 tokens.
	out.Reset()
	if err := run(ctx, []string{"agent", "deposit", "2.00", "--wallet", "--key", keyFile, "--node", n.URL()}, &out, &out); err == nil ||
		!strings.Contains(err.Error(), "nothing sent") {
		t.Fatalf("a wallet deposit without tokens: %v", err)
	}
	account := chain.KeyAddress(mustKeyAgent(t, keyFile).account)
	if err := n.client.Client().CallContext(ctx, nil, "anvil_setBalance", account, "0xDE0B6B3A7640000"); err != nil {
		t.Fatal(err)
	}
	if err := n.stablecoin.Mint(ctx, n.relayer, account, usdc(2)); err != nil {
		t.Fatal(err)
	}
	cli("agent", "deposit", "2.00", "--wallet", "--key", keyFile)
	waitDeposit(t, n, account)
	if got := n.settle.ledger.Balance(account); got.Cmp(usdc(2)) != 0 {
		t.Fatalf("after the wallet deposit the account holds %s, want 2.00", got)
	}
	if left, _ := n.stablecoin.BalanceOf(ctx, account); left.Sign() != 0 {
		t.Fatalf("the wallet kept %s", left)
	}
	cli("agent", "deposit", "5.00", "--key", keyFile) // and the faucet (the script's test token)
	waitBalance(t, n, account, usdc(7))
	cli("agent", "redeem", posted.DealID, "--area", "Quận 1", "--key", keyFile)
	cli("vendor", "orders", "--state", vendorState) // publishes the vendor's order key (no dev node does it here)
	cli("agent", "accept", posted.DealID, "--key", keyFile)
	cli("vendor", "orders", "--state", vendorState)
	book, err := loadAgentBook(keyFile+".orders", mustKeyAgent(t, keyFile))
	if err != nil || len(book.Orders) != 1 {
		t.Fatalf("agent's book: %v", err)
	}
	cli("vendor", "orders", "confirm", book.Orders[0].Order.Hex()[:12], "--state", vendorState)
	cli("agent", "pay", posted.DealID, "--key", keyFile)
	if !strings.Contains(out.String(), "receipt: balance 3.00") {
		t.Fatalf("pay: %s", out.String())
	}
	vendor := chain.KeyAddress(chain.DevVendorKey)
	if credit := waitCredit(t, n, vendor); credit.Cumulative.ToInt().Cmp(usdc(4)) != 0 {
		t.Fatalf("vendor credit %s, want 4.00", credit.Cumulative)
	}
	cli("vendor", "withdraw", "--vendor", vendor.Hex())
	if bal, _ := n.stablecoin.BalanceOf(ctx, vendor); bal.Cmp(usdc(4)) != 0 {
		t.Fatalf("vendor holds %s on the script's token", bal)
	}
}

// waitBalance waits until the ledger holds want for account.
func waitBalance(t *testing.T, n *Node, account common.Address, want *big.Int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for n.settle.ledger.Balance(account).Cmp(want) != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the ledger holds %s for %s, want %s", n.settle.ledger.Balance(account), account.Hex(), want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestAgentKey_Issuers: a key file keeps a secret per credential issuer (a dev chain started
// over has a new one), and refuses a credential that binds another secret than the one its
// issuer gave the account before.
func TestAgentKey_Issuers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.json")
	var sink strings.Builder
	k, err := loadOrCreateAgentKey(path, &sink)
	if err != nil {
		t.Fatal(err)
	}
	id, err := keyAgentID(k, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := id.learn(prover.Credential{Secret: big.NewInt(5)}); err == nil {
		t.Fatal("learned a secret with no issuer chosen")
	}
	id.useIssuer("0xAA")
	if id.secret != nil {
		t.Fatal("a secret before any credential")
	}
	if err := id.learn(prover.Credential{Secret: big.NewInt(5)}); err != nil {
		t.Fatal(err)
	}
	if err := id.learn(prover.Credential{Secret: big.NewInt(6)}); err == nil {
		t.Fatal("took another secret from the same issuer")
	}
	id.useIssuer("0xbb")
	if id.secret != nil {
		t.Fatal("issuer bb's secret before its credential")
	}
	if err := id.learn(prover.Credential{Secret: big.NewInt(7)}); err != nil {
		t.Fatal(err)
	}
	again := mustKeyAgent(t, path)
	again.useIssuer("0xaa")
	if again.secret == nil || again.secret.Int64() != 5 {
		t.Fatalf("issuer aa's secret after reload: %v", again.secret)
	}
	again.useIssuer("0xBB")
	if again.secret == nil || again.secret.Int64() != 7 {
		t.Fatalf("issuer bb's secret after reload: %v", again.secret)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file after saving: %v %v", fi, err)
	}
}

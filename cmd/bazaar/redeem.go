package main

import (
	"bytes"
	"context"
	"crypto/cipher"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/logger"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ledger"
	"github.com/bazaar-market/bazaar/matcher"
	"github.com/bazaar-market/bazaar/prover"
)

// demoSecret is a demo agent's credential secret, derived from its name so the CLI can use it
// (development only: anyone can derive it).
func demoSecret(name string) *big.Int {
	h := sha256.Sum256([]byte("bazaar demo agent secret (development only): " + name))
	return new(big.Int).Mod(new(big.Int).SetBytes(h[:]), fr.Modulus())
}

// ltvCents is base cents plus a settled spend in token units (6 decimals), saturated at the
// largest LTV a credential can state (prover.MaxLTV): every deal's minimum is at most that, so
// a saturated LTV still meets exactly the deals the true one does.
func ltvCents(base uint64, spent *big.Int) uint64 {
	sum := new(big.Int).SetUint64(base)
	if spent != nil && spent.Sign() > 0 {
		sum.Add(sum, new(big.Int).Quo(spent, big.NewInt(10_000))) // token units → cents
	}
	if sum.Cmp(new(big.Int).SetUint64(prover.MaxLTV)) > 0 {
		return prover.MaxLTV
	}
	return sum.Uint64()
}

// demoCredential issues a demo agent its credential for a category, from the seeded history
// (monthly spend a little above its tier's floor, its loyalty level, its area's centre) plus
// its settled purchases: their spend adds to LTV, every three orders add a loyalty level (up
// to 5).
func demoCredential(iss *prover.Issuer, a DemoAgent, category string, now time.Time, h ledger.History) (prover.Credential, error) {
	floor, _ := bazaar.LTVFloor(a.Tier)
	x, y := prover.GridPoint(areaCenters[a.Area])
	ltv := ltvCents(uint64(floor)+1_000, h.Spent)
	return iss.Issue(prover.Credential{Category: prover.CategoryID(category), LTV: ltv, Loyalty: uint64(min(5, a.Level+h.Orders/3)),
		X: x, Y: y, Expiry: uint64(now.Unix()/86400) + 30, Secret: demoSecret(a.Mailbox)})
}

// loadIssuer reads or creates the matcher's credential-issuer key, sealed at rest like the
// matcher's other keys (matcherSealer).
func loadIssuer(dir string, seal cipher.AEAD) (*prover.Issuer, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "issuer.sealed")
	b, err := loadSealed(seal, path, filepath.Join(dir, "issuer.key"), sealIssuerKey)
	if err != nil {
		return nil, fmt.Errorf("issuer key: %w", err)
	}
	if b != nil {
		raw, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil {
			return nil, fmt.Errorf("issuer key %s: %w", path, err)
		}
		return prover.IssuerFromBytes(raw)
	}
	iss, err := prover.NewIssuer()
	if err != nil {
		return nil, err
	}
	return iss, writeSealed(seal, path, sealIssuerKey, []byte(hex.EncodeToString(iss.Bytes())))
}

// postRequirements posts a matched deal version's requirements hash (matcher-signed, naming the
// in-process matcher's issuer key). A version already on-chain — matched again after a restart,
// or posted by another matcher — is left as it is: the contract takes one post per version.
func (n *Node) postRequirements(ctx context.Context, id common.Hash, version uint64, d *bazaar.Deal) {
	if n.redemptions == nil || n.issuer == nil || n.mkeys == nil {
		return
	}
	x, y := n.issuer.Point()
	h, err := prover.RequirementsOf(id, d).ReqHashFor(n.issuer.PublicKey())
	if err == nil {
		err = n.redemptions.PostRequirements(ctx, n.relayer, n.mkeys.signer, id, version, h, x, y)
	}
	switch {
	case errors.Is(err, chain.ErrRequirementsPosted):
		n.log.Debug("requirements already on-chain", "deal", id, "version", version)
	case err != nil:
		n.log.Warn("requirements not posted", "deal", id, "err", err)
	}
}

// CredentialRequest is what an agent seals to the matcher to be issued its credential for a
// category: a demo agent's from its seeded history, any other's from its settled purchases.
type CredentialRequest struct {
	Demo string `json:"demo,omitempty"` // a demo agent (development); or, for any other agent:
	// Mailbox and NotifyKey are where the credential goes, sealed; Area is the coarse area it
	// claims. Such a request carries History: the credential binds that account's secret.
	Mailbox   string `json:"mailbox,omitempty"`
	NotifyKey []byte `json:"notifyKey,omitempty"`
	Area      string `json:"area,omitempty"`
	Category  string `json:"category"`
	// History, when set, asks that the account's settled purchases count towards the
	// credential (spend adds to LTV; every three settled orders add a loyalty level, up to 5).
	History *AccountProof `json:"history,omitempty"`
}

// CredentialMessage is the sealed mailbox message carrying a credential.
type CredentialMessage struct {
	Type       string            `json:"type"` // "credential"
	Credential prover.Credential `json:"credential"`
}

// postCredentials answers POST /credentials {"sealed": base64}: a credential request sealed to
// the matcher's attested key. The matcher issues the credential from the agent's history and
// delivers it sealed to the agent's mailbox; the node sees neither.
func (n *Node) postCredentials(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Sealed []byte `json:"sealed"`
	}
	if err := decodeBody(r, &body); err != nil {
		n.fail(w, err)
		return
	}
	if n.engine == nil && n.cfg.ExternalMatcher {
		n.forwardSealed(w, body.Sealed)
		return
	}
	if n.engine == nil || n.issuer == nil || n.notify == nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "this node's matcher issues no credentials"))
		return
	}
	plain, err := n.engine.Open(body.Sealed)
	if err != nil {
		n.fail(w, err)
		return
	}
	var req struct {
		CredentialRequest *CredentialRequest `json:"credentialRequest"`
	}
	if err := strictJSON(plain, &req); err != nil || req.CredentialRequest == nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "sealed request is not a credential request"))
		return
	}
	cr := req.CredentialRequest
	var (
		hist    ledger.History
		account *common.Address
	)
	if cr.History != nil {
		if n.settle == nil {
			n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "this node's matcher keeps no settled history"))
			return
		}
		if err := cr.History.Check(purposeHistory, n.chainID(), n.settlement.Address()); err != nil {
			n.fail(w, err)
			return
		}
		hist, account = n.settle.ledger.HistoryOf(cr.History.Account), &cr.History.Account
	}
	mailbox, sealed, err := issueCredential(n.issuer, n.demo, cr, account, time.Now(), hist)
	if err != nil {
		n.fail(w, err)
		return
	}
	if err := n.notify.Deliver(r.Context(), mailbox, sealed); err != nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "credential not delivered: %v", err))
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"status": "issued to the mailbox"})
}

func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// RedeemRequest is POST /redemptions: an eligibility proof the node submits (it pays the gas,
// so the agent's wallet never appears on chain).
type RedeemRequest struct {
	DealID    common.Hash     `json:"dealId"`
	Proof     [8]*hexutil.Big `json:"proof"`
	Day       uint64          `json:"day"`
	Nullifier *hexutil.Big    `json:"nullifier"`
	Payout    common.Address  `json:"payout"`
}

func (n *Node) postRedemption(w http.ResponseWriter, r *http.Request) {
	if n.readOnly(w) {
		return
	}
	if n.redemptions == nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "this node knows no Redemptions contract"))
		return
	}
	var req RedeemRequest
	if err := decodeBody(r, &req); err != nil {
		n.fail(w, err)
		return
	}
	var proof [8]*big.Int
	for i, p := range req.Proof {
		if p == nil {
			n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "proof must be 8 numbers"))
			return
		}
		proof[i] = p.ToInt()
	}
	if req.Nullifier == nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "nullifier is required"))
		return
	}
	rcpt, err := n.redemptions.Redeem(r.Context(), n.relayer, req.DealID, proof, new(big.Int).SetUint64(req.Day), req.Nullifier.ToInt(), req.Payout)
	if err != nil {
		if strings.Contains(err.Error(), "NullifierUsed") {
			err = &bazaar.Error{Code: bazaar.ECodeConflict, Message: "this agent has already redeemed this deal", Err: err}
		}
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"dealId": req.DealID, "txHash": rcpt.TxHash.Hex(), "block": rcpt.BlockNumber.Uint64()})
}

// redemptionCount sums the on-chain redemptions of a vendor's deals.
func (n *Node) redemptionCount(ctx context.Context, vendor common.Address) (uint64, error) {
	if n.redemptions == nil {
		return 0, nil
	}
	var total uint64
	for _, id := range n.index.VendorDeals(vendor) {
		c, err := n.redemptions.Count(ctx, id)
		if err != nil {
			return 0, err
		}
		total += c
	}
	return total, nil
}

// runAgentRedeem: `bazaar agent redeem DEAL_ID [--demo NAME | --key FILE --area AREA] [--payout ADDR] [--node URL]`.
func runAgentRedeem(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("agent redeem", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var af agentFlags
	af.register(fs)
	area := fs.String("area", "", "the coarse area the credential claims, as your signals do (not with --demo), e.g. \"Quận 1\"")
	payout := fs.String("payout", "", "address the proof binds [the agent's pseudonym for the deal's vendor, which signs its acceptance]")
	keysDir := fs.String("keys", filepath.Join(os.TempDir(), "bazaar-prover"), "where the proving key is cached")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || !strings.HasPrefix(pos[0], "0x") {
		return errors.New("usage: bazaar agent redeem DEAL_ID [--demo NAME | --key FILE --area AREA]")
	}
	if *payout != "" && !common.IsHexAddress(*payout) {
		return fmt.Errorf("--payout %q is not an address", *payout)
	}
	if af.demo == "" {
		if _, ok := areaCenters[*area]; !ok {
			return fmt.Errorf("--area %q: the credential claims one of %s", *area, knownAreas())
		}
	}
	id, err := af.identity(stderr)
	if err != nil {
		return err
	}
	base := strings.TrimRight(af.node, "/")
	res, err := RedeemAs(ctx, base, common.HexToHash(pos[0]), &id, *area, common.HexToAddress(*payout), *keysDir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "redeemed deal %s (proof %s, tx %s)\n", pos[0], res.ProveTime.Round(time.Millisecond), res.TxHash)
	return nil
}

// RedeemResult is what Redeem did.
type RedeemResult struct {
	TxHash    string
	ProveTime time.Duration
}

// Redeem is RedeemAs for a demo agent.
func Redeem(ctx context.Context, node string, dealID common.Hash, demo string, payout common.Address, keysDir string) (*RedeemResult, error) {
	id := demoAgentID(demo)
	return RedeemAs(ctx, node, dealID, &id, "", payout, keysDir)
}

// RedeemAs proves an agent's eligibility for a deal and submits it through the node: its
// credential for the deal's category comes sealed from the matcher (claiming area, for a
// key-file agent), and a key-file agent keeps the secret it binds. Every check that can be made
// locally is made before proving, with a message saying why not.
func RedeemAs(ctx context.Context, node string, dealID common.Hash, id *agentID, area string, payout common.Address, keysDir string) (*RedeemResult, error) {
	var info struct {
		RPCURL    string         `json:"rpcUrl"`
		Contracts map[string]any `json:"contracts"`
		Matcher   map[string]any `json:"matcher"`
		Prover    map[string]any `json:"prover"`
	}
	if err := apiCall(ctx, http.MethodGet, node+"/info", nil, &info); err != nil {
		return nil, err
	}
	issuerHex, _ := info.Matcher["issuerKey"].(string)
	issuerPub, err := hexutil.Decode(issuerHex)
	if err != nil {
		return nil, errors.New("the node names no credential issuer key")
	}
	id.useIssuer(issuerHex)
	var deal DealView
	if err := apiCall(ctx, http.MethodGet, node+"/deals/"+dealID.Hex(), nil, &deal); err != nil {
		return nil, fmt.Errorf("deal %s: %w", dealID.Hex(), err)
	}
	if deal.Status != StatusActive {
		return nil, fmt.Errorf("deal %s is %s: nothing to redeem", dealID.Hex(), deal.Status)
	}
	d, err := bazaar.DecodeDeal(deal.Document)
	if err != nil {
		return nil, fmt.Errorf("deal document: %w", err)
	}
	cred, err := requestCredentialAs(ctx, node, id, d.Service.Category, area)
	if err != nil {
		return nil, fmt.Errorf("credential: %w", err)
	}
	if err := id.learn(cred); err != nil {
		return nil, err
	}
	if payout == (common.Address{}) {
		payout = id.pseudonym(common.HexToAddress(deal.Vendor)).Address()
	}
	req := prover.RequirementsOf(dealID, d)
	day := uint64(time.Now().Unix() / 86400)
	if err := prover.Eligible(req, cred, day); err != nil {
		return nil, fmt.Errorf("not eligible for this deal: %w", err)
	}
	// Already redeemed? The nullifier is public once spent; ask the chain before proving.
	if addr, _ := info.Contracts["Redemptions"].(string); common.IsHexAddress(addr) && info.RPCURL != "" {
		if client, err := ethclient.DialContext(ctx, info.RPCURL); err == nil {
			used, err := chain.NewRedemptions(client, common.HexToAddress(addr)).NullifierUsed(ctx, cred.Nullifier(req.DealID))
			client.Close()
			if err == nil && used {
				return nil, errors.New("this agent has already redeemed this deal")
			}
		}
	}
	logger.Disable()
	keys, err := prover.DevKeysCached(keysDir)
	if err != nil {
		return nil, err
	}
	// The agent proves with the development keys only: a verifier under other keys (a
	// ceremony's) would refuse the proof on-chain.
	if want, _ := info.Prover["vkHash"].(string); want != "" {
		if have, err := keys.VKHash(); err == nil && !strings.EqualFold(want, hexutil.Encode(have[:])) {
			return nil, fmt.Errorf("the deployment's verifier checks proofs under other keys (vk hash %s) than the development keys this agent proves with", want)
		}
	}
	w, err := prover.AssignmentFor(req, cred, issuerPub, day, new(big.Int).SetBytes(payout.Bytes()))
	if err != nil {
		return nil, err
	}
	old := debug.SetGCPercent(proverGC)
	start := time.Now()
	p, err := keys.Prove(w)
	took := time.Since(start)
	debug.SetGCPercent(old)
	if err != nil {
		return nil, fmt.Errorf("prove: %w", err)
	}
	body := RedeemRequest{DealID: dealID, Day: day, Nullifier: (*hexutil.Big)(p.Public[1]), Payout: payout}
	for i, x := range p.Words {
		body.Proof[i] = (*hexutil.Big)(x)
	}
	var out struct {
		TxHash string `json:"txHash"`
	}
	if err := apiCall(ctx, http.MethodPost, node+"/redemptions", body, &out); err != nil {
		return nil, err
	}
	return &RedeemResult{TxHash: out.TxHash, ProveTime: took}, nil
}

// publishProverKeys publishes the development proving and verifying keys to this node's IPFS
// and records their CIDs and the verifying key's hash (prover.Keys.VKHash, which the contract
// checks against its verifier's) in the Redemptions contract. The setup takes seconds, so it runs
// in the background after start; nothing is sent if keys are recorded, or if the deployment's
// verifier checks proofs under other keys than the development ones (a ceremony's keys are
// published with the deployment: Deploy.s.sol's PK_CID, VK_CID).
func (n *Node) publishProverKeys(ctx context.Context) {
	p, err := n.redemptions.Provenance(ctx)
	if err != nil || p.Recorded.VKHash != (common.Hash{}) {
		return
	}
	logger.Disable()
	keys, err := prover.DevKeys()
	if err != nil {
		n.log.Warn("prover keys not published", "err", err)
		return
	}
	vkHash, err := keys.VKHash()
	if err != nil {
		n.log.Warn("prover keys not published", "err", err)
		return
	}
	if !p.DevelopmentKeys || p.VKHash != vkHash {
		n.log.Warn("development prover keys not published: the deployment's verifier uses other keys", "verifier", p.Verifier, "vkHash", p.VKHash)
		return
	}
	var pk, vk bytes.Buffer
	if _, err := keys.PK.WriteTo(&pk); err != nil {
		n.log.Warn("prover keys not published", "err", err)
		return
	}
	if _, err := keys.VK.WriteTo(&vk); err != nil {
		n.log.Warn("prover keys not published", "err", err)
		return
	}
	pkCid, err := n.ipfs.AddFile(ctx, bytes.NewReader(pk.Bytes()))
	if err != nil {
		n.log.Warn("prover keys not published", "err", err)
		return
	}
	vkCid, err := n.ipfs.AddFile(ctx, bytes.NewReader(vk.Bytes()))
	if err != nil {
		n.log.Warn("prover keys not published", "err", err)
		return
	}
	rec := chain.ProverKeys{VKHash: vkHash, PKCid: pkCid.String(), VKCid: vkCid.String()}
	if err := n.redemptions.SetProverKeys(ctx, n.relayer, rec); err != nil {
		n.log.Warn("prover keys not recorded on-chain", "err", err)
		return
	}
	n.log.Info("prover keys published (DEVELOPMENT keys: insecure)", "pk", rec.PKCid, "vk", rec.VKCid, "vkHash", rec.VKHash, "pkBytes", pk.Len())
}

// linkedOutput submits a linked matcher's signed outputs for the Redemptions contract (the
// relayer pays; the contract checks the signature and the matcher's registration).
func (n *Node) linkedOutput(matcher common.Address, kind string, body json.RawMessage) {
	if n.redemptions == nil || n.relayer == nil {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		var err error
		switch kind {
		case "requirements":
			var s chain.SignedRequirements
			if err = json.Unmarshal(body, &s); err == nil && (s.ReqHash == nil || s.IssuerX == nil || s.IssuerY == nil) {
				err = errors.New("signed requirements without reqHash, issuerX or issuerY")
			}
			if err != nil {
				break
			}
			// Only the matcher whose registered issuer key the post names can post it: anything
			// else would revert, so it is not sent.
			x, y, rerr := n.redemptions.IssuerOf(ctx, matcher)
			if rerr != nil {
				err = rerr
				break
			}
			if x.Cmp(s.IssuerX.ToInt()) != 0 || y.Cmp(s.IssuerY.ToInt()) != 0 {
				err = fmt.Errorf("matcher %s posts requirements for issuer key (%s, %s), not its registered one", matcher, s.IssuerX, s.IssuerY)
				break
			}
			if err = n.redemptions.SubmitRequirements(ctx, n.relayer, s); errors.Is(err, chain.ErrRequirementsPosted) {
				n.log.Debug("requirements already on-chain", "deal", s.DealID, "version", s.Version)
				return
			}
		case "issuer":
			var s chain.SignedIssuer
			if err = json.Unmarshal(body, &s); err == nil && s.X != nil && s.Y != nil {
				if x, y, rerr := n.redemptions.IssuerOf(ctx, matcher); rerr == nil && x.Cmp(s.X.ToInt()) == 0 && y.Cmp(s.Y.ToInt()) == 0 {
					return // already registered
				}
				err = n.redemptions.SubmitIssuer(ctx, n.relayer, s)
			}
		default:
			err = fmt.Errorf("unknown output %q", kind)
		}
		if err != nil {
			n.log.Warn("linked matcher's output not submitted", "kind", kind, "err", err)
		}
	}()
}

// proverInfo is /info's "prover", read from the chain: the verifier, the hash of the verifying
// key it checks proofs under (prover.Keys.VKHash), whether those are the development keys, and
// where the keys are published.
func (n *Node) proverInfo(ctx context.Context) map[string]any {
	if n.redemptions == nil {
		return map[string]any{}
	}
	p, err := n.redemptions.Provenance(ctx)
	if err != nil {
		return map[string]any{"error": "the chain could not be read"}
	}
	out := map[string]any{"verifier": p.Verifier.Hex(), "vkHash": p.VKHash.Hex(), "developmentKeys": p.DevelopmentKeys}
	if p.Recorded.VKHash == (common.Hash{}) {
		out["keys"] = "not published yet"
	} else {
		out["pkCid"], out["vkCid"] = p.Recorded.PKCid, p.Recorded.VKCid
	}
	return out
}

// requestCredential is requestCredentialAs for a demo agent.
func requestCredential(ctx context.Context, node, demo, category string) (prover.Credential, error) {
	id := demoAgentID(demo)
	return requestCredentialAs(ctx, node, &id, category, "")
}

// requestCredentialAs asks the matcher (sealed to its attested key) for the agent's credential
// and reads it from the mailbox the request names (a key-file agent's: a fresh one each time).
// With a Settlement contract the request proves the
// agent's account, whose settled purchases count towards the credential (a key-file agent's
// request must: its credential binds that account's secret).
func requestCredentialAs(ctx context.Context, node string, id *agentID, category, area string) (prover.Credential, error) {
	var cred prover.Credential
	_, key, _, err := CheckMatcherKey(ctx, node)
	if err != nil {
		return cred, err
	}
	box, notify, err := id.credentialMailbox()
	if err != nil {
		return cred, err
	}
	cr := CredentialRequest{Demo: id.demo, Category: category}
	if id.demo == "" {
		cr.Mailbox, cr.NotifyKey, cr.Area = bazaar.MailboxID(box.Public().(ed25519.PublicKey)), notify, area
	}
	var info struct {
		ChainID   uint64         `json:"chainId"`
		Contracts map[string]any `json:"contracts"`
	}
	if err := apiCall(ctx, http.MethodGet, node+"/info", nil, &info); err != nil {
		return cred, err
	}
	if st, _ := info.Contracts["Settlement"].(string); common.IsHexAddress(st) && common.HexToAddress(st) != (common.Address{}) {
		p, err := SignAccountProof(id.account, purposeHistory, new(big.Int).SetUint64(info.ChainID), common.HexToAddress(st))
		if err != nil {
			return cred, err
		}
		cr.History = &p
	} else if id.demo == "" {
		return cred, errors.New("this deployment names no Settlement contract: only demo agents get credentials from it")
	}
	sealed, err := matcher.SealSignalJSON(key.X25519, map[string]any{"credentialRequest": cr})
	if err != nil {
		return cred, err
	}
	lctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	got := make(chan prover.Credential, 1)
	listening := make(chan error, 1)
	go func() {
		listening <- AgentListen(lctx, node, box, notify, func(p json.RawMessage) bool {
			var m CredentialMessage
			if json.Unmarshal(p, &m) == nil && m.Type == "credential" && m.Credential.Category == prover.CategoryID(category) {
				got <- m.Credential
				return false
			}
			return true // a deal notification, or an earlier request's credential for another category
		})
	}()
	// The relay hands an envelope to the connections open at that moment: one still closing
	// (an earlier request's) can take it while this one is being opened. So the request goes
	// again every few seconds until the credential is here; the matcher issues the same.
	ask := func() error {
		return apiCall(ctx, http.MethodPost, node+"/credentials", map[string]any{"sealed": sealed}, nil)
	}
	if err := ask(); err != nil {
		return cred, err
	}
	again := time.NewTicker(3 * time.Second)
	defer again.Stop()
	for {
		select {
		case cred = <-got:
			return cred, nil
		case err := <-listening:
			select {
			case cred = <-got: // the listener stops right after handing the credential over
				return cred, nil
			default:
			}
			if err == nil {
				err = errors.New("mailbox closed")
			}
			return cred, fmt.Errorf("no credential arrived: %w", err)
		case <-again.C:
			if err := ask(); err != nil {
				return cred, err
			}
		case <-lctx.Done():
			return cred, errors.New("no credential arrived in the mailbox within 30 s")
		}
	}
}

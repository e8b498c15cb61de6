package main

import (
	"bytes"
	"context"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/hpke"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/gorilla/websocket"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ipfs"
	"github.com/bazaar-market/bazaar/matcher"
)

func cryptoBytes(k *ecdsa.PrivateKey) []byte { return crypto.FromECDSA(k) }

// loadKey reads a hex private key from --key, --key-file or $BAZAAR_VENDOR_KEY.
func loadKey(hexKey, file string) (*ecdsa.PrivateKey, error) {
	if hexKey == "" && file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("key file: %w", err)
		}
		hexKey = strings.TrimSpace(string(b))
	}
	if hexKey == "" {
		hexKey = os.Getenv("BAZAAR_VENDOR_KEY")
	}
	if hexKey == "" {
		return nil, errors.New("a vendor key is required: --key HEX, --key-file FILE or $BAZAAR_VENDOR_KEY")
	}
	k, err := crypto.HexToECDSA(strings.TrimPrefix(hexKey, "0x"))
	if err != nil {
		return nil, fmt.Errorf("vendor key: %w", err)
	}
	return k, nil
}

// apiCall posts JSON and decodes the answer; a JSON error body becomes a plain error.
func apiCall(ctx context.Context, method, u string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		var e apiError
		if json.Unmarshal(b, &e) == nil && e.Error.Code != "" {
			msg := e.Error.Message
			for _, f := range e.Error.Fields {
				msg += fmt.Sprintf("\n  %s: %s", f.Field, f.Message)
			}
			return fmt.Errorf("%s %s: %s (%s)", method, u, msg, e.Error.Code)
		}
		return fmt.Errorf("%s %s: %s", method, u, resp.Status)
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}

// PostResult is POST /deals' answer.
type PostResult struct {
	DealID  string `json:"dealId"`
	CID     string `json:"cid,omitempty"`
	TxHash  string `json:"txHash"`
	Version uint64 `json:"version,omitempty"`
	Status  string `json:"status,omitempty"`
}

// VendorPost signs and posts a document: it asks the node for the EIP-712 typed data, checks
// that the typed data is really about this document and this vendor, signs it and posts.
func VendorPost(ctx context.Context, node string, key *ecdsa.PrivateKey, doc *bazaar.Deal) (PostResult, error) {
	js, td, sig, err := signDocument(ctx, node, key, doc, "")
	if err != nil {
		return PostResult{}, err
	}
	var res PostResult
	err = apiCall(ctx, http.MethodPost, node+"/deals", map[string]any{
		"document": json.RawMessage(js), "signature": hexutil.Encode(sig),
		"nonce": fmt.Sprint(td.Message["nonce"]), "counter": fmt.Sprint(td.Message["counter"]),
	}, &res)
	return res, err
}

// VendorUpdate signs and submits the next version of a deal.
func VendorUpdate(ctx context.Context, node string, key *ecdsa.PrivateKey, dealID string, doc *bazaar.Deal) (PostResult, error) {
	js, td, sig, err := signDocument(ctx, node, key, doc, dealID)
	if err != nil {
		return PostResult{}, err
	}
	version, err := strconv.ParseUint(fmt.Sprint(td.Message["version"]), 10, 64)
	if err != nil {
		return PostResult{}, fmt.Errorf("typed data version: %w", err)
	}
	var res PostResult
	err = apiCall(ctx, http.MethodPut, node+"/deals/"+dealID, map[string]any{
		"document": json.RawMessage(js), "signature": hexutil.Encode(sig),
		"counter": fmt.Sprint(td.Message["counter"]), "version": version,
	}, &res)
	return res, err
}

// VendorCancel signs CancelDeal for a deal and submits it.
func VendorCancel(ctx context.Context, node string, key *ecdsa.PrivateKey, dealID string) (PostResult, error) {
	var tdJSON json.RawMessage
	if err := apiCall(ctx, http.MethodPost, node+"/eip712/cancel", map[string]any{"dealId": dealID}, &tdJSON); err != nil {
		return PostResult{}, err
	}
	td, err := chain.ParseWalletJSON(tdJSON)
	if err != nil {
		return PostResult{}, err
	}
	if td.PrimaryType != "CancelDeal" || !strings.EqualFold(fmt.Sprint(td.Message["dealId"]), dealID) || td.Domain.Name != "Bazaar" {
		return PostResult{}, errors.New("the node's typed data does not cancel this deal: refusing to sign")
	}
	sig, err := chain.SignTyped(key, td)
	if err != nil {
		return PostResult{}, err
	}
	var res PostResult
	err = apiCall(ctx, http.MethodDelete, node+"/deals/"+dealID, map[string]any{"signature": hexutil.Encode(sig)}, &res)
	return res, err
}

// signDocument fetches the typed data for doc (an update of dealID if set), checks it names
// this document's digest and this key's vendor, and signs it.
func signDocument(ctx context.Context, node string, key *ecdsa.PrivateKey, doc *bazaar.Deal, dealID string) ([]byte, apitypes.TypedData, []byte, error) {
	var td apitypes.TypedData
	vendor := crypto.PubkeyToAddress(key.PublicKey)
	if doc.Vendor == (common.Address{}) {
		doc.Vendor = vendor
	}
	if doc.Vendor != vendor {
		return nil, td, nil, fmt.Errorf("document vendor %s is not the key's address %s", doc.Vendor.Hex(), vendor.Hex())
	}
	js, err := json.Marshal(doc)
	if err != nil {
		return nil, td, nil, err
	}
	canonical, err := ipfs.Canonical(js)
	if err != nil {
		return nil, td, nil, err
	}
	req := map[string]any{"document": json.RawMessage(js)}
	if dealID != "" {
		req["dealId"] = dealID
	}
	var tdJSON json.RawMessage
	if err := apiCall(ctx, http.MethodPost, node+"/eip712/deal", req, &tdJSON); err != nil {
		return nil, td, nil, err
	}
	if td, err = chain.ParseWalletJSON(tdJSON); err != nil {
		return nil, td, nil, err
	}
	digest := common.Hash(sha256.Sum256(canonical))
	if td.PrimaryType != "DealHeader" || !strings.EqualFold(fmt.Sprint(td.Message["digest"]), digest.Hex()) ||
		!strings.EqualFold(fmt.Sprint(td.Message["vendor"]), vendor.Hex()) || td.Domain.Name != "Bazaar" {
		return nil, td, nil, errors.New("the node's typed data does not describe this document: refusing to sign")
	}
	sig, err := chain.SignTyped(key, td)
	return js, td, sig, err
}

// runVendor runs `bazaar vendor post FILE`, `vendor update DEALID FILE` and `vendor cancel DEALID`.
func runVendor(ctx context.Context, verb string, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("vendor "+verb, flag.ContinueOnError)
	fs.SetOutput(stderr)
	keyHex := fs.String("key", "", "vendor private key (hex)")
	keyFile := fs.String("key-file", "", "file holding the vendor private key (hex)")
	node := fs.String("node", "http://127.0.0.1:8080", "node API URL")
	expiresIn := fs.Duration("expires-in", 7*24*time.Hour, "expiry to set when the document has no expiresAt")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	want := map[string]int{"post": 1, "update": 2, "cancel": 1}[verb]
	if len(pos) != want {
		return errors.New("usage: bazaar vendor post FILE | update DEALID FILE | cancel DEALID  --key HEX|--key-file F [--node URL]")
	}
	key, err := loadKey(*keyHex, *keyFile)
	if err != nil {
		return err
	}
	base := strings.TrimRight(*node, "/")
	readDoc := func(path string) (*bazaar.Deal, error) {
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		doc, err := bazaar.DecodeDeal(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if doc.ExpiresAt == 0 {
			doc.ExpiresAt = time.Now().Add(*expiresIn).UnixMilli()
		}
		return doc, nil
	}
	var res PostResult
	switch verb {
	case "post":
		doc, err := readDoc(pos[0])
		if err != nil {
			return err
		}
		res, err = VendorPost(ctx, base, key, doc)
		if err != nil {
			return err
		}
	case "update":
		doc, err := readDoc(pos[1])
		if err != nil {
			return err
		}
		if res, err = VendorUpdate(ctx, base, key, pos[0], doc); err != nil {
			return err
		}
	case "cancel":
		if res, err = VendorCancel(ctx, base, key, pos[0]); err != nil {
			return err
		}
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}

// relayURL turns a node URL into its relay websocket URL for a mailbox.
func relayURL(node, mailbox string) (string, error) {
	u, err := url.Parse(node)
	if err != nil {
		return "", err
	}
	switch u.Scheme {
	case "http":
		u.Scheme = "ws"
	case "https":
		u.Scheme = "wss"
	default:
		return "", fmt.Errorf("node URL %q: want http or https", node)
	}
	u.Path = strings.TrimRight(u.Path, "/") + "/relay"
	u.RawQuery = url.Values{"mailbox": {mailbox}}.Encode()
	return u.String(), nil
}

// AgentListen subscribes to a mailbox and calls each with every payload received, until ctx ends,
// each returns false, or the connection fails.
func AgentListen(ctx context.Context, node string, mailboxKey ed25519.PrivateKey, key []byte, each func(json.RawMessage) bool) error {
	return agentListen(ctx, node, mailboxKey, key, &seqSet{}, each)
}

// agentListen is AgentListen dropping envelopes whose seq is in seen, which it adds to: a
// client that reconnects keeps seen, so an envelope it read and whose ack the relay lost (it
// crashed) is not taken twice.
func agentListen(ctx context.Context, node string, mailboxKey ed25519.PrivateKey, key []byte, seen *seqSet, each func(json.RawMessage) bool) error {
	return mailboxListen(ctx, node, mailboxKey, 0, seen, func(sealed []byte) bool {
		p, err := bazaar.OpenNotification(key, sealed)
		if err != nil {
			return true // cover traffic or not ours: indistinguishable by design
		}
		return each(p)
	})
}

// MailboxListen opens a mailbox at the node's relay and calls each with every sealed envelope,
// until ctx ends, each returns false, the connection fails, or (idle > 0) nothing arrives for
// idle: the stored backlog comes first, so a short idle drains a mailbox.
func MailboxListen(ctx context.Context, node string, mailboxKey ed25519.PrivateKey, idle time.Duration, each func(sealed []byte) bool) error {
	return mailboxListen(ctx, node, mailboxKey, idle, &seqSet{}, each)
}

// mailboxListen is MailboxListen dropping envelopes whose seq is in seen, which it adds to.
func mailboxListen(ctx context.Context, node string, mailboxKey ed25519.PrivateKey, idle time.Duration, seen *seqSet, each func(sealed []byte) bool) error {
	mailbox := bazaar.MailboxID(mailboxKey.Public().(ed25519.PublicKey))
	u, err := relayURL(node, mailbox)
	if err != nil {
		return err
	}
	conn, _, err := websocket.DefaultDialer.DialContext(ctx, u, nil)
	if err != nil {
		return fmt.Errorf("connect to relay: %w", err)
	}
	defer conn.Close()
	// Open the mailbox: sign the relay's challenge with the mailbox key.
	var ch struct {
		Type  string `json:"type"`
		Nonce []byte `json:"nonce"`
	}
	if err := conn.ReadJSON(&ch); err != nil || ch.Type != "challenge" {
		return fmt.Errorf("relay challenge: %v", err)
	}
	sig := ed25519.Sign(mailboxKey, bazaar.MailboxChallenge(mailbox, ch.Nonce))
	// acks: an envelope leaves the relay's store when this client says it has read it, so one the
	// relay wrote into a connection that was going away comes again on the next.
	if err := conn.WriteJSON(map[string]any{"type": "auth", "pub": []byte(mailboxKey.Public().(ed25519.PublicKey)), "sig": sig, "acks": true}); err != nil {
		return fmt.Errorf("relay auth: %w", err)
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	for {
		if idle > 0 {
			conn.SetReadDeadline(time.Now().Add(idle))
		}
		_, msg, err := conn.ReadMessage()
		if err != nil {
			var ne net.Error
			if ctx.Err() != nil || (idle > 0 && errors.As(err, &ne) && ne.Timeout()) {
				conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""))
				return nil
			}
			return fmt.Errorf("relay: %w", err)
		}
		seq, sealed, err := envelopeSeqPayload(msg)
		if err != nil {
			return err
		}
		// An envelope not acknowledged before (this client stopped, its connection went, or the
		// relay crashed before the ack reached the store) comes again under the same seq.
		if !seen.add(seq) {
			continue
		}
		more := each(sealed)
		// Every envelope is acknowledged, cover traffic too, so acks tell the relay nothing.
		if seq != 0 {
			conn.WriteJSON(map[string]any{"type": "ack", "seq": seq})
		}
		if !more {
			conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""))
			return nil
		}
	}
}

// CheckMatcher verifies on-chain, through the chain's own JSON-RPC rather than the node's word,
// that the node's matcher is registered in the AttestationRegistry. It returns the matcher's
// address and whether its registration is simulated (a development test root).
func CheckMatcher(ctx context.Context, node string) (common.Address, bool, error) {
	m, _, simulated, err := CheckMatcherKey(ctx, node)
	return m, simulated, err
}

// CheckMatcherKey is CheckMatcher that also returns the matcher's HPKE public key, checked
// against the hash its attestation bound on-chain: the only key an agent may seal signals to.
func CheckMatcherKey(ctx context.Context, node string) (common.Address, MatcherKey, bool, error) {
	return checkMatcher(ctx, node, "")
}

// CheckMatcherFor is CheckMatcherKey for the matcher owning an ephemeral id: with sharded
// matchers, the one whose attested shard holds it.
func CheckMatcherFor(ctx context.Context, node, ephemeralID string) (common.Address, MatcherKey, bool, error) {
	return checkMatcher(ctx, node, ephemeralID)
}

func checkMatcher(ctx context.Context, node, ephemeralID string) (common.Address, MatcherKey, bool, error) {
	var none MatcherKey
	var info struct {
		RPCURL    string           `json:"rpcUrl"`
		Contracts map[string]any   `json:"contracts"`
		Matcher   map[string]any   `json:"matcher"`
		Matchers  []map[string]any `json:"matchers"`
	}
	if err := apiCall(ctx, http.MethodGet, node+"/info", nil, &info); err != nil {
		return common.Address{}, none, false, err
	}
	reg, _ := info.Contracts["AttestationRegistry"].(string)
	addr, _ := info.Matcher["address"].(string)
	hpkeHex, _ := info.Matcher["hpkePublicKey"].(string)
	if ephemeralID != "" {
		addr, hpkeHex = "", ""
		for _, m := range info.Matchers {
			h, _ := m["hpkePublicKey"].(string)
			raw, err := hexutil.Decode(h)
			if err != nil {
				continue
			}
			// The shard is read from the key blob itself (checked against the chain below),
			// not from the node's word.
			if sh, ok, err := matcher.KeyShard(raw); err == nil && (!ok || sh.Holds(ephemeralID)) {
				addr, _ = m["address"].(string)
				hpkeHex = h
				break
			}
		}
	}
	if !common.IsHexAddress(reg) || !common.IsHexAddress(addr) || info.RPCURL == "" {
		return common.Address{}, none, false, errors.New("the node names no attested matcher (for this ephemeral id's shard)")
	}
	client, err := ethclient.DialContext(ctx, info.RPCURL)
	if err != nil {
		return common.Address{}, none, false, err
	}
	defer client.Close()
	att := chain.NewAttestation(client, common.HexToAddress(reg))
	m := common.HexToAddress(addr)
	ok, err := att.IsRegistered(ctx, m)
	if err != nil {
		return m, none, false, fmt.Errorf("check matcher registration: %w", err)
	}
	if !ok {
		return m, none, false, fmt.Errorf("matcher %s is not registered (or expired, or its measurement was revoked): refusing to trust it", m.Hex())
	}
	rec, err := att.Matcher(ctx, m)
	if err != nil {
		return m, none, false, err
	}
	raw, err := hexutil.Decode(hpkeHex)
	if err != nil || crypto.Keccak256Hash(raw) != common.Hash(rec.HpkeKeyHash) {
		return m, none, false, fmt.Errorf("the node's HPKE key for matcher %s is not the one its attestation bound: refusing", m.Hex())
	}
	x, hybrid, err := matcher.ParseAttestedKey(raw)
	if err != nil {
		return m, none, false, fmt.Errorf("matcher HPKE key: %w", err)
	}
	return m, MatcherKey{X25519: x, Hybrid: hybrid}, rec.TestOnly, nil
}

// MatcherKey is a matcher's attested HPKE keys: X25519, and ML-KEM-768+X25519 if it offers the
// post-quantum hybrid suite.
type MatcherKey struct {
	X25519 *ecdh.PublicKey
	Hybrid hpke.PublicKey
}

// Suites agents may seal with.
const (
	SuiteX25519 = "x25519"         // DHKEM(X25519), HKDF-SHA256, ChaCha20-Poly1305
	SuiteHybrid = "mlkem768x25519" // MLKEM768-X25519 (post-quantum hybrid), HKDF-SHA256, ChaCha20-Poly1305
)

// seal seals v (a signal or an opt-out) to the matcher with the chosen suite.
func (k MatcherKey) seal(suite string, v any) ([]byte, error) {
	switch suite {
	case SuiteX25519, "":
		switch x := v.(type) {
		case bazaar.Signal:
			return matcher.SealSignal(k.X25519, x)
		case bazaar.OptOut:
			return matcher.SealOptOut(k.X25519, x)
		}
		return nil, fmt.Errorf("cannot seal %T", v)
	case SuiteHybrid:
		if k.Hybrid == nil {
			return nil, errors.New("this matcher offers no post-quantum hybrid key: use --suite x25519")
		}
		if o, ok := v.(bazaar.OptOut); ok {
			return matcher.SealHybrid(k.Hybrid, map[string]any{"optOut": o})
		}
		return matcher.SealHybrid(k.Hybrid, v)
	}
	return nil, fmt.Errorf("unknown suite %q: %s or %s", suite, SuiteX25519, SuiteHybrid)
}

// AgentState is what `bazaar agent optin` keeps locally: the mailbox and the key its
// notifications are sealed with. It never leaves the agent's machine.
type AgentState struct {
	Mailbox     string        `json:"mailbox"`    // relay mailbox id (hash of the mailbox key)
	MailboxSeed []byte        `json:"mailboxKey"` // Ed25519 seed of the mailbox key
	NotifyKey   []byte        `json:"notifyKey"`
	EphemeralID string        `json:"ephemeralId"`
	ExpiresAt   int64         `json:"expiresAt"`
	Signal      bazaar.Signal `json:"signal"`      // what was opted in, for local re-evaluation
	OptOutToken []byte        `json:"optOutToken"` // withdraws the signal (its sha256 went with it)
	Suite       string        `json:"suite,omitempty"`
}

// OptIn seals a signal to the node's attested matcher key and submits it.
func OptIn(ctx context.Context, node string, s bazaar.Signal, suite string) error {
	_, key, _, err := CheckMatcherFor(ctx, node, s.EphemeralID)
	if err != nil {
		return err
	}
	sealed, err := key.seal(suite, s)
	if err != nil {
		return err
	}
	return apiCall(ctx, http.MethodPost, node+"/signals", map[string]any{"sealed": sealed}, nil)
}

func runAgentOptIn(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("agent optin", flag.ContinueOnError)
	fs.SetOutput(stderr)
	node := fs.String("node", "http://127.0.0.1:8080", "node API URL")
	area := fs.String("area", "", "coarse area (district, ward or city), e.g. \"Quận 1\"")
	tier := fs.String("tier", "medium", "LTV tier: low, medium or high")
	loyalty := fs.Int("loyalty", 0, "loyalty level 0-5")
	cats := fs.String("categories", "", "comma-separated categories (empty: all)")
	maxPrice := fs.String("max-price", "", "highest discounted price to be told about")
	ttl := fs.Duration("ttl", 4*time.Hour, "how long this ephemeral identity lives (1-6h)")
	statePath := fs.String("state", ".bazaar-agent.json", "where to keep the mailbox and notification key")
	suite := fs.String("suite", SuiteX25519, "HPKE suite: x25519, or mlkem768x25519 (post-quantum hybrid)")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *ttl < time.Hour || *ttl > 6*time.Hour {
		return fmt.Errorf("--ttl %s: an ephemeral identity lives 1 to 6 hours", *ttl)
	}
	rnd := make([]byte, 112)
	if _, err := rand.Read(rnd); err != nil {
		return err
	}
	optOutHash := sha256.Sum256(rnd[80:112])
	mkey := ed25519.NewKeyFromSeed(rnd[48:80])
	st := AgentState{Mailbox: bazaar.MailboxID(mkey.Public().(ed25519.PublicKey)), MailboxSeed: rnd[48:80], NotifyKey: rnd[16:48],
		EphemeralID: hex.EncodeToString(rnd[:16]), ExpiresAt: time.Now().Add(*ttl).UnixMilli(), OptOutToken: rnd[80:112]}
	s := bazaar.Signal{EphemeralID: st.EphemeralID, LTVTier: *tier, LoyaltyLevel: *loyalty, Area: *area, Mailbox: st.Mailbox,
		NotifyKey: st.NotifyKey, OptOutHash: optOutHash[:], ExpiresAt: st.ExpiresAt}
	if *cats != "" {
		s.Categories = strings.Split(*cats, ",")
	}
	if *maxPrice != "" {
		if err := s.MaxPrice.UnmarshalJSON([]byte(*maxPrice)); err != nil {
			return fmt.Errorf("--max-price: %w", err)
		}
	}
	if err := s.Validate(time.Now()); err != nil {
		return err
	}
	if err := OptIn(ctx, strings.TrimRight(*node, "/"), s, *suite); err != nil {
		return err
	}
	st.Signal, st.Suite = s, *suite
	b, _ := json.MarshalIndent(st, "", "  ")
	if err := os.WriteFile(*statePath, b, 0o600); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "opted in; listen with: bazaar agent listen --state %s\n", *statePath)
	return nil
}

// OptOut withdraws a signal: the opt-out is sealed to the attested matcher key like the signal.
func OptOut(ctx context.Context, node string, st AgentState) error {
	_, key, _, err := CheckMatcherFor(ctx, node, st.EphemeralID)
	if err != nil {
		return err
	}
	sealed, err := key.seal(st.Suite, bazaar.OptOut{EphemeralID: st.EphemeralID, Token: st.OptOutToken})
	if err != nil {
		return err
	}
	return apiCall(ctx, http.MethodPost, node+"/signals", map[string]any{"sealed": sealed}, nil)
}

func runAgentOptOut(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("agent optout", flag.ContinueOnError)
	fs.SetOutput(stderr)
	node := fs.String("node", "http://127.0.0.1:8080", "node API URL")
	statePath := fs.String("state", ".bazaar-agent.json", "agent state written by 'bazaar agent optin'")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	b, err := os.ReadFile(*statePath)
	if err != nil {
		return err
	}
	var st AgentState
	if err := json.Unmarshal(b, &st); err != nil {
		return fmt.Errorf("agent state %s: %w", *statePath, err)
	}
	if err := OptOut(ctx, strings.TrimRight(*node, "/"), st); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "opted out: the matcher dropped the signal")
	return os.Remove(*statePath)
}

func runAgentListen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("agent listen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	mailbox := fs.String("mailbox", "", "mailbox id to listen on (demo-* mailboxes use the demo key)")
	statePath := fs.String("state", "", "agent state written by 'bazaar agent optin'")
	node := fs.String("node", "http://127.0.0.1:8080", "node API URL")
	count := fs.Int("count", 0, "exit after this many notifications (0: run until interrupted)")
	trustAny := fs.Bool("trust-unattested", false, "listen even if the matcher is not registered on-chain")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	var key []byte
	var mkey ed25519.PrivateKey
	var sig *bazaar.Signal // the agent's own signal, to re-check eligibility locally
	switch {
	case *statePath != "":
		b, err := os.ReadFile(*statePath)
		if err != nil {
			return err
		}
		var st AgentState
		if err := json.Unmarshal(b, &st); err != nil {
			return fmt.Errorf("agent state %s: %w", *statePath, err)
		}
		if len(st.MailboxSeed) != ed25519.SeedSize {
			return fmt.Errorf("agent state %s: no mailbox key", *statePath)
		}
		mkey, key = ed25519.NewKeyFromSeed(st.MailboxSeed), st.NotifyKey
		if st.Signal.Area != "" {
			sig = &st.Signal
		}
	case strings.HasPrefix(*mailbox, "demo-"):
		mkey, key = bazaar.DemoMailboxKey(*mailbox), bazaar.DemoNotifyKey(*mailbox)
		sig = demoSignal(*mailbox)
	default:
		return errors.New("give --state (from 'bazaar agent optin') or a demo-* --mailbox")
	}
	if m, simulated, err := CheckMatcher(ctx, strings.TrimRight(*node, "/")); err != nil {
		if !*trustAny {
			return err
		}
		fmt.Fprintln(stderr, "warning:", err)
	} else if simulated {
		fmt.Fprintf(stderr, "matcher %s is registered on-chain — SIMULATED SEV-SNP (development only)\n", m.Hex())
	} else {
		fmt.Fprintf(stderr, "matcher %s is registered on-chain (SEV-SNP attested)\n", m.Hex())
	}
	seen := 0
	base := strings.TrimRight(*node, "/")
	return AgentListen(ctx, base, mkey, key, func(p json.RawMessage) bool {
		line := evaluateLocally(ctx, base, p, sig)
		b, _ := json.Marshal(line)
		fmt.Fprintln(stdout, string(b))
		seen++
		return *count == 0 || seen < *count
	})
}

// ListenLine is one line of `agent listen`: the notification, whether the deal document the
// agent fetched matches its CID, and the agent's own re-check of eligibility (no signal leaves
// the machine for it).
type ListenLine struct {
	bazaar.Notification
	DocumentVerified bool   `json:"documentVerified"`
	Eligible         *bool  `json:"eligible,omitempty"`
	EvaluationMicros int64  `json:"evaluationMicros"`
	Error            string `json:"error,omitempty"`
}

func evaluateLocally(ctx context.Context, node string, p json.RawMessage, sig *bazaar.Signal) ListenLine {
	var line ListenLine
	if err := json.Unmarshal(p, &line.Notification); err != nil {
		line.Error = "notification: " + err.Error()
		return line
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, node+"/ipfs/"+line.CID+"?format=raw", nil)
	if err != nil {
		line.Error = err.Error()
		return line
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		line.Error = "fetch document: " + err.Error()
		return line
	}
	raw, err := io.ReadAll(io.LimitReader(resp.Body, bazaar.MaxDocumentSize+1))
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || ipfs.CID(raw).String() != line.CID {
		line.Error = "the document does not match its CID"
		return line
	}
	line.DocumentVerified = true
	d, err := bazaar.DecodeDeal(raw)
	if err != nil {
		line.Error = err.Error()
		return line
	}
	if sig != nil {
		start := time.Now()
		ok := d.ExpiresAt > time.Now().UnixMilli() && sig.Matches(d)
		line.EvaluationMicros = time.Since(start).Microseconds()
		line.Eligible = &ok
	}
	return line
}

// demoSignal reconstructs a demo agent's signal from its name (demo-<area>-<tier>-l<level>).
func demoSignal(name string) *bazaar.Signal {
	parts := strings.Split(name, "-")
	if len(parts) != 4 || !strings.HasPrefix(parts[3], "l") {
		return nil
	}
	for _, a := range demoAreas {
		if a.slug == parts[1] {
			lvl, err := strconv.Atoi(parts[3][1:])
			if err != nil {
				return nil
			}
			return &bazaar.Signal{Area: a.name, LTVTier: parts[2], LoyaltyLevel: lvl}
		}
	}
	return nil
}

// envelopePayload extracts the payload from a relay envelope.
func envelopePayload(msg []byte) (json.RawMessage, error) {
	_, p, err := envelopeSeqPayload(msg)
	return p, err
}

// envelopeSeqPayload is envelopePayload with the envelope's seq.
func envelopeSeqPayload(msg []byte) (uint64, json.RawMessage, error) {
	var env struct {
		Seq        uint64          `json:"seq"`
		Payload    json.RawMessage `json:"payload"`
		PayloadB64 []byte          `json:"payloadB64"`
	}
	if err := json.Unmarshal(msg, &env); err != nil {
		return 0, nil, fmt.Errorf("relay envelope: %w", err)
	}
	if len(env.Payload) > 0 {
		return env.Seq, env.Payload, nil
	}
	b, _ := json.Marshal(map[string][]byte{"payloadB64": env.PayloadB64})
	return env.Seq, b, nil
}

// seqSet remembers the last seqSetSize envelope seqs a mailbox connection saw. A real
// envelope's seq is never another of the mailbox's, nor a cover envelope's (relay.Envelope),
// so a seq seen again is a repeat; a cover envelope dropped as one is no loss.
type seqSet struct {
	seen  map[uint64]struct{}
	order []uint64
}

const seqSetSize = 4096

// add records seq and reports whether it is new.
func (s *seqSet) add(seq uint64) bool {
	if _, dup := s.seen[seq]; dup {
		return false
	}
	if s.seen == nil {
		s.seen = map[uint64]struct{}{}
	}
	s.seen[seq] = struct{}{}
	s.order = append(s.order, seq)
	if len(s.order) > seqSetSize {
		delete(s.seen, s.order[0])
		s.order = s.order[1:]
	}
	return true
}

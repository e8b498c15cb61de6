package main

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ledger"
	"github.com/bazaar-market/bazaar/prover"
)

// AgentKey is an agent's long-lived key, which the CLI keeps in a key file (mode 0600): the
// settlement account key, and per credential issuer the secret it derived for that account (its
// nullifiers and its pseudonym towards each vendor derive from it), kept once a credential
// brought it. Losing the file loses the account's balance; `agent optout`, which drops the
// short-lived opt-in state, leaves it alone.
type AgentKey struct {
	AccountKey hexutil.Bytes `json:"accountKey"` // secp256k1
	// Secrets are by the issuer's public key (0x hex, as /info's matcher.issuerKey).
	Secrets map[string]*hexutil.Big `json:"secrets,omitempty"`
}

const defaultAgentKeyFile = ".bazaar-agent-key.json"

// loadOrCreateAgentKey reads the agent key at path, or creates one there (saying so on w) when
// there is none.
func loadOrCreateAgentKey(path string, w io.Writer) (AgentKey, error) {
	var k AgentKey
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		if err := json.Unmarshal(b, &k); err != nil {
			return k, fmt.Errorf("agent key %s: %w", path, err)
		}
		if _, err := crypto.ToECDSA(k.AccountKey); err != nil {
			return k, fmt.Errorf("agent key %s: account key: %w", path, err)
		}
		return k, nil
	case !errors.Is(err, fs.ErrNotExist):
		return k, err
	}
	acct, err := crypto.GenerateKey()
	if err != nil {
		return k, err
	}
	k = AgentKey{AccountKey: crypto.FromECDSA(acct)}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return k, err
		}
	}
	out, _ := json.MarshalIndent(k, "", "  ")
	// O_EXCL: two commands starting at once must not each write a key of their own.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return loadOrCreateAgentKey(path, w)
	}
	if err != nil {
		return k, err
	}
	if _, err := f.Write(out); err != nil {
		f.Close()
		return k, err
	}
	if err := f.Close(); err != nil {
		return k, err
	}
	fmt.Fprintf(w, "created agent key %s (keep it: it holds your settlement account)\n", path)
	return k, nil
}

// saveAgentKey rewrites the key file (to keep the secret a credential brought).
func saveAgentKey(path string, k AgentKey) error {
	out, _ := json.MarshalIndent(k, "", "  ")
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, out, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// agentID is whom an agent command acts as: a demo agent (development: every key derives from
// its public name) or the holder of an agent key file.
type agentID struct {
	demo    string // the demo agent's name; "" for a key-file agent
	keyFile string // a key-file agent's
	key     AgentKey
	issuer  string   // the credential issuer in use (useIssuer)
	secret  *big.Int // its secret for the account; nil until a credential brought it
	account *ecdsa.PrivateKey
	// home is the mailbox the matcher delivers a demo agent's credentials to, and notify the key
	// they are sealed with. A key-file agent has none: each request names a fresh mailbox, so
	// the relay cannot link its credential deliveries (nor, by their timing, its redemptions).
	home   ed25519.PrivateKey
	notify []byte
}

func demoAgentID(name string) agentID {
	return agentID{demo: name, secret: demoSecret(name), account: demoAccountKey(name),
		home: bazaar.DemoMailboxKey(name), notify: bazaar.DemoNotifyKey(name)}
}

func keyAgentID(k AgentKey, path string) (agentID, error) {
	acct, err := crypto.ToECDSA(k.AccountKey)
	if err != nil {
		return agentID{}, err
	}
	return agentID{keyFile: path, key: k, account: acct}, nil
}

// useIssuer picks the secret a key-file agent holds from the credential issuer whose public key
// is issuerKey (0x hex); none yet leaves it nil. A demo agent's secret is its name's.
func (a *agentID) useIssuer(issuerKey string) {
	if a.demo != "" {
		return
	}
	a.issuer, a.secret = strings.ToLower(issuerKey), nil
	if s := a.key.Secrets[a.issuer]; s != nil {
		a.secret = s.ToInt()
	}
}

// learn keeps the secret a credential binds: a key-file agent's first credential from an issuer
// brings it, and a later one must bring the same (the issuer derives it from the account).
func (a *agentID) learn(c prover.Credential) error {
	if a.secret != nil {
		if a.secret.Cmp(c.Secret) != 0 {
			return errors.New("the credential binds another secret than the one this issuer gave this account before")
		}
		return nil
	}
	if a.keyFile == "" || a.issuer == "" {
		return errors.New("no credential issuer chosen for this agent")
	}
	if a.key.Secrets == nil {
		a.key.Secrets = map[string]*hexutil.Big{}
	}
	a.key.Secrets[a.issuer] = (*hexutil.Big)(new(big.Int).Set(c.Secret))
	if err := saveAgentKey(a.keyFile, a.key); err != nil {
		return fmt.Errorf("keep the credential secret in %s: %w", a.keyFile, err)
	}
	a.secret = new(big.Int).Set(c.Secret)
	return nil
}

// pseudonym is the agent's pseudonym towards vendor: its signing key, mailbox and reply key
// there, unlinkable to any other vendor's.
func (a agentID) pseudonym(vendor common.Address) bazaar.Pseudonym {
	return bazaar.DerivePseudonym(a.secret.Bytes(), vendor)
}

// credentialMailbox is where a credential request asks for the credential: a demo agent's own
// mailbox, or a fresh one for a key-file agent.
func (a agentID) credentialMailbox() (ed25519.PrivateKey, []byte, error) {
	if a.home != nil {
		return a.home, a.notify, nil
	}
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	notify := make([]byte, 32)
	if _, err := rand.Read(notify); err != nil {
		return nil, nil, err
	}
	return key, notify, nil
}

// String names the agent in messages.
func (a agentID) String() string {
	if a.demo != "" {
		return a.demo
	}
	return chain.KeyAddress(a.account).Hex()
}

// flagHint is how to name this agent on a command line.
func (a agentID) flagHint() string {
	if a.demo != "" {
		return "--demo " + a.demo
	}
	return "--key " + a.keyFile
}

// areaCenters are the coarse areas a credential's location may be (the centre stands for the
// whole area, as the agent's signals name only the area). A key-file agent's area is its own
// claim, as in its signals; a vendor that needs more than that asks for proximity rarely.
var areaCenters = map[string]bazaar.LatLng{
	"Quận 1": {Lat: 10.7769, Lng: 106.7009}, "Quận 3": {Lat: 10.7834, Lng: 106.6878},
	"Quận 5": {Lat: 10.7540, Lng: 106.6634}, "Quận 7": {Lat: 10.7340, Lng: 106.7216},
	"Quận 10": {Lat: 10.7729, Lng: 106.6680}, "Thủ Đức": {Lat: 10.8494, Lng: 106.7537},
	"Bình Thạnh": {Lat: 10.8106, Lng: 106.7091}, "Gò Vấp": {Lat: 10.8387, Lng: 106.6653},
}

func knownAreas() string {
	var names []string
	for a := range areaCenters {
		names = append(names, a)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

var mailboxIDRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}$`)

// credentialValidity is how long an issued credential lasts.
const credentialValidity = 30 // days

// agentSecret is the credential secret of a key-file agent's account: derived inside the
// matcher from its issuer key, so an account has one secret (one nullifier per deal, however
// many credentials it asks for), and nobody else can tell the secret from the account.
func agentSecret(iss *prover.Issuer, account common.Address) *big.Int {
	m := hmac.New(sha256.New, iss.Bytes())
	m.Write([]byte("bazaar agent credential secret v1\x00"))
	m.Write(account.Bytes())
	s := new(big.Int).Mod(new(big.Int).SetBytes(m.Sum(nil)), fr.Modulus())
	if s.Sign() == 0 {
		s.SetInt64(1)
	}
	return s
}

// keyCredential issues a key-file agent's credential: LTV and loyalty from its account's
// settled purchases only (spend in cents; a loyalty level per three orders, up to 5), the
// centre of the area it claims, its account's secret. A new agent starts at LTV 0, loyalty 0.
func keyCredential(iss *prover.Issuer, cr *CredentialRequest, account common.Address, now time.Time, h ledger.History) (prover.Credential, error) {
	centre, ok := areaCenters[cr.Area]
	if !ok {
		return prover.Credential{}, bazaar.Errorf(bazaar.ECodeInvalid, "unknown area %q: known areas are %s", cr.Area, knownAreas())
	}
	x, y := prover.GridPoint(centre)
	return iss.Issue(prover.Credential{Category: prover.CategoryID(cr.Category), LTV: ltvCents(0, h.Spent), Loyalty: uint64(min(5, h.Orders/3)),
		X: x, Y: y, Expiry: uint64(now.Unix()/86400) + credentialValidity, Secret: agentSecret(iss, account)})
}

// issueCredential answers a credential request (already opened by the matcher): a demo agent's
// from its seeded history, or a key-file agent's (account: the one its history proof showed it
// holds; nil if there was no proof, which only a demo agent may omit) from its settled one. The
// credential goes sealed to the mailbox the request names (a demo agent's own). It returns the
// mailbox and the sealed message.
func issueCredential(iss *prover.Issuer, demo []DemoAgent, cr *CredentialRequest, account *common.Address, now time.Time, h ledger.History) (string, []byte, error) {
	var (
		c       prover.Credential
		mailbox string
		key     []byte
		err     error
	)
	switch {
	case cr.Demo != "":
		i := slices.IndexFunc(demo, func(a DemoAgent) bool { return a.Mailbox == cr.Demo })
		if i < 0 {
			return "", nil, &bazaar.Error{Code: bazaar.ECodeNotFound, Message: "no purchase history for that agent", Err: bazaar.ErrNotFound}
		}
		c, err = demoCredential(iss, demo[i], cr.Category, now, h)
		mailbox, key = bazaar.DemoMailbox(cr.Demo), bazaar.DemoNotifyKey(cr.Demo)
	case account == nil:
		return "", nil, bazaar.Errorf(bazaar.ECodeInvalid, "a credential request for an agent's own account carries its account proof (history)")
	default:
		if !mailboxIDRE.MatchString(cr.Mailbox) || len(cr.NotifyKey) != 32 {
			return "", nil, bazaar.Errorf(bazaar.ECodeInvalid, "a credential request names a demo agent, or a mailbox and a 32-byte notification key")
		}
		c, err = keyCredential(iss, cr, *account, now, h)
		mailbox, key = cr.Mailbox, cr.NotifyKey
	}
	if err != nil {
		return "", nil, err
	}
	payload, err := json.Marshal(CredentialMessage{Type: "credential", Credential: c})
	if err != nil {
		return "", nil, err
	}
	sealed, err := bazaar.SealNotification(key, payload)
	return mailbox, sealed, err
}

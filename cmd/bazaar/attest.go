package main

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/hpke"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
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
	"github.com/bazaar-market/bazaar/enclave"
	"github.com/bazaar-market/bazaar/matcher"
)

// matcherKeys are the matcher's signing key (its on-chain identity) and its HPKE keys (agents
// seal signals to them): X25519, and ML-KEM-768+X25519 for the post-quantum hybrid suite. All
// are generated inside the guest; they persist in the data directory.
type matcherKeys struct {
	signer *ecdsa.PrivateKey
	hpke   *ecdh.PrivateKey
	hybrid hpke.PrivateKey
	shard  *matcher.Shard // the matcher's part of the signal space; nil: all of it
}

// attested is the key blob the attestation binds (matcher.AttestedKey, and the shard if any).
func (k *matcherKeys) attested() []byte {
	b := matcher.AttestedKey(k.hpke.PublicKey(), k.hybrid.PublicKey())
	if k.shard != nil {
		b = matcher.WithShard(b, *k.shard)
	}
	return b
}

func loadMatcherKeys(dir string, seal cipher.AEAD) (*matcherKeys, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "keys.sealed")
	b, err := loadSealed(seal, path, filepath.Join(dir, "keys"), sealMatcherKeys)
	if err != nil {
		return nil, fmt.Errorf("matcher keys: %w", err)
	}
	k := &matcherKeys{}
	if b != nil {
		parts := strings.Fields(string(b))
		if len(parts) != 3 {
			return nil, fmt.Errorf("matcher keys %s: malformed", path)
		}
		if k.signer, err = crypto.HexToECDSA(parts[0]); err != nil {
			return nil, fmt.Errorf("matcher signing key: %w", err)
		}
		hb, err := hex.DecodeString(parts[1])
		if err != nil {
			return nil, fmt.Errorf("matcher hpke key: %w", err)
		}
		if k.hpke, err = ecdh.X25519().NewPrivateKey(hb); err != nil {
			return nil, fmt.Errorf("matcher hpke key: %w", err)
		}
		yb, err := hex.DecodeString(parts[2])
		if err != nil {
			return nil, fmt.Errorf("matcher hybrid key: %w", err)
		}
		if k.hybrid, err = hpke.MLKEM768X25519().NewPrivateKey(yb); err != nil {
			return nil, fmt.Errorf("matcher hybrid key: %w", err)
		}
		return k, nil
	}
	if k.signer, err = crypto.GenerateKey(); err != nil {
		return nil, err
	}
	if k.hpke, err = ecdh.X25519().GenerateKey(rand.Reader); err != nil {
		return nil, err
	}
	if k.hybrid, err = hpke.MLKEM768X25519().GenerateKey(); err != nil {
		return nil, err
	}
	yb, err := k.hybrid.Bytes()
	if err != nil {
		return nil, err
	}
	line := hex.EncodeToString(crypto.FromECDSA(k.signer)) + " " + hex.EncodeToString(k.hpke.Bytes()) + " " + hex.EncodeToString(yb) + "\n"
	if err := writeSealed(seal, path, sealMatcherKeys, []byte(line)); err != nil {
		return nil, err
	}
	return k, nil
}

// Labels bound into sealed files, so one cannot stand for another.
const (
	sealMatcherKeys = "bazaar matcher keys v1"
	sealIssuerKey   = "bazaar credential issuer key v1"
)

// matcherSealer is the AEAD the matcher seals its key material at rest with: under storeKey,
// the SEV-SNP firmware's derived key on real hardware, so the keys open only in a VM with the
// attested measurement, never from the disk alone (simulated: a key file, development only).
func matcherSealer(att enclave.Attester, storeDir string) (cipher.AEAD, error) {
	if err := os.MkdirAll(storeDir, 0o700); err != nil {
		return nil, err
	}
	key, _, err := storeKey(att, storeDir)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key[:])
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// loadSealed reads the sealed file at path, or, from an earlier version, the plaintext file at
// legacy, which it seals and removes. It returns nil, nil when there is neither.
func loadSealed(seal cipher.AEAD, path, legacy, label string) ([]byte, error) {
	box, err := os.ReadFile(path)
	if err == nil {
		ns := seal.NonceSize()
		if len(box) < ns {
			return nil, fmt.Errorf("%s is truncated", path)
		}
		plain, err := seal.Open(nil, box[:ns], box[ns:], []byte(label))
		if err != nil {
			return nil, fmt.Errorf("%s does not open under this enclave's key (another measurement, or another machine)", path)
		}
		return plain, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	plain, err := os.ReadFile(legacy)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if err := writeSealed(seal, path, label, plain); err != nil {
		return nil, err
	}
	return plain, os.Remove(legacy)
}

// writeSealed seals plain under label into path (mode 0600), atomically.
func writeSealed(seal cipher.AEAD, path, label string, plain []byte) error {
	nonce := make([]byte, seal.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, seal.Seal(nonce, nonce, plain, []byte(label)), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// arkModulus extracts an ARK's RSA key for pinning on-chain.
func arkModulus(der []byte) ([]byte, []byte, error) {
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, err
	}
	k, ok := c.PublicKey.(*rsa.PublicKey)
	if !ok {
		return nil, nil, errors.New("ARK key is not RSA")
	}
	return k.N.Bytes(), big.NewInt(int64(k.E)).Bytes(), nil
}

// storeKey is the key the matcher's signal store is sealed with: the SNP firmware's derived
// key on real hardware; in the simulated mode (development only) a random key kept in a file
// next to the store, which is no protection at all against whoever reads the data directory.
func storeKey(att enclave.Attester, dir string) ([32]byte, string, error) {
	if d, ok := att.(interface{ SealingKey() ([32]byte, error) }); ok && !att.Simulated() {
		k, err := d.SealingKey()
		return k, "SEV-SNP derived key", err
	}
	var k [32]byte
	path := filepath.Join(dir, "store.key")
	b, err := os.ReadFile(path)
	switch {
	case err == nil && len(b) == 64:
		if _, err := hex.Decode(k[:], b); err != nil {
			return k, "", fmt.Errorf("store key %s: %w", path, err)
		}
		return k, "key file (SIMULATED: development only)", nil
	case err == nil:
		return k, "", fmt.Errorf("store key %s: malformed", path)
	case !errors.Is(err, os.ErrNotExist):
		return k, "", err
	}
	if _, err := rand.Read(k[:]); err != nil {
		return k, "", err
	}
	if err := os.WriteFile(path, []byte(hex.EncodeToString(k[:])), 0o600); err != nil {
		return k, "", err
	}
	return k, "key file (SIMULATED: development only)", nil
}

// openSignalStore opens the matcher's encrypted signal store in dir.
func openSignalStore(att enclave.Attester, dir string, log interface{ Info(string, ...any) }) (*matcher.Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	key, kind, err := storeKey(att, dir)
	if err != nil {
		return nil, fmt.Errorf("signal store key: %w", err)
	}
	st, err := matcher.OpenStore(filepath.Join(dir, "signals.db"), key)
	if err != nil {
		return nil, err
	}
	log.Info("signal store open", "sealed with", kind)
	return st, nil
}

// productionRoots pins AMD's real ARKs for Milan, Genoa and Turin (as go-sev-guest ships them
// under verify/trust): what a production AttestationRegistry is deployed with.
func productionRoots() ([]chain.AMDRoot, error) {
	roots, err := enclave.AMDRoots()
	if err != nil {
		return nil, err
	}
	var out []chain.AMDRoot
	for _, line := range []string{"Milan", "Genoa", "Turin"} {
		r := roots[line]
		if len(r) == 0 || r[0].ProductCerts == nil || r[0].ProductCerts.Ark == nil {
			return nil, fmt.Errorf("no AMD %s root", line)
		}
		mod, exp, err := arkModulus(r[0].ProductCerts.Ark.Raw)
		if err != nil {
			return nil, fmt.Errorf("AMD %s root: %w", line, err)
		}
		out = append(out, chain.AMDRoot{ProductLine: line, Modulus: mod, Exponent: exp})
	}
	return out, nil
}

// deployAttestation deploys the AttestationRegistry of a development chain: it pins the
// simulated SNP's test-only root (flagged testOnly on-chain) and allows the dev measurement.
func (n *Node) deployAttestation(ctx context.Context, snp devSNP) (common.Address, uint64, error) {
	ark, _, _ := snp.Certificates()
	mod, exp, err := arkModulus(ark)
	if err != nil {
		return common.Address{}, 0, err
	}
	gov := chain.KeyAddress(n.relayer)
	addr, block, err := chain.DeployAttestation(ctx, n.backend, n.relayer, gov,
		[]chain.AMDRoot{{ProductLine: enclave.DevProduct, Modulus: mod, Exponent: exp, TestOnly: true}}, 24*time.Hour, 0)
	if err != nil {
		return common.Address{}, 0, err
	}
	if err := chain.NewAttestation(n.backend, addr).AllowMeasurement(ctx, n.relayer, enclave.DevMeasurement); err != nil {
		return common.Address{}, 0, err
	}
	return addr, block, nil
}

// devSNP is the simulated SNP's surface the node uses (devsnp.go).
type devSNP interface {
	enclave.Attester
	Certificates() (ark, ask, vcek []byte)
}

// MatcherEvidence is a matcher's registration: SEV-SNP evidence whose REPORT_DATA binds the
// matcher's signing address and HPKE key to one chain, registry and nonce. Anyone may submit it
// (POST /attestations/matchers relays it for a matcher that holds no gas); the contract checks
// every part, so the submitter is not trusted.
type MatcherEvidence struct {
	Product string         `json:"product"`
	Report  []byte         `json:"report"`
	VCEK    []byte         `json:"vcek"`
	ASK     []byte         `json:"ask"`
	Matcher common.Address `json:"matcher"`
	HPKEKey []byte         `json:"hpkeKey"`
	Nonce   *hexutil.Big   `json:"nonce"`
	// Simulated is what the matcher says of itself; the chain's own testOnly flag is what counts.
	Simulated bool `json:"simulated"`
}

// attestKeys has the SNP attest the matcher's keys for this chain and registry, with a fresh
// random nonce.
func attestKeys(chainID *big.Int, registry common.Address, snp enclave.Attester, keys *matcherKeys) (MatcherEvidence, error) {
	nb := make([]byte, 32)
	if _, err := rand.Read(nb); err != nil {
		return MatcherEvidence{}, err
	}
	nonce := new(big.Int).SetBytes(nb)
	addr := chain.KeyAddress(keys.signer)
	hpkePub := keys.attested()
	b := enclave.Binding{Signer: addr, HPKEKey: hpkePub, ChainID: chainID, Registry: registry, Nonce: nonce}
	ev, err := snp.Attest(b.ReportData())
	if err != nil {
		return MatcherEvidence{}, fmt.Errorf("attest: %w", err)
	}
	return MatcherEvidence{Product: ev.Product, Report: ev.Report, VCEK: ev.VCEK, ASK: ev.ASK, Matcher: addr,
		HPKEKey: hpkePub, Nonce: (*hexutil.Big)(nonce), Simulated: snp.Simulated()}, nil
}

// submitEvidence registers a matcher on-chain, payer paying: the ASK and VCEK certificates
// (cached by the contract, so cheap to repeat), then the report.
func submitEvidence(ctx context.Context, att *chain.Attestation, payer *ecdsa.PrivateKey, ev MatcherEvidence) error {
	if len(ev.Report) != 0x4A0 || len(ev.VCEK) == 0 || len(ev.ASK) == 0 || ev.Nonce == nil || len(ev.HPKEKey) == 0 || ev.Product == "" {
		return bazaar.Errorf(bazaar.ECodeInvalid, "matcher evidence needs product, a %d-byte report, vcek, ask, matcher, hpkeKey and nonce", 0x4A0)
	}
	askID, _, err := att.RegisterAsk(ctx, payer, ev.Product, ev.ASK)
	if err != nil {
		return fmt.Errorf("register ASK: %w", err)
	}
	vcekID, _, err := att.RegisterVcek(ctx, payer, askID, ev.VCEK)
	if err != nil {
		return fmt.Errorf("register VCEK: %w", err)
	}
	if _, err := att.RegisterMatcher(ctx, payer, vcekID, ev.Report, ev.Matcher, ev.HPKEKey, ev.Nonce.ToInt()); err != nil {
		return fmt.Errorf("register matcher: %w", err)
	}
	return nil
}

// registerMatcher attests the node's in-process matcher keys with the (simulated) SNP and
// registers them on-chain. It does nothing while the matcher is still registered.
func (n *Node) registerMatcher(ctx context.Context, att *chain.Attestation, snp enclave.Attester, keys *matcherKeys) error {
	addr := chain.KeyAddress(keys.signer)
	if ok, err := registeredWith(ctx, att, addr, keys.attested()); err != nil || ok {
		return err
	}
	start := time.Now()
	id, err := n.backend.ChainID(ctx)
	if err != nil {
		return err
	}
	ev, err := attestKeys(id, att.Address(), snp, keys)
	if err != nil {
		return err
	}
	if err := submitEvidence(ctx, att, n.relayer, ev); err != nil {
		return err
	}
	n.log.Info("matcher registered on-chain", "matcher", addr, "simulated", snp.Simulated(), "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// registeredWith reports whether addr is registered with exactly this attested key blob.
func registeredWith(ctx context.Context, att *chain.Attestation, addr common.Address, key []byte) (bool, error) {
	ok, err := att.IsRegistered(ctx, addr)
	if err != nil || !ok {
		return false, err
	}
	rec, err := att.Matcher(ctx, addr)
	if err != nil {
		return false, err
	}
	return common.Hash(rec.HpkeKeyHash) == crypto.Keccak256Hash(key), nil
}

// postMatcherEvidence answers POST /attestations/matchers (a MatcherEvidence): the node pays
// for a matcher's registration transactions. Each is simulated first, so evidence the contract
// refuses costs nothing and changes nothing; the answer names the check that failed.
func (n *Node) postMatcherEvidence(w http.ResponseWriter, r *http.Request) {
	if n.readOnly(w) {
		return
	}
	if n.attest == nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "this node knows no AttestationRegistry"))
		return
	}
	var ev MatcherEvidence
	if err := decodeBody(r, &ev); err != nil {
		n.fail(w, err)
		return
	}
	if err := submitEvidence(r.Context(), n.attest, n.relayer, ev); err != nil {
		n.fail(w, err)
		return
	}
	n.log.Info("matcher registration relayed", "matcher", ev.Matcher)
	writeJSON(w, http.StatusCreated, map[string]any{"matcher": ev.Matcher.Hex(), "registered": true})
}

// authorizeMatcher is the relay's check before it trusts a matcher link or an in-process
// matcher's output: registered, unexpired, measurement still allowed, and this HPKE key the one
// its attestation bound — all read from the chain.
func (n *Node) authorizeMatcher(ctx context.Context, a common.Address, hpke []byte) error {
	if n.attest == nil {
		return errors.New("this node knows no AttestationRegistry")
	}
	ok, err := n.attest.IsRegistered(ctx, a)
	if err != nil {
		return fmt.Errorf("check registration: %w", err)
	}
	if !ok {
		return fmt.Errorf("matcher %s is not registered (or expired, or its measurement was revoked)", a.Hex())
	}
	rec, err := n.attest.Matcher(ctx, a)
	if err != nil {
		return fmt.Errorf("read registration: %w", err)
	}
	if crypto.Keccak256Hash(hpke) != common.Hash(rec.HpkeKeyHash) {
		return errors.New("HPKE key is not the attested one")
	}
	return nil
}

// attestedNotifier hands the in-process matcher's notifications to the relay only while the
// matcher is registered on-chain (asked again at most once a minute), as a linked matcher's.
type attestedNotifier struct {
	n       *Node
	addr    common.Address
	hpke    []byte
	mu      sync.Mutex
	okUntil time.Time
}

func (g *attestedNotifier) Deliver(ctx context.Context, mailbox string, payload []byte) error {
	return g.DeliverKeyed(ctx, mailbox, "", payload)
}

func (g *attestedNotifier) DeliverKeyed(ctx context.Context, mailbox, key string, payload []byte) error {
	g.mu.Lock()
	if time.Now().After(g.okUntil) {
		if err := g.n.authorizeMatcher(ctx, g.addr, g.hpke); err != nil {
			g.mu.Unlock()
			return fmt.Errorf("relay refuses the matcher's output: %w", err)
		}
		g.okUntil = time.Now().Add(time.Minute)
	}
	g.mu.Unlock()
	return g.n.hub.DeliverKeyed(ctx, mailbox, key, payload)
}

// writePEM writes certificates as PEM blocks (ASK then ARK, as go-sev-guest's check expects).
func writePEM(path string, ders ...[]byte) error {
	var b strings.Builder
	for _, d := range ders {
		b.Write(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: d}))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

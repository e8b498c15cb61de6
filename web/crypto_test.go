package web_test

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"math/big"
	"os/exec"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
)

// TestBundledCrypto: the UI's bundled cryptography (web/static/vendor/crypto.mjs, run in Node)
// opens what Go seals to a vendor's order key, refuses a tampered envelope, recovers the signers
// Go's secp256k1 signatures name, hashes as go-ethereum does and signs Ed25519 as Go verifies.
func TestBundledCrypto(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node is required (make test installs the npm toolchain with it)")
	}
	x, _ := ecdh.X25519().GenerateKey(rand.Reader)
	msg := bazaar.OrderMessage{Type: bazaar.MsgAcceptance, Acceptance: &bazaar.DealAcceptance{V: 1, Delivery: "bàn 4"}}
	env, err := bazaar.SealToKey(x.PublicKey(), msg)
	if err != nil {
		t.Fatal(err)
	}
	k, _ := crypto.GenerateKey()
	digest := crypto.Keccak256([]byte("order"))
	sig, _ := crypto.Sign(digest, k)
	sig27 := append([]byte(nil), sig...)
	sig27[64] += 27
	seed := make([]byte, 32)
	rand.Read(seed)
	text := "bazaar relay challenge"
	in, _ := json.Marshal(map[string]string{"envelope": string(env), "x25519Priv": hexutil.Encode(x.Bytes()), "digest": hexutil.Encode(digest),
		"sig": hexutil.Encode(sig), "sig27": hexutil.Encode(sig27), "text": text, "edSeed": hexutil.Encode(seed)})
	cmd := exec.Command("node", "test/crypto_check.mjs")
	cmd.Stdin = bytes.NewReader(in)
	raw, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, raw)
	}
	var out struct {
		Opened, X25519Pub, Recovered, Recovered27, Keccak, EdSig, Tampered string
		PaddedLen                                                          int
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	want, _ := json.Marshal(msg)
	if out.Opened != string(want) || out.PaddedLen != bazaar.NotificationBuckets[0] {
		t.Fatalf("opened %q (%d bytes padded), want %s", out.Opened, out.PaddedLen, want)
	}
	if out.Tampered != "refused" {
		t.Fatal("a tampered envelope opened")
	}
	if out.X25519Pub != hexutil.Encode(x.PublicKey().Bytes()) {
		t.Fatal("X25519 public keys differ")
	}
	addr := crypto.PubkeyToAddress(k.PublicKey).Hex()
	if !bytes.EqualFold([]byte(out.Recovered), []byte(addr)) || !bytes.EqualFold([]byte(out.Recovered27), []byte(addr)) {
		t.Fatalf("recovered %s / %s, want %s", out.Recovered, out.Recovered27, addr)
	}
	if out.Keccak != hexutil.Encode(crypto.Keccak256([]byte(text))) {
		t.Fatal("keccak differs")
	}
	es, err := hexutil.Decode(out.EdSig)
	if err != nil || !ed25519.Verify(ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey), []byte(text), es) {
		t.Fatal("the bundle's Ed25519 signature does not verify in Go")
	}
}

// TestBundledCrypto_PaymentNotice: the browser's paymentNoticeDigest is chain.PaymentNoticeDigest,
// so the web inbox recovers the matcher that signed a genuine "paid" notice, and another signer
// from the same signature over a notice with any field changed.
func TestBundledCrypto_PaymentNotice(t *testing.T) {
	key, _ := crypto.GenerateKey()
	chainID, settlement := big.NewInt(1337), common.HexToAddress("0x5e771e0000000000000000000000000000000001")
	n := bazaar.PaymentNotice{Vendor: common.HexToAddress("0x00000000000000000000000000000000000000aa"), Order: common.Hash{1, 2, 3},
		DealID: common.Hash{4, 5, 6}, Amount: (*hexutil.Big)(big.NewInt(4_000_000)), Batch: 7}
	n, err := chain.SignPaymentNotice(key, chainID, settlement, n)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := chain.PaymentNoticeDigest(chainID, settlement, n)
	changed := n
	changed.Amount = (*hexutil.Big)(big.NewInt(45_000_000))
	in, _ := json.Marshal(map[string]any{"chainId": 1337, "settlement": settlement.Hex(), "notice": n, "changed": changed})
	cmd := exec.Command("node", "test/notice_check.mjs")
	cmd.Stdin = bytes.NewReader(in)
	raw, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, raw)
	}
	var out struct{ Digest, Signer, ChangedSigner string }
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	if out.Digest != want.Hex() {
		t.Fatalf("browser digest %s, Go %s", out.Digest, want.Hex())
	}
	if !strings.EqualFold(out.Signer, crypto.PubkeyToAddress(key.PublicKey).Hex()) {
		t.Fatalf("browser recovered %s from a genuine notice", out.Signer)
	}
	if strings.EqualFold(out.ChangedSigner, out.Signer) {
		t.Fatal("a notice with another amount recovers the matcher too")
	}
}

// TestBundledCrypto_PickupCode: the browser's pickupCodeHash, from the vendor's order key and an
// acceptance's code key, is the hash the Go agent made with its one-time key (however the code
// is typed), and another order key gives another.
func TestBundledCrypto_PickupCode(t *testing.T) {
	vendor, _ := ecdh.X25519().GenerateKey(rand.Reader)
	other, _ := ecdh.X25519().GenerateKey(rand.Reader)
	codeKey, key, err := bazaar.NewPickupCodeKey(vendor.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	code := "12345-67890-12345-67890"
	in, _ := json.Marshal(map[string]string{"orderPriv": hexutil.Encode(vendor.Bytes()), "otherPriv": hexutil.Encode(other.Bytes()),
		"codeKey": hexutil.Encode(codeKey), "code": "12345 67890 1234567890"})
	cmd := exec.Command("node", "test/pickup_check.mjs")
	cmd.Stdin = bytes.NewReader(in)
	raw, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, raw)
	}
	var out struct{ Hash, Other string }
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	if want := bazaar.PickupCodeHash(key, code).Hex(); out.Hash != want {
		t.Fatalf("browser %s, Go %s", out.Hash, want)
	}
	if out.Other == out.Hash {
		t.Fatal("another order key gives the same hash")
	}
}

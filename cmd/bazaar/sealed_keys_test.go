package main

import (
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
)

// TestMatcherKeys_Sealed: the matcher's signing, HPKE and credential-issuer keys are sealed at
// rest under the enclave's store key: the files carry none of the key bytes, reopen to the same
// keys, do not open under another store key, and plaintext files of an earlier version are
// sealed and removed.
func TestMatcherKeys_Sealed(t *testing.T) {
	snp, err := newDevSNP()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	seal, err := matcherSealer(snp, dir)
	if err != nil {
		t.Fatal(err)
	}
	k, err := loadMatcherKeys(filepath.Join(dir, "keys"), seal)
	if err != nil {
		t.Fatal(err)
	}
	iss, err := loadIssuer(dir, seal)
	if err != nil {
		t.Fatal(err)
	}
	onDisk := func(name string) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, secret := range [][]byte{crypto.FromECDSA(k.signer), k.hpke.Bytes(), iss.Bytes()} {
		for _, f := range []string{"keys/keys.sealed", "issuer.sealed"} {
			b := onDisk(f)
			if bytes.Contains(b, secret) || strings.Contains(string(b), hex.EncodeToString(secret)) {
				t.Fatalf("%s carries key bytes", f)
			}
		}
	}
	again, err := loadMatcherKeys(filepath.Join(dir, "keys"), seal)
	if err != nil || !again.hpke.Equal(k.hpke) || !again.signer.Equal(k.signer) {
		t.Fatalf("reopened keys differ: %v", err)
	}
	if iss2, err := loadIssuer(dir, seal); err != nil || !bytes.Equal(iss2.PublicKey(), iss.PublicKey()) {
		t.Fatalf("reopened issuer differs: %v", err)
	}

	other, err := matcherSealer(snp, t.TempDir()) // another store key
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loadMatcherKeys(filepath.Join(dir, "keys"), other); err == nil || !strings.Contains(err.Error(), "does not open") {
		t.Fatalf("keys under another store key: %v", err)
	}
	if _, err := loadIssuer(dir, other); err == nil || !strings.Contains(err.Error(), "does not open") {
		t.Fatalf("issuer under another store key: %v", err)
	}

	// An earlier version's plaintext files are sealed and removed.
	old := t.TempDir()
	line := hex.EncodeToString(crypto.FromECDSA(k.signer)) + " " + hex.EncodeToString(k.hpke.Bytes()) + " " + mustHybridHex(t, k) + "\n"
	os.MkdirAll(filepath.Join(old, "keys"), 0o700)
	if err := os.WriteFile(filepath.Join(old, "keys", "keys"), []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(old, "issuer.key"), []byte(hex.EncodeToString(iss.Bytes())), 0o600); err != nil {
		t.Fatal(err)
	}
	migrated, err := loadMatcherKeys(filepath.Join(old, "keys"), seal)
	if err != nil || !migrated.hpke.Equal(k.hpke) {
		t.Fatalf("migrated keys: %v", err)
	}
	if iss3, err := loadIssuer(old, seal); err != nil || !bytes.Equal(iss3.PublicKey(), iss.PublicKey()) {
		t.Fatalf("migrated issuer: %v", err)
	}
	for _, f := range []string{"keys/keys", "issuer.key"} {
		if _, err := os.Stat(filepath.Join(old, f)); !os.IsNotExist(err) {
			t.Fatalf("plaintext %s left behind: %v", f, err)
		}
	}
	for _, f := range []string{"keys/keys.sealed", "issuer.sealed"} {
		if fi, err := os.Stat(filepath.Join(old, f)); err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("sealed %s: %v %v", f, fi, err)
		}
	}
}

func mustHybridHex(t *testing.T, k *matcherKeys) string {
	t.Helper()
	b, err := k.hybrid.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

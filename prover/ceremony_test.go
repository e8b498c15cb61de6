package prover_test

import (
	"bytes"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bazaar-market/bazaar/prover"
)

// TestCeremony: two participants per phase, sealed by beacons; the keys prove and verify (and
// differ from the development keys); a tampered contribution fails the transcript check.
func TestCeremony(t *testing.T) {
	dir := t.TempDir()
	var progress bytes.Buffer
	c := &prover.Ceremony{Dir: dir, Progress: &progress}
	for range 2 {
		if _, _, err := c.Contribute(); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Seal1("beacon one"); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, _, err := c.Contribute(); err != nil {
			t.Fatal(err)
		}
	}
	keys, err := c.Seal2("beacon two")
	if err != nil {
		t.Fatal(err)
	}
	t.Log(progress.String())
	if !strings.Contains(progress.String(), "phase 2: 2 contribution(s) verify") {
		t.Fatalf("progress:\n%s", progress.String())
	}
	r, cr, iss := fixture(t)
	w, err := prover.Assignment(r, cr, iss, today, big.NewInt(7))
	if err != nil {
		t.Fatal(err)
	}
	p, err := keys.Prove(w)
	if err != nil {
		t.Fatal(err)
	}
	if err := keys.Verify(p); err != nil {
		t.Fatalf("ceremony keys: %v", err)
	}
	dev, _ := prover.DevKeys()
	if err := dev.Verify(p); err == nil {
		t.Fatal("a ceremony proof verifies under the development keys")
	}
	// Seal2 re-verified the whole transcript from the files; a flipped byte in a contribution
	// must fail the same verification.
	f := filepath.Join(dir, "phase2-002.bin")
	b, _ := os.ReadFile(f)
	b[len(b)/2] ^= 1
	os.WriteFile(f, b, 0o644)
	if _, err := (&prover.Ceremony{Dir: dir}).Verify(); err == nil {
		t.Fatal("a tampered contribution verifies")
	}
}

package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoSimBuild: the build for real hardware (-tags nosim) leaves out the simulated SNP and
// with it go-sev-guest's testing package (test-only AMD root, global flags); the default build
// has it, so the check can fail.
func TestNoSimBuild(t *testing.T) {
	const testing = "github.com/google/go-sev-guest/testing"
	deps := func(tags ...string) []string {
		args := append([]string{"list", "-deps"}, tags...)
		out, err := exec.Command("go", append(args, ".")...).CombinedOutput()
		if err != nil {
			t.Fatalf("go list %v: %v\n%s", tags, err, out)
		}
		return strings.Fields(string(out))
	}
	has := func(list []string, p string) bool {
		for _, d := range list {
			if d == p {
				return true
			}
		}
		return false
	}
	if !has(deps(), testing) {
		t.Fatal("the default (development) build lost the simulated SNP")
	}
	prod := deps("-tags", "nosim")
	if has(prod, testing) || has(prod, "github.com/bazaar-market/bazaar/enclave/simsnp") {
		t.Fatal("the -tags nosim build links the simulated SNP / go-sev-guest's testing package")
	}
	if !has(prod, "github.com/google/go-sev-guest/client") {
		t.Fatal("the -tags nosim build lacks the real SEV-SNP client")
	}
	if out, err := exec.Command("go", "vet", "-tags", "nosim", ".").CombinedOutput(); err != nil {
		t.Fatalf("-tags nosim does not build: %v\n%s", err, out)
	}
}

//go:build !nosim

package main

import (
	"time"

	"github.com/bazaar-market/bazaar/enclave"
	"github.com/bazaar-market/bazaar/enclave/simsnp"
)

// The simulated SEV-SNP (development only). It imports go-sev-guest's testing package, which
// registers global flags and carries a test-only AMD root; builds for real hardware leave it out
// with -tags nosim (devsnp_nosim.go), and TestNoSimBuild checks that they do.

// newDevSNP starts the simulated SNP whose test-only root a dev registry pins.
func newDevSNP() (devSNP, error) { return simsnp.New(time.Now()) }

// simulatedRoots are the test-only roots and ARK certificate simulated reports chain to.
func simulatedRoots() (enclave.Roots, []byte, error) {
	snp, err := simsnp.New(time.Now())
	if err != nil {
		return nil, nil, err
	}
	roots, err := snp.Roots()
	if err != nil {
		return nil, nil, err
	}
	ark, _, _ := snp.Certificates()
	return roots, ark, nil
}

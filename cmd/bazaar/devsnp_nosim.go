//go:build nosim

package main

import (
	"errors"

	"github.com/bazaar-market/bazaar/enclave"
)

// A build for real hardware (-tags nosim): no simulated SNP, no go-sev-guest testing package.

var errNoSim = errors.New("this build has no simulated SEV-SNP (built with -tags nosim): use --snp device on an SEV-SNP guest")

func newDevSNP() (devSNP, error) { return nil, errNoSim }

func simulatedRoots() (enclave.Roots, []byte, error) { return nil, nil, errNoSim }

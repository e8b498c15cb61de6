package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/enclave"
)

// Manifest is what contracts/script/Deploy.s.sol writes after deploying every contract: the
// deployment (field names as in deployment.json) plus what auditors want to see next to it.
type Manifest struct {
	Deployment
	Governance common.Address `json:"governance"`
	DevToken   bool           `json:"devToken"`
	// Verifier is the eligibility verifier Redemptions checks proofs with, deployed from the
	// forge artifact VerifierArtifact; VKHash is its vkHash() (prover.Keys.VKHash of its keys)
	// and DevelopmentKeys its developmentKeys(): the public development keys, which the script
	// deploys on development chains only.
	Verifier         common.Address `json:"verifier"`
	VerifierArtifact string         `json:"verifierArtifact"`
	VKHash           common.Hash    `json:"vkHash"`
	DevelopmentKeys  bool           `json:"developmentKeys"`
	PKCid            string         `json:"pkCid"`
	VKCid            string         `json:"vkCid"`
}

// readManifest reads a deployment manifest and checks it names this chain and that every
// contract it names has code there.
func readManifest(ctx context.Context, path string, backend chain.Backend) (*Manifest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("manifest %s: %w", path, err)
	}
	id, err := backend.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("chain id: %w", err)
	}
	if !id.IsUint64() || id.Uint64() != m.ChainID {
		return nil, fmt.Errorf("manifest %s is for chain %d, the RPC serves chain %s", path, m.ChainID, id)
	}
	for name, a := range map[string]common.Address{"dealRegistry": m.DealRegistry, "attestationRegistry": m.AttestationRegistry,
		"metricsLedger": m.MetricsLedger, "redemptions": m.Redemptions, "settlement": m.Settlement} {
		if a == (common.Address{}) {
			return nil, fmt.Errorf("manifest %s names no %s", path, name)
		}
		if code, err := backend.CodeAt(ctx, a, nil); err != nil || len(code) == 0 {
			return nil, fmt.Errorf("manifest %s: no contract at %s (%s) on chain %d", path, a.Hex(), name, m.ChainID)
		}
	}
	return &m, nil
}

// runRoots: `bazaar roots [--dev] [--env]`: the AMD roots a deployment pins, as the ROOT_*
// variables contracts/script/Deploy.s.sol reads (AMD's production ARKs, or with --dev the
// simulated SNP's test-only root).
func runRoots(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("roots", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dev := fs.Bool("dev", false, "the simulated SEV-SNP's test-only root (development chains only)")
	measurement := fs.Bool("measurement", false, "also print MEASUREMENTS (with --dev: the simulated matcher's)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	env, err := rootsEnv(*dev)
	if err != nil {
		return err
	}
	if *measurement {
		if !*dev {
			return errors.New("--measurement needs --dev: production measurements come from your own reproducible build")
		}
		env = append(env, "MEASUREMENTS=0x"+hex.EncodeToString(enclave.DevMeasurement[:]))
	}
	for _, e := range env {
		fmt.Fprintf(stdout, "export %s\n", e)
	}
	return nil
}

// rootsEnv is the ROOT_* environment for the deployment script.
func rootsEnv(dev bool) ([]string, error) {
	var roots []chain.AMDRoot
	if dev {
		snp, err := newDevSNP()
		if err != nil {
			return nil, err
		}
		ark, _, _ := snp.Certificates()
		mod, exp, err := arkModulus(ark)
		if err != nil {
			return nil, err
		}
		roots = []chain.AMDRoot{{ProductLine: enclave.DevProduct, Modulus: mod, Exponent: exp, TestOnly: true}}
	} else {
		var err error
		if roots, err = productionRoots(); err != nil {
			return nil, err
		}
	}
	var lines, moduli, exps, test []string
	for _, r := range roots {
		lines = append(lines, r.ProductLine)
		moduli = append(moduli, "0x"+hex.EncodeToString(r.Modulus))
		exps = append(exps, "0x"+hex.EncodeToString(r.Exponent))
		test = append(test, fmt.Sprint(r.TestOnly))
	}
	return []string{"ROOT_LINES=" + strings.Join(lines, ","), "ROOT_MODULI=" + strings.Join(moduli, ","),
		"ROOT_EXPONENTS=" + strings.Join(exps, ","), "ROOT_TEST_ONLY=" + strings.Join(test, ",")}, nil
}

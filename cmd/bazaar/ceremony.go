package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/consensys/gnark/logger"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/bazaar-market/bazaar/prover"
)

// runCeremony: `bazaar prover ceremony contribute|seal1|seal2|verify --dir DIR [--beacon B]
// [--verifier FILE]`, the eligibility circuit's Groth16 MPC setup (see prover.Ceremony).
func runCeremony(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("prover ceremony", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "ceremony", "transcript directory (shared between participants)")
	beacon := fs.String("beacon", "", "seal1/seal2: the public random beacon, e.g. a future block hash")
	verifier := fs.String("verifier", "", "seal2/verify: also write the Solidity verifier for the keys to this .sol file, its contract named after the file "+
		"(e.g. contracts/src/ceremony/CeremonyVerifier.sol, which Deploy.s.sol deploys with VERIFIER=CeremonyVerifier)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errors.New("usage: bazaar prover ceremony contribute|seal1|seal2|verify --dir DIR [--beacon B]")
	}
	logger.Disable()
	c := &prover.Ceremony{Dir: *dir, Progress: stdout}
	var keys *prover.Keys
	switch pos[0] {
	case "contribute":
		path, sum, err := c.Contribute()
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "contribution %s\nsha256 %s\nyour randomness is gone with this process; publish the file and its hash\n", path, sum)
		return nil
	case "seal1":
		if *beacon == "" {
			return errors.New("seal1 needs --beacon")
		}
		return c.Seal1(*beacon)
	case "seal2":
		if *beacon == "" {
			return errors.New("seal2 needs --beacon")
		}
		if keys, err = c.Seal2(*beacon); err != nil {
			return err
		}
	case "verify":
		if keys, err = c.Verify(); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "transcript verifies")
	default:
		return fmt.Errorf("unknown ceremony step %q", pos[0])
	}
	if *verifier != "" {
		return writeCeremonyVerifier(keys, *verifier, stdout)
	}
	return nil
}

// writeCeremonyVerifier writes the Solidity verifier for the ceremony's keys to path, as a
// contract named after the file (contracts/src/ceremony/SepoliaVerifier.sol: contract
// SepoliaVerifier), so that Deploy.s.sol deploys it by that name (VERIFIER=SepoliaVerifier): forge
// compiles it with the script when it is under contracts/src.
func writeCeremonyVerifier(keys *prover.Keys, path string, stdout io.Writer) error {
	name := strings.TrimSuffix(filepath.Base(path), ".sol")
	if !strings.HasSuffix(path, ".sol") || name == "EligibilityVerifier" {
		return fmt.Errorf("--verifier %s: want a .sol file named after its contract, other than the development EligibilityVerifier (e.g. contracts/src/ceremony/CeremonyVerifier.sol)", path)
	}
	h, err := keys.VKHash()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := keys.ExportVerifier(&b, name); err != nil {
		return fmt.Errorf("--verifier %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Solidity verifier %s written to %s\nvk hash %s\ndeploy it with VERIFIER=%s VK_HASH=%s forge script contracts/script/Deploy.s.sol (from under contracts/src)\n",
		name, path, hexutil.Encode(h[:]), name, hexutil.Encode(h[:]))
	return nil
}

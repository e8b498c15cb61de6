package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/consensys/gnark/logger"

	"github.com/bazaar-market/bazaar/prover"
)

// runCeremony: `bazaar prover ceremony contribute|seal1|seal2|verify --dir DIR [--beacon B]
// [--verifier FILE]`, the eligibility circuit's Groth16 MPC setup (see prover.Ceremony).
func runCeremony(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("prover ceremony", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "ceremony", "transcript directory (shared between participants)")
	beacon := fs.String("beacon", "", "seal1/seal2: the public random beacon, e.g. a future block hash")
	verifier := fs.String("verifier", "", "seal2/verify: also write the Solidity verifier for the keys here")
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
		f, err := os.Create(*verifier)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := keys.ExportSolidity(f); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Solidity verifier written to %s\n", *verifier)
	}
	return nil
}

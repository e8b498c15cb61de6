// Command genverifier writes the eligibility circuit's Groth16 Solidity verifier for the
// deterministic development keys (prover.DevKeys) to contracts/src/verifiers, with vkHash() and
// developmentKeys() = true (prover.Keys.ExportVerifier). `make gen` runs it; the freshness check
// compares the output with the committed file.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/consensys/gnark/logger"

	"github.com/bazaar-market/bazaar/prover"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "genverifier:", err)
		os.Exit(1)
	}
}

func run() error {
	logger.Disable()
	keys, err := prover.DevKeys()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := keys.ExportVerifier(&b, "EligibilityVerifier"); err != nil {
		return err
	}
	return os.WriteFile("contracts/src/verifiers/EligibilityVerifier.sol", b.Bytes(), 0o644)
}

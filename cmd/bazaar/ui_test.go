//go:build ui

package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar/chain"
)

// TestWebUI runs the browser tests (web/test/ui.mjs: playwright-core driving Debian's chromium)
// against a development node: a deal posted, updated and cancelled through the UI with a test
// EIP-1193 wallet, browse and details, the dashboard's aggregates, the auditor view, keyboard
// use and phone width. Screenshots of each page go to ui-screenshots/ at the repository root.
func TestWebUI(t *testing.T) {
	ctx := context.Background()
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", SeedDemo: true, FundDemo: true})
	defer n.Stop(ctx)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	shots := filepath.Join(root, "ui-screenshots")
	if err := os.RemoveAll(shots); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, "node", "web/test/ui.mjs", n.URL(), hexutil.Encode(crypto.FromECDSA(chain.DevVendorKey)), shots)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("browser tests: %v", err)
	}
	pngs, _ := filepath.Glob(filepath.Join(shots, "*.png"))
	if len(pngs) < 8 {
		t.Fatalf("%d screenshots written, want one per page", len(pngs))
	}
}

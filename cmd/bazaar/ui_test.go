//go:build ui

package main

import (
	"context"
	"crypto/ecdh"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
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
	// An order waits in the vendor's mailbox for the browser inbox: a demo agent redeemed the
	// seed's coffee deal and accepted it; the same acceptance again and a replay follow it.
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	waitRequirements(t, n, common.HexToHash(posted.DealID), 1)
	const demo = "demo-q1-high-l3"
	state := t.TempDir()
	var out strings.Builder
	for _, args := range [][]string{{"agent", "redeem", posted.DealID, "--demo", demo, "--node", n.URL()},
		{"agent", "accept", posted.DealID, "--demo", demo, "--node", n.URL(), "--state", state, "--delivery", "bàn 4"}} {
		if err := run(ctx, args, &out, &out); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out.String())
		}
	}
	book, err := loadAgentBook(state, demoAgentID(demo))
	if err != nil || len(book.Orders) != 1 {
		t.Fatalf("agent book: %v", err)
	}
	order := book.Orders[0]
	key, _ := n.orderKeys.get(chain.KeyAddress(chain.DevVendorKey))
	pub, _ := ecdh.X25519().NewPublicKey(key.Key)
	// The same acceptance again (as a relay's redelivery: taken already, no refusal), and a replay:
	// the same redemption under another order, signed again by the agent's pseudonym.
	replayed := order.Acceptance
	replayed.IssuedAt++
	if err := replayed.Sign(demoAgentID(demo).pseudonym(chain.KeyAddress(chain.DevVendorKey)).Key); err != nil {
		t.Fatal(err)
	}
	for _, a := range []bazaar.DealAcceptance{order.Acceptance, replayed} {
		sealed, err := bazaar.SealToKey(pub, bazaar.OrderMessage{Type: bazaar.MsgAcceptance, Acceptance: &a})
		if err != nil {
			t.Fatal(err)
		}
		if st, e := postRaw(t, n.URL()+"/relay/mailboxes/"+key.Mailbox, mustJSON(t, map[string]any{"sealed": json.RawMessage(sealed)})); st != 202 {
			t.Fatalf("replay drop: %d %+v", st, e)
		}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, "node", "web/test/ui.mjs", n.URL(), hexutil.Encode(crypto.FromECDSA(chain.DevVendorKey)), shots)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "ORDER_DEAL="+posted.DealID, "ORDER_ID="+order.Order.Hex(), "PICKUP_CODE="+order.PickupCode,
		"AGENT_DEMO="+demo, "AGENT_STATE="+state, "AGENT_CLI="+self, cliEnv+"=")
	browserOut, err := cmd.CombinedOutput()
	t.Logf("%s", browserOut)
	if err != nil {
		t.Fatalf("browser tests: %v", err)
	}
	pngs, _ := filepath.Glob(filepath.Join(shots, "*.png"))
	if len(pngs) < 8 {
		t.Fatalf("%d screenshots written, want one per page", len(pngs))
	}
}

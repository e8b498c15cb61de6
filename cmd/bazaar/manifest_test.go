package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/enclave"
)

// deployWithScript runs contracts/script/Deploy.s.sol against rpc with the dev roots and
// measurement and returns the manifest's path (removed when the test ends).
func deployWithScript(t *testing.T, rpc string, extra ...string) string {
	t.Helper()
	root, _ := filepath.Abs("../..")
	name := fmt.Sprintf("contracts/deployments/test-%d-%d.json", os.Getpid(), time.Now().UnixNano())
	path := filepath.Join(root, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(path) })
	env, err := rootsEnv(true)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("./node_modules/.bin/forge", "script", "contracts/script/Deploy.s.sol", "--rpc-url", rpc, "--broadcast")
	cmd.Dir = root
	cmd.Env = append(append(append(os.Environ(), env...), "DEPLOYER_KEY=0x"+hex.EncodeToString(crypto.FromECDSA(chain.DevRelayerKey)),
		"MEASUREMENTS=0x"+hex.EncodeToString(enclave.DevMeasurement[:]), "MANIFEST="+name, "EXIT_DELAY=3600"), extra...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("forge script: %v\n%s", err, out)
	}
	return path
}

// TestDeployScript_Anvil: the Foundry deployment script deploys and configures every contract on
// anvil (as on any EVM RPC) and writes a manifest; a node started with only the RPC and the
// manifest uses those contracts (registers its matcher in the script's AttestationRegistry,
// posts and matches a deal, posts requirements to the script's Redemptions), and `bazaar audit`
// reads the registry from the manifest. Manifests for another chain or without code refuse.
func TestDeployScript_Anvil(t *testing.T) {
	ctx := context.Background()
	rpc := mustAnvil(t)
	path := deployWithScript(t, rpc)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m.ChainID != 31337 || m.Governance != chain.KeyAddress(chain.DevRelayerKey) || !m.DevToken || m.Settlement == (common.Address{}) {
		t.Fatalf("manifest %+v", m)
	}
	n := mustStart(t, Config{DataDir: t.TempDir(), RPC: rpc, Manifest: path, SeedDemo: true})
	defer n.Stop(ctx)
	if n.deployment.DealRegistry != m.DealRegistry || n.attest.Address() != m.AttestationRegistry || n.redemptions.Address() != m.Redemptions ||
		n.deployment.Settlement != m.Settlement {
		t.Fatalf("node uses %+v, manifest says %+v", n.deployment, m.Deployment)
	}
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	waitRequirements(t, n, common.HexToHash(posted.DealID), 1)

	var out strings.Builder
	if err := run(ctx, []string{"audit", "--manifest", path, "--rpc", rpc, "--json"}, &out, &out); err != nil {
		t.Fatalf("audit: %v\n%s", err, out.String())
	}
	var v AttestationsView
	if err := json.Unmarshal([]byte(out.String()), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Matchers) != 1 || !v.Matchers[0].Registered || !v.Matchers[0].Simulated || v.Registry != m.AttestationRegistry.Hex() ||
		len(v.AllowedMeasurements) != 1 {
		t.Fatalf("audit from the manifest: %+v", v)
	}

	// A matcher given another deployment's manifest refuses to serve this node.
	other := deployWithScript(t, rpc)
	snp, err := newDevSNP()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := StartMatcher(ctx, MatcherConfig{Node: n.URL(), DataDir: t.TempDir(), Attester: snp, Manifest: other}); err == nil ||
		!strings.Contains(err.Error(), "another deployment") {
		t.Fatalf("matcher with another deployment's manifest: %v", err)
	}

	client, err := ethclient.Dial(rpc)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	for name, mutate := range map[string]func(*Manifest){
		"another chain":   func(x *Manifest) { x.ChainID = 1 },
		"no code there":   func(x *Manifest) { x.Redemptions = common.HexToAddress("0xdead") },
		"a contract left": func(x *Manifest) { x.Settlement = common.Address{} },
	} {
		bad := m
		mutate(&bad)
		js, _ := json.Marshal(bad)
		p := filepath.Join(t.TempDir(), "bad.json")
		os.WriteFile(p, js, 0o600)
		if _, err := readManifest(ctx, p, client); err == nil {
			t.Fatalf("manifest with %s accepted", name)
		}
	}
}

package main

import (
	"bytes"
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

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/enclave"
	"github.com/bazaar-market/bazaar/prover"
)

// deployWithScript runs contracts/script/Deploy.s.sol against rpc with the dev roots and
// measurement and returns the manifest's path (removed when the test ends).
func deployWithScript(t *testing.T, rpc string, extra ...string) string {
	t.Helper()
	path, out, err := runDeployScript(t, rpc, extra...)
	if err != nil {
		t.Fatalf("forge script: %v\n%s", err, out)
	}
	return path
}

// runDeployScript is deployWithScript returning forge's output and error, for refusals.
func runDeployScript(t *testing.T, rpc string, extra ...string) (string, []byte, error) {
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
	cmd := exec.Command(forgeBin(t, root), "script", "contracts/script/Deploy.s.sol", "--rpc-url", rpc, "--broadcast")
	cmd.Dir = root
	cmd.Env = append(append(append(os.Environ(), env...), "DEPLOYER_KEY=0x"+hex.EncodeToString(crypto.FromECDSA(chain.DevRelayerKey)),
		"MEASUREMENTS=0x"+hex.EncodeToString(enclave.DevMeasurement[:]), "MANIFEST="+name, "EXIT_DELAY=3600"), extra...)
	out, err := cmd.CombinedOutput()
	return path, out, err
}

// forgeBin is tools/forge: npm's forge binary with its exit status (the node shim
// node_modules/.bin/forge exits 0 whatever forge returns, so a failed script looks like a success).
func forgeBin(t *testing.T, root string) string {
	t.Helper()
	if bins, _ := filepath.Glob(filepath.Join(root, "node_modules/@foundry-rs/forge-*/bin/forge")); len(bins) == 0 {
		t.Fatal("forge not installed: run 'npm ci' or 'make test'")
	}
	return filepath.Join(root, "tools/forge")
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
	// On a development chain the script deploys the development verifier, and says so.
	if !m.DevelopmentKeys || m.VerifierArtifact != "EligibilityVerifier.sol:EligibilityVerifier" || m.Verifier == (common.Address{}) || m.VKHash == (common.Hash{}) {
		t.Fatalf("manifest's verifier %s (%s), vk hash %s, development keys %v", m.Verifier, m.VerifierArtifact, m.VKHash, m.DevelopmentKeys)
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
	if p := v.Prover; p == nil || p.Verifier != m.Verifier.Hex() || p.VKHash != m.VKHash.Hex() || !p.DevelopmentKeys || len(p.Problems) != 0 {
		t.Fatalf("audit of the verifier: %+v", v.Prover)
	}
	out.Reset()
	if err := run(ctx, []string{"audit", "--manifest", path, "--rpc", rpc}, &out, &out); err != nil ||
		!strings.Contains(out.String(), "DEVELOPMENT KEYS: anyone can forge proofs") {
		t.Fatalf("audit table on a development chain: %v\n%s", err, out.String())
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

// TestDeployScript_CeremonyVerifier: on a chain that is not a development chain (anvil as
// Sepolia, 11155111) the deployment script refuses the development verifier — by default and
// when named — with a clear message and sends nothing. A small ceremony (one contribution per
// phase) writes its verifier beside the script (`prover ceremony seal2 --verifier`); the script
// deploys it, refuses a VK_HASH that is not its, and records its vk hash and ceremony keys in the
// manifest. Redemptions bound the ceremony keys' VKHash, records prover keys only under it, and
// `bazaar audit` shows the verifier, its keys and the record.
func TestDeployScript_CeremonyVerifier(t *testing.T) {
	ctx := context.Background()
	rpc := mustAnvil(t, "--chain-id", "11155111")
	client, err := ethclient.Dial(rpc)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	deployer := chain.KeyAddress(chain.DevRelayerKey)
	nothingSent := func(what string) {
		t.Helper()
		if n, err := client.PendingNonceAt(ctx, deployer); err != nil || n != 0 {
			t.Fatalf("%s: the deployer sent %d transaction(s) (%v)", what, n, err)
		}
	}
	dev, err := prover.DevKeys()
	if err != nil {
		t.Fatal(err)
	}
	devHash, err := dev.VKHash()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		env  []string
		want string
	}{
		{"no VERIFIER", nil, "Deploy: chain 11155111 is not a development chain (1337, 31337): set VERIFIER to the ceremony's verifier"},
		{"VERIFIER=EligibilityVerifier", []string{"VERIFIER=EligibilityVerifier"},
			"Deploy: verifier EligibilityVerifier uses DEVELOPMENT keys (anyone can forge proofs): refused on chain 11155111"},
	} {
		path, out, err := runDeployScript(t, rpc, c.env...)
		if err == nil || !strings.Contains(string(out), c.want) {
			t.Fatalf("%s: forge script %v, want a refusal saying %q:\n%s", c.name, err, c.want, out)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatalf("%s: a manifest was written", c.name)
		}
		nothingSent(c.name)
	}

	// The ceremony, through the CLI; its verifier goes where forge compiles it with the script.
	dir := t.TempDir()
	root, _ := filepath.Abs("../..")
	contract := fmt.Sprintf("TestCeremonyVerifier%d", time.Now().UnixNano())
	sol := filepath.Join(root, "contracts/src/ceremony/test", contract+".sol")
	t.Cleanup(func() { os.Remove(sol) })
	var out strings.Builder
	for _, step := range [][]string{{"contribute"}, {"seal1", "--beacon", "test beacon 1"}, {"contribute"},
		{"seal2", "--beacon", "test beacon 2", "--verifier", sol}} {
		if err := run(ctx, append([]string{"prover", "ceremony", "--dir", dir}, step...), &out, &out); err != nil {
			t.Fatalf("ceremony %s: %v\n%s", step[0], err, out.String())
		}
	}
	vk := groth16.NewVerifyingKey(ecc.BN254)
	if _, err := vk.ReadFrom(bytes.NewReader(mustRead(t, filepath.Join(dir, "vk.bin")))); err != nil {
		t.Fatal(err)
	}
	want, err := (&prover.Keys{VK: vk}).VKHash()
	if err != nil {
		t.Fatal(err)
	}
	if want == devHash || !strings.Contains(out.String(), "vk hash "+hexutil.Encode(want[:])) {
		t.Fatalf("ceremony keys hash %x (development keys: %x); seal2 said:\n%s", want, devHash, out.String())
	}

	// The right verifier under another VK_HASH: refused, nothing sent.
	_, fout, err := runDeployScript(t, rpc, "VERIFIER="+contract, "VK_HASH="+hexutil.Encode(devHash[:]))
	if err == nil || !strings.Contains(string(fout), "is not verifier "+contract+"'s vkHash() "+hexutil.Encode(want[:])) {
		t.Fatalf("VK_HASH of other keys: %v\n%s", err, fout)
	}
	nothingSent("VK_HASH of other keys")

	path := deployWithScript(t, rpc, "VERIFIER="+contract, "VK_HASH="+hexutil.Encode(want[:]))
	var m Manifest
	if err := json.Unmarshal(mustRead(t, path), &m); err != nil {
		t.Fatal(err)
	}
	if m.ChainID != 11155111 || m.VKHash != want || m.DevelopmentKeys || m.Verifier == (common.Address{}) || m.VerifierArtifact != contract {
		t.Fatalf("manifest: chain %d, verifier %s (%s), vk hash %s, development keys %v; want the ceremony's %x", m.ChainID, m.Verifier,
			m.VerifierArtifact, m.VKHash, m.DevelopmentKeys, want)
	}
	red := chain.NewRedemptions(client, m.Redemptions)
	p, err := red.Provenance(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if p.Verifier != m.Verifier || p.VKHash != want || p.BoundVKHash != want || p.DevelopmentKeys || p.Recorded.VKHash != (common.Hash{}) {
		t.Fatalf("on-chain provenance %+v, want verifier %s with the ceremony's vk hash %x", p, m.Verifier, want)
	}
	// Prover keys go on record only under the verifier's hash.
	err = red.SetProverKeys(ctx, chain.DevRelayerKey, chain.ProverKeys{VKHash: devHash, PKCid: "bafy-dev-pk", VKCid: "bafy-dev-vk"})
	if err == nil || !strings.Contains(err.Error(), "VkHashMismatch") {
		t.Fatalf("setProverKeys with the development keys' hash: %v", err)
	}
	rec := chain.ProverKeys{VKHash: want, PKCid: "bafy-ceremony-pk", VKCid: "bafy-ceremony-vk"}
	if err := red.SetProverKeys(ctx, chain.DevRelayerKey, rec); err != nil {
		t.Fatal(err)
	}
	if got, err := red.ProverKeys(ctx); err != nil || got != rec {
		t.Fatalf("recorded %+v (%v), want %+v", got, err, rec)
	}

	out.Reset()
	if err := run(ctx, []string{"audit", "--manifest", path, "--rpc", rpc, "--json"}, &out, &out); err != nil {
		t.Fatalf("audit: %v\n%s", err, out.String())
	}
	var v AttestationsView
	if err := json.Unmarshal([]byte(out.String()), &v); err != nil {
		t.Fatal(err)
	}
	if a := v.Prover; a == nil || a.Verifier != m.Verifier.Hex() || a.VKHash != common.Hash(want).Hex() || a.DevelopmentKeys || !a.RecordMatches ||
		a.PKCid != rec.PKCid || a.VKCid != rec.VKCid || len(a.Problems) != 0 {
		t.Fatalf("audit of the ceremony deployment: %+v", v.Prover)
	}
	out.Reset()
	if err := run(ctx, []string{"audit", "--manifest", path, "--rpc", rpc}, &out, &out); err != nil ||
		!strings.Contains(out.String(), "ceremony keys") || !strings.Contains(out.String(), "recorded vk hash matches the verifier") {
		t.Fatalf("audit table: %v\n%s", err, out.String())
	}
	// A manifest naming other keys than the verifier's fails the audit.
	bad := m
	bad.VKHash = devHash
	js, _ := json.Marshal(bad)
	badPath := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(badPath, js, 0o600)
	out.Reset()
	if err := run(ctx, []string{"audit", "--manifest", badPath, "--rpc", rpc}, &out, &out); err == nil || !strings.Contains(err.Error(), "is not the verifier's") {
		t.Fatalf("audit of a manifest naming other keys: %v\n%s", err, out.String())
	}
}

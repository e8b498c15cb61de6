package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ipfs/go-cid"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/chain/bindings"
	"github.com/bazaar-market/bazaar/matcher"
	"github.com/bazaar-market/bazaar/prover"
)

// waitRequirements waits until the matcher has posted a deal version's requirements on-chain
// (the node's last transaction for a matched deal).
func waitRequirements(tb testing.TB, n *Node, id common.Hash, version uint64) {
	tb.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		r, err := n.redemptions.Requirement(context.Background(), id)
		if err == nil && r.ReqHash.Sign() != 0 && r.Version == version {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("requirements for %s v%d never posted (%v)", id, version, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestAgent_Redeem: in a development node a demo agent proves its eligibility in zero knowledge
// and redeems the example deal once; the second attempt is refused with a clear message; an
// ineligible agent is told why before any proof; the vendor's metrics count the redemption.
func TestAgent_Redeem(t *testing.T) {
	ctx := context.Background()
	n := mustNode(t, t.TempDir())
	defer n.Stop(ctx)
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, exampleDeal(t))
	if err != nil {
		t.Fatal(err)
	}
	id := common.HexToHash(posted.DealID)
	waitRequirements(t, n, id, 1)
	ix, iy, err := n.redemptions.IssuerOf(ctx, chain.KeyAddress(n.mkeys.signer))
	if wx, wy := n.issuer.Point(); err != nil || ix.Cmp(wx) != 0 || iy.Cmp(wy) != 0 {
		t.Fatalf("issuer key on-chain: %v %v %v", ix, iy, err)
	}
	keys := filepath.Join(t.TempDir(), "keys")
	// Credential requests the matcher cannot open, or for an agent it has no history of.
	if st, e := postRaw(t, n.URL()+"/credentials", `{"sealed":"AAAA"}`); st != 400 {
		t.Fatalf("garbage credential request: %d %+v", st, e)
	}
	_, mk, _, err := CheckMatcherKey(ctx, n.URL())
	if err != nil {
		t.Fatal(err)
	}
	stranger, _ := matcher.SealSignalJSON(mk.X25519, map[string]any{"credentialRequest": CredentialRequest{Demo: "nobody", Category: "coffee"}})
	if st, _ := postRaw(t, n.URL()+"/credentials", mustJSON(t, map[string]any{"sealed": stranger})); st != 404 {
		t.Fatalf("credential for an agent with no history: %d", st)
	}
	payout := common.HexToAddress("0x000000000000000000000000000000000000dA1d")

	res, err := Redeem(ctx, n.URL(), id, "demo-q1-high-l3", payout, keys)
	if err != nil {
		t.Fatalf("eligible demo agent: %v", err)
	}
	t.Logf("proved in %s, tx %s", res.ProveTime, res.TxHash)
	if c, _ := n.redemptions.Count(ctx, id); c != 1 {
		t.Fatalf("%d redemptions on-chain", c)
	}

	var out strings.Builder
	err = run(ctx, []string{"agent", "redeem", posted.DealID, "--demo", "demo-q1-high-l3", "--node", n.URL(), "--keys", keys,
		"--payout", payout.Hex()}, &out, &out)
	if err == nil || !strings.Contains(err.Error(), "already redeemed") {
		t.Fatalf("second redemption: %v", err)
	}
	// The same nullifier submitted straight to the node (any proof): the contract refuses it
	// before looking at the proof, and the node says why.
	used := prover.Hash(demoSecret("demo-q1-high-l3"), prover.DealField(id))
	replay := RedeemRequest{DealID: id, Day: uint64(time.Now().Unix() / 86400), Nullifier: (*hexutil.Big)(used), Payout: payout}
	for i := range replay.Proof {
		replay.Proof[i] = (*hexutil.Big)(big.NewInt(1))
	}
	if st, e := postRaw(t, n.URL()+"/redemptions", mustJSON(t, replay)); st != 409 || !strings.Contains(e.Error.Message, "already redeemed") {
		t.Fatalf("replayed nullifier: %d %+v", st, e)
	}
	for agent, why := range map[string]string{
		"demo-q1-low-l3":  "lifetime value", // LTV below the deal's $50
		"demo-q5-high-l3": "outside",        // Quận 5 is beyond 2 km
	} {
		if _, err := Redeem(ctx, n.URL(), id, agent, payout, keys); err == nil || !strings.Contains(err.Error(), why) {
			t.Fatalf("%s: %v, want a local refusal naming %q", agent, err, why)
		}
	}
	// A deal for "champion" customers (level 5): a level-3 agent is told before proving.
	champ := exampleDeal(t)
	champ.Service.Description = "champions only"
	champ.Requirements.LoyaltyTier = "champion"
	p2, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, champ)
	if err != nil {
		t.Fatal(err)
	}
	waitRequirements(t, n, common.HexToHash(p2.DealID), 1)
	if _, err := Redeem(ctx, n.URL(), common.HexToHash(p2.DealID), "demo-q1-high-l3", payout, keys); err == nil || !strings.Contains(err.Error(), "loyalty level") {
		t.Fatalf("level 3 for a champions' deal: %v", err)
	}
	if _, err := Redeem(ctx, n.URL(), common.HexToHash(p2.DealID), "demo-q1-high-l5", payout, keys); err != nil {
		t.Fatalf("level 5 for a champions' deal: %v", err)
	}
	if c, _ := n.redemptions.Count(ctx, id); c != 1 {
		t.Fatalf("%d redemptions after the refusals", c)
	}
	var m bazaar.VendorMetrics
	waitMetrics(t, n, chain.KeyAddress(chain.DevVendorKey), 12)
	getJSON(t, n.URL()+"/metrics/"+chain.KeyAddress(chain.DevVendorKey).Hex(), &m)
	if m.Redemptions != 2 || m.ConversionRate <= 0 {
		t.Fatalf("metrics %+v, want the redemption counted", m)
	}
}

// TestNode_PublishesProverKeys: a development node publishes the proving and verifying keys to
// its IPFS and records their CIDs and the verifying key's hash on-chain. The deployed verifier's
// vkHash() (computed in Solidity from its constants) is DevKeys().VKHash() (computed in Go), the
// contract bound it at construction and flags development keys; the verifying key behind the
// recorded CID is the development one and hashes to the recorded value; /info shows it.
func TestNode_PublishesProverKeys(t *testing.T) {
	ctx := context.Background()
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0", PublishProverKeys: true})
	defer n.Stop(ctx)
	deadline := time.Now().Add(2 * time.Minute)
	var k chain.ProverKeys
	for {
		var err error
		if k, err = n.redemptions.ProverKeys(ctx); err == nil && k.VKHash != (common.Hash{}) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("keys never recorded: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	c, err := cid.Decode(k.VKCid)
	if err != nil {
		t.Fatal(err)
	}
	vk, err := n.ipfs.CatFile(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	dev, err := prover.DevKeys()
	if err != nil {
		t.Fatal(err)
	}
	want, err := dev.VKHash()
	if err != nil {
		t.Fatal(err)
	}
	p, err := n.redemptions.Provenance(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if p.VKHash != want || p.BoundVKHash != want || k.VKHash != want || !p.DevelopmentKeys || !p.Consistent() {
		t.Fatalf("verifier %s: vkHash() %s, bound %s, recorded %s, development %v; DevKeys().VKHash() = %x", p.Verifier, p.VKHash, p.BoundVKHash,
			k.VKHash, p.DevelopmentKeys, want)
	}
	published := &prover.Keys{VK: groth16.NewVerifyingKey(ecc.BN254)}
	if _, err := published.VK.ReadFrom(bytes.NewReader(vk)); err != nil {
		t.Fatal(err)
	}
	if got, err := published.VKHash(); err != nil || got != k.VKHash {
		t.Fatalf("the published verifying key hashes to %x (%v), recorded %s", got, err, k.VKHash)
	}
	var b bytes.Buffer
	dev.VK.WriteTo(&b)
	if !bytes.Equal(vk, b.Bytes()) {
		t.Fatal("published verifying key differs from the development key")
	}
	var info struct {
		Prover map[string]any `json:"prover"`
	}
	getJSON(t, n.URL()+"/info", &info)
	if info.Prover["pkCid"] != k.PKCid || info.Prover["vkHash"] != k.VKHash.Hex() || info.Prover["developmentKeys"] != true ||
		info.Prover["verifier"] != p.Verifier.Hex() {
		t.Fatalf("/info prover %v", info.Prover)
	}
}

// TestRedemptions_RequirementsAuthority: the in-process matcher posted a deal version's
// requirements naming its own issuer key. A second registered matcher with an issuer key of its
// own cannot replace them: the chain adapter sends nothing (the version is posted), and the
// contract itself refuses the signed post (RequirementsAlreadyPosted) as it refuses one naming
// the first matcher's issuer (NotMatchersIssuer). The first matcher's own re-post, as after a
// restart, is skipped too.
func TestRedemptions_RequirementsAuthority(t *testing.T) {
	ctx := context.Background()
	n := mustNode(t, t.TempDir())
	defer n.Stop(ctx)
	d := exampleDeal(t)
	posted, err := VendorPost(ctx, n.URL(), chain.DevVendorKey, d)
	if err != nil {
		t.Fatal(err)
	}
	id := common.HexToHash(posted.DealID)
	waitRequirements(t, n, id, 1)
	first, err := n.redemptions.Requirement(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	x1, y1 := n.issuer.Point()
	if first.Matcher != chain.KeyAddress(n.mkeys.signer) || first.IssuerX.Cmp(x1) != 0 || first.IssuerY.Cmp(y1) != 0 {
		t.Fatalf("requirement %+v, want the in-process matcher %s and its issuer key", first, chain.KeyAddress(n.mkeys.signer))
	}

	// A second matcher, registered, with its own issuer key.
	snp, err := newDevSNP()
	if err != nil {
		t.Fatal(err)
	}
	other := mustKeys(t)
	ev, err := attestKeys(mustChainID(t, n), n.attest.Address(), snp, other)
	if err != nil {
		t.Fatal(err)
	}
	if err := submitEvidence(ctx, n.attest, n.relayer, ev); err != nil {
		t.Fatal(err)
	}
	iss, err := prover.NewIssuer()
	if err != nil {
		t.Fatal(err)
	}
	x2, y2 := iss.Point()
	if err := n.redemptions.RegisterIssuer(ctx, n.relayer, other.signer, x2, y2); err != nil {
		t.Fatal(err)
	}
	h2, err := prover.RequirementsOf(id, d).ReqHashFor(iss.PublicKey())
	if err != nil {
		t.Fatal(err)
	}

	relayer := chain.KeyAddress(n.relayer)
	nonce, _ := n.backend.PendingNonceAt(ctx, relayer)
	if err := n.redemptions.PostRequirements(ctx, n.relayer, other.signer, id, 1, h2, x2, y2); !errors.Is(err, chain.ErrRequirementsPosted) {
		t.Fatalf("second matcher's post: %v, want ErrRequirementsPosted", err)
	}
	h1, err := prover.RequirementsOf(id, d).ReqHashFor(n.issuer.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	if err := n.redemptions.PostRequirements(ctx, n.relayer, n.mkeys.signer, id, 1, h1, x1, y1); !errors.Is(err, chain.ErrRequirementsPosted) {
		t.Fatalf("the first matcher's re-post: %v, want ErrRequirementsPosted", err)
	}
	if after, _ := n.backend.PendingNonceAt(ctx, relayer); after != nonce {
		t.Fatalf("%d transaction(s) sent for posts of a posted version", after-nonce)
	}

	// What the contract says to the signed posts themselves.
	redABI := bindings.NewRedemptions()
	refusal := func(signer *ecdsa.PrivateKey, reqHash, x, y *big.Int) any {
		t.Helper()
		digest, err := n.redemptions.RequirementsDigest(ctx, id, 1, reqHash, x, y)
		if err != nil {
			t.Fatal(err)
		}
		sig, err := chain.SignDigest(signer, digest)
		if err != nil {
			t.Fatal(err)
		}
		to := n.redemptions.Address()
		_, err = n.backend.CallContract(ctx, ethereum.CallMsg{From: relayer, To: &to, Data: redABI.PackPostRequirements(id, 1, reqHash, x, y, sig)}, nil)
		var de rpc.DataError
		if !errors.As(err, &de) {
			t.Fatalf("post went through or failed otherwise: %v", err)
		}
		s, _ := de.ErrorData().(string)
		v, err := redABI.UnpackError(common.FromHex(s))
		if err != nil {
			t.Fatalf("revert %q: %v", s, err)
		}
		return v
	}
	if e, ok := refusal(other.signer, h2, x2, y2).(*bindings.RedemptionsRequirementsAlreadyPosted); !ok || e.Matcher != first.Matcher {
		t.Fatalf("second matcher's signed post with its own issuer: %+v", e)
	}
	if e, ok := refusal(other.signer, h1, x1, y1).(*bindings.RedemptionsNotMatchersIssuer); !ok || e.Matcher != chain.KeyAddress(other.signer) {
		t.Fatalf("second matcher's signed post naming the first's issuer: %+v", e)
	}
	if now, err := n.redemptions.Requirement(ctx, id); err != nil || now.ReqHash.Cmp(first.ReqHash) != 0 || now.Matcher != first.Matcher {
		t.Fatalf("requirement now %+v (%v), was %+v", now, err, first)
	}
}

package chain_test

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar/chain"
)

// TestMetricsDigest_Parity: the digest a matcher signs in Go is the contract's, and a post
// signed by a key that is not a registered matcher is refused before any transaction.
func TestMetricsDigest_Parity(t *testing.T) {
	ctx := context.Background()
	dev := mustDevChain(t, t.TempDir())
	defer dev.Stop(ctx)
	client := dev.Client()
	att, _, err := chain.DeployAttestation(ctx, client, chain.DevRelayerKey, chain.KeyAddress(chain.DevRelayerKey), nil, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	addr, _, err := chain.DeployMetricsLedger(ctx, client, chain.DevRelayerKey, att)
	if err != nil {
		t.Fatal(err)
	}
	ledger := chain.NewMetricsLedger(client, addr)
	id, _ := client.ChainID(ctx)
	s := chain.SignedMetrics{Vendor: common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), Epoch: 7,
		AgentsMatched: 12, ImpressionsSent: 11, Redemptions: 1, Buckets: []byte(`{"byLocation":{},"byDay":{}}`)}
	local, err := chain.MetricsDigest(id, addr, s)
	if err != nil {
		t.Fatal(err)
	}
	onChain, err := ledger.ContractDigest(ctx, s)
	if err != nil || local != onChain {
		t.Fatalf("digest: Go %s, contract %s (%v)", local, onChain, err)
	}
	if other, _ := chain.MetricsDigest(big.NewInt(1), addr, s); other == local {
		t.Fatal("digest does not bind the chain id")
	}
	key, _ := crypto.GenerateKey()
	signed, err := chain.SignMetrics(key, id, addr, s)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := client.NonceAt(ctx, chain.KeyAddress(chain.DevRelayerKey), nil)
	if _, err := ledger.Post(ctx, chain.DevRelayerKey, signed); err == nil || !strings.Contains(err.Error(), "NotRegistered") {
		t.Fatalf("post by an unregistered key: %v", err)
	}
	if after, _ := client.NonceAt(ctx, chain.KeyAddress(chain.DevRelayerKey), nil); after != before {
		t.Fatal("a refused post sent a transaction")
	}
}

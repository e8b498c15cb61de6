package chain_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
)

func mustDevChain(tb testing.TB, dir string) *chain.DevChain {
	tb.Helper()
	d, err := chain.StartDev(context.Background(), chain.DevConfig{DataDir: dir, RPCListen: "127.0.0.1:0"})
	if err != nil {
		tb.Fatalf("start dev chain: %v", err)
	}
	return d
}

func testHeader(t *testing.T, vendor common.Address, doc string) bazaar.DealHeader {
	t.Helper()
	digest := common.Hash(sha256.Sum256([]byte(doc)))
	return bazaar.DealHeader{
		Vendor: vendor, Digest: digest, Version: 1,
		ExpiresAt:      uint64(time.Now().Add(24 * time.Hour).Unix()),
		MaxRedemptions: 100, Nonce: bazaar.NonceFromDigest(digest), Counter: big.NewInt(0),
	}
}

func TestRegistry_Post(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dev := mustDevChain(t, dir)
	client := dev.Client()
	addr, err := chain.DeployRegistry(ctx, client, chain.DevRelayerKey)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := chain.NewRegistry(ctx, client, addr)
	if err != nil {
		t.Fatal(err)
	}
	vendorKey := chain.DevVendorKey
	vendor := chain.KeyAddress(vendorKey)
	h := testHeader(t, vendor, `{"a":1}`)

	t.Run("hash parity with the contract", func(t *testing.T) {
		goHash, err := reg.Domain.HashDeal(h)
		if err != nil {
			t.Fatal(err)
		}
		solHash, err := reg.HashDeal(ctx, h)
		if err != nil {
			t.Fatal(err)
		}
		if goHash != solHash {
			t.Fatalf("Go EIP-712 hash %s != contract hashDeal %s", goHash, solHash)
		}
	})

	var mu sync.Mutex
	var got []chain.Event
	w, err := chain.NewWatcher(chain.WatcherConfig{Backend: client, Registry: addr, Interval: 10 * time.Millisecond,
		Handle: func(_ context.Context, e chain.Event) error { mu.Lock(); got = append(got, e); mu.Unlock(); return nil }})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer w.Stop(ctx)

	relayer := chain.KeyAddress(chain.DevRelayerKey)
	t.Run("rejects a signature by another key without sending", func(t *testing.T) {
		before, _ := client.NonceAt(ctx, relayer, nil)
		other, _ := crypto.GenerateKey()
		sig, err := reg.Domain.SignDeal(other, h)
		if err != nil {
			t.Fatal(err)
		}
		_, err = reg.Post(ctx, chain.DevRelayerKey, h, sig)
		if bazaar.ErrorCode(err) != bazaar.ECodeSignature || !errors.Is(err, bazaar.ErrBadSignature) {
			t.Fatalf("err = %v (code %s), want signature error", err, bazaar.ErrorCode(err))
		}
		after, _ := client.NonceAt(ctx, relayer, nil)
		if after != before {
			t.Fatalf("relayer nonce moved %d -> %d: a transaction was sent", before, after)
		}
	})

	t.Run("posts a vendor-signed header from the relayer", func(t *testing.T) {
		sig, err := reg.Domain.SignDeal(vendorKey, h)
		if err != nil {
			t.Fatal(err)
		}
		if signer, err := reg.Domain.RecoverDeal(h, sig); err != nil || signer != vendor {
			t.Fatalf("recover = %s, %v; want %s", signer, err, vendor)
		}
		rcpt, err := reg.Post(ctx, chain.DevRelayerKey, h, sig)
		if err != nil {
			t.Fatal(err)
		}
		if len(rcpt.Logs) != 1 {
			t.Fatalf("%d logs, want 1", len(rcpt.Logs))
		}
		d, err := reg.Deal(ctx, h.DealID())
		if err != nil {
			t.Fatal(err)
		}
		if d.Digest != h.Digest || d.Vendor != vendor || d.Version != 1 {
			t.Fatalf("stored deal %+v does not match header", d)
		}
		_, err = reg.Post(ctx, chain.DevRelayerKey, h, sig)
		if bazaar.ErrorCode(err) != bazaar.ECodeConflict {
			t.Fatalf("second post: %v, want conflict", err)
		}
	})

	t.Run("watcher delivers DealPosted once", func(t *testing.T) {
		deadline := time.Now().Add(10 * time.Second)
		for {
			mu.Lock()
			n := len(got)
			mu.Unlock()
			if n > 0 || time.Now().After(deadline) {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(got) != 1 {
			t.Fatalf("got %d events, want 1", len(got))
		}
		e := got[0]
		if e.Kind != chain.DealPosted || e.DealID != h.DealID() || e.Header.Digest != h.Digest || e.Header.Nonce.Cmp(h.Nonce) != 0 {
			t.Fatalf("event %+v does not match the header", e)
		}
	})

	t.Run("unknown deal is not found", func(t *testing.T) {
		_, err := reg.Deal(ctx, common.Hash{1})
		if !errors.Is(err, bazaar.ErrNotFound) {
			t.Fatalf("err = %v, want ErrNotFound", err)
		}
	})

	w.Stop(ctx)
	if err := dev.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	t.Run("state persists across restart", func(t *testing.T) {
		dev2 := mustDevChain(t, dir)
		defer dev2.Stop(ctx)
		reg2, err := chain.NewRegistry(ctx, dev2.Client(), addr)
		if err != nil {
			t.Fatal(err)
		}
		d, err := reg2.Deal(ctx, h.DealID())
		if err != nil || d.Digest != h.Digest {
			t.Fatalf("after restart: %+v, %v", d, err)
		}
	})
}

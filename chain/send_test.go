package chain_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
)

// TestSettlement_Deposit_ConcurrentSenders drives one key the way a dev node drives its relayer:
// a faucet's mint → approve → deposit (each step depends on the one before) while other callers
// send from the same key at the same time. Every transaction must land exactly once; none may be
// refused, whether as a "revert" or by the node (a nonce handed out twice comes back as "already
// known" or "replacement transaction underpriced", or replaces the other caller's transaction).
func TestSettlement_Deposit_ConcurrentSenders(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dev := mustDevChain(t, t.TempDir())
	defer dev.Stop(context.Background())
	client := dev.Client()
	key := chain.DevRelayerKey
	me := chain.KeyAddress(key)
	usd, err := chain.DeployTestStablecoin(ctx, client, key)
	if err != nil {
		t.Fatal(err)
	}
	st, err := chain.DeploySettlement(ctx, client, key, usd.Address(), common.Address{}, 86400)
	if err != nil {
		t.Fatal(err)
	}

	const (
		others   = 16 // concurrent callers besides the faucet
		each     = 20 // transactions per caller
		deposits = 10
	)
	sink := common.HexToAddress("0x000000000000000000000000000000000000bEEF")
	amt := big.NewInt(1_000_000)
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}
	for g := 0; g < others; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				if err := usd.Mint(ctx, key, sink, big.NewInt(1)); err != nil {
					fail(fmt.Errorf("mint %d/%d: %w", g, i, err))
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < deposits; i++ {
			account := common.BigToAddress(big.NewInt(int64(0x1000 + i)))
			err := usd.Mint(ctx, key, me, amt)
			if err == nil {
				err = usd.Approve(ctx, key, st.Address(), amt)
			}
			if err == nil {
				err = st.Deposit(ctx, key, account, amt)
			}
			if err != nil {
				fail(fmt.Errorf("faucet %d: %w", i, err))
			}
		}
	}()
	wg.Wait()
	for _, err := range errs {
		t.Errorf("%v (code %s)", err, bazaar.ErrorCode(err))
	}
	if t.Failed() {
		t.FailNow()
	}
	if got, err := usd.BalanceOf(ctx, sink); err != nil || got.Int64() != others*each {
		t.Errorf("sink balance %v (%v), want %d: a mint was lost or doubled", got, err, others*each)
	}
	head, err := client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := st.Deposits(ctx, 0, head)
	if err != nil || len(evs) != deposits {
		t.Errorf("%d Deposited events (%v), want %d", len(evs), err, deposits)
	}
}

// TestRegistry_Post_NodeRefusal: a transaction the node refuses (here: a relayer with no ether
// for gas) is a chain failure, not a contract revert, and says what the node said.
func TestRegistry_Post_NodeRefusal(t *testing.T) {
	ctx := context.Background()
	dev := mustDevChain(t, t.TempDir())
	defer dev.Stop(ctx)
	client := dev.Client()
	addr, err := chain.DeployRegistry(ctx, client, chain.DevRelayerKey)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := chain.NewRegistry(ctx, client, addr)
	if err != nil {
		t.Fatal(err)
	}
	h := testHeader(t, chain.KeyAddress(chain.DevVendorKey), `{"broke":true}`)
	sig, err := reg.Domain.SignDeal(chain.DevVendorKey, h)
	if err != nil {
		t.Fatal(err)
	}
	broke, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	_, err = reg.Post(ctx, broke, h, sig)
	var be *bazaar.Error
	if !errors.As(err, &be) || be.Code != bazaar.ECodeUnavailable {
		t.Fatalf("err = %v (code %s), want %s", err, bazaar.ErrorCode(err), bazaar.ECodeUnavailable)
	}
	if msg := err.Error(); !strings.Contains(msg, "insufficient funds") || strings.Contains(msg, "revert") {
		t.Fatalf("err = %q: want the node's reason, not a revert", msg)
	}
}

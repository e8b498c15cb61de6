package chain_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"net"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar/chain"
)

// flaky is a backend whose first sends are lost on the way: before the node sees them, or
// after it took them (the answer lost).
type flaky struct {
	chain.Backend
	lose      int32 // sends to fail
	afterSend bool  // fail after passing the transaction on
	calls     atomic.Int32
}

func (f *flaky) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	n := f.calls.Add(1)
	if n > f.lose {
		return f.Backend.SendTransaction(ctx, tx)
	}
	if f.afterSend {
		if err := f.Backend.SendTransaction(ctx, tx); err != nil {
			return err
		}
		return &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	}
	return &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
}

// TestBroadcast: a send lost on the way is retried with the same transaction; one whose answer
// was lost lands once ("already known" counts as sent); the node's refusals are not retried;
// a receipt that never comes ends the wait with a clear error.
func TestBroadcast(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dev := mustDevChain(t, t.TempDir())
	defer dev.Stop(context.Background())
	client := dev.Client()
	to := common.HexToAddress("0x00000000000000000000000000000000000b10c1")
	wei := big.NewInt(1e9)

	lost := &flaky{Backend: client, lose: 2}
	if err := chain.Transfer(ctx, lost, chain.DevRelayerKey, to, wei); err != nil {
		t.Fatalf("transfer over a network that lost two sends: %v", err)
	}
	if lost.calls.Load() != 3 {
		t.Fatalf("%d sends, want 3", lost.calls.Load())
	}
	answerLost := &flaky{Backend: client, lose: 1, afterSend: true}
	if err := chain.Transfer(ctx, answerLost, chain.DevRelayerKey, to, wei); err != nil {
		t.Fatalf("transfer whose first answer was lost: %v", err)
	}
	if bal, _ := client.BalanceAt(ctx, to, nil); bal.Cmp(new(big.Int).Mul(wei, big.NewInt(2))) != 0 {
		t.Fatalf("recipient holds %s, want exactly two transfers", bal)
	}

	// A key with no ether: the node refuses, once.
	poor, _ := crypto.GenerateKey()
	counted := &flaky{Backend: client}
	err := chain.Transfer(ctx, counted, poor, to, wei)
	if err == nil || !strings.Contains(err.Error(), "insufficient funds") || counted.calls.Load() != 1 {
		t.Fatalf("refused transfer: %v after %d sends", err, counted.calls.Load())
	}

	old := chain.ReceiptTimeout
	chain.ReceiptTimeout = 200 * time.Millisecond
	defer func() { chain.ReceiptTimeout = old }()
	if _, err := chain.WaitMined(context.Background(), client, common.Hash{1}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("waiting for a receipt that never comes: %v", err)
	}
}

// rival is a backend where, just before this process's first send reaches the node, another
// process sends a transaction of its own from the same key with the same nonce.
type rival struct {
	chain.Backend
	key   *ecdsa.PrivateKey
	to    common.Address
	sends atomic.Int32
}

func (r *rival) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if r.sends.Add(1) == 1 {
		theirs, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{ChainID: tx.ChainId(), Nonce: tx.Nonce(), GasTipCap: tx.GasTipCap(),
			GasFeeCap: tx.GasFeeCap(), Gas: 21_000, To: &r.to, Value: big.NewInt(1)}), types.LatestSignerForChainID(tx.ChainId()), r.key)
		if err != nil {
			return err
		}
		if err := r.Backend.SendTransaction(ctx, theirs); err != nil {
			return err
		}
	}
	return r.Backend.SendTransaction(ctx, tx)
}

// TestSubmit_NonceTakenByAnotherProcess: two processes sending from one key (nodes sharing a
// relayer key): when the other takes the nonce first, the transaction is built again on the
// next one and lands; both transfers are mined.
func TestSubmit_NonceTakenByAnotherProcess(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dev := mustDevChain(t, t.TempDir())
	defer dev.Stop(context.Background())
	client := dev.Client()
	ours, theirs := common.HexToAddress("0x000000000000000000000000000000000000a11c"), common.HexToAddress("0x0000000000000000000000000000000000000b0b")
	r := &rival{Backend: client, key: chain.DevRelayerKey, to: theirs}
	if err := chain.Transfer(ctx, r, chain.DevRelayerKey, ours, big.NewInt(1e9)); err != nil {
		t.Fatalf("transfer after another process took its nonce: %v", err)
	}
	if r.sends.Load() != 2 {
		t.Fatalf("%d sends, want 2 (refused, then on the next nonce)", r.sends.Load())
	}
	for _, c := range []struct {
		who  common.Address
		want int64
	}{{ours, 1e9}, {theirs, 1}} {
		deadline := time.Now().Add(10 * time.Second)
		for {
			bal, err := client.BalanceAt(ctx, c.who, nil)
			if err == nil && bal.Int64() == c.want {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s holds %v, want %d", c.who.Hex(), bal, c.want)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

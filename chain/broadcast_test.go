package chain_test

import (
	"context"
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

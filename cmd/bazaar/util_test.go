package main

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"net"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	"log/slog"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
)

func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// testLogger sends the node's logs to the test log and keeps a copy for privacy checks.
func testLogger(tb testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(tbWriter{tb}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

var (
	logMu   sync.Mutex
	logCopy bytes.Buffer
)

type tbWriter struct{ tb testing.TB }

func (w tbWriter) Write(p []byte) (int, error) {
	logMu.Lock()
	logCopy.Write(p)
	logMu.Unlock()
	w.tb.Log(string(p))
	return len(p), nil
}

// loggedSoFar returns everything test nodes have logged in this test binary.
func loggedSoFar() string {
	logMu.Lock()
	defer logMu.Unlock()
	return logCopy.String()
}

// mustAnvil starts anvil from npm on a free loopback port (with anvil's args, e.g. --chain-id)
// and returns its RPC URL.
func mustAnvil(tb testing.TB, args ...string) string {
	tb.Helper()
	bin, err := filepath.Abs("../../node_modules/.bin/anvil")
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		tb.Fatalf("anvil not installed (%v): run 'npm ci' or 'make test'", err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(bin, append([]string{"--host", "127.0.0.1", "--port", strconv.Itoa(port), "--silent"}, args...)...)
	// npm's bin entry is a node shim that spawns the real binary: kill the whole group.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		tb.Fatalf("start anvil: %v", err)
	}
	tb.Cleanup(func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); cmd.Wait() })
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(30 * time.Second)
	for {
		c, err := ethclient.Dial(url)
		if err == nil {
			_, err = c.ChainID(context.Background())
			c.Close()
			if err == nil {
				return url
			}
		}
		if time.Now().After(deadline) {
			tb.Fatalf("anvil did not answer on %s: %v", url, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func common32(h string) common.Hash { return common.HexToHash(h) }

func bigZero() *big.Int { return new(big.Int) }

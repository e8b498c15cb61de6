//go:build interop

// Package kubotest builds and runs Kubo 0.43.1, the reference IPFS implementation, for the
// interop tests (build tag interop: go test -tags interop ./ipfs/ ./cmd/bazaar/ -run Interop,
// or make interop).
//
// Kubo is not vendored or committed. The first run builds it from the Go module proxy into the
// user cache ($XDG_CACHE_HOME or ~/.cache, see os.UserCacheDir) under
// bazaar-interop/kubo-0.43.1/ipfs, and later runs reuse that binary: a cold build takes a few
// minutes and about 1.3 GB of RAM. A daemon runs offline on loopback only (no bootstrap peers, no
// routing, no mDNS, no relays, TCP only, no providing, no telemetry), in a temporary repo, with
// its RPC API on a free loopback port. A failed build fails the test; it is never skipped.
package kubotest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multiaddr"
	manet "github.com/multiformats/go-multiaddr/net"
)

const (
	// Version is the Kubo release the interop tests build and run.
	Version = "v0.43.1"
	// libp2pVersion is the go-libp2p Kubo is built with. Kubo's go.mod replaces
	// go-libp2p with a fork; replace directives of dependencies are ignored,
	// so without this the build gets v0.49.0, which does not compile against
	// the webtransport-go Kubo needs. v0.50.0 is the release with the fork's
	// changes.
	libp2pVersion = "v0.50.0"
	kuboPkg       = "github.com/ipfs/kubo/cmd/ipfs"
)

// cmdTimeout bounds every Kubo CLI call.
const cmdTimeout = 60 * time.Second

// Binary returns the cached Kubo binary, building it through the Go
// module proxy first if it is missing or is not Kubo 0.43.1. A lock file
// keeps concurrent test runs from building it twice.
func Binary(t *testing.T) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatalf("build Kubo: no cache directory for the binary: %v", err)
	}
	dir := filepath.Join(cache, "bazaar-interop", "kubo-"+strings.TrimPrefix(Version, "v"))
	bin := filepath.Join(dir, "ipfs")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("build Kubo: %v", err)
	}
	lock, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		t.Fatalf("build Kubo: %v", err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatalf("build Kubo: lock %s: %v", lock.Name(), err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)

	if versionOK(bin) {
		return bin
	}

	// Leave time before go test's own deadline to report a clear failure.
	ctx := context.Background()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-30*time.Second))
		defer cancel()
	}
	start := time.Now()
	t.Logf("building Kubo %s into %s through the Go module proxy (a cold build takes minutes)", Version, bin)
	mod := t.TempDir()
	tmp := bin + ".tmp"
	steps := [][]string{
		{"go", "mod", "init", "kubobuild"},
		{"go", "get", "-tool", kuboPkg + "@" + Version},
		{"go", "get", "github.com/libp2p/go-libp2p@" + libp2pVersion},
		{"go", "build", "-o", tmp, kuboPkg},
	}
	for _, s := range steps {
		cmd := exec.CommandContext(ctx, s[0], s[1:]...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			os.Remove(tmp)
			t.Fatalf("build Kubo: %s (in %s): %v (ctx: %v)\n%s", strings.Join(s, " "), mod, err, ctx.Err(), tail(out, 4000))
		}
	}
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatalf("build Kubo: %v", err)
	}
	if !versionOK(bin) {
		t.Fatalf("build Kubo: %s built but `ipfs version` does not report %s", bin, Version)
	}
	t.Logf("built Kubo %s in %s", Version, time.Since(start).Round(time.Second))
	return bin
}

// versionOK reports whether bin runs and is the pinned Kubo version.
func versionOK(bin string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "version", "--number").Output()
	return err == nil && strings.TrimSpace(string(out)) == strings.TrimPrefix(Version, "v")
}

// tail returns at most the last n bytes of b.
func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// syncBuffer is a bytes.Buffer safe for the daemon's output copier and the
// test reading it at the same time.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Daemon is a running Kubo daemon, driven through its CLI and its RPC API.
type Daemon struct {
	bin  string
	repo string              // IPFS_PATH
	API  multiaddr.Multiaddr // RPC API address (loopback)
	logs *syncBuffer         // daemon stdout and stderr
}

// env is the environment of every Kubo process: its own repo, no telemetry.
func (k *Daemon) env() []string {
	return append(os.Environ(), "IPFS_PATH="+k.repo, "IPFS_TELEMETRY=off", "DO_NOT_TRACK=1")
}

// Run runs `ipfs --api <api> args...` with stdin and returns its stdout,
// failing the test (of t, which may be a subtest) on error.
func (k *Daemon) Run(t *testing.T, stdin []byte, args ...string) []byte {
	t.Helper()
	out, err := k.Try(stdin, args...)
	if err != nil {
		t.Fatalf("%v", err)
	}
	return out
}

// Try is Run returning the error instead of failing.
func (k *Daemon) Try(stdin []byte, args ...string) ([]byte, error) {
	if k.API != nil {
		args = append([]string{"--api", k.API.String()}, args...)
	}
	ctx, cancel := context.WithTimeout(context.Background(), cmdTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, k.bin, args...)
	cmd.Env = k.env()
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return out.Bytes(), fmt.Errorf("ipfs %s: %v\nstderr: %s", strings.Join(args, " "), err, errb.String())
	}
	return out.Bytes(), nil
}

// Start initialises an offline, loopback-only Kubo repo in a temp dir,
// starts its daemon, waits for the RPC API, and stops the daemon at cleanup.
func Start(t *testing.T) *Daemon {
	t.Helper()
	k := &Daemon{bin: Binary(t), repo: t.TempDir(), logs: &syncBuffer{}}
	k.Run(t, nil, "init", "--profile=test", "--empty-repo")
	for _, kv := range [][2]string{
		// Loopback only; port 0 lets the kernel pick free ports, and the
		// daemon reports the API address it got in $IPFS_PATH/api.
		{"Addresses.Swarm", `["/ip4/127.0.0.1/tcp/0"]`},
		{"Addresses.API", `"/ip4/127.0.0.1/tcp/0"`},
		{"Addresses.Gateway", `"/ip4/127.0.0.1/tcp/0"`},
		{"Addresses.Announce", `[]`},
		{"Addresses.NoAnnounce", `[]`},
		// No network beyond the peers the test connects.
		{"Bootstrap", `[]`},
		{"Peering.Peers", `[]`},
		{"Routing.Type", `"none"`},
		{"Discovery.MDNS.Enabled", "false"},
		{"AutoConf.Enabled", "false"},
		{"AutoTLS.Enabled", "false"},
		{"Provide.Enabled", "false"},
		{"HTTPRetrieval.Enabled", "false"},
		{"Swarm.DisableNatPortMap", "true"},
		{"Swarm.RelayClient.Enabled", "false"},
		{"Swarm.RelayService.Enabled", "false"},
		{"Swarm.Transports.Network.QUIC", "false"},
		{"Swarm.Transports.Network.WebTransport", "false"},
		{"Swarm.Transports.Network.WebRTCDirect", "false"},
		{"Swarm.Transports.Network.Websocket", "false"},
		{"Plugins.Plugins.telemetry.Config.Mode", `"off"`},
	} {
		k.Run(t, nil, "config", "--json", kv[0], kv[1])
	}

	cmd := exec.Command(k.bin, "daemon")
	cmd.Env = k.env()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Stdout, cmd.Stderr = k.logs, k.logs
	if err := cmd.Start(); err != nil {
		t.Fatalf("start Kubo daemon: %v", err)
	}
	exited := make(chan struct{})
	var waitErr error
	go func() { waitErr = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		// SIGINT is Kubo's graceful shutdown; kill the group if it lingers.
		syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
		if t.Failed() {
			t.Logf("Kubo daemon output:\n%s", tail([]byte(k.logs.String()), 8000))
		}
	})

	deadline := time.After(60 * time.Second)
	for !strings.Contains(k.logs.String(), "Daemon is ready") {
		select {
		case <-exited:
			t.Fatalf("Kubo daemon exited before it was ready: %v\n%s", waitErr, k.logs.String())
		case <-deadline:
			t.Fatalf("Kubo daemon not ready after 60s:\n%s", k.logs.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	raw, err := os.ReadFile(filepath.Join(k.repo, "api"))
	if err != nil {
		t.Fatalf("Kubo RPC API address: %v", err)
	}
	if k.API, err = multiaddr.NewMultiaddr(strings.TrimSpace(string(raw))); err != nil {
		t.Fatalf("Kubo RPC API address %q: %v", raw, err)
	}
	if !strings.HasPrefix(k.API.String(), "/ip4/127.0.0.1/tcp/") {
		t.Fatalf("Kubo RPC API on %s, want loopback", k.API)
	}
	return k
}

// SwarmAddr is Kubo's loopback TCP swarm address with /p2p/{id}, from `ipfs id`.
func (k *Daemon) SwarmAddr(t *testing.T) multiaddr.Multiaddr {
	t.Helper()
	var id struct {
		ID        string
		Addresses []string
	}
	out := k.Run(t, nil, "id")
	if err := json.Unmarshal(out, &id); err != nil {
		t.Fatalf("ipfs id: %v\n%s", err, out)
	}
	for _, a := range id.Addresses {
		ma, err := multiaddr.NewMultiaddr(a)
		if err != nil {
			continue
		}
		// Exactly /ip4/127.0.0.1/tcp/N/p2p/ID.
		if ps := ma.Protocols(); len(ps) == 3 && ps[0].Name == "ip4" && ps[1].Name == "tcp" && ps[2].Name == "p2p" &&
			strings.HasPrefix(a, "/ip4/127.0.0.1/tcp/") {
			return ma
		}
	}
	t.Fatalf("Kubo (%s) has no loopback TCP address in %q", id.ID, id.Addresses)
	return nil
}

// HasLocal reports whether Kubo's blockstore holds c, without fetching it.
func (k *Daemon) HasLocal(t *testing.T, c cid.Cid) bool {
	t.Helper()
	sc := bufio.NewScanner(bytes.NewReader(k.Run(t, nil, "refs", "local")))
	for sc.Scan() {
		if lc, err := cid.Decode(strings.TrimSpace(sc.Text())); err == nil && lc.Hash().HexString() == c.Hash().HexString() {
			return true
		}
	}
	return false
}

// DagPut stores doc in Kubo as dag-json (parsed as dag-json, hashed with
// sha2-256, pinned) and returns the CID Kubo reports.
func (k *Daemon) DagPut(t *testing.T, doc []byte) cid.Cid {
	t.Helper()
	out := strings.TrimSpace(string(k.Run(t, doc, "dag", "put",
		"--input-codec", "dag-json", "--store-codec", "dag-json", "--hash", "sha2-256", "--pin=true")))
	c, err := cid.Decode(out)
	if err != nil {
		t.Fatalf("ipfs dag put answered %q: %v", out, err)
	}
	return c
}

// RPCURL is the daemon's RPC API as an http:// URL, as `bazaar --ipfs-api` takes it.
func (k *Daemon) RPCURL(t *testing.T) string {
	t.Helper()
	addr, err := manet.ToNetAddr(k.API)
	if err != nil {
		t.Fatalf("Kubo RPC API address %s: %v", k.API, err)
	}
	return "http://" + addr.String()
}

// RPC POSTs to the RPC API's /api/v0/{path} with the query q and returns the answer's body,
// failing the test unless Kubo answers 200.
func (k *Daemon) RPC(t *testing.T, path string, q url.Values) []byte {
	t.Helper()
	body, err := k.TryRPC(t, path, q)
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// TryRPC is RPC returning an error for an answer other than 200 (with Kubo's message).
func (k *Daemon) TryRPC(t *testing.T, path string, q url.Values) ([]byte, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), cmdTimeout)
	defer cancel()
	u := k.RPCURL(t) + "/api/v0/" + path + "?" + q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("Kubo RPC: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("Kubo RPC %s: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK || resp.Trailer.Get("X-Stream-Error") != "" {
		return body, fmt.Errorf("Kubo RPC %s: %s %s %s", u, resp.Status, resp.Trailer.Get("X-Stream-Error"), body)
	}
	return body, nil
}

// Pinned returns how Kubo pins c ("recursive", "direct" or "indirect") as POST
// /api/v0/pin/ls?arg=c lists it, or "" when it is not pinned.
func (k *Daemon) Pinned(t *testing.T, c cid.Cid) string {
	t.Helper()
	body, err := k.TryRPC(t, "pin/ls", url.Values{"arg": {c.String()}})
	if err != nil {
		if strings.Contains(err.Error(), "is not pinned") {
			return ""
		}
		t.Fatal(err)
	}
	var out struct {
		Keys map[string]struct{ Type string }
	}
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("Kubo pin/ls %s: %v\n%s", c, err, body)
	}
	for s, p := range out.Keys {
		if pc, err := cid.Decode(s); err == nil && pc.Equals(c) {
			return p.Type
		}
	}
	return ""
}

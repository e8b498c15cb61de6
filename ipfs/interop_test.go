//go:build interop

package ipfs_test

// Interop with Kubo 0.43.1, the reference IPFS implementation:
//
//	go test -tags interop ./ipfs/ -run Interop    (make interop)
//
// Kubo is not vendored or committed. The first run builds it from the Go
// module proxy into the user cache ($XDG_CACHE_HOME or ~/.cache, see
// os.UserCacheDir) under bazaar-interop/kubo-0.43.1/ipfs, and later runs
// reuse that binary: a cold build takes a few minutes and about 1.3 GB of RAM.
// The daemon runs offline on loopback only (no bootstrap peers, no routing, no
// mDNS, no relays, TCP only, no providing, no telemetry), in a temporary repo.
// A failed build fails the test; it is never skipped.

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	carv2 "github.com/ipld/go-car/v2"
	"github.com/multiformats/go-multiaddr"

	"github.com/bazaar-market/bazaar/ipfs"
)

const (
	kuboVersion = "v0.43.1"
	// kuboLibp2p is the go-libp2p Kubo is built with. Kubo's go.mod replaces
	// go-libp2p with a fork; replace directives of dependencies are ignored,
	// so without this the build gets v0.49.0, which does not compile against
	// the webtransport-go Kubo needs. v0.50.0 is the release with the fork's
	// changes.
	kuboLibp2p = "v0.50.0"
	kuboPkg    = "github.com/ipfs/kubo/cmd/ipfs"
)

// cmdTimeout bounds every Kubo CLI call.
const cmdTimeout = 60 * time.Second

// kuboBinary returns the cached Kubo binary, building it through the Go
// module proxy first if it is missing or is not Kubo 0.43.1. A lock file
// keeps concurrent test runs from building it twice.
func kuboBinary(t *testing.T) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatalf("build Kubo: no cache directory for the binary: %v", err)
	}
	dir := filepath.Join(cache, "bazaar-interop", "kubo-"+strings.TrimPrefix(kuboVersion, "v"))
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

	if kuboVersionOK(bin) {
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
	t.Logf("building Kubo %s into %s through the Go module proxy (a cold build takes minutes)", kuboVersion, bin)
	mod := t.TempDir()
	tmp := bin + ".tmp"
	steps := [][]string{
		{"go", "mod", "init", "kubobuild"},
		{"go", "get", "-tool", kuboPkg + "@" + kuboVersion},
		{"go", "get", "github.com/libp2p/go-libp2p@" + kuboLibp2p},
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
	if !kuboVersionOK(bin) {
		t.Fatalf("build Kubo: %s built but `ipfs version` does not report %s", bin, kuboVersion)
	}
	t.Logf("built Kubo %s in %s", kuboVersion, time.Since(start).Round(time.Second))
	return bin
}

// kuboVersionOK reports whether bin runs and is the pinned Kubo version.
func kuboVersionOK(bin string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "version", "--number").Output()
	return err == nil && strings.TrimSpace(string(out)) == strings.TrimPrefix(kuboVersion, "v")
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

// kubo is a running Kubo daemon driven through its CLI.
type kubo struct {
	t    *testing.T
	bin  string
	repo string              // IPFS_PATH
	api  multiaddr.Multiaddr // RPC API address
	logs *syncBuffer         // daemon stdout and stderr
}

// env is the environment of every Kubo process: its own repo, no telemetry.
func (k *kubo) env() []string {
	return append(os.Environ(), "IPFS_PATH="+k.repo, "IPFS_TELEMETRY=off", "DO_NOT_TRACK=1")
}

// run runs `ipfs --api <api> args...` with stdin and returns its stdout,
// failing the test (of t, which may be a subtest) on error.
func (k *kubo) run(t *testing.T, stdin []byte, args ...string) []byte {
	t.Helper()
	out, err := k.try(stdin, args...)
	if err != nil {
		t.Fatalf("%v", err)
	}
	return out
}

// try is run returning the error instead of failing.
func (k *kubo) try(stdin []byte, args ...string) ([]byte, error) {
	if k.api != nil {
		args = append([]string{"--api", k.api.String()}, args...)
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

// startKubo initialises an offline, loopback-only Kubo repo in a temp dir,
// starts its daemon, waits for the RPC API, and stops the daemon at cleanup.
func startKubo(t *testing.T) *kubo {
	t.Helper()
	k := &kubo{t: t, bin: kuboBinary(t), repo: t.TempDir(), logs: &syncBuffer{}}
	k.run(t, nil, "init", "--profile=test", "--empty-repo")
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
		k.run(t, nil, "config", "--json", kv[0], kv[1])
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
	if k.api, err = multiaddr.NewMultiaddr(strings.TrimSpace(string(raw))); err != nil {
		t.Fatalf("Kubo RPC API address %q: %v", raw, err)
	}
	if !strings.HasPrefix(k.api.String(), "/ip4/127.0.0.1/tcp/") {
		t.Fatalf("Kubo RPC API on %s, want loopback", k.api)
	}
	return k
}

// swarmAddr is Kubo's loopback TCP swarm address with /p2p/{id}, from `ipfs id`.
func (k *kubo) swarmAddr(t *testing.T) multiaddr.Multiaddr {
	t.Helper()
	var id struct {
		ID        string
		Addresses []string
	}
	out := k.run(t, nil, "id")
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

// hasLocal reports whether Kubo's blockstore holds c, without fetching it.
func (k *kubo) hasLocal(t *testing.T, c cid.Cid) bool {
	t.Helper()
	sc := bufio.NewScanner(bytes.NewReader(k.run(t, nil, "refs", "local")))
	for sc.Scan() {
		if lc, err := cid.Decode(strings.TrimSpace(sc.Text())); err == nil && lc.Hash().HexString() == c.Hash().HexString() {
			return true
		}
	}
	return false
}

// dagPut stores doc in Kubo as dag-json (parsed as dag-json, hashed with
// sha2-256, pinned) and returns the CID Kubo reports.
func (k *kubo) dagPut(t *testing.T, doc []byte) cid.Cid {
	t.Helper()
	out := strings.TrimSpace(string(k.run(t, doc, "dag", "put",
		"--input-codec", "dag-json", "--store-codec", "dag-json", "--hash", "sha2-256", "--pin=true")))
	c, err := cid.Decode(out)
	if err != nil {
		t.Fatalf("ipfs dag put answered %q: %v", out, err)
	}
	return c
}

// carContents reads a CARv1 stream's roots and blocks in order.
func carContents(t *testing.T, car []byte) (roots []cid.Cid, blks []cid.Cid, data map[cid.Cid][]byte) {
	t.Helper()
	br, err := carv2.NewBlockReader(bytes.NewReader(car))
	if err != nil {
		t.Fatalf("read CAR header: %v", err)
	}
	if br.Version != 1 {
		t.Errorf("CAR version %d, want 1", br.Version)
	}
	data = map[cid.Cid][]byte{}
	for {
		b, err := br.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("read CAR block %d: %v", len(blks), err)
		}
		blks = append(blks, b.Cid())
		data[b.Cid()] = b.RawData()
	}
	return br.Roots, blks, data
}

func TestInterop_Kubo(t *testing.T) {
	ctx := context.Background()
	k := startKubo(t)
	ours := mustOpen(t, "", loopback)
	t.Logf("Kubo %s: RPC API %s; our node %s", kuboVersion, k.api, ours.Addrs()[0])

	t.Run("Kubo fetches our deal over bitswap", func(t *testing.T) {
		deal, err := ipfs.Canonical([]byte(`{"vendorId":"highlands-coffee","service":{"category":"coffee","description":"Cà Phê Sữa Đá"},"pricing":{"basePrice":5,"discountedPrice":4,"currency":"USD"},"expiresAt":"2026-12-31T23:59:59Z"}`))
		if err != nil {
			t.Fatal(err)
		}
		c, err := ours.Put(ctx, deal)
		if err != nil {
			t.Fatal(err)
		}
		if k.hasLocal(t, c) {
			t.Fatalf("Kubo already has %s before fetching it", c)
		}
		k.run(t, nil, "swarm", "connect", ours.Addrs()[0].String())
		got := k.run(t, nil, "block", "get", "--timeout", "30s", c.String())
		if !bytes.Equal(got, deal) {
			t.Fatalf("Kubo block get %s =\n%q\nwant\n%q", c, got, deal)
		}
		if !k.hasLocal(t, c) {
			t.Errorf("Kubo does not list %s in refs local after fetching it", c)
		}
		// dag get decodes it with Kubo's dag-json codec and re-encodes it:
		// the canonical form survives the round trip.
		decoded := k.run(t, nil, "dag", "get", "--output-codec", "dag-json", c.String())
		if !bytes.Equal(bytes.TrimSpace(decoded), deal) {
			t.Fatalf("Kubo dag get %s =\n%q\nwant\n%q", c, decoded, deal)
		}
		field := strings.TrimSpace(string(k.run(t, nil, "dag", "get", c.String()+"/service/description")))
		if field != `"Cà Phê Sữa Đá"` {
			t.Errorf("Kubo dag get %s/service/description = %s", c, field)
		}
	})

	t.Run("our CAR imports into Kubo with the same root and equals its export", func(t *testing.T) {
		// A deal linking its terms: the CAR holds two blocks, so block order
		// and link traversal are compared as well as framing.
		terms, err := ipfs.Canonical([]byte(`{"refunds":false,"maxPerCustomer":2,"text":"one drink per coupon"}`))
		if err != nil {
			t.Fatal(err)
		}
		tc, err := ours.Put(ctx, terms)
		if err != nil {
			t.Fatal(err)
		}
		deal, err := ipfs.Canonical([]byte(fmt.Sprintf(`{"vendorId":"car-vendor","pricing":{"basePrice":3.5,"currency":"USD"},"terms":{"/":%q}}`, tc)))
		if err != nil {
			t.Fatal(err)
		}
		c, err := ours.Put(ctx, deal)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range []cid.Cid{c, tc} {
			if k.hasLocal(t, x) {
				t.Fatalf("Kubo already has %s before the import", x)
			}
		}

		srv := httptest.NewServer(ours.Gateway())
		defer srv.Close()
		resp, err := srv.Client().Get(srv.URL + "/ipfs/" + c.String() + "?format=car")
		if err != nil {
			t.Fatal(err)
		}
		car, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET CAR: %d %s", resp.StatusCode, car)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/vnd.ipld.car") {
			t.Errorf("CAR Content-Type %q", ct)
		}
		roots, order, data := carContents(t, car)
		if len(roots) != 1 || !roots[0].Equals(c) {
			t.Fatalf("our CAR roots %v, want [%s]", roots, c)
		}
		if len(order) != 2 || !bytes.Equal(data[c], deal) || !bytes.Equal(data[tc], terms) {
			t.Fatalf("our CAR blocks %v, want deal %s and terms %s with their bytes", order, c, tc)
		}

		out := string(k.run(t, car, "dag", "import", "--stats", "--pin-roots=true"))
		if !strings.Contains(out, "Pinned root\t"+c.String()+"\tsuccess") {
			t.Fatalf("ipfs dag import did not pin root %s:\n%s", c, out)
		}
		if !strings.Contains(out, "Imported 2 blocks") {
			t.Errorf("ipfs dag import stats, want 2 blocks:\n%s", out)
		}
		for _, x := range []cid.Cid{c, tc} {
			if !k.hasLocal(t, x) {
				t.Fatalf("Kubo lacks %s after the import", x)
			}
		}
		if got := k.run(t, nil, "dag", "get", c.String()+"/terms/maxPerCustomer"); strings.TrimSpace(string(got)) != "2" {
			t.Errorf("Kubo dag get through the imported link = %q, want 2", got)
		}

		exported := k.run(t, nil, "dag", "export", c.String())
		if !bytes.Equal(exported, car) {
			eroots, eorder, edata := carContents(t, exported)
			t.Fatalf("our CAR (%d bytes, roots %v, blocks %v) differs from Kubo's `dag export` (%d bytes, roots %v, blocks %v); same block bytes: %v",
				len(car), roots, order, len(exported), eroots, eorder,
				bytes.Equal(edata[c], deal) && bytes.Equal(edata[tc], terms))
		}
	})

	t.Run("our node fetches a document only Kubo has", func(t *testing.T) {
		doc, err := ipfs.Canonical([]byte(`{"vendorId":"kubo-only","n":42,"tags":["mirror","kubo"]}`))
		if err != nil {
			t.Fatal(err)
		}
		kc := k.dagPut(t, doc)
		if want := ipfs.CID(doc); !kc.Equals(want) {
			t.Fatalf("Kubo stored the document as %s, want %s", kc, want)
		}
		if mustHas(t, ours, kc) {
			t.Fatal("our node already has the Kubo-only block")
		}
		if err := ours.Connect(ctx, k.swarmAddr(t)); err != nil {
			t.Fatal(err)
		}
		gctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		got, err := ours.Get(gctx, kc)
		if err != nil {
			t.Fatalf("Get %s from Kubo over bitswap: %v", kc, err)
		}
		if !bytes.Equal(got, doc) {
			t.Fatalf("fetched %q, want %q", got, doc)
		}
		if fc := ipfs.CIDFromDigest(sha256.Sum256(got)); !fc.Equals(kc) {
			t.Fatalf("fetched bytes hash to %s, want %s", fc, kc)
		}
		if !mustHas(t, ours, kc) {
			t.Error("the fetched block was not stored")
		}
	})

	t.Run("Kubo and we agree on the canonical CID", func(t *testing.T) {
		linked := ipfs.CID([]byte(`{"a":1}`))
		for _, tc := range []struct{ name, doc string }{
			{"shuffled keys and whitespace", "{ \"pricing\" : {\"discountedPrice\": 4,\n\t\"basePrice\": 5, \"currency\":\"USD\"},\r\n  \"vendorId\": \"x\",\n \"availability\": { \"maxRedemptions\" : 100 , \"inStock\" : true } }\n"},
			{"pretty-printed deal", "{\n  \"vendorId\": \"v-1\",\n  \"service\": {\n    \"type\": \"drink\",\n    \"category\": \"coffee\"\n  },\n  \"pricing\": {\n    \"currency\": \"USD\",\n    \"basePrice\": 4.5,\n    \"discountPercent\": 20\n  },\n  \"expiresAt\": \"2026-12-31T23:59:59Z\"\n}\n"},
			{"key order is bytewise", `{"b":1,"aa":2,"a":3,"B":4,"é":5,"~":6,"a b":7,"":8}`},
			{"unicode escapes", `{"description":"C\u00e0 Ph\u00ea S\u1eefa \u0110\u00e1","quote":"say \"hi\"\n","emoji":"☕"}`},
			{"scalars and lists", `{"list":[3, 1, {"z":null,"y":false}, [], {}], "neg":-17, "big":9007199254740993, "f":-0.25, "t":true}`},
			{"link and bytes", fmt.Sprintf(`{"terms":{"/":"%s"},"blob":{"/":{"bytes":"aGVsbG8"}}}`, linked)},
		} {
			t.Run(tc.name, func(t *testing.T) {
				canon, err := ipfs.Canonical([]byte(tc.doc))
				if err != nil {
					t.Fatal(err)
				}
				want := ipfs.CID(canon)
				got := k.dagPut(t, []byte(tc.doc))
				if !got.Equals(want) {
					kuboBytes, _ := k.try(nil, "block", "get", got.String())
					t.Fatalf("Kubo CID %s, ours %s\nKubo bytes: %s\nour bytes:  %s", got, want, kuboBytes, canon)
				}
				if kb := k.run(t, nil, "block", "get", got.String()); !bytes.Equal(kb, canon) {
					t.Fatalf("Kubo block %s =\n%q\nours\n%q", got, kb, canon)
				}
			})
		}
	})
}

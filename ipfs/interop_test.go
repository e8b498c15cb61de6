//go:build interop

package ipfs_test

// Interop with Kubo 0.43.1 (run: make interop). Kubo is built once from the Go module proxy
// into the user cache (about a minute warm, five cold) and run offline on loopback.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multiaddr"

	"github.com/bazaar-market/bazaar/ipfs"
)

const kuboVersion = "v0.43.1"

// kuboBinary returns a cached Kubo build, building it through the module proxy if needed.
func kuboBinary(t *testing.T) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(cache, "bazaar-interop", "ipfs-"+strings.TrimPrefix(kuboVersion, "v"))
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	mod := t.TempDir()
	steps := [][]string{
		{"go", "mod", "init", "kubobuild"},
		{"go", "get", "-tool", "github.com/ipfs/kubo/cmd/ipfs@" + kuboVersion},
		// Kubo's go.mod replaces go-libp2p with a fork the proxy does not serve.
		{"go", "get", "github.com/libp2p/go-libp2p@v0.50.0"},
		{"go", "build", "-o", bin, "github.com/ipfs/kubo/cmd/ipfs"},
	}
	for _, s := range steps {
		cmd := exec.Command(s[0], s[1:]...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build Kubo (%s): %v\n%s", strings.Join(s, " "), err, out)
		}
	}
	return bin
}

type kubo struct {
	t    *testing.T
	bin  string
	repo string
}

func (k *kubo) run(stdin []byte, args ...string) []byte {
	k.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, k.bin, args...)
	cmd.Env = append(os.Environ(), "IPFS_PATH="+k.repo)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		k.t.Fatalf("ipfs %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.Bytes()
}

// startKubo initialises an offline, loopback-only Kubo repo and runs its daemon.
func startKubo(t *testing.T) *kubo {
	t.Helper()
	k := &kubo{t: t, bin: kuboBinary(t), repo: t.TempDir()}
	k.run(nil, "init", "--profile=test", "--empty-repo")
	for _, kv := range [][2]string{
		{"Routing.Type", `"none"`}, {"AutoConf.Enabled", "false"}, {"Provide.Enabled", "false"},
		{"Swarm.RelayClient.Enabled", "false"}, {"Swarm.RelayService.Enabled", "false"},
		{"Swarm.Transports.Network.QUIC", "false"}, {"Swarm.Transports.Network.WebTransport", "false"},
		{"Swarm.Transports.Network.WebRTCDirect", "false"}, {"AutoTLS.Enabled", "false"}, {"HTTPRetrieval.Enabled", "false"},
	} {
		k.run(nil, "config", "--json", kv[0], kv[1])
	}
	cmd := exec.Command(k.bin, "daemon")
	cmd.Env = append(os.Environ(), "IPFS_PATH="+k.repo)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); cmd.Wait() })
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(logs.String(), "Daemon is ready") {
		if time.Now().After(deadline) {
			t.Fatalf("Kubo daemon not ready:\n%s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return k
}

// swarmAddr is Kubo's loopback TCP listen address with its peer id.
func (k *kubo) swarmAddr() multiaddr.Multiaddr {
	k.t.Helper()
	id := strings.TrimSpace(string(k.run(nil, "id", "-f", "<id>")))
	for _, a := range strings.Fields(string(k.run(nil, "swarm", "addrs", "local"))) {
		if strings.HasPrefix(a, "/ip4/127.0.0.1/tcp/") {
			ma, err := multiaddr.NewMultiaddr(a + "/p2p/" + id)
			if err != nil {
				k.t.Fatal(err)
			}
			return ma
		}
	}
	k.t.Fatal("Kubo has no loopback TCP address")
	return nil
}

func mustNetNode(t *testing.T) *ipfs.Node {
	t.Helper()
	ctx := context.Background()
	n, err := ipfs.Open(ctx, ipfs.Config{Dir: t.TempDir(), P2PListen: []string{"/ip4/127.0.0.1/tcp/0"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Stop(context.Background()) })
	return n
}

func TestInterop_Kubo(t *testing.T) {
	ctx := context.Background()
	k := startKubo(t)
	ours := mustNetNode(t)
	deal, err := ipfs.Canonical([]byte(`{"vendorId":"highlands-coffee","service":{"category":"coffee","description":"Cà Phê Sữa Đá"},"pricing":{"basePrice":5,"discountedPrice":4}}`))
	if err != nil {
		t.Fatal(err)
	}
	c, err := ours.Put(ctx, deal)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("Kubo fetches our deal over bitswap", func(t *testing.T) {
		k.run(nil, "swarm", "connect", ours.Addrs()[0].String())
		got := k.run(nil, "block", "get", "--timeout", "20s", c.String())
		if !bytes.Equal(got, deal) {
			t.Fatalf("Kubo got %q, want %q", got, deal)
		}
		decoded := k.run(nil, "dag", "get", "--output-codec", "dag-json", c.String())
		if !bytes.Equal(bytes.TrimSpace(decoded), deal) {
			t.Fatalf("Kubo dag get %q, want %q", decoded, deal)
		}
	})

	t.Run("our CAR imports into Kubo with the same CID and matches its export", func(t *testing.T) {
		srv := httptest.NewServer(ours.Gateway())
		defer srv.Close()
		resp, err := http.Get(srv.URL + "/ipfs/" + c.String() + "?format=car")
		if err != nil {
			t.Fatal(err)
		}
		car, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("CAR: %d", resp.StatusCode)
		}
		out := string(k.run(car, "dag", "import", "--stats", "--pin-roots=true"))
		if !strings.Contains(out, c.String()) {
			t.Fatalf("dag import output %q does not name root %s", out, c)
		}
		exported := k.run(nil, "dag", "export", c.String())
		if !bytes.Equal(exported, car) {
			t.Fatalf("our CAR (%d bytes) differs from Kubo's export (%d bytes)", len(car), len(exported))
		}
	})

	t.Run("our node fetches a document only Kubo has", func(t *testing.T) {
		doc, _ := ipfs.Canonical([]byte(`{"vendorId":"kubo-only","n":42}`))
		out := strings.TrimSpace(string(k.run(doc, "dag", "put", "--store-codec", "dag-json", "--input-codec", "dag-json", "--hash", "sha2-256")))
		kc, err := cid.Decode(out)
		if err != nil {
			t.Fatalf("dag put answered %q: %v", out, err)
		}
		if has, _ := ours.Has(ctx, kc); has {
			t.Fatal("our node already has the Kubo-only block")
		}
		if err := ours.Connect(ctx, k.swarmAddr()); err != nil {
			t.Fatal(err)
		}
		gctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		got, err := ours.Get(gctx, kc)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(got)
		if !bytes.Equal(kc.Hash()[2:], sum[:]) || !bytes.Equal(got, doc) {
			t.Fatalf("fetched %q (sha256 %x) for %s", got, sum, kc)
		}
	})

	t.Run("Kubo and we agree on the canonical CID", func(t *testing.T) {
		messy := []byte("{ \"pricing\": {\"discountedPrice\": 4, \"basePrice\": 5},\n  \"vendorId\": \"x\" }")
		out := strings.TrimSpace(string(k.run(messy, "dag", "put", "--store-codec", "dag-json", "--input-codec", "dag-json", "--hash", "sha2-256")))
		canon, err := ipfs.Canonical(messy)
		if err != nil {
			t.Fatal(err)
		}
		if want := ipfs.CID(canon).String(); out != want {
			t.Fatalf("Kubo CID %s, ours %s", out, want)
		}
	})
}

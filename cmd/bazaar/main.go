// Command bazaar runs Bazaar: `bazaar dev` starts a complete development node; `bazaar vendor`
// and `bazaar agent` are the clients vendors and agents use against a node.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/bazaar-market/bazaar/chain"
)

const usage = `usage: bazaar <command> [flags]

commands:
  dev                       run a development node: embedded chain, IPFS, matcher, relay, API
  node --rpc URL [--mirror] run a node on any chain; --mirror follows it read-only and pins every deal
  relay --rpc URL --nats URL
                            a relay sharing mailboxes over NATS (a read-only node: --manifest, --peer)
  matcher --node URL        run an attested matcher (--snp device|simulated) linked to a node's relay
                            (--shard LO-HI: its part of the signal space)
  vendor post FILE          sign a deal document (EIP-712) and post it
  vendor update DEALID FILE sign and post the next version of a deal
  vendor cancel DEALID      sign and submit a deal's cancellation
  vendor withdraw           be paid what settlement batches credited (the node submits it)
  vendor orders [confirm ORDER | reject ORDER | check-code ORDER CODE]
                            read acceptances (each checked on-chain), answer them, check a
                            pickup code at the counter
  agent optin               seal an opt-in signal to the attested matcher key and submit it
  agent optout              withdraw it (sealed the same way)
  agent listen              open and print an agent mailbox's sealed notifications as JSON lines
  agent redeem DEAL_ID      prove eligibility in zero knowledge and redeem (--area AREA: the
                            credential's claimed area)
  agent deposit AMOUNT      deposit into the agent's settlement account (dev faucet; --wallet:
                            its own tokens, approve + deposit signed by the account)
  agent accept DEAL_ID      order a redeemed deal: a sealed acceptance to the vendor under a
                            per-vendor pseudonym, with a one-time pickup code
  agent orders              the agent's orders, the vendors' answers and receipts
  agent pay DEAL_ID         pay a confirmed order privately: an intent sealed to the matcher,
                            settled in a batch
  agent exit                withdraw the account's balance with its statement when the
                            sequencer has stopped
                            (redeem … exit act as the holder of --key FILE, default
                            .bazaar-agent-key.json, created on first use; or --demo NAME)
  prover ceremony STEP      Groth16 MPC setup: contribute | seal1 | seal2 | verify (--dir, --beacon)
  audit [--node URL]        list allowed measurements and registered matchers; re-verify each report
                            (--manifest FILE --rpc URL: without a node)
  roots [--dev] [--measurement]
                            the AMD roots (and dev measurement) as the env contracts/script/Deploy.s.sol reads
  bench [--json] SUITE      benchmarks: post, browse, attest-gas, match, notify, prove,
                            settle-gas, cluster, all

Run 'bazaar <command> -h' for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "bazaar:", err)
		}
		os.Exit(2)
	}
}

// errUsage is returned for a command line that names no known command.
var errUsage = errors.New("unknown command; run 'bazaar help'")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "dev":
		return runNode(ctx, "dev", args[1:], stdout, stderr)
	case "node":
		return runNode(ctx, "node", args[1:], stdout, stderr)
	case "relay":
		// A relay is a read-only node whose relay shares mailboxes over NATS: agents may connect
		// to any relay, and matchers to any of them.
		rest := args[1:]
		if !slices.ContainsFunc(rest, func(a string) bool { return a == "--nats" || a == "-nats" || strings.HasPrefix(a, "--nats=") }) && os.Getenv("BAZAAR_NATS") == "" {
			return errors.New("bazaar relay needs --nats URL (relays share mailboxes through NATS JetStream)")
		}
		return runNode(ctx, "node", append([]string{"--mirror"}, rest...), stdout, stderr)
	case "vendor":
		if len(args) > 1 && (args[1] == "post" || args[1] == "update" || args[1] == "cancel") {
			return runVendor(ctx, args[1], args[2:], stdout, stderr)
		}
		if len(args) > 1 && args[1] == "withdraw" {
			return runVendorWithdraw(ctx, args[2:], stdout, stderr)
		}
		if len(args) > 1 && args[1] == "orders" {
			return runVendorOrders(ctx, args[2:], stdout, stderr)
		}
	case "agent":
		if len(args) > 1 && args[1] == "listen" {
			return runAgentListen(ctx, args[2:], stdout, stderr)
		}
		if len(args) > 1 && args[1] == "optin" {
			return runAgentOptIn(ctx, args[2:], stdout, stderr)
		}
		if len(args) > 1 && args[1] == "optout" {
			return runAgentOptOut(ctx, args[2:], stdout, stderr)
		}
		if len(args) > 1 && args[1] == "redeem" {
			return runAgentRedeem(ctx, args[2:], stdout, stderr)
		}
		if len(args) > 1 && args[1] == "deposit" {
			return runAgentDeposit(ctx, args[2:], stdout, stderr)
		}
		if len(args) > 1 && args[1] == "pay" {
			return runAgentPay(ctx, args[2:], stdout, stderr)
		}
		if len(args) > 1 && args[1] == "accept" {
			return runAgentAccept(ctx, args[2:], stdout, stderr)
		}
		if len(args) > 1 && args[1] == "orders" {
			return runAgentOrders(ctx, args[2:], stdout, stderr)
		}
		if len(args) > 1 && args[1] == "exit" {
			return runAgentExit(ctx, args[2:], stdout, stderr)
		}
	case "matcher":
		return runMatcher(ctx, args[1:], stdout, stderr)
	case "prover":
		if len(args) > 1 && args[1] == "ceremony" {
			return runCeremony(ctx, args[2:], stdout, stderr)
		}
	case "roots":
		return runRoots(ctx, args[1:], stdout, stderr)
	case "audit":
		return runAudit(ctx, args[1:], stdout, stderr)
	case "bench":
		return runBench(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return errUsage
}

// parseInterspersed parses flags that may appear before or after positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, strings.Split(s, ",")...); return nil }

// runNode runs `bazaar dev` (embedded chain and demo agents by default) or `bazaar node`
// (an external chain, required) until interrupted.
func runNode(ctx context.Context, verb string, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet(verb, flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", ".bazaar", "data directory (chain, IPFS blocks, index, matcher state)")
	httpAddr := fs.String("http", "127.0.0.1:8080", "API listen address (port 0 picks one)")
	rpc := fs.String("rpc", "", "external chain JSON-RPC URL (anvil, geth, an L2)")
	rpcListen := fs.String("rpc-listen", "127.0.0.1:8545", "embedded chain JSON-RPC listen address (port 0 picks one)")
	var p2p, peers listFlag
	fs.Var(&p2p, "p2p-listen", "IPFS libp2p listen multiaddrs (default /ip4/127.0.0.1/tcp/0)")
	fs.Var(&peers, "peer", "IPFS peer multiaddr (with /p2p/ID) to connect to; repeatable")
	registry := fs.String("registry", "", "DealRegistry address (default: the recorded or dev deployment)")
	manifest := fs.String("manifest", "", "deployment manifest from contracts/script/Deploy.s.sol (use its contracts)")
	mirror := fs.Bool("mirror", false, "read-only mirror: follow the chain, fetch and pin every deal document")
	relayerFile := fs.String("relayer-key-file", "", "file with the hex key that pays for gasless posts (dev chains default to the dev key)")
	confirmations := fs.Uint64("confirmations", 0, "blocks an event must be buried under before it is indexed")
	noDemo := fs.Bool("no-demo", verb != "dev", "do not seed demo agents")
	natsURL := fs.String("nats", "", "NATS server URL (JetStream): relays on the same stream share mailboxes")
	relayMaxConns := fs.Int("relay-max-conns", 10000, "agent connections the relay holds at once (each an open file); more get 503")
	ipfsAPI := fs.String("ipfs-api", "", "Kubo RPC API (e.g. http://127.0.0.1:5001) to pin every deal document in as well; posts fail with 503 when it cannot")
	eps := fs.Float64("dp-epsilon", 0, "in-process matcher: Laplace noise of scale 1/ε on each breakdown bucket vendors see (0: none)")
	matcherMode := fs.String("matcher", "in-process", "in-process, or external: a `bazaar matcher` process links to this node's relay")
	verbose := fs.Bool("v", false, "debug logging")
	opsListen := fs.String("ops-listen", "", "ops listener: Prometheus GET /metrics, /readyz and /healthz apart from the API (empty: none; port 0 picks one)")
	drainDelay := fs.Duration("drain-delay", 0, "on SIGTERM or SIGINT: how long /readyz answers 503 before the API stops accepting connections")
	drainTimeout := fs.Duration("drain-timeout", 10*time.Second, "on SIGTERM or SIGINT: how long API requests in flight may take to finish")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: bazaar %s [flags]\n\nEvery flag can also be given in the environment as BAZAAR_<NAME> (upper case, - as _),\n"+
			"e.g. BAZAAR_HTTP, BAZAAR_OPS_LISTEN, BAZAAR_RPC; a flag on the command line wins.\n\n", verb)
		fs.PrintDefaults()
	}
	if err := envFlags(fs, "BAZAAR_", os.LookupEnv); err != nil {
		return err
	}
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *matcherMode != "in-process" && *matcherMode != "external" {
		return fmt.Errorf("--matcher must be in-process or external, not %q", *matcherMode)
	}
	if verb == "node" && *rpc == "" {
		return errors.New("bazaar node needs --rpc URL (use 'bazaar dev' for the embedded chain)")
	}
	if len(p2p) == 0 {
		p2p = listFlag{"/ip4/127.0.0.1/tcp/0"}
	}
	cfg := Config{DataDir: *data, HTTPListen: *httpAddr, RPC: *rpc, P2PListen: p2p, Peers: peers, Registry: *registry, Manifest: *manifest,
		Mirror: *mirror, SeedDemo: !*noDemo && !*mirror, Confirmations: *confirmations, ExternalMatcher: *matcherMode == "external", DPEpsilon: *eps, NATS: *natsURL, IPFSAPI: *ipfsAPI, PublishProverKeys: verb == "dev", FundDemo: verb == "dev"}
	if *rpc == "" {
		cfg.RPCListen = *rpcListen
	}
	cfg.OpsListen, cfg.DrainDelay, cfg.DrainTimeout = *opsListen, *drainDelay, *drainTimeout
	if *relayMaxConns < 1 {
		return fmt.Errorf("--relay-max-conns must be at least 1, not %d", *relayMaxConns)
	}
	cfg.RelayMaxConns = *relayMaxConns
	if *relayerFile != "" {
		k, err := loadKey("", *relayerFile)
		if err != nil {
			return fmt.Errorf("relayer key: %w", err)
		}
		cfg.RelayerKey = k
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	cfg.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	n, err := Start(ctx, cfg)
	if err != nil {
		return err
	}
	n.printBanner(stdout)
	if verb == "dev" && cfg.SeedDemo {
		if err := n.seedDemoDeals(ctx, stdout); err != nil {
			n.log.Warn("demo deals not posted", "err", err)
		}
	}
	<-ctx.Done()
	// Drain: /readyz answers 503, requests in flight finish, websockets get 1001 going away.
	fmt.Fprintln(stdout, "stopping…")
	sctx, cancel := context.WithTimeout(context.Background(), *drainDelay+*drainTimeout+10*time.Second)
	defer cancel()
	return n.Stop(sctx)
}

func (n *Node) printBanner(w io.Writer) {
	if n.cfg.Mirror || n.dev == nil {
		fmt.Fprintf(w, "Bazaar %s\n  API          %s\n  chain RPC    %s (chain id %d)\n  DealRegistry %s\n  IPFS peer    %s\n  data         %s\n",
			n.mode(), n.URL(), n.RPCURL(), n.deployment.ChainID, n.deployment.DealRegistry.Hex(), strings.Join(n.peerAddrs(), " "), n.cfg.DataDir)
		return
	}
	vendor := chain.DevVendorKey
	fmt.Fprintf(w, `Bazaar dev node (DEVELOPMENT ONLY: public dev keys; matcher attested by a SIMULATED SEV-SNP with a test AMD root)
  API          %s   (GET /deals, /info, /healthz, /metrics/{vendor}, /ipfs/{cid}, websocket /relay)
  chain RPC    %s   (chain id %d; cast and wallets work against it)
  DealRegistry %s
  Attestation  %s   (matcher %s registered on-chain, SIMULATED SEV-SNP; see /attestations, bazaar audit)
  IPFS peer    %s
  data         %s

Demo vendor  %s
  key        0x%x
Post the example deal as the demo vendor:
  go run ./cmd/bazaar vendor post examples/deal.json --key 0x%x --node %s
Listen as a demo agent in Quận 1 (high LTV tier, loyalty 3):
  go run ./cmd/bazaar agent listen --mailbox demo-q1-high-l3 --node %s
Buy the deal as that agent (each demo agent holds 50.00 test dollars in Settlement %s):
  go run ./cmd/bazaar agent redeem DEAL_ID --demo demo-q1-high-l3
  go run ./cmd/bazaar agent accept DEAL_ID --demo demo-q1-high-l3      (prints ORDER and a pickup code)
  go run ./cmd/bazaar vendor orders confirm ORDER
  go run ./cmd/bazaar agent pay DEAL_ID --demo demo-q1-high-l3
  go run ./cmd/bazaar vendor orders check-code ORDER CODE
  go run ./cmd/bazaar vendor withdraw
Or as an agent of your own (a key file, .bazaar-agent-key.json, made on first use; a new account
qualifies for deals open to newcomers, such as Phở 2000):
  go run ./cmd/bazaar agent deposit 10.00
  go run ./cmd/bazaar agent redeem DEAL_ID --area "Quận 1"      (then accept, pay as above, without --demo)
`, n.URL(), n.RPCURL(), n.deployment.ChainID, n.deployment.DealRegistry.Hex(), n.attestAddr(), n.matcherAddr(), strings.Join(n.peerAddrs(), " "),
		n.cfg.DataDir, chain.KeyAddress(vendor).Hex(), cryptoBytes(vendor), cryptoBytes(vendor), n.URL(), n.URL(), n.deployment.Settlement.Hex())
	if len(n.demo) > 0 {
		fmt.Fprintf(w, "%d demo agents: mailboxes demo-{q1,q3,q5,q7}-{low,medium,high}-l{1,3,5}\n", len(n.demo))
	}
}

func (n *Node) peerAddrs() []string {
	var out []string
	for _, a := range n.ipfs.Addrs() {
		out = append(out, a.String())
	}
	return out
}

func (n *Node) matcherAddr() string {
	if n.mkeys == nil {
		return "none"
	}
	return chain.KeyAddress(n.mkeys.signer).Hex()
}

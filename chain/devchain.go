package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"
)

// DevChainID is the embedded dev chain's id (geth --dev's network id).
const DevChainID = 1337

// DevConfig configures the embedded development chain.
type DevConfig struct {
	DataDir   string           // chain database lives in DataDir/geth; reused across restarts
	RPCListen string           // host:port for HTTP+WS JSON-RPC; port 0 picks a free one; "" = no RPC server
	Fund      []common.Address // accounts funded in genesis besides the relayer (first start only)
	Logger    *slog.Logger
}

// DevChain is go-ethereum running in-process in dev mode (as `geth --dev --datadir` does): a
// persistent chain that mines a block as soon as a transaction arrives.
type DevChain struct {
	stack  *node.Node
	eth    *eth.Ethereum
	sim    *catalyst.SimulatedBeacon
	client *ethclient.Client
	rpcURL string
	log    *slog.Logger
}

// StartDev opens (or creates) the dev chain in cfg.DataDir and starts it. On first start the
// genesis funds DevRelayerKey and cfg.Fund; later starts reuse the stored chain.
func StartDev(ctx context.Context, cfg DevConfig) (*DevChain, error) {
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ncfg := node.DefaultConfig
	ncfg.Name = "geth"
	ncfg.DataDir = cfg.DataDir
	ncfg.IPCPath = ""
	ncfg.P2P = p2p.Config{ListenAddr: "", NoDial: true, NoDiscovery: true, MaxPeers: 0}
	ncfg.HTTPHost, ncfg.WSHost = "", ""
	if cfg.RPCListen != "" {
		host, port, err := net.SplitHostPort(cfg.RPCListen)
		if err != nil {
			return nil, fmt.Errorf("rpc listen %q: %w", cfg.RPCListen, err)
		}
		p, err := strconv.Atoi(port)
		if err != nil {
			return nil, fmt.Errorf("rpc listen %q: bad port", cfg.RPCListen)
		}
		if p == 0 {
			// geth needs a concrete port to share HTTP and WS on one listener.
			p, err = freePort(host)
			if err != nil {
				return nil, err
			}
		}
		ncfg.HTTPHost, ncfg.HTTPPort = host, p
		ncfg.WSHost, ncfg.WSPort = host, p
		ncfg.HTTPModules = []string{"eth", "net", "web3"}
		ncfg.WSModules = []string{"eth", "net", "web3"}
		ncfg.HTTPVirtualHosts = []string{"*"}
		ncfg.HTTPCors = []string{"*"}
		ncfg.WSOrigins = []string{"*"}
	}
	stack, err := node.New(&ncfg)
	if err != nil {
		return nil, fmt.Errorf("dev chain node: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			stack.Close()
		}
	}()

	relayer := crypto.PubkeyToAddress(DevRelayerKey.PublicKey)
	ecfg := ethconfig.Defaults
	ecfg.NetworkId = DevChainID
	ecfg.SyncMode = ethconfig.FullSync
	ecfg.Miner.PendingFeeRecipient = relayer
	ecfg.Miner.GasPrice = big.NewInt(1)
	ecfg.DatabaseCache = 64
	ecfg.TrieCleanCache, ecfg.TrieDirtyCache, ecfg.SnapshotCache = 16, 16, 16
	ecfg.LogNoHistory = true
	fresh, err := isFresh(stack)
	if err != nil {
		return nil, err
	}
	if fresh {
		g := core.DeveloperGenesisBlock(30_000_000, &relayer)
		g.Config.ChainID = big.NewInt(DevChainID)
		for _, a := range cfg.Fund {
			g.Alloc[a] = types.Account{Balance: new(big.Int).Lsh(big.NewInt(1), 100)}
		}
		ecfg.Genesis = g
	} else {
		ecfg.Genesis = nil
	}
	backend, err := eth.New(stack, &ecfg)
	if err != nil {
		return nil, fmt.Errorf("dev chain eth service: %w", err)
	}
	fs := filters.NewFilterSystem(backend.APIBackend, filters.Config{})
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(fs)}})
	sim, err := catalyst.NewSimulatedBeacon(0, relayer, backend)
	if err != nil {
		return nil, fmt.Errorf("dev chain beacon: %w", err)
	}
	catalyst.RegisterSimulatedBeaconAPIs(stack, sim)
	stack.RegisterLifecycle(sim)
	if err := stack.Start(); err != nil {
		return nil, fmt.Errorf("start dev chain: %w", err)
	}
	sim.Commit() // so the first receipt lookup does not hit "transaction indexing is in progress"
	d := &DevChain{stack: stack, eth: backend, sim: sim, client: ethclient.NewClient(stack.Attach()), log: log}
	if cfg.RPCListen != "" {
		d.rpcURL = stack.HTTPEndpoint()
	}
	log.Info("dev chain started", "chainId", DevChainID, "rpc", d.rpcURL, "fresh", fresh,
		"head", backend.BlockChain().CurrentBlock().Number)
	ok = true
	return d, nil
}

func isFresh(stack *node.Node) (bool, error) {
	db, err := stack.OpenDatabaseWithOptions("chaindata", node.DatabaseOptions{ReadOnly: true})
	if err != nil {
		// No database yet.
		return true, nil
	}
	defer db.Close()
	return rawdb.ReadCanonicalHash(db, 0) == (common.Hash{}), nil
}

func freePort(host string) (int, error) {
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return 0, fmt.Errorf("pick rpc port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Client is an in-process JSON-RPC client of the chain.
func (d *DevChain) Client() *ethclient.Client { return d.client }

// RPCURL is the HTTP JSON-RPC endpoint ("" when none was requested).
func (d *DevChain) RPCURL() string { return d.rpcURL }

// Commit mines a block now (dev chains also mine on every transaction by themselves).
func (d *DevChain) Commit() common.Hash { return d.sim.Commit() }

// Stop closes the chain cleanly, flushing state so the next start resumes from it.
func (d *DevChain) Stop(context.Context) error {
	d.client.Close()
	if err := d.stack.Close(); err != nil && !errors.Is(err, node.ErrNodeStopped) {
		return fmt.Errorf("stop dev chain: %w", err)
	}
	return nil
}

// KeyAddress is the address of a private key.
func KeyAddress(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// Package chain is Bazaar's go-ethereum adapter: the embedded dev chain, contract deployment,
// typed EIP-712 signing of deal headers, registry transactions and the event watcher.
//
// Code here takes narrow go-ethereum interfaces (bind.ContractBackend and friends) so the same
// calls run on the embedded chain, ethclient/simulated in tests, anvil or any JSON-RPC endpoint.
package chain

import (
	"crypto/ecdsa"

	"github.com/ethereum/go-ethereum/crypto"
)

// Development keys: anvil's well-known first accounts, so cast, wallets and anvil all agree.
// They are public: never use them outside a development chain.
var (
	// DevRelayerKey pays gas for gasless posting and deploys the contracts on the dev chain.
	DevRelayerKey = mustKey("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")
	// DevVendorKey is the demo vendor's wallet.
	DevVendorKey = mustKey("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d")
)

func mustKey(h string) *ecdsa.PrivateKey {
	k, err := crypto.HexToECDSA(h)
	if err != nil {
		panic(err)
	}
	return k
}

func cryptoKeccak(b []byte) []byte { return crypto.Keccak256(b) }

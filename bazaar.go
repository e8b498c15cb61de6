// Package bazaar holds Bazaar's domain: the deal document and its on-chain header, agent signals,
// notifications, vendor metrics, error codes, and the small interfaces the adapters implement.
//
// Adapters (chain, ipfs, enclave, matcher, relay, prover) import this package and never each
// other; cmd/bazaar wires them together.
package bazaar

// Package bazaar holds Bazaar's domain: the deal document and its on-chain header, agent signals,
// notifications, vendor metrics, error codes, and the small interfaces the adapters implement.
//
// Adapters (chain, ipfs, enclave, matcher, relay, prover) import this package and never each
// other; cmd/bazaar wires them together.
package bazaar

import (
	"context"
	"time"
)

// Notifier delivers an opaque payload to an agent mailbox. The relay implements it; delivery to
// an offline mailbox is stored and forwarded, never an error.
type Notifier interface {
	Deliver(ctx context.Context, mailbox string, payload []byte) error
}

// Clock returns the current time; tests inject a fixed one.
type Clock func() time.Time

package relay_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/bazaar-market/bazaar/relay"
)

// BenchmarkHub_NATSDeliver stores envelopes for distinct offline mailboxes through a relay on
// an embedded NATS server, from concurrent callers as a matcher's fan-out: the store's
// throughput, which bounds a fan-out's over relays on NATS.
func BenchmarkHub_NATSDeliver(b *testing.B) {
	s := mustNATS(b)
	h, _ := mustNATSHub(b, s, relay.Config{})
	payload := []byte(fmt.Sprintf(`{"v":1,"nonce":"AAAAAAAAAAAAAAAA","ciphertext":"%0600d"}`, 0))
	boxes := make([]string, b.N)
	for i := range boxes {
		boxes[i] = box(fmt.Sprint("bench-", i))
	}
	var n atomic.Int64
	b.SetParallelism(16) // × GOMAXPROCS callers
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1) - 1
			if err := h.DeliverKeyed(context.Background(), boxes[i], fmt.Sprint("k", i), payload); err != nil {
				b.Fatal(err)
			}
		}
	})
}

package bazaar_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/bazaar-market/bazaar"
)

func TestSealNotification(t *testing.T) {
	key := bazaar.DemoNotifyKey("demo-x")
	sizes := map[int]bool{}
	for _, n := range []int{0, 10, 500, 508, 509, 2000, 4092} {
		payload := bytes.Repeat([]byte{'a'}, n)
		env, err := bazaar.SealNotification(key, payload)
		if err != nil {
			t.Fatalf("%d bytes: %v", n, err)
		}
		got, err := bazaar.OpenNotification(key, env)
		if err != nil || !bytes.Equal(got, payload) {
			t.Fatalf("%d bytes: roundtrip %v", n, err)
		}
		sizes[len(env)] = true
	}
	// Envelopes come in as many sizes as buckets used (0..508 share one), never per payload.
	if len(sizes) != 4 {
		t.Fatalf("%d distinct envelope sizes for 4 buckets: %v", len(sizes), sizes)
	}
	env, _ := bazaar.SealNotification(key, []byte(`{"dealId":"0xabc"}`))
	if bytes.Contains(env, []byte("dealId")) {
		t.Fatal("envelope carries plaintext")
	}
	if _, err := bazaar.OpenNotification(bazaar.DemoNotifyKey("demo-y"), env); !errors.Is(err, bazaar.ErrUnseal) {
		t.Fatalf("other key: %v", err)
	}
	tampered := bytes.Replace(env, []byte(`"c":"`), []byte(`"c":"A`), 1)
	if _, err := bazaar.OpenNotification(key, tampered); err == nil {
		t.Fatal("tampered envelope opened")
	}
	if _, err := bazaar.SealNotification(key, make([]byte, 4093)); !errors.Is(err, bazaar.ErrSealedTooLarge) {
		t.Fatalf("oversized: %v", err)
	}
	if _, err := bazaar.SealNotification(key[:16], nil); err == nil {
		t.Fatal("short key accepted")
	}
}

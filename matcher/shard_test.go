package matcher_test

import (
	"crypto/ecdh"
	"crypto/rand"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/bazaar-market/bazaar/matcher"
)

// TestShards: even shards cover the space exactly once, ids spread over them, a shard travels
// in the attested key blob without disturbing the keys, and bad ranges are refused.
func TestShards(t *testing.T) {
	shards := matcher.EvenShards(3)
	if shards[0].Lo != 0 || shards[2].Hi != matcher.ShardSpace {
		t.Fatalf("shards %v do not span the space", shards)
	}
	counts := make([]int, 3)
	for i := range 3000 {
		id := fmt.Sprintf("eph-%d", i)
		owners := 0
		for j, s := range shards {
			if s.Holds(id) {
				owners++
				counts[j]++
			}
		}
		if owners != 1 {
			t.Fatalf("%s has %d owners", id, owners)
		}
	}
	for j, c := range counts {
		if c < 800 || c > 1200 {
			t.Fatalf("shard %d holds %d of 3000 ids: not uniform", j, c)
		}
	}
	x, _ := ecdh.X25519().GenerateKey(rand.Reader)
	blob := matcher.WithShard(matcher.AttestedKey(x.PublicKey(), nil), shards[1])
	got, ok, err := matcher.KeyShard(blob)
	if err != nil || !ok || got != shards[1] {
		t.Fatalf("shard from blob: %v %v %v", got, ok, err)
	}
	px, _, err := matcher.ParseAttestedKey(blob)
	if err != nil || !px.Equal(x.PublicKey()) {
		t.Fatalf("key from a sharded blob: %v", err)
	}
	if _, ok, _ := matcher.KeyShard(matcher.AttestedKey(x.PublicKey(), nil)); ok {
		t.Fatal("an unsharded blob names a shard")
	}
	for _, bad := range []string{"5-5", "9-3", "0-65537", "a-b", "100", ""} {
		if _, err := matcher.ParseShard(bad); err == nil {
			t.Fatalf("shard %q accepted", bad)
		}
	}
	if s, err := matcher.ParseShard("0-65536"); err != nil || s != (matcher.Shard{Lo: 0, Hi: 65536}) {
		t.Fatalf("whole space: %v %v", s, err)
	}
}

// TestEngine_ShardIntake: a sharded engine takes the signals its shard holds and refuses the
// others, which belong to another matcher.
func TestEngine_ShardIntake(t *testing.T) {
	key, _ := ecdh.X25519().GenerateKey(rand.Reader)
	shard := matcher.EvenShards(2)[0]
	e, err := matcher.New(matcher.Config{Notifier: &inbox{}, HPKEKey: key, Shard: &shard, Clock: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	var in, out int
	for i := 1; i <= 40; i++ {
		s := signal(i, "Quận 1", "high", 3)
		sealed, _ := matcher.SealSignal(key.PublicKey(), s)
		err := e.Intake(sealed)
		switch {
		case shard.Holds(s.EphemeralID) && err == nil:
			in++
		case !shard.Holds(s.EphemeralID) && errors.Is(err, matcher.ErrOtherShard):
			out++
		default:
			t.Fatalf("signal %s (held: %v): %v", s.EphemeralID, shard.Holds(s.EphemeralID), err)
		}
	}
	if in == 0 || out == 0 || e.Signals() != in {
		t.Fatalf("took %d, refused %d, holds %d", in, out, e.Signals())
	}
}

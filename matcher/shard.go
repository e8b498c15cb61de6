package matcher

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"github.com/bazaar-market/bazaar"
)

// ShardSpace is the size of the signal space matchers split: a signal's place in it is
// ShardOf(its ephemeral id).
const ShardSpace = 1 << 16

// Shard is a matcher's part of the signal space: the signals whose ShardOf is in [Lo, Hi). A
// matcher attests its shard with its keys (WithShard), so the range is on-chain with its
// registration and an agent seals its signal to the matcher that owns its place.
type Shard struct{ Lo, Hi uint32 }

// ShardOf places an ephemeral id in the signal space (uniformly: a hash).
func ShardOf(ephemeralID string) uint32 {
	h := sha256.Sum256([]byte("bazaar shard v1\x00" + ephemeralID))
	return uint32(binary.BigEndian.Uint16(h[:2]))
}

// Holds reports whether the shard owns an ephemeral id.
func (s Shard) Holds(ephemeralID string) bool {
	p := ShardOf(ephemeralID)
	return s.Lo <= p && p < s.Hi
}

func (s Shard) String() string { return fmt.Sprintf("%d-%d", s.Lo, s.Hi) }

func (s Shard) valid() bool { return s.Lo < s.Hi && s.Hi <= ShardSpace }

// ParseShard reads "LO-HI" (0 ≤ LO < HI ≤ 65536).
func ParseShard(v string) (Shard, error) {
	lo, hi, ok := strings.Cut(v, "-")
	l, err1 := strconv.ParseUint(lo, 10, 32)
	h, err2 := strconv.ParseUint(hi, 10, 32)
	s := Shard{uint32(l), uint32(h)}
	if !ok || err1 != nil || err2 != nil || !s.valid() {
		return Shard{}, fmt.Errorf("shard %q: want LO-HI with 0 ≤ LO < HI ≤ %d", v, ShardSpace)
	}
	return s, nil
}

// EvenShards splits the signal space into n contiguous shards.
func EvenShards(n int) []Shard {
	out := make([]Shard, n)
	for i := range n {
		out[i] = Shard{uint32(i * ShardSpace / n), uint32((i + 1) * ShardSpace / n)}
	}
	return out
}

var shardMagic = []byte("bzs1")

const shardSuffix = 12 // magic ‖ lo ‖ hi

// WithShard appends a shard to an attested key blob (AttestedKey).
func WithShard(blob []byte, s Shard) []byte {
	out := append(append([]byte(nil), blob...), shardMagic...)
	out = binary.BigEndian.AppendUint32(out, s.Lo)
	return binary.BigEndian.AppendUint32(out, s.Hi)
}

// KeyShard is the shard an attested key blob names; ok is false when it names none (the
// matcher holds the whole space).
func KeyShard(blob []byte) (s Shard, ok bool, err error) {
	n := len(blob)
	if n < 32+shardSuffix || !bytes.Equal(blob[n-shardSuffix:n-8], shardMagic) {
		return Shard{}, false, nil
	}
	s = Shard{binary.BigEndian.Uint32(blob[n-8:]), binary.BigEndian.Uint32(blob[n-4:])}
	if !s.valid() {
		return Shard{}, false, fmt.Errorf("attested key: invalid shard %s", s)
	}
	return s, true, nil
}

// stripShard is the key blob without its shard suffix.
func stripShard(blob []byte) []byte {
	if _, ok, err := KeyShard(blob); ok && err == nil {
		return blob[:len(blob)-shardSuffix]
	}
	return blob
}

// ErrOtherShard refuses a signal that belongs to another matcher's shard.
var ErrOtherShard = bazaar.Errorf(bazaar.ECodeInvalid, "signal belongs to another matcher's shard")

package main

import "testing"

// TestSeqSet: a mailbox connection drops an envelope whose seq it saw, remembers the last
// seqSetSize, and forgets older ones.
func TestSeqSet(t *testing.T) {
	var s seqSet
	if !s.add(7) || s.add(7) {
		t.Fatal("seq 7: want new once, then a repeat")
	}
	for i := uint64(100); i < 100+seqSetSize; i++ {
		if !s.add(i) {
			t.Fatalf("seq %d reported as a repeat", i)
		}
	}
	if !s.add(7) {
		t.Fatal("seq 7 still remembered after seqSetSize newer ones")
	}
	if s.add(100 + seqSetSize - 1) {
		t.Fatal("the newest seq forgotten")
	}
	if len(s.seen) != seqSetSize || len(s.order) != seqSetSize {
		t.Fatalf("holds %d seqs (%d in order), want %d", len(s.seen), len(s.order), seqSetSize)
	}
}

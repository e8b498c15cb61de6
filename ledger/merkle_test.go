package ledger_test

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bazaar-market/bazaar/ledger"
)

// TestTree: every entry's proof verifies for its own amount and no other, at every tree size.
func TestTree(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n <= 17; n++ {
		var es []ledger.Entry
		for i := range n {
			var a common.Address
			a[0], a[19] = byte(r.IntN(256)), byte(i)
			es = append(es, ledger.Entry{Addr: a, Amount: big.NewInt(int64(r.IntN(1000)))})
		}
		tree, err := ledger.NewTree(es)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			amt, proof, err := tree.Proof(e.Addr)
			if err != nil || amt.Cmp(e.Amount) != 0 {
				t.Fatalf("n=%d: proof for %s: %v", n, e.Addr, err)
			}
			if !ledger.Verify(tree.Root(), e, proof) {
				t.Fatalf("n=%d: proof for %s does not verify", n, e.Addr)
			}
			if ledger.Verify(tree.Root(), ledger.Entry{Addr: e.Addr, Amount: new(big.Int).Add(e.Amount, big.NewInt(1))}, proof) {
				t.Fatalf("n=%d: a larger amount verifies", n)
			}
		}
	}
	if _, err := ledger.NewTree([]ledger.Entry{{Addr: common.Address{1}, Amount: big.NewInt(1)}, {Addr: common.Address{1}, Amount: big.NewInt(2)}}); err == nil {
		t.Fatal("duplicate address accepted")
	}
}

// Package ledger is the enclave's private payment ledger for batched settlement (issue 7): it
// builds the balance and vendor-credit trees the Settlement contract checks exits and
// withdrawals against.
package ledger

import (
	"bytes"
	"errors"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Entry is one leaf: an address (an agent's account, or a vendor) and an amount (a balance, or
// a cumulative credit).
type Entry struct {
	Addr   common.Address
	Amount *big.Int
}

var leafArgs = func() abi.Arguments {
	a, _ := abi.NewType("address", "", nil)
	u, _ := abi.NewType("uint256", "", nil)
	return abi.Arguments{{Type: a}, {Type: u}}
}()

// Leaf is keccak256(keccak256(abi.encode(addr, amount))), as the contract computes it.
func Leaf(e Entry) common.Hash {
	enc, err := leafArgs.Pack(e.Addr, e.Amount)
	if err != nil {
		panic(err) // address and uint256 always pack
	}
	return crypto.Keccak256Hash(crypto.Keccak256(enc))
}

func hashPair(a, b common.Hash) common.Hash {
	if bytes.Compare(a[:], b[:]) > 0 {
		a, b = b, a
	}
	return crypto.Keccak256Hash(a[:], b[:])
}

// Tree is a Merkle tree over entries with OpenZeppelin's MerkleProof conventions (sorted pairs,
// an odd node carried up unchanged). Entries are ordered by address, so the same ledger state
// always gives the same root.
type Tree struct {
	levels [][]common.Hash // levels[0]: leaves; last: the root
	index  map[common.Address]int
	leaves []Entry
}

// NewTree builds the tree; addresses must be distinct.
func NewTree(entries []Entry) (*Tree, error) {
	es := append([]Entry(nil), entries...)
	sort.Slice(es, func(i, j int) bool { return bytes.Compare(es[i].Addr[:], es[j].Addr[:]) < 0 })
	t := &Tree{index: map[common.Address]int{}, leaves: es}
	level := make([]common.Hash, len(es))
	for i, e := range es {
		if _, dup := t.index[e.Addr]; dup {
			return nil, errors.New("ledger: duplicate address in tree")
		}
		if e.Amount == nil || e.Amount.Sign() < 0 {
			return nil, errors.New("ledger: negative or missing amount")
		}
		t.index[e.Addr] = i
		level[i] = Leaf(e)
	}
	t.levels = append(t.levels, level)
	for len(level) > 1 {
		next := make([]common.Hash, 0, (len(level)+1)/2)
		for i := 0; i < len(level); i += 2 {
			if i+1 == len(level) {
				next = append(next, level[i])
			} else {
				next = append(next, hashPair(level[i], level[i+1]))
			}
		}
		t.levels = append(t.levels, next)
		level = next
	}
	return t, nil
}

// Root is the tree's root (zero for an empty tree).
func (t *Tree) Root() common.Hash {
	top := t.levels[len(t.levels)-1]
	if len(top) == 0 {
		return common.Hash{}
	}
	return top[0]
}

// Proof returns an entry's amount and its proof.
func (t *Tree) Proof(addr common.Address) (*big.Int, [][32]byte, error) {
	i, ok := t.index[addr]
	if !ok {
		return nil, nil, errors.New("ledger: address not in tree")
	}
	var proof [][32]byte
	for _, level := range t.levels[:len(t.levels)-1] {
		sib := i ^ 1
		if sib < len(level) {
			proof = append(proof, level[sib])
		}
		i /= 2
	}
	return t.leaves[t.index[addr]].Amount, proof, nil
}

// Verify checks a proof the way the contract does.
func Verify(root common.Hash, e Entry, proof [][32]byte) bool {
	h := Leaf(e)
	for _, p := range proof {
		h = hashPair(h, p)
	}
	return h == root
}

// Package provertest attacks a circuit as a malicious prover would: it solves the circuit's
// constraint system with hint outputs rewritten (zero, one, random, values that satisfy only a
// field equation, free wires filled with chosen values) and reports whether every constraint
// still holds — if it does, a Groth16 proof of that assignment verifies. Every circuit in
// prover/ is tested with it; honest-solver tests cannot find a forgery that needs a dishonest one.
package provertest

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"sort"
	"sync"

	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	csbn254 "github.com/consensys/gnark/constraint/bn254"
	"github.com/consensys/gnark/constraint/solver"
)

// Call is one hint invocation of an honest solve.
type Call struct {
	ID   solver.HintID
	Name string
	N    int // the index of this call among the calls of the same hint, in solving order
	In   []*big.Int
	Out  []*big.Int
}

// Rewrite changes a hint call's outputs in place: n is the call's index among the calls of that
// hint, in the honest outputs out. A Rewrite sees the honest outputs first, so it can change
// one of them, all of them, or none.
type Rewrite func(n int, field *big.Int, in, out []*big.Int)

// Hints are the hints a constraint system calls, by ID, with their registered names.
func Hints(cs constraint.ConstraintSystem) map[solver.HintID]string {
	var deps map[solver.HintID]string
	switch s := cs.(type) {
	case *csbn254.R1CS: // SparseR1CS is the same type
		deps = s.MHintsDependencies
	default:
		panic(fmt.Sprintf("provertest: %T: only BN254 systems are supported", cs))
	}
	out := map[solver.HintID]string{}
	for id, name := range deps {
		out[id] = name
	}
	return out
}

// honest is the registered function of a hint.
func honest(id solver.HintID) (solver.Hint, error) {
	if f := solver.GetRegisteredHint(id); f != nil {
		return f, nil
	}
	return nil, fmt.Errorf("hint %d is not registered", id)
}

// Options are the solver options that apply rewrites to an honest solve. The solve runs on one
// task, so each hint's calls come in the same order every time and n names the same call.
func Options(rewrites map[solver.HintID]Rewrite) ([]solver.Option, error) {
	opts := []solver.Option{solver.WithNbTasks(1)}
	for id, rw := range rewrites {
		f, err := honest(id)
		if err != nil {
			return nil, err
		}
		var mu sync.Mutex
		n := 0
		opts = append(opts, solver.OverrideHint(id, func(field *big.Int, in, out []*big.Int) error {
			if err := f(field, in, out); err != nil {
				return err
			}
			mu.Lock()
			k := n
			n++
			mu.Unlock()
			rw(k, field, in, out)
			for _, o := range out {
				o.Mod(o, field)
			}
			return nil
		}))
	}
	return opts, nil
}

// Solve solves cs for the full witness w with the rewrites: nil means every constraint holds
// (the assignment is provable); otherwise the solver's error.
func Solve(cs constraint.ConstraintSystem, w witness.Witness, rewrites map[solver.HintID]Rewrite) error {
	opts, err := Options(rewrites)
	if err != nil {
		return err
	}
	return cs.IsSolved(w, opts...)
}

// Trace solves honestly and records every hint call, in solving order (nil calls and the
// solver's error when the witness does not satisfy the system).
func Trace(cs constraint.ConstraintSystem, w witness.Witness) ([]Call, error) {
	var calls []Call
	counts := map[solver.HintID]int{}
	names := Hints(cs)
	rewrites := map[solver.HintID]Rewrite{}
	for id := range names {
		rewrites[id] = func(n int, _ *big.Int, in, out []*big.Int) {
			c := Call{ID: id, Name: names[id], N: counts[id]}
			counts[id]++
			for _, v := range in {
				c.In = append(c.In, new(big.Int).Set(v))
			}
			for _, v := range out {
				c.Out = append(c.Out, new(big.Int).Set(v))
			}
			calls = append(calls, c)
		}
	}
	if err := Solve(cs, w, rewrites); err != nil {
		return nil, err
	}
	return calls, nil
}

// Tamper is an adversarial value for one hint output, from the field, the call's inputs and
// the honest output. It may return the honest value (for instance minus one for a zero); callers
// skip those.
type Tamper struct {
	Name  string
	Value func(field *big.Int, in []*big.Int, honest *big.Int, rng *rand.Rand) *big.Int
}

// Tampers are the standard adversarial outputs.
func Tampers() []Tamper {
	return []Tamper{
		{"zero", func(*big.Int, []*big.Int, *big.Int, *rand.Rand) *big.Int { return new(big.Int) }},
		{"one", func(*big.Int, []*big.Int, *big.Int, *rand.Rand) *big.Int { return big.NewInt(1) }},
		{"minus one", func(f *big.Int, _ []*big.Int, _ *big.Int, _ *rand.Rand) *big.Int {
			return new(big.Int).Sub(f, big.NewInt(1))
		}},
		{"honest plus one", func(_ *big.Int, _ []*big.Int, h *big.Int, _ *rand.Rand) *big.Int {
			return new(big.Int).Add(h, big.NewInt(1))
		}},
		{"honest negated", func(f *big.Int, _ []*big.Int, h *big.Int, _ *rand.Rand) *big.Int { return new(big.Int).Sub(f, h) }},
		{"square root of minus one", func(f *big.Int, _ []*big.Int, _ *big.Int, _ *rand.Rand) *big.Int {
			return new(big.Int).ModSqrt(new(big.Int).Sub(f, big.NewInt(1)), f)
		}},
		{"random", func(f *big.Int, _ []*big.Int, _ *big.Int, rng *rand.Rand) *big.Int { return Random(f, rng) }},
	}
}

// Random is a uniformly random field element.
func Random(field *big.Int, rng *rand.Rand) *big.Int {
	b := make([]byte, (field.BitLen()+7)/8+8)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return new(big.Int).Mod(new(big.Int).SetBytes(b), field)
}

// At rewrites output j of call n of one hint to v (a Rewrite for Solve).
func At(n, j int, v *big.Int) Rewrite {
	return func(k int, _ *big.Int, _, out []*big.Int) {
		if k == n && j < len(out) {
			out[j].Set(v)
		}
	}
}

// Single is the result of tampering one output of one call.
type Single struct {
	Call   Call
	Output int
	Tamper string
	Value  *big.Int
	Err    error // nil: the tampered assignment satisfied every constraint
}

// Uniqueness tampers, one at a time, outputs of the honest solve's hint calls of w (which must
// satisfy cs) with every Tamper whose value differs from the honest one, and returns every
// tampered solve that still satisfied the system — on a circuit whose hints are all pinned, none.
// maxCalls bounds how many calls are tried and maxOutputs how many outputs of each (0: all),
// drawn by rng.
func Uniqueness(cs constraint.ConstraintSystem, w witness.Witness, rng *rand.Rand, maxCalls, maxOutputs int) (tried int, free []Single, err error) {
	calls, err := Trace(cs, w)
	if err != nil {
		return 0, nil, fmt.Errorf("honest witness: %w", err)
	}
	if len(calls) == 0 {
		return 0, nil, errors.New("the system calls no hint")
	}
	idx := rng.Perm(len(calls))
	if maxCalls > 0 && maxCalls < len(idx) {
		idx = idx[:maxCalls]
	}
	sort.Ints(idx)
	field := cs.Field()
	for _, i := range idx {
		c := calls[i]
		outs := rng.Perm(len(c.Out))
		if maxOutputs > 0 && len(outs) > maxOutputs {
			outs = outs[:maxOutputs]
		}
		for _, j := range outs {
			for _, tm := range Tampers() {
				v := new(big.Int).Mod(tm.Value(field, c.In, c.Out[j], rng), field)
				if v.Cmp(c.Out[j]) == 0 {
					continue
				}
				tried++
				err := Solve(cs, w, map[solver.HintID]Rewrite{c.ID: At(c.N, j, v)})
				if err == nil {
					free = append(free, Single{Call: c, Output: j, Tamper: tm.Name, Value: v})
				}
			}
		}
	}
	return tried, free, nil
}

package prover

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	cs "github.com/consensys/gnark/constraint/bn254"
)

// Ceremony is a Groth16 MPC setup for the eligibility circuit (gnark's mpcsetup), kept as a
// transcript directory anyone can re-verify:
//
//	phase1-001.bin … phase1-NNN.bin   each participant's phase-1 (powers of tau) contribution
//	phase2-001.bin … phase2-MMM.bin   each participant's phase-2 (circuit-specific) contribution
//	beacon1.txt, beacon2.txt          the public random beacons that seal each phase
//	pk.bin, vk.bin                    the resulting keys
//
// The keys are secure if at least one participant destroyed its randomness. Steps: Contribute
// (phase 1, repeatedly), Seal1 (beacon; phase 2 opens), Contribute (phase 2, repeatedly), Seal2
// (beacon; keys written). Verify re-checks every contribution and recomputes the keys.
type Ceremony struct {
	Dir      string
	Progress io.Writer // progress lines; nil for none
}

func (c *Ceremony) say(format string, a ...any) {
	if c.Progress != nil {
		fmt.Fprintf(c.Progress, format+"\n", a...)
	}
}

func ceremonyR1CS() (*cs.R1CS, uint64, error) {
	ccs, err := Compiled()
	if err != nil {
		return nil, 0, err
	}
	r := ccs.(*cs.R1CS)
	return r, ecc.NextPowerOfTwo(uint64(r.GetNbConstraints())), nil
}

func (c *Ceremony) files(phase int) []string {
	m, _ := filepath.Glob(filepath.Join(c.Dir, fmt.Sprintf("phase%d-*.bin", phase)))
	sort.Strings(m)
	return m
}

func (c *Ceremony) sealed(phase int) bool {
	_, err := os.Stat(filepath.Join(c.Dir, fmt.Sprintf("beacon%d.txt", phase)))
	return err == nil
}

// Contribute adds one contribution to the open phase (1 until Seal1, then 2) with fresh
// randomness, writes it as the next transcript file and returns its path and SHA-256.
func (c *Ceremony) Contribute() (string, string, error) {
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return "", "", err
	}
	start := time.Now()
	var out io.WriterTo
	phase := 1
	switch {
	case c.sealed(2):
		return "", "", errors.New("ceremony is finished")
	case c.sealed(1):
		phase = 2
		p, err := c.latestPhase2()
		if err != nil {
			return "", "", err
		}
		c.say("phase 2: contributing on top of %d contribution(s)…", len(c.files(2)))
		p.Contribute()
		out = p
	default:
		_, n, err := ceremonyR1CS()
		if err != nil {
			return "", "", err
		}
		var p mpcsetup.Phase1
		if prev := c.files(1); len(prev) > 0 {
			if err := readFile(prev[len(prev)-1], &p); err != nil {
				return "", "", err
			}
		} else {
			p.Initialize(n)
		}
		c.say("phase 1: contributing on top of %d contribution(s) (domain %d)…", len(c.files(1)), n)
		p.Contribute()
		out = &p
	}
	path := filepath.Join(c.Dir, fmt.Sprintf("phase%d-%03d.bin", phase, len(c.files(phase))+1))
	sum, err := writeFile(path, out)
	if err != nil {
		return "", "", err
	}
	c.say("phase %d: wrote %s (sha256 %s) in %s", phase, filepath.Base(path), sum, time.Since(start).Round(time.Millisecond))
	return path, sum, nil
}

// latestPhase2 is the last phase-2 contribution, or the phase freshly initialised from the
// sealed phase 1.
func (c *Ceremony) latestPhase2() (*mpcsetup.Phase2, error) {
	var p mpcsetup.Phase2
	if prev := c.files(2); len(prev) > 0 {
		return &p, readFile(prev[len(prev)-1], &p)
	}
	r, _, commons, err := c.commons()
	if err != nil {
		return nil, err
	}
	p.Initialize(r, commons)
	return &p, nil
}

// commons verifies phase 1 and returns its sealed common reference string.
func (c *Ceremony) commons() (*cs.R1CS, uint64, *mpcsetup.SrsCommons, error) {
	r, n, err := ceremonyR1CS()
	if err != nil {
		return nil, 0, nil, err
	}
	beacon, err := os.ReadFile(filepath.Join(c.Dir, "beacon1.txt"))
	if err != nil {
		return nil, 0, nil, fmt.Errorf("phase 1 is not sealed: %w", err)
	}
	var ps []*mpcsetup.Phase1
	for _, f := range c.files(1) {
		p := new(mpcsetup.Phase1)
		if err := readFile(f, p); err != nil {
			return nil, 0, nil, err
		}
		ps = append(ps, p)
	}
	if len(ps) == 0 {
		return nil, 0, nil, errors.New("phase 1 has no contributions")
	}
	commons, err := mpcsetup.VerifyPhase1(n, []byte(strings.TrimSpace(string(beacon))), ps...)
	if err != nil {
		return nil, 0, nil, fmt.Errorf("phase 1 does not verify: %w", err)
	}
	return r, n, &commons, nil
}

// Seal1 closes phase 1 with a public beacon (e.g. a future block hash) and opens phase 2.
func (c *Ceremony) Seal1(beacon string) error {
	if len(c.files(1)) == 0 {
		return errors.New("phase 1 has no contributions")
	}
	if c.sealed(1) {
		return errors.New("phase 1 is already sealed")
	}
	if err := os.WriteFile(filepath.Join(c.Dir, "beacon1.txt"), []byte(beacon+"\n"), 0o644); err != nil {
		return err
	}
	c.say("phase 1: sealed with beacon %q; verifying %d contribution(s)…", beacon, len(c.files(1)))
	if _, _, _, err := c.commons(); err != nil {
		os.Remove(filepath.Join(c.Dir, "beacon1.txt"))
		return err
	}
	c.say("phase 1: verified; phase 2 is open")
	return nil
}

// Seal2 closes phase 2 with a beacon, verifies the whole transcript and writes the keys.
func (c *Ceremony) Seal2(beacon string) (*Keys, error) {
	if !c.sealed(1) || len(c.files(2)) == 0 {
		return nil, errors.New("phase 2 has no contributions (seal phase 1 and contribute first)")
	}
	if err := os.WriteFile(filepath.Join(c.Dir, "beacon2.txt"), []byte(beacon+"\n"), 0o644); err != nil {
		return nil, err
	}
	k, err := c.Verify()
	if err != nil {
		os.Remove(filepath.Join(c.Dir, "beacon2.txt"))
		return nil, err
	}
	if _, err := writeFile(filepath.Join(c.Dir, "pk.bin"), k.PK); err != nil {
		return nil, err
	}
	sum, err := writeFile(filepath.Join(c.Dir, "vk.bin"), k.VK)
	if err != nil {
		return nil, err
	}
	c.say("keys written: pk.bin, vk.bin (sha256 %s)", sum)
	return k, nil
}

// Verify re-checks every contribution of a sealed transcript and recomputes the keys.
func (c *Ceremony) Verify() (*Keys, error) {
	start := time.Now()
	r, _, commons, err := c.commons()
	if err != nil {
		return nil, err
	}
	c.say("phase 1: %d contribution(s) verify", len(c.files(1)))
	beacon, err := os.ReadFile(filepath.Join(c.Dir, "beacon2.txt"))
	if err != nil {
		return nil, fmt.Errorf("phase 2 is not sealed: %w", err)
	}
	var ps []*mpcsetup.Phase2
	for _, f := range c.files(2) {
		p := new(mpcsetup.Phase2)
		if err := readFile(f, p); err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	pk, vk, err := mpcsetup.VerifyPhase2(r, commons, []byte(strings.TrimSpace(string(beacon))), ps...)
	if err != nil {
		return nil, fmt.Errorf("phase 2 does not verify: %w", err)
	}
	c.say("phase 2: %d contribution(s) verify; transcript checked in %s", len(ps), time.Since(start).Round(time.Millisecond))
	return &Keys{PK: pk, VK: vk}, nil
}

func readFile(path string, r io.ReaderFrom) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := r.ReadFrom(bufio.NewReader(f)); err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return nil
}

func writeFile(path string, w io.WriterTo) (string, error) {
	f, err := os.Create(path + ".tmp")
	if err != nil {
		return "", err
	}
	h := sha256.New()
	bw := bufio.NewWriter(io.MultiWriter(f, h))
	if _, err := w.WriteTo(bw); err != nil {
		f.Close()
		return "", err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), os.Rename(path+".tmp", path)
}

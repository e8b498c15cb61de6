package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/enclave"
)

// MatcherAudit is one registered matcher as an auditor sees it.
type MatcherAudit struct {
	Matcher     string `json:"matcher"`
	Measurement string `json:"measurement"` // 48-byte hex, when allowed or revoked
	Registered  bool   `json:"registered"`  // on-chain isRegistered now
	ExpiresAt   uint64 `json:"expiresAt"`
	Simulated   bool   `json:"simulated"` // registered under a test-only (development) AMD root
	Verified    bool   `json:"verified"`  // re-verified off-chain with go-sev-guest against pinned roots
	Error       string `json:"error,omitempty"`
	Block       uint64 `json:"block"`
	TxHash      string `json:"txHash"`

	evidence enclave.Evidence
}

// AttestationsView is GET /attestations and `bazaar audit --json`.
type AttestationsView struct {
	Registry            string         `json:"attestationRegistry"`
	AllowedMeasurements []string       `json:"allowedMeasurements"`
	RevokedMeasurements []string       `json:"revokedMeasurements"`
	Matchers            []MatcherAudit `json:"matchers"`
	// Prover is the verifier redemptions are checked with, when the deployment has Redemptions.
	Prover *ProverAudit `json:"prover,omitempty"`
}

// ProverAudit is which verifier the Redemptions contract checks eligibility proofs with and
// under which keys, as an auditor sees it.
type ProverAudit struct {
	Redemptions string `json:"redemptions"`
	Verifier    string `json:"verifier"`
	// VKHash is the verifier's vkHash(): keccak256 of the verifying-key constants in its code
	// (prover.Keys.VKHash; `bazaar prover ceremony verify --verifier` prints a ceremony's).
	VKHash string `json:"vkHash"`
	// DevelopmentKeys is the verifier's developmentKeys(): the public development keys, under
	// which anyone can forge proofs. Acceptable on development chains only.
	DevelopmentKeys bool   `json:"developmentKeys"`
	BoundVKHash     string `json:"boundVkHash"`              // read by Redemptions from the verifier at construction
	RecordedVKHash  string `json:"recordedVkHash,omitempty"` // setProverKeys' record; empty: keys not published
	PKCid           string `json:"pkCid,omitempty"`
	VKCid           string `json:"vkCid,omitempty"`
	// RecordMatches: the recorded vk hash (and the manifest's, when audited from one) is the
	// verifier's.
	RecordMatches bool `json:"recordMatches"`
	// Problems are what fails the audit: development keys off a development chain, a record or
	// manifest naming other keys or another verifier.
	Problems []string `json:"problems,omitempty"`
}

// auditProver reads which verifier and keys the Redemptions contract uses and checks them
// against its record, against the manifest when one is given, and against the chain's kind.
func auditProver(ctx context.Context, red *chain.Redemptions, chainID *big.Int, m *Manifest) (*ProverAudit, error) {
	p, err := red.Provenance(ctx)
	if err != nil {
		return nil, fmt.Errorf("Redemptions %s: %w", red.Address().Hex(), err)
	}
	a := &ProverAudit{Redemptions: red.Address().Hex(), Verifier: p.Verifier.Hex(), VKHash: p.VKHash.Hex(), DevelopmentKeys: p.DevelopmentKeys,
		BoundVKHash: p.BoundVKHash.Hex(), PKCid: p.Recorded.PKCid, VKCid: p.Recorded.VKCid, RecordMatches: p.Consistent()}
	if p.Recorded.VKHash != (common.Hash{}) {
		a.RecordedVKHash = p.Recorded.VKHash.Hex()
	} else {
		a.RecordMatches = false
	}
	if p.DevelopmentKeys && !isDevChain(chainID) {
		a.Problems = append(a.Problems, fmt.Sprintf("DEVELOPMENT KEYS on chain %s, which is not a development chain: anyone can forge proofs", chainID))
	}
	if p.VKHash != p.BoundVKHash {
		a.Problems = append(a.Problems, fmt.Sprintf("the verifier reports vk hash %s, Redemptions bound %s", p.VKHash.Hex(), p.BoundVKHash.Hex()))
	}
	if p.Recorded.VKHash != (common.Hash{}) && p.Recorded.VKHash != p.VKHash {
		a.Problems = append(a.Problems, fmt.Sprintf("recorded vk hash %s is not the verifier's", p.Recorded.VKHash.Hex()))
	}
	if m != nil {
		switch {
		case m.Verifier != (common.Address{}) && m.Verifier != p.Verifier:
			a.Problems = append(a.Problems, fmt.Sprintf("the manifest names verifier %s, Redemptions uses %s", m.Verifier.Hex(), p.Verifier.Hex()))
		case m.VKHash != (common.Hash{}) && m.VKHash != p.VKHash:
			a.Problems = append(a.Problems, fmt.Sprintf("the manifest's vk hash %s is not the verifier's", m.VKHash.Hex()))
		case m.DevelopmentKeys != p.DevelopmentKeys:
			a.Problems = append(a.Problems, fmt.Sprintf("the manifest says developmentKeys %v, the verifier %v", m.DevelopmentKeys, p.DevelopmentKeys))
		}
		if m.VKHash != (common.Hash{}) && m.VKHash != p.VKHash {
			a.RecordMatches = false
		}
	}
	return a, nil
}

// auditAttestations reads the registry's events and re-verifies each stored report off-chain:
// AMD's real roots for production registrations, the simulated SNP's test root (and only it)
// for development ones, which are flagged simulated.
func auditAttestations(ctx context.Context, att *chain.Attestation, from uint64, chainID *big.Int) (*AttestationsView, error) {
	log, err := att.Audit(ctx, from)
	if err != nil {
		return nil, err
	}
	v := &AttestationsView{Registry: att.Address().Hex(), AllowedMeasurements: []string{}, RevokedMeasurements: []string{}, Matchers: []MatcherAudit{}}
	var allowed [][48]byte
	for _, m := range log.Allowed {
		v.AllowedMeasurements = append(v.AllowedMeasurements, hex.EncodeToString(m))
		var a [48]byte
		copy(a[:], m)
		allowed = append(allowed, a)
	}
	for _, m := range log.Revoked {
		v.RevokedMeasurements = append(v.RevokedMeasurements, hex.EncodeToString(m))
	}
	realRoots, err := enclave.AMDRoots()
	if err != nil {
		return nil, err
	}
	for _, m := range log.Matchers {
		a := MatcherAudit{Matcher: m.Matcher.Hex(), Registered: m.Registered, ExpiresAt: m.ExpiresAt, Simulated: m.TestOnly,
			Block: m.Block, TxHash: m.TxHash.Hex()}
		if raw, ok := log.Allowed[m.Measurement]; ok {
			a.Measurement = hex.EncodeToString(raw)
		} else if raw, ok := log.Revoked[m.Measurement]; ok {
			a.Measurement = hex.EncodeToString(raw)
		}
		ev := enclave.Evidence{Report: m.Report, VCEK: m.VCEK, ASK: m.ASK, Product: m.ProductLine, Simulated: m.TestOnly}
		roots := realRoots
		if m.TestOnly {
			var err error
			if roots, ev.ARK, err = simulatedRoots(); err != nil {
				a.Error = err.Error()
				a.evidence = ev
				v.Matchers = append(v.Matchers, a)
				continue
			}
		} else if r := realRoots[m.ProductLine]; len(r) > 0 && r[0].ProductCerts != nil {
			ev.ARK = r[0].ProductCerts.Ark.Raw
		}
		a.evidence = ev
		pol := enclave.Policy{Measurements: allowed}
		if m.Nonce != nil {
			pol.Binding = &enclave.Binding{Signer: m.Matcher, HPKEKey: m.HPKEKey, ChainID: chainID, Registry: att.Address(), Nonce: m.Nonce}
		}
		if _, err := enclave.Verify(ev, roots, pol); err != nil {
			a.Error = err.Error()
		} else {
			a.Verified = true
		}
		v.Matchers = append(v.Matchers, a)
	}
	return v, nil
}

func (n *Node) attestations(w http.ResponseWriter, r *http.Request) {
	if n.attest == nil {
		writeJSON(w, http.StatusOK, AttestationsView{AllowedMeasurements: []string{}, RevokedMeasurements: []string{}, Matchers: []MatcherAudit{}})
		return
	}
	id := new(big.Int).SetUint64(n.deployment.ChainID)
	v, err := auditAttestations(r.Context(), n.attest, n.deployment.AttestationBlock, id)
	if err != nil {
		n.fail(w, err)
		return
	}
	if n.redemptions != nil {
		if v.Prover, err = auditProver(r.Context(), n.redemptions, id, nil); err != nil {
			n.fail(w, err)
			return
		}
	}
	writeJSON(w, http.StatusOK, v)
}

// runAudit: `bazaar audit [--node URL | --rpc URL --attestation ADDR [--redemptions ADDR] |
// --manifest FILE --rpc URL] [--json] [--export DIR]`: the matchers' attestations, and which
// verifier and keys redemptions are checked with. It fails when a registration does not verify
// off-chain, or on a verifier under development keys off a development chain or one its records
// disagree with.
func runAudit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	node := fs.String("node", "http://127.0.0.1:8080", "a node whose /info names the chain and registry")
	rpcURL := fs.String("rpc", "", "chain JSON-RPC URL (default: the node's)")
	addr := fs.String("attestation", "", "AttestationRegistry address (default: the node's)")
	from := fs.Uint64("from-block", 0, "first block to read events from")
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	export := fs.String("export", "", "write each report with its certificates here for go-sev-guest's check tool")
	manifest := fs.String("manifest", "", "deployment manifest (contracts/script/Deploy.s.sol): its AttestationRegistry and Redemptions, with --rpc")
	redAddr := fs.String("redemptions", "", "Redemptions address, whose verifier to audit (default: the manifest's or the node's)")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	var mf *Manifest
	if *manifest != "" {
		b, err := os.ReadFile(*manifest)
		if err != nil {
			return fmt.Errorf("manifest: %w", err)
		}
		var m Manifest
		if err := json.Unmarshal(b, &m); err != nil {
			return fmt.Errorf("manifest %s: %w", *manifest, err)
		}
		if *rpcURL == "" {
			return errors.New("--manifest needs --rpc: the manifest names the contracts, not the chain's endpoint")
		}
		*addr, *from = m.AttestationRegistry.Hex(), m.AttestationBlock
		if *redAddr == "" && m.Redemptions != (common.Address{}) {
			*redAddr = m.Redemptions.Hex()
		}
		mf = &m
	}
	if *rpcURL == "" || *addr == "" {
		var info struct {
			RPCURL    string         `json:"rpcUrl"`
			Contracts map[string]any `json:"contracts"`
		}
		if err := apiCall(ctx, http.MethodGet, strings.TrimRight(*node, "/")+"/info", nil, &info); err != nil {
			return fmt.Errorf("ask the node for the chain and registry (or give --rpc and --attestation): %w", err)
		}
		if *rpcURL == "" {
			*rpcURL = info.RPCURL
		}
		if *addr == "" {
			*addr, _ = info.Contracts["AttestationRegistry"].(string)
		}
		if *redAddr == "" {
			*redAddr, _ = info.Contracts["Redemptions"].(string)
		}
	}
	if !common.IsHexAddress(*addr) {
		return errors.New("no AttestationRegistry address: give --attestation")
	}
	client, err := ethclient.DialContext(ctx, *rpcURL)
	if err != nil {
		return err
	}
	defer client.Close()
	id, err := client.ChainID(ctx)
	if err != nil {
		return err
	}
	v, err := auditAttestations(ctx, chain.NewAttestation(client, common.HexToAddress(*addr)), *from, id)
	if err != nil {
		return err
	}
	if common.IsHexAddress(*redAddr) && common.HexToAddress(*redAddr) != (common.Address{}) {
		if v.Prover, err = auditProver(ctx, chain.NewRedemptions(client, common.HexToAddress(*redAddr)), id, mf); err != nil {
			return err
		}
	}
	if *export != "" {
		if err := exportEvidence(*export, v); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		return auditFailures(v)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "AttestationRegistry %s on chain %s\n", v.Registry, id)
	fmt.Fprintf(tw, "allowed measurements: %d, revoked: %d\n\n", len(v.AllowedMeasurements), len(v.RevokedMeasurements))
	fmt.Fprintln(tw, "MATCHER\tMEASUREMENT\tON-CHAIN\tOFF-CHAIN\tKIND\tDETAIL")
	for _, m := range v.Matchers {
		status := "registered"
		if !m.Registered {
			status = "not registered (expired or revoked)"
		}
		check := "PASS"
		if !m.Verified {
			check = "FAIL"
		}
		kind := "SEV-SNP"
		if m.Simulated {
			kind = "SIMULATED (dev test root)"
		}
		meas := m.Measurement
		if len(meas) > 16 {
			meas = meas[:16] + "…"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", m.Matcher, meas, status, check, kind, m.Error)
	}
	tw.Flush()
	if p := v.Prover; p != nil {
		printProverAudit(stdout, p)
	}
	return auditFailures(v)
}

// printProverAudit prints which verifier and keys redemptions are checked with.
func printProverAudit(w io.Writer, p *ProverAudit) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "\nRedemptions %s\n", p.Redemptions)
	fmt.Fprintf(tw, "  verifier\t%s\n", p.Verifier)
	bound := "bound by Redemptions at construction"
	if p.BoundVKHash != p.VKHash {
		bound = "Redemptions bound " + p.BoundVKHash
	}
	fmt.Fprintf(tw, "  vk hash\t%s (%s)\n", p.VKHash, bound)
	if p.DevelopmentKeys {
		fmt.Fprintf(tw, "  keys\tDEVELOPMENT KEYS: anyone can forge proofs (development chains only)\n")
	} else {
		fmt.Fprintf(tw, "  keys\tceremony keys (developmentKeys() = false)\n")
	}
	if p.RecordedVKHash == "" {
		fmt.Fprintf(tw, "  published\tnot recorded (setProverKeys not called)\n")
	} else {
		match := "matches the verifier"
		if !p.RecordMatches {
			match = "DOES NOT MATCH the verifier"
		}
		fmt.Fprintf(tw, "  published\tpk %s, vk %s; recorded vk hash %s\n", p.PKCid, p.VKCid, match)
	}
	for _, pr := range p.Problems {
		fmt.Fprintf(tw, "  FAIL\t%s\n", pr)
	}
	tw.Flush()
}

// auditFailures is the audit's verdict: registrations that failed off-chain verification and
// problems with the verifier.
func auditFailures(v *AttestationsView) error {
	var errs []error
	fails := 0
	for _, m := range v.Matchers {
		if !m.Verified {
			fails++
		}
	}
	if fails > 0 {
		errs = append(errs, fmt.Errorf("%d registration(s) failed off-chain verification", fails))
	}
	if v.Prover != nil {
		for _, p := range v.Prover.Problems {
			errs = append(errs, fmt.Errorf("verifier: %s", p))
		}
	}
	return errors.Join(errs...)
}

// exportEvidence writes, per matcher, quote.bin (report + certificate table) and
// ask_ark.pem for: check -in quote.bin -inform bin -network=false -check_crl=false
// -product_key_path ask_ark.pem ...
func exportEvidence(dir string, v *AttestationsView) error {
	for _, m := range v.Matchers {
		d := filepath.Join(dir, m.Matcher)
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		ev := m.evidence
		if err := os.WriteFile(filepath.Join(d, "quote.bin"), ev.Quote(), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(d, "report.bin"), ev.Report, 0o644); err != nil {
			return err
		}
		if err := writePEM(filepath.Join(d, "ask_ark.pem"), ev.ASK, ev.ARK); err != nil {
			return err
		}
		rep, err := enclave.ParseReport(ev.Report)
		if err != nil {
			return err
		}
		product := ev.Product + "-B0"
		if ev.Simulated {
			product = enclave.DevProduct + "-B1"
		}
		cmd := fmt.Sprintf("check -in quote.bin -inform bin -network=false -check_crl=false -product_key_path ask_ark.pem -product_name %s -report_data %x -measurement %x -guest_policy 0x%x\n",
			product, rep.ReportData, rep.Measurement, policyOf(ev.Report))
		if err := os.WriteFile(filepath.Join(d, "check.sh"), []byte("#!/bin/sh\n# go install github.com/google/go-sev-guest/tools/check@v0.15.0\ncd \"$(dirname \"$0\")\" && "+cmd), 0o755); err != nil {
			return err
		}
	}
	return nil
}

func policyOf(report []byte) uint64 {
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(report[0x08+i])
	}
	return v
}

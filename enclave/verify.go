package enclave

import (
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/kds"
	spb "github.com/google/go-sev-guest/proto/sevsnp"
	"github.com/google/go-sev-guest/validate"
	"github.com/google/go-sev-guest/verify"
	"github.com/google/go-sev-guest/verify/trust"
)

// Verification errors, each a distinct refusal an auditor can tell apart.
var (
	ErrChain       = errors.New("certificate chain does not verify to a pinned AMD root")
	ErrSignature   = errors.New("report signature does not verify under the VCEK")
	ErrPolicy      = errors.New("report policy is not acceptable (debug, VMPL or TCB)")
	ErrMeasurement = errors.New("launch measurement is not allowed")
	ErrReportData  = errors.New("REPORT_DATA does not bind the expected key, chain and registry")
)

// Evidence is what a matcher presents: its raw report and the certificates that vouch for it.
type Evidence struct {
	Report    []byte `json:"report"`    // 1184-byte SEV-SNP attestation report
	VCEK      []byte `json:"vcek"`      // DER
	ASK       []byte `json:"ask"`       // DER
	ARK       []byte `json:"ark"`       // DER (must equal a pinned root)
	Product   string `json:"product"`   // product line: Milan, Genoa, Turin
	Simulated bool   `json:"simulated"` // made by the development SNP: its root is a test root
}

// Roots are pinned AMD root certificate sets by product line.
type Roots map[string][]*trust.AMDRootCerts

// AMDRoots returns AMD's real published roots (ARK and ASK) for Milan, Genoa and Turin, as
// go-sev-guest ships them.
func AMDRoots() (Roots, error) {
	r := Roots{}
	for line, pem := range map[string][]byte{"Milan": trust.AskArkMilanVcekBytes, "Genoa": trust.AskArkGenoaVcekBytes, "Turin": trust.AskArkTurinVcekBytes} {
		root := trust.AMDRootCertsProduct(line)
		if err := root.FromKDSCertBytes(pem); err != nil {
			return nil, fmt.Errorf("AMD %s roots: %w", line, err)
		}
		r[line] = append(r[line], root)
	}
	return r, nil
}

// RootsFromDER pins one product line's ASK and ARK (for example a development test root).
func RootsFromDER(product string, ask, ark []byte) (Roots, error) {
	root := trust.AMDRootCertsProduct(product)
	root.ProductCerts = &trust.ProductCerts{}
	if err := root.ProductCerts.Decode(ask, ark); err != nil {
		return nil, fmt.Errorf("pin %s roots: %w", product, err)
	}
	return Roots{product: {root}}, nil
}

// Policy is what a registry accepts.
type Policy struct {
	Measurements [][48]byte // allowed launch measurements
	VMPL         int        // required VMPL (0 for the matcher)
	MinTCB       uint64     // minimum reported TCB (raw 64-bit TCB_VERSION, compared per component)
	Binding      *Binding   // expected REPORT_DATA binding; nil skips the check
	Now          time.Time  // certificate validity time; zero = time.Now
}

// Verify checks evidence against pinned roots and a policy, the way the on-chain
// AttestationRegistry does: ARK pinned → ASK → VCEK (RSA-PSS/SHA-384), the report's ECDSA
// P-384 signature under the VCEK, DEBUG=0, VMPL, TCB at least the minimum and equal to the
// VCEK's, an allowed measurement and the REPORT_DATA binding. It returns the parsed report.
func Verify(ev Evidence, roots Roots, pol Policy) (*Report, error) {
	r, att, err := verifyChain(ev, roots, pol.Now)
	if err != nil {
		return nil, err
	}
	return r, checkPolicy(r, att, pol)
}

// VerifySignature checks only that the report is genuine: the certificate chain to a pinned
// root and the report signature. Auditors use it to tell a forged report from a refused one.
func VerifySignature(ev Evidence, roots Roots, now time.Time) (*Report, error) {
	r, _, err := verifyChain(ev, roots, now)
	return r, err
}

func verifyChain(ev Evidence, roots Roots, now time.Time) (*Report, *spb.Attestation, error) {
	r, err := ParseReport(ev.Report)
	if err != nil {
		return nil, nil, err
	}
	if _, ok := roots[ev.Product]; !ok {
		return nil, nil, fmt.Errorf("%w: no pinned root for product line %q", ErrChain, ev.Product)
	}
	pinned := roots[ev.Product]
	if !pinnedARK(pinned, ev.ARK) {
		return nil, nil, fmt.Errorf("%w: the ARK is not pinned for %s", ErrChain, ev.Product)
	}
	// The presented ASK must itself be signed by the pinned root, as the registry checks it.
	if err := askSignedByRoot(ev.ASK, pinned); err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrChain, err)
	}
	proto, err := abi.ReportToProto(ev.Report)
	if err != nil {
		return nil, nil, fmt.Errorf("parse report: %w", err)
	}
	att := &spb.Attestation{Report: proto, CertificateChain: &spb.CertificateChain{VcekCert: ev.VCEK, AskCert: ev.ASK, ArkCert: ev.ARK}}
	if now.IsZero() {
		now = time.Now()
	}
	vopts := &verify.Options{DisableCertFetching: true, CheckRevocations: false, Now: now, TrustedRoots: roots}
	if err := verify.SnpAttestation(att, vopts); err != nil {
		if vcek, perr := x509.ParseCertificate(ev.VCEK); perr == nil && verify.SnpReportSignature(ev.Report, vcek) != nil {
			// The VCEK itself may still chain to the root: then the report is what is forged.
			if _, cerr := x509.ParseCertificate(ev.ASK); cerr == nil && vcekChains(vcek, pinned, now) {
				return nil, nil, fmt.Errorf("%w: %v", ErrSignature, err)
			}
		}
		return nil, nil, fmt.Errorf("%w: %v", ErrChain, err)
	}
	return r, att, nil
}

func askSignedByRoot(askDER []byte, roots []*trust.AMDRootCerts) error {
	ask, err := x509.ParseCertificate(askDER)
	if err != nil {
		return fmt.Errorf("ASK certificate: %w", err)
	}
	for _, r := range roots {
		if r.ProductCerts != nil && r.ProductCerts.Ark != nil && ask.CheckSignatureFrom(r.ProductCerts.Ark) == nil {
			return nil
		}
	}
	return errors.New("the ASK is not signed by a pinned ARK")
}

// vcekChains reports whether a VCEK certificate verifies under one of the pinned roots.
func vcekChains(vcek *x509.Certificate, roots []*trust.AMDRootCerts, now time.Time) bool {
	for _, r := range roots {
		if opts := r.X509Options(now, abi.VcekReportSigner); opts != nil {
			if _, err := vcek.Verify(*opts); err == nil {
				return true
			}
		}
	}
	return false
}

func checkPolicy(r *Report, att *spb.Attestation, pol Policy) error {
	if r.Debug {
		return fmt.Errorf("%w: DEBUG is allowed by the guest policy", ErrPolicy)
	}
	if int(r.VMPL) != pol.VMPL {
		return fmt.Errorf("%w: VMPL %d, want %d", ErrPolicy, r.VMPL, pol.VMPL)
	}
	vmpl := pol.VMPL
	vl := &validate.Options{GuestPolicy: abi.SnpPolicy{SMT: true, MigrateMA: false, Debug: false}, VMPL: &vmpl,
		MinimumTCB: tcbParts(pol.MinTCB), PermitProvisionalFirmware: true}
	if err := validate.SnpAttestation(att, vl); err != nil {
		return fmt.Errorf("%w: %v", ErrPolicy, err)
	}
	allowed := false
	for _, m := range pol.Measurements {
		allowed = allowed || m == r.Measurement
	}
	if !allowed {
		return fmt.Errorf("%w: %x", ErrMeasurement, r.Measurement)
	}
	if pol.Binding != nil && pol.Binding.ReportData() != r.ReportData {
		return ErrReportData
	}
	return nil
}

// pinnedARK reports whether the presented ARK certificate carries a pinned root key. Keys, not
// certificate bytes, are pinned: the on-chain registry pins the ARK's RSA modulus the same way.
func pinnedARK(roots []*trust.AMDRootCerts, ark []byte) bool {
	cert, err := x509.ParseCertificate(ark)
	if err != nil {
		return false
	}
	got, ok := cert.PublicKey.(*rsa.PublicKey)
	if !ok {
		return false
	}
	for _, r := range roots {
		if r.ProductCerts == nil || r.ProductCerts.Ark == nil {
			continue
		}
		if want, ok := r.ProductCerts.Ark.PublicKey.(*rsa.PublicKey); ok && want.Equal(got) {
			return true
		}
	}
	return false
}

func tcbParts(tcb uint64) kds.TCBParts { return kds.DecomposeTCBVersion(kds.TCBVersion(tcb)) }

// Quote is the evidence in the extended-report layout go-sev-guest's tools read (the report
// followed by the certificate table holding the VCEK, ASK and ARK), e.g. for `check -in`.
func (ev Evidence) Quote() []byte {
	table := abi.CertsFromProto(&spb.CertificateChain{VcekCert: ev.VCEK, AskCert: ev.ASK, ArkCert: ev.ARK})
	return append(append([]byte(nil), ev.Report...), table.Marshal()...)
}

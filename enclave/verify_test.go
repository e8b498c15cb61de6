package enclave_test

import (
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/go-sev-guest/verify/testdata"
	"github.com/google/go-sev-guest/verify/trust"

	"github.com/bazaar-market/bazaar/enclave"
	"github.com/bazaar-market/bazaar/enclave/simsnp"
)

// t0 is every simulated chip's creation time: chips made at one time share one test ARK.
var t0 = time.Now().Truncate(time.Hour)

func binding() *enclave.Binding {
	return &enclave.Binding{Signer: common.HexToAddress("0x1111111111111111111111111111111111111111"), HPKEKey: []byte("hpke"),
		ChainID: big.NewInt(1337), Registry: common.HexToAddress("0x2222222222222222222222222222222222222222"), Nonce: big.NewInt(1)}
}

func mustSim(t *testing.T) (*simsnp.SNP, enclave.Roots) {
	t.Helper()
	s, err := simsnp.New(t0)
	if err != nil {
		t.Fatal(err)
	}
	roots, err := s.Roots()
	if err != nil {
		t.Fatal(err)
	}
	return s, roots
}

func TestVerify_Simulated(t *testing.T) {
	s, roots := mustSim(t)
	b := binding()
	pol := enclave.Policy{Measurements: [][48]byte{simsnp.DevMeasurement}, Binding: b}
	ev, err := s.Attest(b.ReportData())
	if err != nil {
		t.Fatal(err)
	}
	if !ev.Simulated {
		t.Fatal("simulated evidence not flagged")
	}
	r, err := enclave.Verify(ev, roots, pol)
	if err != nil {
		t.Fatalf("valid simulated evidence refused: %v", err)
	}
	if r.Measurement != simsnp.DevMeasurement || r.Debug {
		t.Fatalf("report %+v", r)
	}

	otherVCEK, err := simsnp.NewWithKeys(t0, false, false)
	if err != nil {
		t.Fatal(err)
	}
	otherASK, err := simsnp.NewWithKeys(t0, true, false)
	if err != nil {
		t.Fatal(err)
	}
	otherARK, err := simsnp.NewWithKeys(t0, false, true)
	if err != nil {
		t.Fatal(err)
	}
	realRoots, err := enclave.AMDRoots()
	if err != nil {
		t.Fatal(err)
	}
	attest := func(chip *simsnp.SNP, bd enclave.Binding) enclave.Evidence {
		e, err := chip.Attest(bd.ReportData())
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	debugChip, _ := simsnp.New(t0)
	debugChip.Debug = true
	vmplChip, _ := simsnp.New(t0)
	vmplChip.VMPL = 2
	tcbChip, _ := simsnp.New(t0)
	tcbChip.ReportedTCB = 0x0800000000000000 // the VCEK certifies TCB 0
	cases := []struct {
		name  string
		ev    enclave.Evidence
		pol   func(*enclave.Policy)
		roots enclave.Roots
		want  error
	}{
		{name: "flipped byte in the signed part", want: enclave.ErrSignature, ev: func() enclave.Evidence {
			e := ev
			e.Report = append([]byte(nil), ev.Report...)
			e.Report[0x100] ^= 1
			return e
		}()},
		{name: "signature by another VCEK", want: enclave.ErrSignature, ev: func() enclave.Evidence {
			e := attest(otherVCEK, *b)
			e.VCEK = ev.VCEK // presented with the genuine VCEK's certificate
			return e
		}()},
		{name: "VCEK not signed by the ASK", want: enclave.ErrChain, ev: func() enclave.Evidence {
			e := attest(otherASK, *b)
			e.ASK, e.ARK = ev.ASK, ev.ARK
			return e
		}()},
		{name: "ASK not signed by the pinned ARK", want: enclave.ErrChain, ev: func() enclave.Evidence {
			e := attest(otherARK, *b) // its ASK is signed by another root key
			e.ARK = ev.ARK            // presented with the pinned root
			return e
		}()},
		{name: "simulated report against AMD's real roots", want: enclave.ErrChain, roots: realRoots, ev: ev},
		{name: "unknown measurement", want: enclave.ErrMeasurement, ev: ev,
			pol: func(p *enclave.Policy) { p.Measurements = [][48]byte{{1}} }},
		{name: "revoked measurement (no longer allowed)", want: enclave.ErrMeasurement, ev: ev,
			pol: func(p *enclave.Policy) { p.Measurements = nil }},
		{name: "DEBUG=1", want: enclave.ErrPolicy, ev: attest(debugChip, *b)},
		{name: "wrong VMPL", want: enclave.ErrPolicy, ev: attest(vmplChip, *b)},
		{name: "TCB below minimum", want: enclave.ErrPolicy, ev: ev,
			pol: func(p *enclave.Policy) { p.MinTCB = 0x0800000000000001 }},
		{name: "TCB not matching the VCEK's", want: enclave.ErrPolicy, ev: attest(tcbChip, *b)},
		{name: "REPORT_DATA for another chain", want: enclave.ErrReportData, ev: func() enclave.Evidence {
			c := *b
			c.ChainID = big.NewInt(1)
			return attest(s, c)
		}()},
		{name: "REPORT_DATA for another address", want: enclave.ErrReportData, ev: func() enclave.Evidence {
			c := *b
			c.Signer = common.HexToAddress("0x3333333333333333333333333333333333333333")
			return attest(s, c)
		}()},
		{name: "REPORT_DATA for another registry", want: enclave.ErrReportData, ev: func() enclave.Evidence {
			c := *b
			c.Registry = common.HexToAddress("0x4444444444444444444444444444444444444444")
			return attest(s, c)
		}()},
		{name: "truncated report", want: enclave.ErrReportSize, ev: func() enclave.Evidence {
			e := ev
			e.Report = ev.Report[:1000]
			return e
		}()},
		{name: "oversized report", want: enclave.ErrReportSize, ev: func() enclave.Evidence {
			e := ev
			e.Report = append(append([]byte(nil), ev.Report...), 0)
			return e
		}()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pinned, p := roots, pol
			if c.roots != nil {
				pinned = c.roots
			}
			if c.pol != nil {
				c.pol(&p)
			}
			if _, err := enclave.Verify(c.ev, pinned, p); !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
		})
	}
}

// TestVerify_RealMilan verifies the real AMD Milan report and VCEK from go-sev-guest's testdata
// against AMD's real Milan root.
func TestVerify_RealMilan(t *testing.T) {
	roots, err := enclave.AMDRoots()
	if err != nil {
		t.Fatal(err)
	}
	var milan trust.ProductCerts
	if err := milan.FromKDSCertBytes(trust.AskArkMilanVcekBytes); err != nil {
		t.Fatal(err)
	}
	rep, err := enclave.ParseReport(testdata.AttestationBytes[:0x4A0])
	if err != nil {
		t.Fatal(err)
	}
	ev := enclave.Evidence{Report: testdata.AttestationBytes[:0x4A0], VCEK: testdata.VcekBytes, ASK: milan.Ask.Raw, ARK: milan.Ark.Raw, Product: "Milan"}
	now := time.Date(2022, 9, 24, 1, 0, 0, 0, time.UTC)
	pol := enclave.Policy{Measurements: [][48]byte{rep.Measurement}, Now: now}
	if _, err := enclave.VerifySignature(ev, roots, now); err != nil {
		t.Fatalf("the real Milan report does not verify: %v", err)
	}
	// go-sev-guest's sample comes from a guest launched with DEBUG allowed: genuine, but a
	// registry must refuse it.
	if _, err := enclave.Verify(ev, roots, pol); !errors.Is(err, enclave.ErrPolicy) || !rep.Debug {
		t.Fatalf("full policy check: %v (debug=%v), want ErrPolicy for DEBUG", err, rep.Debug)
	}
	t.Run("flipped byte", func(t *testing.T) {
		bad := ev
		bad.Report = append([]byte(nil), ev.Report...)
		bad.Report[0x50] ^= 0x80
		if _, err := enclave.VerifySignature(bad, roots, now); !errors.Is(err, enclave.ErrSignature) {
			t.Fatalf("err = %v, want ErrSignature", err)
		}
	})
	t.Run("test root refuses it", func(t *testing.T) {
		_, simRoots := mustSim(t)
		if _, err := enclave.VerifySignature(ev, simRoots, now); !errors.Is(err, enclave.ErrChain) {
			t.Fatalf("err = %v, want ErrChain", err)
		}
	})
}

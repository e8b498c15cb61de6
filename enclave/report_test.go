package enclave_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/go-sev-guest/abi"
	sevtest "github.com/google/go-sev-guest/testing"

	"github.com/bazaar-market/bazaar/enclave"
)

func TestBinding_ReportData(t *testing.T) {
	base := enclave.Binding{Signer: common.HexToAddress("0x1111111111111111111111111111111111111111"), HPKEKey: []byte("hpke-public-key"),
		ChainID: big.NewInt(1337), Registry: common.HexToAddress("0x2222222222222222222222222222222222222222"), Nonce: big.NewInt(7)}
	rd := base.ReportData()
	if !bytes.Equal(rd[:20], base.Signer[:]) || !bytes.Equal(rd[20:32], make([]byte, 12)) {
		t.Fatalf("signer not in bytes 0-19: %x", rd)
	}
	changes := map[string]func(*enclave.Binding){
		"signer":   func(b *enclave.Binding) { b.Signer[0] ^= 1 },
		"hpke key": func(b *enclave.Binding) { b.HPKEKey = []byte("another-key") },
		"chain":    func(b *enclave.Binding) { b.ChainID = big.NewInt(1) },
		"registry": func(b *enclave.Binding) { b.Registry[19] ^= 1 },
		"nonce":    func(b *enclave.Binding) { b.Nonce = big.NewInt(8) },
	}
	for name, change := range changes {
		t.Run(name, func(t *testing.T) {
			b := base
			b.ChainID, b.Nonce = new(big.Int).Set(base.ChainID), new(big.Int).Set(base.Nonce)
			change(&b)
			if b.ReportData() == rd {
				t.Fatalf("changing the %s left REPORT_DATA unchanged", name)
			}
		})
	}
}

func TestParseReport(t *testing.T) {
	var rd [64]byte
	copy(rd[:], "bazaar report data")
	raw := sevtest.CreateRawReport(&sevtest.TestReportOptions{ReportData: rd[:]})
	rep := raw[:abi.ReportSize]
	copy(rep[0x90:0xC0], bytes.Repeat([]byte{0xAB}, 48))
	r, err := enclave.ParseReport(rep)
	if err != nil {
		t.Fatal(err)
	}
	if r.ReportData != rd || r.Measurement[0] != 0xAB || !r.Debug || len(r.Signed) != 0x2A0 {
		t.Fatalf("parsed %+v", r)
	}
	binary.LittleEndian.PutUint64(rep[0x08:0x10], abi.SnpPolicyToBytes(abi.SnpPolicy{}))
	if r, err = enclave.ParseReport(rep); err != nil || r.Debug {
		t.Fatalf("no-debug policy parsed as debug=%v, %v", r.Debug, err)
	}

	t.Run("wrong size", func(t *testing.T) {
		if _, err := enclave.ParseReport(rep[:100]); !errors.Is(err, enclave.ErrReportSize) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("wrong signature algorithm", func(t *testing.T) {
		bad := append([]byte(nil), rep...)
		binary.LittleEndian.PutUint32(bad[0x34:0x38], 2)
		if _, err := enclave.ParseReport(bad); err == nil {
			t.Fatal("accepted a report with an unknown signature algorithm")
		}
	})
}

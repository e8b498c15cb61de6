package enclave

import (
	"fmt"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/go-sev-guest/client"
	"github.com/google/go-sev-guest/verify/trust"
)

// Device attests through the guest's SEV-SNP firmware interface (/dev/sev-guest or
// configfs-tsm) with go-sev-guest's client. It only works inside an SEV-SNP guest.
type Device struct {
	qp      client.QuoteProvider
	product string
}

// OpenDevice finds the guest's quote provider; it fails outside an SEV-SNP guest.
func OpenDevice(product string) (*Device, error) {
	qp, err := client.GetQuoteProvider()
	if err != nil {
		return nil, fmt.Errorf("sev-snp quote provider: %w", err)
	}
	if !qp.IsSupported() {
		return nil, fmt.Errorf("sev-snp: this machine is not an SEV-SNP guest")
	}
	return &Device{qp: qp, product: product}, nil
}

// Attest asks the firmware for a report over reportData with its certificate table.
func (d *Device) Attest(reportData [64]byte) (Evidence, error) {
	raw, err := d.qp.GetRawQuote(reportData)
	if err != nil {
		return Evidence{}, fmt.Errorf("sev-snp report: %w", err)
	}
	if len(raw) < 0x4A0 {
		return Evidence{}, fmt.Errorf("sev-snp report: %d bytes", len(raw))
	}
	ev := Evidence{Report: raw[:0x4A0], Product: d.product}
	if len(raw) > 0x4A0 {
		// The extended report carries the VCEK (and possibly ASK and ARK) in its cert table.
		var table abi.CertTable
		if err := table.Unmarshal(raw[0x4A0:]); err != nil {
			return Evidence{}, fmt.Errorf("sev-snp certificate table: %w", err)
		}
		ev.VCEK, _ = table.GetByGUIDString(abi.VcekGUID)
		ev.ASK, _ = table.GetByGUIDString(abi.AskGUID)
		ev.ARK, _ = table.GetByGUIDString(abi.ArkGUID)
	}
	if len(ev.ASK) == 0 || len(ev.ARK) == 0 {
		// Hosts often omit AMD's product certificates: use the published ones, which a
		// verifier pins anyway.
		certs := new(trust.ProductCerts)
		pem := map[string][]byte{"Milan": trust.AskArkMilanVcekBytes, "Genoa": trust.AskArkGenoaVcekBytes, "Turin": trust.AskArkTurinVcekBytes}[d.product]
		if err := certs.FromKDSCertBytes(pem); err != nil {
			return Evidence{}, fmt.Errorf("AMD %s certificates: %w", d.product, err)
		}
		ev.ASK, ev.ARK = certs.Ask.Raw, certs.Ark.Raw
	}
	if len(ev.VCEK) == 0 {
		return Evidence{}, fmt.Errorf("sev-snp: the host supplied no VCEK certificate")
	}
	return ev, nil
}

// Simulated is false: this is real hardware.
func (d *Device) Simulated() bool { return false }

// SealingKey is a 32-byte key the SNP firmware derives (MSG_KEY_REQ) from the chip's VCEK
// mixed with this guest's launch measurement and policy: the same guest image on the same
// chip gets it back after a restart; another image, or another chip, cannot. It encrypts the
// matcher's state at rest.
func (d *Device) SealingKey() ([32]byte, error) {
	dev, err := client.OpenDevice()
	if err != nil {
		return [32]byte{}, fmt.Errorf("sev-guest device: %w", err)
	}
	defer dev.Close()
	resp, err := client.GetDerivedKeyAcknowledgingItsLimitations(dev, &client.SnpDerivedKeyReq{
		UseVCEK: true, GuestFieldSelect: client.GuestFieldSelect{Measurement: true, GuestPolicy: true}})
	if err != nil {
		return [32]byte{}, fmt.Errorf("sev-snp derived key: %w", err)
	}
	if resp.Status != 0 {
		return [32]byte{}, fmt.Errorf("sev-snp derived key: firmware status %#x", resp.Status)
	}
	return resp.Data, nil
}

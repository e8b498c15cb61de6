package enclave

// Attester produces SEV-SNP evidence binding reportData. Implementations: Device (a real
// /dev/sev-guest or configfs-tsm through go-sev-guest's client) and simsnp.SNP (development only:
// reports signed by a test-only AMD chain, flagged Simulated everywhere they appear).
type Attester interface {
	Attest(reportData [64]byte) (Evidence, error)
	// Simulated reports whether the evidence comes from the development SNP.
	Simulated() bool
}

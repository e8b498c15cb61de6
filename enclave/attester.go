package enclave

import "crypto/sha512"

// Attester produces SEV-SNP evidence binding reportData. Implementations: Device (a real
// /dev/sev-guest or configfs-tsm through go-sev-guest's client) and simsnp.SNP (development only:
// reports signed by a test-only AMD chain, flagged Simulated everywhere they appear).
type Attester interface {
	Attest(reportData [64]byte) (Evidence, error)
	// Simulated reports whether the evidence comes from the development SNP.
	Simulated() bool
}

// DevProduct is the product line development (simulated) chains claim.
const DevProduct = "Milan"

// DevMeasurement is the launch measurement the simulated SNP (enclave/simsnp) reports for the
// development matcher build. Dev deployments allow it; production deployments never do. It
// lives here, not in simsnp, so builds without the simulator (-tags nosim) still recognise it.
var DevMeasurement = sha512.Sum384([]byte("bazaar development matcher (simulated SEV-SNP)"))

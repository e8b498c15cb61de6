package prover

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"math/big"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bazaar-market/bazaar"
)

// The circuit's inputs read from a deal document: one reading, shared by the matcher that posts
// a deal's requirements hash, the agent that proves against it and the tests that attack it.

// Grid coordinates for the proximity check: 1e-5 degree units (about 1.1 m north–south) from
// (−90°, −180°), so both fit 32 bits. East–west units shrink with cos(latitude); at Ho Chi
// Minh City's 10.8° that overstates east–west distance by 2 %, in the agent's disfavour.
const gridPerDegree = 1e5

// GridPoint is a location's grid coordinates.
func GridPoint(p bazaar.LatLng) (x, y uint64) {
	return uint64(math.Round((p.Lng + 180) * gridPerDegree)), uint64(math.Round((p.Lat + 90) * gridPerDegree))
}

// GridRadiusSq converts a radius in metres to squared grid units (a degree of latitude is
// 111,320 m).
func GridRadiusSq(metres int64) *big.Int {
	r := uint64(math.Floor(float64(metres) * gridPerDegree / 111_320))
	return new(big.Int).Mul(new(big.Int).SetUint64(r), new(big.Int).SetUint64(r))
}

// CategoryID is a category's 32-bit id in credentials and requirements.
func CategoryID(category string) uint64 {
	h := sha256.Sum256([]byte("bazaar category v1\x00" + strings.ToLower(category)))
	return uint64(binary.BigEndian.Uint32(h[:4]))
}

// DealField is a deal id reduced into the circuit's field.
func DealField(id common.Hash) *big.Int { return new(big.Int).Mod(id.Big(), fr.Modulus()) }

// RequirementsOf reads a deal document's eligibility requirements (ReqHash refuses any outside
// the circuit's widths).
func RequirementsOf(id common.Hash, d *bazaar.Deal) Requirements {
	r := Requirements{DealID: DealField(id), Category: CategoryID(d.Service.Category), RadiusSq: new(big.Int)}
	if q := d.Requirements; q != nil {
		r.MinLTV = uint64(max(q.MinLTV, 0))
		if lvl, ok := bazaar.LoyaltyLevel(q.LoyaltyTier); ok {
			r.MinLoyalty = uint64(lvl)
		}
		if q.ProximityRequired && q.Location != nil {
			r.Proximity = true
			r.VX, r.VY = GridPoint(*q.Location)
			r.RadiusSq = GridRadiusSq(q.ProximityRadius)
		}
	}
	return r
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SHA384} from "./lib/SHA384.sol";
import {P384} from "./lib/P384.sol";

/// @title ReportSignatureVerifier
/// @notice Checks an SEV-SNP report's ECDSA P-384/SHA-384 signature. A contract of its own so
/// the AttestationRegistry stays under the 24 KiB code-size limit; the registry creates it in
/// its constructor and calls it.
contract ReportSignatureVerifier {
    /// @notice Whether (r, s) signs SHA-384(signed) under the P-384 key (x, y), 48-byte
    /// big-endian coordinates; r and s as (high 128 bits, low 256 bits).
    function verify(bytes calldata signed, uint256[2] calldata r, uint256[2] calldata s, bytes calldata x, bytes calldata y)
        external
        view
        returns (bool)
    {
        if (x.length != 48 || y.length != 48) return false;
        bytes memory digest = SHA384.hash(signed);
        return P384.verify(_be(digest), r, s, _be(x), _be(y));
    }

    /// @notice Half of a verification split over two transactions: bits [lo, hi) of the double
    /// scalar multiplication from accumulator R (see P384.step). The caller keeps R.
    function step(
        bytes calldata signed,
        uint256[2] calldata r,
        uint256[2] calldata s,
        bytes calldata x,
        bytes calldata y,
        uint256[6] calldata R,
        uint256 hi,
        uint256 lo
    ) external view returns (bool ok, uint256[6] memory out) {
        if (x.length != 48 || y.length != 48) return (false, out);
        return P384.step(_be(SHA384.hash(signed)), r, s, _be(x), _be(y), R, hi, lo);
    }

    /// @notice The verdict after the last step: x(R) ≡ r (mod n).
    function matches(uint256[6] calldata R, uint256[2] calldata r) external view returns (bool) {
        return P384.matches(R, r);
    }

    function _be(bytes memory b) private pure returns (uint256[2] memory v) {
        uint256 h;
        uint256 l;
        assembly ("memory-safe") {
            h := shr(128, mload(add(b, 0x20)))
            l := mload(add(b, 0x30))
        }
        v[0] = h;
        v[1] = l;
    }
}

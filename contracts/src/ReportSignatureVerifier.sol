// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Sha384} from "./lib/Sha384.sol";
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
        bytes memory digest = Sha384.hash(signed);
        return P384.verify(digest, r, s, _be(x), _be(y), P384.hintsFor(s));
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

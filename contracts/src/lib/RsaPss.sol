// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Sha384} from "./Sha384.sol";

/// @title RsaPss
/// @notice RSASSA-PSS-VERIFY (RFC 8017 §8.1.2) with EMSA-PSS-VERIFY (§9.1.2) fixed to the
/// parameters AMD uses for its ARK, ASK and VCEK certificates: hash SHA-384, MGF1 with SHA-384,
/// salt length 48, trailer field 0xbc. RSAVP1 is one call to the MODEXP precompile (0x05).
///
/// Inputs are big-endian byte strings. `verify` never reverts on malformed input; it returns
/// false when:
///  - the modulus is not minimally encoded (leading 0x00 byte: strip DER's sign byte first), is
///    shorter than 2048 bits, or longer than 1024 bytes (the MODEXP input bound of EIP-7823);
///  - the signature's length differs from the modulus's (RFC 8017 §8.1.2 step 1);
///  - the signature as an integer is not below the modulus (RSAVP1, §5.2.2);
///  - the exponent is empty, longer than 32 bytes, even, or below 3 (an RSA public exponent is
///    odd with 3 <= e, RFC 8017 §3.1; FIPS 186-5 also bounds it by 2^256). Rejecting e = 1
///    matters: with it, any well-formed EM is its own "signature";
///  - any step of EMSA-PSS-VERIFY fails.
/// The caller must trust (modulus, exponent); nothing here checks that they form a real key.
///
/// Gas (Osaka, EIP-7883 MODEXP pricing; measured in RsaPss.t.sol): one RSA-4096 verification
/// with e = 65537 is 553,194 for the 767-byte VCEK TBS and 607,085 for the 1084-byte ASK TBS:
/// MODEXP 131,072, SHA-384 of the TBS ~27k per 128-byte block, MGF1 to 463 bytes ~194k (ten
/// digests, two per compression), and the final SHA-384 of M' ~29k. A contract calling `verify`
/// carries ~10.7 KB of runtime code for it (most of it the unrolled SHA-384 and MGF1).
library RsaPss {
    /// @dev SHA-384 output length, and the salt length AMD uses (RFC 8017 hLen and sLen).
    uint256 internal constant HLEN = 48;
    uint256 internal constant SLEN = 48;
    uint256 internal constant MIN_MODULUS_BITS = 2048;
    /// @dev EIP-7823 (Osaka) makes MODEXP fail for any input longer than 1024 bytes.
    uint256 internal constant MAX_MODULUS_BYTES = 1024;

    /// @notice Whether `signature` is an RSASSA-PSS (SHA-384, MGF1-SHA-384, salt 48) signature of
    /// `message` under the public key (`modulus`, `exponent`).
    /// @param message the signed bytes (for a certificate: its DER TBSCertificate).
    /// @param signature exactly as many bytes as the modulus.
    /// @param modulus n, big-endian without leading zero bytes, at least 2048 bits.
    /// @param exponent e, big-endian, 1 to 32 bytes (typically 0x010001).
    function verify(bytes memory message, bytes memory signature, bytes memory modulus, bytes memory exponent)
        internal
        view
        returns (bool)
    {
        uint256 k = modulus.length;
        if (k < MIN_MODULUS_BITS / 8 || k > MAX_MODULUS_BYTES || signature.length != k) return false;
        uint256 modBits = 8 * k - _leadingZeroBits(uint8(modulus[0]));
        if (modBits < MIN_MODULUS_BITS || modBits <= 8 * (k - 1)) return false; // too short, or not minimal
        if (!_validExponent(exponent)) return false;
        if (!_lessThan(signature, modulus)) return false;

        (bool ok, bytes memory em) = _modexp(signature, exponent, modulus);
        if (!ok) return false;
        return _emsaPssVerify(message, em, modBits - 1);
    }

    /// @dev EMSA-PSS-VERIFY(M, EM, emBits), RFC 8017 §9.1.2, for SHA-384 and sLen = 48. `m` is
    /// the k-byte output of RSAVP1; EM = I2OSP(m, emLen) is its last emLen bytes. `m` is
    /// overwritten (maskedDB is unmasked in place).
    function _emsaPssVerify(bytes memory message, bytes memory m, uint256 emBits) private pure returns (bool) {
        uint256 k = m.length;
        uint256 emLen = (emBits + 7) / 8; // k or k - 1
        // RSASSA-PSS-VERIFY step 2c: I2OSP(m, emLen) fails if m >= 256^emLen.
        for (uint256 i = 0; i < k - emLen; ++i) {
            if (m[i] != 0) return false;
        }
        // step 3 (step 1, the message length limit of SHA-384, cannot be reached in the EVM)
        if (emLen < HLEN + SLEN + 2) return false;
        // step 4: the trailer field
        if (uint8(m[k - 1]) != 0xbc) return false;

        uint256 dbLen = emLen - HLEN - 1;
        uint256 db; // memory address of EM[0], i.e. of maskedDB
        bytes32 hHi; // H = EM[dbLen .. dbLen + 48): bytes 0..31
        bytes32 hLo; // bytes 32..47 in the top 16 bytes, low 16 bytes zero
        assembly ("memory-safe") {
            db := add(add(m, 0x20), sub(k, emLen))
            let hp := add(db, dbLen)
            hHi := mload(hp)
            hLo := and(mload(add(hp, 0x20)), not(0xffffffffffffffffffffffffffffffff))
        }
        // step 6: the leftmost 8emLen - emBits bits of maskedDB must be zero
        uint256 zeroBits = 8 * emLen - emBits; // 0..7
        uint8 first = uint8(m[k - emLen]);
        if (zeroBits != 0 && first >> (8 - zeroBits) != 0) return false;

        // steps 7-9: DB = maskedDB xor MGF1(H, dbLen), with the leftmost zeroBits bits cleared
        _unmask(db, dbLen, hHi, hLo, zeroBits);
        // step 10: DB = PS (emLen - hLen - sLen - 2 zero bytes) || 0x01 || salt
        uint256 psLen = dbLen - SLEN - 1;
        if (!_isZerosThenOne(db, psLen)) return false;
        // steps 11-14: salt = the last sLen bytes of DB; H' = Hash(0x00 * 8 || mHash || salt); H == H'
        return _saltedHashEquals(message, db + psLen + 1, hHi, hLo);
    }

    /// @dev DB = maskedDB xor MGF1(H, dbLen) in place at `db` (RFC 8017 §9.1.2 steps 7-8), then
    /// the top zeroBits bits of DB[0] cleared (step 9). The mask has zeros after its dbLen bytes,
    /// so whole-word xors past DB change nothing (and stay inside EM: H follows DB).
    function _unmask(uint256 db, uint256 dbLen, bytes32 hHi, bytes32 hLo, uint256 zeroBits) private pure {
        bytes memory h = new bytes(HLEN);
        assembly ("memory-safe") {
            mstore(add(h, 0x20), hHi)
            mstore(add(h, 0x40), hLo)
        }
        bytes memory mask = Sha384.mgf1(h, dbLen);
        assembly ("memory-safe") {
            let m := add(mask, 0x20)
            for { let i := 0 } lt(i, dbLen) { i := add(i, 0x20) } {
                let p := add(db, i)
                mstore(p, xor(mload(p), mload(add(m, i))))
            }
            mstore8(db, and(byte(0, mload(db)), shr(zeroBits, 0xff)))
        }
    }

    /// @dev Whether the psLen bytes at `db` are zero and the byte after them is 0x01.
    function _isZerosThenOne(uint256 db, uint256 psLen) private pure returns (bool ok) {
        assembly ("memory-safe") {
            let nonzero := 0
            let i := 0
            for {} lt(add(i, 31), psLen) { i := add(i, 0x20) } { nonzero := or(nonzero, mload(add(db, i))) }
            // the r = psLen - i < 32 remaining zero bytes, then the 0x01 separator
            let r := sub(psLen, i)
            ok := and(iszero(nonzero), eq(shr(sub(248, shl(3, r)), mload(add(db, i))), 1))
        }
    }

    /// @dev Whether SHA-384(0x00 * 8 || SHA-384(message) || salt) = H, salt being the 48 bytes at
    /// `salt` and H = hHi || the top 16 bytes of hLo.
    function _saltedHashEquals(bytes memory message, uint256 salt, bytes32 hHi, bytes32 hLo)
        private
        pure
        returns (bool)
    {
        bytes memory mHash = Sha384.hash(message); // step 2
        bytes memory mPrime = new bytes(8 + HLEN + SLEN);
        assembly ("memory-safe") {
            let p := add(mPrime, 0x20) // the first 8 bytes stay zero
            mcopy(add(p, 8), add(mHash, 0x20), 48)
            mcopy(add(p, 56), salt, 48)
        }
        bytes memory hPrime = Sha384.hash(mPrime);
        bytes32 h2Hi;
        bytes32 h2Lo;
        assembly ("memory-safe") {
            h2Hi := mload(add(hPrime, 0x20))
            h2Lo := mload(add(hPrime, 0x40))
        }
        return hHi == h2Hi && hLo == h2Lo;
    }

    /// @dev RSAVP1 via MODEXP: base^e mod n as exactly n.length bytes. MODEXP input: the three
    /// lengths as 32-byte words, then base, exponent and modulus.
    function _modexp(bytes memory base, bytes memory e, bytes memory n)
        private
        view
        returns (bool ok, bytes memory out)
    {
        uint256 k = n.length;
        bytes memory input = abi.encodePacked(base.length, e.length, k, base, e, n);
        out = new bytes(k);
        assembly ("memory-safe") {
            ok := staticcall(gas(), 0x05, add(input, 0x20), mload(input), add(out, 0x20), k)
            ok := and(ok, eq(returndatasize(), k))
        }
    }

    /// @dev Whether a < b as big-endian unsigned integers of equal length.
    function _lessThan(bytes memory a, bytes memory b) private pure returns (bool lt_) {
        assembly ("memory-safe") {
            let len := mload(a)
            for { let i := 0 } lt(i, len) { i := add(i, 0x20) } {
                let x := mload(add(add(a, 0x20), i))
                let y := mload(add(add(b, 0x20), i))
                // a final partial word: drop the bytes past the end
                let over := sub(add(i, 0x20), len)
                if lt(len, add(i, 0x20)) {
                    x := shr(shl(3, over), x)
                    y := shr(shl(3, over), y)
                }
                if iszero(eq(x, y)) {
                    lt_ := lt(x, y)
                    break
                }
            }
        }
    }

    /// @dev An RSA public exponent: 1..32 bytes, odd, at least 3.
    function _validExponent(bytes memory e) private pure returns (bool) {
        uint256 len = e.length;
        if (len == 0 || len > 32) return false;
        uint256 v;
        assembly ("memory-safe") {
            v := shr(shl(3, sub(32, len)), mload(add(e, 0x20)))
        }
        return v & 1 == 1 && v >= 3;
    }

    /// @dev The number of leading zero bits of a byte (8 for zero).
    function _leadingZeroBits(uint8 x) private pure returns (uint256 n) {
        n = 8;
        while (x != 0) {
            x >>= 1;
            --n;
        }
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SHA384} from "./SHA384.sol";

/// @title RSAPSS
/// @notice RSASSA-PSS signature verification (RFC 8017 §8.1.2 and EMSA-PSS-VERIFY §9.1.2) with
/// SHA-384, MGF1-SHA-384 and a 48-byte salt, as AMD signs its ARK, ASK and VCEK certificates.
/// The RSA operation is one call to the MODEXP precompile (0x05). Every malformed input makes
/// verify return false; it never reverts.
library RSAPSS {
    uint256 internal constant HLEN = 48;
    uint256 internal constant SLEN = 48;

    /// @notice Whether signature is a valid RSASSA-PSS/SHA-384 signature of message under (n, e).
    /// @param modulus big-endian, without leading zero bytes; at least 2048 bits.
    function verify(bytes memory message, bytes memory signature, bytes memory modulus, bytes memory exponent)
        internal
        view
        returns (bool)
    {
        uint256 k = modulus.length;
        if (k < 256 || signature.length != k || modulus[0] == 0 || exponent.length == 0 || exponent.length > 32) {
            return false;
        }
        if (!_less(signature, modulus)) return false; // s must be < n
        (bool ok, bytes memory em) = _modexp(signature, exponent, modulus);
        if (!ok || em.length != k) return false;

        // emBits = modBits - 1; EM is the last emLen bytes of the modexp output, and any byte
        // before it must be zero.
        uint256 emBits = k * 8 - _leadingZeroBits(uint8(modulus[0])) - 1;
        uint256 emLen = (emBits + 7) / 8;
        for (uint256 i = 0; i < k - emLen; i++) {
            if (em[i] != 0) return false;
        }
        return _emsaPssVerify(message, _tail(em, emLen), emBits);
    }

    /// @dev EMSA-PSS-VERIFY (RFC 8017 §9.1.2) for SHA-384, MGF1-SHA-384, sLen 48.
    function _emsaPssVerify(bytes memory message, bytes memory em, uint256 emBits) private pure returns (bool) {
        uint256 emLen = em.length;
        if (emLen < HLEN + SLEN + 2) return false;
        if (uint8(em[emLen - 1]) != 0xbc) return false;
        uint256 dbLen = emLen - HLEN - 1;
        uint256 zeroBits = 8 * emLen - emBits;
        if (uint8(em[0]) >> (8 - zeroBits) != 0) return false;
        bytes memory h = _slice(em, dbLen, dbLen + HLEN);
        bytes memory db = _mgf1(h, dbLen);
        for (uint256 i = 0; i < dbLen; i++) {
            db[i] = db[i] ^ em[i];
        }
        db[0] = bytes1(uint8(db[0]) & uint8(0xff >> zeroBits));
        uint256 ps = emLen - HLEN - SLEN - 2;
        for (uint256 i = 0; i < ps; i++) {
            if (db[i] != 0) return false;
        }
        if (uint8(db[ps]) != 0x01) return false;
        bytes memory mPrime = bytes.concat(bytes8(0), SHA384.hash(message), _slice(db, dbLen - SLEN, dbLen));
        return keccak256(SHA384.hash(mPrime)) == keccak256(h);
    }

    function _tail(bytes memory b, uint256 n) private pure returns (bytes memory) {
        return _slice(b, b.length - n, b.length);
    }

    function _slice(bytes memory b, uint256 from, uint256 to) private pure returns (bytes memory out) {
        out = new bytes(to - from);
        for (uint256 i = 0; i < out.length; i++) {
            out[i] = b[from + i];
        }
    }

    /// @dev MGF1 with SHA-384: the first len bytes of SHA384(seed || c) for c = 0, 1, ...
    function _mgf1(bytes memory seed, uint256 len) private pure returns (bytes memory mask) {
        mask = new bytes(len);
        bytes memory input = new bytes(seed.length + 4);
        for (uint256 i = 0; i < seed.length; i++) {
            input[i] = seed[i];
        }
        uint256 pos;
        for (uint32 c = 0; pos < len; c++) {
            input[seed.length] = bytes1(uint8(c >> 24));
            input[seed.length + 1] = bytes1(uint8(c >> 16));
            input[seed.length + 2] = bytes1(uint8(c >> 8));
            input[seed.length + 3] = bytes1(uint8(c));
            bytes memory t = SHA384.hash(input);
            for (uint256 i = 0; i < HLEN && pos < len; i++) {
                mask[pos++] = t[i];
            }
        }
    }

    /// @dev a < b for equal-length big-endian numbers.
    function _less(bytes memory a, bytes memory b) private pure returns (bool) {
        for (uint256 i = 0; i < a.length; i++) {
            if (a[i] != b[i]) return uint8(a[i]) < uint8(b[i]);
        }
        return false;
    }

    function _leadingZeroBits(uint8 x) private pure returns (uint256 n) {
        while (n < 8 && x & (0x80 >> n) == 0) n++;
    }

    /// @dev base^exp mod m through the MODEXP precompile; the output has m's length.
    function _modexp(bytes memory base, bytes memory exp, bytes memory m) private view returns (bool ok, bytes memory out) {
        bytes memory input = abi.encodePacked(base.length, exp.length, m.length, base, exp, m);
        out = new bytes(m.length);
        assembly ("memory-safe") {
            ok := staticcall(gas(), 0x05, add(input, 0x20), mload(input), add(out, 0x20), mload(m))
        }
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title SHA384
/// @notice FIPS 180-4 SHA-384 (the SHA-512 compression function with SHA-384's initial values,
/// truncated to 48 bytes). The EVM has no precompile for it; AMD SEV-SNP signs reports and
/// certificates over SHA-384. Tested against Go's crypto/sha512.Sum384.
library SHA384 {
    /// @dev The 80 SHA-512 round constants, 8 bytes each, big-endian.
    bytes internal constant K = hex"428a2f98d728ae227137449123ef65cdb5c0fbcfec4d3b2fe9b5dba58189dbbc3956c25bf348b53859f111f1b605d019923f82a4af194f9bab1c5ed5da6d8118d807aa98a303024212835b0145706fbe243185be4ee4b28c550c7dc3d5ffb4e272be5d74f27b896f80deb1fe3b1696b19bdc06a725c71235c19bf174cf692694e49b69c19ef14ad2efbe4786384f25e30fc19dc68b8cd5b5240ca1cc77ac9c652de92c6f592b02754a7484aa6ea6e4835cb0a9dcbd41fbd476f988da831153b5983e5152ee66dfaba831c66d2db43210b00327c898fb213fbf597fc7beef0ee4c6e00bf33da88fc2d5a79147930aa72506ca6351e003826f142929670a0e6e7027b70a8546d22ffc2e1b21385c26c9264d2c6dfc5ac42aed53380d139d95b3df650a73548baf63de766a0abb3c77b2a881c2c92e47edaee692722c851482353ba2bfe8a14cf10364a81a664bbc423001c24b8b70d0f89791c76c51a30654be30d192e819d6ef5218d69906245565a910f40e35855771202a106aa07032bbd1b819a4c116b8d2d0c81e376c085141ab532748774cdf8eeb9934b0bcb5e19b48a8391c0cb3c5c95a634ed8aa4ae3418acb5b9cca4f7763e373682e6ff3d6b2b8a3748f82ee5defb2fc78a5636f43172f6084c87814a1f0ab728cc702081a6439ec90befffa23631e28a4506cebde82bde9bef9a3f7b2c67915c67178f2e372532bca273eceea26619cd186b8c721c0c207eada7dd6cde0eb1ef57d4f7fee6ed17806f067aa72176fba0a637dc5a2c898a6113f9804bef90dae1b710b35131c471b28db77f523047d8432caab7b40c724933c9ebe0a15c9bebc431d67c49c100d4c4cc5d4becb3e42b6597f299cfc657e2a5fcb6fab3ad6faec6c44198c4a475817";

    /// @notice The 48-byte SHA-384 digest of data.
    function hash(bytes memory data) internal pure returns (bytes memory digest) {
        uint64[8] memory h = [
            0xcbbb9d5dc1059ed8,
            0x629a292a367cd507,
            0x9159015a3070dd17,
            0x152fecd8f70e5939,
            0x67332667ffc00b31,
            0x8eb44a8768581511,
            0xdb0c2e0d64f98fa7,
            0x47b5481dbefa4fa4
        ];
        bytes memory k = K;
        uint256 len = data.length;
        // Padded length: data, 0x80, zeros, 16-byte bit length; a multiple of 128.
        uint256 blocks = (len + 17 + 127) / 128;
        uint64[80] memory w;
        for (uint256 b = 0; b < blocks; b++) {
            for (uint256 t = 0; t < 16; t++) {
                w[t] = _word(data, len, b * 128 + t * 8, blocks * 128);
            }
            _compress(h, w, k);
        }
        digest = new bytes(48);
        for (uint256 i = 0; i < 6; i++) {
            uint64 v = h[i];
            for (uint256 j = 0; j < 8; j++) {
                digest[i * 8 + j] = bytes1(uint8(v >> (56 - 8 * j)));
            }
        }
    }

    /// @dev The 64-bit big-endian word at offset off of the padded message.
    function _word(bytes memory data, uint256 len, uint256 off, uint256 total) private pure returns (uint64 v) {
        if (off + 8 <= len) {
            assembly ("memory-safe") {
                v := shr(192, mload(add(add(data, 0x20), off)))
            }
            return v;
        }
        for (uint256 i = 0; i < 8; i++) {
            uint256 p = off + i;
            uint8 x;
            if (p < len) {
                x = uint8(data[p]);
            } else if (p == len) {
                x = 0x80;
            } else if (p >= total - 16) {
                // the message length in bits, big-endian, in the last 16 bytes
                uint256 bits = len * 8;
                uint256 shift = (total - 1 - p) * 8;
                x = shift < 256 ? uint8(bits >> shift) : 0;
            }
            v = (v << 8) | x;
        }
    }

    function _compress(uint64[8] memory h, uint64[80] memory w, bytes memory k) private pure {
        unchecked {
            for (uint256 t = 16; t < 80; t++) {
                uint64 w15 = w[t - 15];
                uint64 w2 = w[t - 2];
                uint64 s0 = _rotr(w15, 1) ^ _rotr(w15, 8) ^ (w15 >> 7);
                uint64 s1 = _rotr(w2, 19) ^ _rotr(w2, 61) ^ (w2 >> 6);
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }
            uint64[8] memory v = h;
            uint64 a = v[0];
            uint64 b = v[1];
            uint64 c = v[2];
            uint64 d = v[3];
            uint64 e = v[4];
            uint64 f = v[5];
            uint64 g = v[6];
            uint64 hh = v[7];
            for (uint256 t = 0; t < 80; t++) {
                uint64 t1 = hh + (_rotr(e, 14) ^ _rotr(e, 18) ^ _rotr(e, 41)) + ((e & f) ^ (~e & g)) + _k(k, t) + w[t];
                uint64 t2 = (_rotr(a, 28) ^ _rotr(a, 34) ^ _rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
                hh = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }
            h[0] += a;
            h[1] += b;
            h[2] += c;
            h[3] += d;
            h[4] += e;
            h[5] += f;
            h[6] += g;
            h[7] += hh;
        }
    }

    function _rotr(uint64 x, uint256 n) private pure returns (uint64) {
        return (x >> n) | (x << (64 - n));
    }

    function _k(bytes memory k, uint256 t) private pure returns (uint64 v) {
        assembly ("memory-safe") {
            v := shr(192, mload(add(add(k, 0x20), mul(t, 8))))
        }
    }
}

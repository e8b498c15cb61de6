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
        uint256 len = data.length;
        // Padded message: data, 0x80, zeros, the 128-bit big-endian bit length; 128-byte blocks.
        uint256 blocks = (len + 17 + 127) / 128;
        bytes memory m = new bytes(blocks * 128);
        bytes memory k = K;
        digest = new bytes(48);
        assembly ("memory-safe") {
            let mp := add(m, 0x20)
            // length first: its 32-byte store also zeroes 16 bytes the data or 0x80 may occupy
            mstore(add(mp, sub(mul(blocks, 128), 32)), mul(len, 8))
            mcopy(mp, add(data, 0x20), len)
            mstore8(add(mp, len), 0x80)

            let mask := 0xffffffffffffffff
            function ror(x, n) -> r {
                r := and(or(shr(n, x), shl(sub(64, n), x)), 0xffffffffffffffff)
            }
            // state H0..H7 and the 80-word schedule W live in scratch memory
            let hs := mload(0x40)
            let w := add(hs, 0x100)
            mstore(0x40, add(w, 2560))
            mstore(hs, 0xcbbb9d5dc1059ed8)
            mstore(add(hs, 0x20), 0x629a292a367cd507)
            mstore(add(hs, 0x40), 0x9159015a3070dd17)
            mstore(add(hs, 0x60), 0x152fecd8f70e5939)
            mstore(add(hs, 0x80), 0x67332667ffc00b31)
            mstore(add(hs, 0xa0), 0x8eb44a8768581511)
            mstore(add(hs, 0xc0), 0xdb0c2e0d64f98fa7)
            mstore(add(hs, 0xe0), 0x47b5481dbefa4fa4)
            let kp := add(k, 0x20)

            for { let b := 0 } lt(b, blocks) { b := add(b, 1) } {
                let bp := add(mp, mul(b, 128))
                for { let t := 0 } lt(t, 16) { t := add(t, 1) } {
                    mstore(add(w, mul(t, 32)), shr(192, mload(add(bp, mul(t, 8)))))
                }
                for { let t := 16 } lt(t, 80) { t := add(t, 1) } {
                    let w15 := mload(add(w, mul(sub(t, 15), 32)))
                    let w2 := mload(add(w, mul(sub(t, 2), 32)))
                    let s0 := xor(xor(ror(w15, 1), ror(w15, 8)), shr(7, w15))
                    let s1 := xor(xor(ror(w2, 19), ror(w2, 61)), shr(6, w2))
                    mstore(
                        add(w, mul(t, 32)),
                        and(add(add(mload(add(w, mul(sub(t, 16), 32))), s0), add(mload(add(w, mul(sub(t, 7), 32))), s1)), mask)
                    )
                }
                let a := mload(hs)
                let bb := mload(add(hs, 0x20))
                let c := mload(add(hs, 0x40))
                let d := mload(add(hs, 0x60))
                let e := mload(add(hs, 0x80))
                let f := mload(add(hs, 0xa0))
                let g := mload(add(hs, 0xc0))
                let h := mload(add(hs, 0xe0))
                for { let t := 0 } lt(t, 80) { t := add(t, 1) } {
                    let t1 := add(
                        add(h, xor(xor(ror(e, 14), ror(e, 18)), ror(e, 41))),
                        add(
                            xor(and(e, f), and(xor(e, mask), g)),
                            add(shr(192, mload(add(kp, mul(t, 8)))), mload(add(w, mul(t, 32))))
                        )
                    )
                    let t2 := add(
                        xor(xor(ror(a, 28), ror(a, 34)), ror(a, 39)), xor(xor(and(a, bb), and(a, c)), and(bb, c))
                    )
                    h := g
                    g := f
                    f := e
                    e := and(add(d, t1), mask)
                    d := c
                    c := bb
                    bb := a
                    a := and(add(t1, t2), mask)
                }
                mstore(hs, and(add(mload(hs), a), mask))
                mstore(add(hs, 0x20), and(add(mload(add(hs, 0x20)), bb), mask))
                mstore(add(hs, 0x40), and(add(mload(add(hs, 0x40)), c), mask))
                mstore(add(hs, 0x60), and(add(mload(add(hs, 0x60)), d), mask))
                mstore(add(hs, 0x80), and(add(mload(add(hs, 0x80)), e), mask))
                mstore(add(hs, 0xa0), and(add(mload(add(hs, 0xa0)), f), mask))
                mstore(add(hs, 0xc0), and(add(mload(add(hs, 0xc0)), g), mask))
                mstore(add(hs, 0xe0), and(add(mload(add(hs, 0xe0)), h), mask))
            }
            // digest = H0..H5, 8 bytes each, big-endian
            let dp := add(digest, 0x20)
            mstore(dp, or(or(shl(192, mload(hs)), shl(128, mload(add(hs, 0x20)))), or(shl(64, mload(add(hs, 0x40))), mload(add(hs, 0x60)))))
            mstore(add(dp, 0x20), or(shl(192, mload(add(hs, 0x80))), shl(128, mload(add(hs, 0xa0)))))
        }
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Sha384
/// @notice FIPS 180-4 SHA-384: the SHA-512 compression function (80 rounds over 64-bit words)
/// started from SHA-384's initial hash value and truncated to 48 bytes; and MGF1 over it
/// (RFC 8017 §B.2.1), which RSASSA-PSS needs. The EVM has no SHA-384 precompile, and AMD
/// SEV-SNP signs its reports (ECDSA P-384) and certificates (RSASSA-PSS) over SHA-384. Tested
/// against Go's crypto/sha512 (contracts/test/lib/Sha384.t.sol).
///
/// API: `hash` returns the digest as a freshly allocated 48-byte `bytes`, so it can be compared
/// with, sliced from or concatenated into other byte strings (RSA-PSS does all three). To read
/// it as words: `mload(add(d, 0x20))` is bytes 0..31, and the top 16 bytes of
/// `mload(add(d, 0x40))` are bytes 32..47 (its low 16 bytes are zero).
///
/// Gas (Osaka, solc 0.8.37, optimizer 200 runs; measured in Sha384.t.sol): one block (up to 111
/// bytes) 28,954; 1 KiB (9 blocks) 245,303, i.e. ~27k per further block; mgf1 to 463 bytes
/// (ten digests) 194,364. Runtime code: ~3.6 KB for `hash`, ~5.2 KB for `mgf1`.
///
/// Why inline assembly: in plain Solidity every uint64 operation carries overflow checks, array
/// bounds checks and masking, several times the cost of this version. The tricks used:
///  - A 64-bit word x sits zero-extended in a 256-bit stack slot. `or(shl(64, x), x)` places a
///    second copy of x right above it, so rotating x right by n is shifting that 128-bit value
///    right by n (its low 64 bits are ror(x, n)). Shifts distribute over xor, so
///    Σ1(e) = ror14 ^ ror18 ^ ror41 is shr(14, ee ^ shr(4, ee) ^ shr(27, ee)) with ee = e || e.
///  - Bits above bit 63 only ever move upward through `add`, so Σ results are not masked: a sum
///    is masked once, when it becomes a working variable (a or e).
///  - Rounds are unrolled 8 at a time with the variable names rotating, so the a..h shuffle of
///    the textbook algorithm costs nothing: each round writes only d (the next e) and h (the next
///    a).
///  - 128-bit lanes: two 64-bit values side by side in one word, each with 64 spare bits above it
///    for the rotation copy, so one instruction works on both. `hash` computes the message
///    schedule two words at a time this way (W[t] and W[t+1] are independent), and `mgf1` runs
///    two whole compressions at once (its digests are independent one-block hashes).
///  - The lane masks are read from the scratch words 0x00 and 0x20: as literals, solc's constant
///    optimizer (at 200 runs) rebuilds them from PUSH1/SHL/SUB at every use, 12 gas more each.
///  - The working memory (state, the 80 constants K, the 80-word schedule W and the padded
///    blocks) lives past the free memory pointer and is not allocated; only the result is, so
///    repeated calls do not keep growing memory.
library Sha384 {
    /// @notice The SHA-384 digest of `data`.
    /// @return digest48 48 bytes: H0..H5 of the final state, big-endian.
    function hash(bytes memory data) internal pure returns (bytes memory digest48) {
        assembly ("memory-safe") {
            /// SHA-512 compression of the 128-byte block at `blk` into the state H.
            /// w = &W[0]. W and K are arrays of 16-byte fields (a 64-bit value, zero-extended to
            /// 128 bits, big-endian), so one mload at field i reads the pair W[i] || W[i+1] as
            /// two 128-bit lanes. K[t] is the field at w - 0x500 + 16t, and H[i] the 32-byte slot
            /// at w - 0x600 + 32i. The eight unrolled copies of a step differ only in offsets and
            /// in the rotation of the names a..h.
            /// mload(0) = 2^64 - 1 (one 64-bit word); mload(0x20) = the same in both lanes.
            function compress(w, blk) {
                // W[0..15]: the block's sixteen big-endian 64-bit words, widened to fields.
                let v
                v := shr(128, mload(blk)) // W[0] || W[1], 64 bits each
                mstore(w, or(shl(128, shr(64, v)), and(v, mload(0))))
                v := shr(128, mload(add(blk, 0x10))) // W[2] || W[3], 64 bits each
                mstore(add(w, 0x20), or(shl(128, shr(64, v)), and(v, mload(0))))
                v := shr(128, mload(add(blk, 0x20))) // W[4] || W[5], 64 bits each
                mstore(add(w, 0x40), or(shl(128, shr(64, v)), and(v, mload(0))))
                v := shr(128, mload(add(blk, 0x30))) // W[6] || W[7], 64 bits each
                mstore(add(w, 0x60), or(shl(128, shr(64, v)), and(v, mload(0))))
                v := shr(128, mload(add(blk, 0x40))) // W[8] || W[9], 64 bits each
                mstore(add(w, 0x80), or(shl(128, shr(64, v)), and(v, mload(0))))
                v := shr(128, mload(add(blk, 0x50))) // W[10] || W[11], 64 bits each
                mstore(add(w, 0xa0), or(shl(128, shr(64, v)), and(v, mload(0))))
                v := shr(128, mload(add(blk, 0x60))) // W[12] || W[13], 64 bits each
                mstore(add(w, 0xc0), or(shl(128, shr(64, v)), and(v, mload(0))))
                v := shr(128, mload(add(blk, 0x70))) // W[14] || W[15], 64 bits each
                mstore(add(w, 0xe0), or(shl(128, shr(64, v)), and(v, mload(0))))
                // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16] for t = 16..79, where
                // σ0(x) = ror1 ^ ror8 ^ shr7 and σ1(y) = ror19 ^ ror61 ^ shr6, two words at a
                // time: W[t] and W[t+1] do not depend on each other, and with 128-bit lanes
                // neither the doubling, the shifts (at most 61 bits, below a lane's upper half)
                // nor the sums of four lane-masked 64-bit terms spill into the other lane.
                // 16 words per iteration; q = &field t, so field t-k is at q - 16k.
                for { let q := add(w, 0x100) } lt(q, add(w, 0x500)) { q := add(q, 0x100) } {
                    { // W[t+0] || W[t+1]
                        let x := mload(sub(q, 0xf0)) // W[t+0-15] || W[t+0-14]
                        let y := mload(sub(q, 0x20)) // W[t+0-2] || W[t+0-1]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        // + (W[t+0-7] || W[t+0-6]) + (W[t+0-16] || W[t+0-15])
                        mstore(q, and(add(add(s0, s1), add(mload(sub(q, 0x70)), mload(sub(q, 0x100)))), mload(0x20)))
                    }
                    { // W[t+2] || W[t+3]
                        let x := mload(sub(q, 0xd0)) // W[t+2-15] || W[t+2-14]
                        let y := mload(q) // W[t+2-2] || W[t+2-1]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        // + (W[t+2-7] || W[t+2-6]) + (W[t+2-16] || W[t+2-15])
                        mstore(add(q, 0x20), and(add(add(s0, s1), add(mload(sub(q, 0x50)), mload(sub(q, 0xe0)))), mload(0x20)))
                    }
                    { // W[t+4] || W[t+5]
                        let x := mload(sub(q, 0xb0)) // W[t+4-15] || W[t+4-14]
                        let y := mload(add(q, 0x20)) // W[t+4-2] || W[t+4-1]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        // + (W[t+4-7] || W[t+4-6]) + (W[t+4-16] || W[t+4-15])
                        mstore(add(q, 0x40), and(add(add(s0, s1), add(mload(sub(q, 0x30)), mload(sub(q, 0xc0)))), mload(0x20)))
                    }
                    { // W[t+6] || W[t+7]
                        let x := mload(sub(q, 0x90)) // W[t+6-15] || W[t+6-14]
                        let y := mload(add(q, 0x40)) // W[t+6-2] || W[t+6-1]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        // + (W[t+6-7] || W[t+6-6]) + (W[t+6-16] || W[t+6-15])
                        mstore(add(q, 0x60), and(add(add(s0, s1), add(mload(sub(q, 0x10)), mload(sub(q, 0xa0)))), mload(0x20)))
                    }
                    { // W[t+8] || W[t+9]
                        let x := mload(sub(q, 0x70)) // W[t+8-15] || W[t+8-14]
                        let y := mload(add(q, 0x60)) // W[t+8-2] || W[t+8-1]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        // + (W[t+8-7] || W[t+8-6]) + (W[t+8-16] || W[t+8-15])
                        mstore(add(q, 0x80), and(add(add(s0, s1), add(mload(add(q, 0x10)), mload(sub(q, 0x80)))), mload(0x20)))
                    }
                    { // W[t+10] || W[t+11]
                        let x := mload(sub(q, 0x50)) // W[t+10-15] || W[t+10-14]
                        let y := mload(add(q, 0x80)) // W[t+10-2] || W[t+10-1]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        // + (W[t+10-7] || W[t+10-6]) + (W[t+10-16] || W[t+10-15])
                        mstore(add(q, 0xa0), and(add(add(s0, s1), add(mload(add(q, 0x30)), mload(sub(q, 0x60)))), mload(0x20)))
                    }
                    { // W[t+12] || W[t+13]
                        let x := mload(sub(q, 0x30)) // W[t+12-15] || W[t+12-14]
                        let y := mload(add(q, 0xa0)) // W[t+12-2] || W[t+12-1]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        // + (W[t+12-7] || W[t+12-6]) + (W[t+12-16] || W[t+12-15])
                        mstore(add(q, 0xc0), and(add(add(s0, s1), add(mload(add(q, 0x50)), mload(sub(q, 0x40)))), mload(0x20)))
                    }
                    { // W[t+14] || W[t+15]
                        let x := mload(sub(q, 0x10)) // W[t+14-15] || W[t+14-14]
                        let y := mload(add(q, 0xc0)) // W[t+14-2] || W[t+14-1]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        // + (W[t+14-7] || W[t+14-6]) + (W[t+14-16] || W[t+14-15])
                        mstore(add(q, 0xe0), and(add(add(s0, s1), add(mload(add(q, 0x70)), mload(sub(q, 0x20)))), mload(0x20)))
                    }
                }
                let hp := sub(w, 0x600)
                let a := mload(hp)
                let b := mload(add(hp, 0x20))
                let c := mload(add(hp, 0x40))
                let d := mload(add(hp, 0x60))
                let e := mload(add(hp, 0x80))
                let f := mload(add(hp, 0xa0))
                let g := mload(add(hp, 0xc0))
                let h := mload(add(hp, 0xe0))
                // 80 rounds, 8 per iteration; p = &field t. W[t] + K[t] and W[t+1] + K[t+1]
                // come from one lane-wise add of the field pairs at p and p - 0x500: round t
                // takes the high lane (shr 128), round t+1 the whole word, whose high lane is
                // junk above bit 127 that the masked sums never look at.
                //   T1 = h + Σ1(e) + Ch(e,f,g) + K[t] + W[t]     Σ1 = ror14 ^ ror18 ^ ror41
                //   T2 = Σ0(a) + Maj(a,b,c)                      Σ0 = ror28 ^ ror34 ^ ror39
                //   Ch = g ^ (e & (f ^ g))                       Maj = (a & b) | (c & (a | b))
                //   d += T1 (the next e); h = T1 + T2 (the next a); the names then rotate.
                for { let p := w } lt(p, add(w, 0x500)) { p := add(p, 0x80) } {
                    { // rounds t+0, t+1: wk = (W[t+0] + K[t+0]) || (W[t+1] + K[t+1])
                        let wk := add(mload(p), mload(sub(p, 0x500)))
                        { // round t+0: (a,b,c,d,e,f,g,h) -> d is the next e, h the next a
                            let ee := or(shl(64, e), e)
                            let t1 := add(add(h, shr(128, wk)), add(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), xor(g, and(e, xor(f, g)))))
                            d := and(add(d, t1), mload(0))
                            let aa := or(shl(64, a), a)
                            h := and(add(t1, add(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), or(and(a, b), and(c, or(a, b))))), mload(0))
                        }
                        { // round t+1: (h,a,b,c,d,e,f,g) -> c is the next e, g the next a
                            let ee := or(shl(64, d), d)
                            let t1 := add(add(g, wk), add(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), xor(f, and(d, xor(e, f)))))
                            c := and(add(c, t1), mload(0))
                            let aa := or(shl(64, h), h)
                            g := and(add(t1, add(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), or(and(h, a), and(b, or(h, a))))), mload(0))
                        }
                    }
                    { // rounds t+2, t+3: wk = (W[t+2] + K[t+2]) || (W[t+3] + K[t+3])
                        let wk := add(mload(add(p, 0x20)), mload(sub(p, 0x4e0)))
                        { // round t+2: (g,h,a,b,c,d,e,f) -> b is the next e, f the next a
                            let ee := or(shl(64, c), c)
                            let t1 := add(add(f, shr(128, wk)), add(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), xor(e, and(c, xor(d, e)))))
                            b := and(add(b, t1), mload(0))
                            let aa := or(shl(64, g), g)
                            f := and(add(t1, add(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), or(and(g, h), and(a, or(g, h))))), mload(0))
                        }
                        { // round t+3: (f,g,h,a,b,c,d,e) -> a is the next e, e the next a
                            let ee := or(shl(64, b), b)
                            let t1 := add(add(e, wk), add(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), xor(d, and(b, xor(c, d)))))
                            a := and(add(a, t1), mload(0))
                            let aa := or(shl(64, f), f)
                            e := and(add(t1, add(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), or(and(f, g), and(h, or(f, g))))), mload(0))
                        }
                    }
                    { // rounds t+4, t+5: wk = (W[t+4] + K[t+4]) || (W[t+5] + K[t+5])
                        let wk := add(mload(add(p, 0x40)), mload(sub(p, 0x4c0)))
                        { // round t+4: (e,f,g,h,a,b,c,d) -> h is the next e, d the next a
                            let ee := or(shl(64, a), a)
                            let t1 := add(add(d, shr(128, wk)), add(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), xor(c, and(a, xor(b, c)))))
                            h := and(add(h, t1), mload(0))
                            let aa := or(shl(64, e), e)
                            d := and(add(t1, add(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), or(and(e, f), and(g, or(e, f))))), mload(0))
                        }
                        { // round t+5: (d,e,f,g,h,a,b,c) -> g is the next e, c the next a
                            let ee := or(shl(64, h), h)
                            let t1 := add(add(c, wk), add(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), xor(b, and(h, xor(a, b)))))
                            g := and(add(g, t1), mload(0))
                            let aa := or(shl(64, d), d)
                            c := and(add(t1, add(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), or(and(d, e), and(f, or(d, e))))), mload(0))
                        }
                    }
                    { // rounds t+6, t+7: wk = (W[t+6] + K[t+6]) || (W[t+7] + K[t+7])
                        let wk := add(mload(add(p, 0x60)), mload(sub(p, 0x4a0)))
                        { // round t+6: (c,d,e,f,g,h,a,b) -> f is the next e, b the next a
                            let ee := or(shl(64, g), g)
                            let t1 := add(add(b, shr(128, wk)), add(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), xor(a, and(g, xor(h, a)))))
                            f := and(add(f, t1), mload(0))
                            let aa := or(shl(64, c), c)
                            b := and(add(t1, add(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), or(and(c, d), and(e, or(c, d))))), mload(0))
                        }
                        { // round t+7: (b,c,d,e,f,g,h,a) -> e is the next e, a the next a
                            let ee := or(shl(64, f), f)
                            let t1 := add(add(a, wk), add(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), xor(h, and(f, xor(g, h)))))
                            e := and(add(e, t1), mload(0))
                            let aa := or(shl(64, b), b)
                            a := and(add(t1, add(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), or(and(b, c), and(d, or(b, c))))), mload(0))
                        }
                    }
                }
                // H += a..h
                mstore(hp, and(add(mload(hp), a), mload(0)))
                mstore(add(hp, 0x20), and(add(mload(add(hp, 0x20)), b), mload(0)))
                mstore(add(hp, 0x40), and(add(mload(add(hp, 0x40)), c), mload(0)))
                mstore(add(hp, 0x60), and(add(mload(add(hp, 0x60)), d), mload(0)))
                mstore(add(hp, 0x80), and(add(mload(add(hp, 0x80)), e), mload(0)))
                mstore(add(hp, 0xa0), and(add(mload(add(hp, 0xa0)), f), mload(0)))
                mstore(add(hp, 0xc0), and(add(mload(add(hp, 0xc0)), g), mload(0)))
                mstore(add(hp, 0xe0), and(add(mload(add(hp, 0xe0)), h), mload(0)))
            }

            mstore(0x00, 0xffffffffffffffff) // the low 64 bits
            mstore(0x20, 0xffffffffffffffff0000000000000000ffffffffffffffff) // ... of each 128-bit lane

            // Scratch layout past the free memory pointer fp (not allocated; see the notice):
            //   fp + 0x000 .. 0x100   H[0..7], 32-byte slots
            //   fp + 0x100 .. 0x600   K[0..79], 16-byte fields
            //   fp + 0x600 .. 0xb00   W[0..79], 16-byte fields
            //   fp + 0xb00 .. 0xc00   the padded tail: one or two blocks
            let fp := mload(0x40)
            // SHA-384 initial hash value (FIPS 180-4 §5.3.4)
            mstore(fp, 0xcbbb9d5dc1059ed8)
            mstore(add(fp, 0x20), 0x629a292a367cd507)
            mstore(add(fp, 0x40), 0x9159015a3070dd17)
            mstore(add(fp, 0x60), 0x152fecd8f70e5939)
            mstore(add(fp, 0x80), 0x67332667ffc00b31)
            mstore(add(fp, 0xa0), 0x8eb44a8768581511)
            mstore(add(fp, 0xc0), 0xdb0c2e0d64f98fa7)
            mstore(add(fp, 0xe0), 0x47b5481dbefa4fa4)
            // SHA-512 round constants K[0..79] (FIPS 180-4 §4.2.3), two 16-byte fields per store
            let k := add(fp, 0x100)
            mstore(k, 0x0000000000000000428a2f98d728ae2200000000000000007137449123ef65cd)
            mstore(add(k, 0x20), 0x0000000000000000b5c0fbcfec4d3b2f0000000000000000e9b5dba58189dbbc)
            mstore(add(k, 0x40), 0x00000000000000003956c25bf348b538000000000000000059f111f1b605d019)
            mstore(add(k, 0x60), 0x0000000000000000923f82a4af194f9b0000000000000000ab1c5ed5da6d8118)
            mstore(add(k, 0x80), 0x0000000000000000d807aa98a3030242000000000000000012835b0145706fbe)
            mstore(add(k, 0xa0), 0x0000000000000000243185be4ee4b28c0000000000000000550c7dc3d5ffb4e2)
            mstore(add(k, 0xc0), 0x000000000000000072be5d74f27b896f000000000000000080deb1fe3b1696b1)
            mstore(add(k, 0xe0), 0x00000000000000009bdc06a725c712350000000000000000c19bf174cf692694)
            mstore(add(k, 0x100), 0x0000000000000000e49b69c19ef14ad20000000000000000efbe4786384f25e3)
            mstore(add(k, 0x120), 0x00000000000000000fc19dc68b8cd5b50000000000000000240ca1cc77ac9c65)
            mstore(add(k, 0x140), 0x00000000000000002de92c6f592b027500000000000000004a7484aa6ea6e483)
            mstore(add(k, 0x160), 0x00000000000000005cb0a9dcbd41fbd4000000000000000076f988da831153b5)
            mstore(add(k, 0x180), 0x0000000000000000983e5152ee66dfab0000000000000000a831c66d2db43210)
            mstore(add(k, 0x1a0), 0x0000000000000000b00327c898fb213f0000000000000000bf597fc7beef0ee4)
            mstore(add(k, 0x1c0), 0x0000000000000000c6e00bf33da88fc20000000000000000d5a79147930aa725)
            mstore(add(k, 0x1e0), 0x000000000000000006ca6351e003826f0000000000000000142929670a0e6e70)
            mstore(add(k, 0x200), 0x000000000000000027b70a8546d22ffc00000000000000002e1b21385c26c926)
            mstore(add(k, 0x220), 0x00000000000000004d2c6dfc5ac42aed000000000000000053380d139d95b3df)
            mstore(add(k, 0x240), 0x0000000000000000650a73548baf63de0000000000000000766a0abb3c77b2a8)
            mstore(add(k, 0x260), 0x000000000000000081c2c92e47edaee6000000000000000092722c851482353b)
            mstore(add(k, 0x280), 0x0000000000000000a2bfe8a14cf103640000000000000000a81a664bbc423001)
            mstore(add(k, 0x2a0), 0x0000000000000000c24b8b70d0f897910000000000000000c76c51a30654be30)
            mstore(add(k, 0x2c0), 0x0000000000000000d192e819d6ef52180000000000000000d69906245565a910)
            mstore(add(k, 0x2e0), 0x0000000000000000f40e35855771202a0000000000000000106aa07032bbd1b8)
            mstore(add(k, 0x300), 0x000000000000000019a4c116b8d2d0c800000000000000001e376c085141ab53)
            mstore(add(k, 0x320), 0x00000000000000002748774cdf8eeb99000000000000000034b0bcb5e19b48a8)
            mstore(add(k, 0x340), 0x0000000000000000391c0cb3c5c95a6300000000000000004ed8aa4ae3418acb)
            mstore(add(k, 0x360), 0x00000000000000005b9cca4f7763e3730000000000000000682e6ff3d6b2b8a3)
            mstore(add(k, 0x380), 0x0000000000000000748f82ee5defb2fc000000000000000078a5636f43172f60)
            mstore(add(k, 0x3a0), 0x000000000000000084c87814a1f0ab7200000000000000008cc702081a6439ec)
            mstore(add(k, 0x3c0), 0x000000000000000090befffa23631e280000000000000000a4506cebde82bde9)
            mstore(add(k, 0x3e0), 0x0000000000000000bef9a3f7b2c679150000000000000000c67178f2e372532b)
            mstore(add(k, 0x400), 0x0000000000000000ca273eceea26619c0000000000000000d186b8c721c0c207)
            mstore(add(k, 0x420), 0x0000000000000000eada7dd6cde0eb1e0000000000000000f57d4f7fee6ed178)
            mstore(add(k, 0x440), 0x000000000000000006f067aa72176fba00000000000000000a637dc5a2c898a6)
            mstore(add(k, 0x460), 0x0000000000000000113f9804bef90dae00000000000000001b710b35131c471b)
            mstore(add(k, 0x480), 0x000000000000000028db77f523047d84000000000000000032caab7b40c72493)
            mstore(add(k, 0x4a0), 0x00000000000000003c9ebe0a15c9bebc0000000000000000431d67c49c100d4c)
            mstore(add(k, 0x4c0), 0x00000000000000004cc5d4becb3e42b60000000000000000597f299cfc657e2a)
            mstore(add(k, 0x4e0), 0x00000000000000005fcb6fab3ad6faec00000000000000006c44198c4a475817)
            let w := add(fp, 0x600)

            // Whole 128-byte blocks are hashed in place.
            let len := mload(data)
            let src := add(data, 0x20)
            for { let end := add(src, and(len, not(127))) } lt(src, end) { src := add(src, 0x80) } {
                compress(w, src)
            }
            // Padding (FIPS 180-4 §5.1.2): the rem = len mod 128 remaining bytes, 0x80, zeros and
            // the 128-bit big-endian bit length; two blocks when rem + 17 > 128.
            let tb := add(fp, 0xb00)
            let rem := and(len, 127)
            let two := gt(rem, 111)
            for { let i := 0 } lt(i, 0x100) { i := add(i, 0x20) } { mstore(add(tb, i), 0) }
            // the length first: its 32-byte store also writes zeros where the data may continue
            mstore(add(tb, add(0x60, shl(7, two))), shl(3, len))
            mcopy(tb, src, rem)
            mstore8(add(tb, rem), 0x80)
            compress(w, tb)
            if two { compress(w, add(tb, 0x80)) }

            // digest = H0 || ... || H5, allocated at fp once H has been read
            let hi := or(or(shl(192, mload(fp)), shl(128, mload(add(fp, 0x20)))), or(shl(64, mload(add(fp, 0x40))), mload(add(fp, 0x60))))
            let lo := or(shl(192, mload(add(fp, 0x80))), shl(128, mload(add(fp, 0xa0))))
            digest48 := fp
            mstore(fp, 48)
            mstore(add(fp, 0x20), hi)
            mstore(add(fp, 0x40), lo)
            mstore(0x40, add(fp, 0x60))
        }
    }

    /// @notice The seed given to mgf1 does not fit one block together with the counter.
    error Sha384Mgf1SeedTooLong(uint256 length);

    /// @notice MGF1 with SHA-384 (RFC 8017 §B.2.1): the first `len` bytes of
    /// SHA-384(seed || C(0)) || SHA-384(seed || C(1)) || ..., C(i) being i as 4 big-endian bytes.
    /// @dev The hashes are independent one-block hashes, so they are computed two at a time: one
    /// 128-bit lane each (same lane layout as the schedule of `hash`), which costs about 60% of
    /// hashing them one by one. Restricted to seeds that fit one block with the counter and the
    /// padding (at most 107 bytes; RSA-PSS passes a 48-byte H); reverts otherwise. The
    /// returned buffer's length is `len`; the 128 bytes after it are zero.
    function mgf1(bytes memory seed, uint256 len) internal pure returns (bytes memory mask) {
        if (seed.length > 107) revert Sha384Mgf1SeedTooLong(seed.length);
        assembly ("memory-safe") {
            /// Two SHA-512 compressions at once, of block A at w + 0xa00 (into the high lanes)
            /// and block B at w + 0xa80 (into the low lanes). w = &W2[0]; every W2, K2 and H2
            /// entry is a 32-byte slot holding two 128-bit lanes, each a zero-extended 64-bit
            /// value; K2[t] is at w - 0xa00 + 32t and H2[i] at w - 0xb00 + 32i. mload(0x20) is
            /// the low 64 bits of each lane. Σ and σ results are lane-masked before any add, so
            /// no carry crosses from the low lane into the high one.
            function compress2(w) {
                let blk := add(w, 0xa00)
                // W2[0..15] = A's word t || B's word t
                for { let i := 0 } lt(i, 0x80) { i := add(i, 8) } {
                    mstore(add(w, shl(2, i)), or(shl(128, shr(192, mload(add(blk, i)))), shr(192, mload(add(blk, add(i, 0x80))))))
                }
                // W2[16..79], eight slots per iteration; q = &W2[t], so W2[t-k] is at q - 32k.
                for { let q := add(w, 0x200) } lt(q, add(w, 0xa00)) { q := add(q, 0x100) } {
                    { // W2[t+0]
                        let x := mload(sub(q, 0x1e0)) // W2[t+0-15]
                        let y := mload(sub(q, 0x40)) // W2[t+0-2]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        mstore(q, and(add(add(s0, s1), add(mload(sub(q, 0xe0)), mload(sub(q, 0x200)))), mload(0x20)))
                    }
                    { // W2[t+1]
                        let x := mload(sub(q, 0x1c0)) // W2[t+1-15]
                        let y := mload(sub(q, 0x20)) // W2[t+1-2]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        mstore(add(q, 0x20), and(add(add(s0, s1), add(mload(sub(q, 0xc0)), mload(sub(q, 0x1e0)))), mload(0x20)))
                    }
                    { // W2[t+2]
                        let x := mload(sub(q, 0x1a0)) // W2[t+2-15]
                        let y := mload(q) // W2[t+2-2]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        mstore(add(q, 0x40), and(add(add(s0, s1), add(mload(sub(q, 0xa0)), mload(sub(q, 0x1c0)))), mload(0x20)))
                    }
                    { // W2[t+3]
                        let x := mload(sub(q, 0x180)) // W2[t+3-15]
                        let y := mload(add(q, 0x20)) // W2[t+3-2]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        mstore(add(q, 0x60), and(add(add(s0, s1), add(mload(sub(q, 0x80)), mload(sub(q, 0x1a0)))), mload(0x20)))
                    }
                    { // W2[t+4]
                        let x := mload(sub(q, 0x160)) // W2[t+4-15]
                        let y := mload(add(q, 0x40)) // W2[t+4-2]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        mstore(add(q, 0x80), and(add(add(s0, s1), add(mload(sub(q, 0x60)), mload(sub(q, 0x180)))), mload(0x20)))
                    }
                    { // W2[t+5]
                        let x := mload(sub(q, 0x140)) // W2[t+5-15]
                        let y := mload(add(q, 0x60)) // W2[t+5-2]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        mstore(add(q, 0xa0), and(add(add(s0, s1), add(mload(sub(q, 0x40)), mload(sub(q, 0x160)))), mload(0x20)))
                    }
                    { // W2[t+6]
                        let x := mload(sub(q, 0x120)) // W2[t+6-15]
                        let y := mload(add(q, 0x80)) // W2[t+6-2]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        mstore(add(q, 0xc0), and(add(add(s0, s1), add(mload(sub(q, 0x20)), mload(sub(q, 0x140)))), mload(0x20)))
                    }
                    { // W2[t+7]
                        let x := mload(sub(q, 0x100)) // W2[t+7-15]
                        let y := mload(add(q, 0xa0)) // W2[t+7-2]
                        let xx := or(shl(64, x), x)
                        let yy := or(shl(64, y), y)
                        let s0 := and(xor(shr(1, xor(xx, shr(7, xx))), shr(7, x)), mload(0x20))
                        let s1 := and(xor(shr(19, xor(yy, shr(42, yy))), shr(6, y)), mload(0x20))
                        mstore(add(q, 0xe0), and(add(add(s0, s1), add(mload(q), mload(sub(q, 0x120)))), mload(0x20)))
                    }
                }
                let hp := sub(w, 0xb00)
                let a := mload(hp)
                let b := mload(add(hp, 0x20))
                let c := mload(add(hp, 0x40))
                let d := mload(add(hp, 0x60))
                let e := mload(add(hp, 0x80))
                let f := mload(add(hp, 0xa0))
                let g := mload(add(hp, 0xc0))
                let h := mload(add(hp, 0xe0))
                // the rounds of `hash`, lane-wise; p = &W2[t], K2[t] = mload(p - 0xa00)
                for { let p := w } lt(p, add(w, 0xa00)) { p := add(p, 0x100) } {
                    { // round t+0: (a,b,c,d,e,f,g,h) -> d is the next e, h the next a
                        let ee := or(shl(64, e), e)
                        let t1 := add(add(h, add(mload(p), mload(sub(p, 0xa00)))), add(and(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), mload(0x20)), xor(g, and(e, xor(f, g)))))
                        d := and(add(d, t1), mload(0x20))
                        let aa := or(shl(64, a), a)
                        h := and(add(t1, add(and(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), mload(0x20)), or(and(a, b), and(c, or(a, b))))), mload(0x20))
                    }
                    { // round t+1: (h,a,b,c,d,e,f,g) -> c is the next e, g the next a
                        let ee := or(shl(64, d), d)
                        let t1 := add(add(g, add(mload(add(p, 0x20)), mload(sub(p, 0x9e0)))), add(and(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), mload(0x20)), xor(f, and(d, xor(e, f)))))
                        c := and(add(c, t1), mload(0x20))
                        let aa := or(shl(64, h), h)
                        g := and(add(t1, add(and(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), mload(0x20)), or(and(h, a), and(b, or(h, a))))), mload(0x20))
                    }
                    { // round t+2: (g,h,a,b,c,d,e,f) -> b is the next e, f the next a
                        let ee := or(shl(64, c), c)
                        let t1 := add(add(f, add(mload(add(p, 0x40)), mload(sub(p, 0x9c0)))), add(and(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), mload(0x20)), xor(e, and(c, xor(d, e)))))
                        b := and(add(b, t1), mload(0x20))
                        let aa := or(shl(64, g), g)
                        f := and(add(t1, add(and(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), mload(0x20)), or(and(g, h), and(a, or(g, h))))), mload(0x20))
                    }
                    { // round t+3: (f,g,h,a,b,c,d,e) -> a is the next e, e the next a
                        let ee := or(shl(64, b), b)
                        let t1 := add(add(e, add(mload(add(p, 0x60)), mload(sub(p, 0x9a0)))), add(and(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), mload(0x20)), xor(d, and(b, xor(c, d)))))
                        a := and(add(a, t1), mload(0x20))
                        let aa := or(shl(64, f), f)
                        e := and(add(t1, add(and(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), mload(0x20)), or(and(f, g), and(h, or(f, g))))), mload(0x20))
                    }
                    { // round t+4: (e,f,g,h,a,b,c,d) -> h is the next e, d the next a
                        let ee := or(shl(64, a), a)
                        let t1 := add(add(d, add(mload(add(p, 0x80)), mload(sub(p, 0x980)))), add(and(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), mload(0x20)), xor(c, and(a, xor(b, c)))))
                        h := and(add(h, t1), mload(0x20))
                        let aa := or(shl(64, e), e)
                        d := and(add(t1, add(and(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), mload(0x20)), or(and(e, f), and(g, or(e, f))))), mload(0x20))
                    }
                    { // round t+5: (d,e,f,g,h,a,b,c) -> g is the next e, c the next a
                        let ee := or(shl(64, h), h)
                        let t1 := add(add(c, add(mload(add(p, 0xa0)), mload(sub(p, 0x960)))), add(and(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), mload(0x20)), xor(b, and(h, xor(a, b)))))
                        g := and(add(g, t1), mload(0x20))
                        let aa := or(shl(64, d), d)
                        c := and(add(t1, add(and(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), mload(0x20)), or(and(d, e), and(f, or(d, e))))), mload(0x20))
                    }
                    { // round t+6: (c,d,e,f,g,h,a,b) -> f is the next e, b the next a
                        let ee := or(shl(64, g), g)
                        let t1 := add(add(b, add(mload(add(p, 0xc0)), mload(sub(p, 0x940)))), add(and(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), mload(0x20)), xor(a, and(g, xor(h, a)))))
                        f := and(add(f, t1), mload(0x20))
                        let aa := or(shl(64, c), c)
                        b := and(add(t1, add(and(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), mload(0x20)), or(and(c, d), and(e, or(c, d))))), mload(0x20))
                    }
                    { // round t+7: (b,c,d,e,f,g,h,a) -> e is the next e, a the next a
                        let ee := or(shl(64, f), f)
                        let t1 := add(add(a, add(mload(add(p, 0xe0)), mload(sub(p, 0x920)))), add(and(shr(14, xor(xor(ee, shr(4, ee)), shr(27, ee))), mload(0x20)), xor(h, and(f, xor(g, h)))))
                        e := and(add(e, t1), mload(0x20))
                        let aa := or(shl(64, b), b)
                        a := and(add(t1, add(and(shr(28, xor(xor(aa, shr(6, aa)), shr(11, aa))), mload(0x20)), or(and(b, c), and(d, or(b, c))))), mload(0x20))
                    }
                }
                mstore(hp, and(add(mload(hp), a), mload(0x20)))
                mstore(add(hp, 0x20), and(add(mload(add(hp, 0x20)), b), mload(0x20)))
                mstore(add(hp, 0x40), and(add(mload(add(hp, 0x40)), c), mload(0x20)))
                mstore(add(hp, 0x60), and(add(mload(add(hp, 0x60)), d), mload(0x20)))
                mstore(add(hp, 0x80), and(add(mload(add(hp, 0x80)), e), mload(0x20)))
                mstore(add(hp, 0xa0), and(add(mload(add(hp, 0xa0)), f), mload(0x20)))
                mstore(add(hp, 0xc0), and(add(mload(add(hp, 0xc0)), g), mload(0x20)))
                mstore(add(hp, 0xe0), and(add(mload(add(hp, 0xe0)), h), mload(0x20)))
            }

            mstore(0x00, 0xffffffffffffffff) // the low 64 bits
            mstore(0x20, 0xffffffffffffffff0000000000000000ffffffffffffffff) // ... of each 128-bit lane

            // The result: n = ceil(len / 48) digests, written in pairs (up to 48 bytes past the
            // last one, plus a 16-byte spill), then 128 bytes zeroed from `len` on.
            let n := div(add(len, 47), 48)
            mask := mload(0x40)
            mstore(0x40, add(add(mask, 0xa0), mul(96, shr(1, add(n, 1)))))

            // Scratch layout past the new free memory pointer s:
            //   s + 0x0000 .. 0x0100   H2[0..7]
            //   s + 0x0100 .. 0x0b00   K2[0..79]
            //   s + 0x0b00 .. 0x1500   W2[0..79]
            //   s + 0x1500 .. 0x1600   blocks A and B
            let s := mload(0x40)
            // SHA-512 round constants (FIPS 180-4 §4.2.3), K[t] in both lanes
            {
                let k := add(s, 0x100)
                mstore(k, 0x0000000000000000428a2f98d728ae220000000000000000428a2f98d728ae22)
                mstore(add(k, 0x20), 0x00000000000000007137449123ef65cd00000000000000007137449123ef65cd)
                mstore(add(k, 0x40), 0x0000000000000000b5c0fbcfec4d3b2f0000000000000000b5c0fbcfec4d3b2f)
                mstore(add(k, 0x60), 0x0000000000000000e9b5dba58189dbbc0000000000000000e9b5dba58189dbbc)
                mstore(add(k, 0x80), 0x00000000000000003956c25bf348b53800000000000000003956c25bf348b538)
                mstore(add(k, 0xa0), 0x000000000000000059f111f1b605d019000000000000000059f111f1b605d019)
                mstore(add(k, 0xc0), 0x0000000000000000923f82a4af194f9b0000000000000000923f82a4af194f9b)
                mstore(add(k, 0xe0), 0x0000000000000000ab1c5ed5da6d81180000000000000000ab1c5ed5da6d8118)
                mstore(add(k, 0x100), 0x0000000000000000d807aa98a30302420000000000000000d807aa98a3030242)
                mstore(add(k, 0x120), 0x000000000000000012835b0145706fbe000000000000000012835b0145706fbe)
                mstore(add(k, 0x140), 0x0000000000000000243185be4ee4b28c0000000000000000243185be4ee4b28c)
                mstore(add(k, 0x160), 0x0000000000000000550c7dc3d5ffb4e20000000000000000550c7dc3d5ffb4e2)
                mstore(add(k, 0x180), 0x000000000000000072be5d74f27b896f000000000000000072be5d74f27b896f)
                mstore(add(k, 0x1a0), 0x000000000000000080deb1fe3b1696b1000000000000000080deb1fe3b1696b1)
                mstore(add(k, 0x1c0), 0x00000000000000009bdc06a725c7123500000000000000009bdc06a725c71235)
                mstore(add(k, 0x1e0), 0x0000000000000000c19bf174cf6926940000000000000000c19bf174cf692694)
                mstore(add(k, 0x200), 0x0000000000000000e49b69c19ef14ad20000000000000000e49b69c19ef14ad2)
                mstore(add(k, 0x220), 0x0000000000000000efbe4786384f25e30000000000000000efbe4786384f25e3)
                mstore(add(k, 0x240), 0x00000000000000000fc19dc68b8cd5b500000000000000000fc19dc68b8cd5b5)
                mstore(add(k, 0x260), 0x0000000000000000240ca1cc77ac9c650000000000000000240ca1cc77ac9c65)
                mstore(add(k, 0x280), 0x00000000000000002de92c6f592b027500000000000000002de92c6f592b0275)
                mstore(add(k, 0x2a0), 0x00000000000000004a7484aa6ea6e48300000000000000004a7484aa6ea6e483)
                mstore(add(k, 0x2c0), 0x00000000000000005cb0a9dcbd41fbd400000000000000005cb0a9dcbd41fbd4)
                mstore(add(k, 0x2e0), 0x000000000000000076f988da831153b5000000000000000076f988da831153b5)
                mstore(add(k, 0x300), 0x0000000000000000983e5152ee66dfab0000000000000000983e5152ee66dfab)
                mstore(add(k, 0x320), 0x0000000000000000a831c66d2db432100000000000000000a831c66d2db43210)
                mstore(add(k, 0x340), 0x0000000000000000b00327c898fb213f0000000000000000b00327c898fb213f)
                mstore(add(k, 0x360), 0x0000000000000000bf597fc7beef0ee40000000000000000bf597fc7beef0ee4)
                mstore(add(k, 0x380), 0x0000000000000000c6e00bf33da88fc20000000000000000c6e00bf33da88fc2)
                mstore(add(k, 0x3a0), 0x0000000000000000d5a79147930aa7250000000000000000d5a79147930aa725)
                mstore(add(k, 0x3c0), 0x000000000000000006ca6351e003826f000000000000000006ca6351e003826f)
                mstore(add(k, 0x3e0), 0x0000000000000000142929670a0e6e700000000000000000142929670a0e6e70)
                mstore(add(k, 0x400), 0x000000000000000027b70a8546d22ffc000000000000000027b70a8546d22ffc)
                mstore(add(k, 0x420), 0x00000000000000002e1b21385c26c92600000000000000002e1b21385c26c926)
                mstore(add(k, 0x440), 0x00000000000000004d2c6dfc5ac42aed00000000000000004d2c6dfc5ac42aed)
                mstore(add(k, 0x460), 0x000000000000000053380d139d95b3df000000000000000053380d139d95b3df)
                mstore(add(k, 0x480), 0x0000000000000000650a73548baf63de0000000000000000650a73548baf63de)
                mstore(add(k, 0x4a0), 0x0000000000000000766a0abb3c77b2a80000000000000000766a0abb3c77b2a8)
                mstore(add(k, 0x4c0), 0x000000000000000081c2c92e47edaee6000000000000000081c2c92e47edaee6)
                mstore(add(k, 0x4e0), 0x000000000000000092722c851482353b000000000000000092722c851482353b)
                mstore(add(k, 0x500), 0x0000000000000000a2bfe8a14cf103640000000000000000a2bfe8a14cf10364)
                mstore(add(k, 0x520), 0x0000000000000000a81a664bbc4230010000000000000000a81a664bbc423001)
                mstore(add(k, 0x540), 0x0000000000000000c24b8b70d0f897910000000000000000c24b8b70d0f89791)
                mstore(add(k, 0x560), 0x0000000000000000c76c51a30654be300000000000000000c76c51a30654be30)
                mstore(add(k, 0x580), 0x0000000000000000d192e819d6ef52180000000000000000d192e819d6ef5218)
                mstore(add(k, 0x5a0), 0x0000000000000000d69906245565a9100000000000000000d69906245565a910)
                mstore(add(k, 0x5c0), 0x0000000000000000f40e35855771202a0000000000000000f40e35855771202a)
                mstore(add(k, 0x5e0), 0x0000000000000000106aa07032bbd1b80000000000000000106aa07032bbd1b8)
                mstore(add(k, 0x600), 0x000000000000000019a4c116b8d2d0c8000000000000000019a4c116b8d2d0c8)
                mstore(add(k, 0x620), 0x00000000000000001e376c085141ab5300000000000000001e376c085141ab53)
                mstore(add(k, 0x640), 0x00000000000000002748774cdf8eeb9900000000000000002748774cdf8eeb99)
                mstore(add(k, 0x660), 0x000000000000000034b0bcb5e19b48a8000000000000000034b0bcb5e19b48a8)
                mstore(add(k, 0x680), 0x0000000000000000391c0cb3c5c95a630000000000000000391c0cb3c5c95a63)
                mstore(add(k, 0x6a0), 0x00000000000000004ed8aa4ae3418acb00000000000000004ed8aa4ae3418acb)
                mstore(add(k, 0x6c0), 0x00000000000000005b9cca4f7763e37300000000000000005b9cca4f7763e373)
                mstore(add(k, 0x6e0), 0x0000000000000000682e6ff3d6b2b8a30000000000000000682e6ff3d6b2b8a3)
                mstore(add(k, 0x700), 0x0000000000000000748f82ee5defb2fc0000000000000000748f82ee5defb2fc)
                mstore(add(k, 0x720), 0x000000000000000078a5636f43172f60000000000000000078a5636f43172f60)
                mstore(add(k, 0x740), 0x000000000000000084c87814a1f0ab72000000000000000084c87814a1f0ab72)
                mstore(add(k, 0x760), 0x00000000000000008cc702081a6439ec00000000000000008cc702081a6439ec)
                mstore(add(k, 0x780), 0x000000000000000090befffa23631e28000000000000000090befffa23631e28)
                mstore(add(k, 0x7a0), 0x0000000000000000a4506cebde82bde90000000000000000a4506cebde82bde9)
                mstore(add(k, 0x7c0), 0x0000000000000000bef9a3f7b2c679150000000000000000bef9a3f7b2c67915)
                mstore(add(k, 0x7e0), 0x0000000000000000c67178f2e372532b0000000000000000c67178f2e372532b)
                mstore(add(k, 0x800), 0x0000000000000000ca273eceea26619c0000000000000000ca273eceea26619c)
                mstore(add(k, 0x820), 0x0000000000000000d186b8c721c0c2070000000000000000d186b8c721c0c207)
                mstore(add(k, 0x840), 0x0000000000000000eada7dd6cde0eb1e0000000000000000eada7dd6cde0eb1e)
                mstore(add(k, 0x860), 0x0000000000000000f57d4f7fee6ed1780000000000000000f57d4f7fee6ed178)
                mstore(add(k, 0x880), 0x000000000000000006f067aa72176fba000000000000000006f067aa72176fba)
                mstore(add(k, 0x8a0), 0x00000000000000000a637dc5a2c898a600000000000000000a637dc5a2c898a6)
                mstore(add(k, 0x8c0), 0x0000000000000000113f9804bef90dae0000000000000000113f9804bef90dae)
                mstore(add(k, 0x8e0), 0x00000000000000001b710b35131c471b00000000000000001b710b35131c471b)
                mstore(add(k, 0x900), 0x000000000000000028db77f523047d84000000000000000028db77f523047d84)
                mstore(add(k, 0x920), 0x000000000000000032caab7b40c72493000000000000000032caab7b40c72493)
                mstore(add(k, 0x940), 0x00000000000000003c9ebe0a15c9bebc00000000000000003c9ebe0a15c9bebc)
                mstore(add(k, 0x960), 0x0000000000000000431d67c49c100d4c0000000000000000431d67c49c100d4c)
                mstore(add(k, 0x980), 0x00000000000000004cc5d4becb3e42b600000000000000004cc5d4becb3e42b6)
                mstore(add(k, 0x9a0), 0x0000000000000000597f299cfc657e2a0000000000000000597f299cfc657e2a)
                mstore(add(k, 0x9c0), 0x00000000000000005fcb6fab3ad6faec00000000000000005fcb6fab3ad6faec)
                mstore(add(k, 0x9e0), 0x00000000000000006c44198c4a47581700000000000000006c44198c4a475817)
            }
            let w := add(s, 0xb00)
            let blk := add(w, 0xa00)
            {
                // both blocks: seed || C || 0x80 || zeros || bit length of seed || C (FIPS 180-4
                // §5.1.2); the counters are filled in below. The lengths are stored first: their
                // 32-byte stores also write zeros where the seed may reach.
                let seedLen := mload(seed)
                for { let i := 0 } lt(i, 0x100) { i := add(i, 0x20) } { mstore(add(blk, i), 0) }
                mstore(add(blk, 0x60), shl(3, add(seedLen, 4)))
                mstore(add(blk, 0xe0), shl(3, add(seedLen, 4)))
                mcopy(blk, add(seed, 0x20), seedLen)
                mcopy(add(blk, 0x80), add(seed, 0x20), seedLen)
                mstore8(add(blk, add(seedLen, 4)), 0x80)
                mstore8(add(blk, add(seedLen, 0x84)), 0x80)
                blk := add(blk, seedLen) // from here on: where A's counter goes
            }
            for { let i := 0 } lt(i, n) { i := add(i, 2) } {
                // C(i) into A, C(i + 1) into B
                mstore8(blk, shr(24, i))
                mstore8(add(blk, 1), shr(16, i))
                mstore8(add(blk, 2), shr(8, i))
                mstore8(add(blk, 3), i)
                let j := add(i, 1)
                mstore8(add(blk, 0x80), shr(24, j))
                mstore8(add(blk, 0x81), shr(16, j))
                mstore8(add(blk, 0x82), shr(8, j))
                mstore8(add(blk, 0x83), j)
                // SHA-384 initial hash value (FIPS 180-4 §5.3.4) in both lanes
                mstore(s, 0xcbbb9d5dc1059ed80000000000000000cbbb9d5dc1059ed8)
                mstore(add(s, 0x20), 0x629a292a367cd5070000000000000000629a292a367cd507)
                mstore(add(s, 0x40), 0x9159015a3070dd1700000000000000009159015a3070dd17)
                mstore(add(s, 0x60), 0x152fecd8f70e59390000000000000000152fecd8f70e5939)
                mstore(add(s, 0x80), 0x67332667ffc00b31000000000000000067332667ffc00b31)
                mstore(add(s, 0xa0), 0x8eb44a876858151100000000000000008eb44a8768581511)
                mstore(add(s, 0xc0), 0xdb0c2e0d64f98fa70000000000000000db0c2e0d64f98fa7)
                mstore(add(s, 0xe0), 0x47b5481dbefa4fa4000000000000000047b5481dbefa4fa4)
                compress2(w)
                // digest i = H2[0..5]'s high lanes, digest i + 1 their low lanes
                let o := add(add(mask, 0x20), mul(i, 48))
                mstore(o, or(or(shl(64, and(mload(s), not(mload(0x00)))), and(mload(add(s, 0x20)), not(mload(0x00)))), or(shr(64, and(mload(add(s, 0x40)), not(mload(0x00)))), shr(128, mload(add(s, 0x60))))))
                mstore(add(o, 0x20), or(shl(64, and(mload(add(s, 0x80)), not(mload(0x00)))), and(mload(add(s, 0xa0)), not(mload(0x00)))))
                mstore(add(o, 0x30), or(or(shl(192, mload(s)), shl(128, and(mload(add(s, 0x20)), mload(0x00)))), or(shl(64, and(mload(add(s, 0x40)), mload(0x00))), and(mload(add(s, 0x60)), mload(0x00)))))
                mstore(add(o, 0x50), or(shl(192, mload(add(s, 0x80))), shl(128, and(mload(add(s, 0xa0)), mload(0x00)))))
            }
            let end := add(add(mask, 0x20), len)
            mstore(end, 0)
            mstore(add(end, 0x20), 0)
            mstore(add(end, 0x40), 0)
            mstore(add(end, 0x60), 0)
            mstore(mask, len)
        }
    }
}

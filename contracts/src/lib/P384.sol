// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title P384
/// @notice ECDSA verification over NIST P-384 (secp384r1) for SEV-SNP attestation reports.
/// A 384-bit number is two words (h, l): value = h·2^256 + l with h < 2^128. Field products are
/// formed exactly (768 bits) and reduced by one MODEXP call with exponent 1 (500 gas under
/// EIP-7883); inverses are one MODEXP by p−2 or n−2 (Fermat), used three times per verification,
/// so no inversion happens inside the point arithmetic (Jacobian coordinates, a = −3).
library P384 {
    // Field prime p = 2^384 − 2^128 − 2^96 + 2^32 − 1 and group order n.
    uint256 internal constant PH = 0xffffffffffffffffffffffffffffffff;
    uint256 internal constant PL = 0xfffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff;
    uint256 internal constant NH = 0xffffffffffffffffffffffffffffffff;
    uint256 internal constant NL = 0xffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973;
    uint256 internal constant BH = 0xb3312fa7e23ee7e4988e056be3f82d19;
    uint256 internal constant BL = 0x181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef;
    uint256 internal constant GXH = 0xaa87ca22be8b05378eb1c71ef320ad74;
    uint256 internal constant GXL = 0x6e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7;
    uint256 internal constant GYH = 0x3617de4a96262c6f5d9e98bf9292dc29;
    uint256 internal constant GYL = 0xf8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f;

    // 2G and 3G (affine), for the window table.
    uint256 internal constant G2XH = 0x08d999057ba3d2d969260045c55b97f0;
    uint256 internal constant G2XL = 0x89025959a6f434d651d207d19fb96e9e4fe0e86ebe0e64f85b96a9c75295df61;
    uint256 internal constant G2YH = 0x8e80f1fa5b1b3cedb7bfe8dffd6dba74;
    uint256 internal constant G2YL = 0xb275d875bc6cc43e904e505f256ab4255ffd43e94d39e22d61501e700a940e80;
    uint256 internal constant G3XH = 0x077a41d4606ffa1464793c7e5fdc7d98;
    uint256 internal constant G3XL = 0xcb9d3910202dcd06bea4f240d3566da6b408bbae5026580d02d7e5c70500c831;
    uint256 internal constant G3YH = 0xc995f7ca0b0c42837d0bbe9602a9fc99;
    uint256 internal constant G3YL = 0x8520b41c85115aa5f7684c0edc111eacc24abd6be4b5d298b65f28600a2f1df1;

    /// @dev Scratch buffer for MODEXP: [len(base)=96][len(exp)][len(mod)=48][base 96][exp][mod 48].
    struct Ctx {
        uint256 buf; // memory address of the input
        uint256 out; // memory address of the 48-byte output
    }

    /// @notice Verifies an ECDSA P-384 signature (r, s) by public key (qx, qy) over a 48-byte
    /// digest (the SHA-384 of the signed bytes). All numbers are (high 128 bits, low 256 bits).
    /// Returns false, never reverts, for any invalid input.
    function verify(uint256[2] memory hash, uint256[2] memory r, uint256[2] memory s, uint256[2] memory qx, uint256[2] memory qy)
        internal
        view
        returns (bool)
    {
        uint256[6] memory R;
        bool ok;
        (ok, R) = step(hash, r, s, qx, qy, R, 384, 0);
        return ok && matches(R, r);
    }

    /// @notice One part of a verification split over transactions: runs the joint windows over
    /// bits [lo, hi) of u1 and u2, starting from the Jacobian accumulator R (the point at
    /// infinity, all zeros, when hi = 384), and returns the new accumulator. hi and lo are even,
    /// 384 ≥ hi > lo ≥ 0. ok is false for invalid inputs. After the part with lo = 0, matches()
    /// gives the verdict. The caller must keep R between parts where nobody can alter it.
    function step(
        uint256[2] memory hash,
        uint256[2] memory r,
        uint256[2] memory s,
        uint256[2] memory qx,
        uint256[2] memory qy,
        uint256[6] memory R,
        uint256 hi,
        uint256 lo
    ) internal view returns (bool ok, uint256[6] memory out) {
        if (hi > 384 || lo >= hi || hi % 2 != 0 || lo % 2 != 0) return (false, out);
        if (!_validInputs(r, s, qx, qy)) return (false, out);
        Ctx memory c = _ctx();
        if (!_onCurve(c, qx, qy)) return (false, out);
        uint256[4] memory u = _scalars(c, hash, r, s);
        (bool tok, uint256[64] memory table) = _table(c, qx, qy);
        if (!tok) return (false, out);
        out = [R[0], R[1], R[2], R[3], R[4], R[5]];
        _loop(c.buf, u, table, out, hi, lo);
        return (true, out);
    }

    function _validInputs(uint256[2] memory r, uint256[2] memory s, uint256[2] memory qx, uint256[2] memory qy)
        private
        pure
        returns (bool)
    {
        if (!_inRange(r, NH, NL) || !_inRange(s, NH, NL)) return false;
        if (!_lt(qx[0], qx[1], PH, PL) || !_lt(qy[0], qy[1], PH, PL) || qx[0] > PH || qy[0] > PH) return false;
        return !_eq(qx[0], qx[1], GXH, GXL); // Q = ±G: not a key anyone uses
    }

    /// @dev u1 = z·s^-1, u2 = r·s^-1 (mod n), as [u1h, u1l, u2h, u2l].
    function _scalars(Ctx memory c, uint256[2] memory hash, uint256[2] memory r, uint256[2] memory s)
        private
        view
        returns (uint256[4] memory u)
    {
        (uint256 wh, uint256 wl) = _modexp(c, s[0], s[1], NH, NL - 2, NH, NL);
        (u[0], u[1]) = _mulmod(c, hash[0], hash[1], wh, wl, NH, NL);
        (u[2], u[3]) = _mulmod(c, r[0], r[1], wh, wl, NH, NL);
    }

    /// @notice Whether the final accumulator R = u1·G + u2·Q has x ≡ r (mod n).
    function matches(uint256[6] memory R, uint256[2] memory r) internal view returns (bool) {
        Ctx memory c = _ctx();
        uint256[6] memory A = [R[0], R[1], R[2], R[3], R[4], R[5]];
        if (!_toAffine(c, A)) return false;
        // x mod n == r; x < p < 2n, so one subtraction at most.
        (uint256 xh, uint256 xl) = (A[0], A[1]);
        if (!_lt(xh, xl, NH, NL)) (xh, xl) = _sub(xh, xl, NH, NL);
        return xh == r[0] && xl == r[1];
    }

    /// @dev u1·G + u2·Q by Shamir's trick with joint 2-bit windows: a table of the 15 affine
    /// points i·G + j·Q (0 ≤ i, j ≤ 3, not both 0), then per window two doublings and at most one
    /// mixed addition. The loop runs in Yul on field elements kept in memory (see _loop).
    function _table(Ctx memory c, uint256[2] memory qx, uint256[2] memory qy)
        private
        view
        returns (bool ok, uint256[64] memory table)
    {
        // table[idx] for idx = i + 4j holds (x, y) of i·G + j·Q, 4 words each; entry 0 unused.
        _put(table, 1, [GXH, GXL, GYH, GYL]);
        _put(table, 2, [G2XH, G2XL, G2YH, G2YL]);
        _put(table, 3, [G3XH, G3XL, G3YH, G3YL]);
        _put(table, 4, [qx[0], qx[1], qy[0], qy[1]]);
        // 2Q and 3Q, then every i·G + j·Q for i, j ≥ 1, normalised together.
        uint256[6][] memory pts = new uint256[6][](2);
        pts[0] = [qx[0], qx[1], qy[0], qy[1], 0, 1];
        _double(c, pts[0]);
        pts[1] = [pts[0][0], pts[0][1], pts[0][2], pts[0][3], pts[0][4], pts[0][5]];
        _addAffine(c, pts[1], qx[0], qx[1], qy[0], qy[1]);
        if (!_batchAffine(c, pts)) return (false, table); // only for degenerate Q
        _put(table, 8, [pts[0][0], pts[0][1], pts[0][2], pts[0][3]]);
        _put(table, 12, [pts[1][0], pts[1][1], pts[1][2], pts[1][3]]);
        pts = new uint256[6][](9);
        for (uint256 j = 1; j <= 3; j++) {
            for (uint256 i = 1; i <= 3; i++) {
                uint256 k = (j - 1) * 3 + (i - 1);
                uint256 q = 4 * j * 4; // word offset of j·Q
                pts[k] = [table[q], table[q + 1], table[q + 2], table[q + 3], 0, 1];
                uint256 g = i * 4; // word offset of i·G
                _addAffine(c, pts[k], table[g], table[g + 1], table[g + 2], table[g + 3]);
            }
        }
        if (!_batchAffine(c, pts)) return (false, table); // some i·G + j·Q at infinity
        for (uint256 j = 1; j <= 3; j++) {
            for (uint256 i = 1; i <= 3; i++) {
                uint256[6] memory pt = pts[(j - 1) * 3 + (i - 1)];
                _put(table, i + 4 * j, [pt[0], pt[1], pt[2], pt[3]]);
            }
        }
        ok = true;
    }

    function _put(uint256[64] memory table, uint256 idx, uint256[4] memory v) private pure {
        for (uint256 k = 0; k < 4; k++) {
            table[idx * 4 + k] = v[k];
        }
    }

    /// @dev Converts Jacobian points to affine with one inversion (Montgomery's trick); false if
    /// any is the point at infinity.
    function _batchAffine(Ctx memory c, uint256[6][] memory pts) private view returns (bool) {
        uint256 n = pts.length;
        uint256[2][] memory prefix = new uint256[2][](n);
        uint256 ah = 0;
        uint256 al = 1;
        for (uint256 k = 0; k < n; k++) {
            if (pts[k][4] == 0 && pts[k][5] == 0) return false;
            (ah, al) = _mulP(c, ah, al, pts[k][4], pts[k][5]);
            prefix[k] = [ah, al];
        }
        uint256[2] memory inv;
        (inv[0], inv[1]) = _modexp(c, ah, al, PH, PL - 2, PH, PL); // (Z0·…·Zn−1)^−1
        for (uint256 k = n; k > 0;) {
            unchecked {
                --k;
            }
            // zinv_k = inv · prefix[k−1]; then inv ·= Z_k
            uint256[2] memory zinv = inv;
            if (k > 0) {
                zinv = [uint256(0), 0];
                (zinv[0], zinv[1]) = _mulP(c, inv[0], inv[1], prefix[k - 1][0], prefix[k - 1][1]);
            }
            (uint256 nh, uint256 nl) = _mulP(c, inv[0], inv[1], pts[k][4], pts[k][5]);
            _scale(c, pts[k], zinv);
            inv = [nh, nl];
        }
        return true;
    }

    /// @dev (X, Y, Z) -> (X·zinv², Y·zinv³, 1).
    function _scale(Ctx memory c, uint256[6] memory P, uint256[2] memory zinv) private view {
        (uint256 z2h, uint256 z2l) = _mulP(c, zinv[0], zinv[1], zinv[0], zinv[1]);
        (P[0], P[1]) = _mulP(c, P[0], P[1], z2h, z2l);
        (z2h, z2l) = _mulP(c, z2h, z2l, zinv[0], zinv[1]);
        (P[2], P[3]) = _mulP(c, P[2], P[3], z2h, z2l);
        P[4] = 0;
        P[5] = 1;
    }

    /// @dev The double-and-add loop in Yul. Field elements are two words (h, l) in memory;
    /// products go through MODEXP with exponent 1 and modulus p, whose input header and modulus
    /// are written once. Formulas: dbl-2001-b (a = −3) and madd-2007-bl.
    function _loop(uint256 buf, uint256[4] memory u, uint256[64] memory table, uint256[6] memory R, uint256 fromBit, uint256 toBit)
        private
        view
    {
        assembly ("memory-safe") {
            // ---- field arithmetic mod p on (h, l) pairs stored at memory addresses ----
            function fmul(b, d, x, y) {
                let ah := mload(x)
                let al := mload(add(x, 32))
                let bh := mload(y)
                let bl := mload(add(y, 32))
                let mm := mulmod(al, bl, not(0))
                let lo := mul(al, bl)
                let r1 := sub(sub(mm, lo), lt(mm, lo))
                mstore(add(b, 160), lo)
                mm := mulmod(ah, bl, not(0))
                lo := mul(ah, bl)
                let r2 := sub(sub(mm, lo), lt(mm, lo))
                r1 := add(r1, lo)
                r2 := add(r2, lt(r1, lo))
                mm := mulmod(al, bh, not(0))
                lo := mul(al, bh)
                r2 := add(r2, sub(sub(mm, lo), lt(mm, lo)))
                r1 := add(r1, lo)
                r2 := add(add(r2, lt(r1, lo)), mul(ah, bh))
                mstore(add(b, 96), r2)
                mstore(add(b, 128), r1)
                if iszero(staticcall(gas(), 0x05, b, 241, add(b, 256), 48)) { revert(0, 0) }
                mstore(d, shr(128, mload(add(b, 256))))
                mstore(add(d, 32), mload(add(b, 272)))
            }
            function fadd(d, x, y) {
                let al := mload(add(x, 32))
                let l := add(al, mload(add(y, 32)))
                let h := add(add(mload(x), mload(y)), lt(l, al))
                if or(gt(h, 0xffffffffffffffffffffffffffffffff), and(eq(h, 0xffffffffffffffffffffffffffffffff), iszero(lt(l, 0xfffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff)))) {
                    h := sub(sub(h, 0xffffffffffffffffffffffffffffffff), lt(l, 0xfffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff))
                    l := sub(l, 0xfffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff)
                }
                mstore(d, h)
                mstore(add(d, 32), l)
            }
            function fsub(d, x, y) {
                let ah := mload(x)
                let al := mload(add(x, 32))
                let bh := mload(y)
                let bl := mload(add(y, 32))
                if or(lt(ah, bh), and(eq(ah, bh), lt(al, bl))) {
                    // a + p first (< 2^385 fits in (h, l) with h < 2^129)
                    let t := add(al, 0xfffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff)
                    ah := add(add(ah, 0xffffffffffffffffffffffffffffffff), lt(t, al))
                    al := t
                }
                mstore(d, sub(sub(ah, bh), lt(al, bl)))
                mstore(add(d, 32), sub(al, bl))
            }
            function isZero(x) -> z { z := iszero(or(mload(x), mload(add(x, 32)))) }
            function copy2(d, x) {
                mstore(d, mload(x))
                mstore(add(d, 32), mload(add(x, 32)))
            }

            // Registers: R at r (X r, Y r+64, Z r+128); temporaries t0..t7, 64 bytes each.
            function dbl(b, r, t) {
                if isZero(add(r, 128)) { leave }
                let delta := t
                let gamma := add(t, 64)
                let beta := add(t, 128)
                let alpha := add(t, 192)
                let s := add(t, 256)
                let s2 := add(t, 320)
                fmul(b, delta, add(r, 128), add(r, 128))
                fmul(b, gamma, add(r, 64), add(r, 64))
                fmul(b, beta, r, gamma)
                fsub(s, r, delta)
                fadd(s2, r, delta)
                fmul(b, alpha, s, s2)
                fadd(s, alpha, alpha)
                fadd(alpha, s, alpha) // alpha = 3(X − delta)(X + delta)
                // Z3 = (Y + Z)² − gamma − delta
                fadd(s, add(r, 64), add(r, 128))
                fmul(b, s, s, s)
                fsub(s, s, gamma)
                fsub(add(r, 128), s, delta)
                // X3 = alpha² − 8·beta
                fadd(beta, beta, beta)
                fadd(beta, beta, beta) // 4·beta
                fmul(b, s, alpha, alpha)
                fadd(s2, beta, beta)
                fsub(r, s, s2)
                // Y3 = alpha·(4·beta − X3) − 8·gamma²
                fsub(s, beta, r)
                fmul(b, s, alpha, s)
                fmul(b, s2, gamma, gamma)
                fadd(s2, s2, s2)
                fadd(s2, s2, s2)
                fadd(s2, s2, s2)
                fsub(add(r, 64), s, s2)
            }
            // R += (x, y) affine at q (x q, y q+64).
            function madd(b, r, q, t) {
                if isZero(add(r, 128)) {
                    copy2(r, q)
                    copy2(add(r, 64), add(q, 64))
                    mstore(add(r, 128), 0)
                    mstore(add(r, 160), 1)
                    leave
                }
                let zz := t
                let h := add(t, 64)
                let rr := add(t, 128)
                let hh := add(t, 192)
                let i := add(t, 256)
                let j := add(t, 320)
                let v := add(t, 384)
                let s := add(t, 448)
                fmul(b, zz, add(r, 128), add(r, 128)) // Z1²
                fmul(b, h, q, zz) // U2
                fsub(h, h, r) // H = U2 − X1
                fmul(b, rr, add(r, 128), zz) // Z1³
                fmul(b, rr, add(q, 64), rr) // S2
                fsub(rr, rr, add(r, 64))
                fadd(rr, rr, rr) // r = 2(S2 − Y1)
                if isZero(h) {
                    switch isZero(rr)
                    case 1 {
                        copy2(r, q)
                        copy2(add(r, 64), add(q, 64))
                        mstore(add(r, 128), 0)
                        mstore(add(r, 160), 1)
                        dbl(b, r, t)
                    }
                    default {
                        mstore(add(r, 128), 0)
                        mstore(add(r, 160), 0)
                    }
                    leave
                }
                fmul(b, hh, h, h) // HH
                // Z3 = (Z1 + H)² − Z1² − HH
                fadd(s, add(r, 128), h)
                fmul(b, s, s, s)
                fsub(s, s, zz)
                fsub(add(r, 128), s, hh)
                fadd(i, hh, hh)
                fadd(i, i, i) // I = 4·HH
                fmul(b, j, h, i) // J = H·I
                fmul(b, v, r, i) // V = X1·I
                // X3 = r² − J − 2V
                fmul(b, s, rr, rr)
                fsub(s, s, j)
                fsub(s, s, v)
                fsub(r, s, v)
                // Y3 = r(V − X3) − 2·Y1·J
                fsub(s, v, r)
                fmul(b, s, rr, s)
                fmul(b, zz, add(r, 64), j) // zz reused: Y1·J
                fadd(zz, zz, zz)
                fsub(add(r, 64), s, zz)
            }

            // Scratch: t (8 pairs = 512 bytes) and a private R copy, after the free pointer.
            let t := mload(0x40)
            let racc := add(t, 512)
            // MODEXP header and modulus p, once.
            mstore(buf, 96)
            mstore(add(buf, 32), 1)
            mstore(add(buf, 64), 48)
            mstore8(add(buf, 192), 1)
            mstore(add(buf, 193), shl(128, 0xffffffffffffffffffffffffffffffff))
            mstore(add(buf, 209), 0xfffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff)
            // the accumulator starts from R
            for { let k := 0 } lt(k, 192) { k := add(k, 32) } { mstore(add(racc, k), mload(add(R, k))) }
            // 192 windows of 2 bits, most significant first; bit pairs never straddle the
            // 256-bit limb boundary because it is even.
            for { let i := fromBit } gt(i, toBit) {} {
                i := sub(i, 2)
                dbl(buf, racc, t)
                dbl(buf, racc, t)
                // bits (i+1, i) of u1 and u2: words u1l at u+32, u1h at u, u2l at u+96, u2h at u+64
                let idx := 0
                switch lt(i, 256)
                case 1 { idx := or(and(shr(i, mload(add(u, 32))), 3), shl(2, and(shr(i, mload(add(u, 96))), 3))) }
                default {
                    let j := sub(i, 256)
                    idx := or(and(shr(j, mload(u)), 3), shl(2, and(shr(j, mload(add(u, 64))), 3)))
                }
                // i·G + j·Q is at table[idx]
                if idx { madd(buf, racc, add(table, mul(idx, 128)), t) }
            }
            for { let k := 0 } lt(k, 192) { k := add(k, 32) } { mstore(add(R, k), mload(add(racc, k))) }
        }
    }

    // ---- 384-bit integers -------------------------------------------------------------

    function _lt(uint256 ah, uint256 al, uint256 bh, uint256 bl) private pure returns (bool) {
        return ah < bh || (ah == bh && al < bl);
    }

    function _eq(uint256 ah, uint256 al, uint256 bh, uint256 bl) private pure returns (bool) {
        return ah == bh && al == bl;
    }

    function _inRange(uint256[2] memory x, uint256 mh, uint256 ml) private pure returns (bool) {
        return (x[0] != 0 || x[1] != 0) && x[0] <= type(uint128).max && _lt(x[0], x[1], mh, ml);
    }

    function _bit(uint256 h, uint256 l, uint256 i) private pure returns (uint256) {
        return i >= 256 ? (h >> (i - 256)) & 1 : (l >> i) & 1;
    }

    /// @dev a − b for a ≥ b.
    function _sub(uint256 ah, uint256 al, uint256 bh, uint256 bl) private pure returns (uint256 h, uint256 l) {
        unchecked {
            l = al - bl;
            h = ah - bh - (al < bl ? 1 : 0);
        }
    }

    // ---- field arithmetic mod p ---------------------------------------------------------

    function _addP(uint256 ah, uint256 al, uint256 bh, uint256 bl) private pure returns (uint256 h, uint256 l) {
        unchecked {
            l = al + bl;
            h = ah + bh + (l < al ? 1 : 0);
        }
        if (!_lt(h, l, PH, PL)) (h, l) = _sub(h, l, PH, PL);
    }

    function _subP(uint256 ah, uint256 al, uint256 bh, uint256 bl) private pure returns (uint256 h, uint256 l) {
        if (_lt(ah, al, bh, bl)) {
            unchecked {
                // a + p − b: add p first (fits: < 2^385)
                uint256 tl = al + PL;
                uint256 th = ah + PH + (tl < al ? 1 : 0);
                return _sub(th, tl, bh, bl);
            }
        }
        return _sub(ah, al, bh, bl);
    }

    function _ctx() private pure returns (Ctx memory c) {
        uint256 buf;
        assembly ("memory-safe") {
            buf := mload(0x40)
            mstore(0x40, add(buf, 320))
        }
        c.buf = buf;
        c.out = buf + 256;
    }

    /// @dev (a·b) mod m through MODEXP(base = a·b as 96 bytes, exponent 1, modulus m).
    function _mulmod(Ctx memory c, uint256 ah, uint256 al, uint256 bh, uint256 bl, uint256 mh, uint256 ml)
        private
        view
        returns (uint256 h, uint256 l)
    {
        uint256 buf = c.buf;
        assembly ("memory-safe") {
            mstore(buf, 96)
            mstore(add(buf, 32), 1)
            mstore(add(buf, 64), 48)
            // modulus first (the product words below overwrite nothing of it)
            mstore8(add(buf, 192), 1)
            mstore(add(buf, 193), shl(128, mh))
            mstore(add(buf, 209), ml)
            // a·b = ah·bh·2^512 + (ah·bl + al·bh)·2^256 + al·bl, as words r2 r1 r0.
            // 512-bit product of two words: lo = x·y, hi via mulmod by 2^256 − 1.
            let mm := mulmod(al, bl, not(0))
            let lo := mul(al, bl)
            let r1 := sub(sub(mm, lo), lt(mm, lo))
            mstore(add(buf, 160), lo) // r0
            mm := mulmod(ah, bl, not(0))
            lo := mul(ah, bl)
            let r2 := sub(sub(mm, lo), lt(mm, lo))
            r1 := add(r1, lo)
            r2 := add(r2, lt(r1, lo))
            mm := mulmod(al, bh, not(0))
            lo := mul(al, bh)
            r2 := add(r2, sub(sub(mm, lo), lt(mm, lo)))
            r1 := add(r1, lo)
            r2 := add(r2, lt(r1, lo))
            r2 := add(r2, mul(ah, bh))
            mstore(add(buf, 96), r2)
            mstore(add(buf, 128), r1)
            let out := add(buf, 256)
            if iszero(staticcall(gas(), 0x05, buf, 241, out, 48)) { revert(0, 0) }
            h := shr(128, mload(out))
            l := mload(add(out, 16))
        }
    }

    /// @dev base^exp mod m (exp a 384-bit number), for Fermat inverses.
    function _modexp(Ctx memory c, uint256 bh, uint256 bl, uint256 eh, uint256 el, uint256 mh, uint256 ml)
        private
        view
        returns (uint256 h, uint256 l)
    {
        uint256 buf = c.buf;
        uint256 out = c.out;
        assembly ("memory-safe") {
            mstore(buf, 48)
            mstore(add(buf, 32), 48)
            mstore(add(buf, 64), 48)
            mstore(add(buf, 96), shl(128, bh))
            mstore(add(buf, 112), bl)
            mstore(add(buf, 144), shl(128, eh))
            mstore(add(buf, 160), el)
            mstore(add(buf, 192), shl(128, mh))
            mstore(add(buf, 208), ml)
            if iszero(staticcall(gas(), 0x05, buf, 240, out, 48)) { revert(0, 0) }
            h := shr(128, mload(out))
            l := mload(add(out, 16))
        }
    }

    function _mulP(Ctx memory c, uint256 ah, uint256 al, uint256 bh, uint256 bl) private view returns (uint256, uint256) {
        return _mulmod(c, ah, al, bh, bl, PH, PL);
    }

    function _onCurve(Ctx memory c, uint256[2] memory x, uint256[2] memory y) private view returns (bool) {
        (uint256 y2h, uint256 y2l) = _mulP(c, y[0], y[1], y[0], y[1]);
        (uint256 x2h, uint256 x2l) = _mulP(c, x[0], x[1], x[0], x[1]);
        (uint256 x3h, uint256 x3l) = _mulP(c, x2h, x2l, x[0], x[1]);
        (uint256 t3h, uint256 t3l) = _addP(x[0], x[1], x[0], x[1]);
        (t3h, t3l) = _addP(t3h, t3l, x[0], x[1]); // 3x
        (uint256 rh, uint256 rl) = _subP(x3h, x3l, t3h, t3l);
        (rh, rl) = _addP(rh, rl, BH, BL); // x^3 − 3x + b
        return rh == y2h && rl == y2l;
    }

    // ---- points (Jacobian, a = −3) -------------------------------------------------------

    /// @dev P = 2P ("dbl-2001-b"). Temporaries live in t to keep the stack shallow:
    /// [0,1] delta = Z², [2,3] gamma = Y², [4,5] beta = X·gamma, [6,7] alpha, [8,9] 4·beta.
    function _double(Ctx memory c, uint256[6] memory P) private view {
        if (P[4] == 0 && P[5] == 0) return;
        uint256[10] memory t;
        (t[0], t[1]) = _mulP(c, P[4], P[5], P[4], P[5]);
        (t[2], t[3]) = _mulP(c, P[2], P[3], P[2], P[3]);
        (t[4], t[5]) = _mulP(c, P[0], P[1], t[2], t[3]);
        {
            (uint256 mh, uint256 ml) = _subP(P[0], P[1], t[0], t[1]);
            (uint256 ph, uint256 pl) = _addP(P[0], P[1], t[0], t[1]);
            (mh, ml) = _mulP(c, mh, ml, ph, pl);
            (ph, pl) = _addP(mh, ml, mh, ml);
            (t[6], t[7]) = _addP(ph, pl, mh, ml); // alpha = 3(X − delta)(X + delta)
        }
        {
            // Z3 = (Y + Z)² − gamma − delta
            (uint256 sh, uint256 sl) = _addP(P[2], P[3], P[4], P[5]);
            (sh, sl) = _mulP(c, sh, sl, sh, sl);
            (sh, sl) = _subP(sh, sl, t[2], t[3]);
            (P[4], P[5]) = _subP(sh, sl, t[0], t[1]);
        }
        (t[8], t[9]) = _addP(t[4], t[5], t[4], t[5]);
        (t[8], t[9]) = _addP(t[8], t[9], t[8], t[9]); // 4·beta
        {
            // X3 = alpha² − 8·beta
            (uint256 xh, uint256 xl) = _mulP(c, t[6], t[7], t[6], t[7]);
            (uint256 bh, uint256 bl) = _addP(t[8], t[9], t[8], t[9]);
            (P[0], P[1]) = _subP(xh, xl, bh, bl);
        }
        // Y3 = alpha·(4·beta − X3) − 8·gamma²
        (uint256 th, uint256 tl) = _subP(t[8], t[9], P[0], P[1]);
        (th, tl) = _mulP(c, t[6], t[7], th, tl);
        (uint256 gh, uint256 gl) = _mulP(c, t[2], t[3], t[2], t[3]);
        (gh, gl) = _addP(gh, gl, gh, gl);
        (gh, gl) = _addP(gh, gl, gh, gl);
        (gh, gl) = _addP(gh, gl, gh, gl); // 8·gamma²
        (P[2], P[3]) = _subP(th, tl, gh, gl);
    }

    /// @dev P = P + (x2, y2) with (x2, y2) affine ("madd-2007-bl").
    function _addAffine(Ctx memory c, uint256[6] memory P, uint256 x2h, uint256 x2l, uint256 y2h, uint256 y2l) private view {
        if (P[4] == 0 && P[5] == 0) {
            _setAffine(P, x2h, x2l, y2h, y2l);
            return;
        }
        // t: [0,1] Z1², [2,3] H, [4,5] r, [6,7] HH, [8,9] I, [10,11] J, [12,13] V
        uint256[14] memory t;
        (t[0], t[1]) = _mulP(c, P[4], P[5], P[4], P[5]); // Z1²
        (t[2], t[3]) = _mulP(c, x2h, x2l, t[0], t[1]); // U2
        (t[2], t[3]) = _subP(t[2], t[3], P[0], P[1]); // H = U2 − X1
        (t[4], t[5]) = _mulP(c, P[4], P[5], t[0], t[1]); // Z1³
        (t[4], t[5]) = _mulP(c, y2h, y2l, t[4], t[5]); // S2
        (t[4], t[5]) = _subP(t[4], t[5], P[2], P[3]);
        (t[4], t[5]) = _addP(t[4], t[5], t[4], t[5]); // r = 2(S2 − Y1)
        if (t[2] == 0 && t[3] == 0) {
            if (t[4] == 0 && t[5] == 0) {
                _setAffine(P, x2h, x2l, y2h, y2l);
                _double(c, P);
            } else {
                (P[4], P[5]) = (0, 0); // P = −Q: infinity
            }
            return;
        }
        _addAffineTail(c, P, t);
    }

    function _setAffine(uint256[6] memory P, uint256 xh, uint256 xl, uint256 yh, uint256 yl) private pure {
        P[0] = xh;
        P[1] = xl;
        P[2] = yh;
        P[3] = yl;
        P[4] = 0;
        P[5] = 1;
    }

    function _addAffineTail(Ctx memory c, uint256[6] memory P, uint256[14] memory t) private view {
        (t[6], t[7]) = _mulP(c, t[2], t[3], t[2], t[3]); // HH
        // Z3 = (Z1 + H)² − Z1² − HH
        (uint256 zh, uint256 zl) = _addP(P[4], P[5], t[2], t[3]);
        (zh, zl) = _mulP(c, zh, zl, zh, zl);
        (zh, zl) = _subP(zh, zl, t[0], t[1]);
        (P[4], P[5]) = _subP(zh, zl, t[6], t[7]);
        (t[8], t[9]) = _addP(t[6], t[7], t[6], t[7]);
        (t[8], t[9]) = _addP(t[8], t[9], t[8], t[9]); // I = 4·HH
        (t[10], t[11]) = _mulP(c, t[2], t[3], t[8], t[9]); // J = H·I
        (t[12], t[13]) = _mulP(c, P[0], P[1], t[8], t[9]); // V = X1·I
        // X3 = r² − J − 2V
        (uint256 xh, uint256 xl) = _mulP(c, t[4], t[5], t[4], t[5]);
        (xh, xl) = _subP(xh, xl, t[10], t[11]);
        (xh, xl) = _subP(xh, xl, t[12], t[13]);
        (xh, xl) = _subP(xh, xl, t[12], t[13]);
        // Y3 = r(V − X3) − 2·Y1·J
        (uint256 yh, uint256 yl) = _subP(t[12], t[13], xh, xl);
        (yh, yl) = _mulP(c, t[4], t[5], yh, yl);
        (uint256 sh, uint256 sl) = _mulP(c, P[2], P[3], t[10], t[11]);
        (sh, sl) = _addP(sh, sl, sh, sl);
        (P[2], P[3]) = _subP(yh, yl, sh, sl);
        (P[0], P[1]) = (xh, xl);
    }

    /// @dev Converts P to affine (x, y, 0, 1) with one Fermat inverse; false at infinity.
    function _toAffine(Ctx memory c, uint256[6] memory P) private view returns (bool) {
        if (P[4] == 0 && P[5] == 0) return false;
        (uint256 zh, uint256 zl) = _modexp(c, P[4], P[5], PH, PL - 2, PH, PL);
        (uint256 z2h, uint256 z2l) = _mulP(c, zh, zl, zh, zl);
        (uint256 z3h, uint256 z3l) = _mulP(c, z2h, z2l, zh, zl);
        (P[0], P[1]) = _mulP(c, P[0], P[1], z2h, z2l);
        (P[2], P[3]) = _mulP(c, P[2], P[3], z3h, z3l);
        (P[4], P[5]) = (0, 1);
        return true;
    }
}

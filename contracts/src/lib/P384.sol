// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title P384
/// @notice ECDSA verification over NIST P-384 (secp384r1) with SHA-384 digests, for AMD SEV-SNP
/// attestation reports (signed by the VCEK/VLEK P-384 key).
///
/// Numbers: a 384-bit number is `uint256[2] [hi, lo]`, value = hi·2^256 + lo with hi < 2^128
/// (i.e. the 48-byte big-endian encoding split after its first 16 bytes). The digest is passed
/// as the 48 SHA-384 bytes, either as (bytes32 first 32 bytes, bytes16 last 16 bytes), as a
/// 48-byte `bytes`, or already as [hi, lo].
///
/// `verify(..., Hints)`: all arithmetic in Yul without the MODEXP precompile. The
///   only inverse ECDSA needs, w = s^-1 mod n, comes as a hint checked with one multiplication
///   (s·w ≡ 1 mod n). The final affine x is never formed: with R = (X, Y, Z) Jacobian,
///   x = X/Z², so x ≡ r (mod n) is tested as X ≡ r·Z² or X ≡ (r + n)·Z² (mod p), the latter
///   only when r + n < p. Measured under Osaka (forge, contracts/test/lib/P384.t.sol):
///   4.13M–4.25M gas per verification (the real Milan report: 4,222,297), of which the 384
///   doublings are about 2.9M, the ~64 additions of Q multiples 0.7M, the ~48 of G multiples
///   0.4M, setup (curve check, Q table, wNAF recoding, scalars) about 0.2M.
/// `hintsFor(s)` computes the hint on-chain with one MODEXP (≈37k gas under EIP-7883) for
///   callers that cannot supply it.
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

    // =========================================================================================
    // Hinted verification (no MODEXP).
    // =========================================================================================

    /// @notice Values computed off-chain that make verification cheaper. Each is checked; a
    /// wrong hint makes verify return false, it can never make a bad signature pass.
    struct Hints {
        /// w = s^-1 mod n, as [hi, lo], 0 < w < n. verify checks s·w ≡ 1 (mod n).
        uint256[2] w;
    }

    /// @dev 2^384 − n: n is close to 2^384, so 2^384 ≡ NDELTA (mod n) folds products mod n.
    uint256 internal constant NDELTA = 0x389cb27e0bc8d220a7e5f24db74f58851313e695333ad68d;
    /// @dev p − n as a 384-bit number whose high word is 0: r + n < p iff r < P_MINUS_N.
    uint256 internal constant P_MINUS_N = 0x389cb27e0bc8d21fa7e5f24cb74f58851313e696333ad68c;

    /// @dev The odd multiples (2k+1)·G, k = 0..31 (1G, 3G, …, 63G), affine, each 128 bytes:
    /// x.hi, x.lo, y.hi, y.lo as 32-byte words (the wNAF-7 table for u1·G). Produced by Go's
    /// crypto/elliptic P384().ScalarBaseMult.
    bytes internal constant G_ODD_MULTIPLES = hex"00000000000000000000000000000000aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7000000000000000000000000000000003617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f00000000000000000000000000000000077a41d4606ffa1464793c7e5fdc7d98cb9d3910202dcd06bea4f240d3566da6b408bbae5026580d02d7e5c70500c83100000000000000000000000000000000c995f7ca0b0c42837d0bbe9602a9fc998520b41c85115aa5f7684c0edc111eacc24abd6be4b5d298b65f28600a2f1df10000000000000000000000000000000011de24a2c251c777573cac5ea025e467f208e51dbff98fc54f6661cbe56583b037882f4a1ca297e60abcdbc3836d84bc000000000000000000000000000000008fa696c77440f92d0f5837e90a00e7c5284b447754d5dee88c986533b6901aeb3177686d0ae8fb33184414abe6c1713a00000000000000000000000000000000283c1d7365ce4788f29f8ebf234edffead6fe997fbea5ffa2d58cc9dfa7b1c508b05526f55b9ebb2040f05b48fb6d0e1000000000000000000000000000000009475c99061e41b88ba52efdb8c1690471a61d867ed799729d9c92cd01dbd225630d84ede32a78f9e64664cdac512ef8c000000000000000000000000000000008f0a39a4049bcb3ef1bf29b8b025b78f2216f7291e6fd3bac6cb1ee285fb6e21c388528bfee2b9535c55e4461079118b0000000000000000000000000000000062c77e1438b601d6452c4a5322c3a9799a9b3d7ca3c400c6b7678854aed9b3029e743efedfd51b68262da4f9ac664af800000000000000000000000000000000099056e27da7b998da1eeec2904816c57fe935ed5837c37456c9fd14892d3f8c4749b66e3afb81d626356f3b55b4ddd8000000000000000000000000000000002e4c0c234e30ab96688505544ac5e0396fc4eed8dfc363fd43ff93f41b52a3255466d51263aaff357d5dba8138c5e0bb00000000000000000000000000000000a567ba97b67aea5bafdaf5002ffcc6ab9632bff9f01f873f6267bcd1f0f11c139ee5f441abd99f1baaf1ca1e3b5cbce700000000000000000000000000000000de1b38b3989f3318644e4147af164ecc5185595046932ec086329be057857d66776bcb8272218a7d6423a12736f429cc00000000000000000000000000000000b3d13fc8b32b01058cc15c11d813525522a94156fff01c205b21f9f7da7c4e9ca849557a10b6383b4b88701a9606860b00000000000000000000000000000000152919e7df9162a61b049b2536164b1beebac4a11d749af484d1114373dfbfd9838d24f8b284af50985d588d33f7bd62000000000000000000000000000000004099952208b4889600a5ebbcb13e1a32692befb0733b41e6dcc614e42e5805f817012a991af1f486caf3a9add9ffcc03000000000000000000000000000000005ecf94777833059839474594af603598163ad3f8008ad0cd9b797d277f2388b304da4d2faa9680ecfa650ef5e23b09a0000000000000000000000000000000008d481dab912bc8ab16858a211d750b77e07dbecca86cd9b012390b430467aabf59c8651060801c0e9599e68713f5d41b00000000000000000000000000000000a1592ff0121460857be99f2a60669050b2291b68a1039aa0594b32fd7adc0e8c11ffba5608004e646995b07e75e522450000000000000000000000000000000027935df4e25c6f47c7817121057d46e1606290985f8283f5f9936136bf42cdb746a37313df88fd64626b4c175eb7742200000000000000000000000000000000380a1a3b4898d4cd9ab1a3798d1e3524a4f2d4aec079c6b7585d9c4e6c615b532b6f8d9838ef0c139d5606eb10c69f84000000000000000000000000000000003cb647a5df014c23e741a4a8000d5eb822c0102fd4293a78a68749c30c7f9aa484a900a91f7c4ab51e555ebc684aac810000000000000000000000000000000028300479a8f88dd04966f85ebdc18cb46103c7b0218bc8377afbf0557ead636809be21f6414b9be279b65fea0d5a2b1400000000000000000000000000000000e4c6d5cb9183a6709ee9eb526794676207c4d76fab5ce0a3555746bd28fda97431a8a58b3dcb2ca446f41be83716be9a00000000000000000000000000000000a37245523aa57845c0027f165dd74ca95942e18d15922f206280b8afe5d6a5a209a957bbac49722cffaf54d7e6aac897000000000000000000000000000000009c5fa2c13f418e623c316d5a82c8b70508e3acaa2b4a8d3a4acb49c0d7ba04e220761bc15898e1b06b4eedfa23e2e54600000000000000000000000000000000f641de0cb075851a5afe81503cb7bf6194fdf1b7da9e59556f015651bd9218e30ef2c4b2213f519b529fb56479f4875200000000000000000000000000000000f1bc35f9656c6eead7b75810ce554ee56e0af4f41cbcde50fa46d04f4d4dfca2ad69e407f57b1e27977bb83b1eb1a373000000000000000000000000000000002458497a559bcdccf733c547c0f2b3dc8d7aec776d94fc70531f70960a30e8383ffe8f5147848a0e53e0d05ef28faf2900000000000000000000000000000000f2e6f06f0ea533e804fcfa12c087d446c73e3336394c98c59d3993124d374e62061fa485bd1b8a650c8361dba9eb28b9000000000000000000000000000000008f86e464c200bc46f9e442612fcffbd14a041a8651780d313fb0b9ac114251cd3e8802c6d2fc9ebf3152f5ba7852680c0000000000000000000000000000000038dbd58238c21bbca92758f2773bb6c955492715879f54bdaf246b3f70bec90d631eaed97add3fe2aefd7fec482c802a00000000000000000000000000000000828c26694df8188912a77e148373d30feff54a716511f5f17b86f2aba9bd9527d3145ea7abbf4370599a066726d333bb0000000000000000000000000000000077c12dceca498ff99b9863d46535a5abc3675bf4f728f3ac55a0270e5859145dc998b7fd7b3813ca29e4ae10ae1410ea00000000000000000000000000000000eee351bc34276d3ad302f0d0bd10269e396e7fb8964f430400487a48cee2b22cc20c5f0bbef2267335747e089cbeef77000000000000000000000000000000001221b1e1be96dfe8fdb4300af2deaadcd850ac1e45c8fcb941c36c0122a10654e56ba2d9cafcb4482a07272d05de389d0000000000000000000000000000000050b225fa8a5ed8381ad8460e2e216618059953dd8965d97db233124188d17ebb5f4f2a9231bf6723533ffb21939dd273000000000000000000000000000000009bc6b654362621678224c2dcc11702de31c65d0bd2d3642c35b72c15f264347c4983e9bc8a47b24d15ac797ea8f8fedb000000000000000000000000000000004482f093849864ec7147eed091efb368dba18218185770c722e5893043a248bf6ad799aed585d888c0979304abbcfcd4000000000000000000000000000000002ce37b2917ad0d5c411a5ed920a88b095185d456b279a18410d10234b609b8c7077b05ca6a94f76d10f3f39e87c7629300000000000000000000000000000000bf27e3e07ba0ebb9dabde6f484adc04fbab5b7b88f8035478208f6db859227bb4dda48b4fa5d1dfdcf8a7d7be2a7607e000000000000000000000000000000009c3adb9111fe252ca5a2ff485cf5a64f4de52ef9689a5eb5aba8ddfa4745a605aa49a4148fbebc6780dddc249a26a33d0000000000000000000000000000000083e8d95f813af4db50b9f80b22b4829a69dcb8452f0576634c69c4c0108a6a32dbae5b8175af7420344000dc47355061000000000000000000000000000000006ce3bf11431d1d9c3bce43bec4f4609eadd9c644fd8393e3258449c2e28cd17cb03d491de84ea016a5b68a56bbfef50f00000000000000000000000000000000c3325e274b23604e7c76075539542abd918800e37b4e4aa858d74fe2bc8777e08105da32421e5cfe36dde9917c570471000000000000000000000000000000001273f595eaba5df1a06f4ca5fa30e0bcc870bf64c76762c0e2a9530742a384f121e9e8ccc22e6b2cd5254db0689a30fe0000000000000000000000000000000062737fc8fe0818cba0db552ca682b49fa1afe32ae0ca83c213cce2421581486ca7147a032edfc8b0cbdaf9963d58f4ce00000000000000000000000000000000a6c36459d1243ff7f504f32fc1211afd7486cc53003ed182dd74d976a49117348828f5b191d03d1c9da43e8e5a0e8cf20000000000000000000000000000000058279fcdf96c71d91cebd105c28a71d00bd72553fa3365b422899f57821ad25b38a1bc0bc57b89f62e6ddb768c63b40a000000000000000000000000000000008bc6057da46fdafba86d2c9e23c2f5bc0b4a2a1247e8f2cc7126ed3b510b0341a618a8cc08d1b992ffe06fbae0068fb000000000000000000000000000000000fea19f27f6881a60fbf2a22fd1f1985d777fe7595994ae0d42fed20299ce970554c6d084dd6077f56cb597b8e22c2ce900000000000000000000000000000000a0e5cd10144167c592288353932cf40888e935bdd5f169ba8f41cbe07c3e20b6ff2ca2a90bdc08ac90903c9d776e9fa300000000000000000000000000000000120de79718d154feaa542f5c1e7ce4bed6396c943a16024ee7dbf0ae17f7fd0a0c9dcbea9d4197aafc5c555ade9e587e00000000000000000000000000000000a059cd75571b3507307d064e7750ab08f36d925a4f0112f5f22f519eeae1eb0130d0a0e2e2ee7c873bb25771ff2b4f850000000000000000000000000000000040f6ae62c5a75f70026d8cebfcdfc32efc311351556408ff0fa0147d878235aaa880c76b8849bcd5aec87aa569c8d6cc000000000000000000000000000000008654ddc7eb10d5a84f1cec9879cabece6c3eb8b272461fc778baa6599653227907fd3823a2b10416709d6a38b6ecb8bd000000000000000000000000000000003127066c11092e88830567af763ec9d0742599e648fd7ea47d1d13d1aa1c7e4088d6dbd5abb99b51b867bea8e357854900000000000000000000000000000000cc42cb6ad9f7161a4296f482176d1b0191e7691569202b98a2b93e41e5a75d8abbf7b15b29f59772ba77d70f99fe20b000000000000000000000000000000000bbd6bb6bad8516d391646e65069fa685ea4223f449e3895ec23168cdfb54deb9182916746338781dda74d5345e24d63f000000000000000000000000000000000a12151e620a81a2870b7900c1c476895f729644b4fa011fa92542dbf5872edcb5e5a6d1fb4071db5c24cc10bda2cc7500000000000000000000000000000000857c802960eaebb7e15002475bc0a80c4479d4c75bb1d9f1cf6593451a9a069884fb986767fb8c48a13e157ec5a3e83c00000000000000000000000000000000b32e89eb942aab112cae508f5164ca6cac334769de358b333c968cfbb83c8f7b941560583def5431afd574f7e008f8af00000000000000000000000000000000b1e3ae7166d9710324e2bf69603ffd5ba770fc48b73edc0679cddd7a0499009535daedff59e74a1ac81abe0944e11e2c";

    /// @notice Verifies an ECDSA P-384 signature (r, s) by public key (qx, qy) over the SHA-384
    /// digest hashHi ‖ hashLo (48 bytes, big-endian). Returns false, never reverts, on any
    /// invalid input or wrong hint.
    function verify(
        bytes32 hashHi,
        bytes16 hashLo,
        uint256[2] memory r,
        uint256[2] memory s,
        uint256[2] memory qx,
        uint256[2] memory qy,
        Hints memory hints
    ) internal pure returns (bool) {
        uint256[2] memory z = [uint256(hashHi) >> 128, (uint256(hashHi) << 128) | uint256(uint128(hashLo))];
        return verify(z, r, s, qx, qy, hints);
    }

    /// @notice As above with the digest as its 48 bytes (false for any other length).
    function verify(
        bytes memory digest,
        uint256[2] memory r,
        uint256[2] memory s,
        uint256[2] memory qx,
        uint256[2] memory qy,
        Hints memory hints
    ) internal pure returns (bool) {
        if (digest.length != 48) return false;
        uint256[2] memory z;
        assembly ("memory-safe") {
            mstore(z, shr(128, mload(add(digest, 0x20))))
            mstore(add(z, 0x20), mload(add(digest, 0x30)))
        }
        return verify(z, r, s, qx, qy, hints);
    }

    /// @notice As above with the digest as the number z = [hi, lo] (hi < 2^128).
    function verify(
        uint256[2] memory z,
        uint256[2] memory r,
        uint256[2] memory s,
        uint256[2] memory qx,
        uint256[2] memory qy,
        Hints memory hints
    ) internal pure returns (bool) {
        if (z[0] >> 128 != 0) return false;
        // 0 < r, s < n; the coordinates are field elements (the curve check is in _mulAndCheck).
        if (!_inRange(r, NH, NL) || !_inRange(s, NH, NL)) return false;
        if (!_lt(qx[0], qx[1], PH, PL) || !_lt(qy[0], qy[1], PH, PL)) return false;
        // The hint: 0 < w < n and s·w ≡ 1 (mod n). Then u1 = z·w, u2 = r·w (mod n).
        if (!_inRange(hints.w, NH, NL)) return false;
        (bool ok, uint256[4] memory u) = _scalarsHinted(z, r, s, hints.w);
        if (!ok) return false;
        bytes memory gTable = G_ODD_MULTIPLES;
        return _mulAndCheck(u, qx, qy, r, gTable);
    }

    /// @notice The hints for a signature with this s, computed on-chain with one MODEXP
    /// (Fermat: w = s^(n−2) mod n), for tests and eth_call; off-chain code computes the same
    /// w with any modular inverse (Go: new(big.Int).ModInverse(s, N)). Zero if s ≡ 0 (mod n).
    function hintsFor(uint256[2] memory s) internal view returns (Hints memory h) {
        Ctx memory c = _ctx();
        uint256 sh = s[0];
        uint256 sl = s[1];
        if (!_lt(sh, sl, NH, NL)) (sh, sl) = _sub(sh, sl, NH, NL);
        (h.w[0], h.w[1]) = _modexp(c, sh, sl, NH, NL - 2, NH, NL);
    }

    /// @dev Checks s·w ≡ 1 (mod n) and returns u = [u1.hi, u1.lo, u2.hi, u2.lo] with
    /// u1 = z·w mod n and u2 = r·w mod n. All inputs are < 2^384.
    ///
    /// Reduction mod n: n = 2^384 − δ with δ = NDELTA < 2^190, so 2^384 ≡ δ (mod n). A product
    /// T < 2^768 is T = H·2^384 + L ≡ L + H·δ (< 2^575); folding once more gives a value
    /// < 2^384 + 2^381 < 2n, and one conditional subtraction of n finishes. (This is the
    /// pseudo-Mersenne special case of Barrett reduction: the quotient estimate is exact enough
    /// that no correction loop is needed beyond one subtraction.)
    function _scalarsHinted(uint256[2] memory z, uint256[2] memory r, uint256[2] memory s, uint256[2] memory w)
        private
        pure
        returns (bool ok, uint256[4] memory u)
    {
        assembly ("memory-safe") {
            // 768-bit product of a = ah·2^256 + al and b = bh·2^256 + bl (ah, bh < 2^128):
            // a·b = t2·2^512 + t1·2^256 + t0. A 256×256 product's high word is
            // mulmod(x, y, 2^256 − 1) − mul(x, y) (mod 2^256), minus one more when that wraps.
            function mul768(ah, al, bh, bl) -> t2, t1, t0 {
                let mm := mulmod(al, bl, not(0))
                t0 := mul(al, bl)
                t1 := sub(sub(mm, t0), lt(mm, t0)) // high word of al·bl
                mm := mulmod(ah, bl, not(0))
                let x := mul(ah, bl)
                t2 := sub(sub(mm, x), lt(mm, x)) // high word of ah·bl
                t1 := add(t1, x)
                t2 := add(t2, lt(t1, x))
                mm := mulmod(al, bh, not(0))
                x := mul(al, bh)
                t2 := add(t2, sub(sub(mm, x), lt(mm, x))) // + high word of al·bh
                t1 := add(t1, x)
                t2 := add(add(t2, lt(t1, x)), mul(ah, bh)) // + carry + ah·bh
            }
            // (t2·2^512 + t1·2^256 + t0) mod n as (h, l). δ = 2^384 − n.
            function nred(t2, t1, t0) -> h, l {
                // Fold 1: H = T >> 384 = (t2 >> 128, (t2 << 128) | (t1 >> 128)),
                // L = T mod 2^384 = (t1 mod 2^128, t0). U = H·δ + L < 2^575, as (u2, u1, u0).
                let u2, u1, u0 := mul768(shr(128, t2), or(shl(128, t2), shr(128, t1)), 0, 0x389cb27e0bc8d220a7e5f24db74f58851313e695333ad68d)
                u0 := add(u0, t0)
                t0 := lt(u0, t0) // carry
                u1 := add(u1, t0)
                u2 := add(u2, lt(u1, t0))
                t1 := and(t1, 0xffffffffffffffffffffffffffffffff)
                u1 := add(u1, t1)
                u2 := add(u2, lt(u1, t1))
                // Fold 2: H2 = U >> 384 < 2^191 (one word); H2·δ < 2^381 is (t1, t0).
                t2 := or(shl(128, u2), shr(128, u1))
                u2 := mulmod(t2, 0x389cb27e0bc8d220a7e5f24db74f58851313e695333ad68d, not(0))
                t0 := mul(t2, 0x389cb27e0bc8d220a7e5f24db74f58851313e695333ad68d)
                t1 := sub(sub(u2, t0), lt(u2, t0))
                // V = (U mod 2^384) + H2·δ < 2^384 + 2^381 < 2n
                l := add(t0, u0)
                h := add(add(t1, and(u1, 0xffffffffffffffffffffffffffffffff)), lt(l, u0))
                // V ≥ n: subtract n once (n = NH·2^256 + NL, NH = 2^128 − 1)
                if or(gt(h, 0xffffffffffffffffffffffffffffffff), and(eq(h, 0xffffffffffffffffffffffffffffffff), iszero(lt(l, 0xffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973)))) {
                    h := sub(sub(h, 0xffffffffffffffffffffffffffffffff), lt(l, 0xffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973))
                    l := sub(l, 0xffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973)
                }
            }
            // s·w mod n must be 1
            let t2, t1, t0 := mul768(mload(s), mload(add(s, 0x20)), mload(w), mload(add(w, 0x20)))
            t2, t1 := nred(t2, t1, t0)
            ok := and(iszero(t2), eq(t1, 1))
            // u1 = z·w mod n
            t2, t1, t0 := mul768(mload(z), mload(add(z, 0x20)), mload(w), mload(add(w, 0x20)))
            t2, t1 := nred(t2, t1, t0)
            mstore(u, t2)
            mstore(add(u, 0x20), t1)
            // u2 = r·w mod n
            t2, t1, t0 := mul768(mload(r), mload(add(r, 0x20)), mload(w), mload(add(w, 0x20)))
            t2, t1 := nred(t2, t1, t0)
            mstore(add(u, 0x40), t2)
            mstore(add(u, 0x60), t1)
        }
    }

    /// @dev Checks that Q = (qx, qy) is on the curve, computes R = u1·G + u2·Q and returns
    /// whether R is finite with x(R) ≡ r (mod n). qx, qy < p and 0 < r < n are checked by the
    /// caller. gTable is G_ODD_MULTIPLES in memory.
    ///
    /// Field elements mod p live in memory as two words [hi, lo] (hi < 2^128, value < p, always
    /// fully reduced); the Yul functions take memory addresses. Points are Jacobian
    /// (X, Y, Z) ↦ (X/Z², Y/Z³), Z = 0 is the point at infinity; curve a = −3.
    ///
    /// Scalar multiplication: interleaved wNAF (Shamir's trick without a joint table). Both
    /// scalars are recoded into signed odd digits: u1 with width 7 (digits ±1..±63, table of the
    /// 32 constant affine points 1G..63G, mixed additions), u2 with width 5 (digits ±1..±15,
    /// table of 1Q, 3Q, …, 15Q built here in Jacobian form with Z², Z³ cached). One doubling per
    /// bit, about 64 additions for u2·Q and 48 for u1·G.
    function _mulAndCheck(uint256[4] memory u, uint256[2] memory qx, uint256[2] memory qy, uint256[2] memory r, bytes memory gTable)
        private
        pure
        returns (bool ok)
    {
        assembly ("memory-safe") {
            // ---------------------------------------------------------------------------
            // Field arithmetic mod p = 2^384 − 2^128 − 2^96 + 2^32 − 1.
            // C = 2^384 − p = 2^128 + D with D = 2^96 − 2^32 + 1 (so p = 2^384 − C).
            // ---------------------------------------------------------------------------

            // Constants used by the field routines live in scratch memory for the whole block
            // (a PUSH of them would be rewritten by the legacy optimizer into a longer
            // computation): mload(0x00) = 2^128 − 1 (M, the low-half mask),
            // mload(0x20) = C = 2^384 − p = 2^128 + D.

            // d = x·y mod p (d may alias x or y).
            //
            // Product: with x = ah·2^256 + al and y = bh·2^256 + bl (ah, bh < 2^128),
            // x·y = t2·2^512 + t1·2^256 + t0. The high word of a 512-bit value V whose residues
            // V mod 2^256 (= mul) and V mod (2^256 − 1) (= mulmod/addmod by not(0)) are known is
            // (V mod (2^256 − 1)) − (V mod 2^256), minus one when that subtraction wraps.
            //
            // Reduction mod p = 2^384 − 2^128 − D, D = 2^96 − 2^32 + 1: with 128-bit chunks
            // c0..c5 of the product (c2, c3 the halves of t1, c4, c5 those of t2) and
            //   2^384 ≡ 2^128 + D,  2^512 ≡ 2^256 + D·2^128,  2^640 ≡ 2^128 + D + D·2^256,
            // x·y ≡ t0 + S·D + (S + c4·D)·2^128 + (c2 + c4 + c5·D)·2^256 with S = c3 + c5.
            // That is a word pair (hi < 2^225, lo); its part above 2^384, e = hi >> 128, folds
            // once more as e·C, leaving a value < 2^384 + 2^226 < 2p, so one conditional
            // subtraction of p finishes (see reduce).
            function fmul(d, x, y) {
                let al := mload(add(x, 0x20))
                let bl := mload(add(y, 0x20))
                x := mload(x) // ah
                y := mload(y) // bh
                let t0 := mul(al, bl)
                let ml := add(mul(x, bl), mul(al, y)) // ah·bl + al·bh = mh·2^256 + ml
                let t1 := mulmod(al, bl, not(0))
                t1 := add(sub(sub(t1, t0), lt(t1, t0)), ml) // high word of al·bl, + ml
                al := addmod(mulmod(x, bl, not(0)), mulmod(al, y, not(0)), not(0))
                // t2 = ah·bh + mh + carry of t1
                reduce(d, add(add(mul(x, y), sub(sub(al, ml), lt(al, ml))), lt(t1, ml)), t1, t0)
            }
            // d = x² mod p: as fmul with the middle term 2·ah·al.
            function fsqr(d, x) {
                let al := mload(add(x, 0x20))
                x := mload(x) // ah
                let t0 := mul(al, al)
                let t1 := mulmod(al, al, not(0))
                t1 := sub(sub(t1, t0), lt(t1, t0))
                let ml := mul(x, al)
                let mh := mulmod(x, al, not(0))
                mh := add(shl(1, sub(sub(mh, ml), lt(mh, ml))), shr(255, ml)) // 2·ah·al = mh·2^256 + 2·ml
                ml := shl(1, ml)
                t1 := add(t1, ml)
                reduce(d, add(add(mul(x, x), mh), lt(t1, ml)), t1, t0)
            }
            // d = (t2·2^512 + t1·2^256 + t0) mod p, as described at fmul.
            function reduce(d, t2, t1, t0) {
                let s := add(shr(128, t1), shr(128, t2)) // S = c3 + c5
                let m1 := add(s, mul(and(t2, mload(0)), 0xffffffffffffffff00000001)) // S + c4·D
                // lo = t0 + S·D + (m1 mod 2^128)·2^128; carries into s
                t0 := add(t0, mul(s, 0xffffffffffffffff00000001))
                s := lt(t0, mul(s, 0xffffffffffffffff00000001))
                t0 := add(t0, shl(128, m1))
                s := add(s, lt(t0, shl(128, m1)))
                // hi = c2 + c4 + c5·D + (m1 >> 128) + carries  (< 2^225)
                t2 := add(add(add(and(t1, mload(0)), and(t2, mload(0))), mul(shr(128, t2), 0xffffffffffffffff00000001)), add(shr(128, m1), s))
                // fold e = hi >> 128: lo += e·C, hi = (hi mod 2^128) + carry ≤ 2^128
                m1 := mul(shr(128, t2), mload(0x20))
                t0 := add(t0, m1)
                t2 := add(and(t2, mload(0)), lt(t0, m1))
                // (t2, t0) < 2p: subtract p iff (t2, t0) + C ≥ 2^384
                m1 := add(t0, mload(0x20))
                s := add(t2, lt(m1, t0))
                if shr(128, s) {
                    t2 := and(s, mload(0))
                    t0 := m1
                }
                mstore(d, t2)
                mstore(add(d, 0x20), t0)
            }
            // d = k·x mod p for a small k (k ≤ 8): k·x < 2^388, so e = hi >> 128 < 2^4 and
            // lo + e·C + (hi mod 2^128)·2^256 < 2p; one conditional subtraction.
            function fmulSmall(d, x, k) {
                let l := mload(add(x, 0x20))
                let h := mulmod(l, k, not(0))
                let lk := mul(l, k)
                h := add(mul(mload(x), k), sub(sub(h, lk), lt(h, lk)))
                l := mul(shr(128, h), mload(0x20))
                lk := add(lk, l)
                h := add(and(h, mload(0)), lt(lk, l))
                l := add(lk, mload(0x20))
                k := add(h, lt(l, lk))
                if shr(128, k) {
                    h := and(k, mload(0))
                    lk := l
                }
                mstore(d, h)
                mstore(add(d, 0x20), lk)
            }
            // d = x + y mod p
            function fadd(d, x, y) {
                let xl := mload(add(x, 0x20))
                let l := add(xl, mload(add(y, 0x20)))
                let h := add(add(mload(x), mload(y)), lt(l, xl))
                // x + y < 2p; subtract p iff x + y + C ≥ 2^384
                xl := add(l, mload(0x20))
                x := add(h, lt(xl, l))
                if shr(128, x) {
                    h := and(x, mload(0))
                    l := xl
                }
                mstore(d, h)
                mstore(add(d, 0x20), l)
            }
            // d = x − y mod p. When x < y, (x − y) mod 2^384 = x − y + 2^384 and subtracting C
            // gives x − y + p.
            function fsub(d, x, y) {
                let xl := mload(add(x, 0x20))
                let yl := mload(add(y, 0x20))
                let l := sub(xl, yl)
                let h := sub(sub(mload(x), mload(y)), lt(xl, yl))
                if shr(255, h) {
                    h := and(sub(h, lt(l, mload(0x20))), mload(0))
                    l := sub(l, mload(0x20))
                }
                mstore(d, h)
                mstore(add(d, 0x20), l)
            }
            // d = p − y for 0 < y < p: (2^384 − y) − C.
            function fneg(d, y) {
                let yl := mload(add(y, 0x20))
                let l := sub(0, yl)
                let h := and(sub(sub(0, mload(y)), iszero(iszero(yl))), mload(0))
                mstore(d, sub(h, lt(l, mload(0x20))))
                mstore(add(d, 0x20), sub(l, mload(0x20)))
            }
            function isZero(x) -> z {
                z := iszero(or(mload(x), mload(add(x, 0x20))))
            }
            function feq(x, y) -> e {
                e := and(eq(mload(x), mload(y)), eq(mload(add(x, 0x20)), mload(add(y, 0x20))))
            }
            function copy(d, x, words) {
                for { let k := 0 } lt(k, words) { k := add(k, 1) } {
                    mstore(add(d, shl(5, k)), mload(add(x, shl(5, k))))
                }
            }

            // ---------------------------------------------------------------------------
            // Points. A Jacobian point at address a: X at a, Y at a+64, Z at a+128.
            // t is a scratch area of 8 field elements (t + 64k).
            // ---------------------------------------------------------------------------

            // a = 2a ("dbl-2001-b" for a = −3, with Z3 = 2·Y·Z): 4M + 4S.
            function dbl(a, t) {
                let az := add(a, 0x80)
                if isZero(az) { leave }
                let ay := add(a, 0x40)
                let t1 := add(t, 0x40)
                let t2 := add(t, 0x80)
                let t3 := add(t, 0xc0)
                let t4 := add(t, 0x100)
                fsqr(t, az) // delta = Z²
                fsqr(t1, ay) // gamma = Y²
                fmul(t2, a, t1) // beta = X·gamma
                fsub(t3, a, t) // X − delta
                fadd(t4, a, t) // X + delta
                fmul(t3, t3, t4)
                fmulSmall(t3, t3, 3) // alpha = 3(X − delta)(X + delta)
                fmul(t4, ay, az)
                fadd(az, t4, t4) // Z3 = 2·Y·Z
                fmulSmall(t2, t2, 4) // 4·beta
                fadd(t, t2, t2) // 8·beta
                fsqr(t4, t3)
                fsub(a, t4, t) // X3 = alpha² − 8·beta
                fsub(t2, t2, a)
                fmul(t2, t3, t2) // alpha·(4·beta − X3)
                fsqr(t1, t1)
                fmulSmall(t1, t1, 8) // 8·gamma²
                fsub(ay, t2, t1) // Y3 = alpha·(4·beta − X3) − 8·gamma²
            }

            // Shared tail of the additions: given H = U2 − U1 at h, R = S2 − S1 at rr, U1 at u1,
            // S1 at s1 and z12 = the product of the input Zs (Z1, or Z1·Z2) at a+128 already,
            // writes a = (R² − H³ − 2·U1·H², R·(U1·H² − X3) − S1·H³, z12·H). Uses t5..t7.
            function addTail(a, h, rr, u1, s1, t) {
                let hh := add(t, 0x140)
                let hhh := add(t, 0x180)
                let v := add(t, 0x1c0)
                fsqr(hh, h) // H²
                fmul(hhh, h, hh) // H³
                fmul(v, u1, hh) // V = U1·H²
                fsqr(hh, rr)
                fsub(hh, hh, hhh)
                fsub(hh, hh, v)
                fsub(a, hh, v) // X3 = R² − H³ − 2V
                fsub(v, v, a)
                fmul(v, rr, v) // R·(V − X3)
                fmul(hhh, s1, hhh) // S1·H³
                fsub(add(a, 0x40), v, hhh) // Y3
                fmul(add(a, 0x80), add(a, 0x80), h) // Z3 = z12·H
            }

            // a += (x, y), an affine point at px, py ("add-1998-cmo-2" mixed): 8M + 3S.
            function madd(a, px, py, t) {
                let az := add(a, 0x80)
                if isZero(az) {
                    copy(a, px, 2)
                    copy(add(a, 0x40), py, 2)
                    mstore(az, 0)
                    mstore(add(az, 0x20), 1)
                    leave
                }
                let t1 := add(t, 0x40)
                let t2 := add(t, 0x80)
                fsqr(t, az) // Z1²
                fmul(t1, px, t) // U2 = x·Z1²
                fmul(t2, az, t)
                fmul(t2, py, t2) // S2 = y·Z1³
                fsub(t1, t1, a) // H = U2 − X1
                fsub(t2, t2, add(a, 0x40)) // R = S2 − Y1
                if isZero(t1) {
                    switch isZero(t2)
                    case 1 { dbl(a, t) } // same point
                    default {
                        mstore(az, 0) // opposite points: infinity
                        mstore(add(az, 0x20), 0)
                    }
                    leave
                }
                // U1 = X1, S1 = Y1: addTail reads each before it overwrites that coordinate
                addTail(a, t1, t2, a, add(a, 0x40), t)
            }

            // a += b, b a Jacobian point with Z² at b+192 and Z³ at b+256, and its Y taken from
            // by (b's own Y or its negation) ("add-1998-cmo-2"): 11M + 3S.
            function jadd(a, b, by, t) {
                let az := add(a, 0x80)
                if isZero(az) {
                    copy(a, b, 2)
                    copy(add(a, 0x40), by, 2)
                    copy(az, add(b, 0x80), 2)
                    leave
                }
                let t1 := add(t, 0x40)
                let t2 := add(t, 0x80)
                let t3 := add(t, 0xc0)
                let t4 := add(t, 0x100)
                fmul(t3, a, add(b, 0xc0)) // U1 = X1·Z2²
                fmul(t4, add(a, 0x40), add(b, 0x100)) // S1 = Y1·Z2³
                fsqr(t, az) // Z1²
                fmul(t1, b, t) // U2 = X2·Z1²
                fmul(t2, az, t)
                fmul(t2, by, t2) // S2 = Y2·Z1³
                fsub(t1, t1, t3) // H
                fsub(t2, t2, t4) // R
                if isZero(t1) {
                    switch isZero(t2)
                    case 1 { dbl(a, t) }
                    default {
                        mstore(az, 0)
                        mstore(add(az, 0x20), 0)
                    }
                    leave
                }
                fmul(az, az, add(b, 0x80)) // Z1·Z2
                addTail(a, t1, t2, t3, t4, t)
            }

            // Width-w NAF of k = (h, l) < 2^384 into naf[0..len) as signed bytes, least
            // significant digit first: every nonzero digit is odd, |d| < 2^(w−1), and any w
            // consecutive digits hold at most one nonzero. naf must be zeroed beforehand.
            function wnaf(naf, h, l, w) -> len {
                let full := shl(w, 1)
                let half := shr(1, full)
                for {} or(h, l) {} {
                    if and(l, 1) {
                        let d := and(l, sub(full, 1)) // k mod 2^w
                        switch lt(d, half)
                        case 1 { l := sub(l, d) } // k −= d (clears the low w bits, no borrow)
                        default {
                            // digit d − 2^w < 0: k += 2^w − d
                            let l2 := add(l, sub(full, d))
                            h := add(h, lt(l2, l))
                            l := l2
                            d := sub(d, full)
                        }
                        mstore8(add(naf, len), d)
                    }
                    l := or(shr(1, l), shl(255, h))
                    h := shr(1, h)
                    len := add(len, 1)
                }
            }

            // ---------------------------------------------------------------------------
            // Memory layout, fresh memory past the free pointer (which is moved past it), at
            // offsets from m (stack slots are scarce, so the offsets are literals below):
            //   0x000 R, the accumulator (X, Y, Z)          0x0c0 t: 8 scratch elements
            //   0x2c0 (2k+1)·Q, k = 0..7: X, Y, Z, Z², Z³   0xcc0 2Q: X, Y, Z, Z², Z³
            //   0xe00 wNAF digits of u1 (416 bytes)         0xfa0 wNAF digits of u2
            //   0x1140 Q affine (x, y)                      0x11c0 r, then r + n
            // ---------------------------------------------------------------------------
            let m := mload(0x40)
            mstore(0x40, add(m, 0x1240))
            mstore(0x00, 0xffffffffffffffffffffffffffffffff) // M (see the field routines)
            mstore(0x20, 0x100000000ffffffffffffffff00000001) // C = 2^384 − p

            // Q = (qx, qy) on y² = x³ − 3x + b
            mstore(add(m, 0x1140), mload(qx))
            mstore(add(m, 0x1160), mload(add(qx, 0x20)))
            mstore(add(m, 0x1180), mload(qy))
            mstore(add(m, 0x11a0), mload(add(qy, 0x20)))
            {
                let x := add(m, 0x1140)
                let t := add(m, 0xc0)
                let t1 := add(m, 0x100)
                fsqr(t, x)
                fmul(t, t, x) // x³
                fsub(t, t, x)
                fsub(t, t, x)
                fsub(t, t, x) // x³ − 3x
                mstore(t1, 0xb3312fa7e23ee7e4988e056be3f82d19) // b
                mstore(add(t1, 0x20), 0x181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef)
                fadd(t, t, t1) // x³ − 3x + b
                fsqr(t1, add(x, 0x40)) // y²
                ok := feq(t, t1)
            }
            if ok {
                // Q table: (2k+1)·Q for k = 0..7, Jacobian, with Z² and Z³ cached
                {
                    let qt := add(m, 0x2c0)
                    let q2 := add(m, 0xcc0)
                    copy(qt, add(m, 0x1140), 4)
                    mstore(add(qt, 0x80), 0)
                    mstore(add(qt, 0xa0), 1) // Z = 1
                    copy(add(qt, 0xc0), add(qt, 0x80), 2) // Z² = 1
                    copy(add(qt, 0x100), add(qt, 0x80), 2) // Z³ = 1
                    copy(q2, qt, 6)
                    dbl(q2, add(m, 0xc0)) // 2Q
                    fsqr(add(q2, 0xc0), add(q2, 0x80))
                    fmul(add(q2, 0x100), add(q2, 0xc0), add(q2, 0x80))
                    for { let e := add(qt, 0x140) } lt(e, q2) { e := add(e, 0x140) } {
                        copy(e, sub(e, 0x140), 6) // (2k−1)·Q
                        jadd(e, q2, add(q2, 0x40), add(m, 0xc0)) // + 2Q
                        fsqr(add(e, 0xc0), add(e, 0x80))
                        fmul(add(e, 0x100), add(e, 0xc0), add(e, 0x80))
                    }
                }

                // wNAF digits of u1 (width 7) and u2 (width 5); i = the longer length
                for { let k := 0xe00 } lt(k, 0x1140) { k := add(k, 0x20) } { mstore(add(m, k), 0) }
                let i := wnaf(add(m, 0xe00), mload(u), mload(add(u, 0x20)), 7)
                {
                    let len2 := wnaf(add(m, 0xfa0), mload(add(u, 0x40)), mload(add(u, 0x60)), 5)
                    if lt(i, len2) { i := len2 }
                }

                // R = u1·G + u2·Q, most significant digit first, from R = infinity (Z = 0).
                // A negative digit adds the table point with Y negated into t7 (t + 0x1c0),
                // which the additions read before their tail (addTail) reuses t7.
                mstore(add(m, 0x80), 0)
                mstore(add(m, 0xa0), 0)
                for {} i {} {
                    i := sub(i, 1)
                    dbl(m, add(m, 0xc0))
                    let b := byte(0, mload(add(add(m, 0xfa0), i)))
                    if b {
                        switch lt(b, 128)
                        case 1 {
                            let e := add(add(m, 0x2c0), mul(shr(1, b), 0x140))
                            jadd(m, e, add(e, 0x40), add(m, 0xc0))
                        }
                        default {
                            let e := add(add(m, 0x2c0), mul(shr(1, sub(256, b)), 0x140))
                            fneg(add(m, 0x280), add(e, 0x40))
                            jadd(m, e, add(m, 0x280), add(m, 0xc0))
                        }
                    }
                    b := byte(0, mload(add(add(m, 0xe00), i)))
                    if b {
                        switch lt(b, 128)
                        case 1 {
                            let e := add(add(gTable, 0x20), shl(7, shr(1, b)))
                            madd(m, e, add(e, 0x40), add(m, 0xc0))
                        }
                        default {
                            let e := add(add(gTable, 0x20), shl(7, shr(1, sub(256, b))))
                            fneg(add(m, 0x280), add(e, 0x40))
                            madd(m, e, add(m, 0x280), add(m, 0xc0))
                        }
                    }
                }

                // x(R) ≡ r (mod n): R finite and X ≡ r·Z² or, when r + n < p, X ≡ (r + n)·Z²
                switch isZero(add(m, 0x80))
                case 1 { ok := 0 }
                default {
                    let fr := add(m, 0x11c0)
                    mstore(fr, mload(r))
                    mstore(add(fr, 0x20), mload(add(r, 0x20)))
                    fsqr(add(m, 0xc0), add(m, 0x80)) // Z²
                    fmul(add(m, 0x100), fr, add(m, 0xc0))
                    ok := feq(add(m, 0x100), m)
                    // r + n < p iff r < p − n (< 2^190, so r.hi = 0)
                    if and(iszero(ok), and(iszero(mload(fr)), lt(mload(add(fr, 0x20)), 0x389cb27e0bc8d21fa7e5f24cb74f58851313e696333ad68c))) {
                        // r + n < p: no reduction needed
                        let l := add(mload(add(fr, 0x20)), 0xffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973)
                        mstore(add(fr, 0x40), add(0xffffffffffffffffffffffffffffffff, lt(l, mload(add(fr, 0x20)))))
                        mstore(add(fr, 0x60), l)
                        fmul(add(m, 0x100), add(fr, 0x40), add(m, 0xc0))
                        ok := feq(add(m, 0x100), m)
                    }
                }
            }
        }
    }

    /// @dev Scratch buffer for MODEXP (hintsFor): [len(base)][len(exp)][len(mod)][base][exp][mod].
    struct Ctx {
        uint256 buf; // memory address of the input
        uint256 out; // memory address of the 48-byte output
    }

    function _lt(uint256 ah, uint256 al, uint256 bh, uint256 bl) private pure returns (bool) {
        return ah < bh || (ah == bh && al < bl);
    }

    function _inRange(uint256[2] memory x, uint256 mh, uint256 ml) private pure returns (bool) {
        return (x[0] != 0 || x[1] != 0) && x[0] <= type(uint128).max && _lt(x[0], x[1], mh, ml);
    }

    /// @dev a − b for a ≥ b.
    function _sub(uint256 ah, uint256 al, uint256 bh, uint256 bl) private pure returns (uint256 h, uint256 l) {
        unchecked {
            l = al - bl;
            h = ah - bh - (al < bl ? 1 : 0);
        }
    }

    // ---- field arithmetic mod p ---------------------------------------------------------

    function _ctx() private pure returns (Ctx memory c) {
        uint256 buf;
        assembly ("memory-safe") {
            buf := mload(0x40)
            mstore(0x40, add(buf, 320))
        }
        c.buf = buf;
        c.out = buf + 256;
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

}

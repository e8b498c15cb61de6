// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {P384} from "../../src/lib/P384.sol";

/// @notice Calls the hinted P384.verify in its own frame and reports the gas it used.
contract P384HintedHarness {
    function verify(bytes memory digest, uint256[2] memory r, uint256[2] memory s, uint256[2] memory x, uint256[2] memory y, uint256[2] memory w)
        external
        view
        returns (bool ok, uint256 gasUsed)
    {
        P384.Hints memory h = P384.Hints(w);
        bytes32 hi;
        bytes16 lo;
        assembly {
            hi := mload(add(digest, 0x20))
            lo := and(mload(add(digest, 0x40)), shl(128, 0xffffffffffffffffffffffffffffffff))
        }
        if (digest.length != 48) return (P384.verify(digest, r, s, x, y, h), 0);
        uint256 g = gasleft();
        ok = P384.verify(hi, lo, r, s, x, y, h);
        gasUsed = g - gasleft();
    }

    function verifyBytes(bytes memory digest, uint256[2] memory r, uint256[2] memory s, uint256[2] memory x, uint256[2] memory y, uint256[2] memory w)
        external
        pure
        returns (bool)
    {
        return P384.verify(digest, r, s, x, y, P384.Hints(w));
    }

    function verifyNumber(uint256[2] memory z, uint256[2] memory r, uint256[2] memory s, uint256[2] memory x, uint256[2] memory y, uint256[2] memory w)
        external
        pure
        returns (bool)
    {
        return P384.verify(z, r, s, x, y, P384.Hints(w));
    }

    function hintsFor(uint256[2] memory s) external view returns (uint256[2] memory) {
        return P384.hintsFor(s).w;
    }
}

/// @notice Vectors from a throwaway Go program (crypto/ecdsa, crypto/elliptic.P384,
/// crypto/sha512.Sum384): five random keys signing SHA-384("bazaar p384 hinted vector i"), the
/// real AMD Milan report of go-sev-guest v0.15.0 (verify/testdata.AttestationBytes, signed bytes
/// [0, 0x2A0), R and S little-endian at 0x2A0 / 0x2E8 converted to big-endian) under the VCEK of
/// verify/testdata.VcekBytes, and two crafted signatures (checked by Go's ecdsa.Verify) whose
/// scalar multiplication runs through the doubling and infinity cases of point addition.
/// Numbers are [hi, lo] = (top 128 bits, low 256 bits); w is the hint s^-1 mod n.
contract P384HintedTest is Test {
    struct Vec {
        bytes d;
        uint256[2] r;
        uint256[2] s;
        uint256[2] x;
        uint256[2] y;
        uint256[2] w;
    }

    address internal constant CONSOLE = 0x000000000000000000636F6e736F6c652e6c6f67;
    uint256 internal constant NH = 0xffffffffffffffffffffffffffffffff;
    uint256 internal constant NL = 0xffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973;
    uint256 internal constant PH = 0xffffffffffffffffffffffffffffffff;
    uint256 internal constant PL = 0xfffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff;
    uint256 internal constant MILAN = 5;

    P384HintedHarness internal h = new P384HintedHarness();

    // Another P-384 public key (a random Go key).
    uint256[2] internal OTHER_X = [uint256(0x24f88e1d440ab0d42658e1db0a5b7101), 0x7d4c90be2686132aa35e23602cce468be764dd141cdf3beeccd8ac373d606ba0];
    uint256[2] internal OTHER_Y = [uint256(0xd51966410e55e8832a219ce5639740e2), 0x17434dd2ceac83957dde952474e7b2c0dd04af1a46339fd39c909a30fb7a2b44];
    // Hints for tampered vector 0: w of s+1, w of r (for swapped r/s), high-s twin n-s and its w.
    uint256[2] internal W_S_PLUS_1 = [uint256(0x8bed4b127da6273d22aaa8b9e260843e), 0xc588c593c1c7a28c1e64b769983cbdca374742a0560e31757a0e93abd04fa1ae];
    uint256[2] internal W_OF_R = [uint256(0x3a0b9105183fa1aa87238e73a0ece475), 0x7280d18ec9d9f97541cd4069475305506a61e6670e2588c82d7599a3d73f6234];
    uint256[2] internal HIGH_S = [uint256(0x496f66300a5cdb626c1b5a890cbfc20d), 0xed89e27e3ff71c2a92a156d2f67dfcfd8c6f455ae4813ceecdb58e5c4d0712f4];
    uint256[2] internal W_HIGH_S = [uint256(0x1257678bcfbc7c6b48b3e74ff0ea231e), 0x1390b7e403e9a7910290160b8d60e891207fc06e5d4d66e072d81845f1c6cc8e];
    // The Milan signature's high-s twin n-s and its w.
    uint256[2] internal MILAN_HIGH_S = [uint256(0x1fefa2aa676bee0913e4ce3680ead324), 0xf5162874bd8907b7d34ccf76f1d170aac8ba6cae1893adc4368583ca61a09f8d];
    uint256[2] internal MILAN_W_HIGH_S = [uint256(0x584c41634b8d6ca8f234e007c083cf65), 0x4e3c3e33d4f5cc30ab601febc72db872644ad88aaad03d2379e1e596f59a400c];
    // w = 5^-1 mod n (a correct inverse of s = n + 5 reduced mod n).
    uint256[2] internal W_OF_5 = [uint256(0x99999999999999999999999999999999), 0x999999999999999977a1fb4df8ede852ce760837c536cae35af40f4014764c12];

    function vectors() internal pure returns (Vec[8] memory v) {
        // GO0: SHA-384("bazaar p384 hinted vector 0")
        v[0] = Vec(hex"6034557d3b59c5335748cf3dfb4345c41fa731932d5044a2d72399b61ed57f9b8f2678fd02073f9bd67838307e5f3e39", [uint256(0xea480963afe39c16847fede88b128ea0), 0xac3bd4520124d22b70df31b5a0976114b71308bd321bf43ebfc41ec7d528ffee], [uint256(0xb69099cff5a3249d93e4a576f3403df2), 0x12761d81c008e3d534c1f6aefdb930e1cbaac857642f6a8c1f368b0e7fbe167f], [uint256(0xe2c45e246637632bc9818e4b626ce84a), 0x7ac39c82f072e333c8c0259c9d6fd7b6170be1a2b3671789e8424d9120b55da8], [uint256(0xbc09418dc02ba6d21a0be6b4e80e5e98), 0x1d48ec890d9d35a44bc0b8df603fa49b6fb4b46b2f3acc9e2c6c319624fdfe2a], [uint256(0xeda8987430438394b74c18b00f15dce1), 0xec6f481bfc16586ec4d3377666d6454e379a4d43eb63409a7a140124dafe5ce5]);
        // GO1: SHA-384("bazaar p384 hinted vector 1")
        v[1] = Vec(hex"4a6adb4043127ea44a863635a1c4fd82ecf8c98ee34155cb2a79d078876bc1ae189a024663e1c05708f22143b5a63123", [uint256(0x1c6a174fd6ec304bede22b811f64828c), 0x417360af0656573a0b4569f18c50b1702c1953c15251ca569ffec6e4b5887dd9], [uint256(0x0f61e64d2f656eb10ae3b4cf14d9edf1), 0x3910f8f576787624ad486a49444e4e8dfa820a53051092f85450562e11ca4c38], [uint256(0xd8a043fe0c87532c5a42ab127ce36a70), 0x84c60bc80b474c35afcd79baeaf622b061bf71e707003f151c42dab60cca3ea0], [uint256(0xd8ca8b92d8cbd3e3bab5cf034a4407b2), 0xe6c0006903da9bd16ee9d4b0b56e6fdf9d3d408f574f7150c35270ac09b69d50], [uint256(0xee1860c0f1578b2c9887eb62575c6f25), 0xef6af3fb28fac6507c98ed06e50df514adf42c83277b0c9ab8ee8cf3dc706833]);
        // GO2: SHA-384("bazaar p384 hinted vector 2")
        v[2] = Vec(hex"f5cff65016fd62100b2f4716d13a02885881304c4c6e4e96f2d65330b3455ed9dd9858aad47358cfa0214547db43168b", [uint256(0xf013a8ea38f7a795d91470b25e872eca), 0x65a8fe68d5da9e70d128912ba6544a6e2cd34104d164ffff1cec29b57ae7936c], [uint256(0xc979e29d997f7597d6336a38dc22e565), 0xe8a1d0dfc3f6dabb320832860770529f23341b6136ba1845a5f1e3dda04af941], [uint256(0x5eaf75d81469b9468c56344dd35093e7), 0x9be9a9ee2b9cb6124489dd4088f12cb0b447bbc55a6451db91a559e400314444], [uint256(0x079cbf767ee8d7407bf0bc2ca2774aef), 0x84ba56cf08015f9317ab22c0cfaed5963b2f327af82fbe794392390227597afb], [uint256(0x98be8699d951fa48236ead1c8c1c581b), 0xe9bddb9b3f94e6dd9659d37e567de71acdeff2f267eaeee36a1dc8fca2a69e54]);
        // GO3: SHA-384("bazaar p384 hinted vector 3")
        v[3] = Vec(hex"c84a667c6790d82c9ea59cd157809a4cd88da52941cf299ede7aeb45546a78ba30e03a0736d5b268154c7b5254e2b4c7", [uint256(0x4b1d571dc9ca83fd57a1e04ff52d4dc8), 0x47ba2120f950c9f7127cab7f7968bbfcb9e5738f555ce9fe2ec50f06ca22ede2], [uint256(0x7725a49a76de361cf92441dfb806a22e), 0x01572a81ee771d5ead17b2a63c19bba6544e9fbc32e601306082558a7ed47b59], [uint256(0xd92c6993fc16dfad12b917080f9fd40d), 0x09c7984b03062eb5fa7f9ca7f52b8cd9ecb753520a4b03a618f1a687e271b24a], [uint256(0x08eed752715e4585ee6c079756eda0ee), 0x85f3477ff4ff563e1081f0cbce1544542d3e0a45924b7491d4bbedb0acf42194], [uint256(0x3a0b74428dbf60604c6a5e050164acef), 0xffdcfb75592eaa8c6c97b6b5fe087bca07523cc59a131e43b52e8253eede6432]);
        // GO4: SHA-384("bazaar p384 hinted vector 4")
        v[4] = Vec(hex"92a48d7e74a0ceca886cf5e6558282a06ca057463d33551e72d2542e4178f80d4b0ef5781434cd2a75e800138519732d", [uint256(0x3b4e5edd55c46cbf6e447b2011e9a4e1), 0x2204ac7c2742c0fa758c5baa181df1905441c03b84153b107b79a8fbb20ab05c], [uint256(0xa56996a82409d735d79f6d537e530a03), 0x0433808e6a69b58c7c16340236477403b3246797518c85da2f46bcb72798e38d], [uint256(0xa2712feeaa574aa5737545fcd1511711), 0x52bc99aab456b4decb29c10db98d3fc2ed40c7d9751e1b4130576b20dbe80c3f], [uint256(0x83bcdb771dcc23fd15099b5752d13e93), 0x1a3a48fd1182f83df611fff988cba1075bb17726910224a067704d3f23af499e], [uint256(0xd91766af27830b24eb16e025cf9e46b4), 0x1223c9770321859436558f9098c57afa6d58747680d79ea6729e217e0ce4191b]);
        // MILAN: go-sev-guest v0.15.0 testdata AttestationBytes[0:0x2A0], VCEK testdata.VcekBytes
        v[5] = Vec(hex"2241aba7c08be142e1b66585376539b6d16fa8dafd185f7b9ccdaf4e9d8551e51bcef29cf32ad0b913fb2af3f49196ae", [uint256(0x21c89c9932a2504bd2a590c9c21a32bb), 0xba083b2dd6e5bc7438896bf672ae1353aa5fa6bbb6274fca69f9f8b85a8b8e4f], [uint256(0xe0105d55989411f6ec1b31c97f152cdb), 0x0ae9d78b4276f847f4167e0b0265bd348f5fa104301cf9b6b66695a06b2489e6], [uint256(0x48ec9f362eedee5ea1765939d30ac6c0), 0x56c8219ade71c585d2e21f773cde430f30b20d6ab817df8e8de1d85cf293a385], [uint256(0x4f08609d7f00f4852ccd83882772abfe), 0x82ffcc70fa8a63fb94f532c840f2e7a835607cc725bf125b884ffec9044e3ef9], [uint256(0xa7b3be9cb47293570dcb1ff83f7c309a), 0xb1c3c1cc2b0a33cf1c032d962d09756cf3cf35279de06a57730a33d3d72ae967]);
        // CRAFT_QG: d = 1 (Q = G), nonce 0x1d2c3b4a..., digest = r, so u1 = u2
        v[6] = Vec(hex"3c52c75c9d2cbb1ebd57b7e462101d474103854ecda102a2a261a9242078385360e6e0545a9a1a779608c8d9ad6812e3", [uint256(0x3c52c75c9d2cbb1ebd57b7e462101d47), 0x4103854ecda102a2a261a9242078385360e6e0545a9a1a779608c8d9ad6812e3], [uint256(0xba6a37fdb1637d8b7413021053a5e9b7), 0x1e740812b587c0abbdc15c90bd38dfafcdbaec9740a1f489ad4fbc628cda58d4], [uint256(0xaa87ca22be8b05378eb1c71ef320ad74), 0x6e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7], [uint256(0x3617de4a96262c6f5d9e98bf9292dc29), 0xf8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f], [uint256(0x6912315c3595df75e557f25731bcf134), 0xb9c1a9066e6a04a4e250a372e67f52f5668f005e5230e6ba26133a945267f25f]);
        // CRAFT_QNEGG: d = n-1 (Q = -G), nonce 12345, digest = r + 1, so u1·G + u2·Q passes through infinity
        v[7] = Vec(hex"e86b995e350e4d312a95a6b7d5d8cdcdb4682f588800a1cd6c972e1dcb2a5ac38d90046951b03ccb3b179a89fda88b1c", [uint256(0xe86b995e350e4d312a95a6b7d5d8cdcd), 0xb4682f588800a1cd6c972e1dcb2a5ac38d90046951b03ccb3b179a89fda88b1b], [uint256(0xd76adbc5afe9c510a6e47b5831ef5e6a), 0x8c243f9f1db760e7680359765fa2bf19f5e6af242759f17174650a803baa2865], [uint256(0xaa87ca22be8b05378eb1c71ef320ad74), 0x6e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7], [uint256(0xc9e821b569d9d390a26167406d6d23d6), 0x070be242d765eb831625ceec4a0f473ef59f4e30e2817e6285bce2846f15f1a0], [uint256(0x00000000000000000000000000000000), 0x0000000000000000000000000000000000000000000000000000000000003039]);
    }

    function _log(string memory what, uint256 value) internal view {
        (bool ok,) = CONSOLE.staticcall(abi.encodeWithSignature("log(string,uint256)", what, value));
        ok;
    }

    function _ok(Vec memory v) internal view returns (bool ok) {
        (ok,) = h.verify(v.d, v.r, v.s, v.x, v.y, v.w);
    }

    // ---- valid signatures -----------------------------------------------------------------

    function _valid(uint256 i) internal view {
        Vec memory v = vectors()[i];
        (bool ok, uint256 used) = h.verify(v.d, v.r, v.s, v.x, v.y, v.w);
        assertTrue(ok, string.concat("Go signature ", vm.toString(i), " verifies"));
        _log(string.concat("gas P384.verify, Go vector ", vm.toString(i)), used);
    }

    function test_Valid_GoVector0() public view {
        _valid(0);
    }

    function test_Valid_GoVector1() public view {
        _valid(1);
    }

    function test_Valid_GoVector2() public view {
        _valid(2);
    }

    function test_Valid_GoVector3() public view {
        _valid(3);
    }

    function test_Valid_GoVector4() public view {
        _valid(4);
    }

    /// The real AMD Milan report, and the whole verification inside this one test transaction
    /// (foundry.toml enforces the 16,777,216 per-transaction cap).
    function test_Valid_RealMilanReport() public view {
        Vec memory v = vectors()[MILAN];
        (bool ok, uint256 used) = h.verify(v.d, v.r, v.s, v.x, v.y, v.w);
        assertTrue(ok, "the real AMD Milan report's VCEK signature verifies");
        _log("gas P384.verify Milan report", used);
        assertTrue(used < 5_000_000, "one verification stays under 5M gas");
    }

    function test_Valid_DigestAsBytes() public view {
        Vec memory v = vectors()[MILAN];
        assertTrue(h.verifyBytes(v.d, v.r, v.s, v.x, v.y, v.w), "48-byte digest overload");
        bytes memory short = new bytes(47);
        assertTrue(!h.verifyBytes(short, v.r, v.s, v.x, v.y, v.w), "47-byte digest rejected");
    }

    function test_Valid_DigestAsNumber() public view {
        Vec memory v = vectors()[MILAN];
        bytes memory d = v.d;
        uint256 zh;
        uint256 zl;
        assembly {
            zh := shr(128, mload(add(d, 0x20)))
            zl := mload(add(d, 0x30))
        }
        assertTrue(h.verifyNumber([zh, zl], v.r, v.s, v.x, v.y, v.w), "[hi, lo] digest overload");
        assertTrue(!h.verifyNumber([zh | (1 << 128), zl], v.r, v.s, v.x, v.y, v.w), "digest number over 384 bits");
    }

    /// Q = G and digest = r, so u1 = u2: a G addition lands on the accumulator's own point.
    function test_Valid_CraftedDoublingCase() public view {
        assertTrue(_ok(vectors()[6]), "Q = G, u1 = u2 verifies");
    }

    /// Q = −G and u1 − u2 small: the top digits cancel and the accumulator passes infinity.
    function test_Valid_CraftedInfinityCase() public view {
        assertTrue(_ok(vectors()[7]), "Q = -G, u1 - u2 small verifies");
    }

    /// ECDSA accepts (r, n − s) whenever it accepts (r, s); AMD firmware does not normalise s
    /// (the Milan signature itself has s > n/2), so P384.verify accepts both. A caller that needs
    /// a unique signature encoding must bind the report, not (r, s).
    function test_Valid_HighSTwinAccepted() public view {
        Vec memory v = vectors()[0];
        v.s = HIGH_S;
        v.w = W_HIGH_S;
        assertTrue(_ok(v), "(r, n - s) verifies");
        v = vectors()[MILAN];
        v.s = MILAN_HIGH_S;
        v.w = MILAN_W_HIGH_S;
        assertTrue(_ok(v), "Milan (r, n - s) verifies");
    }

    /// The on-chain hint helper (MODEXP, Fermat) agrees with Go's ModInverse.
    function test_HintsFor_MatchesGo() public view {
        Vec[8] memory v = vectors();
        for (uint256 i = 0; i < 8; i++) {
            uint256[2] memory w = h.hintsFor(v[i].s);
            assertEq(w[0], v[i].w[0], "w.hi");
            assertEq(w[1], v[i].w[1], "w.lo");
        }
    }

    // ---- rejections -------------------------------------------------------------------------

    function test_Reject_FlippedDigestBit() public view {
        Vec memory v = vectors()[0];
        v.d[47] ^= 0x01;
        assertTrue(!_ok(v), "last digest bit flipped");
        v = vectors()[MILAN];
        v.d[0] ^= 0x80;
        assertTrue(!_ok(v), "Milan: first digest bit flipped");
    }

    function test_Reject_RPlusOne() public view {
        Vec memory v = vectors()[0];
        v.r[1] += 1;
        assertTrue(!_ok(v), "r + 1");
    }

    function test_Reject_SPlusOne() public view {
        Vec memory v = vectors()[0];
        v.s[1] += 1;
        assertTrue(!_ok(v), "s + 1 with the old hint");
        v.w = W_S_PLUS_1; // the correct inverse of s + 1: the curve arithmetic must reject it
        assertTrue(!_ok(v), "s + 1 with its own hint");
    }

    function test_Reject_RZero() public view {
        Vec memory v = vectors()[0];
        v.r = [uint256(0), 0];
        assertTrue(!_ok(v), "r = 0");
    }

    function test_Reject_SZero() public view {
        Vec memory v = vectors()[0];
        v.s = [uint256(0), 0];
        assertTrue(!_ok(v), "s = 0");
        v.w = [uint256(0), 0];
        assertTrue(!_ok(v), "s = 0, w = 0");
    }

    function test_Reject_RAtLeastN() public view {
        Vec memory v = vectors()[0];
        v.r = [NH, NL];
        assertTrue(!_ok(v), "r = n");
        v.r = [NH, NL + 1];
        assertTrue(!_ok(v), "r = n + 1");
        v.r = [uint256(1) << 128, v.r[1]];
        assertTrue(!_ok(v), "r.hi over 128 bits");
    }

    function test_Reject_SAtLeastN() public view {
        Vec memory v = vectors()[0];
        v.s = [NH, NL];
        assertTrue(!_ok(v), "s = n");
        // s = n + 5 with w = 5^-1: s·w ≡ 1 (mod n) holds, the range check must catch it
        v.s = [NH, NL + 5];
        v.w = W_OF_5;
        assertTrue(!_ok(v), "s = n + 5 with a matching hint");
    }

    function test_Reject_SwappedRS() public view {
        Vec memory v = vectors()[0];
        (v.r, v.s) = (v.s, v.r);
        v.w = W_OF_R;
        assertTrue(!_ok(v), "r and s swapped");
    }

    function test_Reject_AnotherPublicKey() public view {
        Vec memory v = vectors()[0];
        v.x = OTHER_X;
        v.y = OTHER_Y;
        assertTrue(!_ok(v), "another public key");
        v = vectors()[MILAN];
        v.x = vectors()[1].x;
        v.y = vectors()[1].y;
        assertTrue(!_ok(v), "Milan digest under another key");
    }

    function test_Reject_KeyNotOnCurve() public view {
        Vec memory v = vectors()[0];
        v.y[1] ^= 1;
        assertTrue(!_ok(v), "point not on the curve");
        v = vectors()[0];
        v.x = [uint256(0), 0];
        v.y = [uint256(0), 0];
        assertTrue(!_ok(v), "(0, 0) is not a point (nor a way to say infinity)");
        v = vectors()[0];
        v.x = [PH, PL];
        assertTrue(!_ok(v), "x = p");
        v = vectors()[0];
        // −Q = (x, p − y) is on the curve but is another key
        (uint256 yh, uint256 yl) = (v.y[0], v.y[1]);
        unchecked {
            v.y = [PH - yh - (PL < yl ? 1 : 0), PL - yl];
        }
        assertTrue(!_ok(v), "-Q");
    }

    function test_Reject_WrongHint() public view {
        Vec memory v = vectors()[0];
        v.w[1] += 1;
        assertTrue(!_ok(v), "w + 1");
        v.w = [uint256(0), 0];
        assertTrue(!_ok(v), "w = 0");
        v.w = [NH, NL];
        assertTrue(!_ok(v), "w = n");
        v = vectors()[MILAN];
        v.w = vectors()[0].w;
        assertTrue(!_ok(v), "Milan with another signature's w");
    }

    // ---- fuzz -------------------------------------------------------------------------------

    /// Random digests never verify against the Milan signature and key (each run is a full
    /// verification: the digest only enters through u1 = z·w).
    function testFuzz_RandomDigestNeverVerifies(bytes32 hi, bytes16 lo) public view {
        Vec memory v = vectors()[MILAN];
        bytes memory d = abi.encodePacked(hi, lo);
        vm.assume(keccak256(d) != keccak256(v.d));
        v.d = d;
        assertTrue(!_ok(v), "random digest");
    }

    /// Random in-range (r, s), with the correct hint for s, never verify the Milan digest.
    /// forge-config: default.fuzz.runs = 64
    function testFuzz_RandomSignatureNeverVerifies(uint128 rh, uint256 rl, uint128 sh, uint256 sl) public view {
        Vec memory v = vectors()[MILAN];
        uint256[2] memory r = [uint256(rh), rl];
        uint256[2] memory s = [uint256(sh), sl];
        vm.assume(_inRangeN(r) && _inRangeN(s));
        vm.assume(r[0] != v.r[0] || r[1] != v.r[1]);
        v.r = r;
        v.s = s;
        v.w = h.hintsFor(s);
        assertTrue(!_ok(v), "random signature");
    }

    /// Random hints never make a good signature pass except the true inverse.
    function testFuzz_RandomHintNeverVerifies(uint256 wh, uint256 wl) public view {
        Vec memory v = vectors()[2];
        vm.assume(wh != v.w[0] || wl != v.w[1]);
        v.w = [wh, wl];
        assertTrue(!_ok(v), "random w");
    }

    function _inRangeN(uint256[2] memory x) internal pure returns (bool) {
        return (x[0] != 0 || x[1] != 0) && (x[0] < NH || (x[0] == NH && x[1] < NL));
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {Sha384} from "../../src/lib/Sha384.sol";

/// @notice A textbook FIPS 180-4 SHA-384 in plain Solidity (uint64 words, arrays, no assembly),
/// the differential reference for the fuzz test: it shares no code or trick with Sha384.
library Sha384Reference {
    function ror(uint64 x, uint64 n) private pure returns (uint64) {
        return (x >> n) | (x << (64 - n));
    }

    function hash(bytes memory m) internal pure returns (bytes memory) {
        uint64[80] memory k = [
            0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
            0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
            0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
            0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
            0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
            0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
            0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
            0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
            0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
            0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
            0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
            0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
            0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
            0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
            0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
            0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817
        ];
        uint64[8] memory h = [
            uint64(0xcbbb9d5dc1059ed8), 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
            0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4
        ];
        // padding: m || 0x80 || zeros || 128-bit bit length, to a multiple of 128 bytes
        uint256 padded = ((m.length + 17 + 127) / 128) * 128;
        bytes memory p = new bytes(padded);
        for (uint256 i = 0; i < m.length; i++) {
            p[i] = m[i];
        }
        p[m.length] = 0x80;
        uint256 bits = m.length * 8;
        for (uint256 i = 0; i < 16; i++) {
            p[padded - 1 - i] = bytes1(uint8(bits >> (8 * i)));
        }
        uint64[80] memory w;
        for (uint256 off = 0; off < padded; off += 128) {
            for (uint256 t = 0; t < 16; t++) {
                uint64 x;
                for (uint256 j = 0; j < 8; j++) {
                    x = (x << 8) | uint64(uint8(p[off + 8 * t + j]));
                }
                w[t] = x;
            }
            unchecked {
                for (uint256 t = 16; t < 80; t++) {
                    uint64 s0 = ror(w[t - 15], 1) ^ ror(w[t - 15], 8) ^ (w[t - 15] >> 7);
                    uint64 s1 = ror(w[t - 2], 19) ^ ror(w[t - 2], 61) ^ (w[t - 2] >> 6);
                    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
                }
                uint64[8] memory v = h;
                for (uint256 t = 0; t < 80; t++) {
                    uint64 e = v[4];
                    uint64 t1 = v[7] + (ror(e, 14) ^ ror(e, 18) ^ ror(e, 41)) + ((e & v[5]) ^ (~e & v[6])) + k[t] + w[t];
                    uint64 a = v[0];
                    uint64 t2 = (ror(a, 28) ^ ror(a, 34) ^ ror(a, 39)) + ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
                    v = [t1 + t2, a, v[1], v[2], v[3] + t1, e, v[5], v[6]];
                }
                for (uint256 i = 0; i < 8; i++) {
                    h[i] += v[i];
                }
            }
        }
        return abi.encodePacked(h[0], h[1], h[2], h[3], h[4], h[5]);
    }
}

/// @notice Expected digests were printed by a throwaway Go program with crypto/sha512.Sum384.
/// pattern(n)[i] = (31*i + 7) mod 251.
contract Sha384Test is Test {
    function pattern(uint256 n) internal pure returns (bytes memory b) {
        b = new bytes(n);
        for (uint256 i = 0; i < n; i++) {
            b[i] = bytes1(uint8((31 * i + 7) % 251));
        }
    }

    function check(bytes memory m, bytes memory want, string memory what) internal pure {
        bytes memory got = Sha384.hash(m);
        assertEq(got.length, 48, string.concat(what, ": length"));
        assertEq(keccak256(got), keccak256(want), what);
    }

    function test_Hash_Empty() public pure {
        check("", hex"38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b", "empty");
    }

    function test_Hash_Abc() public pure {
        check("abc", hex"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7", "abc");
    }

    function test_Hash_Nist896() public pure {
        check(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            hex"09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039",
            "NIST 896-bit message"
        );
    }

    /// @dev Every padding boundary: 111 fits one block with its padding, 112 spills into a second,
    /// 127/128/129 straddle a whole block, 239/240 and 255/256 the same one block later.
    function test_Hash_PaddingBoundaries() public pure {
        check(pattern(1), hex"f12be95011fa37de81bf76bee4e73a992f431a7c69b60d2495c7383ae0545569842a0c019d89c208ae48f843562b56ff", "1");
        check(pattern(55), hex"07a527b6f7fe5c284abde3a147a9c5c211a7dcf7d6538364512187e9db161fccc0056f5a0a507714228a7a9b3529eccb", "55");
        check(pattern(111), hex"f9091ba8eda5badfaf1fe920cd9beaaba244670e43b248ebe4279c33ee714f1ac8bd263d8b15ef60826d59dd506f767b", "111");
        check(pattern(112), hex"df41fa4bd47658c4b7e088959c0afa23858e250535429faa9f28d376c7ee7697f7ff686a76490b29b53ff63c58e921a3", "112");
        check(pattern(113), hex"4e6046d7717b99cf7dfb0664767fd647b6f3ee60af6482f04c04b8a2865cdba22c7f01332173c475dcd33a1497a0974d", "113");
        check(pattern(127), hex"137da43a6202d4e7ba001ee31fe753993f9e10c1ebd84c890d16b9d1b5048401848582c2f22fbc9cb5e499707199be72", "127");
        check(pattern(128), hex"8d0ee450d00bb3a6989481266efe125cf97fbfb53cb63fb71f94d8285308d3c0a6bd5f0d6709f5a7d2feb58885dc5b1d", "128");
        check(pattern(129), hex"08868f08af76a98824b1a90ec44a1797aa911922820ea5f6cd0495fa7c156be8125384810369cad49e1a838a963f5211", "129");
        check(pattern(239), hex"5ad3a0d3dcf0ff6c38d5dc31abef06f8455346d5d5909a4b0ee0beb65dc93efade10ae4158ff42d261fc999929753caa", "239");
        check(pattern(240), hex"0a4dc4fdefcc756109a9a4f715a987a0ad4f64f8303f0ff27252a58e243b9e4d9457809e91933aa659f9636d862a9332", "240");
        check(pattern(255), hex"48f8c0ed0970cb60cbadf4bdb45f839ded0e160b32bab6c0b20ef2f879342cd980cf8b309f971ced5665c51bce9faf5d", "255");
        check(pattern(256), hex"00bef9a0324f6bc2957d1a17ea4b986bf720ea0622a7e9f714950311087e3d37caa7c7ae06677313458f77500fc2fb34", "256");
    }

    function test_Hash_LongMessages() public pure {
        check(pattern(1000), hex"c20312dcc930418092a55acc381c8e820a144d7484818c0d7e7e58f0c091a9e21911eeee9a7833443e4a054a0cb8b725", "1000");
        check(pattern(1024), hex"f3e6329431d2bac0171707b05e55e052efd6b48d7449bb56130d65a3c34053b8ce8eee1ddbb0febb21196220156b37e3", "1024");
        check(pattern(1184), hex"02ca3974b1c2fd5369320e926da890a8c7bf784f75b42307c27585526719fdee2017544b23d667bae862556b3bbbdccb", "1184 (an SEV-SNP report's size)");
    }

    /// @dev The textbook reference itself agrees with Go on the edge cases.
    function test_Reference_GoVectors() public pure {
        assertEq(keccak256(Sha384Reference.hash("abc")), keccak256(hex"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"), "abc");
        assertEq(keccak256(Sha384Reference.hash(pattern(112))), keccak256(hex"df41fa4bd47658c4b7e088959c0afa23858e250535429faa9f28d376c7ee7697f7ff686a76490b29b53ff63c58e921a3"), "112");
        assertEq(keccak256(Sha384Reference.hash(pattern(256))), keccak256(hex"00bef9a0324f6bc2957d1a17ea4b986bf720ea0622a7e9f714950311087e3d37caa7c7ae06677313458f77500fc2fb34"), "256");
    }

    /// @dev Random messages up to 300 bytes (1 to 3 blocks): Sha384 = the textbook reference.
    function testFuzz_Hash_MatchesReference(bytes memory m) public pure {
        if (m.length > 300) {
            assembly {
                mstore(m, 300)
            }
        }
        assertEq(keccak256(Sha384.hash(m)), keccak256(Sha384Reference.hash(m)), "Sha384 = reference");
    }

    /// @dev The input is not modified, the free memory pointer moves by exactly one 48-byte
    /// result (0x60), and repeated calls agree.
    function test_Hash_MemoryHygiene() public pure {
        bytes memory m = pattern(300);
        bytes32 before = keccak256(m);
        uint256 fp0;
        assembly {
            fp0 := mload(0x40)
        }
        bytes memory d1 = Sha384.hash(m);
        uint256 fp1;
        assembly {
            fp1 := mload(0x40)
        }
        assertEq(fp1 - fp0, 0x60, "allocates only the digest");
        assertEq(keccak256(m), before, "input unchanged");
        bytes memory d2 = Sha384.hash(m);
        assertEq(keccak256(d1), keccak256(d2), "deterministic");
        bytes32 tail;
        assembly {
            tail := mload(add(d1, 0x40))
        }
        assertEq(uint256(tail) & type(uint128).max, 0, "bytes after the digest are zero");
    }

    /// @dev MGF1-SHA-384 (RFC 8017 §B.2.1) vectors, from a throwaway Go program over
    /// crypto/sha512.Sum384: a 48-byte seed (RSA-PSS's H) to 463 bytes (a 4096-bit key's DB, 10
    /// digests: an even count), and the edge seeds 0, 92 and 107 bytes (the longest accepted).
    function test_Mgf1_GoVectors() public pure {
        checkMgf1(pattern(48), 463, hex"13df20b589c9114971d602179c50dcadda2ae7b0c8a115964abdd384f17c0fba650c23f0a2eb61642016377fb0ab137931fd2c4c00f69f2a0c520e541a1db75be79e8b5a7917c784c6f0d40ea2b142261ad9db9620547a098cfedbe02a060b66c811bdb576b3019e921c49a54c5cd005eee338ab51bcfe4f70d2510ce07a2d9c0d3a5102fb47eb3a2a8b0fdda1b9cb56a0d3b49bbbc100042fed82284b326a939ac1c5b9f996fb2efbe541de0ea1198e50c69e2103b5db1663859045f0c71fdc6214c8ecf227d108802dd825eeb021185587bb45bc3a6d32bd4342dd1ecd561f24fe0fe7c8f1c3e6bb4f165fcc4548ab4decda801b038db602467c6526d96365eeeae49d02bc48c1efe9b0000f14ad4f72ca4e73d32749cb02485189b6745a8e93fccdbf7e6bb35a30ee18e3a89d35ca9253146c19f9526ad07b61a5c5d73e64db523125890447638900bdb6b58b45908589e5256563b80ec762b2702d718fe678b44cbc58936210ace48417332252b2bb1dd6076a875d04eb5120598d04ba871b946755bb53e7c9067a8fcbda06ace1fa6bd923dfbbc4bad54a2777853dd691aa4f5c9a539e36587450a0e1552308c1036b0ffcf2a518f03709d8ff2d415042bbbd4810bc693869e774995309495c", "48-byte seed, 463 bytes");
        checkMgf1("", 49, hex"394341b7182cd227c5c6b07ef8000cdfd86136c4292b8e576573ad7ed9ae41019f5818b4b971c9effc60e1ad9f1289f014", "empty seed, 49 bytes (2 digests)");
        checkMgf1(pattern(107), 100, hex"e78b5bdcdec1ae5bf05e4baa69da30988a800b261101e6b942b87cd09be2f5071a7472d4ab842e5a4fc134402ad1a5cb2a9524345ea4967a0d8b7a551698cb8f1b4287ced1a65631b5e2d0b91516b7084e37922efc9766f5d967e882e1e721bb1665287b", "107-byte seed, 100 bytes (3 digests)");
        checkMgf1(pattern(92), 144, hex"3f98732d3ca92863527f65a62bd47889dd4119a385df94f5a9658edbe492170c8385ca916d7213ab40b30e2dbadd050bc3e253d22b9573f16fe1feb6d38e0c4b3b9549ac357a6358621f7f4557a447f550b3cfd8090d9f0ae481a9414d8758f44b3af448f8424118231957db7fa727678f282130b32f47b1cf5d778826fe6175e7ef3bef931bba5dc8e115995739a2ec", "92-byte seed, 144 bytes (3 digests)");
    }

    function checkMgf1(bytes memory seed, uint256 len, bytes memory want, string memory what) internal pure {
        bytes memory got = Sha384.mgf1(seed, len);
        assertEq(got.length, len, string.concat(what, ": length"));
        assertEq(keccak256(got), keccak256(want), what);
        bytes32 after_;
        assembly {
            after_ := mload(add(add(got, 0x20), len))
        }
        assertEq(after_, bytes32(0), string.concat(what, ": zero after the end"));
    }

    /// @dev mgf1 (two hashes per compression) equals hashing seed || C(i) one by one.
    function testFuzz_Mgf1_MatchesHash(bytes memory seed, uint256 len) public pure {
        if (seed.length > 107) {
            assembly {
                mstore(seed, 107)
            }
        }
        len = bound(len, 0, 600);
        bytes memory got = Sha384.mgf1(seed, len);
        bytes memory want;
        for (uint32 c = 0; want.length < len; c++) {
            want = bytes.concat(want, Sha384.hash(bytes.concat(seed, bytes4(c))));
        }
        assembly {
            mstore(want, len)
        }
        assertEq(keccak256(got), keccak256(want), "mgf1 = concatenated hashes");
    }

    function test_Mgf1_Empty() public pure {
        assertEq(Sha384.mgf1(pattern(48), 0).length, 0, "zero-length mask");
    }

    function test_RevertWhen_Mgf1SeedTooLong() public {
        vm.expectRevert(abi.encodeWithSelector(Sha384.Sha384Mgf1SeedTooLong.selector, uint256(108)));
        this.mgf1External(pattern(108), 48);
    }

    function mgf1External(bytes memory seed, uint256 len) external pure returns (bytes memory) {
        return Sha384.mgf1(seed, len);
    }

    /// @dev Gas measured with gasleft() around one call under Osaka (forge 1.7.1, solc 0.8.37,
    /// optimizer 200 runs): 1 KiB (8 data blocks + 1 padding block) 245,303; one block (the
    /// empty message) 28,954; mgf1 of a 48-byte seed to 463 bytes (10 digests, as for a
    /// 4096-bit RSA-PSS key) 194,364. The bounds leave ~2% of headroom; GasAbove shows the new
    /// figure when one is exceeded.
    uint256 internal constant GAS_1KIB_BOUND = 250_000;
    uint256 internal constant GAS_EMPTY_BOUND = 29_500;
    uint256 internal constant GAS_MGF1_463_BOUND = 198_000;

    error GasAbove(string what, uint256 used, uint256 bound);

    function test_Gas_OneKiB() public view {
        bytes memory m = pattern(1024);
        uint256 g = gasleft();
        Sha384.hash(m);
        uint256 used = g - gasleft();
        if (used > GAS_1KIB_BOUND) revert GasAbove("SHA-384 of 1 KiB", used, GAS_1KIB_BOUND);
    }

    function test_Gas_OneBlock() public view {
        bytes memory m = "";
        uint256 g = gasleft();
        Sha384.hash(m);
        uint256 used = g - gasleft();
        if (used > GAS_EMPTY_BOUND) revert GasAbove("SHA-384 of one block", used, GAS_EMPTY_BOUND);
    }

    function test_Gas_Mgf1Rsa4096() public view {
        bytes memory seed = pattern(48);
        uint256 g = gasleft();
        Sha384.mgf1(seed, 463);
        uint256 used = g - gasleft();
        if (used > GAS_MGF1_463_BOUND) revert GasAbove("MGF1-SHA-384 to 463 bytes", used, GAS_MGF1_463_BOUND);
    }
}

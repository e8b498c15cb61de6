// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {SHA384} from "../src/lib/SHA384.sol";

/// @notice Expected digests computed with Go's crypto/sha512.Sum384. pattern(n)[i] = i*7+3 mod 256.
contract SHA384Test is Test {
    function pattern(uint256 n) internal pure returns (bytes memory b) {
        b = new bytes(n);
        for (uint256 i = 0; i < n; i++) {
            b[i] = bytes1(uint8(i * 7 + 3));
        }
    }

    function check(bytes memory m, bytes memory want, string memory what) internal pure {
        assertEq(keccak256(SHA384.hash(m)), keccak256(want), what);
    }

    function test_Hash_GoVectors() public pure {
        check("", hex"38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b", "empty");
        check("abc", hex"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7", "abc");
        check(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            hex"09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039",
            "NIST 896-bit"
        );
        check(pattern(111), hex"341388a9dc2275074e90cf394323761919761c805fd9e370977c9966a0e8c81a52135f02577670b0071638a4a26dbc31", "111 (padding fits)");
        check(pattern(112), hex"619cc5d06138526d70659eccf602d197e63e1050e22039a7feb40a30a5b2b08fb03729e291df12f8c576e6f1cd8af22a", "112 (padding spills)");
        check(pattern(127), hex"f8234ab81f5f9641c656680825a9bbb3c2616bcc80b65d5e479a4d96742e1b8742330c9e8256ef5f03caa932487044ca", "127");
        check(pattern(128), hex"e8480e9c4dd90f88104a79cbaccec48edbd798a142b4f241d726dc252f1502350e824c7d18dadd59d7d716919fb8f9bf", "128");
        check(pattern(129), hex"430173387764874661acba1e914e50f6d0fbac534809e859b1da4396fad3d5f24c25c6a2d02486d8fbda3994713d981a", "129");
        check(pattern(1000), hex"94c38db521ca733b8904c2d14b6e82d33dcfcc26e1318c579dbee1fc2f472019034e792263b9d46e90e700de2f6e7e91", "1000");
        check(pattern(1184), hex"dec61888537ebfae074e2cdaa0b4ffe00465031b86d8239f1ac765e5afa8297f7b431127f1367c66235c05b7a2df36d2", "1184 (a report)");
    }

    function test_Gas_ReportSignedPart() public view {
        bytes memory m = pattern(0x2A0);
        uint256 g = gasleft();
        SHA384.hash(m);
        uint256 used = g - gasleft();
        assertTrue(used < 2_000_000, "hashing a report's signed part stays under 2M gas");
    }
}

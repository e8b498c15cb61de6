// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {Der, X509} from "../src/lib/X509.sol";
import {AmdMilanFixtures as F} from "./fixtures/AmdMilanFixtures.sol";

/// @notice Exposes the library so reverts can be expected.
contract X509Harness {
    function tbsAndSig(bytes memory der) external pure returns (bytes32, bytes32) {
        X509.Cert memory c = X509.parse(der);
        return (keccak256(X509.tbsBytes(der, c)), keccak256(c.signature));
    }

    function rsa(bytes memory der) external pure returns (bytes memory n, bytes memory e) {
        X509.Cert memory c = X509.parse(der);
        return X509.rsaPublicKey(der, c);
    }

    function ec(bytes memory der) external pure returns (bytes memory x, bytes memory y) {
        X509.Cert memory c = X509.parse(der);
        return X509.p384PublicKey(der, c);
    }

    function tcb(bytes memory der) external pure returns (uint64, bytes32) {
        X509.Cert memory c = X509.parse(der);
        return X509.amdTcb(der, c);
    }
}

contract X509Test is Test {
    X509Harness internal h = new X509Harness();

    function test_Parse_RealMilanCertificates() public view {
        bytes[3] memory ders = [F.VCEK, F.ASK, F.ARK];
        bytes32[3] memory tbs = [F.VCEK_TBS_KECCAK, F.ASK_TBS_KECCAK, F.ARK_TBS_KECCAK];
        bytes32[3] memory sig = [F.VCEK_SIG_KECCAK, F.ASK_SIG_KECCAK, F.ARK_SIG_KECCAK];
        for (uint256 i = 0; i < 3; i++) {
            (bytes32 t, bytes32 s) = h.tbsAndSig(ders[i]);
            assertEq(t, tbs[i], "tbs matches Go's RawTBSCertificate");
            assertEq(s, sig[i], "signature matches Go's Signature");
        }
    }

    function test_RsaPublicKey_ArkAndAsk() public view {
        (bytes memory n, bytes memory e) = h.rsa(F.ARK);
        assertEq(n.length, 512, "ARK modulus is 4096 bits");
        assertEq(uint8(n[0]), 0xd0, "ARK modulus prefix (Go: d0b779d9...)");
        assertEq(keccak256(e), keccak256(hex"010001"), "exponent 65537");
        (n,) = h.rsa(F.ASK);
        assertEq(uint8(n[0]), 0x9d, "ASK modulus prefix (Go: 9d4d9dae...)");
    }

    function test_P384PublicKey_Vcek() public view {
        (bytes memory x, bytes memory y) = h.ec(F.VCEK);
        assertEq(keccak256(x), keccak256(hex"48ec9f362eedee5ea1765939d30ac6c056c8219ade71c585d2e21f773cde430f30b20d6ab817df8e8de1d85cf293a385"), "x");
        assertEq(keccak256(y), keccak256(hex"4f08609d7f00f4852ccd83882772abfe82ffcc70fa8a63fb94f532c840f2e7a835607cc725bf125b884ffec9044e3ef9"), "y");
    }

    function test_AmdTcb_Vcek() public view {
        (uint64 tcb, bytes32 hwid) = h.tcb(F.VCEK);
        assertEq(tcb, 0x4405000000000002, "TCB as go-sev-guest's kds composes it");
        assertEq(
            hwid,
            keccak256(hex"3ac3fe21e13fb0990eb28a802e3fb6a29483a6b0753590c951bdd3b8e53786184ca39e359669a2b76a1936776b564ea464cdce40c05f63c9b610c5068b006b5d"),
            "hwid"
        );
    }

    function test_RevertWhen_Truncated() public {
        bytes memory der = F.VCEK;
        assembly {
            mstore(der, sub(mload(der), 1))
        }
        vm.expectRevert();
        h.tbsAndSig(der);
    }

    function test_RevertWhen_TrailingByte() public {
        vm.expectRevert(abi.encodeWithSelector(Der.MalformedDer.selector, F.VCEK.length));
        h.tbsAndSig(bytes.concat(F.VCEK, hex"00"));
    }

    function test_RevertWhen_NotAnEcKey() public {
        vm.expectRevert(X509.UnsupportedAlgorithm.selector);
        h.ec(F.ASK);
    }

    function test_RevertWhen_NoAmdExtensions() public {
        vm.expectRevert();
        h.tcb(F.ARK);
    }

    function testFuzz_CorruptionNeverPanics(uint256 pos, uint8 x) public view {
        bytes memory der = bytes.concat(F.VCEK);
        pos = bound(pos, 0, der.length - 1);
        der[pos] = bytes1(uint8(der[pos]) ^ (x | 1));
        // Either a clean custom-error revert or a parse of different bytes; never a panic.
        try h.tbsAndSig(der) returns (bytes32 t, bytes32) {
            assertTrue(t != F.VCEK_TBS_KECCAK || pos >= 4 + 767, "corruption inside the TBS went unnoticed");
        } catch (bytes memory reason) {
            assertTrue(reason.length >= 4 && bytes4(reason) != bytes4(0x4e487b71), "panicked");
        }
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {AttestationRegistry} from "../src/AttestationRegistry.sol";
import {IAttestationRegistry} from "../src/interfaces/IAttestationRegistry.sol";
import {X509} from "../src/lib/X509.sol";
import {AmdMilanFixtures as F} from "./fixtures/AmdMilanFixtures.sol";
import {SimSnpFixtures as S} from "./fixtures/SimSnpFixtures.sol";

contract AttestationRegistryTest is Test {
    AttestationRegistry internal prod; // AMD's real Milan root
    AttestationRegistry internal dev; // go-sev-guest's test root
    address internal gov = address(0x60f);

    event AskRegistered(bytes32 indexed askId, bytes32 indexed productLine);
    event MeasurementAllowed(bytes32 indexed measurement, bytes rawMeasurement);
    event MeasurementRevoked(bytes32 indexed measurement);

    function rsaKey(bytes memory der) internal pure returns (bytes memory n, bytes memory e) {
        X509.Cert memory c = X509.parse(der);
        return X509.rsaPublicKey(der, c);
    }

    function root(string memory line, bytes memory arkDer, bool testOnly) internal pure returns (IAttestationRegistry.Root[] memory r) {
        (bytes memory n, bytes memory e) = rsaKey(arkDer);
        r = new IAttestationRegistry.Root[](1);
        r[0] = IAttestationRegistry.Root(line, n, e, testOnly);
    }

    function setUp() public {
        prod = new AttestationRegistry(gov, root("Milan", F.ARK, false), 1 days, 0);
        dev = new AttestationRegistry(gov, root("Milan", S.A_ARK, true), 1 days, 0);
    }

    function test_RegisterAskAndVcek_RealMilan() public {
        bytes32 askId = prod.registerAsk("Milan", F.ASK);
        uint256 used = vm.snapshotGasLastCall("AttestationRegistry.registerAsk(real Milan)");
        assertTrue(used <= 8_000_000, "ASK registration within 8M gas");
        bytes32 vcekId = prod.registerVcek(askId, F.VCEK);
        used = vm.snapshotGasLastCall("AttestationRegistry.registerVcek(real Milan)");
        assertTrue(used <= 8_000_000, "VCEK registration within 8M gas");
        IAttestationRegistry.Vcek memory v = prod.vcek(vcekId);
        assertEq(v.tcb, 0x4405000000000002, "VCEK TCB from its extensions");
        assertEq(
            keccak256(v.x),
            keccak256(hex"48ec9f362eedee5ea1765939d30ac6c056c8219ade71c585d2e21f773cde430f30b20d6ab817df8e8de1d85cf293a385"),
            "VCEK key"
        );
        assertTrue(!v.testOnly, "real root is not test-only");
    }

    function test_RegisterAskAndVcek_Simulated() public {
        bytes32 askId = dev.registerAsk("Milan", S.A_ASK);
        bytes32 vcekId = dev.registerVcek(askId, S.A_VCEK);
        assertTrue(dev.vcek(vcekId).testOnly, "simulated chain is flagged test-only");
        assertTrue(dev.rootIsTestOnly("Milan"), "dev root is test-only");
    }

    function test_RevertWhen_SimulatedAskAgainstRealRoot() public {
        vm.expectRevert(IAttestationRegistry.BadCertificateSignature.selector);
        prod.registerAsk("Milan", S.A_ASK);
    }

    function test_RevertWhen_AskNotSignedByPinnedArk() public {
        // B's ASK is a different key, certified by B's own chain, not by the pinned real ARK.
        vm.expectRevert(IAttestationRegistry.BadCertificateSignature.selector);
        prod.registerAsk("Milan", S.B_ASK);
    }

    function test_RevertWhen_VcekNotSignedByAsk() public {
        bytes32 askId = dev.registerAsk("Milan", S.A_ASK);
        vm.expectRevert(IAttestationRegistry.BadCertificateSignature.selector);
        dev.registerVcek(askId, S.B_VCEK); // signed by B's ASK
    }

    function test_RevertWhen_TamperedCertificate() public {
        bytes memory ask = bytes.concat(F.ASK);
        ask[300] ^= 0x01; // inside the TBS
        vm.expectRevert();
        prod.registerAsk("Milan", ask);
    }

    function test_RevertWhen_UnknownRootOrAsk() public {
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.UnknownRoot.selector, keccak256("Genoa")));
        prod.registerAsk("Genoa", F.ASK);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.UnknownAsk.selector, bytes32(uint256(1))));
        prod.registerVcek(bytes32(uint256(1)), F.VCEK);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.UnknownVcek.selector, bytes32(uint256(2))));
        prod.vcek(bytes32(uint256(2)));
    }

    function test_Measurements_Governance() public {
        bytes memory m = new bytes(48);
        m[0] = 0x42;
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.NotGovernance.selector, address(this)));
        prod.allowMeasurement(m);
        vm.expectEmit(true, false, false, true, address(prod));
        emit MeasurementAllowed(keccak256(m), m);
        vm.prank(gov);
        prod.allowMeasurement(m);
        assertTrue(prod.measurementAllowed(keccak256(m)), "allowed");
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.NotGovernance.selector, address(this)));
        prod.revokeMeasurement(keccak256(m));
        vm.expectEmit(true, false, false, true, address(prod));
        emit MeasurementRevoked(keccak256(m));
        vm.prank(gov);
        prod.revokeMeasurement(keccak256(m));
        assertTrue(!prod.measurementAllowed(keccak256(m)), "revoked");
        vm.prank(gov);
        vm.expectRevert();
        prod.allowMeasurement(hex"42"); // not 48 bytes
    }

    function test_ReportData_MatchesGoBinding() public view {
        // enclave.Binding.ReportData in Go computes the same layout; the Go test checks parity
        // against this function through the bindings.
        bytes memory rd = prod.reportData(address(0x1111), hex"01", 7);
        assertEq(rd.length, 64, "64 bytes");
        assertEq(bytes32(rd) >> 96, bytes32(uint256(uint160(address(0x1111)))), "address in bytes 0-19");
    }
}

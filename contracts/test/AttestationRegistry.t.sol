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
        vm.snapshotGasLastCall("AttestationRegistry.registerAsk(simulated)");
        bytes32 vcekId = dev.registerVcek(askId, S.A_VCEK);
        vm.snapshotGasLastCall("AttestationRegistry.registerVcek(simulated)");
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

/// @notice Matcher registration with simulated reports (tools/fixtures/simsnp.go), bound for
/// the first contract this test creates on chain 31337.
contract AttestationRegistryMatcherTest is Test {
    AttestationRegistry internal reg;
    bytes32 internal vcekId;
    address internal gov = address(0x60f);

    event MatcherRegistered(
        address indexed matcher, bytes32 indexed measurement, bytes32 vcekId, uint64 expiresAt, bool testOnly, bytes report, bytes hpkeKey
    );

    function setUp() public {
        X509.Cert memory c = X509.parse(S.A_ARK);
        (bytes memory n, bytes memory e) = X509.rsaPublicKey(S.A_ARK, c);
        IAttestationRegistry.Root[] memory roots = new IAttestationRegistry.Root[](1);
        roots[0] = IAttestationRegistry.Root("Milan", n, e, true);
        reg = new AttestationRegistry(gov, roots, 1 days, 0);
        assertEq(address(reg), S.REGISTRY, "registry at the address the fixtures bind");
        askId = reg.registerAsk("Milan", S.A_ASK);
        vm.prank(gov);
        reg.allowMeasurement(S.MEASUREMENT);
    }

    bytes32 internal askId;

    /// @dev The VCEK is registered inside each test: setUp is one transaction under the cap too.
    modifier withVcek() {
        vcekId = reg.registerVcek(askId, S.A_VCEK);
        _;
    }

    function register(bytes memory report, uint256 nonce) internal {
        reg.registerMatcher(vcekId, report, S.MATCHER, S.HPKE_KEY, nonce);
    }

    function test_RegisterMatcher() public withVcek {
        assertEq(S.MATCHER, vm.addr(0xbeef), "fixture matcher key");
        vm.expectEmit(true, true, false, true, address(reg));
        emit MatcherRegistered(S.MATCHER, keccak256(S.MEASUREMENT), vcekId, uint64(block.timestamp + 1 days), true, S.REPORT_OK, S.HPKE_KEY);
        register(S.REPORT_OK, 1);
        uint256 used = vm.snapshotGasLastCall("AttestationRegistry.registerMatcher");
        assertTrue(used <= 8_000_000, "matcher registration within 8M gas");
        assertTrue(reg.isRegistered(S.MATCHER), "registered");
        IAttestationRegistry.Matcher memory m = reg.matcherOf(S.MATCHER);
        assertTrue(m.testOnly, "simulated matcher flagged");
        assertEq(m.hpkeKeyHash, keccak256(S.HPKE_KEY), "HPKE key bound");

        // After registration, an output costs one ecrecover.
        bytes32 digest = keccak256("aggregate metrics");
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(0xbeef, digest);
        assertEq(reg.requireMatcherSignature(digest, abi.encodePacked(r, s, v)), S.MATCHER, "matcher output accepted");
        (v, r, s) = vm.sign(0xbad, digest);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.NotRegistered.selector, vm.addr(0xbad)));
        reg.requireMatcherSignature(digest, abi.encodePacked(r, s, v));
    }

    function test_RevertWhen_ExpiredOrRevoked() public withVcek {
        register(S.REPORT_OK, 1);
        bytes32 digest = keccak256("output");
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(0xbeef, digest);
        vm.warp(block.timestamp + 1 days);
        assertTrue(!reg.isRegistered(S.MATCHER), "expired registration");
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.NotRegistered.selector, S.MATCHER));
        reg.requireMatcherSignature(digest, abi.encodePacked(r, s, v));
        vm.warp(block.timestamp - 1 days);
        vm.prank(gov);
        reg.revokeMeasurement(keccak256(S.MEASUREMENT));
        assertTrue(!reg.isRegistered(S.MATCHER), "revoked measurement");
    }

    function test_RevertWhen_Debug() public withVcek {
        vm.expectRevert(IAttestationRegistry.DebugAllowed.selector);
        register(S.REPORT_DEBUG, 1);
    }

    function test_RevertWhen_WrongVmpl() public withVcek {
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.WrongVmpl.selector, 1));
        register(S.REPORT_VMPL1, 1);
    }

    function test_RevertWhen_UnknownMeasurement() public withVcek {
        bytes memory m = bytes.concat(S.MEASUREMENT);
        m[0] ^= 0xff;
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.MeasurementNotAllowed.selector, keccak256(m)));
        register(S.REPORT_OTHER_MEASUREMENT, 1);
    }

    function test_RevertWhen_RevokedMeasurement() public withVcek {
        vm.prank(gov);
        reg.revokeMeasurement(keccak256(S.MEASUREMENT));
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.MeasurementNotAllowed.selector, keccak256(S.MEASUREMENT)));
        register(S.REPORT_OK, 1);
    }

    function test_RevertWhen_BoundToAnotherChain() public withVcek {
        vm.expectRevert(IAttestationRegistry.ReportDataMismatch.selector);
        register(S.REPORT_OTHER_CHAIN, 1);
    }

    function test_RevertWhen_BoundToAnotherMatcherOrKey() public withVcek {
        vm.expectRevert(IAttestationRegistry.ReportDataMismatch.selector);
        reg.registerMatcher(vcekId, S.REPORT_OK, address(0x1234), S.HPKE_KEY, 1);
        vm.expectRevert(IAttestationRegistry.ReportDataMismatch.selector);
        reg.registerMatcher(vcekId, S.REPORT_OK, S.MATCHER, "another hpke key", 1);
        vm.expectRevert(IAttestationRegistry.ReportDataMismatch.selector);
        register(S.REPORT_OK, 2); // the report binds nonce 1
    }

    function test_RevertWhen_NonceReplayed() public withVcek {
        register(S.REPORT_OK, 1);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.NonceUsed.selector, 1));
        register(S.REPORT_OK, 1);
    }

    function test_RevertWhen_SignedByAnotherVcek() public withVcek {
        vm.expectRevert(IAttestationRegistry.BadReportSignature.selector);
        register(S.REPORT_BY_B, 1);
    }

    function test_RevertWhen_FlippedSignedByte() public withVcek {
        bytes memory r = bytes.concat(S.REPORT_OK);
        r[0xC5] ^= 0x01; // HOST_DATA: not a policy field, only the signature notices
        vm.expectRevert(IAttestationRegistry.BadReportSignature.selector);
        register(r, 1);
    }

    function test_RevertWhen_TruncatedOrOversized() public withVcek {
        bytes memory r = bytes.concat(S.REPORT_OK);
        assembly {
            mstore(r, 1000)
        }
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.BadReportLength.selector, 1000));
        register(r, 1);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.BadReportLength.selector, 1185));
        register(bytes.concat(S.REPORT_OK, hex"00"), 1);
    }

    function test_RevertWhen_TcbBelowMinimum() public withVcek {
        vm.prank(gov);
        reg.setMinimumTcb(0x0800000000000000);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.TcbTooLow.selector, 0, 0x0800000000000000));
        register(S.REPORT_OK, 1);
    }

    function test_RevertWhen_TcbNotMatchingVcek() public withVcek {
        // REPORTED_TCB (0x180) differs from the TCB in the VCEK's certificate: refused before
        // the signature is even looked at.
        bytes memory r = bytes.concat(S.REPORT_OK);
        r[0x187] = 0x08; // SNP firmware SVN 8 in the top byte
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.TcbMismatch.selector, 0x0800000000000000, 0));
        register(r, 1);
    }

    function test_RevertWhen_OtherChip() public withVcek {
        bytes memory r = bytes.concat(S.REPORT_OK);
        r[0x1A0] ^= 0x01; // CHIP_ID differs from the VCEK's hwID
        vm.expectRevert(IAttestationRegistry.ChipMismatch.selector);
        register(r, 1);
    }

    function test_RevertWhen_BoundToAnotherRegistry() public {
        // A second registry with the same roots, certificates and measurement: the report names
        // the first registry's address in REPORT_DATA, so the second refuses it.
        X509.Cert memory c = X509.parse(S.A_ARK);
        (bytes memory n, bytes memory e) = X509.rsaPublicKey(S.A_ARK, c);
        IAttestationRegistry.Root[] memory roots = new IAttestationRegistry.Root[](1);
        roots[0] = IAttestationRegistry.Root("Milan", n, e, true);
        AttestationRegistry other = new AttestationRegistry(gov, roots, 1 days, 0);
        assertTrue(address(other) != S.REGISTRY, "a different registry");
        bytes32 id = other.registerVcek(other.registerAsk("Milan", S.A_ASK), S.A_VCEK);
        vm.prank(gov);
        other.allowMeasurement(S.MEASUREMENT);
        vm.expectRevert(IAttestationRegistry.ReportDataMismatch.selector);
        other.registerMatcher(id, S.REPORT_OK, S.MATCHER, S.HPKE_KEY, 1);
    }

    function test_RevertWhen_UnknownVcek() public {
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.UnknownVcek.selector, bytes32(uint256(7))));
        reg.registerMatcher(bytes32(uint256(7)), S.REPORT_OK, S.MATCHER, S.HPKE_KEY, 1);
    }

    function test_RevertWhen_RealMilanReportHasDebug() public {
        // The real AMD report from go-sev-guest's testdata is genuine but from a DEBUG guest.
        AttestationRegistry real = _realRegistry();
        bytes32 id = real.registerVcek(real.registerAsk("Milan", F.ASK), F.VCEK);
        vm.prank(gov);
        real.allowMeasurement(new bytes(48));
        vm.expectRevert(IAttestationRegistry.DebugAllowed.selector);
        real.registerMatcher(id, F.REPORT, S.MATCHER, S.HPKE_KEY, 1);
    }

    function _realRegistry() internal returns (AttestationRegistry) {
        X509.Cert memory c = X509.parse(F.ARK);
        (bytes memory n, bytes memory e) = X509.rsaPublicKey(F.ARK, c);
        IAttestationRegistry.Root[] memory roots = new IAttestationRegistry.Root[](1);
        roots[0] = IAttestationRegistry.Root("Milan", n, e, false);
        return new AttestationRegistry(gov, roots, 1 days, 0);
    }
}


// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SimSnpRegistry} from "./utils/SimSnpRegistry.sol";
import {AttestationRegistry} from "../src/AttestationRegistry.sol";
import {MetricsLedger} from "../src/MetricsLedger.sol";
import {IAttestationRegistry} from "../src/interfaces/IAttestationRegistry.sol";
import {SimSnpFixtures as S} from "./fixtures/SimSnpFixtures.sol";

/// @notice Matcher outputs on-chain: accepted only from a registered, unexpired matcher key.
contract MetricsLedgerTest is SimSnpRegistry {
    AttestationRegistry internal reg;
    MetricsLedger internal ledger;
    address internal vendor = address(0x70997970C51812dc3A010C7d01b50e0d17dc79C8);
    bytes internal buckets = bytes('{"byLocation":{"Quan 1":{"matched":12}},"byDay":{}}');

    event MetricsPosted(
        address indexed vendor, address indexed matcher, uint64 epoch, uint64 agentsMatched, uint64 impressionsSent, uint64 redemptions, bytes buckets
    );

    function setUp() public {
        reg = deploySimRegistry(1 days);
        ledger = new MetricsLedger(reg);
        registerSimMatcher(reg);
    }

    function totals(uint64 epoch, uint64 matched) internal pure returns (MetricsLedger.Totals memory) {
        return MetricsLedger.Totals(matched, matched, 0, epoch);
    }

    function sign(uint256 key, address v, MetricsLedger.Totals memory t, bytes memory b) internal view returns (bytes memory) {
        (uint8 sv, bytes32 r, bytes32 s) = vm.sign(key, ledger.digest(v, t, b));
        return abi.encodePacked(r, s, sv);
    }

    function test_Post() public {
        MetricsLedger.Totals memory t = totals(1, 12);
        vm.expectEmit(true, true, false, true, address(ledger));
        emit MetricsPosted(vendor, S.MATCHER, 1, 12, 12, 0, buckets);
        ledger.post(vendor, t, buckets, sign(0xbeef, vendor, t, buckets));
        vm.snapshotGasLastCall("MetricsLedger.post");
        (uint64 matched,,, uint64 epoch) = ledger.totals(vendor, S.MATCHER);
        assertEq(matched, 12, "stored total");
        assertEq(epoch, 1, "stored epoch");
        t = totals(2, 20);
        ledger.post(vendor, t, buckets, sign(0xbeef, vendor, t, buckets));
        (matched,,,) = ledger.totals(vendor, S.MATCHER);
        assertEq(matched, 20, "next total");
    }

    function test_RevertWhen_NotARegisteredMatcher() public {
        MetricsLedger.Totals memory t = totals(1, 12);
        bytes memory sig = sign(0xbad, vendor, t, buckets);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.NotRegistered.selector, vm.addr(0xbad)));
        ledger.post(vendor, t, buckets, sig);
    }

    function test_RevertWhen_ExpiredRegistrationPosts() public {
        MetricsLedger.Totals memory t = totals(1, 12);
        bytes memory sig = sign(0xbeef, vendor, t, buckets);
        vm.warp(block.timestamp + 1 days);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.NotRegistered.selector, S.MATCHER));
        ledger.post(vendor, t, buckets, sig);
    }

    function test_RevertWhen_RevokedMeasurementPosts() public {
        MetricsLedger.Totals memory t = totals(1, 12);
        vm.prank(gov);
        reg.revokeMeasurement(keccak256(S.MEASUREMENT));
        bytes memory sig = sign(0xbeef, vendor, t, buckets);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.NotRegistered.selector, S.MATCHER));
        ledger.post(vendor, t, buckets, sig);
    }

    function test_RevertWhen_ChangedAfterSigning() public {
        MetricsLedger.Totals memory t = totals(1, 12);
        bytes memory sig = sign(0xbeef, vendor, t, buckets);
        // Any changed field recovers another (unregistered) address.
        vm.expectRevert();
        ledger.post(vendor, totals(1, 13), buckets, sig);
        vm.expectRevert();
        ledger.post(address(0x1234), t, buckets, sig);
        vm.expectRevert();
        ledger.post(vendor, t, bytes("{}"), sig);
        (,,, uint64 epoch) = ledger.totals(vendor, S.MATCHER);
        assertEq(epoch, 0, "nothing recorded");
    }

    function test_RevertWhen_ReplayedOrStale() public {
        MetricsLedger.Totals memory t = totals(2, 12);
        bytes memory sig = sign(0xbeef, vendor, t, buckets);
        ledger.post(vendor, t, buckets, sig);
        vm.expectRevert(abi.encodeWithSelector(MetricsLedger.StaleEpoch.selector, 2, 2));
        ledger.post(vendor, t, buckets, sig);
        MetricsLedger.Totals memory old = totals(1, 30);
        bytes memory oldSig = sign(0xbeef, vendor, old, buckets);
        vm.expectRevert(abi.encodeWithSelector(MetricsLedger.StaleEpoch.selector, 1, 2));
        ledger.post(vendor, old, buckets, oldSig);
    }

    function test_RevertWhen_CountsDecrease() public {
        MetricsLedger.Totals memory t = totals(1, 12);
        ledger.post(vendor, t, buckets, sign(0xbeef, vendor, t, buckets));
        MetricsLedger.Totals memory less = totals(2, 11);
        bytes memory sig = sign(0xbeef, vendor, less, buckets);
        vm.expectRevert(MetricsLedger.CountsDecreased.selector);
        ledger.post(vendor, less, buckets, sig);
    }

    function test_RevertWhen_SignedForAnotherChain() public {
        MetricsLedger.Totals memory t = totals(1, 12);
        bytes memory sig = sign(0xbeef, vendor, t, buckets);
        vm.chainId(10);
        vm.expectRevert();
        ledger.post(vendor, t, buckets, sig);
    }
}

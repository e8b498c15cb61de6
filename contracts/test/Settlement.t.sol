// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test, Vm} from "./utils/Test.sol";
import {SimSnpRegistry} from "./utils/SimSnpRegistry.sol";
import {AttestationRegistry} from "../src/AttestationRegistry.sol";
import {IAttestationRegistry} from "../src/interfaces/IAttestationRegistry.sol";
import {Settlement} from "../src/Settlement.sol";
import {TestStablecoin} from "../src/dev/TestStablecoin.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SimSnpFixtures as S} from "./fixtures/SimSnpFixtures.sol";

uint256 constant SEQUENCER_KEY = 0xbeef; // the fixtures' registered matcher

/// @notice Signs batches as the registered sequencer (the fixtures' matcher key).
abstract contract BatchSigner {
    Vm internal constant vmb = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    function hdr(uint64 id, bytes32 prev, bytes32 next, uint256 seen) internal pure returns (Settlement.Batch memory) {
        return Settlement.Batch(id, prev, next, keccak256("vendor root"), seen);
    }

    function leaf(address a, uint256 amount) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(a, amount))));
    }

    function pair(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encode(a, b)) : keccak256(abi.encode(b, a));
    }

    function signBatch(Settlement s, uint256 key, Settlement.Batch memory b, address[] memory vs, uint256[] memory ts)
        internal
        view
        returns (bytes memory)
    {
        (uint8 v, bytes32 r, bytes32 sg) = vmb.sign(key, s.batchDigest(b, vs, ts));
        return abi.encodePacked(r, sg, v);
    }
}

contract SettlementTest is SimSnpRegistry, BatchSigner {
    AttestationRegistry internal att;
    TestStablecoin internal usd;
    Settlement internal st;
    address internal alice = address(0xA11CE);
    address internal vendorA = address(0xA);
    address internal vendorB = address(0xB);

    function setUp() public {
        att = deploySimRegistry(30 days);
        usd = new TestStablecoin();
        st = new Settlement(IERC20(address(usd)), att, 1 days);
        registerSimMatcher(att);
        usd.mint(alice, 1_000e6);
        vm.prank(alice);
        usd.approve(address(st), type(uint256).max);
        vm.prank(alice);
        st.deposit(address(0xACC1), 100e6); // to an account key, not the wallet
    }

    function one(address v, uint256 t) internal pure returns (address[] memory vs, uint256[] memory ts) {
        vs = new address[](1);
        ts = new uint256[](1);
        vs[0] = v;
        ts[0] = t;
    }

    function post(uint64 id, bytes32 prev, bytes32 next, address v, uint256 t) internal {
        (address[] memory vs, uint256[] memory ts) = one(v, t);
        Settlement.Batch memory b = hdr(id, prev, next, st.deposited());
        st.postBatch(b, vs, ts, signBatch(st, SEQUENCER_KEY, b, vs, ts));
    }

    function test_BatchAndWithdraw() public {
        address[] memory vs = new address[](2);
        uint256[] memory ts = new uint256[](2);
        (vs[0], vs[1], ts[0], ts[1]) = (vendorA, vendorB, 30e6, 20e6);
        Settlement.Batch memory b = hdr(1, bytes32(0), keccak256("root 1"), 100e6);
        b.vendorRoot = pair(leaf(vendorA, 30e6), leaf(vendorB, 20e6));
        st.postBatch(b, vs, ts, signBatch(st, SEQUENCER_KEY, b, vs, ts));
        vm.snapshotGasLastCall("Settlement.postBatch(2 vendors)");
        assertEq(st.stateRoot(), keccak256("root 1"), "root");
        assertEq(st.credited(), 50e6, "credited");
        bytes32[] memory proof = new bytes32[](1);
        proof[0] = leaf(vendorB, 20e6);
        vm.expectRevert(Settlement.BadProof.selector);
        st.withdraw(vendorA, 31e6, proof); // more than its credit
        vm.prank(address(0x7e1a7e7)); // a relayer submits; the vendor is paid
        st.withdraw(vendorA, 30e6, proof);
        vm.snapshotGasLastCall("Settlement.withdraw");
        assertEq(usd.balanceOf(vendorA), 30e6, "paid A");
        vm.expectRevert(abi.encodeWithSelector(Settlement.NothingToWithdraw.selector, vendorA));
        st.withdraw(vendorA, 30e6, proof); // already withdrawn
        vm.expectRevert(Settlement.BadProof.selector);
        st.withdraw(vendorB, 30e6, proof); // another vendor's leaf
    }

    function test_RevertWhen_BatchFromUnregisteredKey() public {
        (address[] memory vs, uint256[] memory ts) = one(vendorA, 1e6);
        bytes memory sig = signBatch(st, 0xbad, hdr(1, bytes32(0), keccak256("r"), 100e6), vs, ts);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.NotRegistered.selector, vm.addr(0xbad)));
        st.postBatch(hdr(1, bytes32(0), keccak256("r"), 100e6), vs, ts, sig);
    }

    function test_RevertWhen_BatchFromExpiredKey() public {
        vm.warp(block.timestamp + 31 days);
        (address[] memory vs, uint256[] memory ts) = one(vendorA, 1e6);
        bytes memory sig = signBatch(st, SEQUENCER_KEY, hdr(1, bytes32(0), keccak256("r"), 100e6), vs, ts);
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.NotRegistered.selector, S.MATCHER));
        st.postBatch(hdr(1, bytes32(0), keccak256("r"), 100e6), vs, ts, sig);
    }

    function test_RevertWhen_WrongPrevRootOrReplay() public {
        post(1, bytes32(0), keccak256("r1"), vendorA, 1e6);
        (address[] memory vs, uint256[] memory ts) = one(vendorA, 1e6);
        bytes memory sig = signBatch(st, SEQUENCER_KEY, hdr(2, keccak256("other"), keccak256("r2"), 100e6), vs, ts);
        vm.expectRevert(abi.encodeWithSelector(Settlement.WrongPrevRoot.selector, keccak256("other"), keccak256("r1")));
        st.postBatch(hdr(2, keccak256("other"), keccak256("r2"), 100e6), vs, ts, sig);
        sig = signBatch(st, SEQUENCER_KEY, hdr(1, bytes32(0), keccak256("r1"), 100e6), vs, ts);
        vm.expectRevert(abi.encodeWithSelector(Settlement.WrongBatch.selector, 1, 2));
        st.postBatch(hdr(1, bytes32(0), keccak256("r1"), 100e6), vs, ts, sig); // replayed batch
    }

    function test_RevertWhen_TotalsExceedDeposits() public {
        (address[] memory vs, uint256[] memory ts) = one(vendorA, 100e6 + 1);
        bytes memory sig = signBatch(st, SEQUENCER_KEY, hdr(1, bytes32(0), keccak256("r"), 100e6), vs, ts);
        vm.expectRevert(abi.encodeWithSelector(Settlement.OverDeposits.selector, 100e6 + 1, 100e6));
        st.postBatch(hdr(1, bytes32(0), keccak256("r"), 100e6), vs, ts, sig);
        sig = signBatch(st, SEQUENCER_KEY, hdr(1, bytes32(0), keccak256("r"), 200e6), vs, ts);
        vm.expectRevert(abi.encodeWithSelector(Settlement.StaleDeposits.selector, 200e6, 100e6));
        st.postBatch(hdr(1, bytes32(0), keccak256("r"), 200e6), vs, ts, sig); // deposits the chain never saw
    }

    function test_RevertWhen_SignedBatchChanged() public {
        (address[] memory vs, uint256[] memory ts) = one(vendorA, 1e6);
        bytes memory sig = signBatch(st, SEQUENCER_KEY, hdr(1, bytes32(0), keccak256("r"), 100e6), vs, ts);
        ts[0] = 2e6; // the relayer inflates a vendor's total
        vm.expectRevert();
        st.postBatch(hdr(1, bytes32(0), keccak256("r"), 100e6), vs, ts, sig);
    }

    function test_ForcedExit() public {
        // Batch 1 leaves accounts 0xACC1 with 60 and 0xACC2 with 10 (30 paid to vendor A).
        bytes32 l1 = leaf(address(0xACC1), 60e6);
        bytes32 l2 = leaf(address(0xACC2), 10e6);
        bytes32 root = pair(l1, l2);
        {
            (address[] memory vs1, uint256[] memory ts1) = one(vendorA, 30e6);
            Settlement.Batch memory b = hdr(1, bytes32(0), root, 100e6);
            b.vendorRoot = leaf(vendorA, 30e6);
            st.postBatch(b, vs1, ts1, signBatch(st, SEQUENCER_KEY, b, vs1, ts1));
        }
        bytes32[] memory proof = new bytes32[](1);
        proof[0] = l2;
        vm.expectRevert(abi.encodeWithSelector(Settlement.SequencerAlive.selector, uint64(block.timestamp + 1 days)));
        st.exit(address(0xACC1), 60e6, proof);

        vm.warp(block.timestamp + 1 days);
        vm.expectRevert(Settlement.ZeroAmount.selector);
        st.exit(address(0xACC3), 0, proof); // an empty account cannot put settlement in exit mode
        assertTrue(!st.exitMode(), "not in exit mode");
        vm.expectRevert(Settlement.BadProof.selector);
        st.exit(address(0xACC1), 61e6, proof); // claims more than its leaf
        st.exit(address(0xACC1), 60e6, proof);
        vm.snapshotGasLastCall("Settlement.exit");
        assertEq(usd.balanceOf(address(0xACC1)), 60e6, "exited to the account");
        vm.expectRevert(abi.encodeWithSelector(Settlement.AlreadyExited.selector, address(0xACC1)));
        st.exit(address(0xACC1), 60e6, proof);

        // No batch after an exit: none can conflict with it.
        (address[] memory vs, uint256[] memory ts) = one(vendorA, 1e6);
        bytes memory sig = signBatch(st, SEQUENCER_KEY, hdr(2, root, keccak256("r2"), 100e6), vs, ts);
        vm.expectRevert(Settlement.ExitMode.selector);
        st.postBatch(hdr(2, root, keccak256("r2"), 100e6), vs, ts, sig);
        st.withdraw(vendorA, 30e6, new bytes32[](0)); // vendors keep what batches credited
        assertEq(usd.balanceOf(address(st)), 10e6, "the other account's 10 remain");
    }

    function test_HeartbeatBatchGas() public {
        // An idle sequencer's heartbeat: no vendors, the same root; it moves lastBatchAt, so the
        // exit window stays shut while the sequencer lives.
        post(1, bytes32(0), keccak256("r1"), vendorA, 1e6);
        vm.warp(block.timestamp + 6 hours);
        Settlement.Batch memory b = hdr(2, keccak256("r1"), keccak256("r1"), 100e6);
        address[] memory none = new address[](0);
        uint256[] memory zero = new uint256[](0);
        bytes memory sig = signBatch(st, SEQUENCER_KEY, b, none, zero);
        uint256 before = gasleft();
        st.postBatch(b, none, zero, sig);
        vm.snapshotValue("Settlement.postBatch(heartbeat)", before - gasleft());
        assertEq(st.lastBatchAt(), block.timestamp, "the heartbeat moved lastBatchAt");
        vm.warp(block.timestamp + 1 days - 1);
        vm.expectRevert(abi.encodeWithSelector(Settlement.SequencerAlive.selector, uint64(block.timestamp + 1)));
        st.exit(address(0xACC1), 1, new bytes32[](0));
    }

    function test_BatchGas1000PaymentsOver100Vendors() public {
        // A batch settles any number of payments: its cost depends on the vendors, not payments.
        address[] memory vs = new address[](100);
        uint256[] memory ts = new uint256[](100);
        for (uint256 i = 0; i < 100; i++) {
            vs[i] = address(uint160(0x1000 + i));
            ts[i] = 1e5; // 10 payments of 0.01 each
        }
        bytes32 root = keccak256("r");
        bytes memory sig = signBatch(st, SEQUENCER_KEY, hdr(1, bytes32(0), root, 100e6), vs, ts);
        uint256 before = gasleft();
        st.postBatch(hdr(1, bytes32(0), root, 100e6), vs, ts, sig);
        uint256 used = before - gasleft();
        vm.snapshotValue("Settlement.postBatch(100 vendors, 1000 payments) per payment", used / 1000);
        assertTrue(used / 1000 <= 2_000, string.concat("gas per payment: ", vm.toString(used / 1000)));
    }
}

/// @notice Random deposits, batches, withdrawals and exits, with ghost totals.
contract SettlementHandler is BatchSigner {
    Settlement public immutable st;
    TestStablecoin public immutable usd;
    address[3] internal vendors = [address(0x1001), address(0x1002), address(0x1003)];
    address internal depositor = address(0xD);
    uint256 public ghostDeposited;
    uint256 public ghostPaidOut; // withdrawals + exits
    uint256[3] public cumulative; // each vendor's credit in the last accepted batch

    constructor(Settlement s, TestStablecoin u) {
        st = s;
        usd = u;
        u.mint(depositor, type(uint128).max);
        vmb.prank(depositor);
        u.approve(address(s), type(uint256).max);
    }

    function vendor(uint256 i) external view returns (address) {
        return vendors[i % 3];
    }

    function cumulativeOf(uint256 i) external view returns (uint256) {
        return cumulative[i % 3];
    }

    function deposit(uint96 amount) external {
        vmb.prank(depositor);
        try st.deposit(address(0xACC), amount) {
            ghostDeposited += amount;
        } catch {}
    }

    function batch(uint8 who, uint96 total, bytes32 next) external {
        address[] memory vs = new address[](1);
        uint256[] memory ts = new uint256[](1);
        vs[0] = vendors[who % 3];
        ts[0] = total;
        uint256[3] memory cum = cumulative;
        cum[who % 3] += total;
        Settlement.Batch memory b = hdr(st.batchId() + 1, st.stateRoot(), next, st.deposited());
        b.vendorRoot = pair(pair(leaf(vendors[0], cum[0]), leaf(vendors[1], cum[1])), leaf(vendors[2], cum[2]));
        bytes memory sig = signBatch(st, SEQUENCER_KEY, b, vs, ts);
        try st.postBatch(b, vs, ts, sig) {
            cumulative = cum;
        } catch {}
    }

    function proofFor(uint256 i) internal view returns (bytes32[] memory p) {
        bytes32 l0 = leaf(vendors[0], cumulative[0]);
        bytes32 l1 = leaf(vendors[1], cumulative[1]);
        bytes32 l2 = leaf(vendors[2], cumulative[2]);
        if (i == 2) {
            p = new bytes32[](1);
            p[0] = pair(l0, l1);
        } else {
            p = new bytes32[](2);
            p[0] = i == 0 ? l1 : l0;
            p[1] = l2;
        }
    }

    function withdraw(uint8 who) external {
        uint256 i = who % 3;
        address v = vendors[i];
        uint256 before = usd.balanceOf(v);
        bytes32[] memory proof = proofFor(i);
        try st.withdraw(v, cumulative[i], proof) {
            ghostPaidOut += usd.balanceOf(v) - before;
        } catch {}
    }

    function exitSingle(uint96 balance, uint32 wait) external {
        // A state root that is a single leaf: the proof is empty.
        vmb.warp(block.timestamp + wait);
        try st.exit(address(0xACC), balance, new bytes32[](0)) {
            ghostPaidOut += balance;
        } catch {}
    }
}

contract SettlementInvariantTest is SimSnpRegistry {
    AttestationRegistry internal att;
    TestStablecoin internal usd;
    Settlement internal st;
    SettlementHandler internal handler;

    function setUp() public {
        att = deploySimRegistry(3650 days);
        usd = new TestStablecoin();
        st = new Settlement(IERC20(address(usd)), att, 1 days);
        // setUp is one call under the per-transaction cap; the registration (~6M) is not what
        // this test measures.
        vm.pauseGasMetering();
        registerSimMatcher(att);
        vm.resumeGasMetering();
        handler = new SettlementHandler(st, usd);
    }

    function targetContracts() public view returns (address[] memory t) {
        t = new address[](1);
        t[0] = address(handler);
    }

    /// Token held = deposits − vendor withdrawals − exits.
    function invariant_TokenHeldMatchesBooks() public view {
        assertEq(usd.balanceOf(address(st)), st.deposited() - st.vendorWithdrawn() - st.exited(), "token held");
        assertEq(st.deposited(), handler.ghostDeposited(), "deposits");
        assertEq(st.vendorWithdrawn() + st.exited(), handler.ghostPaidOut(), "paid out");
    }

    /// Credits and exits never exceed deposits; no vendor withdrew more than it was credited.
    function invariant_NothingFromNothing() public view {
        assertTrue(st.credited() + st.exited() <= st.deposited(), "credited + exited > deposited");
        assertTrue(st.vendorWithdrawn() <= st.credited(), "vendors withdrew beyond credits");
        for (uint256 i = 0; i < 3; i++) {
            assertTrue(st.withdrawnOf(handler.vendor(i)) <= handler.cumulativeOf(i), "withdrew beyond credit");
        }
    }
}

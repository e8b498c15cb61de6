// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SimSnpRegistry} from "./utils/SimSnpRegistry.sol";
import {AttestationRegistry} from "../src/AttestationRegistry.sol";
import {Settlement} from "../src/Settlement.sol";
import {TestStablecoin} from "../src/dev/TestStablecoin.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {BatchSigner, SEQUENCER_KEY} from "./Settlement.t.sol";

/// @notice Random deposits, payments, batches (heartbeats among them), idleness, hand-overs
/// and exits for one account and two vendors, the matcher's ledger modelled here and the
/// vendors following the rule the CLI and web inbox follow: goods leave only for a payment
/// whose batch is on-chain. (Issue 19: no goods for an uncredited order, no money back after
/// goods.)
contract PurchaseHandler is BatchSigner {
    Settlement public immutable st;
    TestStablecoin public immutable usd;
    address internal constant ACCOUNT = address(0xACC);
    address[2] internal vendors = [address(0x2001), address(0x2002)];
    address internal depositor = address(0xD);

    struct Payment {
        uint8 vendor;
        uint96 amount;
        uint64 batch; // 0 until a batch holding it is posted
        bool handed;
    }

    Payment[] internal payments;
    uint256 public balance; // the ledger's balance for the account (payments applied)
    uint256 public rootBalance; // the account's balance in the last posted state root
    uint256[2] public pending; // credits since the last batch
    uint256[2] public credited; // cumulative credits in the last posted vendor root
    uint256[2] public handedTo; // goods handed over, per vendor
    uint256 public deposited;
    uint256 public handedOver;
    uint256 public exitedBack;
    uint256 public heartbeats;

    constructor(Settlement s, TestStablecoin u) {
        st = s;
        usd = u;
        u.mint(depositor, type(uint128).max);
        vmb.prank(depositor);
        u.approve(address(s), type(uint256).max);
    }

    function deposit(uint64 amount) external {
        vmb.prank(depositor);
        try st.deposit(ACCOUNT, amount) {
            balance += amount;
            deposited += amount;
        } catch {}
    }

    /// The matcher takes a payment within the balance, while batches are landing (the margin).
    function pay(uint8 who, uint64 amount) external {
        if (amount == 0 || amount > balance || st.exitMode()) return;
        if (block.timestamp > st.lastBatchAt() + st.exitDelay() / 2) return;
        balance -= amount;
        pending[who % 2] += amount;
        payments.push(Payment(who % 2, amount, 0, false));
    }

    /// The sequencer posts the next batch (a heartbeat when nothing is pending).
    function batch() public {
        uint256 n = (pending[0] > 0 ? 1 : 0) + (pending[1] > 0 ? 1 : 0);
        address[] memory vs = new address[](n);
        uint256[] memory ts = new uint256[](n);
        uint256 k;
        for (uint256 i = 0; i < 2; i++) {
            if (pending[i] > 0) {
                vs[k] = vendors[i];
                ts[k++] = pending[i];
            }
        }
        uint256[2] memory cum = [credited[0] + pending[0], credited[1] + pending[1]];
        Settlement.Batch memory b = hdr(st.batchId() + 1, st.stateRoot(), leaf(ACCOUNT, balance), st.deposited());
        b.vendorRoot = pair(leaf(vendors[0], cum[0]), leaf(vendors[1], cum[1]));
        try st.postBatch(b, vs, ts, signBatch(st, SEQUENCER_KEY, b, vs, ts)) {
            if (n == 0) heartbeats++;
            credited = cum;
            pending = [uint256(0), 0];
            rootBalance = balance;
            for (uint256 i = 0; i < payments.length; i++) {
                if (payments[i].batch == 0) payments[i].batch = b.id;
            }
        } catch {}
    }

    function idle(uint32 wait) external {
        vmb.warp(block.timestamp + (wait % 2 days));
    }

    /// A vendor at the counter: hands over only for a payment whose batch the chain holds.
    function handOver(uint256 i) external {
        if (payments.length == 0) return;
        Payment storage p = payments[i % payments.length];
        if (p.handed || p.batch == 0 || p.batch > st.batchId()) return;
        p.handed = true;
        handedOver += p.amount;
        handedTo[p.vendor] += p.amount;
    }

    /// The account tries to exit: with its statement from the last root, or with any balance it
    /// would like (an older statement, the goods' price added back).
    function exit(uint64 extra, bool honest) external {
        uint256 claim = honest ? rootBalance : rootBalance + extra;
        try st.exit(ACCOUNT, claim, new bytes32[](0)) {
            exitedBack += claim;
        } catch {}
    }

    function creditedOf(uint256 i) external view returns (uint256) {
        return credited[i];
    }

    function handedToOf(uint256 i) external view returns (uint256) {
        return handedTo[i];
    }
}

contract PurchaseInvariantTest is SimSnpRegistry {
    Settlement internal st;
    PurchaseHandler internal handler;
    TestStablecoin internal usd;

    function setUp() public {
        AttestationRegistry att = deploySimRegistry(3650 days);
        usd = new TestStablecoin();
        st = new Settlement(IERC20(address(usd)), att, 1 days);
        vm.pauseGasMetering();
        registerSimMatcher(att);
        vm.resumeGasMetering();
        handler = new PurchaseHandler(st, usd);
    }

    function targetContracts() public view returns (address[] memory t) {
        t = new address[](1);
        t[0] = address(handler);
    }

    /// No vendor handed over goods beyond what the chain credited it.
    function invariant_NoGoodsWithoutCredit() public view {
        for (uint256 i = 0; i < 2; i++) {
            assertTrue(handler.handedToOf(i) <= handler.creditedOf(i), "goods handed over for an uncredited payment");
        }
    }

    /// No account got back money it spent on goods it received.
    function invariant_NoRefundAfterGoods() public view {
        assertTrue(handler.exitedBack() + handler.handedOver() <= handler.deposited(), "money back after goods");
        assertEq(st.exited(), handler.exitedBack(), "exits");
    }

    /// The books balance: token held = deposits − withdrawals − exits, credits + exits ≤ deposits.
    function invariant_Books() public view {
        assertEq(usd.balanceOf(address(st)), st.deposited() - st.vendorWithdrawn() - st.exited(), "token held");
        assertTrue(st.credited() + st.exited() <= st.deposited(), "credited + exited > deposited");
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test, Vm} from "./utils/Test.sol";
import {DealRegistry} from "../src/DealRegistry.sol";
import {IDealRegistry} from "../src/interfaces/IDealRegistry.sol";

/// @notice Drives the registry with posts, updates, cancels and cancel-alls by three vendors,
/// keeping ghost state of what succeeded.
contract RegistryHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    DealRegistry public immutable reg;
    uint256[3] internal keys = [uint256(0xA1), 0xA2, 0xA3];

    bytes32[] public ids;
    mapping(bytes32 => uint64) public ghostVersion;
    mapping(bytes32 => bytes32) public ghostDigest;
    mapping(bytes32 => bool) public ghostCancelled;
    mapping(address => uint256) public ghostCounter;
    mapping(bytes32 => uint256) internal keyOf;
    mapping(bytes32 => uint256) internal nonceOf;

    constructor(DealRegistry r) {
        reg = r;
    }

    function idsLength() external view returns (uint256) {
        return ids.length;
    }

    function _sign(uint256 key, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }

    function post(uint8 who, uint256 nonce, bytes32 digest) external {
        uint256 key = keys[who % 3];
        address vendor = vm.addr(key);
        IDealRegistry.DealHeader memory h = IDealRegistry.DealHeader(
            vendor, digest, 1, uint64(block.timestamp + 30 days), 10, nonce, reg.counterOf(vendor)
        );
        bytes32 id = reg.dealIdOf(vendor, nonce);
        try reg.post(h, _sign(key, reg.hashDeal(h))) {
            ids.push(id);
            ghostVersion[id] = 1;
            ghostDigest[id] = digest;
            keyOf[id] = key;
            nonceOf[id] = nonce;
        } catch {}
    }

    function update(uint256 pick, uint64 bump, bytes32 digest) external {
        if (ids.length == 0) return;
        bytes32 id = ids[pick % ids.length];
        uint256 key = keyOf[id];
        address vendor = vm.addr(key);
        uint64 v = ghostVersion[id] + uint64(bump % 3); // sometimes equal: must fail
        IDealRegistry.DealHeader memory h = IDealRegistry.DealHeader(
            vendor, digest, v, uint64(block.timestamp + 30 days), 10, nonceOf[id], reg.counterOf(vendor)
        );
        try reg.update(h, _sign(key, reg.hashDeal(h))) {
            ghostVersion[id] = v;
            ghostDigest[id] = digest;
        } catch {}
    }

    function cancel(uint256 pick) external {
        if (ids.length == 0) return;
        bytes32 id = ids[pick % ids.length];
        try reg.cancel(id, _sign(keyOf[id], reg.hashCancel(id))) {
            ghostCancelled[id] = true;
        } catch {}
    }

    function cancelAll(uint8 who) external {
        address vendor = vm.addr(keys[who % 3]);
        vm.prank(vendor);
        ghostCounter[vendor] = reg.cancelAll();
        for (uint256 i = 0; i < ids.length; i++) {
            if (vm.addr(keyOf[ids[i]]) == vendor) ghostCancelled[ids[i]] = true;
        }
    }
}

contract DealRegistryInvariantTest is Test {
    DealRegistry internal reg;
    RegistryHandler internal handler;

    function setUp() public {
        vm.warp(1_800_000_000);
        reg = new DealRegistry();
        handler = new RegistryHandler(reg);
    }

    function targetContracts() public view returns (address[] memory t) {
        t = new address[](1);
        t[0] = address(handler);
    }

    /// Stored version and digest are the last successful post/update's; versions only grow.
    function invariant_StoredHeaderIsLastAccepted() public view {
        for (uint256 i = 0; i < handler.idsLength(); i++) {
            bytes32 id = handler.ids(i);
            IDealRegistry.Deal memory d = reg.getDeal(id);
            assertEq(d.version, handler.ghostVersion(id), "version");
            assertEq(d.digest, handler.ghostDigest(id), "digest");
        }
    }

    /// A cancelled deal never becomes active again.
    function invariant_CancelledStaysInactive() public view {
        for (uint256 i = 0; i < handler.idsLength(); i++) {
            bytes32 id = handler.ids(i);
            if (handler.ghostCancelled(id)) assertTrue(!reg.isActive(id), "cancelled deal active");
            else assertTrue(reg.isActive(id), "live deal inactive");
        }
    }

    /// Counters only increase and equal the number of cancel-alls.
    function invariant_CounterMatchesCancelAlls() public view {
        for (uint256 k = 0xA1; k <= 0xA3; k++) {
            address v = vm.addr(k);
            assertEq(reg.counterOf(v), handler.ghostCounter(v), "counter");
        }
    }
}

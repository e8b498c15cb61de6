// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {DealFixtures} from "./utils/DealFixtures.sol";
import {IDealRegistry} from "../src/interfaces/IDealRegistry.sol";

contract DealRegistryFuzzTest is DealFixtures {
    function testFuzz_PostThenUpdate(
        uint256 key,
        uint256 nonce,
        bytes32 digest,
        uint64 ttl,
        uint64 cap,
        uint64 v1,
        uint64 v2
    ) public {
        key = bound(key, 1, 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140);
        ttl = uint64(bound(ttl, 1, 10 * 365 days));
        v1 = uint64(bound(v1, 1, type(uint64).max - 1));
        v2 = uint64(bound(v2, v1 + 1, type(uint64).max));
        address who = vm.addr(key);
        IDealRegistry.DealHeader memory h = IDealRegistry.DealHeader({
            vendor: who,
            digest: digest,
            version: v1,
            expiresAt: uint64(block.timestamp) + ttl,
            maxRedemptions: cap,
            nonce: nonce,
            counter: 0
        });
        bytes32 id = reg.post(h, signDeal(key, h));
        assertEq(id, reg.dealIdOf(who, nonce), "id");
        h.version = v2;
        h.digest = keccak256(abi.encode(digest));
        reg.update(h, signDeal(key, h));
        IDealRegistry.Deal memory d = reg.getDeal(id);
        assertEq(d.version, v2, "version");
        assertEq(d.digest, h.digest, "digest");
        assertEq(d.maxRedemptions, cap, "cap");
    }

    function testFuzz_SignatureOnlyValidForItsSigner(uint256 key, uint256 otherKey, uint256 nonce) public {
        key = bound(key, 1, 2 ** 128);
        otherKey = bound(otherKey, 1, 2 ** 128);
        vm.assume(key != otherKey);
        IDealRegistry.DealHeader memory h = header(nonce);
        h.vendor = vm.addr(otherKey);
        bytes memory sig = signDeal(key, h);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.InvalidSignature.selector, h.vendor));
        reg.post(h, sig);
    }
}

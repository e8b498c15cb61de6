// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {DealFixtures} from "./utils/DealFixtures.sol";
import {Wallet1271} from "./utils/Wallet1271.sol";
import {IDealRegistry} from "../src/interfaces/IDealRegistry.sol";

contract DealRegistryTest is DealFixtures {
    event DealPosted(
        bytes32 indexed dealId,
        address indexed vendor,
        bytes32 digest,
        uint64 version,
        uint64 expiresAt,
        uint64 maxRedemptions,
        uint256 nonce
    );
    event DealUpdated(
        bytes32 indexed dealId, address indexed vendor, bytes32 digest, uint64 version, uint64 expiresAt, uint64 maxRedemptions
    );
    event DealCancelled(bytes32 indexed dealId, address indexed vendor);
    event AllDealsCancelled(address indexed vendor, uint256 counter);

    function test_HashDeal_MatchesIndependentEIP712() public view {
        IDealRegistry.DealHeader memory h = header(7);
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Bazaar"),
                keccak256("1"),
                block.chainid,
                address(reg)
            )
        );
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256(
                    "DealHeader(address vendor,bytes32 digest,uint64 version,uint64 expiresAt,uint64 maxRedemptions,uint256 nonce,uint256 counter)"
                ),
                h.vendor,
                h.digest,
                h.version,
                h.expiresAt,
                h.maxRedemptions,
                h.nonce,
                h.counter
            )
        );
        assertEq(reg.hashDeal(h), keccak256(abi.encodePacked("\x19\x01", domain, structHash)), "hashDeal");
        assertEq(
            reg.hashCancel(bytes32(uint256(1))),
            keccak256(
                abi.encodePacked(
                    "\x19\x01", domain, keccak256(abi.encode(keccak256("CancelDeal(bytes32 dealId)"), bytes32(uint256(1))))
                )
            ),
            "hashCancel"
        );
    }

    function test_Post_ByRelayer() public {
        IDealRegistry.DealHeader memory h = header(1);
        bytes32 id = reg.dealIdOf(vendor, 1);
        assertEq(id, keccak256(abi.encode(vendor, uint256(1))), "dealIdOf");
        vm.expectEmit(true, true, false, true, address(reg));
        emit DealPosted(id, vendor, h.digest, 1, h.expiresAt, 100, 1);
        assertEq(post(h), id, "returned id");
        IDealRegistry.Deal memory d = reg.getDeal(id);
        assertEq(d.vendor, vendor, "vendor");
        assertEq(d.digest, h.digest, "digest");
        assertEq(d.version, 1, "version");
        assertEq(d.expiresAt, h.expiresAt, "expiry");
        assertEq(d.maxRedemptions, 100, "cap");
        assertTrue(reg.isActive(id), "active");
    }

    function test_Post_ByVendorItself() public {
        IDealRegistry.DealHeader memory h = header(2);
        bytes memory sig = signDeal(VENDOR_KEY, h);
        vm.prank(vendor);
        bytes32 id = reg.post(h, sig);
        assertTrue(reg.isActive(id), "active");
    }

    function test_Post_EIP1271Wallet() public {
        Wallet1271 wallet = new Wallet1271(vendor);
        IDealRegistry.DealHeader memory h = header(3);
        h.vendor = address(wallet);
        h.counter = reg.counterOf(address(wallet));
        bytes memory sig = signDeal(VENDOR_KEY, h);
        vm.prank(relayer);
        bytes32 id = reg.post(h, sig);
        assertEq(reg.getDeal(id).vendor, address(wallet), "wallet vendor");

        IDealRegistry.DealHeader memory h2 = header(4);
        h2.vendor = address(wallet);
        bytes memory bad = signDeal(OTHER_KEY, h2);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.InvalidSignature.selector, address(wallet)));
        reg.post(h2, bad);
    }

    function test_Update_HigherVersion() public {
        IDealRegistry.DealHeader memory h = header(5);
        bytes32 id = post(h);
        h.version = 2;
        h.digest = keccak256("v2");
        h.maxRedemptions = 50;
        bytes memory sig = signDeal(VENDOR_KEY, h);
        vm.expectEmit(true, true, false, true, address(reg));
        emit DealUpdated(id, vendor, h.digest, 2, h.expiresAt, 50);
        vm.prank(relayer);
        reg.update(h, sig);
        IDealRegistry.Deal memory d = reg.getDeal(id);
        assertEq(d.version, 2, "version");
        assertEq(d.digest, keccak256("v2"), "digest");
        assertEq(d.maxRedemptions, 50, "cap");
    }

    function test_Cancel_ByVendor() public {
        bytes32 id = post(header(6));
        vm.expectEmit(true, true, false, true, address(reg));
        emit DealCancelled(id, vendor);
        vm.prank(vendor);
        reg.cancel(id, "");
        assertTrue(!reg.isActive(id), "inactive");
        assertTrue(reg.getDeal(id).cancelled, "cancelled flag");
    }

    function test_Cancel_BySignatureFromRelayer() public {
        bytes32 id = post(header(8));
        bytes memory sig = sign(VENDOR_KEY, reg.hashCancel(id));
        vm.prank(relayer);
        reg.cancel(id, sig);
        assertTrue(!reg.isActive(id), "inactive");
    }

    function test_CancelAll_InvalidatesPostedAndUnposted() public {
        bytes32 id = post(header(9));
        IDealRegistry.DealHeader memory unposted = header(10);
        bytes memory sig = signDeal(VENDOR_KEY, unposted);
        vm.expectEmit(true, false, false, true, address(reg));
        emit AllDealsCancelled(vendor, 1);
        vm.prank(vendor);
        assertEq(reg.cancelAll(), 1, "counter");
        assertTrue(!reg.isActive(id), "posted deal cancelled");
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.StaleCounter.selector, vendor, 1, 0));
        reg.post(unposted, sig);
        // A fresh header with the new counter posts.
        post(header(11));
    }

    function test_IsActive_FalseAfterExpiry() public {
        IDealRegistry.DealHeader memory h = header(12);
        bytes32 id = post(h);
        vm.warp(h.expiresAt);
        assertTrue(!reg.isActive(id), "expired");
        assertTrue(!reg.isActive(bytes32(uint256(999))), "unknown");
    }

    function test_Gas_Post() public {
        IDealRegistry.DealHeader memory h = header(13);
        bytes memory sig = signDeal(VENDOR_KEY, h);
        vm.prank(relayer);
        reg.post(h, sig);
        uint256 used = vm.snapshotGasLastCall("DealRegistry.post");
        assertTrue(used < 150_000, "post under 150k gas");
    }
}

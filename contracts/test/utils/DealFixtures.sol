// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./Test.sol";
import {DealRegistry} from "../../src/DealRegistry.sol";
import {IDealRegistry} from "../../src/interfaces/IDealRegistry.sol";

/// @notice Shared setup: a registry, a vendor key, and helpers to build and sign headers.
abstract contract DealFixtures is Test {
    DealRegistry internal reg;
    uint256 internal constant VENDOR_KEY = 0xA11CE;
    uint256 internal constant OTHER_KEY = 0xB0B;
    address internal vendor;
    address internal relayer = address(0x7e1a7e7);

    function setUp() public virtual {
        vm.warp(1_800_000_000);
        reg = new DealRegistry();
        vendor = vm.addr(VENDOR_KEY);
    }

    function header(uint256 nonce) internal view returns (IDealRegistry.DealHeader memory h) {
        h = IDealRegistry.DealHeader({
            vendor: vendor,
            digest: keccak256(abi.encode("document", nonce)),
            version: 1,
            expiresAt: uint64(block.timestamp + 7 days),
            maxRedemptions: 100,
            nonce: nonce,
            counter: reg.counterOf(vendor)
        });
    }

    function sign(uint256 key, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }

    function signDeal(uint256 key, IDealRegistry.DealHeader memory h) internal view returns (bytes memory) {
        return sign(key, reg.hashDeal(h));
    }

    function post(IDealRegistry.DealHeader memory h) internal returns (bytes32) {
        bytes memory sig = signDeal(VENDOR_KEY, h);
        vm.prank(relayer);
        return reg.post(h, sig);
    }
}

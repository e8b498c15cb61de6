// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {DealFixtures} from "./utils/DealFixtures.sol";
import {DealRegistry} from "../src/DealRegistry.sol";
import {IDealRegistry} from "../src/interfaces/IDealRegistry.sol";

contract DealRegistryRevertTest is DealFixtures {
    function test_RevertWhen_SignedByAnotherKey() public {
        IDealRegistry.DealHeader memory h = header(1);
        bytes memory sig = signDeal(OTHER_KEY, h);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.InvalidSignature.selector, vendor));
        reg.post(h, sig);
    }

    function test_RevertWhen_FieldTamperedAfterSigning() public {
        IDealRegistry.DealHeader memory h = header(1);
        bytes memory sig = signDeal(VENDOR_KEY, h);
        h.maxRedemptions = 1_000_000;
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.InvalidSignature.selector, vendor));
        reg.post(h, sig);
    }

    function test_RevertWhen_SignatureMalformed() public {
        IDealRegistry.DealHeader memory h = header(1);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.InvalidSignature.selector, vendor));
        reg.post(h, hex"1234");
    }

    function test_RevertWhen_SignedForAnotherChain() public {
        IDealRegistry.DealHeader memory h = header(1);
        uint256 chain = block.chainid;
        vm.chainId(chain + 1);
        bytes memory sig = signDeal(VENDOR_KEY, h);
        vm.chainId(chain);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.InvalidSignature.selector, vendor));
        reg.post(h, sig);
    }

    function test_RevertWhen_SignedForAnotherRegistry() public {
        DealRegistry other = new DealRegistry();
        IDealRegistry.DealHeader memory h = header(1);
        bytes memory sig = sign(VENDOR_KEY, other.hashDeal(h));
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.InvalidSignature.selector, vendor));
        reg.post(h, sig);
    }

    function test_RevertWhen_Replayed() public {
        IDealRegistry.DealHeader memory h = header(1);
        bytes memory sig = signDeal(VENDOR_KEY, h);
        bytes32 id = reg.post(h, sig);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.DealExists.selector, id));
        reg.post(h, sig);
    }

    function test_RevertWhen_UnknownDeal() public {
        bytes32 id = reg.dealIdOf(vendor, 42);
        IDealRegistry.DealHeader memory h = header(42);
        h.version = 2;
        bytes memory sig = signDeal(VENDOR_KEY, h);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.UnknownDeal.selector, id));
        reg.update(h, sig);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.UnknownDeal.selector, id));
        reg.cancel(id, "");
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.UnknownDeal.selector, id));
        reg.getDeal(id);
    }

    function test_RevertWhen_UpdatingCancelledDeal() public {
        IDealRegistry.DealHeader memory h = header(1);
        bytes32 id = post(h);
        vm.prank(vendor);
        reg.cancel(id, "");
        h.version = 2;
        bytes memory sig = signDeal(VENDOR_KEY, h);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.DealIsCancelled.selector, id));
        reg.update(h, sig);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.DealIsCancelled.selector, id));
        vm.prank(vendor);
        reg.cancel(id, "");
    }

    function test_RevertWhen_UpdatingAfterCancelAll() public {
        IDealRegistry.DealHeader memory h = header(1);
        bytes32 id = post(h);
        vm.prank(vendor);
        reg.cancelAll();
        h.version = 2;
        h.counter = 1;
        bytes memory sig = signDeal(VENDOR_KEY, h);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.DealIsCancelled.selector, id));
        reg.update(h, sig);
    }

    function test_RevertWhen_Expired() public {
        IDealRegistry.DealHeader memory h = header(1);
        h.expiresAt = uint64(block.timestamp);
        bytes memory sig = signDeal(VENDOR_KEY, h);
        bytes32 id = reg.dealIdOf(vendor, 1);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.DealExpired.selector, id, h.expiresAt));
        reg.post(h, sig);
        h.expiresAt = uint64(block.timestamp - 1);
        sig = signDeal(VENDOR_KEY, h);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.DealExpired.selector, id, h.expiresAt));
        reg.post(h, sig);
    }

    function test_RevertWhen_VersionNotHigher() public {
        IDealRegistry.DealHeader memory h = header(1);
        h.version = 3;
        bytes32 id = post(h);
        for (uint64 v = 2; v <= 3; v++) {
            h.version = v;
            bytes memory sig = signDeal(VENDOR_KEY, h);
            vm.expectRevert(abi.encodeWithSelector(IDealRegistry.VersionNotHigher.selector, id, 3, v));
            reg.update(h, sig);
        }
    }

    function test_RevertWhen_StaleCounter() public {
        IDealRegistry.DealHeader memory h = header(1);
        h.counter = 5;
        bytes memory sig = signDeal(VENDOR_KEY, h);
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.StaleCounter.selector, vendor, 0, 5));
        reg.post(h, sig);
    }

    function test_RevertWhen_ZeroVendor() public {
        IDealRegistry.DealHeader memory h = header(1);
        h.vendor = address(0);
        vm.expectRevert(IDealRegistry.ZeroVendor.selector);
        reg.post(h, hex"00");
    }

    function test_RevertWhen_ZeroVersion() public {
        IDealRegistry.DealHeader memory h = header(1);
        h.version = 0;
        bytes memory sig = signDeal(VENDOR_KEY, h);
        vm.expectRevert(IDealRegistry.ZeroVersion.selector);
        reg.post(h, sig);
    }

    function test_RevertWhen_CancelSignedByAnotherKey() public {
        bytes32 id = post(header(1));
        bytes memory sig = sign(OTHER_KEY, reg.hashCancel(id));
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.InvalidSignature.selector, vendor));
        reg.cancel(id, sig);
        // Without a signature only the vendor itself may cancel.
        vm.expectRevert(abi.encodeWithSelector(IDealRegistry.InvalidSignature.selector, vendor));
        vm.prank(relayer);
        reg.cancel(id, "");
    }
}

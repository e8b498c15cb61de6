// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SimSnpRegistry} from "./utils/SimSnpRegistry.sol";
import {AttestationRegistry} from "../src/AttestationRegistry.sol";
import {DealRegistry} from "../src/DealRegistry.sol";
import {Redemptions, IEligibilityVerifier} from "../src/Redemptions.sol";
import {EligibilityVerifier} from "../src/verifiers/EligibilityVerifier.sol";
import {IAttestationRegistry} from "../src/interfaces/IAttestationRegistry.sol";
import {IDealRegistry} from "../src/interfaces/IDealRegistry.sol";
import {SimSnpFixtures as S} from "./fixtures/SimSnpFixtures.sol";
import {EligibilityFixtures as E} from "./fixtures/EligibilityFixtures.sol";

/// @notice Redemption with a real Groth16 eligibility proof (tools/fixtures/eligibility.go) against
/// the generated verifier, a real DealRegistry and a matcher registered with a simulated report.
contract RedemptionsTest is SimSnpRegistry {
    AttestationRegistry internal att;
    DealRegistry internal reg;
    EligibilityVerifier internal verifier;
    Redemptions internal red;
    uint256 internal constant VENDOR_KEY = 0xA11CE;
    // The simulated matcher's credential-issuer key (an opaque pair to the contract).
    uint256 internal constant ISSUER_X = 7;
    uint256 internal constant ISSUER_Y = 8;

    event Redeemed(bytes32 indexed dealId, uint256 nullifier, address payout);

    function setUp() public {
        att = deploySimRegistry(1000 days);
        reg = new DealRegistry();
        // Deployed from its artifact: its creation code inlined would push this test contract's
        // deployment over the gas cap.
        verifier = EligibilityVerifier(vm.deployCode("EligibilityVerifier.sol:EligibilityVerifier"));
        red = new Redemptions(reg, att, IEligibilityVerifier(address(verifier)));
        vm.warp(E.DAY * 1 days + 3600);
    }

    /// @dev A modifier calling a function: inlining the registration's certificate constants
    /// into every test would push the test contract's deployment over the gas cap.
    modifier withMatcher() {
        registerMatcherAndIssuer();
        _;
    }

    function registerMatcherAndIssuer() internal {
        registerSimMatcher(att);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(0xbeef, red.issuerDigest(ISSUER_X, ISSUER_Y));
        red.registerIssuer(ISSUER_X, ISSUER_Y, abi.encodePacked(r, s, v));
    }

    function postDeal(uint64 maxRedemptions) internal {
        IDealRegistry.DealHeader memory h = IDealRegistry.DealHeader({
            vendor: vm.addr(VENDOR_KEY),
            digest: keccak256("document"),
            version: 1,
            expiresAt: uint64(block.timestamp + 7 days),
            maxRedemptions: maxRedemptions,
            nonce: 1,
            counter: 0
        });
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(VENDOR_KEY, reg.hashDeal(h));
        bytes32 id = reg.post(h, abi.encodePacked(r, s, v));
        assertEq(id, E.DEAL_ID, "the fixture's deal id");
    }

    function postRequirements(uint256 key, uint256 reqHash) internal {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, red.requirementsDigest(E.DEAL_ID, 1, reqHash, ISSUER_X, ISSUER_Y));
        red.postRequirements(E.DEAL_ID, 1, reqHash, ISSUER_X, ISSUER_Y, abi.encodePacked(r, s, v));
    }

    function test_Redeem() public withMatcher {
        postDeal(100);
        postRequirements(0xbeef, E.REQ_HASH);
        vm.expectEmit(true, false, false, true, address(red));
        emit Redeemed(E.DEAL_ID, E.NULLIFIER, E.PAYOUT);
        vm.prank(address(0x7e1a7e7)); // a relayer submits; the proof binds the payout address
        red.redeem(E.DEAL_ID, E.proof(), E.DAY, E.NULLIFIER, E.PAYOUT);
        vm.snapshotGasLastCall("Redemptions.redeem");
        assertEq(red.redemptions(E.DEAL_ID), 1, "counted");
        assertTrue(red.nullifierUsed(E.NULLIFIER), "nullifier spent");
    }

    function test_VerifierGas() public {
        uint256[3] memory input = [E.REQ_HASH, E.NULLIFIER, E.DAY | (uint256(uint160(E.PAYOUT)) << 32)];
        uint256[8] memory p = E.proof();
        uint256 before = gasleft();
        verifier.verifyProof(p, input);
        uint256 used = before - gasleft();
        vm.snapshotValue("EligibilityVerifier.verifyProof", used);
        assertTrue(used <= 210_000, string.concat("verify within 210k gas: ", vm.toString(used)));
    }

    function test_RevertWhen_NullifierReused() public withMatcher {
        postDeal(100);
        postRequirements(0xbeef, E.REQ_HASH);
        red.redeem(E.DEAL_ID, E.proof(), E.DAY, E.NULLIFIER, E.PAYOUT);
        vm.expectRevert(abi.encodeWithSelector(Redemptions.NullifierUsed.selector, E.NULLIFIER));
        red.redeem(E.DEAL_ID, E.proof(), E.DAY, E.NULLIFIER, E.PAYOUT);
    }

    function redeemable() internal {
        postDeal(100);
        postRequirements(0xbeef, E.REQ_HASH);
    }

    function test_RevertWhen_AnotherPayout() public withMatcher {
        redeemable();
        vm.expectRevert(EligibilityVerifier.ProofInvalid.selector);
        red.redeem(E.DEAL_ID, E.proof(), E.DAY, E.NULLIFIER, address(0xbad));
        assertEq(red.redemptions(E.DEAL_ID), 0, "nothing counted");
    }

    function test_RevertWhen_AnotherNullifier() public withMatcher {
        redeemable();
        vm.expectRevert(EligibilityVerifier.ProofInvalid.selector);
        red.redeem(E.DEAL_ID, E.proof(), E.DAY, E.NULLIFIER + 1, E.PAYOUT);
    }

    function test_RevertWhen_AnotherDay() public withMatcher {
        redeemable();
        vm.expectRevert(EligibilityVerifier.ProofInvalid.selector);
        red.redeem(E.DEAL_ID, E.proof(), E.DAY - 1, E.NULLIFIER, E.PAYOUT); // yesterday is allowed, but not this proof's
    }

    function test_RevertWhen_MalformedProof() public withMatcher {
        redeemable();
        uint256[8] memory p = E.proof();
        p[0] ^= 1;
        vm.expectRevert();
        red.redeem(E.DEAL_ID, p, E.DAY, E.NULLIFIER, E.PAYOUT);
        assertTrue(!red.nullifierUsed(E.NULLIFIER), "nullifier not spent");
    }

    function test_RevertWhen_ProofForAnotherDealsRequirements() public withMatcher {
        postDeal(100);
        postRequirements(0xbeef, E.REQ_HASH + 1); // the deal's requirements differ from the proof's
        vm.expectRevert(EligibilityVerifier.ProofInvalid.selector);
        red.redeem(E.DEAL_ID, E.proof(), E.DAY, E.NULLIFIER, E.PAYOUT);
    }

    function test_RevertWhen_RequirementsNotFromRegisteredMatcher() public withMatcher {
        postDeal(100);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(0xbad, red.requirementsDigest(E.DEAL_ID, 1, E.REQ_HASH, ISSUER_X, ISSUER_Y));
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.NotRegistered.selector, vm.addr(0xbad)));
        red.postRequirements(E.DEAL_ID, 1, E.REQ_HASH, ISSUER_X, ISSUER_Y, abi.encodePacked(r, s, v));
        vm.expectRevert(abi.encodeWithSelector(Redemptions.NoRequirements.selector, E.DEAL_ID, 1));
        red.redeem(E.DEAL_ID, E.proof(), E.DAY, E.NULLIFIER, E.PAYOUT);
    }

    function test_RevertWhen_DealCancelledExpiredOrSoldOut() public withMatcher {
        postDeal(1);
        postRequirements(0xbeef, E.REQ_HASH);
        // Sold out after one redemption (cap 1): a second agent would be refused.
        red.redeem(E.DEAL_ID, E.proof(), E.DAY, E.NULLIFIER, E.PAYOUT);
        vm.expectRevert(abi.encodeWithSelector(Redemptions.SoldOut.selector, E.DEAL_ID));
        red.redeem(E.DEAL_ID, E.proof(), E.DAY, E.NULLIFIER + 1, E.PAYOUT);
    }

    function test_RevertWhen_DealExpired() public withMatcher {
        postDeal(100);
        postRequirements(0xbeef, E.REQ_HASH);
        vm.warp(block.timestamp + 8 days);
        vm.expectRevert(abi.encodeWithSelector(Redemptions.DealNotActive.selector, E.DEAL_ID));
        red.redeem(E.DEAL_ID, E.proof(), E.DAY, E.NULLIFIER, E.PAYOUT);
    }

    function test_RevertWhen_DealCancelled() public withMatcher {
        postDeal(100);
        postRequirements(0xbeef, E.REQ_HASH);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(VENDOR_KEY, reg.hashCancel(E.DEAL_ID));
        reg.cancel(E.DEAL_ID, abi.encodePacked(r, s, v));
        vm.expectRevert(abi.encodeWithSelector(Redemptions.DealNotActive.selector, E.DEAL_ID));
        red.redeem(E.DEAL_ID, E.proof(), E.DAY, E.NULLIFIER, E.PAYOUT);
    }

    function test_RevertWhen_StaleDay() public withMatcher {
        postDeal(100);
        postRequirements(0xbeef, E.REQ_HASH);
        vm.warp(block.timestamp + 2 days);
        vm.expectRevert(abi.encodeWithSelector(Redemptions.StaleDay.selector, E.DAY, E.DAY + 2));
        red.redeem(E.DEAL_ID, E.proof(), E.DAY, E.NULLIFIER, E.PAYOUT);
    }

    function test_RegisterIssuer() public withMatcher {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(0xbeef, red.issuerDigest(7, 8));
        red.registerIssuer(7, 8, abi.encodePacked(r, s, v));
        (uint256 x, uint256 y) = red.issuerOf(S.MATCHER);
        assertEq(x, 7, "issuer x");
        assertEq(y, 8, "issuer y");
        (v, r, s) = vm.sign(0xbad, red.issuerDigest(7, 9));
        vm.expectRevert(abi.encodeWithSelector(IAttestationRegistry.NotRegistered.selector, vm.addr(0xbad)));
        red.registerIssuer(7, 9, abi.encodePacked(r, s, v));
    }

    function test_VerifierKeys() public view {
        assertEq(red.verifierVkHash(), verifier.vkHash(), "the verifier's vk hash, read at construction");
        assertTrue(red.verifierVkHash() != bytes32(0), "a vk hash");
        assertTrue(verifier.developmentKeys() && red.developmentKeys(), "the generated verifier says it uses development keys");
    }

    function test_SetProverKeysOnce() public {
        bytes32 h = verifier.vkHash();
        red.setProverKeys(h, "bafy-pk", "bafy-vk");
        assertEq(red.vkHash(), h, "vk hash recorded");
        vm.expectRevert(Redemptions.KeysAlreadySet.selector);
        red.setProverKeys(h, "x", "y");
        vm.prank(address(0xbad));
        vm.expectRevert(abi.encodeWithSelector(Redemptions.NotDeployer.selector, address(0xbad)));
        red.setProverKeys(h, "x", "y");
    }

    function test_RevertWhen_ProverKeysNotTheVerifiers() public {
        bytes32 h = verifier.vkHash();
        vm.expectRevert(abi.encodeWithSelector(Redemptions.VkHashMismatch.selector, bytes32(uint256(1)), h));
        red.setProverKeys(bytes32(uint256(1)), "bafy-pk", "bafy-vk");
        assertEq(red.vkHash(), bytes32(0), "nothing recorded");
        red.setProverKeys(h, "bafy-pk", "bafy-vk"); // the verifier's own hash still goes in
    }

    function test_RevertWhen_UnknownDeal() public {
        vm.expectRevert(abi.encodeWithSelector(Redemptions.UnknownDeal.selector, E.DEAL_ID));
        red.redeem(E.DEAL_ID, E.proof(), E.DAY, E.NULLIFIER, E.PAYOUT);
    }
}

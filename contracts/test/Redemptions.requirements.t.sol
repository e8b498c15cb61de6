// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {DealFixtures} from "./utils/DealFixtures.sol";
import {MatcherSet} from "./utils/MatcherSet.sol";
import {Redemptions, IEligibilityVerifier} from "../src/Redemptions.sol";
import {IAttestationRegistry} from "../src/interfaces/IAttestationRegistry.sol";
import {IDealRegistry} from "../src/interfaces/IDealRegistry.sol";

/// @notice Who may post a deal version's requirements hash: a registered matcher, naming its own
/// registered credential-issuer key, once per deal version, for the deal's current version only.
/// Two registered matchers (A and B), each with its own issuer key.
contract RedemptionsRequirementsTest is DealFixtures {
    MatcherSet internal matchers;
    Redemptions internal red;
    bytes32 internal dealId;

    uint256 internal constant MATCHER_A = 0xA0;
    uint256 internal constant MATCHER_B = 0xB0;
    uint256 internal constant A_X = 11;
    uint256 internal constant A_Y = 12;
    uint256 internal constant B_X = 21;
    uint256 internal constant B_Y = 22;

    event RequirementsPosted(
        bytes32 indexed dealId, uint64 version, uint256 reqHash, address indexed matcher, uint256 issuerX, uint256 issuerY
    );

    function setUp() public override {
        super.setUp();
        matchers = new MatcherSet();
        IEligibilityVerifier verifier = IEligibilityVerifier(vm.deployCode("EligibilityVerifier.sol:EligibilityVerifier"));
        red = new Redemptions(reg, IAttestationRegistry(address(matchers)), verifier);
        matchers.add(vm.addr(MATCHER_A));
        matchers.add(vm.addr(MATCHER_B));
        red.registerIssuer(A_X, A_Y, sign(MATCHER_A, red.issuerDigest(A_X, A_Y)));
        red.registerIssuer(B_X, B_Y, sign(MATCHER_B, red.issuerDigest(B_X, B_Y)));
        dealId = post(header(1));
    }

    function signed(uint256 key, uint64 version, uint256 reqHash, uint256 x, uint256 y) internal view returns (bytes memory) {
        return sign(key, red.requirementsDigest(dealId, version, reqHash, x, y));
    }

    function postAs(uint256 key, uint64 version, uint256 reqHash, uint256 x, uint256 y) internal {
        red.postRequirements(dealId, version, reqHash, x, y, signed(key, version, reqHash, x, y));
    }

    /// @dev Signs first: vm.expectRevert applies to the next call, which must be the post.
    function expectPostReverts(bytes memory err, uint256 key, uint64 version, uint256 reqHash, uint256 x, uint256 y) internal {
        bytes memory sig = signed(key, version, reqHash, x, y);
        vm.expectRevert(err);
        red.postRequirements(dealId, version, reqHash, x, y, sig);
    }

    function assertStored(uint256 reqHash, uint64 version, uint256 key, uint256 x, uint256 y) internal view {
        (uint256 h, uint64 v, address m, uint256 ix, uint256 iy) = red.requirements(dealId);
        assertEq(h, reqHash, "requirements hash");
        assertEq(v, version, "version");
        assertEq(m, vm.addr(key), "posting matcher");
        assertEq(ix, x, "issuer x");
        assertEq(iy, y, "issuer y");
    }

    function update(uint64 version) internal {
        IDealRegistry.DealHeader memory h = header(1);
        h.version = version;
        reg.update(h, signDeal(VENDOR_KEY, h));
    }

    function test_PostRequirements() public {
        vm.expectEmit(true, true, false, true, address(red));
        emit RequirementsPosted(dealId, 1, 42, vm.addr(MATCHER_A), A_X, A_Y);
        vm.prank(relayer); // anyone submits; the matcher's signature counts
        postAs(MATCHER_A, 1, 42, A_X, A_Y);
        assertStored(42, 1, MATCHER_A, A_X, A_Y);
    }

    function test_PostRequirements_EachVersionOnce() public {
        postAs(MATCHER_A, 1, 42, A_X, A_Y);
        update(2);
        postAs(MATCHER_B, 2, 43, B_X, B_Y); // a new version: the first valid post wins
        assertStored(43, 2, MATCHER_B, B_X, B_Y);
        expectPostReverts(abi.encodeWithSelector(Redemptions.RequirementsAlreadyPosted.selector, dealId, 2, vm.addr(MATCHER_B)), MATCHER_A, 2, 44, A_X, A_Y);
    }

    function test_RevertWhen_IssuerNotRegistered() public {
        uint256 c = 0xC0; // registered matcher, no issuer key
        matchers.add(vm.addr(c));
        expectPostReverts(abi.encodeWithSelector(Redemptions.NoIssuer.selector, vm.addr(c)), c, 1, 42, A_X, A_Y);
        expectPostReverts(abi.encodeWithSelector(Redemptions.NoIssuer.selector, vm.addr(c)), c, 1, 42, 0, 0);
    }

    function test_RevertWhen_IssuerOfAnotherMatcher() public {
        // B signs a post naming A's issuer key: not B's registered one.
        expectPostReverts(abi.encodeWithSelector(Redemptions.NotMatchersIssuer.selector, vm.addr(MATCHER_B), A_X, A_Y), MATCHER_B, 1, 42, A_X, A_Y);
        // Nor a key nobody registered.
        expectPostReverts(abi.encodeWithSelector(Redemptions.NotMatchersIssuer.selector, vm.addr(MATCHER_A), A_X, B_Y), MATCHER_A, 1, 42, A_X, B_Y);
        (uint256 h,,,,) = red.requirements(dealId);
        assertEq(h, 0, "nothing posted");
    }

    function test_RevertWhen_IssuerSwappedAfterSigning() public {
        // A's signature covers its issuer key: submitted with B's, it recovers some other address.
        bytes memory sig = signed(MATCHER_A, 1, 42, A_X, A_Y);
        vm.expectRevert(); // NotRegistered(<whatever ecrecover returns>)
        red.postRequirements(dealId, 1, 42, B_X, B_Y, sig);
    }

    function test_RevertWhen_PostedTwice() public {
        postAs(MATCHER_A, 1, 42, A_X, A_Y);
        address a = vm.addr(MATCHER_A);
        // The same matcher, even with the same hash.
        expectPostReverts(abi.encodeWithSelector(Redemptions.RequirementsAlreadyPosted.selector, dealId, 1, a), MATCHER_A, 1, 42, A_X, A_Y);
        expectPostReverts(abi.encodeWithSelector(Redemptions.RequirementsAlreadyPosted.selector, dealId, 1, a), MATCHER_A, 1, 43, A_X, A_Y);
        // Another registered matcher with its own issuer cannot replace it.
        expectPostReverts(abi.encodeWithSelector(Redemptions.RequirementsAlreadyPosted.selector, dealId, 1, a), MATCHER_B, 1, 43, B_X, B_Y);
        assertStored(42, 1, MATCHER_A, A_X, A_Y);
    }

    function test_RevertWhen_StaleVersion() public {
        update(2);
        expectPostReverts(abi.encodeWithSelector(Redemptions.StaleVersion.selector, dealId, 1, 2), MATCHER_A, 1, 42, A_X, A_Y);
        expectPostReverts(abi.encodeWithSelector(Redemptions.StaleVersion.selector, dealId, 3, 2), MATCHER_A, 3, 42, A_X, A_Y);
        postAs(MATCHER_A, 2, 42, A_X, A_Y);
        // An old version's post cannot overwrite the current one's either.
        expectPostReverts(abi.encodeWithSelector(Redemptions.StaleVersion.selector, dealId, 1, 2), MATCHER_B, 1, 43, B_X, B_Y);
        assertStored(42, 2, MATCHER_A, A_X, A_Y);
    }

    function test_RevertWhen_NotARegisteredMatcher() public {
        expectPostReverts(abi.encodeWithSelector(IAttestationRegistry.NotRegistered.selector, vm.addr(0xbad)), 0xbad, 1, 42, A_X, A_Y);
    }

    function test_RevertWhen_UnknownDeal() public {
        bytes32 other = keccak256("no such deal");
        bytes memory sig = sign(MATCHER_A, red.requirementsDigest(other, 1, 42, A_X, A_Y));
        vm.expectRevert(abi.encodeWithSelector(Redemptions.UnknownDeal.selector, other));
        red.postRequirements(other, 1, 42, A_X, A_Y, sig);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {VerifierPolicy} from "../script/VerifierPolicy.sol";
import {Redemptions, IEligibilityVerifier} from "../src/Redemptions.sol";
import {IAttestationRegistry} from "../src/interfaces/IAttestationRegistry.sol";
import {IDealRegistry} from "../src/interfaces/IDealRegistry.sol";

/// @notice A verifier as a ceremony exports one: other keys, developmentKeys() false.
contract CeremonyLikeVerifier {
    function verifyProof(uint256[8] calldata, uint256[3] calldata) external pure {}

    function vkHash() external pure returns (bytes32) {
        return keccak256("ceremony keys");
    }

    function developmentKeys() external pure returns (bool) {
        return false;
    }
}

contract Policy is VerifierPolicy {}

/// @notice The deployment script's verifier checks (VerifierPolicy, Deploy's base): the development
/// verifier only on development chains, and VK_HASH, when given, must be the verifier's.
/// cmd/bazaar's TestDeployScript_CeremonyVerifier runs the whole script on anvil.
contract DeployTest is Test {
    Policy internal script;
    IEligibilityVerifier internal dev;
    IEligibilityVerifier internal ceremony;

    function setUp() public {
        script = new Policy();
        dev = IEligibilityVerifier(vm.deployCode("EligibilityVerifier.sol:EligibilityVerifier"));
        ceremony = IEligibilityVerifier(address(new CeremonyLikeVerifier()));
    }

    function test_DevChains() public view {
        assertTrue(script.isDevChain(1337) && script.isDevChain(31337), "bazaar dev's chain and anvil's default");
        assertTrue(!script.isDevChain(1) && !script.isDevChain(11155111) && !script.isDevChain(8453), "mainnet, Sepolia, Base");
    }

    function test_CheckVerifier_DevelopmentKeysOnDevChains() public view {
        script.checkVerifier(dev, "EligibilityVerifier", 1337, bytes32(0));
        script.checkVerifier(dev, "EligibilityVerifier", 31337, dev.vkHash());
    }

    function test_CheckVerifier_CeremonyAnywhere() public view {
        script.checkVerifier(ceremony, "CeremonyVerifier", 11155111, bytes32(0));
        script.checkVerifier(ceremony, "CeremonyVerifier", 1, keccak256("ceremony keys"));
        script.checkVerifier(ceremony, "CeremonyVerifier", 31337, bytes32(0));
    }

    function test_RevertWhen_DevelopmentKeysOffDevChains() public {
        vm.expectRevert(
            bytes(
                "Deploy: verifier EligibilityVerifier uses DEVELOPMENT keys (anyone can forge proofs): refused on chain 11155111, which is not a development chain (1337, 31337); deploy the ceremony's verifier (VERIFIER)"
            )
        );
        script.checkVerifier(dev, "EligibilityVerifier", 11155111, bytes32(0));
        bytes32 h = dev.vkHash();
        vm.expectRevert();
        script.checkVerifier(dev, "EligibilityVerifier", 1, h); // the right hash does not help
    }

    function test_RevertWhen_VkHashDiffers() public {
        bytes32 h = dev.vkHash();
        vm.expectRevert(
            bytes(
                string.concat(
                    "Deploy: VK_HASH ", vm.toString(h), " is not verifier CeremonyVerifier's vkHash() ", vm.toString(keccak256("ceremony keys"))
                )
            )
        );
        script.checkVerifier(ceremony, "CeremonyVerifier", 11155111, h);
        vm.expectRevert();
        script.checkVerifier(dev, "EligibilityVerifier", 31337, keccak256("ceremony keys"));
    }

    function test_RedemptionsNamesTheVerifiersKeys() public {
        Redemptions red = new Redemptions(IDealRegistry(address(1)), IAttestationRegistry(address(2)), ceremony);
        assertEq(red.verifierVkHash(), keccak256("ceremony keys"), "vk hash read at construction");
        assertTrue(!red.developmentKeys(), "ceremony keys");
        bytes32 h = dev.vkHash();
        vm.expectRevert(abi.encodeWithSelector(Redemptions.VkHashMismatch.selector, h, keccak256("ceremony keys")));
        red.setProverKeys(h, "bafy-pk", "bafy-vk");
    }
}

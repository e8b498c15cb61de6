// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ScriptVm} from "./ScriptVm.sol";
import {IEligibilityVerifier} from "../src/Redemptions.sol";

/// @notice Which eligibility verifier a deployment may use (Deploy.s.sol's checks, apart so that
/// contracts/test/Deploy.t.sol can test them without the whole script).
abstract contract VerifierPolicy {
    ScriptVm internal constant vm = ScriptVm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @notice Development chains: `bazaar dev`'s embedded chain (chain.DevChainID) and anvil's
    /// default. Only there may the development verifier be deployed.
    function isDevChain(uint256 chainId) public pure returns (bool) {
        return chainId == 1337 || chainId == 31337;
    }

    /// @notice Refuses a verifier under development keys off development chains, and one whose
    /// vkHash() is not `want` (when given).
    function checkVerifier(IEligibilityVerifier verifier, string memory name, uint256 chainId, bytes32 want) public view {
        require(
            !verifier.developmentKeys() || isDevChain(chainId),
            string.concat(
                "Deploy: verifier ", name, " uses DEVELOPMENT keys (anyone can forge proofs): refused on chain ", vm.toString(chainId),
                ", which is not a development chain (1337, 31337); deploy the ceremony's verifier (VERIFIER)"
            )
        );
        bytes32 got = verifier.vkHash();
        require(
            want == bytes32(0) || want == got,
            string.concat("Deploy: VK_HASH ", vm.toString(want), " is not verifier ", name, "'s vkHash() ", vm.toString(got))
        );
    }
}

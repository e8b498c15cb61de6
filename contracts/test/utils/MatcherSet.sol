// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {IAttestationRegistry} from "../../src/interfaces/IAttestationRegistry.sol";

/// @notice Stands in for AttestationRegistry's matcher check (requireMatcherSignature, all that
/// Redemptions asks of it) in tests that need several registered matchers: the simulated-SNP
/// fixtures register one. Matchers are added by hand.
contract MatcherSet {
    mapping(address matcher => bool) public registered;

    function add(address matcher) external {
        registered[matcher] = true;
    }

    function requireMatcherSignature(bytes32 digest, bytes calldata signature) external view returns (address matcher) {
        matcher = ECDSA.recover(digest, signature);
        if (!registered[matcher]) revert IAttestationRegistry.NotRegistered(matcher);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./Test.sol";
import {AttestationRegistry} from "../../src/AttestationRegistry.sol";
import {IAttestationRegistry} from "../../src/interfaces/IAttestationRegistry.sol";
import {X509} from "../../src/lib/X509.sol";
import {SimSnpFixtures as S} from "../fixtures/SimSnpFixtures.sol";

/// @notice A development AttestationRegistry pinning the simulated SNP's test root, and the
/// fixtures' matcher (key 0xbeef) registered through it, for tests of contracts that accept
/// matcher outputs. The registry must be the test contract's first creation: the fixture
/// reports bind its address.
abstract contract SimSnpRegistry is Test {
    address internal gov = address(0x60f);

    function deploySimRegistry(uint64 ttl) internal returns (AttestationRegistry reg) {
        X509.Cert memory c = X509.parse(S.A_ARK);
        (bytes memory n, bytes memory e) = X509.rsaPublicKey(S.A_ARK, c);
        IAttestationRegistry.Root[] memory roots = new IAttestationRegistry.Root[](1);
        roots[0] = IAttestationRegistry.Root("Milan", n, e, true);
        reg = new AttestationRegistry(gov, roots, ttl, 0);
        assertEq(address(reg), S.REGISTRY, "registry at the address the fixtures bind");
    }

    /// @dev About 6M gas: call it outside setUp when setUp deploys much else (the cap is per call).
    function registerSimMatcher(AttestationRegistry reg) internal {
        bytes32 askId = reg.registerAsk("Milan", S.A_ASK);
        vm.prank(gov);
        reg.allowMeasurement(S.MEASUREMENT);
        reg.registerMatcher(reg.registerVcek(askId, S.A_VCEK), S.REPORT_OK, S.MATCHER, S.HPKE_KEY, 1);
    }
}

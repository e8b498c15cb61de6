// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ScriptVm} from "./ScriptVm.sol";
import {DealRegistry} from "../src/DealRegistry.sol";
import {AttestationRegistry} from "../src/AttestationRegistry.sol";
import {IAttestationRegistry} from "../src/interfaces/IAttestationRegistry.sol";
import {IDealRegistry} from "../src/interfaces/IDealRegistry.sol";
import {MetricsLedger} from "../src/MetricsLedger.sol";
import {Redemptions, IEligibilityVerifier} from "../src/Redemptions.sol";
import {EligibilityVerifier} from "../src/verifiers/EligibilityVerifier.sol";
import {Settlement} from "../src/Settlement.sol";
import {TestStablecoin} from "../src/dev/TestStablecoin.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice Deploys and configures every Bazaar contract on any EVM chain and writes the manifest
/// `bazaar node --manifest` (and `bazaar audit --manifest`) read.
///
///   forge script contracts/script/Deploy.s.sol --rpc-url $RPC --broadcast
///
/// Environment:
///   DEPLOYER_KEY       key that sends the transactions (required)
///   GOVERNANCE         allows and revokes measurements [the deployer]
///   ROOT_LINES, ROOT_MODULI, ROOT_EXPONENTS, ROOT_TEST_ONLY
///                      the AMD roots to pin, comma-separated (`bazaar roots --env` prints AMD's
///                      production ARKs; `--dev` the simulated SNP's test root, flagged testOnly)
///   MEASUREMENTS       launch measurements to allow (48-byte hex, comma-separated; only when the
///                      deployer governs)
///   MATCHER_TTL, MIN_TCB, EXIT_DELAY   seconds, TCB, seconds [1 day, 0, 1 day]
///   TOKEN              the settlement ERC-20 [a TestStablecoin is deployed: development only]
///   VK_HASH, PK_CID, VK_CID   the prover keys to record in Redemptions [none]
///   MANIFEST           where to write the manifest [contracts/deployments/<chain id>.json]
contract Deploy {
    ScriptVm constant vm = ScriptVm(address(uint160(uint256(keccak256("hevm cheat code")))));

    function run() external {
        uint256 key = vm.envUint("DEPLOYER_KEY");
        address deployer = vm.addr(key);
        address governance = vm.envOr("GOVERNANCE", deployer);
        uint256 startBlock = block.number;

        IAttestationRegistry.Root[] memory roots = readRoots();
        vm.startBroadcast(key);
        DealRegistry deals = new DealRegistry();
        AttestationRegistry attestation = new AttestationRegistry(
            governance, roots, uint64(vm.envOr("MATCHER_TTL", uint256(1 days))), uint64(vm.envOr("MIN_TCB", uint256(0)))
        );
        if (vm.envExists("MEASUREMENTS") && governance == deployer) {
            bytes[] memory ms = vm.envBytes("MEASUREMENTS", ",");
            for (uint256 i = 0; i < ms.length; i++) {
                attestation.allowMeasurement(ms[i]);
            }
        }
        MetricsLedger metrics = new MetricsLedger(attestation);
        EligibilityVerifier verifier = new EligibilityVerifier();
        Redemptions redemptions = new Redemptions(IDealRegistry(address(deals)), attestation, IEligibilityVerifier(address(verifier)));
        bytes32 vkHash = vm.envOr("VK_HASH", bytes32(0));
        if (vkHash != bytes32(0)) {
            redemptions.setProverKeys(vkHash, vm.envOr("PK_CID", string("")), vm.envOr("VK_CID", string("")));
        }
        address token = vm.envOr("TOKEN", address(0));
        bool devToken = token == address(0);
        if (devToken) {
            token = address(new TestStablecoin());
        }
        Settlement settlement = new Settlement(IERC20(token), attestation, uint64(vm.envOr("EXIT_DELAY", uint256(1 days))));
        vm.stopBroadcast();

        string memory m = "manifest";
        vm.serializeUint(m, "chainId", block.chainid);
        vm.serializeAddress(m, "dealRegistry", address(deals));
        vm.serializeUint(m, "deployBlock", startBlock);
        vm.serializeAddress(m, "attestationRegistry", address(attestation));
        vm.serializeUint(m, "attestationBlock", startBlock);
        vm.serializeAddress(m, "metricsLedger", address(metrics));
        vm.serializeUint(m, "metricsBlock", startBlock);
        vm.serializeAddress(m, "redemptions", address(redemptions));
        vm.serializeUint(m, "redemptionsBlock", startBlock);
        vm.serializeAddress(m, "stablecoin", token);
        vm.serializeBool(m, "devToken", devToken);
        vm.serializeAddress(m, "governance", governance);
        vm.serializeBytes32(m, "vkHash", vkHash);
        vm.serializeString(m, "pkCid", vm.envOr("PK_CID", string("")));
        vm.serializeAddress(m, "settlement", address(settlement));
        string memory json = vm.serializeUint(m, "settlementBlock", startBlock);
        vm.writeJson(json, vm.envOr("MANIFEST", string.concat("contracts/deployments/", vm.toString(block.chainid), ".json")));
    }

    function readRoots() internal view returns (IAttestationRegistry.Root[] memory roots) {
        string[] memory lines = vm.envString("ROOT_LINES", ",");
        bytes[] memory moduli = vm.envBytes("ROOT_MODULI", ",");
        bytes[] memory exponents = vm.envBytes("ROOT_EXPONENTS", ",");
        bool[] memory testOnly = vm.envBool("ROOT_TEST_ONLY", ",");
        require(lines.length == moduli.length && lines.length == exponents.length && lines.length == testOnly.length, "ROOT_* lists differ in length");
        roots = new IAttestationRegistry.Root[](lines.length);
        for (uint256 i = 0; i < lines.length; i++) {
            roots[i] = IAttestationRegistry.Root(lines[i], moduli[i], exponents[i], testOnly[i]);
        }
    }
}

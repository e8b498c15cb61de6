// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {VerifierPolicy} from "./VerifierPolicy.sol";
import {DealRegistry} from "../src/DealRegistry.sol";
import {AttestationRegistry} from "../src/AttestationRegistry.sol";
import {IAttestationRegistry} from "../src/interfaces/IAttestationRegistry.sol";
import {IDealRegistry} from "../src/interfaces/IDealRegistry.sol";
import {MetricsLedger} from "../src/MetricsLedger.sol";
import {Redemptions, IEligibilityVerifier} from "../src/Redemptions.sol";
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
///   VERIFIER           the eligibility verifier to deploy, as a forge artifact: a contract name or
///                      File.sol:Name [the development verifier, on development chains only]
///   VK_HASH            the verifying key's hash the verifier must report (vkHash()); give it
///                      whenever VERIFIER is given [unchecked]
///   PK_CID, VK_CID     where the proving and verifying keys are published; recorded in
///                      Redemptions with the verifier's vk hash when either is given [none]
///   MANIFEST           where to write the manifest [contracts/deployments/<chain id>.json]
///
/// The verifier. The development verifier (contracts/src/verifiers/EligibilityVerifier.sol, keys
/// prover.DevKeys whose toxic waste is public: anyone can forge proofs) is deployed only on
/// development chains: chain id 1337 (`bazaar dev`'s chain) or 31337 (anvil's default). Anywhere
/// else the script refuses to run unless VERIFIER names a verifier whose developmentKeys() is
/// false: the one a ceremony's keys export,
///
///   bazaar prover ceremony seal2 --dir ceremony --beacon B \
///     --verifier contracts/src/ceremony/CeremonyVerifier.sol
///   VERIFIER=CeremonyVerifier VK_HASH=0x… PK_CID=… VK_CID=… forge script contracts/script/Deploy.s.sol …
///
/// The ceremony's verifier goes to contracts/src/ceremony/: `forge script` compiles the sources
/// directory and the script's imports only, so there it is compiled (fresh) with every run, and it
/// stays out of contracts/src/verifiers, which `make gen` owns and its freshness check guards. Its
/// contract is named after its file. Commit it with the network's manifest: anyone can regenerate
/// it from the transcript (`bazaar prover ceremony verify --verifier …`). Redemptions reads the
/// verifier's vkHash() when it is constructed and records prover keys only under that hash.
contract Deploy is VerifierPolicy {
    /// @dev What run() deployed, for the manifest (one struct: the script's locals exceed the stack).
    struct Deployed {
        address governance;
        uint256 startBlock;
        IEligibilityVerifier verifier;
        string verifierName;
        DealRegistry deals;
        AttestationRegistry attestation;
        MetricsLedger metrics;
        Redemptions redemptions;
        string pkCid;
        string vkCid;
        address token;
        bool devToken;
        Settlement settlement;
    }

    function run() external {
        uint256 key = vm.envUint("DEPLOYER_KEY");
        address deployer = vm.addr(key);
        Deployed memory d;
        d.governance = vm.envOr("GOVERNANCE", deployer);
        d.startBlock = block.number;

        IAttestationRegistry.Root[] memory roots = readRoots();
        vm.startBroadcast(key);
        // First, so that a refused verifier stops the script before anything else is deployed
        // (forge broadcasts nothing of a script that reverts).
        (d.verifier, d.verifierName) = deployVerifier();
        d.deals = new DealRegistry();
        d.attestation = new AttestationRegistry(
            d.governance, roots, uint64(vm.envOr("MATCHER_TTL", uint256(1 days))), uint64(vm.envOr("MIN_TCB", uint256(0)))
        );
        if (vm.envExists("MEASUREMENTS") && d.governance == deployer) {
            bytes[] memory ms = vm.envBytes("MEASUREMENTS", ",");
            for (uint256 i = 0; i < ms.length; i++) {
                d.attestation.allowMeasurement(ms[i]);
            }
        }
        d.metrics = new MetricsLedger(d.attestation);
        d.redemptions = new Redemptions(IDealRegistry(address(d.deals)), d.attestation, d.verifier);
        d.pkCid = vm.envOr("PK_CID", string(""));
        d.vkCid = vm.envOr("VK_CID", string(""));
        if (bytes(d.pkCid).length > 0 || bytes(d.vkCid).length > 0) {
            d.redemptions.setProverKeys(d.redemptions.verifierVkHash(), d.pkCid, d.vkCid);
        }
        d.token = vm.envOr("TOKEN", address(0));
        d.devToken = d.token == address(0);
        if (d.devToken) {
            d.token = address(new TestStablecoin());
        }
        d.settlement = new Settlement(IERC20(d.token), d.attestation, uint64(vm.envOr("EXIT_DELAY", uint256(1 days))));
        vm.stopBroadcast();
        writeManifest(d);
    }

    function writeManifest(Deployed memory d) internal {
        string memory m = "manifest";
        vm.serializeUint(m, "chainId", block.chainid);
        vm.serializeAddress(m, "dealRegistry", address(d.deals));
        vm.serializeUint(m, "deployBlock", d.startBlock);
        vm.serializeAddress(m, "attestationRegistry", address(d.attestation));
        vm.serializeUint(m, "attestationBlock", d.startBlock);
        vm.serializeAddress(m, "metricsLedger", address(d.metrics));
        vm.serializeUint(m, "metricsBlock", d.startBlock);
        vm.serializeAddress(m, "redemptions", address(d.redemptions));
        vm.serializeUint(m, "redemptionsBlock", d.startBlock);
        vm.serializeAddress(m, "stablecoin", d.token);
        vm.serializeBool(m, "devToken", d.devToken);
        vm.serializeAddress(m, "governance", d.governance);
        vm.serializeAddress(m, "verifier", address(d.verifier));
        vm.serializeString(m, "verifierArtifact", d.verifierName);
        vm.serializeBytes32(m, "vkHash", d.redemptions.verifierVkHash());
        vm.serializeBool(m, "developmentKeys", d.redemptions.developmentKeys());
        vm.serializeString(m, "pkCid", d.pkCid);
        vm.serializeString(m, "vkCid", d.vkCid);
        vm.serializeAddress(m, "settlement", address(d.settlement));
        string memory json = vm.serializeUint(m, "settlementBlock", d.startBlock);
        vm.writeJson(json, vm.envOr("MANIFEST", string.concat("contracts/deployments/", vm.toString(block.chainid), ".json")));
    }

    /// @dev Deploys VERIFIER (or, on development chains only, the development verifier) from its
    /// artifact, and checks it. (From the artifact, not `new`: this script's own code, which holds
    /// the creation code of every contract it deploys with `new`, must stay deployable under the
    /// per-transaction gas cap even in simulation.)
    function deployVerifier() internal returns (IEligibilityVerifier verifier, string memory name) {
        name = vm.envOr("VERIFIER", string(""));
        if (bytes(name).length == 0) {
            require(
                isDevChain(block.chainid),
                string.concat(
                    "Deploy: chain ", vm.toString(block.chainid), " is not a development chain (1337, 31337): set VERIFIER to the ceremony's verifier; ",
                    "the development verifier's keys are public, anyone can forge proofs under them"
                )
            );
            name = "EligibilityVerifier.sol:EligibilityVerifier";
        }
        verifier = IEligibilityVerifier(vm.deployCode(name));
        checkVerifier(verifier, name, block.chainid, vm.envOr("VK_HASH", bytes32(0)));
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

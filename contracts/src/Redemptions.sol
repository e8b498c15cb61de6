// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAttestationRegistry} from "./interfaces/IAttestationRegistry.sol";
import {IDealRegistry} from "./interfaces/IDealRegistry.sol";

/// @notice The eligibility circuit's Groth16 verifier (contracts/src/verifiers, generated).
interface IEligibilityVerifier {
    function verifyProof(uint256[8] calldata proof, uint256[3] calldata input) external view;
}

/// @title Redemptions
/// @notice One redemption per agent per deal, proven in zero knowledge: the agent shows that a
/// credential the attested enclave issued meets the deal's requirements (LTV, loyalty, distance,
/// expiry) without revealing any of them, and spends the deal's nullifier H(secret, dealId),
/// which no other deal's nullifier links to. The deal's requirements hash is posted by the
/// registered matcher (signed; one ecrecover), for the deal's current version. A relayer may
/// submit for the agent: the proof binds the payout address, not msg.sender.
contract Redemptions {
    IDealRegistry public immutable deals;
    IAttestationRegistry public immutable attestation;
    IEligibilityVerifier public immutable verifier;
    address public immutable deployer;

    /// @notice The proving system's keys, published to IPFS: the verifying key's SHA-256 (an
    /// auditor checks it against the verifier's constants) and both keys' CIDs. Set once.
    bytes32 public vkHash;
    string public pkCid;
    string public vkCid;

    struct Requirement {
        uint256 reqHash;
        uint64 version; // the deal version the hash was computed for
    }

    mapping(bytes32 dealId => Requirement) public requirements;
    mapping(bytes32 dealId => uint64) public redemptions;
    mapping(uint256 nullifier => bool) public nullifierUsed;
    /// @notice Each matcher's credential-issuer key (BN254 twisted Edwards point), registered by
    /// the matcher's attested key; requirements hashes commit to it.
    mapping(address matcher => uint256[2]) internal _issuers;

    bytes32 public constant REQUIREMENTS_TYPEHASH = keccak256("Requirements(bytes32 dealId,uint64 version,uint256 reqHash)");
    bytes32 public constant ISSUER_TYPEHASH = keccak256("Issuer(uint256 x,uint256 y)");

    event RequirementsPosted(bytes32 indexed dealId, uint64 version, uint256 reqHash, address indexed matcher);
    event Redeemed(bytes32 indexed dealId, uint256 nullifier, address payout);
    event IssuerRegistered(address indexed matcher, uint256 x, uint256 y);
    event ProverKeys(bytes32 vkHash, string pkCid, string vkCid);

    error UnknownDeal(bytes32 dealId);
    error DealNotActive(bytes32 dealId);
    error SoldOut(bytes32 dealId);
    error NoRequirements(bytes32 dealId, uint64 version);
    error NullifierUsed(uint256 nullifier);
    error StaleDay(uint256 day, uint256 today);
    error NotDeployer(address caller);
    error KeysAlreadySet();

    constructor(IDealRegistry deals_, IAttestationRegistry attestation_, IEligibilityVerifier verifier_) {
        deals = deals_;
        attestation = attestation_;
        verifier = verifier_;
        deployer = msg.sender;
    }

    /// @notice Records where the proving and verifying keys are published (deployer, once).
    function setProverKeys(bytes32 vkHash_, string calldata pkCid_, string calldata vkCid_) external {
        if (msg.sender != deployer) revert NotDeployer(msg.sender);
        if (vkHash != bytes32(0)) revert KeysAlreadySet();
        vkHash = vkHash_;
        pkCid = pkCid_;
        vkCid = vkCid_;
        emit ProverKeys(vkHash_, pkCid_, vkCid_);
    }

    /// @notice What the matcher signs to post a deal version's requirements hash.
    function requirementsDigest(bytes32 dealId, uint64 version, uint256 reqHash) public view returns (bytes32) {
        return keccak256(abi.encode(REQUIREMENTS_TYPEHASH, block.chainid, address(this), dealId, version, reqHash));
    }

    /// @notice What the matcher signs to register its credential-issuer key.
    function issuerDigest(uint256 x, uint256 y) public view returns (bytes32) {
        return keccak256(abi.encode(ISSUER_TYPEHASH, block.chainid, address(this), x, y));
    }

    /// @notice Registers the signing matcher's credential-issuer key.
    function registerIssuer(uint256 x, uint256 y, bytes calldata signature) external {
        address matcher = attestation.requireMatcherSignature(issuerDigest(x, y), signature);
        _issuers[matcher] = [x, y];
        emit IssuerRegistered(matcher, x, y);
    }

    /// @notice A matcher's registered issuer key (zero if none).
    function issuerOf(address matcher) external view returns (uint256 x, uint256 y) {
        return (_issuers[matcher][0], _issuers[matcher][1]);
    }

    /// @notice Records a deal version's requirements hash, signed by a registered matcher.
    function postRequirements(bytes32 dealId, uint64 version, uint256 reqHash, bytes calldata signature) external {
        address matcher = attestation.requireMatcherSignature(requirementsDigest(dealId, version, reqHash), signature);
        IDealRegistry.Deal memory d = deals.getDeal(dealId);
        if (d.vendor == address(0)) revert UnknownDeal(dealId);
        if (version != d.version) revert NoRequirements(dealId, version);
        requirements[dealId] = Requirement(reqHash, version);
        emit RequirementsPosted(dealId, version, reqHash, matcher);
    }

    /// @notice Redeems a deal with an eligibility proof for `day` (today or yesterday, so a proof
    /// made just before midnight still lands), spending `nullifier`, paying out to `payout`.
    function redeem(bytes32 dealId, uint256[8] calldata proof, uint256 day, uint256 nullifier, address payout) external {
        IDealRegistry.Deal memory d = deals.getDeal(dealId);
        if (d.vendor == address(0)) revert UnknownDeal(dealId);
        if (!deals.isActive(dealId)) revert DealNotActive(dealId);
        uint64 count = redemptions[dealId];
        if (count >= d.maxRedemptions) revert SoldOut(dealId);
        Requirement memory r = requirements[dealId];
        if (r.reqHash == 0 || r.version != d.version) revert NoRequirements(dealId, d.version);
        uint256 today = block.timestamp / 1 days;
        if (day != today && day + 1 != today) revert StaleDay(day, today);
        if (nullifierUsed[nullifier]) revert NullifierUsed(nullifier);
        // Public inputs: requirements, nullifier, and the day and payout packed (day + payout·2^32).
        verifier.verifyProof(proof, [r.reqHash, nullifier, day | (uint256(uint160(payout)) << 32)]);
        nullifierUsed[nullifier] = true;
        redemptions[dealId] = count + 1;
        emit Redeemed(dealId, nullifier, payout);
    }
}

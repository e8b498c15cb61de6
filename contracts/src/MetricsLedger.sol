// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAttestationRegistry} from "./interfaces/IAttestationRegistry.sol";

/// @title MetricsLedger
/// @notice Vendors' aggregate metrics, as the attested matcher computed them inside its enclave:
/// cumulative totals per (vendor, matcher) in storage, the k-suppressed breakdown (by area, by
/// day; only buckets of at least k agents) in the event. A post is accepted only with the
/// signature of a registered, unexpired matcher (one ecrecover in the AttestationRegistry), so
/// whoever submits it — the node's relayer, anyone — cannot change a number. Nothing here names
/// an agent.
contract MetricsLedger {
    IAttestationRegistry public immutable registry;

    struct Totals {
        uint64 agentsMatched;
        uint64 impressionsSent;
        uint64 redemptions;
        uint64 epoch; // the matcher's snapshot counter: strictly increasing per vendor
    }

    mapping(address vendor => mapping(address matcher => Totals)) public totals;

    /// @dev keccak256 of the signed tuple's type, so a digest cannot be mistaken for another output.
    bytes32 public constant METRICS_TYPEHASH =
        keccak256("Metrics(address vendor,uint64 epoch,uint64 agentsMatched,uint64 impressionsSent,uint64 redemptions,bytes32 bucketsHash)");

    event MetricsPosted(
        address indexed vendor,
        address indexed matcher,
        uint64 epoch,
        uint64 agentsMatched,
        uint64 impressionsSent,
        uint64 redemptions,
        bytes buckets
    );

    error StaleEpoch(uint64 epoch, uint64 last);
    error CountsDecreased();

    constructor(IAttestationRegistry registry_) {
        registry = registry_;
    }

    /// @notice What the matcher signs for a post: bound to this chain and this ledger.
    function digest(address vendor, Totals calldata t, bytes calldata buckets) public view returns (bytes32) {
        return keccak256(
            abi.encode(
                METRICS_TYPEHASH,
                block.chainid,
                address(this),
                vendor,
                t.epoch,
                t.agentsMatched,
                t.impressionsSent,
                t.redemptions,
                keccak256(buckets)
            )
        );
    }

    /// @notice Records a matcher's cumulative totals for a vendor. Reverts unless signed by a
    /// registered matcher, with an epoch above the last one and no count going down.
    function post(address vendor, Totals calldata t, bytes calldata buckets, bytes calldata signature) external {
        address matcher = registry.requireMatcherSignature(digest(vendor, t, buckets), signature);
        Totals storage last = totals[vendor][matcher];
        if (t.epoch <= last.epoch) revert StaleEpoch(t.epoch, last.epoch);
        if (t.agentsMatched < last.agentsMatched || t.impressionsSent < last.impressionsSent || t.redemptions < last.redemptions) {
            revert CountsDecreased();
        }
        totals[vendor][matcher] = t;
        emit MetricsPosted(vendor, matcher, t.epoch, t.agentsMatched, t.impressionsSent, t.redemptions, buckets);
    }
}

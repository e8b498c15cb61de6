// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {IDealRegistry} from "./interfaces/IDealRegistry.sol";

/// @title DealRegistry
/// @notice See {IDealRegistry}. EIP-712 domain {name: "Bazaar", version: "1", chainId, verifyingContract}.
contract DealRegistry is IDealRegistry, EIP712 {
    bytes32 public constant DEAL_TYPEHASH = keccak256(
        "DealHeader(address vendor,bytes32 digest,uint64 version,uint64 expiresAt,uint64 maxRedemptions,uint256 nonce,uint256 counter)"
    );
    bytes32 public constant CANCEL_TYPEHASH = keccak256("CancelDeal(bytes32 dealId)");

    mapping(bytes32 dealId => Deal) private _deals;
    mapping(address vendor => uint256) private _counters;

    constructor() EIP712("Bazaar", "1") {}

    /// @inheritdoc IDealRegistry
    function post(DealHeader calldata h, bytes calldata signature) external returns (bytes32 dealId) {
        dealId = dealIdOf(h.vendor, h.nonce);
        if (_deals[dealId].vendor != address(0)) revert DealExists(dealId);
        _checkHeader(dealId, h, signature);
        _deals[dealId] = Deal({
            vendor: h.vendor,
            version: h.version,
            expiresAt: h.expiresAt,
            maxRedemptions: h.maxRedemptions,
            digest: h.digest,
            counter: h.counter,
            cancelled: false
        });
        emit DealPosted(dealId, h.vendor, h.digest, h.version, h.expiresAt, h.maxRedemptions, h.nonce);
    }

    /// @inheritdoc IDealRegistry
    function update(DealHeader calldata h, bytes calldata signature) external returns (bytes32 dealId) {
        dealId = dealIdOf(h.vendor, h.nonce);
        Deal storage d = _deals[dealId];
        if (d.vendor == address(0)) revert UnknownDeal(dealId);
        if (d.cancelled || d.counter != _counters[d.vendor]) revert DealIsCancelled(dealId);
        if (h.version <= d.version) revert VersionNotHigher(dealId, d.version, h.version);
        _checkHeader(dealId, h, signature);
        d.version = h.version;
        d.expiresAt = h.expiresAt;
        d.maxRedemptions = h.maxRedemptions;
        d.digest = h.digest;
        emit DealUpdated(dealId, h.vendor, h.digest, h.version, h.expiresAt, h.maxRedemptions);
    }

    /// @inheritdoc IDealRegistry
    function cancel(bytes32 dealId, bytes calldata signature) external {
        Deal storage d = _deals[dealId];
        address vendor = d.vendor;
        if (vendor == address(0)) revert UnknownDeal(dealId);
        if (d.cancelled || d.counter != _counters[vendor]) revert DealIsCancelled(dealId);
        if (msg.sender != vendor || signature.length != 0) {
            if (!SignatureChecker.isValidSignatureNow(vendor, hashCancel(dealId), signature)) {
                revert InvalidSignature(vendor);
            }
        }
        d.cancelled = true;
        emit DealCancelled(dealId, vendor);
    }

    /// @inheritdoc IDealRegistry
    function cancelAll() external returns (uint256 counter) {
        counter = ++_counters[msg.sender];
        emit AllDealsCancelled(msg.sender, counter);
    }

    /// @inheritdoc IDealRegistry
    function hashDeal(DealHeader calldata h) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    DEAL_TYPEHASH, h.vendor, h.digest, h.version, h.expiresAt, h.maxRedemptions, h.nonce, h.counter
                )
            )
        );
    }

    /// @inheritdoc IDealRegistry
    function hashCancel(bytes32 dealId) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(CANCEL_TYPEHASH, dealId)));
    }

    /// @inheritdoc IDealRegistry
    function dealIdOf(address vendor, uint256 nonce) public pure returns (bytes32) {
        return keccak256(abi.encode(vendor, nonce));
    }

    /// @inheritdoc IDealRegistry
    function getDeal(bytes32 dealId) external view returns (Deal memory d) {
        d = _deals[dealId];
        if (d.vendor == address(0)) revert UnknownDeal(dealId);
    }

    /// @inheritdoc IDealRegistry
    function isActive(bytes32 dealId) external view returns (bool) {
        Deal storage d = _deals[dealId];
        return d.vendor != address(0) && !d.cancelled && d.counter == _counters[d.vendor]
            && block.timestamp < d.expiresAt;
    }

    /// @inheritdoc IDealRegistry
    function counterOf(address vendor) external view returns (uint256) {
        return _counters[vendor];
    }

    function _checkHeader(bytes32 dealId, DealHeader calldata h, bytes calldata signature) private view {
        if (h.vendor == address(0)) revert ZeroVendor();
        if (h.version == 0) revert ZeroVersion();
        if (h.expiresAt <= block.timestamp) revert DealExpired(dealId, h.expiresAt);
        uint256 current = _counters[h.vendor];
        if (h.counter != current) revert StaleCounter(h.vendor, current, h.counter);
        if (!SignatureChecker.isValidSignatureNow(h.vendor, hashDeal(h), signature)) revert InvalidSignature(h.vendor);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IDealRegistry
/// @notice The on-chain index of Bazaar deals. A deal's document lives on IPFS (dag-json, CIDv1,
/// sha2-256); the registry keeps only its digest, the vendor, version, expiry and redemption cap.
/// Headers are EIP-712 signed by the vendor (EOA or EIP-1271 wallet), so anyone may submit them.
interface IDealRegistry {
    /// @notice What a vendor signs. `nonce` is the vendor's per-deal salt (dealId = keccak256(vendor, nonce));
    /// `counter` must equal the vendor's current counter, so cancelAll invalidates every earlier header.
    struct DealHeader {
        address vendor;
        bytes32 digest;
        uint64 version;
        uint64 expiresAt;
        uint64 maxRedemptions;
        uint256 nonce;
        uint256 counter;
    }

    /// @notice Stored state of a deal.
    struct Deal {
        address vendor;
        uint64 version;
        uint64 expiresAt;
        uint64 maxRedemptions;
        bytes32 digest;
        uint256 counter;
        bool cancelled;
    }

    /// @notice Emitted when a deal is first posted.
    event DealPosted(
        bytes32 indexed dealId,
        address indexed vendor,
        bytes32 digest,
        uint64 version,
        uint64 expiresAt,
        uint64 maxRedemptions,
        uint256 nonce
    );
    /// @notice Emitted when a deal is replaced by a higher version.
    event DealUpdated(
        bytes32 indexed dealId, address indexed vendor, bytes32 digest, uint64 version, uint64 expiresAt, uint64 maxRedemptions
    );
    /// @notice Emitted when one deal is cancelled.
    event DealCancelled(bytes32 indexed dealId, address indexed vendor);
    /// @notice Emitted when a vendor cancels all its deals and signed headers by bumping its counter.
    event AllDealsCancelled(address indexed vendor, uint256 counter);

    error InvalidSignature(address vendor);
    error DealExists(bytes32 dealId);
    error UnknownDeal(bytes32 dealId);
    error DealIsCancelled(bytes32 dealId);
    error DealExpired(bytes32 dealId, uint64 expiresAt);
    error VersionNotHigher(bytes32 dealId, uint64 current, uint64 offered);
    error StaleCounter(address vendor, uint256 current, uint256 offered);
    error ZeroVendor();
    error ZeroVersion();

    /// @notice Posts a new deal. Anyone may submit a header signed by its vendor.
    /// @return dealId keccak256(abi.encode(vendor, nonce))
    function post(DealHeader calldata h, bytes calldata signature) external returns (bytes32 dealId);

    /// @notice Replaces a live deal's header with a higher version signed by the same vendor.
    function update(DealHeader calldata h, bytes calldata signature) external returns (bytes32 dealId);

    /// @notice Cancels one deal: the vendor itself with an empty signature, or anyone with the
    /// vendor's EIP-712 CancelDeal signature. Cancelling is final.
    function cancel(bytes32 dealId, bytes calldata signature) external;

    /// @notice Cancels every deal and every unposted header of msg.sender by bumping its counter.
    function cancelAll() external returns (uint256 counter);

    /// @notice EIP-712 digest a vendor signs for `h` (for Go/Solidity parity tests and wallets).
    function hashDeal(DealHeader calldata h) external view returns (bytes32);

    /// @notice EIP-712 digest a vendor signs to cancel `dealId`.
    function hashCancel(bytes32 dealId) external view returns (bytes32);

    /// @notice The id a header posts under.
    function dealIdOf(address vendor, uint256 nonce) external pure returns (bytes32);

    /// @notice Stored state of a deal; reverts with UnknownDeal if absent.
    function getDeal(bytes32 dealId) external view returns (Deal memory);

    /// @notice True if the deal exists, is not cancelled (singly or by counter) and is unexpired.
    function isActive(bytes32 dealId) external view returns (bool);

    /// @notice The vendor's current counter.
    function counterOf(address vendor) external view returns (uint256);
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IAttestationRegistry
/// @notice Accepts a matcher's signing key only if the key was born inside an AMD SEV-SNP guest
/// running an allowed launch measurement, verified here on-chain: the pinned AMD root (ARK)
/// signs the ASK, the ASK signs the VCEK (RSASSA-PSS/SHA-384), the VCEK signs the attestation
/// report (ECDSA P-384/SHA-384), the report shows DEBUG=0, VMPL 0, a TCB at least the minimum and
/// equal to the VCEK's, and REPORT_DATA binds the key to this chain, this registry and a fresh
/// nonce. Work is split over three transactions (ASK, VCEK, matcher), each far under the
/// per-transaction gas cap; certificates are cached so later matchers pay only the last step.
interface IAttestationRegistry {
    /// @notice A pinned AMD root for one product line.
    struct Root {
        string productLine; // "Milan", "Genoa", "Turin"
        bytes modulus; // ARK RSA-4096 modulus, big-endian, no leading zero
        bytes exponent;
        bool testOnly; // a development root (go-sev-guest's test chain): matchers under it are flagged simulated
    }

    /// @notice A verified VCEK.
    struct Vcek {
        bytes32 productLine; // keccak256 of the product line name
        bytes x; // P-384 public key, 48 bytes each
        bytes y;
        uint64 tcb; // the TCB the VCEK was issued for
        bytes32 hwidHash; // keccak256 of the 64-byte chip id
        bool testOnly;
    }

    /// @notice A registered matcher key.
    struct Matcher {
        bytes32 measurement; // keccak256 of the 48-byte launch measurement
        bytes32 vcekId;
        bytes32 hpkeKeyHash; // keccak256 of the HPKE public key agents seal signals to
        uint64 registeredAt;
        uint64 expiresAt;
        bool testOnly;
    }

    event AskRegistered(bytes32 indexed askId, bytes32 indexed productLine);
    event VcekRegistered(bytes32 indexed vcekId, bytes32 indexed askId, uint64 tcb, bytes32 hwidHash);
    /// @notice Carries the whole report and the HPKE key so auditors can re-verify off-chain.
    event MatcherRegistered(
        address indexed matcher, bytes32 indexed measurement, bytes32 vcekId, uint64 expiresAt, bool testOnly, bytes report, bytes hpkeKey
    );
    event MeasurementAllowed(bytes32 indexed measurement, bytes rawMeasurement);
    event MeasurementRevoked(bytes32 indexed measurement);
    event MinimumTcbChanged(uint64 tcb);

    error NotGovernance(address caller);
    error UnknownRoot(bytes32 productLine);
    error UnknownAsk(bytes32 askId);
    error UnknownVcek(bytes32 vcekId);
    error BadCertificateSignature();
    error BadReportLength(uint256 length);
    error BadReportSignatureAlgorithm(uint32 algo);
    error BadReportSignature();
    error DebugAllowed();
    error WrongVmpl(uint32 vmpl);
    error MeasurementNotAllowed(bytes32 measurement);
    error TcbMismatch(uint64 reported, uint64 vcek);
    error TcbTooLow(uint64 reported, uint64 minimum);
    error ChipMismatch();
    error ReportDataMismatch();
    error NonceUsed(uint256 nonce);
    error NotRegistered(address matcher);

    /// @notice Verifies an ASK certificate against the pinned ARK of `productLine` and caches it.
    function registerAsk(string calldata productLine, bytes calldata askDer) external returns (bytes32 askId);

    /// @notice Verifies a VCEK certificate against a cached ASK and caches its key and TCB.
    function registerVcek(bytes32 askId, bytes calldata vcekDer) external returns (bytes32 vcekId);

    /// @notice The 64-byte REPORT_DATA a matcher's report must carry: the matcher address, 12
    /// zero bytes, keccak256(abi.encode(chainId, this registry, nonce, keccak256(hpkeKey))).
    function reportData(address matcher, bytes calldata hpkeKey, uint256 nonce) external view returns (bytes memory);

    /// @notice Allows a 48-byte launch measurement (governance only).
    function allowMeasurement(bytes calldata measurement) external;

    /// @notice Revokes a measurement (governance only); matchers running it stop counting at once.
    function revokeMeasurement(bytes32 measurement) external;

    /// @notice A cached VCEK.
    function vcek(bytes32 vcekId) external view returns (Vcek memory);

    /// @notice Verifies an attestation report under a cached VCEK and registers `matcher` until
    /// now + registrationTtl. The report must be signed (ECDSA P-384/SHA-384) by the VCEK, show
    /// DEBUG=0, VMPL 0, an allowed measurement, REPORTED_TCB equal to the VCEK's and at least the
    /// minimum, CHIP_ID equal to the VCEK's hardware id, and REPORT_DATA = reportData(matcher,
    /// hpkeKey, nonce) with a nonce never used before.
    function registerMatcher(bytes32 vcekId, bytes calldata report, address matcher, bytes calldata hpkeKey, uint256 nonce)
        external;

    /// @notice A matcher's registration (zero if never registered).
    function matcherOf(address matcher) external view returns (Matcher memory);

    /// @notice True while `matcher` is registered, unexpired and its measurement still allowed.
    function isRegistered(address matcher) external view returns (bool);

    /// @notice Recovers the signer of a matcher output digest and requires it to be registered:
    /// after registration every matcher output costs one ecrecover.
    function requireMatcherSignature(bytes32 digest, bytes calldata signature) external view returns (address matcher);
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAttestationRegistry} from "./interfaces/IAttestationRegistry.sol";
import {X509} from "./lib/X509.sol";
import {RsaPss} from "./lib/RsaPss.sol";
import {ReportSignatureVerifier} from "./ReportSignatureVerifier.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title AttestationRegistry
/// @notice See {IAttestationRegistry}. Roots are fixed at deployment: AMD's real Milan, Genoa
/// and Turin ARKs in production, go-sev-guest's test ARK (flagged testOnly) in development.
contract AttestationRegistry is IAttestationRegistry {
    address public immutable governance;
    ReportSignatureVerifier public immutable signatureVerifier;
    uint64 public immutable registrationTtl;
    uint64 public minimumTcb;

    struct PinnedRoot {
        bytes modulus;
        bytes exponent;
        bool testOnly;
    }

    struct Ask {
        bytes32 productLine;
        bytes modulus;
        bytes exponent;
        bool testOnly;
    }

    mapping(bytes32 productLine => PinnedRoot) internal _roots;
    mapping(bytes32 askId => Ask) internal _asks;
    mapping(bytes32 vcekId => Vcek) internal _vceks;
    mapping(bytes32 measurement => bool) public measurementAllowed;
    mapping(address => Matcher) internal _matchers;
    mapping(uint256 nonce => bool) public nonceUsed;

    uint256 internal constant REPORT_SIZE = 0x4A0;
    uint256 internal constant SIGNED_SIZE = 0x2A0;

    modifier onlyGovernance() {
        if (msg.sender != governance) revert NotGovernance(msg.sender);
        _;
    }

    constructor(address governance_, Root[] memory roots, uint64 ttl, uint64 minTcb) {
        governance = governance_;
        signatureVerifier = new ReportSignatureVerifier();
        registrationTtl = ttl;
        minimumTcb = minTcb;
        for (uint256 i = 0; i < roots.length; i++) {
            _roots[keccak256(bytes(roots[i].productLine))] = PinnedRoot(roots[i].modulus, roots[i].exponent, roots[i].testOnly);
        }
    }

    /// @inheritdoc IAttestationRegistry
    function allowMeasurement(bytes calldata measurement) external onlyGovernance {
        if (measurement.length != 48) revert MeasurementNotAllowed(keccak256(measurement));
        bytes32 m = keccak256(measurement);
        measurementAllowed[m] = true;
        emit MeasurementAllowed(m, measurement);
    }

    /// @inheritdoc IAttestationRegistry
    function revokeMeasurement(bytes32 measurement) external onlyGovernance {
        measurementAllowed[measurement] = false;
        emit MeasurementRevoked(measurement);
    }

    /// @notice Raises or lowers the minimum reported TCB (governance only).
    function setMinimumTcb(uint64 tcb) external onlyGovernance {
        minimumTcb = tcb;
        emit MinimumTcbChanged(tcb);
    }

    /// @notice Whether a product line's pinned root is a development test root.
    function rootIsTestOnly(string calldata productLine) external view returns (bool) {
        PinnedRoot storage r = _roots[keccak256(bytes(productLine))];
        if (r.modulus.length == 0) revert UnknownRoot(keccak256(bytes(productLine)));
        return r.testOnly;
    }

    /// @inheritdoc IAttestationRegistry
    function registerAsk(string calldata productLine, bytes calldata askDer) external returns (bytes32 askId) {
        bytes32 line = keccak256(bytes(productLine));
        PinnedRoot storage root = _roots[line];
        if (root.modulus.length == 0) revert UnknownRoot(line);
        bytes memory der = askDer;
        X509.Cert memory c = X509.parse(der);
        if (!RsaPss.verify(X509.tbsBytes(der, c), c.signature, root.modulus, root.exponent)) {
            revert BadCertificateSignature();
        }
        (bytes memory n, bytes memory e) = X509.rsaPublicKey(der, c);
        askId = keccak256(abi.encode(line, n, e));
        _asks[askId] = Ask(line, n, e, root.testOnly);
        emit AskRegistered(askId, line);
    }

    /// @inheritdoc IAttestationRegistry
    function registerVcek(bytes32 askId, bytes calldata vcekDer) external returns (bytes32 vcekId) {
        Ask storage ask = _asks[askId];
        if (ask.modulus.length == 0) revert UnknownAsk(askId);
        bytes memory der = vcekDer;
        X509.Cert memory c = X509.parse(der);
        if (!RsaPss.verify(X509.tbsBytes(der, c), c.signature, ask.modulus, ask.exponent)) {
            revert BadCertificateSignature();
        }
        (bytes memory x, bytes memory y) = X509.p384PublicKey(der, c);
        (uint64 tcb, bytes32 hwid) = X509.amdTcb(der, c);
        vcekId = keccak256(abi.encode(ask.productLine, x, y, tcb));
        _vceks[vcekId] = Vcek(ask.productLine, x, y, tcb, hwid, ask.testOnly);
        emit VcekRegistered(vcekId, askId, tcb, hwid);
    }

    /// @inheritdoc IAttestationRegistry
    function vcek(bytes32 vcekId) external view returns (Vcek memory v) {
        v = _vceks[vcekId];
        if (v.x.length == 0) revert UnknownVcek(vcekId);
    }

    /// @inheritdoc IAttestationRegistry
    function reportData(address matcher, bytes calldata hpkeKey, uint256 nonce) external view returns (bytes memory) {
        return abi.encodePacked(
            matcher, bytes12(0), keccak256(abi.encode(block.chainid, address(this), nonce, keccak256(hpkeKey)))
        );
    }

    /// @inheritdoc IAttestationRegistry
    function registerMatcher(bytes32 vcekId, bytes calldata report, address matcher, bytes calldata hpkeKey, uint256 nonce)
        external
    {
        Vcek storage v = _vceks[vcekId];
        if (v.x.length == 0) revert UnknownVcek(vcekId);
        bytes32 measurement = _checkPolicy(report, v);
        if (nonceUsed[nonce]) revert NonceUsed(nonce);
        if (keccak256(report[0x50:0x90]) != keccak256(this.reportData(matcher, hpkeKey, nonce))) {
            revert ReportDataMismatch();
        }
        _checkSignature(report, v);
        nonceUsed[nonce] = true;
        _register(matcher, measurement, vcekId, keccak256(hpkeKey), v.testOnly);
        emit MatcherRegistered(matcher, measurement, vcekId, _matchers[matcher].expiresAt, v.testOnly, report, hpkeKey);
    }

    function _register(address matcher, bytes32 measurement, bytes32 vcekId, bytes32 hpkeHash, bool testOnly) private {
        uint64 nowTs = uint64(block.timestamp);
        _matchers[matcher] = Matcher(measurement, vcekId, hpkeHash, nowTs, nowTs + registrationTtl, testOnly);
    }

    /// @dev The report's layout and policy: size, ECDSA P-384 algorithm, DEBUG=0, VMPL 0, an
    /// allowed measurement, TCB equal to the VCEK's and at least the minimum, the VCEK's chip.
    function _checkPolicy(bytes calldata report, Vcek storage v) private view returns (bytes32 measurement) {
        if (report.length != REPORT_SIZE) revert BadReportLength(report.length);
        uint32 algo = uint32(_le(report, 0x34, 4));
        if (algo != 1) revert BadReportSignatureAlgorithm(algo);
        if ((_le(report, 0x08, 8) >> 19) & 1 != 0) revert DebugAllowed();
        uint32 vmpl = uint32(_le(report, 0x30, 4));
        if (vmpl != 0) revert WrongVmpl(vmpl);
        measurement = keccak256(report[0x90:0xC0]);
        if (!measurementAllowed[measurement]) revert MeasurementNotAllowed(measurement);
        uint64 tcb = uint64(_le(report, 0x180, 8));
        if (tcb != v.tcb) revert TcbMismatch(tcb, v.tcb);
        if (!_tcbAtLeast(tcb, minimumTcb)) revert TcbTooLow(tcb, minimumTcb);
        if (keccak256(report[0x1A0:0x1E0]) != v.hwidHash) revert ChipMismatch();
    }

    /// @dev ECDSA P-384 over SHA-384 of the signed part; R and S are 72-byte little-endian fields
    /// of which only the low 48 bytes may be non-zero.
    function _checkSignature(bytes calldata report, Vcek storage v) private view {
        for (uint256 i = 48; i < 72; i++) {
            if (report[SIGNED_SIZE + i] != 0 || report[SIGNED_SIZE + 72 + i] != 0) revert BadReportSignature();
        }
        bool ok = signatureVerifier.verify(
            report[0:SIGNED_SIZE], _leNumber(report, SIGNED_SIZE), _leNumber(report, SIGNED_SIZE + 72), v.x, v.y
        );
        if (!ok) revert BadReportSignature();
    }

    /// @inheritdoc IAttestationRegistry
    function matcherOf(address matcher) external view returns (Matcher memory) {
        return _matchers[matcher];
    }

    /// @inheritdoc IAttestationRegistry
    function isRegistered(address matcher) public view returns (bool) {
        Matcher storage m = _matchers[matcher];
        return m.expiresAt > block.timestamp && measurementAllowed[m.measurement];
    }

    /// @inheritdoc IAttestationRegistry
    function requireMatcherSignature(bytes32 digest, bytes calldata signature) external view returns (address matcher) {
        matcher = ECDSA.recover(digest, signature);
        if (!isRegistered(matcher)) revert NotRegistered(matcher);
    }

    /// @dev Each TCB component (byte) at least the minimum's.
    function _tcbAtLeast(uint64 tcb, uint64 min) private pure returns (bool) {
        for (uint256 i = 0; i < 8; i++) {
            if ((tcb >> (8 * i)) & 0xff < (min >> (8 * i)) & 0xff) return false;
        }
        return true;
    }

    /// @dev A little-endian unsigned integer of n bytes at off.
    function _le(bytes calldata b, uint256 off, uint256 n) private pure returns (uint256 v) {
        for (uint256 i = n; i > 0; i--) {
            v = (v << 8) | uint8(b[off + i - 1]);
        }
    }

    /// @dev A 48-byte little-endian number at off as (high 128 bits, low 256 bits).
    function _leNumber(bytes calldata b, uint256 off) private pure returns (uint256[2] memory x) {
        x[0] = _le(b, off + 32, 16);
        x[1] = _le(b, off, 32);
    }
}

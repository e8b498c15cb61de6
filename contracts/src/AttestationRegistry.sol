// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAttestationRegistry} from "./interfaces/IAttestationRegistry.sol";
import {X509} from "./lib/X509.sol";
import {RSAPSS} from "./lib/RSAPSS.sol";

/// @title AttestationRegistry
/// @notice See {IAttestationRegistry}. Roots are fixed at deployment: AMD's real Milan, Genoa
/// and Turin ARKs in production, go-sev-guest's test ARK (flagged testOnly) in development.
contract AttestationRegistry is IAttestationRegistry {
    address public immutable governance;
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

    modifier onlyGovernance() {
        if (msg.sender != governance) revert NotGovernance(msg.sender);
        _;
    }

    constructor(address governance_, Root[] memory roots, uint64 ttl, uint64 minTcb) {
        governance = governance_;
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
        if (!RSAPSS.verify(X509.tbsBytes(der, c), c.signature, root.modulus, root.exponent)) {
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
        if (!RSAPSS.verify(X509.tbsBytes(der, c), c.signature, ask.modulus, ask.exponent)) {
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
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Der
/// @notice A strict, minimal DER reader: definite lengths only, every node bounded by its parent.
/// A node is (tag, header start, content start, end) in the buffer it was read from.
library Der {
    struct Node {
        uint256 tag;
        uint256 start; // first byte of the TLV header
        uint256 content; // first content byte
        uint256 end; // one past the last content byte
    }

    error MalformedDer(uint256 offset);

    /// @notice Reads the TLV at `pos`, which must end at or before `limit`.
    function read(bytes memory d, uint256 pos, uint256 limit) internal pure returns (Node memory n) {
        if (pos + 2 > limit || limit > d.length) revert MalformedDer(pos);
        n.start = pos;
        n.tag = uint8(d[pos]);
        if (n.tag & 0x1f == 0x1f) revert MalformedDer(pos); // multi-byte tags are not used in X.509
        uint256 len = uint8(d[pos + 1]);
        uint256 p = pos + 2;
        if (len & 0x80 != 0) {
            uint256 k = len & 0x7f;
            if (k == 0 || k > 4 || p + k > limit) revert MalformedDer(pos); // no indefinite lengths
            len = 0;
            for (uint256 i = 0; i < k; i++) {
                len = (len << 8) | uint8(d[p + i]);
            }
            if (len < 0x80 || (k > 1 && uint8(d[p]) == 0)) revert MalformedDer(pos); // minimal encoding
            p += k;
        }
        n.content = p;
        n.end = p + len;
        if (n.end > limit) revert MalformedDer(pos);
    }

    /// @notice The first child of a constructed node.
    function child(bytes memory d, Node memory parent) internal pure returns (Node memory) {
        if (parent.tag & 0x20 == 0) revert MalformedDer(parent.start);
        return read(d, parent.content, parent.end);
    }

    /// @notice The sibling after `n` inside `parent`.
    function next(bytes memory d, Node memory n, Node memory parent) internal pure returns (Node memory) {
        return read(d, n.end, parent.end);
    }

    /// @notice Whether `n` is the last node inside `parent`.
    function last(Node memory n, Node memory parent) internal pure returns (bool) {
        return n.end == parent.end;
    }

    /// @notice Copies a node's content bytes.
    function content(bytes memory d, Node memory n) internal pure returns (bytes memory) {
        return slice(d, n.content, n.end);
    }

    /// @notice Copies a node's whole TLV encoding.
    function raw(bytes memory d, Node memory n) internal pure returns (bytes memory) {
        return slice(d, n.start, n.end);
    }

    /// @notice Copies d[from:to].
    function slice(bytes memory d, uint256 from, uint256 to) internal pure returns (bytes memory out) {
        out = new bytes(to - from);
        assembly ("memory-safe") {
            mcopy(add(out, 0x20), add(add(d, 0x20), from), sub(to, from))
        }
    }

    /// @notice keccak256 of a node's content, without copying.
    function contentHash(bytes memory d, Node memory n) internal pure returns (bytes32 h) {
        uint256 off = n.content;
        uint256 len = n.end - n.content;
        assembly ("memory-safe") {
            h := keccak256(add(add(d, 0x20), off), len)
        }
    }

    /// @notice keccak256 of a node's whole encoding, without copying.
    function rawHash(bytes memory d, Node memory n) internal pure returns (bytes32 h) {
        uint256 off = n.start;
        uint256 len = n.end - n.start;
        assembly ("memory-safe") {
            h := keccak256(add(add(d, 0x20), off), len)
        }
    }
}

/// @title X509
/// @notice The parts of AMD's ARK, ASK and VCEK certificates the attestation registry needs.
library X509 {
    using Der for bytes;

    uint256 internal constant SEQUENCE = 0x30;
    uint256 internal constant BIT_STRING = 0x03;
    uint256 internal constant INTEGER = 0x02;
    uint256 internal constant OCTET_STRING = 0x04;
    uint256 internal constant OID = 0x06;

    /// @dev keccak256 of the AlgorithmIdentifier AMD signs certificates with: RSASSA-PSS, SHA-384,
    /// MGF1-SHA-384, salt length 48, trailer field 1 written out (as AMD's KDS encodes it).
    bytes32 internal constant RSA_PSS_SHA384 = keccak256(
        hex"304606092a864886f70d01010a3039a00f300d06096086480165030402020500a11c301a06092a864886f70d010108300d06096086480165030402020500a203020130a303020101"
    );
    /// @dev The same parameters with the DEFAULT trailer field omitted (strict DER, as Go's
    /// crypto/x509 and go-sev-guest's test chain encode it).
    bytes32 internal constant RSA_PSS_SHA384_NO_TRAILER = keccak256(
        hex"304106092a864886f70d01010a3034a00f300d06096086480165030402020500a11c301a06092a864886f70d010108300d06096086480165030402020500a203020130"
    );

    function _isPssSha384(bytes32 h) private pure returns (bool) {
        return h == RSA_PSS_SHA384 || h == RSA_PSS_SHA384_NO_TRAILER;
    }

    error UnexpectedDer(uint256 offset, uint256 tag);
    error UnsupportedAlgorithm();

    /// @notice A parsed certificate: where its pieces are in its DER.
    struct Cert {
        Der.Node tbs; // the signed TBSCertificate (whole TLV)
        Der.Node spki; // SubjectPublicKeyInfo
        Der.Node extensions; // [3] EXPLICIT Extensions; tag 0 when absent
        bytes signature; // signatureValue bits (without the unused-bits byte)
    }

    function expect(Der.Node memory n, uint256 tag) private pure {
        if (n.tag != tag) revert UnexpectedDer(n.start, n.tag);
    }

    /// @notice Parses Certificate ::= SEQUENCE { tbs, signatureAlgorithm, signatureValue }, with
    /// nothing after it, and requires AMD's RSASSA-PSS/SHA-384 algorithm in both places.
    function parse(bytes memory der) internal pure returns (Cert memory c) {
        Der.Node memory outer = der.read(0, der.length);
        expect(outer, SEQUENCE);
        if (outer.end != der.length) revert Der.MalformedDer(outer.end);
        c.tbs = der.child(outer);
        expect(c.tbs, SEQUENCE);
        Der.Node memory alg = der.next(c.tbs, outer);
        expect(alg, SEQUENCE);
        if (!_isPssSha384(der.rawHash(alg))) revert UnsupportedAlgorithm();
        Der.Node memory sig = der.next(alg, outer);
        expect(sig, BIT_STRING);
        if (!Der.last(sig, outer) || sig.end == sig.content || uint8(der[sig.content]) != 0) {
            revert Der.MalformedDer(sig.start);
        }
        c.signature = Der.slice(der, sig.content + 1, sig.end);

        // TBSCertificate: [0] version, serial, signature, issuer, validity, subject, spki, ..., [3] extensions
        Der.Node memory f = der.child(c.tbs);
        expect(f, 0xa0);
        f = der.next(f, c.tbs); // serialNumber
        expect(f, INTEGER);
        f = der.next(f, c.tbs); // signature AlgorithmIdentifier, must equal the outer one
        if (der.rawHash(f) != der.rawHash(alg)) revert UnsupportedAlgorithm();
        f = der.next(f, c.tbs); // issuer
        expect(f, SEQUENCE);
        f = der.next(f, c.tbs); // validity
        expect(f, SEQUENCE);
        f = der.next(f, c.tbs); // subject
        expect(f, SEQUENCE);
        c.spki = der.next(f, c.tbs);
        expect(c.spki, SEQUENCE);
        f = c.spki;
        while (!Der.last(f, c.tbs)) {
            f = der.next(f, c.tbs);
            if (f.tag == 0xa3) c.extensions = f;
        }
    }

    /// @notice The signed bytes (the TBSCertificate TLV).
    function tbsBytes(bytes memory der, Cert memory c) internal pure returns (bytes memory) {
        return der.raw(c.tbs);
    }

    /// @notice RSA public key (modulus without leading zeros, exponent) of an ARK or ASK.
    function rsaPublicKey(bytes memory der, Cert memory c) internal pure returns (bytes memory n, bytes memory e) {
        Der.Node memory alg = der.child(c.spki);
        expect(alg, SEQUENCE);
        Der.Node memory oid = der.child(alg);
        expect(oid, OID);
        // rsaEncryption 1.2.840.113549.1.1.1 or id-RSASSA-PSS 1.2.840.113549.1.1.10
        bytes32 h = der.contentHash(oid);
        if (h != keccak256(hex"2a864886f70d010101") && h != keccak256(hex"2a864886f70d01010a")) {
            revert UnsupportedAlgorithm();
        }
        Der.Node memory bits = der.next(alg, c.spki);
        expect(bits, BIT_STRING);
        if (bits.end == bits.content || uint8(der[bits.content]) != 0) revert Der.MalformedDer(bits.start);
        Der.Node memory seq = der.read(bits.content + 1, bits.end);
        expect(seq, SEQUENCE);
        Der.Node memory nn = der.child(seq);
        expect(nn, INTEGER);
        Der.Node memory ee = der.next(nn, seq);
        expect(ee, INTEGER);
        uint256 from = nn.content;
        while (from < nn.end && der[from] == 0) from++;
        n = Der.slice(der, from, nn.end);
        e = der.content(ee);
    }

    /// @notice The P-384 public key (x, y: 48 bytes each, big-endian) of a VCEK.
    function p384PublicKey(bytes memory der, Cert memory c) internal pure returns (bytes memory x, bytes memory y) {
        Der.Node memory alg = der.child(c.spki);
        expect(alg, SEQUENCE);
        Der.Node memory oid = der.child(alg);
        // id-ecPublicKey 1.2.840.10045.2.1 on secp384r1 1.3.132.0.34
        if (oid.tag != OID || der.contentHash(oid) != keccak256(hex"2a8648ce3d0201")) revert UnsupportedAlgorithm();
        Der.Node memory curve = der.next(oid, alg);
        if (curve.tag != OID || der.contentHash(curve) != keccak256(hex"2b81040022")) revert UnsupportedAlgorithm();
        Der.Node memory bits = der.next(alg, c.spki);
        expect(bits, BIT_STRING);
        if (bits.end - bits.content != 98 || uint8(der[bits.content]) != 0 || uint8(der[bits.content + 1]) != 4) {
            revert UnsupportedAlgorithm(); // an uncompressed point only
        }
        x = Der.slice(der, bits.content + 2, bits.content + 50);
        y = Der.slice(der, bits.content + 50, bits.content + 98);
    }

    /// @notice AMD's VCEK extensions: the TCB the key was issued for, composed like the report's
    /// REPORTED_TCB in the Milan/Genoa layout (byte 0 bootloader, 1 TEE, 6 SNP, 7 microcode SPL),
    /// and keccak256 of the 64-byte hardware id. Reverts unless all five are present.
    function amdTcb(bytes memory der, Cert memory c) internal pure returns (uint64 tcb, bytes32 hwidHash) {
        if (c.extensions.tag != 0xa3) revert UnexpectedDer(c.tbs.start, 0);
        Der.Node memory exts = der.child(c.extensions);
        expect(exts, SEQUENCE);
        Der.Node memory ext = der.child(exts);
        uint256 seen;
        while (true) {
            (uint256 which, uint256 spl, bytes32 hw) = _amdExtension(der, ext);
            if (which == 1) tcb |= uint64(spl); // blSPL
            else if (which == 2) tcb |= uint64(spl) << 8; // teeSPL
            else if (which == 3) tcb |= uint64(spl) << 48; // snpSPL
            else if (which == 8) tcb |= uint64(spl) << 56; // ucodeSPL
            else if (which == 0x100) hwidHash = hw;
            seen |= which == 0 ? 0 : (which == 0x100 ? 1 : 1 << which);
            if (Der.last(ext, exts)) break;
            ext = der.next(ext, exts);
        }
        if (seen & 0x10f != 0x10f) revert UnexpectedDer(c.extensions.start, seen);
    }

    /// @dev Decodes one Extension: which = the SPL arc (1..15) with its value, 0x100 for hwID
    /// with its hash, 0 for anything else.
    function _amdExtension(bytes memory der, Der.Node memory ext)
        private
        pure
        returns (uint256 which, uint256 value, bytes32 hwid)
    {
        expect(ext, SEQUENCE);
        Der.Node memory oid = der.child(ext);
        expect(oid, OID);
        Der.Node memory val = der.next(oid, ext);
        if (val.tag == 0x01) val = der.next(val, ext); // critical BOOLEAN
        expect(val, OCTET_STRING);
        uint256 olen = oid.end - oid.content;
        // 1.3.6.1.4.1.3704.1.3.x (SPLs) and 1.3.6.1.4.1.3704.1.4 (hwID)
        if (olen == 10 && _prefixHash(der, oid.content, 9) == keccak256(hex"2b060104019c780103")) {
            which = uint8(der[oid.content + 9]);
            if (which == 0 || which > 15) return (0, 0, 0);
            value = _smallInt(der, der.read(val.content, val.end));
        } else if (olen == 9 && der.contentHash(oid) == keccak256(hex"2b060104019c780104")) {
            // AMD's KDS puts the 64 raw bytes in the extension value; some encoders wrap them
            // in an inner OCTET STRING.
            if (val.end - val.content == 66 && uint8(der[val.content]) == 0x04) val = der.read(val.content, val.end);
            if (val.end - val.content != 64) revert Der.MalformedDer(val.start);
            return (0x100, 0, der.contentHash(val));
        }
    }

    function _prefixHash(bytes memory d, uint256 off, uint256 len) private pure returns (bytes32 h) {
        assembly ("memory-safe") {
            h := keccak256(add(add(d, 0x20), off), len)
        }
    }

    function _smallInt(bytes memory der, Der.Node memory n) private pure returns (uint256 v) {
        expect(n, INTEGER);
        uint256 len = n.end - n.content;
        if (len == 0 || len > 2) revert Der.MalformedDer(n.start);
        for (uint256 i = n.content; i < n.end; i++) {
            v = (v << 8) | uint8(der[i]);
        }
        if (v > 255) revert Der.MalformedDer(n.start);
    }
}

// The UI's cryptography, bundled into web/static/vendor/crypto.js by `make gen` (esbuild) from
// the audited noble libraries: what a vendor's browser needs to read its orders inbox.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { extract, expand } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';

export { keccak_256 as keccak256, sha256 };

const enc = new TextEncoder();

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of parts) { out.set(p, i); i += p.length; }
  return out;
}

export function hexToBytes(h) {
  h = h.startsWith('0x') ? h.slice(2) : h;
  if (h.length % 2) throw new Error('odd hex');
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(b) {
  return '0x' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

// recoverAddress returns the Ethereum address that signed a 32-byte digest (r ‖ s ‖ v, v 0/1 or 27/28).
export function recoverAddress(digest, sig) {
  if (sig.length !== 65) throw new Error('signature must be 65 bytes');
  let v = sig[64];
  if (v >= 27) v -= 27;
  const s = secp256k1.Signature.fromBytes(sig.slice(0, 64), 'compact').addRecoveryBit(v);
  const pub = s.recoverPublicKey(digest).toBytes(false);
  return bytesToHex(keccak_256(pub.slice(1)).slice(12));
}

export const x25519PublicKey = (priv) => x25519.getPublicKey(priv);
export const ed25519PublicKey = (seed) => ed25519.getPublicKey(seed);
export const ed25519Sign = (msg, seed) => ed25519.sign(msg, seed);

// hpkeOpen opens an RFC 9180 base-mode single-shot ciphertext (enc ‖ ct) for DHKEM(X25519,
// HKDF-SHA256), HKDF-SHA256 and ChaCha20-Poly1305, empty AAD: what Go's crypto/hpke Seal makes.
export function hpkeOpen(skR, ciphertext, info) {
  const encap = ciphertext.slice(0, 32);
  const ct = ciphertext.slice(32);
  const pkR = x25519.getPublicKey(skR);
  const dh = x25519.getSharedSecret(skR, encap);
  const i2osp = (n, w) => { const b = new Uint8Array(w); for (let i = w - 1; i >= 0; i--) { b[i] = n & 0xff; n >>= 8; } return b; };
  const kemSuite = concat(enc.encode('KEM'), i2osp(0x0020, 2));
  const suite = concat(enc.encode('HPKE'), i2osp(0x0020, 2), i2osp(0x0001, 2), i2osp(0x0003, 2));
  const v1 = enc.encode('HPKE-v1');
  const labeledExtract = (sid, salt, label, ikm) => extract(sha256, concat(v1, sid, enc.encode(label), ikm), salt);
  const labeledExpand = (sid, prk, label, inf, L) => expand(sha256, prk, concat(i2osp(L, 2), v1, sid, enc.encode(label), inf), L);
  const eaePrk = labeledExtract(kemSuite, new Uint8Array(0), 'eae_prk', dh);
  const shared = labeledExpand(kemSuite, eaePrk, 'shared_secret', concat(encap, pkR), 32);
  const pskIdHash = labeledExtract(suite, new Uint8Array(0), 'psk_id_hash', new Uint8Array(0));
  const infoHash = labeledExtract(suite, new Uint8Array(0), 'info_hash', info);
  const context = concat(new Uint8Array([0]), pskIdHash, infoHash);
  const secret = labeledExtract(suite, shared, 'secret', new Uint8Array(0));
  const key = labeledExpand(suite, secret, 'key', context, 32);
  const nonce = labeledExpand(suite, secret, 'base_nonce', context, 12);
  return chacha20poly1305(key, nonce).decrypt(ct);
}

// The 32-byte big-endian word abi.encode writes for a number, an address or a bytes32 (given as
// a number, a bigint or 0x hex).
function word(v) {
  const out = new Uint8Array(32);
  let x = BigInt(v);
  if (x < 0n || x >= 1n << 256n) throw new Error('value does not fit a word');
  for (let i = 31; i >= 0 && x > 0n; i--) { out[i] = Number(x & 255n); x >>= 8n; }
  return out;
}

const PAID_TYPEHASH = keccak_256(enc.encode('PaymentNotice(address vendor,bytes32 order,bytes32 dealId,uint256 amount,uint64 batch)'));

// paymentNoticeDigest is chain.PaymentNoticeDigest: what a matcher signs for a vendor's "paid"
// notice, keccak256(abi.encode(typehash, chainId, settlement, vendor, order, dealId, amount, batch)).
export function paymentNoticeDigest(chainId, settlement, n) {
  return keccak_256(concat(PAID_TYPEHASH, word(chainId), word(settlement), word(n.vendor), word(n.order), word(n.dealId),
    word(n.amount), word(n.batch)));
}

// pickupCodeHash is bazaar.PickupCodeHash under the key the vendor's order key shares with an
// acceptance's one-time code key (bazaar.VendorPickupCodeKey): HKDF-SHA256 (no salt) of the
// X25519 secret, then HMAC-SHA256 of the code with dashes and spaces removed.
export function pickupCodeHash(orderPriv, codeKeyPub, code) {
  const shared = x25519.getSharedSecret(orderPriv, codeKeyPub);
  const key = expand(sha256, extract(sha256, shared), enc.encode('bazaar pickup code key v1'), 32);
  return hmac(sha256, key, enc.encode('bazaar pickup code v2\0' + code.replace(/[-\s]/g, '')));
}

// Reads test vectors made by Go (web/crypto_test.go) on stdin and answers with what the UI's
// bundled cryptography computes from them, as JSON on stdout.
import * as c from '../static/vendor/crypto.mjs';

const input = JSON.parse(await new Promise((resolve) => {
  let s = '';
  process.stdin.on('data', (d) => { s += d; });
  process.stdin.on('end', () => resolve(s));
}));
const b64 = (s) => Uint8Array.from(Buffer.from(s, 'base64'));
const env = JSON.parse(input.envelope);
const padded = c.hpkeOpen(c.hexToBytes(input.x25519Priv), b64(env.c), new TextEncoder().encode('bazaar order message v1'));
const n = new DataView(padded.buffer, padded.byteOffset).getUint32(0);
const out = {
  opened: new TextDecoder().decode(padded.slice(4, 4 + n)),
  paddedLen: padded.length,
  x25519Pub: c.bytesToHex(c.x25519PublicKey(c.hexToBytes(input.x25519Priv))),
  recovered: c.recoverAddress(c.hexToBytes(input.digest), c.hexToBytes(input.sig)),
  recovered27: c.recoverAddress(c.hexToBytes(input.digest), c.hexToBytes(input.sig27)),
  keccak: c.bytesToHex(c.keccak256(new TextEncoder().encode(input.text))),
  edSig: c.bytesToHex(c.ed25519Sign(new TextEncoder().encode(input.text), c.hexToBytes(input.edSeed))),
};
let tampered = 'opened';
try {
  const ct = b64(env.c);
  ct[ct.length - 1] ^= 1;
  c.hpkeOpen(c.hexToBytes(input.x25519Priv), ct, new TextEncoder().encode('bazaar order message v1'));
} catch { tampered = 'refused'; }
out.tampered = tampered;
console.log(JSON.stringify(out));

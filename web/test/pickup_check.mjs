// Reads an order key, a code key and a code from Go (web/crypto_test.go) on stdin and answers
// with the keyed pickup code hash the UI's bundled cryptography computes, as JSON on stdout.
import * as c from '../static/vendor/crypto.mjs';

const input = JSON.parse(await new Promise((resolve) => {
  let s = '';
  process.stdin.on('data', (d) => { s += d; });
  process.stdin.on('end', () => resolve(s));
}));
const hash = (priv) => c.bytesToHex(c.pickupCodeHash(c.hexToBytes(priv), c.hexToBytes(input.codeKey), input.code));
console.log(JSON.stringify({ hash: hash(input.orderPriv), other: hash(input.otherPriv) }));

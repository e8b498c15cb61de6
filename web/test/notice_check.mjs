// Reads a payment notice signed by Go (web/crypto_test.go) on stdin and answers with the digest
// the UI's bundled cryptography computes for it and the signers it recovers, as JSON on stdout.
import * as c from '../static/vendor/crypto.mjs';

const input = JSON.parse(await new Promise((resolve) => {
  let s = '';
  process.stdin.on('data', (d) => { s += d; });
  process.stdin.on('end', () => resolve(s));
}));
const digest = c.paymentNoticeDigest(input.chainId, input.settlement, input.notice);
const sig = c.hexToBytes(input.notice.signature);
console.log(JSON.stringify({
  digest: c.bytesToHex(digest),
  signer: c.recoverAddress(digest, sig),
  changedSigner: c.recoverAddress(c.paymentNoticeDigest(input.chainId, input.settlement, input.changed), sig),
}));

#!/usr/bin/env node
// Usage: artifact.js <forge artifact json> <out.abi> <out.bin>
// Splits a forge build artifact into the ABI and creation bytecode that abigen reads.
'use strict';
const fs = require('fs');
const [src, abiOut, binOut] = process.argv.slice(2);
const a = JSON.parse(fs.readFileSync(src, 'utf8'));
fs.writeFileSync(abiOut, JSON.stringify(a.abi));
fs.writeFileSync(binOut, a.bytecode.object.replace(/^0x/, ''));

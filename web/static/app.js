// Bazaar's browser UI: browse deals, a vendor dashboard signing with any EIP-1193 wallet, and an
// auditor view. It talks only to this node's public API; text is set with textContent only.
'use strict';

import * as c from './vendor/crypto.mjs';

const view = document.getElementById('view');
let info = {};

// ---- small helpers ----

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== undefined && c !== null) e.append(c);
  return e;
}

async function api(method, path, body) {
  const resp = await fetch(path, {
    method,
    cache: 'no-cache', // revalidate (ETag): a vendor must see its own post at once
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await resp.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!resp.ok) {
    const err = new Error((data && data.error && data.error.message) || resp.statusText);
    err.status = resp.status;
    err.fields = (data && data.error && data.error.fields) || [];
    throw err;
  }
  return data;
}

const short = (s) => (s && s.length > 14 ? s.slice(0, 8) + '…' + s.slice(-4) : s);
const money = (v) => (typeof v === 'number' ? v.toFixed(2) : String(v));
const units = (hex) => (Number(BigInt(hex)) / 1e6).toFixed(2); // token units (6 decimals) → dollars

function setTitle(t) {
  document.title = t + ' · Bazaar';
}

// ---- browse ----

async function browse(params) {
  setTitle('Deals');
  const status = el('p', { role: 'status' });
  const list = el('ul', { class: 'cards', id: 'deal-list' });
  const form = el('form', { class: 'filters', 'aria-label': 'Filter deals' },
    el('label', {}, 'Category', el('input', { name: 'category', placeholder: 'coffee', value: params.get('category') || '' })),
    el('label', {}, 'Area', el('input', { name: 'area', placeholder: 'Quận 1', value: params.get('area') || '' })),
    el('label', {}, 'Max price', el('input', { name: 'maxPrice', inputmode: 'decimal', placeholder: '5.00', value: params.get('maxPrice') || '' })),
    el('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) q.set(k, v);
    location.hash = '#/?' + q.toString();
  });
  view.replaceChildren(el('h2', {}, 'Deals'), form, status, list);
  status.textContent = 'Loading…';
  const q = new URLSearchParams();
  for (const k of ['category', 'area', 'maxPrice']) if (params.get(k)) q.set(k, params.get(k));
  try {
    const body = await api('GET', '/deals?' + q.toString());
    status.textContent = body.deals.length === 1 ? '1 deal' : body.deals.length + ' deals';
    for (const d of body.deals) list.append(dealCard(d));
  } catch (e) {
    status.textContent = e.message;
  }
}

function dealCard(d) {
  const doc = d.document || {};
  const p = doc.pricing || {};
  const areas = ((doc.targeting || {}).location || {}).areas;
  return el('li', { 'data-deal': d.dealId },
    el('strong', { text: (doc.vendorName || doc.vendorId || d.vendor) }),
    el('div', { text: (doc.service || {}).description || '' }),
    el('div', { class: 'price', text: money(p.discountedPrice) + ' ' + (p.currency || '') + ' (was ' + money(p.basePrice) + ', −' + p.discountPercent + '%)' }),
    el('div', { class: 'meta', text: ((doc.service || {}).category || '') + ' · ' + (areas ? areas.join(', ') : 'everywhere') + ' · ' + d.status }),
    el('a', { href: '#/deal/' + d.dealId }, 'Details'));
}

async function dealDetails(id) {
  setTitle('Deal');
  view.replaceChildren(el('p', { role: 'status', text: 'Loading…' }));
  let d;
  try {
    d = await api('GET', '/deals/' + id);
  } catch (e) {
    view.replaceChildren(el('h2', {}, 'Deal'), el('p', { class: 'error', role: 'status', text: e.message }));
    return;
  }
  const doc = d.document || {};
  const p = doc.pricing || {};
  const req = doc.requirements || {};
  const rows = [
    ['Vendor', (doc.vendorName || doc.vendorId) + ' (' + d.vendor + ')'],
    ['Offer', (doc.service || {}).description],
    ['Category', (doc.service || {}).category],
    ['Price', money(p.discountedPrice) + ' ' + p.currency + ' (was ' + money(p.basePrice) + ')'],
    ['Areas', (((doc.targeting || {}).location || {}).areas || ['everywhere']).join(', ')],
    ['Requirements', 'LTV ≥ ' + (req.minLTV || 0) + ', loyalty ' + (req.loyaltyTier || 'any') + (req.proximityRequired ? ', within ' + req.proximityRadius + ' m' : '')],
    ['Status', d.status + ' · version ' + d.version],
    ['Expires', new Date(d.expiresAt).toUTCString()],
    ['Redemptions cap', String(d.maxRedemptions || 'unlimited')],
    ['Deal id', d.dealId],
    ['Posted', 'block ' + d.block + ', tx ' + d.txHash],
  ];
  const table = el('table', {}, el('tbody', {}, ...rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row', text: k }), el('td', { text: v || '' })))));
  view.replaceChildren(
    el('h2', {}, (doc.vendorName || 'Deal') + ': ' + ((doc.service || {}).description || '')),
    el('div', { class: 'scroll' }, table),
    el('h3', {}, 'On IPFS'),
    el('p', {}, 'CID ', el('code', { id: 'deal-cid', text: d.cid })),
    el('p', {}, el('a', { href: '/ipfs/' + d.cid + '?format=raw', id: 'gateway-link' }, 'Gateway copy (raw dag-json block)'), ' · ',
      el('a', { href: '/ipfs/' + d.cid + '?format=car' }, 'CAR')),
    el('p', {}, el('a', { href: '#/' }, '← All deals')));
}

// ---- vendor ----

const vendorState = { account: null };

function wallet() {
  return window.ethereum;
}

async function vendor() {
  setTitle('Vendor');
  const w = wallet();
  if (!w) {
    view.replaceChildren(el('h2', {}, 'Vendor'), el('p', { role: 'status' },
      'No wallet found. Install or enable an EIP-1193 wallet (window.ethereum) to post deals, or use `bazaar vendor post`.'));
    return;
  }
  const status = el('p', { role: 'status', id: 'wallet-status' });
  const connect = el('button', { type: 'button', id: 'connect' }, 'Connect wallet');
  connect.addEventListener('click', async () => {
    try {
      const accounts = await w.request({ method: 'eth_requestAccounts' });
      vendorState.account = accounts[0];
      vendor();
    } catch (e) {
      status.textContent = 'Wallet refused: ' + e.message;
    }
  });
  if (!vendorState.account) {
    view.replaceChildren(el('h2', {}, 'Vendor'), el('p', {}, 'Sign deals with your wallet (EIP-712); the node pays the gas.'), connect, status);
    return;
  }
  const account = vendorState.account;
  status.textContent = 'Connected as ' + account;
  const sections = {
    form: el('section', { 'aria-labelledby': 'form-h' }),
    mine: el('section', { 'aria-labelledby': 'mine-h' }),
    dash: el('section', { 'aria-labelledby': 'dash-h' }),
    pay: el('section', { 'aria-labelledby': 'pay-h' }),
    orders: el('section', { 'aria-labelledby': 'orders-h' }),
  };
  view.replaceChildren(el('h2', {}, 'Vendor'), status, sections.form, sections.mine, sections.dash, sections.pay, sections.orders);
  dealForm(sections.form, account, null, null);
  myDeals(sections.mine, sections.form, account);
  dashboard(sections.dash, account);
  payouts(sections.pay, account);
  ordersSection(sections.orders, account);
}

const fieldDefs = [
  ['vendorId', 'Vendor id', 'text', 'highlands-coffee'],
  ['vendorName', 'Vendor name', 'text', 'Highlands Coffee'],
  ['service.type', 'Type', 'select:product,service,experience', 'product'],
  ['service.category', 'Category', 'text', 'coffee'],
  ['service.description', 'Description', 'text', ''],
  ['pricing.basePrice', 'Base price', 'number', ''],
  ['pricing.discountedPrice', 'Discounted price', 'number', ''],
  ['pricing.discountPercent', 'Discount %', 'number', ''],
  ['pricing.currency', 'Currency', 'text', 'USD'],
  ['targeting.location.granularity', 'Area granularity', 'select:district,ward,city', 'district'],
  ['targeting.location.areas', 'Areas (comma-separated)', 'text', 'Quận 1'],
  ['requirements.minLTV', 'Min monthly spend (LTV)', 'number', '0'],
  ['requirements.loyaltyTier', 'Loyalty tier', 'select:switcher,regular,loyal,champion', 'regular'],
  ['requirements.proximityRequired', 'Proximity required', 'checkbox', false],
  ['requirements.proximityRadius', 'Radius (m)', 'number', '2000'],
  ['requirements.location.lat', 'Latitude', 'number', '10.7769'],
  ['requirements.location.lng', 'Longitude', 'number', '106.7009'],
  ['availability.inStock', 'In stock', 'checkbox', true],
  ['availability.maxRedemptions', 'Max redemptions (0: unlimited)', 'number', '100'],
  ['expiresAt', 'Expires', 'datetime-local', ''],
];

function getPath(o, path) {
  return path.split('.').reduce((x, k) => (x == null ? undefined : x[k]), o);
}

function setPath(o, path, v) {
  const ks = path.split('.');
  let x = o;
  for (const k of ks.slice(0, -1)) x = x[k] = x[k] || {};
  x[ks[ks.length - 1]] = v;
}

function toLocalInput(ms) {
  const d = new Date(ms - new Date().getTimezoneOffset() * 60000);
  return d.toISOString().slice(0, 16);
}

// dealForm renders the deal form; with dealId set it posts the next version of that deal.
function dealForm(section, account, dealId, doc) {
  const form = el('form', { id: 'deal-form', novalidate: true });
  const groups = {};
  for (const [path, label, type, def] of fieldDefs) {
    const group = path.includes('.') ? path.split('.')[0] : 'vendor';
    if (!groups[group]) groups[group] = el('fieldset', {}, el('legend', { text: { vendor: 'Vendor', service: 'Offer', pricing: 'Pricing', targeting: 'Targeting', requirements: 'Requirements', availability: 'Availability', expiresAt: 'Expiry' }[group] }));
    let value = doc ? getPath(doc, path) : def;
    if (path === 'targeting.location.areas' && Array.isArray(value)) value = value.join(', ');
    if (path === 'expiresAt') value = toLocalInput(doc ? doc.expiresAt : Date.now() + 7 * 86400000);
    let input;
    const id = 'f-' + path.replaceAll('.', '-');
    if (type.startsWith('select:')) {
      input = el('select', { name: path, id }, ...type.slice(7).split(',').map((o) => el('option', { value: o, selected: o === value }, o)));
    } else if (type === 'checkbox') {
      input = el('input', { type: 'checkbox', name: path, id, checked: !!value });
    } else {
      input = el('input', { type: type === 'number' ? 'text' : type, inputmode: type === 'number' ? 'decimal' : undefined, name: path, id, value: value ?? '' });
    }
    const err = el('span', { class: 'error', id: id + '-err', 'aria-live': 'polite' });
    input.setAttribute('aria-describedby', id + '-err');
    groups[group].append(el('label', { class: type === 'checkbox' ? 'check' : '', for: id }, label, input, err));
  }
  if (groups.expiresAt) { groups.availability.append(...groups.expiresAt.childNodes); delete groups.expiresAt; }
  const status = el('p', { role: 'status', id: 'form-status' });
  const submit = el('button', { type: 'submit', id: 'sign-post' }, dealId ? 'Sign and post the next version' : 'Sign and post');
  form.append(...Object.values(groups), el('div', { class: 'row' }, submit,
    dealId ? el('button', { type: 'button', class: 'secondary', onclick: () => dealForm(section, account, null, null) }, 'New deal instead') : null), status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    for (const e of form.querySelectorAll('.error')) e.textContent = '';
    status.classList.remove('error');
    try {
      const doc = readForm(form, account);
      status.textContent = 'Asking the node for the typed data…';
      const td = await api('POST', '/eip712/deal', dealId ? { document: doc, dealId } : { document: doc });
      if (td.primaryType !== 'DealHeader' || String(td.message.vendor).toLowerCase() !== account.toLowerCase()) {
        throw new Error('the node\'s typed data is not for this vendor: refusing to sign');
      }
      status.textContent = 'Sign in your wallet…';
      const signature = await wallet().request({ method: 'eth_signTypedData_v4', params: [account, JSON.stringify(td)] });
      status.textContent = 'Posting…';
      const res = dealId
        ? await api('PUT', '/deals/' + dealId, { document: doc, signature, counter: String(td.message.counter), version: Number(td.message.version) })
        : await api('POST', '/deals', { document: doc, signature, nonce: String(td.message.nonce), counter: String(td.message.counter) });
      await waitIndexed(res.dealId, Number(td.message.version));
      status.replaceChildren(el('span', { class: 'ok', text: (dealId ? 'Updated ' : 'Posted ') }), el('a', { href: '#/deal/' + res.dealId, id: 'posted-link' }, res.dealId));
      const mine = document.querySelector('section[aria-labelledby="mine-h"]');
      if (mine) myDeals(mine, section, account);
    } catch (e) {
      status.textContent = e.message;
      status.classList.add('error');
      for (const f of e.fields || []) {
        const span = form.querySelector('#f-' + CSS.escape(f.field.replaceAll('.', '-')) + '-err');
        if (span) span.textContent = f.message;
      }
      const first = [...form.querySelectorAll('.error')].find((s) => s.textContent && s.id !== 'form-status');
      if (first) first.parentElement.querySelector('input,select').focus();
    }
  });
  section.replaceChildren(el('h3', { id: 'form-h' }, dealId ? 'Update deal ' + short(dealId) : 'Post a deal'), form);
}

// readForm builds the deal document from the form; numbers that do not parse are reported on
// their field (everything else is checked by the node, with the same rules as the API).
function readForm(form, account) {
  const doc = { vendor: account };
  const bad = [];
  for (const [path, , type] of fieldDefs) {
    const input = form.elements[path];
    let v;
    if (type === 'checkbox') v = input.checked;
    else if (type === 'number') {
      if (input.value.trim() === '') continue;
      v = Number(input.value);
      if (!Number.isFinite(v)) { bad.push({ field: path, message: 'must be a number' }); continue; }
    } else if (type === 'datetime-local') v = input.value ? new Date(input.value).getTime() : undefined;
    else if (path === 'targeting.location.areas') v = input.value.split(',').map((s) => s.trim()).filter(Boolean);
    else v = input.value.trim();
    if (v !== undefined && v !== '') setPath(doc, path, v);
  }
  if (doc.requirements && !doc.requirements.proximityRequired) {
    delete doc.requirements.proximityRadius;
    delete doc.requirements.location;
  }
  if (bad.length) {
    const err = new Error('Some fields need fixing.');
    err.fields = bad;
    throw err;
  }
  return doc;
}

// waitIndexed waits (a few seconds at most) until the node's browse index shows a deal version:
// the post is mined when the node answers, the index follows the chain's events.
async function waitIndexed(id, version) {
  for (let i = 0; i < 50; i++) {
    try {
      const d = await api('GET', '/deals/' + id);
      if (d.version >= version) return;
    } catch { /* not indexed yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function myDeals(section, formSection, account) {
  section.replaceChildren(el('h3', { id: 'mine-h' }, 'Your deals'));
  let body;
  try {
    body = await api('GET', '/deals?vendor=' + account + '&status=all&limit=100');
  } catch (e) {
    section.append(el('p', { class: 'error', text: e.message }));
    return;
  }
  if (!body.deals.length) {
    section.append(el('p', { class: 'hint' }, 'None yet.'));
    return;
  }
  const status = el('p', { role: 'status', id: 'mine-status' });
  const tbody = el('tbody');
  for (const d of body.deals) {
    const doc = d.document || {};
    const actions = el('td');
    if (d.status === 'active') {
      actions.append(
        el('button', { type: 'button', class: 'secondary', 'data-action': 'update', onclick: async () => {
          const full = await api('GET', '/deals/' + d.dealId);
          dealForm(formSection, account, d.dealId, full.document);
          formSection.querySelector('input').focus();
        } }, 'Update'), ' ',
        el('button', { type: 'button', class: 'danger', 'data-action': 'cancel', onclick: () => cancelDeal(d.dealId, account, status, section, formSection) }, 'Cancel'));
    }
    tbody.append(el('tr', { 'data-deal': d.dealId },
      el('td', {}, el('a', { href: '#/deal/' + d.dealId }, short(d.dealId))),
      el('td', { text: (doc.service || {}).description || '' }),
      el('td', { text: money((doc.pricing || {}).discountedPrice) }),
      el('td', { text: 'v' + d.version }),
      el('td', { class: 'deal-status', text: d.status }),
      actions));
  }
  section.append(el('div', { class: 'scroll' }, el('table', {},
    el('thead', {}, el('tr', {}, ...['Deal', 'Offer', 'Price', 'Version', 'Status', ''].map((h) => el('th', { scope: 'col', text: h })))), tbody)), status);
}

async function cancelDeal(dealId, account, status, section, formSection) {
  try {
    const td = await api('POST', '/eip712/cancel', { dealId });
    if (td.primaryType !== 'CancelDeal' || String(td.message.dealId).toLowerCase() !== dealId.toLowerCase()) {
      throw new Error('the node\'s typed data does not cancel this deal: refusing to sign');
    }
    status.textContent = 'Sign the cancellation in your wallet…';
    const signature = await wallet().request({ method: 'eth_signTypedData_v4', params: [account, JSON.stringify(td)] });
    await api('DELETE', '/deals/' + dealId, { signature });
    for (let i = 0; i < 50; i++) {
      const d = await api('GET', '/deals/' + dealId);
      if (d.status === 'cancelled') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await myDeals(section, formSection, account);
    section.querySelector('[role=status]').textContent = 'Cancelled ' + short(dealId);
  } catch (e) {
    status.textContent = e.message;
  }
}

function barChart(title, buckets, k) {
  const entries = Object.entries(buckets || {}).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return el('p', { class: 'hint' }, title + ': no data yet.');
  const max = Math.max(1, ...entries.map(([, b]) => b.matched));
  const rowH = 26, labelW = 110, width = 600, room = 200; // room: the value label right of a bar
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', `0 0 ${width} ${entries.length * rowH + 4}`);
  svg.setAttribute('role', 'img');
  const desc = [];
  entries.forEach(([name, b], i) => {
    const y = i * rowH + 2;
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', 0); t.setAttribute('y', y + 16); t.textContent = name;
    svg.append(t);
    const r = document.createElementNS(ns, 'rect');
    const w = b.suppressed ? width - labelW - room : Math.max(2, ((width - labelW - room) * b.matched) / max);
    r.setAttribute('x', labelW); r.setAttribute('y', y + 4); r.setAttribute('height', rowH - 8); r.setAttribute('width', w);
    r.setAttribute('fill', b.suppressed ? '#bbb' : '#0b5cad');
    if (b.suppressed) r.setAttribute('class', 'suppressed');
    svg.append(r);
    const v = document.createElementNS(ns, 'text');
    v.setAttribute('x', labelW + w + 6); v.setAttribute('y', y + 16);
    v.textContent = b.suppressed ? `suppressed (< ${k})` : `${b.matched} matched · ${b.redemptions} redeemed`;
    svg.append(v);
    desc.push(name + ': ' + v.textContent);
  });
  svg.setAttribute('aria-label', title + '. ' + desc.join('; '));
  return el('figure', {}, el('figcaption', { text: title }), svg);
}

async function dashboard(section, account) {
  section.replaceChildren(el('h3', { id: 'dash-h' }, 'Results (aggregates only)'));
  let m;
  try {
    m = await api('GET', '/metrics/' + account);
  } catch (e) {
    section.append(el('p', { class: 'error', text: e.message }));
    return;
  }
  const stat = (label, v, id) => el('div', { class: 'stat' }, el('b', { id, text: String(v) }), label);
  section.append(
    el('div', { class: 'stats' },
      stat('agents matched', m.agentsMatched, 'm-matched'),
      stat('impressions', m.impressionsSent, 'm-impressions'),
      stat('redemptions', m.redemptions, 'm-redemptions'),
      stat('conversion', (100 * (m.conversionRate || 0)).toFixed(1) + '%', 'm-conversion')),
    el('p', { class: 'hint' }, `Buckets with fewer than ${m.k} agents are suppressed; nothing here identifies an agent.`),
    barChart('By area', m.byLocation, m.k),
    barChart('By day (UTC)', m.byDay, m.k));
}

async function payouts(section, account) {
  section.replaceChildren(el('h3', { id: 'pay-h' }, 'Payouts'));
  const status = el('p', { role: 'status', id: 'pay-status' });
  try {
    const c = await api('GET', '/settlement/vendors/' + account);
    section.append(el('p', {}, 'Credited by settlement batches (cumulative, through batch ' + c.batch + '): ', el('b', { id: 'credit', text: units(c.cumulative) })),
      el('button', { type: 'button', id: 'withdraw', onclick: async () => {
        try {
          const r = await api('POST', '/settlement/withdrawals', { vendor: account });
          status.textContent = 'Withdrawn: ' + units(r.cumulative) + ' paid to ' + account;
        } catch (e) {
          status.textContent = e.message;
        }
      } }, 'Withdraw'), status);
  } catch (e) {
    section.append(el('p', { class: 'hint', text: e.status === 404 ? 'No settlement batch has credited you yet.' : e.message }));
  }
}

// ---- orders inbox ----
// Acceptances arrive sealed (HPKE) to the vendor's order key in its relay mailbox; both keys
// derive from a wallet signature, so this browser and `bazaar vendor orders` read the same
// mailbox (each keeps its own order book: use one of them). Nothing here reaches the node in the
// clear: the node sees only public chain data asked about (a redemption transaction).

const utf8 = new TextEncoder();
// The seed message names the deployment and the key version (chain.Domain.OrderKeySeedMessage):
// a signature another site obtains derives nothing here, and the next version rotates the keys.
const orderSeedMessage = (version) => 'Bazaar: derive my order keys (v2) for chain ' + info.chainId + ', registry ' +
  info.contracts.DealRegistry + ', key version ' + version + '. Sign this only on Bazaar.';
const b64 = (bytes) => btoa(String.fromCharCode(...bytes));
const unb64 = (s) => Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0));
const u256 = (hex) => c.hexToBytes(BigInt(hex).toString(16).padStart(64, '0'));
const u64 = (n) => c.hexToBytes(BigInt(n).toString(16).padStart(16, '0'));

const inbox = { keys: null, book: null, account: null };

function bookKey(account) {
  return 'bazaar-orders-' + account.toLowerCase() + '-' + String((info.contracts || {}).DealRegistry).toLowerCase();
}
function loadBook(account) {
  try { return JSON.parse(localStorage.getItem(bookKey(account))) || { orders: [], refused: [] }; } catch { return { orders: [], refused: [] }; }
}
function saveBook() {
  localStorage.setItem(bookKey(inbox.account), JSON.stringify(inbox.book));
}

function mailboxID(pub) {
  return 'm' + c.bytesToHex(c.sha256(c.concat(utf8.encode('bazaar mailbox v1'), pub)).slice(0, 16)).slice(2);
}

// deriveOrderKeys asks the wallet for its signature of the seed message for this deployment
// and key version and derives the order key and mailbox key from it, as chain.Domain.VendorKeys
// does.
async function deriveOrderKeys(account, version) {
  const sigHex = await wallet().request({ method: 'personal_sign', params: [c.bytesToHex(utf8.encode(orderSeedMessage(version))), account] });
  const seed = c.keccak256(c.hexToBytes(sigHex).slice(0, 64));
  const order = c.sha256(c.concat(utf8.encode('bazaar vendor order key v1\0'), seed));
  const edSeed = c.sha256(c.concat(utf8.encode('bazaar vendor mailbox v1\0'), seed));
  const edPub = c.ed25519PublicKey(edSeed);
  return { order, orderPub: c.x25519PublicKey(order), edSeed, edPub, mailbox: mailboxID(edPub), version };
}

// publishedOrderKey is the order key the node holds for the vendor (null when none).
async function publishedOrderKey(account) {
  try {
    return await api('GET', '/vendors/' + account + '/order-key');
  } catch (e) {
    if (e.status !== 404) throw e;
    return null;
  }
}

// ensurePublished publishes the order key (signed by the wallet) unless the node holds it.
async function ensurePublished(account, keys, cur) {
  const want = { vendor: account, key: c.bytesToHex(keys.orderPub), mailbox: keys.mailbox, version: keys.version };
  if (cur && cur.key.toLowerCase() === want.key && cur.mailbox === want.mailbox) return 'published';
  const td = await api('POST', '/eip712/order-key', want);
  const signature = await wallet().request({ method: 'eth_signTypedData_v4', params: [account, JSON.stringify(td)] });
  await api('PUT', '/vendors/' + account + '/order-key', { ...want, signature });
  return 'newly published';
}

// readMailbox opens the mailbox at the relay (signing its challenge, as a client that
// acknowledges) and returns the envelopes stored there, read until it is idle, with finish:
// it acknowledges them all (cover traffic too) and closes. Call it once what they carried is
// saved; envelopes never acknowledged come again next time.
function readMailbox(keys) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/relay?mailbox=' + keys.mailbox);
    const got = [];
    const seqs = new Set();
    let idle, taken = false;
    const finish = () => {
      for (const seq of seqs) ws.send(JSON.stringify({ type: 'ack', seq }));
      ws.close();
    };
    // Envelopes arriving after this are not taken, nor acknowledged: they come again next time.
    const done = () => { clearTimeout(idle); taken = true; resolve({ envs: got, finish }); };
    ws.onerror = () => reject(new Error('the relay refused the mailbox'));
    ws.onmessage = (ev) => {
      const m = JSON.parse(ev.data);
      if (m.type === 'challenge') {
        const msg = c.concat(utf8.encode('bazaar relay challenge v1\0' + keys.mailbox + '\0'), unb64(m.nonce));
        ws.send(JSON.stringify({ type: 'auth', pub: b64(keys.edPub), sig: b64(c.ed25519Sign(msg, keys.edSeed)), acks: true }));
        idle = setTimeout(done, 1500);
        return;
      }
      if (taken) return;
      if (m.seq) {
        if (seqs.has(m.seq)) return; // written again before our ack: already taken
        seqs.add(m.seq);
      }
      got.push(m.payload !== undefined ? m.payload : JSON.parse(atob(m.payloadB64)));
      clearTimeout(idle);
      idle = setTimeout(done, 800);
    };
  });
}

function openSealed(keys, env) {
  if (!env || env.v !== 2) return null; // cover traffic or not for us
  try {
    const padded = c.hpkeOpen(keys.order, unb64(env.c), utf8.encode('bazaar order message v1'));
    const n = new DataView(padded.buffer, padded.byteOffset).getUint32(0);
    return JSON.parse(new TextDecoder().decode(padded.slice(4, 4 + n)));
  } catch {
    return null;
  }
}

function acceptanceID(a) {
  return c.keccak256(c.concat(utf8.encode('bazaar deal acceptance v2\0'), c.hexToBytes(a.dealId), u256(a.nullifier), c.hexToBytes(a.redemptionTx),
    c.hexToBytes(a.pickupCodeHash), c.keccak256(c.hexToBytes(a.codeKey || '0x')), c.keccak256(utf8.encode(a.delivery || '')), c.keccak256(utf8.encode(a.replyMailbox)), c.hexToBytes(a.replyKey),
    u64(a.issuedAt), c.hexToBytes(a.pseudonym)));
}

// takeAcceptance checks an acceptance as `bazaar vendor orders` does and files the order.
async function takeAcceptance(a, account) {
  if (a.v !== 1 || !a.nullifier || !a.replyKey || c.hexToBytes(a.replyKey).length !== 32 || !a.codeKey || c.hexToBytes(a.codeKey).length !== 32 ||
      (a.delivery || '').length > 512) {
    throw new Error('malformed acceptance');
  }
  const id = acceptanceID(a);
  let signer;
  try { signer = c.recoverAddress(id, c.hexToBytes(a.signature)); } catch { signer = ''; }
  if (signer.toLowerCase() !== a.pseudonym.toLowerCase()) throw new Error('acceptance is not signed by its pseudonym');
  // The same acceptance again (the relay sends what it wrote but never heard acknowledged): taken.
  if (inbox.book.orders.some((o) => o.order.toLowerCase() === c.bytesToHex(id).toLowerCase())) return false;
  let deal;
  try { deal = await api('GET', '/deals/' + a.dealId); } catch { throw new Error('acceptance for unknown deal ' + short(a.dealId)); }
  if (deal.vendor.toLowerCase() !== account.toLowerCase()) throw new Error('acceptance for another vendor\'s deal');
  let red;
  try { red = await api('GET', '/redemptions/tx/' + a.redemptionTx); } catch { red = null; }
  if (!red || red.dealId.toLowerCase() !== a.dealId.toLowerCase() || BigInt(red.nullifier) !== BigInt(a.nullifier)) {
    throw new Error('acceptance for an unredeemed nullifier on deal ' + short(a.dealId));
  }
  if (red.payout.toLowerCase() !== a.pseudonym.toLowerCase()) throw new Error('acceptance signed by another than the redemption\'s payout');
  const dup = inbox.book.orders.find((o) => BigInt(o.nullifier) === BigInt(a.nullifier));
  if (dup) throw new Error('replayed acceptance: this redemption is already order ' + short(dup.order));
  // The price of the version the redemption was made under (an update does not reprice it).
  let cents = Math.round(deal.document.pricing.discountedPrice * 100);
  for (const v of deal.versions || []) if (v.block > 0 && v.block <= red.block) cents = Math.round(v.price * 100);
  inbox.book.orders.push({ order: c.bytesToHex(id), dealId: a.dealId, nullifier: a.nullifier, status: 'pending',
    amount: '0x' + (BigInt(cents) * 10000n).toString(16), delivery: a.delivery || '', pickupCodeHash: a.pickupCodeHash, codeKey: a.codeKey,
    replyMailbox: a.replyMailbox, replyKey: a.replyKey, received: new Date().toISOString() });
  return true;
}

// A "paid" notice is evidence only when a registered matcher signed it (c.paymentNoticeDigest:
// chain, Settlement, vendor, order, deal, amount, batch): anyone can seal a message to the
// vendor's order key. The registered matchers are the node's /attestations, read from the chain.
async function takePaid(p, account) {
  const o = inbox.book.orders.find((x) => x.order.toLowerCase() === String(p.order).toLowerCase());
  if (!o) throw new Error('payment notice for an order this vendor does not have');
  if (o.status === 'paid' || o.status === 'picked-up') return;
  if (o.status !== 'confirmed') throw new Error('payment notice for order ' + short(o.order) + ', which is ' + o.status);
  if (String(p.vendor).toLowerCase() !== account.toLowerCase() || String(p.dealId).toLowerCase() !== o.dealId.toLowerCase() ||
      BigInt(p.amount) !== BigInt(o.amount)) {
    throw new Error('payment notice for order ' + short(o.order) + ' does not match its vendor, deal and confirmed amount');
  }
  let signer = '';
  try { signer = c.recoverAddress(c.paymentNoticeDigest(info.chainId, info.contracts.Settlement, p), c.hexToBytes(p.signature || '')); } catch { signer = ''; }
  const att = await api('GET', '/attestations');
  if (!signer || !(att.matchers || []).some((m) => m.registered && m.matcher.toLowerCase() === signer.toLowerCase())) {
    throw new Error('payment notice for order ' + short(o.order) + ' not signed by a registered matcher');
  }
  o.status = 'paid';
  o.paidBatch = p.batch;
  o.paidBy = signer;
}

async function syncInbox(account, status) {
  const { envs, finish } = await readMailbox(inbox.keys);
  let fresh = 0;
  for (const env of envs) {
    const m = openSealed(inbox.keys, env);
    if (!m) continue;
    if (m.type === 'acceptance' && m.acceptance) {
      try {
        if (await takeAcceptance(m.acceptance, account)) fresh++;
      } catch (e) {
        inbox.book.refused.push(new Date().toISOString() + ' ' + e.message);
      }
    } else if (m.type === 'paid' && m.paid) {
      try {
        await takePaid(m.paid, account);
      } catch (e) {
        inbox.book.refused.push(new Date().toISOString() + ' ' + e.message);
      }
    }
  }
  saveBook();
  finish(); // saved: the relay may forget them
  status.textContent = fresh ? fresh + ' new order(s)' : 'No new orders';
}

// sealForReply seals a message with the agent's reply key as bazaar.SealNotification does.
async function sealForReply(keyHex, msg) {
  const payload = utf8.encode(JSON.stringify(msg));
  const size = [512, 1024, 2048, 4096].find((b) => payload.length + 4 <= b);
  const plain = new Uint8Array(size);
  new DataView(plain.buffer).setUint32(0, payload.length);
  plain.set(payload, 4);
  const key = await crypto.subtle.importKey('raw', c.hexToBytes(keyHex), 'AES-GCM', false, ['encrypt']);
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: utf8.encode('bazaar notification v1') }, key, plain));
  return { v: 1, n: b64(nonce), c: b64(ct) };
}

async function decide(o, status, reason, account) {
  const d = { order: o.order, dealId: o.dealId, vendor: account, nullifier: o.nullifier, status,
    amount: status === 'confirmed' ? o.amount : '0x0', reason: reason || undefined };
  const td = await api('POST', '/eip712/decision', d);
  if (td.primaryType !== 'OrderDecision' || String(td.message.order).toLowerCase() !== o.order.toLowerCase()) {
    throw new Error('the node\'s typed data is not this decision: refusing to sign');
  }
  d.signature = await wallet().request({ method: 'eth_signTypedData_v4', params: [account, JSON.stringify(td)] });
  const sealed = await sealForReply(o.replyKey, { type: 'decision', decision: d });
  await api('POST', '/relay/mailboxes/' + o.replyMailbox, { sealed });
  o.status = status;
  saveBook();
}

function renderOrders(section, account) {
  const status = el('p', { role: 'status', id: 'orders-status' });
  const tbody = el('tbody');
  for (const o of inbox.book.orders) {
    const actions = el('td');
    if (o.status === 'pending') {
      const reason = el('input', { 'aria-label': 'Reason for rejecting ' + short(o.order), placeholder: 'reason (reject)' });
      const act = (st) => async () => {
        try {
          await decide(o, st, st === 'rejected' ? reason.value : '', account);
          renderOrders(section, account);
          section.querySelector('#orders-status').textContent = 'Order ' + short(o.order) + ' ' + st;
        } catch (e) { status.textContent = e.message; }
      };
      actions.append(el('button', { type: 'button', 'data-action': 'confirm', onclick: act('confirmed') }, 'Confirm'), ' ',
        reason, ' ', el('button', { type: 'button', class: 'danger', 'data-action': 'reject', onclick: act('rejected') }, 'Reject'));
    }
    tbody.append(el('tr', { 'data-order': o.order },
      el('td', {}, el('code', { text: short(o.order) })), el('td', {}, el('a', { href: '#/deal/' + o.dealId }, short(o.dealId))),
      el('td', { class: 'order-status', text: o.status }), el('td', { text: units(o.amount) }), el('td', { text: o.delivery }), actions));
  }
  const pick = el('form', { class: 'row', id: 'check-code' },
    el('label', {}, 'Order', el('select', { name: 'order' }, ...inbox.book.orders.map((o) => el('option', { value: o.order }, short(o.order) + ' · ' + o.status)))),
    el('label', {}, 'Pickup code', el('input', { name: 'code', inputmode: 'numeric', autocomplete: 'off' })),
    el('button', { type: 'submit' }, 'Check code'));
  const pickStatus = el('p', { role: 'status', id: 'code-status' });
  pick.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const o = inbox.book.orders.find((x) => x.order === pick.elements.order.value);
    const code = pick.elements.code.value.replace(/[-\s]/g, '');
    // The code's hash is keyed from this vendor's order key and the acceptance's code key.
    const hashOf = (o) => { try { return c.bytesToHex(c.pickupCodeHash(inbox.keys.order, c.hexToBytes(o.codeKey), code)); } catch { return ''; } };
    if (!o) pickStatus.textContent = 'No such order.';
    else if (o.pickedUp) pickStatus.textContent = 'Already picked up at ' + o.pickedUp + ': the code is spent.';
    else if (o.status !== 'paid') pickStatus.textContent = 'The order is ' + o.status + ', not paid: hand nothing over.';
    else if ((o.wrongCodes || 0) >= 5) pickStatus.textContent = 'Too many wrong codes were tried: this order\'s code is locked.';
    else if (hashOf(o) !== o.pickupCodeHash.toLowerCase()) {
      o.wrongCodes = (o.wrongCodes || 0) + 1;
      saveBook();
      pickStatus.textContent = 'The code does not match this order (' + (5 - o.wrongCodes) + ' tries left).';
    }
    else {
      o.pickedUp = new Date().toISOString();
      o.status = 'picked-up';
      saveBook();
      renderOrders(section, account);
      section.querySelector('#code-status').textContent = 'Code valid: the order is paid; hand it over.';
      return;
    }
  });
  const refresh = el('button', { type: 'button', class: 'secondary', id: 'refresh-orders', onclick: async () => {
    status.textContent = 'Reading the mailbox…';
    try { await syncInbox(account, status); renderOrders(section, account); section.querySelector('#orders-status').textContent = status.textContent; } catch (e) { status.textContent = e.message; }
  } }, 'Read mailbox');
  section.replaceChildren(el('h3', { id: 'orders-h' }, 'Orders'),
    el('p', { class: 'hint' }, 'Order key ' + short(c.bytesToHex(inbox.keys.orderPub)) + ', mailbox ' + inbox.keys.mailbox + '. Orders are kept in this browser.'),
    refresh, status,
    inbox.book.orders.length ? el('div', { class: 'scroll' }, el('table', { id: 'orders' },
      el('thead', {}, el('tr', {}, ...['Order', 'Deal', 'Status', 'Amount', 'Delivery', ''].map((h) => el('th', { scope: 'col', text: h })))), tbody)) : el('p', { class: 'hint' }, 'No orders yet.'),
    inbox.book.orders.length ? el('div', {}, el('h3', {}, 'At the counter'), pick, pickStatus) : '',
    inbox.book.refused.length ? el('details', {}, el('summary', {}, inbox.book.refused.length + ' refused acceptance(s)'),
      el('ul', { id: 'refused' }, ...inbox.book.refused.map((r) => el('li', { text: r })))) : '');
}

function ordersSection(section, account) {
  const status = el('p', { role: 'status' });
  const open = el('button', { type: 'button', id: 'open-inbox', onclick: async () => {
    try {
      status.textContent = 'Sign in your wallet to derive your order keys…';
      const cur = await publishedOrderKey(account);
      inbox.keys = await deriveOrderKeys(account, (cur && cur.version) || 1);
      inbox.account = account;
      inbox.book = loadBook(account);
      const pub = await ensurePublished(account, inbox.keys, cur);
      status.textContent = 'Order key ' + pub + '. Reading the mailbox…';
      await syncInbox(account, status);
      const msg = status.textContent;
      renderOrders(section, account);
      section.querySelector('#orders-status').textContent = msg;
    } catch (e) {
      status.textContent = e.message;
    }
  } }, 'Open orders inbox');
  if (inbox.keys && inbox.account === account) {
    renderOrders(section, account);
    return;
  }
  section.replaceChildren(el('h3', { id: 'orders-h' }, 'Orders'),
    el('p', { class: 'hint' }, 'Acceptances arrive sealed to your order key; opening the inbox asks your wallet to sign a fixed message from which the keys derive.'),
    open, status);
}

// ---- auditor ----

async function auditor() {
  setTitle('Auditor');
  view.replaceChildren(el('h2', {}, 'Auditor'), el('p', { role: 'status', text: 'Re-verifying every registered report…' }));
  let a;
  try {
    a = await api('GET', '/attestations');
  } catch (e) {
    view.replaceChildren(el('h2', {}, 'Auditor'), el('p', { class: 'error', text: e.message }));
    return;
  }
  const contracts = Object.entries(info.contracts || {}).filter(([, v]) => typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v) && !/^0x0{40}$/.test(v));
  const matchers = el('tbody');
  for (const m of a.matchers) {
    matchers.append(el('tr', { 'data-matcher': m.matcher },
      el('td', {}, el('code', { text: m.matcher }), m.simulated ? el('div', {}, el('span', { class: 'badge sim', text: 'SIMULATED SEV-SNP (development only)' })) : null),
      el('td', {}, el('code', { text: m.measurement })),
      el('td', { text: m.registered ? 'registered' : 'not registered' }),
      el('td', { text: m.verified ? 'verified off-chain' : 'NOT verified' + (m.error ? ': ' + m.error : '') }),
      el('td', { text: m.expiresAt ? new Date(m.expiresAt * 1000).toUTCString() : '' }),
      el('td', {}, 'block ' + m.block + ' · ', el('code', { text: m.txHash }))));
  }
  const p = a.prover;
  const prover = p ? [
    el('h3', {}, 'Proof verifier'),
    el('ul', { id: 'prover' },
      el('li', {}, 'Redemptions checks proofs with ', el('code', { text: p.verifier }), ' under the verifying key hashed ', el('code', { text: p.vkHash }), '.'),
      el('li', {}, p.developmentKeys
        ? el('span', { class: 'badge sim', text: 'DEVELOPMENT KEYS: anyone can forge proofs (development only)' })
        : 'Keys from a ceremony, not the development keys.'),
      el('li', {}, p.recordedVkHash
        ? 'Keys published: proving key ' + p.pkCid + ', verifying key ' + p.vkCid + (p.recordMatches ? ' (recorded hash matches the verifier).' : ' (recorded hash DOES NOT match the verifier).')
        : 'Keys not recorded on-chain yet.'),
      ...(p.problems || []).map((x) => el('li', { class: 'error', text: x }))),
  ] : [];
  view.replaceChildren(
    el('h2', {}, 'Auditor'),
    el('p', {}, 'What the AttestationRegistry ', el('code', { text: a.attestationRegistry }), ' attested, each report re-verified here against the pinned AMD roots (or, flagged, the simulated test root).'),
    el('h3', {}, 'Allowed launch measurements'),
    a.allowedMeasurements.length ? el('ul', { id: 'allowed' }, ...a.allowedMeasurements.map((m) => el('li', {}, el('code', { text: m })))) : el('p', { class: 'hint' }, 'None.'),
    el('h3', {}, 'Revoked measurements'),
    a.revokedMeasurements.length ? el('ul', {}, ...a.revokedMeasurements.map((m) => el('li', {}, el('code', { text: m })))) : el('p', { class: 'hint' }, 'None.'),
    el('h3', {}, 'Registered matchers'),
    el('div', { class: 'scroll' }, el('table', { id: 'matchers' },
      el('thead', {}, el('tr', {}, ...['Matcher', 'Measurement', 'On-chain', 'Report', 'Expires', 'Registration event'].map((h) => el('th', { scope: 'col', text: h })))), matchers)),
    ...prover,
    el('h3', {}, 'Contracts'),
    el('ul', {}, ...contracts.map(([k, v]) => el('li', {}, k + ': ', el('code', { text: v })))),
    el('p', { class: 'hint' }, 'Events can be read from the chain\'s JSON-RPC (' + (info.rpcUrl || 'see /info') + ') with eth_getLogs, or with `bazaar audit`. Raw: ', el('a', { href: '/attestations' }, '/attestations'), '.'));
}

// ---- router ----

async function route() {
  delete view.dataset.ready;
  const hash = location.hash || '#/';
  const [path, query] = hash.slice(1).split('?');
  const params = new URLSearchParams(query || '');
  let current = 'browse';
  if (path.startsWith('/vendor')) current = 'vendor';
  else if (path.startsWith('/auditor')) current = 'auditor';
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.view === current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (path.startsWith('/deal/')) await dealDetails(path.slice(6));
  else if (current === 'vendor') await vendor();
  else if (current === 'auditor') await auditor();
  else await browse(params);
  view.dataset.ready = current;
}

window.addEventListener('hashchange', () => { route().then(() => view.focus()); });

(async () => {
  try {
    info = await api('GET', '/info');
    const m = document.getElementById('mode');
    m.textContent = info.mode + ' · chain ' + info.chainId;
    if (/simulated|dev/i.test(info.mode || '')) m.classList.add('sim');
    m.hidden = false;
  } catch { /* the views say what fails */ }
  route();
})();

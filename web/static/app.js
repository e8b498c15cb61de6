'use strict';
// Browse view: lists deals from GET /deals with filters. Text is set with textContent only.
const list = document.getElementById('deals');
const status = document.getElementById('status');

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

async function load(params) {
  status.textContent = 'Loading…';
  const q = new URLSearchParams();
  for (const [k, v] of params) if (v) q.set(k, v);
  const resp = await fetch('/deals?' + q.toString());
  const body = await resp.json();
  list.replaceChildren();
  if (!resp.ok) {
    status.textContent = body.error ? body.error.message : resp.statusText;
    return;
  }
  status.textContent = body.deals.length + ' deal(s)';
  for (const d of body.deals) {
    const doc = d.document || {};
    const li = el('li');
    li.append(el('strong', '', (doc.vendorName || doc.vendorId || d.vendor) + ' — ' + ((doc.service || {}).description || '')));
    const p = doc.pricing || {};
    li.append(el('div', 'price', p.discountedPrice + ' ' + p.currency + ' (was ' + p.basePrice + ', −' + p.discountPercent + '%)'));
    const areas = ((doc.targeting || {}).location || {}).areas;
    li.append(el('div', 'meta', 'Areas: ' + (areas ? areas.join(', ') : 'everywhere') + ' · status: ' + d.status));
    const a = el('a', 'meta', 'IPFS ' + d.cid);
    a.href = '/ipfs/' + d.cid + '?format=raw';
    li.append(a);
    list.append(li);
  }
}

document.getElementById('filters').addEventListener('submit', (ev) => {
  ev.preventDefault();
  load(new FormData(ev.target).entries());
});

fetch('/info').then((r) => r.json()).then((info) => {
  const m = document.getElementById('mode');
  m.textContent = 'mode: ' + info.mode + ' · chain ' + info.chainId;
  m.hidden = false;
});
load([]);

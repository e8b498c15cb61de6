// Browser tests of the web UI in Debian's chromium through playwright-core, against a running
// development node. A test EIP-1193 provider is injected whose signatures come from
// `cast wallet sign` with a dev key, as a wallet's would.
//
//   node web/test/ui.mjs NODE_URL VENDOR_KEY SCREENSHOT_DIR
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

const [base, key, shots] = process.argv.slice(2);
if (!base || !key || !shots) {
  console.error('usage: node web/test/ui.mjs NODE_URL VENDOR_KEY SCREENSHOT_DIR');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const cast = (...args) => execFileSync('node_modules/.bin/cast', args, { encoding: 'utf8' }).trim();
const account = cast('wallet', 'address', '--private-key', key);
const info = await (await fetch(base + '/info')).json();

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
const page = await context.newPage();
const foreign = [];
page.on('request', (r) => { if (!r.url().startsWith(base)) foreign.push(r.url()); });
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });

const signed = [];
await page.exposeFunction('__testWallet', async (method, params) => {
  switch (method) {
    case 'eth_requestAccounts':
    case 'eth_accounts':
      return [account];
    case 'eth_chainId':
      return '0x' + Number(info.chainId).toString(16);
    case 'eth_signTypedData_v4': {
      assert.equal(params[0].toLowerCase(), account.toLowerCase(), 'signs for the connected account');
      const td = JSON.parse(params[1]);
      signed.push(td.primaryType);
      return cast('wallet', 'sign', '--private-key', key, '--data', params[1]);
    }
    case 'personal_sign': {
      assert.equal(params[1].toLowerCase(), account.toLowerCase(), 'signs for the connected account');
      signed.push('personal_sign');
      return cast('wallet', 'sign', '--private-key', key, Buffer.from(params[0].slice(2), 'hex').toString('utf8'));
    }
    default:
      throw new Error('test wallet: unsupported method ' + method);
  }
});
await page.addInitScript(() => {
  window.ethereum = { isTestWallet: true, request: ({ method, params }) => window.__testWallet(method, params || []) };
});

let step = 0;
async function shot(name) {
  step++;
  await page.screenshot({ path: `${shots}/${String(step).padStart(2, '0')}-${name}.png`, fullPage: true });
}
async function ready(view) {
  await page.waitForSelector(`#view[data-ready="${view}"]`);
}
async function connect() {
  if (await page.$('#connect')) await page.click('#connect');
  await page.waitForSelector('#deal-form');
}
async function fill(path, value) {
  await page.fill('#f-' + path.replaceAll('.', '-'), String(value));
}

let dealId;
try {
  // Vendor: connect, a refused form shows the API's field messages, then a valid deal is posted.
  await page.goto(base + '/#/vendor');
  await ready('vendor');
  await page.click('#connect');
  await page.waitForSelector('#deal-form');
  assert.match(await page.textContent('#wallet-status'), new RegExp(account, 'i'));
  await fill('service.description', 'Cà phê sữa đá, UI test');
  await fill('pricing.basePrice', '5.00');
  await fill('pricing.discountedPrice', '6.00'); // above the base price: the API refuses it
  await fill('pricing.discountPercent', '20');
  await page.click('#sign-post');
  await page.waitForFunction(() => document.querySelector('#f-pricing-discountedPrice-err').textContent.length > 0);
  const fieldMsg = await page.textContent('#f-pricing-discountedPrice-err');
  assert.ok(fieldMsg.length > 0, 'the discounted price field shows why');
  assert.equal(signed.length, 0, 'nothing was signed for a refused document');
  await shot('vendor-validation');
  await fill('pricing.discountedPrice', '4.00');
  await page.check('#f-requirements-proximityRequired');
  await page.click('#sign-post');
  await page.waitForSelector('#posted-link');
  dealId = (await page.textContent('#posted-link')).trim();
  assert.match(dealId, /^0x[0-9a-f]{64}$/);
  assert.deepEqual(signed, ['DealHeader']);
  await page.waitForSelector(`tr[data-deal="${dealId}"]`);
  await shot('vendor-posted');

  // Browse: the deal is listed, filters work, the details show the CID and the gateway copy.
  await page.goto(base + '/#/');
  await ready('browse');
  await page.waitForSelector(`li[data-deal="${dealId}"]`);
  await shot('browse');
  await page.fill('input[name=category]', 'tea');
  await page.click('form.filters button');
  await page.waitForFunction(() => /0 deals/.test(document.querySelector('[role=status]').textContent));
  await page.fill('input[name=category]', 'coffee');
  await page.fill('input[name=maxPrice]', '4.50');
  await page.click('form.filters button');
  await page.waitForSelector(`li[data-deal="${dealId}"]`);
  await page.click(`li[data-deal="${dealId}"] a`);
  await page.waitForSelector('#deal-cid');
  const cid = (await page.textContent('#deal-cid')).trim();
  assert.match(cid, /^bagu/);
  const gw = await page.request.get(base + (await page.getAttribute('#gateway-link', 'href')));
  assert.equal(gw.status(), 200, 'the gateway serves the deal block');
  assert.match(await gw.text(), /UI test/);
  await shot('deal-details');

  // Vendor: update (a new version), the dashboard's aggregates, then cancel.
  await page.goto(base + '/#/vendor');
  await ready('vendor');
  await connect();
  await page.waitForSelector(`tr[data-deal="${dealId}"] [data-action=update]`);
  await page.click(`tr[data-deal="${dealId}"] [data-action=update]`);
  await page.waitForSelector('#f-pricing-discountedPrice');
  await fill('pricing.discountedPrice', '3.50');
  await fill('pricing.discountPercent', '30');
  await page.click('#sign-post');
  await page.waitForSelector('#posted-link');
  await page.waitForFunction((id) => {
    const tr = document.querySelector(`tr[data-deal="${id}"]`);
    return tr && /v2/.test(tr.textContent);
  }, dealId);
  assert.deepEqual(signed, ['DealHeader', 'DealHeader']);
  await page.waitForSelector('#m-matched');
  const matched = Number(await page.textContent('#m-matched'));
  assert.ok(matched > 0, `the demo agents in Quận 1 were matched (${matched})`);
  assert.ok(await page.$('svg.chart'), 'a breakdown chart is drawn');
  await shot('vendor-dashboard');
  await page.click(`tr[data-deal="${dealId}"] [data-action=cancel]`);
  await page.waitForFunction((id) => {
    const tr = document.querySelector(`tr[data-deal="${id}"] .deal-status`);
    return tr && tr.textContent === 'cancelled';
  }, dealId);
  assert.deepEqual(signed, ['DealHeader', 'DealHeader', 'CancelDeal']);
  await shot('vendor-cancelled');

  // Orders inbox: the order a demo agent sent (and a replay of it) is read from the mailbox and
  // checked in the browser, confirmed with a wallet signature; the agent pays; the paid notice
  // arrives; the pickup code is checked once.
  const orderId = process.env.ORDER_ID;
  if (orderId) {
    signed.length = 0;
    await page.click('#open-inbox');
    await page.waitForSelector(`tr[data-order="${orderId}"]`);
    assert.deepEqual(signed, ['personal_sign'], 'the keys the browser derives are the ones the node published for the vendor');
    assert.equal(await page.textContent(`tr[data-order="${orderId}"] .order-status`), 'pending');
    assert.match(await page.textContent('#refused'), /replayed acceptance/);
    assert.match(await page.textContent(`tr[data-order="${orderId}"]`), /bàn 4/);
    await page.click(`tr[data-order="${orderId}"] [data-action=confirm]`);
    await page.waitForFunction((id) => document.querySelector(`tr[data-order="${id}"] .order-status`)?.textContent === 'confirmed', orderId);
    assert.deepEqual(signed, ['personal_sign', 'OrderDecision']);
    await page.fill('#check-code input[name=code]', process.env.PICKUP_CODE);
    await page.click('#check-code button');
    assert.match(await page.textContent('#code-status'), /not paid: hand nothing over/);
    const paid = execFileSync(process.env.AGENT_CLI, ['agent', 'pay', process.env.ORDER_DEAL, '--demo', process.env.AGENT_DEMO, '--node', base,
      '--state', process.env.AGENT_STATE], { env: { ...process.env, BAZAAR_TEST_AS_CLI: '1' }, encoding: 'utf8' });
    assert.match(paid, /receipt: balance 46\.00/, 'the agent paid the confirmed order');
    await page.click('#refresh-orders');
    await page.waitForFunction((id) => document.querySelector(`tr[data-order="${id}"] .order-status`)?.textContent === 'paid', orderId);
    // The first reading acknowledged what it took: the refresh read only the paid notice, not the
    // acceptance and its replay again.
    assert.equal((await page.textContent('#refused')).match(/replayed acceptance/g)?.length, 1, 'envelopes read before came again');
    await page.fill('#check-code input[name=code]', '00000-00000');
    await page.click('#check-code button');
    assert.match(await page.textContent('#code-status'), /does not match/);
    await page.fill('#check-code input[name=code]', process.env.PICKUP_CODE);
    await page.click('#check-code button');
    await page.waitForFunction(() => /Code valid/.test(document.querySelector('#code-status')?.textContent || ''));
    await page.fill('#check-code input[name=code]', process.env.PICKUP_CODE);
    await page.click('#check-code button');
    assert.match(await page.textContent('#code-status'), /Already picked up/);
    await shot('vendor-orders');
    // Payouts: once the batch has credited the vendor, the node submits its withdrawal.
    for (let i = 0; i < 60 && !(await page.$('#credit')); i++) {
      await page.waitForTimeout(250);
      await page.goto(base + '/#/auditor');
      await ready('auditor');
      await page.goto(base + '/#/vendor');
      await ready('vendor');
    }
    assert.equal(await page.textContent('#credit'), '4.00', 'the batch credited the order');
    await page.click('#withdraw');
    await page.waitForFunction(() => /Withdrawn: 4\.00/.test(document.querySelector('#pay-status')?.textContent || ''));
  }

  // Auditor: measurements, the simulated matcher flagged as such.
  await page.goto(base + '/#/auditor');
  await ready('auditor');
  await page.waitForSelector('#matchers tbody tr');
  assert.match(await page.textContent('#matchers'), /SIMULATED SEV-SNP/);
  assert.ok((await page.$$('#allowed li')).length > 0, 'allowed measurements are listed');
  assert.match(await page.textContent('#prover'), /DEVELOPMENT KEYS: anyone can forge proofs/);
  await shot('auditor');

  // Keyboard: the views are reachable with Tab and Enter.
  await page.goto(base + '/#/');
  await page.reload(); // focus starts at the top of the document
  await ready('browse');
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // Bazaar
  await page.keyboard.press('Tab'); // Browse
  await page.keyboard.press('Tab'); // Vendor
  await page.keyboard.press('Enter');
  await ready('vendor');
  assert.equal(await page.getAttribute('nav a[data-view=vendor]', 'aria-current'), 'page');

  // Phone width: no horizontal scrolling on any view.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [hash, name] of [['#/', 'browse'], ['#/vendor', 'vendor'], ['#/auditor', 'auditor']]) {
    await page.goto(base + '/' + hash);
    await ready(name);
    if (name === 'vendor') {
      await connect();
    }
    if (name === 'auditor') await page.waitForSelector('#matchers');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} scrolls sideways at phone width by ${overflow}px`);
    await shot('phone-' + name);
  }

  assert.deepEqual(await context.cookies(), [], 'no cookies');
  assert.deepEqual(foreign, [], 'no requests beyond this node');
  assert.deepEqual(consoleErrors.filter((e) => !/status of 4\d\d/.test(e)), [], 'no script errors');
} catch (e) {
  await page.screenshot({ path: `${shots}/failure.png`, fullPage: true }).catch(() => {});
  console.error('page text at the failure:\n' + (await page.textContent('body').catch(() => '(none)')));
  console.error('script errors: ' + JSON.stringify(consoleErrors));
  await browser.close();
  throw e;
}
await browser.close();
console.log(`ui: ok — deal ${dealId} posted, updated and cancelled through the UI; ${step} screenshots in ${shots}`);

// A real browser (Debian's Chromium driven by playwright-core) signs in through JustIAM's pages:
// the sign-in form, the consent page, back to a relying party's callback served by this script;
// then a second application signs in through the SSO session without a password prompt.
// Screenshots go to SCREENSHOT_DIR. Exits non-zero on any failure.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`missing environment variable ${name}`);
  return v;
};
const BASE_URL = env('BASE_URL');
const CALLBACK_PORT = Number(env('CALLBACK_PORT'));
const CONSENT_CLIENT_ID = env('CONSENT_CLIENT_ID');
const CONSENT_CLIENT_SECRET = env('CONSENT_CLIENT_SECRET');
const SECOND_CLIENT_ID = env('SECOND_CLIENT_ID');
const USERNAME = env('USERNAME');
const PASSWORD = env('PASSWORD');
const SCREENSHOT_DIR = env('SCREENSHOT_DIR');
const REDIRECT_URI = `http://127.0.0.1:${CALLBACK_PORT}/callback`;

mkdirSync(SCREENSHOT_DIR, { recursive: true });
const shot = (page, name) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
const step = (name) => console.log(`ok - ${name}`);

// The relying party's callback: shows what it received.
const callbacks = [];
const server = http.createServer((req, res) => {
  const url = new URL(req.url, REDIRECT_URI);
  if (url.pathname !== '/callback') {
    res.writeHead(404).end();
    return;
  }
  callbacks.push(url);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><meta name="viewport" content="width=device-width"><h1>Relying party callback</h1>`
    + `<p>code received: ${url.searchParams.has('code')}</p><p>state: ${url.searchParams.get('state')}</p>`);
});
await new Promise((resolve) => server.listen(CALLBACK_PORT, '127.0.0.1', resolve));

const b64url = (buf) => buf.toString('base64url');
function authorizeUrl(clientId, scope) {
  const verifier = b64url(randomBytes(32));
  const state = b64url(randomBytes(12));
  const url = new URL('/oauth2/authorize', BASE_URL);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: REDIRECT_URI, scope, state,
    nonce: b64url(randomBytes(12)), code_challenge: b64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();
  return { url: url.href, verifier, state };
}

const profile = mkdtempSync(path.join(tmpdir(), 'justiam-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 390, height: 844 },
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(30000);
  const visited = [];
  page.on('request', (r) => { if (r.isNavigationRequest()) visited.push(new URL(r.url()).pathname); });

  // 1. Sign-in and consent for an application that asks for consent.
  const first = authorizeUrl(CONSENT_CLIENT_ID, 'openid profile email');
  await page.goto(first.url);
  await page.waitForSelector('input[name="username"]');
  assert.ok(await page.locator('meta[name="viewport"]').count(), 'the sign-in page is made for phones too');
  await shot(page, 'oidc-1-sign-in');
  await page.fill('input[name="username"]', USERNAME);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(/\/oauth2\/authorize/), page.click('button[type="submit"]')]);
  await page.waitForSelector('text=Allow access?');
  await shot(page, 'oidc-2-consent');
  step('sign-in page, then the consent page');

  await Promise.all([page.waitForURL(`${REDIRECT_URI}**`), page.click('button[value="allow"]')]);
  await shot(page, 'oidc-3-callback');
  const cb = callbacks.at(-1);
  assert.equal(cb.searchParams.get('state'), first.state);
  assert.equal(cb.searchParams.get('iss'), BASE_URL);
  const token = await fetch(new URL('/oauth2/token', BASE_URL), {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(CONSENT_CLIENT_ID)}:${encodeURIComponent(CONSENT_CLIENT_SECRET)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: cb.searchParams.get('code'),
      redirect_uri: REDIRECT_URI, code_verifier: first.verifier }),
  });
  assert.equal(token.status, 200, `token exchange answered ${token.status}`);
  assert.ok((await token.json()).id_token, 'an ID token was issued');
  step('consent granted; the callback received a code that exchanges for tokens');

  // 2. A second application: the SSO session signs the person in with no password prompt.
  visited.length = 0;
  const second = authorizeUrl(SECOND_CLIENT_ID, 'openid');
  await page.goto(second.url);
  await page.waitForURL(`${REDIRECT_URI}**`);
  await shot(page, 'oidc-4-second-app-sso');
  assert.ok(!visited.includes('/login'), `no sign-in page on the way: ${visited.join(' ')}`);
  assert.equal(callbacks.at(-1).searchParams.get('state'), second.state);
  assert.ok(callbacks.at(-1).searchParams.get('code'));
  step('second application signed in through SSO without a password prompt');
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log('browser checks passed');

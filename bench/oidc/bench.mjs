// Bounded load on a running JustIAM: client_credentials grants per second, full authorization
// code flows per second (with and without a password sign-in in each flow), and the latency
// percentiles of POST /oauth2/token. Node 20, no dependencies. See README.md.
import { createHash, randomBytes } from 'node:crypto';

const BASE_URL = process.env.BASE_URL;
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'bench-admin-password';
const DURATION = Number(process.env.DURATION ?? 20) * 1000;
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const REDIRECT_URI = 'http://127.0.0.1:9/callback';

const b64url = (b) => Buffer.from(b).toString('base64url');
const unique = (p) => `${p}-${randomBytes(4).toString('hex')}`;

async function api(method, path, token, body) {
  const res = await fetch(new URL(path, BASE_URL), {
    method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => ({}));
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

class Jar {
  constructor() { this.c = new Map(); }
  store(res) {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0];
      const eq = pair.indexOf('=');
      const v = pair.slice(eq + 1);
      if (v) this.c.set(pair.slice(0, eq), v); else this.c.delete(pair.slice(0, eq));
    }
  }
  header() { return [...this.c].map(([k, v]) => `${k}=${v}`).join('; '); }
}

async function get(jar, url) {
  const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.store(res);
  return res;
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function run(name, once) {
  const latencies = [];
  let done = 0;
  let errors = 0;
  const end = Date.now() + DURATION;
  const started = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, worker) => {
    const state = {};
    while (Date.now() < end) {
      try {
        await once(worker, state, latencies);
        done++;
      } catch (e) {
        errors++;
        if (errors <= 3) console.error(`${name}: ${e.message}`);
      }
    }
  }));
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const r = {
    scenario: name, seconds: seconds.toFixed(1), completed: done, errors, per_second: (done / seconds).toFixed(1),
    token_p50_ms: percentile(latencies, 50).toFixed(1), token_p99_ms: percentile(latencies, 99).toFixed(1),
    token_requests: latencies.length,
  };
  console.log(JSON.stringify(r));
  return r;
}

async function timedToken(latencies, body, basic) {
  const t0 = performance.now();
  const res = await fetch(new URL('/oauth2/token', BASE_URL), {
    method: 'POST', body: new URLSearchParams(body),
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
  });
  const json = await res.json();
  latencies.push(performance.now() - t0);
  if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

// Setup: an administrator token, a user, and two clients created through the management API.
const admin = (await api('POST', '/api/v1/auth/login', null, { login: 'admin', password: ADMIN_PASSWORD })).token;
const username = unique('bench');
const password = 'bench-user-password-1';
await api('POST', '/api/v1/users', admin, { username, email: `${username}@example.com`, password });
const service = await api('POST', '/api/v1/applications', admin, { protocol: 'oidc', name: unique('bench-cc'),
  oidc: { grant_types: ['client_credentials'], scopes: ['bench.read'] } });
const web = await api('POST', '/api/v1/applications', admin, { protocol: 'oidc', name: unique('bench-web'),
  oidc: { redirect_uris: [REDIRECT_URI] } });
const basic = (app) => Buffer.from(`${encodeURIComponent(app.oidc.client_id)}:${encodeURIComponent(app.client_secret)}`)
  .toString('base64');
const serviceBasic = basic(service);
const webBasic = basic(web);

function authorizeUrl() {
  const verifier = b64url(randomBytes(32));
  const url = new URL('/oauth2/authorize', BASE_URL);
  url.search = new URLSearchParams({ response_type: 'code', client_id: web.oidc.client_id, redirect_uri: REDIRECT_URI,
    scope: 'openid profile email', state: b64url(randomBytes(8)), nonce: b64url(randomBytes(8)),
    code_challenge: b64url(createHash('sha256').update(verifier).digest()), code_challenge_method: 'S256' });
  return { url, verifier };
}

async function signIn(jar, loginUrl) {
  const page = await get(jar, loginUrl);
  const html = await page.text();
  const csrf = html.match(/name="csrf_token" value="([^"]+)"/)[1];
  const returnTo = new URL(loginUrl).searchParams.get('return_to') ?? '/account';
  const res = await fetch(new URL('/login', BASE_URL), { method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ csrf_token: csrf, username, password, return_to: returnTo }) });
  jar.store(res);
  if (res.status !== 303) throw new Error(`sign-in: ${res.status}`);
  return new URL(res.headers.get('location'), BASE_URL);
}

async function codeFlow(jar, latencies) {
  const { url, verifier } = authorizeUrl();
  let res = await get(jar, url);
  if (res.status === 303) {
    res = await get(jar, await signIn(jar, new URL(res.headers.get('location'), BASE_URL)));
  }
  if (res.status !== 302) throw new Error(`authorize: ${res.status}`);
  const code = new URL(res.headers.get('location')).searchParams.get('code');
  if (!code) throw new Error(`no code: ${res.headers.get('location')}`);
  const tokens = await timedToken(latencies, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI,
    code_verifier: verifier }, webBasic);
  if (!tokens.id_token) throw new Error('no id_token');
}

console.log(`target ${BASE_URL}, ${CONCURRENCY} concurrent clients, ${DURATION / 1000} s per scenario`);
await run('client_credentials', async (_w, _s, lat) => {
  await timedToken(lat, { grant_type: 'client_credentials', scope: 'bench.read' }, serviceBasic);
});
await run('authorization_code flow with password sign-in each time', async (_w, _s, lat) => {
  await codeFlow(new Jar(), lat);
});
await run('authorization_code flow on an existing SSO session', async (_w, s, lat) => {
  s.jar ??= new Jar();
  await codeFlow(s.jar, lat);
});

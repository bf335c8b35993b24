// An independent relying party (panva's openid-client) against JustIAM: discovery, the
// authorization code flow with PKCE through the sign-in form (plain fetch with a cookie jar, no
// browser), code exchange with ID token validation, userinfo, refresh with rotation, reuse
// detection, introspection, revocation, RP-initiated logout and client_credentials.
// Exits non-zero on the first failure.
import * as client from 'openid-client';
import assert from 'node:assert/strict';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`missing environment variable ${name}`);
  return v;
};

const BASE_URL = env('BASE_URL');
const CLIENT_ID = env('CLIENT_ID');
const CLIENT_SECRET = env('CLIENT_SECRET');
const REDIRECT_URI = env('REDIRECT_URI');
const POST_LOGOUT_URI = env('POST_LOGOUT_URI');
const PUBLIC_CLIENT_ID = env('PUBLIC_CLIENT_ID');
const CC_CLIENT_ID = env('CC_CLIENT_ID');
const CC_CLIENT_SECRET = env('CC_CLIENT_SECRET');
const USERNAME = env('USERNAME');
const PASSWORD = env('PASSWORD');

const insecure = BASE_URL.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : {};

/** A tiny cookie jar: name -> value, for one origin. */
class Jar {
  constructor() { this.cookies = new Map(); }
  store(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (!value || expired) this.cookies.delete(name); else this.cookies.set(name, value);
    }
  }
  header() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
}

async function request(jar, url, init = {}) {
  const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers || {}), cookie: jar.header() } });
  jar.store(res);
  return res;
}

function csrfOf(html) {
  const m = html.match(/name="csrf_token" value="([^"]+)"/);
  assert.ok(m, 'the page has a CSRF token');
  return m[1];
}

function unescapeHtml(s) {
  return s.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>').replaceAll('&#x2F;', '/').replaceAll('&#61;', '=');
}

/** Follows redirects from an authorization URL, signing in on the way, until the callback. */
async function browse(jar, start) {
  let url = new URL(start);
  for (let hops = 0; hops < 10; hops++) {
    if (url.href.startsWith(REDIRECT_URI)) return url;
    const res = await request(jar, url);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location'), url);
      continue;
    }
    const html = await res.text();
    assert.equal(res.status, 200, `page ${url.pathname} answered ${res.status}: ${html.slice(0, 300)}`);
    assert.ok(html.includes('action="/login"'), `expected the sign-in form at ${url.pathname}`);
    const returnTo = unescapeHtml(html.match(/name="return_to" value="([^"]*)"/)[1]);
    const form = new URLSearchParams({ csrf_token: csrfOf(html), username: USERNAME, password: PASSWORD, return_to: returnTo });
    const posted = await request(jar, new URL('/login', BASE_URL), {
      method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(posted.status, 303, `sign-in answered ${posted.status}`);
    url = new URL(posted.headers.get('location'), url);
  }
  throw new Error('too many redirects');
}

async function expectOAuthError(promise, code) {
  try {
    await promise;
  } catch (e) {
    assert.equal(e.error ?? e.cause?.error, code, `expected ${code}, got ${e.error ?? e.message}`);
    return;
  }
  throw new Error(`expected ${code} but the call succeeded`);
}

const step = (name) => console.log(`ok - ${name}`);

// Discovery
const config = await client.discovery(new URL(BASE_URL), CLIENT_ID, undefined,
  client.ClientSecretBasic(CLIENT_SECRET), insecure);
if (insecure.execute) client.allowInsecureRequests(config);
const meta = config.serverMetadata();
assert.equal(meta.issuer, BASE_URL);
assert.deepEqual(meta.code_challenge_methods_supported, ['S256']);
step('discovery');

// Authorization code + PKCE through the sign-in form
const jar = new Jar();
const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const nonce = client.randomNonce();
const authUrl = client.buildAuthorizationUrl(config, {
  redirect_uri: REDIRECT_URI, scope: 'openid profile email groups', state, nonce,
  code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
});
const callback = await browse(jar, authUrl);
assert.ok(jar.cookies.has('justiam_sso'), 'the browser has an SSO session cookie');
step('authorization code + PKCE through the sign-in form');

const tokens = await client.authorizationCodeGrant(config, callback,
  { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
const claims = tokens.claims();
assert.equal(claims.iss, BASE_URL);
assert.equal(claims.aud, CLIENT_ID);
assert.equal(claims.preferred_username, USERNAME);
assert.ok(claims.sid && claims.auth_time && claims.at_hash, 'sid, auth_time and at_hash are present');
assert.ok(tokens.refresh_token, 'a refresh token is issued');
step('code exchange; ID token validated by openid-client');

const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
assert.equal(userinfo.sub, claims.sub);
assert.equal(userinfo.preferred_username, USERNAME);
assert.ok(Array.isArray(userinfo.groups), 'groups claim is a list');
step('userinfo');

const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
assert.notEqual(refreshed.refresh_token, tokens.refresh_token, 'the refresh token rotates');
assert.equal(refreshed.claims().sub, claims.sub);
step('refresh with rotation');

let info = await client.tokenIntrospection(config, refreshed.access_token);
assert.equal(info.active, true);
assert.equal(info.client_id, CLIENT_ID);
assert.equal(info.sub, claims.sub);
info = await client.tokenIntrospection(config, tokens.access_token);
assert.equal(info.active, true, 'the first access token is still valid');
step('introspection');

await client.tokenRevocation(config, refreshed.refresh_token);
assert.equal((await client.tokenIntrospection(config, refreshed.refresh_token)).active, false);
assert.equal((await client.tokenIntrospection(config, refreshed.access_token)).active, false,
  'revoking a refresh token revokes the access tokens of its grant');
step('revocation');

await expectOAuthError(client.refreshTokenGrant(config, tokens.refresh_token), 'invalid_grant');
step('reuse of a rotated refresh token is refused');

// A second application signs in through the SSO session, without the password.
const pub = await client.discovery(new URL(BASE_URL), PUBLIC_CLIENT_ID, undefined, client.None(), insecure);
if (insecure.execute) client.allowInsecureRequests(pub);
const v2 = client.randomPKCECodeVerifier();
const s2 = client.randomState();
const url2 = client.buildAuthorizationUrl(pub, {
  redirect_uri: REDIRECT_URI, scope: 'openid', state: s2,
  code_challenge: await client.calculatePKCECodeChallenge(v2), code_challenge_method: 'S256',
});
const first = await request(jar, url2);
assert.equal(first.status, 302, 'SSO answers at once, no sign-in page');
const t2 = await client.authorizationCodeGrant(pub, new URL(first.headers.get('location')),
  { pkceCodeVerifier: v2, expectedState: s2 });
assert.equal(t2.claims().sub, claims.sub);
assert.equal(t2.claims().sid, claims.sid, 'both applications share the SSO session');
step('second application (public client, PKCE, auth none) through SSO');

// RP-initiated logout
const logoutState = client.randomState();
const endSession = client.buildEndSessionUrl(config, {
  id_token_hint: tokens.id_token, post_logout_redirect_uri: POST_LOGOUT_URI, state: logoutState,
});
const out = await request(jar, endSession);
assert.equal(out.status, 303);
assert.equal(out.headers.get('location'), `${POST_LOGOUT_URI}?state=${logoutState}`);
const afterUrl = client.buildAuthorizationUrl(config, {
  redirect_uri: REDIRECT_URI, scope: 'openid', prompt: 'none', state: 'after',
  code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
});
const after = new URL((await request(jar, afterUrl)).headers.get('location'));
assert.equal(after.searchParams.get('error'), 'login_required', 'the SSO session has ended');
step('RP-initiated logout');

// client_credentials
const cc = await client.discovery(new URL(BASE_URL), CC_CLIENT_ID, undefined,
  client.ClientSecretPost(CC_CLIENT_SECRET), insecure);
if (insecure.execute) client.allowInsecureRequests(cc);
const ccTokens = await client.clientCredentialsGrant(cc, { scope: 'reports.read' });
assert.equal(ccTokens.token_type, 'bearer');
assert.equal(ccTokens.scope, 'reports.read');
assert.equal(ccTokens.refresh_token, undefined);
step('client_credentials');

console.log('all OIDC relying-party checks passed');

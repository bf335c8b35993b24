// SAML sign-in responses per second on loopback. Against a running JustIAM: registers an SP,
// signs one person in through the sign-in form, then for DURATION seconds sends fresh
// AuthnRequests (HTTP-Redirect) with the session cookie from CONCURRENCY parallel loops and counts
// the signed responses (auto-post forms) that come back. The first response is validated by
// @node-saml/node-saml so the measurement is of real, valid responses.
//
//   JUSTIAM_BASE_URL=http://localhost:8080 JUSTIAM_ADMIN_PASSWORD=... node bench/saml/bench.mjs
// Optional: DURATION (seconds, default 25), CONCURRENCY (default 8).

import assert from "node:assert/strict";
import { createRequire } from "node:module";
import zlib from "node:zlib";
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../../server/src/test/node/package.json"));
const { SAML, ValidateInResponseTo } = require("@node-saml/node-saml");

const BASE = process.env.JUSTIAM_BASE_URL || "http://localhost:8080";
const ADMIN_PASSWORD = process.env.JUSTIAM_ADMIN_PASSWORD;
const DURATION = Number(process.env.DURATION || 25);
const CONCURRENCY = Number(process.env.CONCURRENCY || 8);
assert.ok(ADMIN_PASSWORD, "set JUSTIAM_ADMIN_PASSWORD");

async function api(method, url, token, body) {
  const res = await fetch(`${BASE}${url}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const suffix = crypto.randomBytes(4).toString("hex");
const { token } = await api("POST", "/api/v1/auth/login", null, { login: "admin", password: ADMIN_PASSWORD });
const username = `bench-${suffix}`;
const password = `bench-password-${suffix}`;
await api("POST", "/api/v1/users", token, { username, email: `${username}@example.com`, password });
const entityId = `https://bench-${suffix}.example.test/saml`;
const acs = `${entityId}/acs`;
const app = await api("POST", "/api/v1/applications", token, {
  protocol: "saml",
  name: `bench-${suffix}`,
  saml: {
    entity_id: entityId,
    acs_urls: [acs],
    name_id_format: "email",
    sign_response: true,
    sign_assertion: true,
    attribute_mappings: [{ name: "email", source: "email" }, { name: "groups", source: "groups" }],
  },
});

// Sign in once through the form; keep the SSO cookie.
const cookies = new Map();
function keep(res) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return res;
}
const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
const loginPage = keep(await fetch(`${BASE}/login?return_to=/account`, { redirect: "manual" }));
const csrf = (await loginPage.text()).match(/name="csrf_token" value="([^"]+)"/)[1];
const signIn = keep(await fetch(`${BASE}/login`, {
  method: "POST",
  redirect: "manual",
  headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
  body: new URLSearchParams({ csrf_token: csrf, username, password, return_to: "/account" }).toString(),
}));
assert.equal(signIn.status, 303, "sign-in failed");

const sso = `${BASE}/saml/${app.id}/sso`;
function requestUrl() {
  const id = `_${crypto.randomUUID()}`;
  const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" `
    + `xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" `
    + `IssueInstant="${new Date().toISOString()}" Destination="${sso}" AssertionConsumerServiceURL="${acs}">`
    + `<saml:Issuer>${entityId}</saml:Issuer></samlp:AuthnRequest>`;
  const encoded = zlib.deflateRawSync(Buffer.from(xml)).toString("base64");
  return { id, url: `${sso}?SAMLRequest=${encodeURIComponent(encoded)}&RelayState=bench` };
}

function samlResponseOf(html) {
  const m = html.match(/name="SAMLResponse" value="([^"]+)"/);
  return m ? m[1].replace(/&#(\d+);/g, (_, d) => String.fromCharCode(d)).replace(/&#x([0-9a-f]+);/gi,
    (_, h) => String.fromCharCode(parseInt(h, 16))) : null;
}

// One validated response first.
const metadata = await (await fetch(`${BASE}/saml/${app.id}/metadata`)).text();
const certs = [...metadata.matchAll(/<ds:X509Certificate>([^<]+)</g)].map((m) => m[1]);
const sp = new SAML({
  entryPoint: sso, issuer: entityId, callbackUrl: acs, audience: entityId, idpCert: certs,
  wantAssertionsSigned: true, wantAuthnResponseSigned: true, validateInResponseTo: ValidateInResponseTo.never,
});
{
  const { url } = requestUrl();
  const res = await fetch(url, { headers: { cookie: cookieHeader() }, redirect: "manual" });
  const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: samlResponseOf(await res.text()) });
  assert.equal(profile.nameID, `${username}@example.com`);
}

let ok = 0;
let failed = 0;
const latencies = [];
const until = Date.now() + DURATION * 1000;
async function loop() {
  while (Date.now() < until) {
    const { url } = requestUrl();
    const start = performance.now();
    const res = await fetch(url, { headers: { cookie: cookieHeader() }, redirect: "manual" });
    const body = await res.text();
    latencies.push(performance.now() - start);
    if (res.status === 200 && samlResponseOf(body)) ok++;
    else failed++;
  }
}
const started = Date.now();
await Promise.all(Array.from({ length: CONCURRENCY }, loop));
const seconds = (Date.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(1);
console.log(JSON.stringify({
  seconds: Number(seconds.toFixed(1)),
  concurrency: CONCURRENCY,
  responses: ok,
  failures: failed,
  responses_per_second: Number((ok / seconds).toFixed(1)),
  latency_ms: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99) },
}));

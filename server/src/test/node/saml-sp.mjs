// An independent SAML service provider (@node-saml/node-saml) against JustIAM's IdP. It trusts only
// what our metadata publishes, signs in through the real sign-in form with a cookie jar, and lets
// node-saml validate every response: signatures, audience, InResponseTo, validity window, status.
// Flows: SP-initiated (Redirect binding, signed request), single sign-on without a password,
// ForceAuthn, IsPassive, IdP-initiated (unsolicited), single logout. Exits non-zero on any failure.
//
// Environment: JUSTIAM_BASE_URL, SAML_USERNAME, SAML_PASSWORD, SAML_EMAIL, SAML_FIRST_NAME,
// SAML_GROUP, SAML_ROLES (comma separated), SP_APP_ID, SP_ENTITY_ID, SP_ACS_URL, SP_SLO_URL,
// SP_PRIVATE_KEY (PEM), IDP_INIT_APP_ID, IDP_INIT_ENTITY_ID, IDP_INIT_ACS_URL.
// Optional OIDC_CLIENT_ID and OIDC_REDIRECT_URI: the person first signs in to that OIDC client.

import assert from "node:assert/strict";
import zlib from "node:zlib";
import { SAML, ValidateInResponseTo } from "@node-saml/node-saml";

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

const BASE = env("JUSTIAM_BASE_URL");

/** A browser: cookies kept by hand, redirects followed one by one. */
class Browser {
  constructor() {
    this.cookies = new Map();
  }

  async request(url, options = {}) {
    const headers = { ...(options.headers || {}) };
    if (this.cookies.size) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    }
    const res = await fetch(url, { ...options, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /**
   * GETs a URL and follows redirects on JustIAM; returns the last response with its body and URL.
   * A redirect to another site (a service provider) is returned unfollowed, with status 303.
   */
  async follow(url, options = {}) {
    let res = await this.request(url, options);
    let current = url;
    for (let hops = 0; res.status >= 300 && res.status < 400; hops++) {
      assert.ok(hops < 10, "too many redirects");
      current = new URL(res.headers.get("location"), current).toString();
      if (new URL(current).origin !== new URL(BASE).origin) {
        return { status: res.status, url: current, body: "" };
      }
      res = await this.request(current);
    }
    return { status: res.status, url: current, body: await res.text() };
  }
}

function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The auto-submitting form of the HTTP-POST binding: its action and hidden fields. */
function postForm(html) {
  const action = html.match(/<form method="post" action="([^"]*)"/);
  assert.ok(action, `no auto-post form in page:\n${html.slice(0, 2000)}`);
  const fields = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields[m[1]] = decodeEntities(m[2]);
  }
  return { action: decodeEntities(action[1]), fields };
}

function isSignInPage(page) {
  return new URL(page.url).pathname === "/login" && page.body.includes('name="password"');
}

/** Fills in the sign-in form the page shows and follows where it leads. */
async function submitSignIn(browser, page) {
  assert.ok(isSignInPage(page), `expected the sign-in page, got ${page.url}`);
  const csrf = page.body.match(/name="csrf_token" value="([^"]+)"/);
  const returnTo = page.body.match(/name="return_to" value="([^"]*)"/);
  assert.ok(csrf && returnTo, "sign-in form without CSRF token or return_to");
  const form = new URLSearchParams({
    csrf_token: decodeEntities(csrf[1]),
    return_to: decodeEntities(returnTo[1]),
    username: env("SAML_USERNAME"),
    password: env("SAML_PASSWORD"),
  });
  const res = await browser.request(`${BASE}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
  assert.equal(res.status, 303, `sign-in did not redirect (status ${res.status})`);
  return browser.follow(new URL(res.headers.get("location"), BASE).toString());
}

function requestIdOf(url) {
  const message = new URL(url).searchParams.get("SAMLRequest");
  const xml = zlib.inflateRawSync(Buffer.from(message, "base64")).toString("utf8");
  return xml.match(/ID="([^"]+)"/)[1];
}

function attr(profile, name) {
  const v = profile.attributes ? profile.attributes[name] : profile[name];
  return v === undefined ? undefined : [].concat(v);
}

async function idpMetadata(appId) {
  const res = await fetch(`${BASE}/saml/${appId}/metadata`);
  assert.equal(res.status, 200, "metadata not served");
  const xml = await res.text();
  const entityId = xml.match(/entityID="([^"]+)"/)[1];
  const certs = [...xml.matchAll(/<ds:X509Certificate>([^<]+)<\/ds:X509Certificate>/g)].map((m) => m[1].trim());
  const location = (service, binding) =>
    xml.match(new RegExp(`<md:${service} Binding="${binding}" Location="([^"]+)"`))[1];
  const redirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
  assert.ok(certs.length >= 2, "metadata should publish the active and the next signing certificate");
  return { entityId, certs, sso: location("SingleSignOnService", redirect), slo: location("SingleLogoutService", redirect) };
}

const steps = [];
async function step(name, fn) {
  try {
    await fn();
    steps.push(name);
    console.log(`ok - ${name}`);
  } catch (e) {
    console.error(`not ok - ${name}\n${e.stack || e}`);
    process.exit(1);
  }
}

const idpA = await idpMetadata(env("SP_APP_ID"));
const spOptions = {
  entryPoint: idpA.sso,
  logoutUrl: idpA.slo,
  issuer: env("SP_ENTITY_ID"),
  callbackUrl: env("SP_ACS_URL"),
  logoutCallbackUrl: env("SP_SLO_URL"),
  audience: env("SP_ENTITY_ID"),
  idpCert: idpA.certs,
  idpIssuer: idpA.entityId,
  wantAssertionsSigned: true,
  wantAuthnResponseSigned: true,
  validateInResponseTo: ValidateInResponseTo.always,
  requestIdExpirationPeriodMs: 5 * 60 * 1000,
  privateKey: env("SP_PRIVATE_KEY"),
  signatureAlgorithm: "sha256",
  digestAlgorithm: "sha256",
  identifierFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
  acceptedClockSkewMs: 0,
};
const sp = new SAML(spOptions);
const browser = new Browser();
let profile;

await step("metadata publishes entity ID, endpoints and certificates", async () => {
  assert.equal(idpA.entityId, `${BASE}/saml/${env("SP_APP_ID")}/metadata`);
  assert.equal(idpA.sso, `${BASE}/saml/${env("SP_APP_ID")}/sso`);
});

if (process.env.OIDC_CLIENT_ID) {
  await step("sign in to an OIDC client first", async () => {
    const authorize = new URL(`${BASE}/oauth2/authorize`);
    authorize.search = new URLSearchParams({
      response_type: "code",
      client_id: env("OIDC_CLIENT_ID"),
      redirect_uri: env("OIDC_REDIRECT_URI"),
      scope: "openid",
      state: "s1",
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
    }).toString();
    let res = await browser.request(authorize.toString());
    let url = authorize.toString();
    while (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get("location"), url).toString();
      if (url.startsWith(env("OIDC_REDIRECT_URI"))) break;
      res = await browser.request(url);
    }
    if (!url.startsWith(env("OIDC_REDIRECT_URI"))) {
      const page = { status: res.status, url, body: await res.text() };
      const after = await submitSignIn(browser, page);
      url = after.url;
    }
    assert.ok(new URL(url).searchParams.get("code") || url.startsWith(env("OIDC_REDIRECT_URI")),
      `OIDC sign-in did not reach the client: ${url}`);
  });
}

await step("SP-initiated sign-in (signed HTTP-Redirect request) is validated by node-saml", async () => {
  const url = await sp.getAuthorizeUrlAsync("relay-state-1", undefined, {});
  assert.ok(new URL(url).searchParams.get("Signature"), "node-saml signed the request");
  let page = await browser.follow(url);
  if (process.env.OIDC_CLIENT_ID) {
    assert.ok(!isSignInPage(page), "signed in through OIDC, the SAML app must not ask for a password");
  } else {
    page = await submitSignIn(browser, page);
  }
  const form = postForm(page.body);
  assert.equal(form.action, env("SP_ACS_URL"));
  assert.equal(form.fields.RelayState, "relay-state-1");
  const result = await sp.validatePostResponseAsync({ SAMLResponse: form.fields.SAMLResponse });
  profile = result.profile;
  assert.ok(profile, "no profile in the response");
  assert.equal(profile.nameID, env("SAML_EMAIL"));
  assert.equal(profile.nameIDFormat, "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
  assert.equal(profile.issuer, idpA.entityId);
  assert.equal(profile.inResponseTo, requestIdOf(url));
  assert.ok(profile.sessionIndex, "AuthnStatement has a SessionIndex");
  assert.deepEqual(attr(profile, "email"), [env("SAML_EMAIL")]);
  assert.deepEqual(attr(profile, "firstName"), [env("SAML_FIRST_NAME")]);
  assert.deepEqual(attr(profile, "groups"), [env("SAML_GROUP")]);
  assert.deepEqual(attr(profile, "roles").sort(), env("SAML_ROLES").split(",").sort());
  const xml = Buffer.from(form.fields.SAMLResponse, "base64").toString("utf8");
  assert.match(xml, /AuthnContextClassRef>urn:oasis:names:tc:SAML:2\.0:ac:classes:PasswordProtectedTransport</);
  assert.match(xml, /Recipient="[^"]+"/);
  assert.match(xml, /rsa-sha256/);
  assert.match(xml, /xml-exc-c14n#/);
});

await step("a replayed response is refused by node-saml (InResponseTo used once)", async () => {
  const url = await sp.getAuthorizeUrlAsync("relay-state-2", undefined, {});
  const page = await browser.follow(url);
  const form = postForm(page.body);
  await sp.validatePostResponseAsync({ SAMLResponse: form.fields.SAMLResponse });
  await assert.rejects(sp.validatePostResponseAsync({ SAMLResponse: form.fields.SAMLResponse }));
});

await step("a second sign-in in the same browser needs no password", async () => {
  const url = await sp.getAuthorizeUrlAsync("relay-state-3", undefined, {});
  const page = await browser.follow(url);
  assert.ok(!isSignInPage(page), "the SSO session should be reused");
  const { profile: again } = await sp.validatePostResponseAsync({ SAMLResponse: postForm(page.body).fields.SAMLResponse });
  assert.equal(again.nameID, env("SAML_EMAIL"));
});

await step("SP-initiated sign-in over HTTP-POST with an enveloped XML signature", async () => {
  // The HTTP-POST binding carries plain base64, no DEFLATE (SAML Bindings 3.5.4).
  const postSp = new SAML({ ...spOptions, authnRequestBinding: "HTTP-POST", skipRequestCompression: true });
  const html = await postSp.getAuthorizeFormAsync("relay-state-post", undefined, {});
  const request = postForm(html);
  assert.equal(request.action, idpA.sso);
  const xml = Buffer.from(request.fields.SAMLRequest, "base64").toString("utf8");
  assert.match(xml, /<(\w+:)?Signature /, "node-saml signed the request XML");
  const res = await browser.request(request.action, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(request.fields).toString(),
  });
  const page = res.status === 303
    ? await browser.follow(new URL(res.headers.get("location"), BASE).toString())
    : { status: res.status, url: request.action, body: await res.text() };
  const form = postForm(page.body);
  assert.equal(form.fields.RelayState, "relay-state-post");
  const { profile: p } = await postSp.validatePostResponseAsync({ SAMLResponse: form.fields.SAMLResponse });
  assert.equal(p.inResponseTo, xml.match(/ID="([^"]+)"/)[1]);
});

await step("ForceAuthn asks for the password again", async () => {
  const forced = new SAML({ ...spOptions, forceAuthn: true });
  const url = await forced.getAuthorizeUrlAsync("relay-state-4", undefined, {});
  const page = await browser.follow(url);
  assert.ok(isSignInPage(page), "ForceAuthn must show the sign-in page");
  const after = await submitSignIn(browser, page);
  const { profile: p } = await forced.validatePostResponseAsync({ SAMLResponse: postForm(after.body).fields.SAMLResponse });
  assert.equal(p.nameID, env("SAML_EMAIL"));
  assert.notEqual(p.sessionIndex, profile.sessionIndex, "a new sign-in is a new session");
  profile = p;
});

await step("IsPassive without a session answers NoPassive", async () => {
  const passive = new SAML({ ...spOptions, passive: true });
  const url = await passive.getAuthorizeUrlAsync("relay-state-5", undefined, {});
  const page = await new Browser().follow(url);
  const form = postForm(page.body);
  const result = await passive.validatePostResponseAsync({ SAMLResponse: form.fields.SAMLResponse });
  assert.equal(result.profile, null);
  assert.equal(result.loggedOut, false);
});

await step("IdP-initiated sign-in is an unsolicited response node-saml accepts", async () => {
  const idpB = await idpMetadata(env("IDP_INIT_APP_ID"));
  const spB = new SAML({
    entryPoint: idpB.sso,
    issuer: env("IDP_INIT_ENTITY_ID"),
    callbackUrl: env("IDP_INIT_ACS_URL"),
    audience: env("IDP_INIT_ENTITY_ID"),
    idpCert: idpB.certs,
    idpIssuer: idpB.entityId,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.never,
  });
  const page = await browser.follow(`${BASE}/saml/${env("IDP_INIT_APP_ID")}/init?RelayState=landing`);
  assert.ok(!isSignInPage(page), "the SSO session should be reused");
  const form = postForm(page.body);
  assert.equal(form.action, env("IDP_INIT_ACS_URL"));
  assert.equal(form.fields.RelayState, "landing");
  const xml = Buffer.from(form.fields.SAMLResponse, "base64").toString("utf8");
  assert.doesNotMatch(xml, /InResponseTo=/);
  const { profile: p } = await spB.validatePostResponseAsync({ SAMLResponse: form.fields.SAMLResponse });
  assert.equal(p.nameIDFormat, "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
  assert.ok(p.nameID && p.nameID !== env("SAML_USERNAME") && p.nameID !== env("SAML_EMAIL"), "persistent ID is opaque");
  assert.deepEqual(attr(p, "uid"), [env("SAML_USERNAME")]);

  const second = postForm((await browser.follow(`${BASE}/saml/${env("IDP_INIT_APP_ID")}/sso?idp_initiated=1`)).body);
  const { profile: p2 } = await spB.validatePostResponseAsync({ SAMLResponse: second.fields.SAMLResponse });
  assert.equal(p2.nameID, p.nameID, "persistent ID is stable");
});

await step("single logout: LogoutRequest ends the session, node-saml accepts the LogoutResponse", async () => {
  const url = await sp.getLogoutUrlAsync(profile, "bye", {});
  assert.ok(new URL(url).searchParams.get("Signature"), "node-saml signed the LogoutRequest");
  const requestId = requestIdOf(url);
  const page = await browser.follow(url);
  assert.equal(page.status, 303, "the LogoutResponse goes back over HTTP-Redirect");
  const back = new URL(page.url);
  assert.equal(`${back.origin}${back.pathname}`, env("SP_SLO_URL"));
  assert.equal(back.searchParams.get("RelayState"), "bye");
  const xml = zlib.inflateRawSync(Buffer.from(back.searchParams.get("SAMLResponse"), "base64")).toString("utf8");
  assert.match(xml, new RegExp(`InResponseTo="${requestId}"`));
  assert.match(xml, /status:Success/);
  const query = Object.fromEntries(back.searchParams);
  const result = await sp.validateRedirectAsync(query, back.search.slice(1));
  assert.equal(result.loggedOut, true);

  const next = await browser.follow(await sp.getAuthorizeUrlAsync("relay-state-6", undefined, {}));
  assert.ok(isSignInPage(next), "after logout the password is asked again");
});

console.log(`${steps.length} SAML checks passed`);

// The OpenID Connect provider of the tests: the npm package oidc-provider on
// 127.0.0.1 (a free port), with one client registered for the portal. Code flow
// with PKCE S256 required, userinfo, JWKS, RP-initiated logout; the groups go
// in the ID token, as Entra ID sends them.
//
// The tests steer it through /__test/ (see tests/oidc/__init__.py):
//   POST /__test/person {claims}  who signs in at the next login (no login form:
//                                 the interaction signs that person in at once)
//   POST /__test/fault {fault}    the next token response's ID token is spoiled:
//                                 issuer, audience, expired, signature or nonce
//   GET  /__test/ended            the accounts whose provider session was ended
//   POST /__test/reset            forget all of the above
//
// Prints {issuer, client_id, client_secret} on one line of stdout once it
// listens, and nothing else there (the package's notices go to stderr).

import http from 'node:http';

import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import Provider, { interactionPolicy } from 'oidc-provider';

const CLIENT_ID = 'oxlo-portal-test';
const CLIENT_SECRET = 'test-client-secret-0123456789';
// The portal's callback, served by the live server (a port per run) or by Django's
// test client (http://testserver); its logout returns to the same origins.
const PORTAL = /^http:\/\/((127\.0\.0\.1|localhost):\d+|testserver)\//;
const CALLBACK_PATH = '/kommunekonto/svar/';
const KID = 'oxlo-test-key';

console.info = console.error; // stdout is the one line above

const accounts = new Map(); // sub -> the claims the tests gave
let person = null; // the sub of who signs in next
let fault = '';
const ended = [];

const signing = await generateKeyPair('RS256', { extractable: true });
const stranger = await generateKeyPair('RS256'); // signs the "signature" fault

const server = http.createServer();
await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
const issuer = `http://127.0.0.1:${server.address().port}`;

// Sign in whoever the tests named, unless this session is already theirs.
const policy = interactionPolicy.base();
policy.get('login').checks.add(new interactionPolicy.Check(
  'oxlo_named_person',
  'the tests named another person to sign in',
  (ctx) => (person !== null && ctx.oidc.session.accountId !== person),
));

const provider = new Provider(issuer, {
  clients: [{
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uris: [`http://testserver${CALLBACK_PATH}`],
    post_logout_redirect_uris: ['http://testserver/logg-inn/'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  jwks: { keys: [{ ...(await exportJWK(signing.privateKey)), kid: KID, alg: 'RS256', use: 'sig' }] },
  cookies: { keys: ['oxlo-test-cookie-key'] },
  pkce: { methods: ['S256'], required: () => true },
  claims: {
    openid: ['sub', 'groups'],
    email: ['email'],
    profile: ['given_name', 'family_name', 'preferred_username'],
  },
  conformIdTokenClaims: false, // the claims go in the ID token, as Entra ID's do
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true, logoutSource: submitAtOnce },
  },
  interactions: { policy, url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  // A first-party client: no consent screen (an administrator consented for all).
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
    await grant.save();
    return grant;
  },
  async findAccount(ctx, sub) {
    const claims = accounts.get(sub);
    return claims && { accountId: sub, claims: () => ({ ...claims, sub }) };
  },
});

provider.Client.prototype.redirectUriAllowed = (uri) => (
  PORTAL.test(uri) && new URL(uri).pathname === CALLBACK_PATH);
provider.Client.prototype.postLogoutRedirectUriAllowed = (uri) => PORTAL.test(uri);

provider.on('end_session.success', (ctx) => {
  if (ctx.oidc.session.accountId) ended.push(ctx.oidc.session.accountId);
});

// The logout page confirms at once (the portal already asked the person).
async function submitAtOnce(ctx, form) {
  ctx.body = `<!DOCTYPE html><html lang="nb"><head><title>Logger ut</title></head>
<body>${form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>')}
<script>document.forms[0].submit()</script></body></html>`;
}

// One token response with a spoiled ID token, when the tests asked for it.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || ctx.status !== 200 || !fault) return;
  const claims = decodeJwt(ctx.body.id_token);
  const now = Math.floor(Date.now() / 1000);
  let key = signing.privateKey;
  if (fault === 'issuer') claims.iss = 'http://127.0.0.1:1/annen-utsteder';
  if (fault === 'audience') claims.aud = 'en-annen-klient';
  if (fault === 'expired') Object.assign(claims, { iat: now - 3600, exp: now - 1800 });
  if (fault === 'nonce') claims.nonce = 'en-annen-nonce';
  if (fault === 'signature') key = stranger.privateKey;
  fault = '';
  ctx.body.id_token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: KID }).sign(key);
});

async function readJson(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body ? JSON.parse(body) : {};
}

function answer(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const control = {
  'POST /__test/person': async (req, res) => {
    const { claims } = await readJson(req);
    accounts.set(claims.sub, claims);
    person = claims.sub;
    answer(res, 200, {});
  },
  'POST /__test/fault': async (req, res) => {
    ({ fault } = await readJson(req));
    answer(res, 200, {});
  },
  'GET /__test/ended': async (req, res) => answer(res, 200, ended),
  'POST /__test/reset': async (req, res) => {
    accounts.clear();
    person = null;
    fault = '';
    ended.length = 0;
    answer(res, 200, {});
  },
};

// The login interaction: the person the tests named, without a form.
async function signInNamedPerson(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name !== 'login' || person === null) {
    answer(res, 400, { error: 'no person named to sign in (sso.sign_in_as)' });
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: person } }, {
    mergeWithLastSubmission: false,
  });
}

const serveProvider = provider.callback();
server.on('request', (req, res) => {
  const { pathname } = new URL(req.url, issuer);
  const handler = control[`${req.method} ${pathname}`]
    || (pathname.startsWith('/interaction/') && signInNamedPerson);
  if (!handler) return serveProvider(req, res);
  return handler(req, res).catch((error) => answer(res, 500, { error: String(error) }));
});

// The tests hold stdin open: when they end, however they end, so does this.
process.stdin.on('end', () => process.exit(0)).resume();

process.stdout.write(`${JSON.stringify({
  issuer, client_id: CLIENT_ID, client_secret: CLIENT_SECRET,
})}\n`);

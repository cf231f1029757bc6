// Client side of the latency benchmark for the NAIVE way: what a developer writes in an
// afternoon with the same libraries, one step after the other: msal-node for a token
// (client credentials, fresh instance, skipCache), then nodemailer on 587 with STARTTLS and
// XOAUTH2 (verify = connect, EHLO, STARTTLS, EHLO, AUTH). No login-host probe, no SMTP probe,
// no claims checks. It is given the same authority metadata as our engine (so MSAL does not
// look for the internet), and trusts the practice CA through NODE_EXTRA_CA_CERTS, which the
// caller sets. ONE run per process, as a script is run: the libraries are imported before the
// clock starts, but nothing is warm (a second run in the same process would reuse the global
// fetch dispatcher's keep-alive connection to the token endpoint and skip its TCP and TLS
// round trips, which neither ISE nor a fresh script gets). Prints one JSON line.
//
// Usage: NODE_EXTRA_CA_CERTS=<ca.pem> node bench/naive-diagnose.mjs  < far-side.json
import { readFileSync } from 'node:fs';
import { ConfidentialClientApplication } from '@azure/msal-node';
import nodemailer from 'nodemailer';

const far = JSON.parse(readFileSync(0, 'utf8'));
const { tenantId, clientId, clientSecret, mailbox } = far.credentials;
const host = new URL(far.authorityHost).host;
const base = `${far.authorityHost}/${tenantId}`;

async function once() {
  const started = performance.now();
  const app = new ConfidentialClientApplication({
    auth: {
      clientId,
      clientSecret,
      authority: base,
      knownAuthorities: [host],
      authorityMetadata: JSON.stringify({
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        issuer: `${base}/v2.0`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
      }),
      cloudDiscoveryMetadata: JSON.stringify({
        tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      }),
    },
  });
  const token = await app.acquireTokenByClientCredential({ scopes: ['https://outlook.office.com/.default'], skipCache: true });
  const transport = nodemailer.createTransport({
    host: far.smtpHost,
    port: far.smtpPort,
    secure: false,
    requireTLS: true,
    auth: { type: 'OAuth2', user: mailbox, accessToken: token.accessToken },
  });
  try {
    const ok = await transport.verify();
    return { ms: performance.now() - started, ok };
  } finally {
    transport.close();
  }
}

process.stdout.write(JSON.stringify(await once()) + '\n');

// Browser mode (`serve`) for the wizard benchmark (bench/ui.mjs), the way `ise-smtp-oauth serve`
// assembles it, except that its practice tenant is the far side of the latency benchmark
// (practice-net.ts: the practice tenant in its own process behind the 40 ms relays), so the
// wizard's Check goes over the emulated round trips. Reads the far side's JSON line on stdin,
// prints "…the wizard is at <url>" as serve does, and serves until SIGTERM.
//
// Usage: node --import tsx bench/serve-relayed.ts <dataDir>  < far-side.json
import { readFileSync } from 'node:fs';
import { createHandlers } from '../electron/core/handlers';
import type { PracticeEndpoints, PracticeHost } from '../electron/core/handlers/practice-tenant';
import { findRendererDir } from '../electron/cli/renderer-dir';
import { APP_VERSION } from '../electron/cli/version';
import { startBrowserMode } from '../electron/serve';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: serve-relayed.ts <dataDir>  < far-side.json');
const far = JSON.parse(readFileSync(0, 'utf8')) as { authorityHost: string; smtpHost: string; smtpPort: number; caFile: string; credentials: ReturnType<PracticeEndpoints['credentials']> };
const endpoints: PracticeEndpoints = {
  authorityHost: far.authorityHost,
  smtpHost: far.smtpHost,
  smtpPort: far.smtpPort,
  caPem: readFileSync(far.caFile, 'utf8'),
  scenario: 'healthy',
  credentials: () => far.credentials,
  setScenario: () => {
    throw new Error('the benchmark keeps the healthy scenario');
  },
};
const practiceHost: PracticeHost = { running: true, get: async () => endpoints, close: async () => undefined };
const rendererDir = findRendererDir();
if (!rendererDir) throw new Error('the user interface is not built: run `npm run build` first');
const handlers = createHandlers({ dataDir, version: APP_VERSION, shell: 'browser', practice: true, practiceHost });
const server = await startBrowserMode({ handlers, rendererDir, port: 0 });
process.stdout.write(`ise-smtp-oauth: the wizard is at ${server.url}\n`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));

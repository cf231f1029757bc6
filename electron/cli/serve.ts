import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { createHandlers } from '../core/handlers';
import { findRendererDir } from './renderer-dir';
import { openInBrowser } from './open-browser';
import { startBrowserMode } from '../serve';
import { APP_VERSION } from './version';
import { resolveDataDir } from '../core/profiles/data-dir';
import { createPracticeHost } from '../practice/host';

/** `ise-smtp-oauth serve [--port N] [--practice] [--no-open]`: the wizard in a browser. */
const USAGE = `usage: ise-smtp-oauth serve [--port N] [--practice] [--no-open] [--data-dir DIR]
  Serves the wizard on http://127.0.0.1 (browser mode) and prints the URL to open (with its access token).
  --port N     listen on N (default: a free port)
  --practice   start the built-in practice tenant too
  --no-open    do not open the browser
`;

export const serveCommand: CliCommand = {
  usage: USAGE,
  summary: 'serve the wizard on http://127.0.0.1 (browser mode) [--port N] [--practice] [--no-open]',
  async run(argv) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          port: { type: 'string' },
          practice: { type: 'boolean', default: false },
          'no-open': { type: 'boolean', default: false },
          'data-dir': { type: 'string' },
        },
        strict: true,
      }));
    } catch (err) {
      process.stderr.write(`ise-smtp-oauth serve: ${(err as Error).message}\n`);
      return 2;
    }
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      process.stderr.write('ise-smtp-oauth serve: --port must be a port number from 0 to 65535\n');
      return 2;
    }
    const rendererDir = findRendererDir();
    if (!rendererDir) {
      process.stderr.write('ise-smtp-oauth serve: the user interface is not built: run `npm run build` first\n');
      return 2;
    }
    const dataDir = resolveDataDir(values['data-dir']);
    const practiceHost = createPracticeHost(dataDir);
    if (values.practice) {
      try {
        await practiceHost.get();
      } catch (err) {
        process.stderr.write(`ise-smtp-oauth serve: the practice tenant could not start (${(err as Error).message})\n`);
        return 1;
      }
    }
    const handlers = createHandlers({ dataDir, version: APP_VERSION, shell: 'browser', practice: values.practice, practiceHost, openExternal: async (url) => void (await openInBrowser(url)) });
    let server;
    try {
      server = await startBrowserMode({ handlers, rendererDir, port });
    } catch (err) {
      process.stderr.write(`ise-smtp-oauth serve: cannot listen on 127.0.0.1:${port} (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`);
      return 2;
    }
    process.stdout.write(`ise-smtp-oauth: the wizard is at ${server.url}\n`);
    if (!values['no-open'] && !(await openInBrowser(server.url))) {
      process.stdout.write('ise-smtp-oauth: no browser could be opened here: open the URL above yourself\n');
    }
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    await practiceHost.close();
    return 0;
  },
};

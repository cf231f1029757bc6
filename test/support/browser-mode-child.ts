/**
 * Browser mode in a child process, so a test can lower its file-descriptor limit (`ulimit -n`)
 * and see whether it survives what the test throws at it (a crash ends this process, not the
 * test runner). argv[2]: JSON {rendererDir, limits?}. Prints one JSON line {port, token}; stays
 * up until killed. Every API call answers `{}` (the test checks that calls are served, not what
 * they do).
 */
import type { Handlers } from '../../electron/core/handlers/dispatch';
import { startBrowserMode, type ConnectionLimits } from '../../electron/serve';

const args = JSON.parse(process.argv[2] ?? '{}') as { rendererDir: string; limits?: Partial<ConnectionLimits> };
const handlers = new Proxy({} as Handlers, { get: () => async () => ({}) });
const server = await startBrowserMode({ handlers, rendererDir: args.rendererDir, port: 0, token: 'child-token', ...(args.limits ? { limits: args.limits } : {}) });
process.stdout.write(`${JSON.stringify({ port: server.port, token: server.token })}\n`);

import { defineConfig } from 'vitest/config';

// Unit and integration tests run in plain Node (no Electron): forks, so that environment
// such as NODE_EXTRA_CA_CERTS set per file applies before the process starts.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist' },
  },
});

/**
 * The flags that say how to reach ISE's two endpoints from this laptop, shared by every
 * command that goes on the network (`diagnose`, `certs`), so they read the same everywhere.
 */
export const NETWORK_FLAG_OPTIONS = {
  'authority-host': { type: 'string' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  proxy: { type: 'string' },
  'ca-file': { type: 'string' },
  timeout: { type: 'string' },
} as const;

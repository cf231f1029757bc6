/**
 * The profiles file's schema versions. The file keeps the version it was last migrated to in
 * `__internal__.migrations.version` (semver, where conf keeps it: the first versions were
 * written by conf); our schema version N is version `N.0.0`.
 * To change the file format: bump PROFILES_SCHEMA_VERSION, add a migration keyed by the new
 * `N.0.0` that rewrites the old shape in place, and add a test from a hand-written old file.
 */
export const PROFILES_SCHEMA_VERSION = 1;
export const PROFILES_CONF_VERSION = `${PROFILES_SCHEMA_VERSION}.0.0`;

/**
 * Version 0 was the prototype's file (before migrations existed, so it has no `__internal__`):
 * profiles in an object keyed by id, short field names, no timestamps, e.g.
 * `{"profiles": {"<id>": {"name": "Contoso", "tenant": "…", "client": "…", "mailbox": "…",
 * "expiry": "2026-01-31", "spObjectId": "…", "rbac": true}}}`.
 */
interface V0Profile {
  name?: unknown;
  customer?: unknown;
  tenant?: unknown;
  client?: unknown;
  mailbox?: unknown;
  expiry?: unknown;
  spObjectId?: unknown;
  rbac?: unknown;
  ise?: unknown;
  created?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** The file's top level as a migration sees it (conf's get/set, which the first migrations ran under). */
export interface MigrationStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** v0 → v1: an array of full profiles with the field names of shared/contract/profiles.ts. */
export function migrateV0toV1(store: MigrationStore, now: string): void {
  const old = store.get('profiles');
  if (Array.isArray(old)) return; // already the v1 shape (a new, empty store starts here too)
  // Neither v1's list nor v0's map (e.g. `"profiles": "x"`): refuse, so the file is kept aside
  // byte for byte instead of being rewritten as an empty store.
  if (old !== undefined && (old === null || typeof old !== 'object')) throw new Error('profiles is neither a list nor a v0 map');
  const entries = old && typeof old === 'object' ? Object.entries(old as Record<string, V0Profile>) : [];
  const profiles = entries.map(([id, p]) => {
    const created = str(p.created) ?? now;
    return {
      id,
      name: str(p.name) ?? 'Unnamed profile',
      customer: str(p.customer) ?? '',
      iseVersion: str(p.ise) ?? '',
      mailbox: str(p.mailbox),
      tenantId: str(p.tenant),
      clientId: str(p.client),
      ...(str(p.expiry) ? { secretExpiry: str(p.expiry) } : {}),
      route: p.rbac === true ? 'app-rbac' : 'classic',
      ...(str(p.spObjectId) ? { servicePrincipalObjectId: str(p.spObjectId) } : {}),
      practice: false,
      createdAt: created,
      updatedAt: now,
      lastVerification: null,
    };
  });
  store.set('profiles', profiles);
  store.set('schemaVersion', 1);
}

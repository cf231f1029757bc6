import { ProfileStore } from './store';
import { Vault } from '../vault/vault';
import { ProfileService, type ProfileServices } from './profile-service';

// One vault per process: its session store must outlive a single call (desktop app session).
let processVault: Vault | undefined;
const stores = new Map<string, ProfileStore>();

/** The vault of this process (the keychain, or the session store when the keychain is down). */
export function sharedVault(): Vault {
  processVault ??= new Vault();
  return processVault;
}

/** The store and vault for a data folder, created once per process and folder. */
export function defaultProfileServices(dataDir: string): ProfileServices {
  let store = stores.get(dataDir);
  if (!store) {
    store = new ProfileStore({ dataDir });
    stores.set(dataDir, store);
  }
  return { store, vault: sharedVault() };
}

/**
 * The profile service a handler domain uses: the given services (tests), else this process's
 * defaults for the data folder, created on the first call that needs them.
 */
export function lazyProfileService(dataDir: string, services?: ProfileServices): () => ProfileService {
  let service: ProfileService | undefined;
  return () => (service ??= new ProfileService(services ?? defaultProfileServices(dataDir)));
}

import { ProfileStore } from './store';
import { Vault } from '../vault/vault';
import type { ProfileServices } from './service';

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

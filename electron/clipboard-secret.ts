import type { Handlers } from './core/handlers/dispatch';

/** The part of Electron's clipboard this needs (injected, so it is tested in plain Node). */
export interface SecretClipboard {
  writeText(text: string): void;
  readText(): string;
  clear(): void;
}

/**
 * The desktop app's copyClientSecret: main takes the secret from the core handler, writes the
 * clipboard itself and answers only "copied", so the secret never crosses to the page. After
 * the delay the clipboard is cleared if it still holds the secret (a later copy is left alone).
 */
export function clipboardSecretHandler(
  core: Handlers['copyClientSecret'],
  clipboard: SecretClipboard,
  schedule: (fn: () => void, ms: number) => unknown = (fn, ms) => setTimeout(fn, ms).unref(),
): Handlers['copyClientSecret'] {
  return async (input) => {
    const result = await core(input);
    if (result.mode !== 'deliver') return result;
    const { secret, clearAfterSeconds } = result;
    clipboard.writeText(secret);
    schedule(() => {
      if (clipboard.readText() === secret) clipboard.clear();
    }, clearAfterSeconds * 1000);
    return { mode: 'copied', clearAfterSeconds };
  };
}

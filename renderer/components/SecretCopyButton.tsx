import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../client';
import { callErrorText } from '../profiles/callErrorText';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'copied'; by: 'app' | 'page'; seconds: number }
  | { kind: 'cleared' }
  | { kind: 'notCleared' }
  | { kind: 'failed'; reason: string };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', minWidth: 0 },
});

/**
 * Clears the clipboard after the delay if it still holds the secret. Module-level, so leaving
 * the step does not cancel it. When the browser will not let the page read the clipboard, it
 * clears it anyway: a secret left there is worse than losing a later copy.
 */
function scheduleClear(secret: string, seconds: number, done: (cleared: boolean) => void): void {
  setTimeout(() => {
    void (async () => {
      try {
        let current: string | undefined;
        try {
          current = await navigator.clipboard.readText();
        } catch {
          current = undefined;
        }
        if (current === undefined || current === secret) await navigator.clipboard.writeText('');
        done(true);
      } catch {
        done(false);
      }
    })();
  }, seconds * 1000);
}

/**
 * The Client Secret's copy button on the ISE sheet. It never copies a placeholder: it asks main
 * for the stored secret on this click only. In the desktop app main writes the clipboard itself;
 * in browser mode the one call that returns the secret hands it to this page, which writes it to
 * the clipboard and keeps no copy but the one the clear timer needs.
 */
export function SecretCopyButton({ profileId, secretStored, children }: { profileId: string | undefined; secretStored: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  const set = (s: State) => mounted.current && setState(s);
  const available = Boolean(profileId) && secretStored;

  const copy = async () => {
    if (!profileId) return;
    set({ kind: 'busy' });
    const r = await call('copyClientSecret', { profileId });
    if (!r.ok) return set({ kind: 'failed', reason: callErrorText(t, r.error) });
    if (r.value.mode === 'copied') {
      return set({ kind: 'copied', by: 'app', seconds: r.value.clearAfterSeconds ?? 0 });
    }
    const { secret, clearAfterSeconds } = r.value;
    try {
      await navigator.clipboard.writeText(secret);
    } catch (err) {
      return set({ kind: 'failed', reason: err instanceof Error ? err.message : String(err) });
    }
    set({ kind: 'copied', by: 'page', seconds: clearAfterSeconds });
    scheduleClear(secret, clearAfterSeconds, (cleared) => set({ kind: cleared ? 'cleared' : 'notCleared' }));
  };

  const message =
    !available ? t('ux.secret.notStored')
    : state.kind === 'copied' ? t(state.by === 'app' ? 'ux.secret.copiedDesktop' : 'ux.secret.copiedBrowser', { seconds: state.seconds })
    : state.kind === 'cleared' ? t('ux.secret.cleared')
    : state.kind === 'notCleared' ? t('ux.secret.notCleared')
    : state.kind === 'failed' ? t('ux.secret.failed', { reason: state.reason })
    : '';
  return (
    <div className={styles.root}>
      <div className={styles.row}>
      {children}
      <Button
        size="small"
        type="button"
        aria-label={t('ux.secret.copyLabel')}
        aria-describedby="secret-copy-status"
        data-testid="copy-client-secret"
        disabled={!available || state.kind === 'busy'}
        onClick={() => void copy()}
      >
        {state.kind === 'copied' ? t('wizard.common.copied') : t('wizard.common.copy')}
      </Button>
      </div>
      <Text id="secret-copy-status" size={200} aria-live="polite" data-testid="secret-copy-status" data-state={available ? state.kind : 'notStored'}>
        {message}
      </Text>
    </div>
  );
}

import { Button, Field, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle1, Textarea, tokens } from '@fluentui/react-components';
import { type FormEvent } from 'react';
import { useSessionState } from './sessionState';
import { useTranslation } from 'react-i18next';
import type { ErrorLookupMatch } from '../../shared/contract/troubleshoot';
import { call } from '../client';
import { FindingCard } from '../components/FindingCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyle: 'none' },
});

type LookupState = { state: 'idle' } | { state: 'busy' } | { state: 'done'; matches: ErrorLookupMatch[] } | { state: 'error'; message: string };

/** "Paste what ISE says": the Test Connection text or a Java exception → the findings, most likely first. */
export function ErrorLookup() {
  const { t } = useTranslation();
  const styles = useStyles();
  // Kept for the session: the pasted text and its answer survive leaving the screen.
  const [text, setText] = useSessionState('lookup.text', '');
  const [result, setResult] = useSessionState<LookupState>('lookup.result', { state: 'idle' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setResult({ state: 'busy' });
    const r = await call('lookupError', { text: text.slice(0, 100_000) });
    setResult(r.ok ? { state: 'done', matches: r.value.matches } : { state: 'error', message: r.error.message });
  };
  return (
    <section className={styles.root} aria-labelledby="lookup-heading">
      <Subtitle1 as="h2" id="lookup-heading">
        {t('troubleshootScreen.lookup.heading')}
      </Subtitle1>
      <form className={styles.root} onSubmit={(e) => void submit(e)}>
        <Field label={t('troubleshootScreen.lookup.label')} hint={t('troubleshootScreen.lookup.hint')}>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={4} />
        </Field>
        <div>
          <Button appearance="primary" type="submit" disabled={!text.trim() || result.state === 'busy'}>
            {t('troubleshootScreen.lookup.submit')}
          </Button>
        </div>
      </form>
      {result.state === 'busy' && <Spinner size="tiny" label={t('troubleshootScreen.lookup.busy')} />}
      {result.state === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{result.message}</MessageBarBody>
        </MessageBar>
      )}
      {result.state === 'done' && result.matches.length === 0 && (
        <MessageBar intent="info" data-testid="lookup-none">
          <MessageBarBody>{t('troubleshootScreen.lookup.none')}</MessageBarBody>
        </MessageBar>
      )}
      {result.state === 'done' && result.matches.length > 0 && (
        <ol className={styles.results} aria-label={t('troubleshootScreen.lookup.results')} data-testid="lookup-results">
          {result.matches.map((m) => (
            <li key={m.code}>
              <FindingCard code={m.code} step={m.step} severity={m.severity} evidence={m.evidence} headingLevel="h3" />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

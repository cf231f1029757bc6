import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FleetRow } from '../../shared/contract/fleet';
import { call } from '../client';

const useStyles = makeStyles({ root: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' } });

/**
 * "Check all": the fleet check of every profile (fresh token, SMTP AUTH, expiry), run in main
 * with bounded concurrency; the rows then show each profile's result (LastCheck).
 */
export function FleetCheckBar({ onRows }: { onRows(rows: FleetRow[]): void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'running' } | { kind: 'done'; text: string; failed: boolean } | { kind: 'error' }>({ kind: 'idle' });
  const run = async () => {
    setState({ kind: 'running' });
    const r = await call('fleetCheck', {});
    if (!r.ok) return setState({ kind: 'error' });
    onRows(r.value.rows);
    const c = r.value.summary.counts;
    setState({
      kind: 'done',
      failed: (c.failed ?? 0) > 0,
      text: t('perf.fleet.summary', { total: r.value.rows.length, healthy: c.healthy ?? 0, warning: c.warning ?? 0, failed: c.failed ?? 0, notChecked: c['not-checked'] ?? 0 }),
    });
  };
  return (
    <div className={styles.root}>
      <Button onClick={() => void run()} disabled={state.kind === 'running'} data-testid="check-all">
        {t('perf.fleet.checkAll')}
      </Button>
      {state.kind === 'running' && <Spinner size="tiny" label={t('perf.fleet.checking')} />}
      {state.kind === 'done' && (
        <MessageBar intent={state.failed ? 'warning' : 'success'} data-testid="fleet-summary">
          <MessageBarBody>{state.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{t('perf.fleet.failedToRun')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

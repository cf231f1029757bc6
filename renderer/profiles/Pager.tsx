import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({ root: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' } });

/** Previous / next over pages of `size` profiles; shown only when there is more than one page. */
export function Pager({ offset, size, total, onOffset }: { offset: number; size: number; total: number; onOffset(offset: number): void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (total <= size) return null;
  return (
    <nav className={styles.root} aria-label={t('perf.pager.label')} data-testid="profiles-pager">
      <Button size="small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - size))}>
        {t('perf.pager.previous')}
      </Button>
      <Body1 data-testid="profiles-range">{t('perf.pager.range', { from: offset + 1, to: Math.min(total, offset + size), total })}</Body1>
      <Button size="small" disabled={offset + size >= total} onClick={() => onOffset(offset + size)}>
        {t('perf.pager.next')}
      </Button>
    </nav>
  );
}

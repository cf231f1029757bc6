import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { FleetResult, FleetRow } from '../../shared/contract/fleet';
import type { ProfileView } from '../../shared/contract/profiles';
import { relativeTimeFormat } from '../i18n/formatters';
import type { BadgeProps } from './ProfileBadges';

const COLOR: Record<FleetResult, 'success' | 'warning' | 'danger' | 'informative'> = { healthy: 'success', warning: 'warning', failed: 'danger', 'not-checked': 'informative' };

// "Healthy, 59 seconds ago" is longer than the Verification column is wide at 1024 px and in
// German: the pill grows to two lines instead of letting the text spill out of its fixed height.
const useStyles = makeStyles({
  grow: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'start', paddingBlock: tokens.spacingVerticalXXS },
});

/** "3 hours ago" in the UI's language (Intl picks the words and the plural). */
export function ageText(iso: string, language: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const rtf = relativeTimeFormat(language, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

/** The newer of the profile's last fleet check and its last full verification, as a fleet result. */
export function lastCheckOf(profile: ProfileView, row: FleetRow | undefined): { result: FleetResult; at: string; reason?: FleetRow['notCheckedReason'] } | null {
  const v = profile.lastVerification;
  const fromVerification = v ? { result: (v.ok ? (v.findings.some((f) => f.severity === 'warning') ? 'warning' : 'healthy') : 'failed') as FleetResult, at: v.startedAt } : null;
  const fromFleet = row ? { result: row.result, at: row.checkedAt, ...(row.notCheckedReason ? { reason: row.notCheckedReason } : {}) } : null;
  if (!fromVerification) return fromFleet;
  if (!fromFleet) return fromVerification;
  return fromFleet.at >= fromVerification.at ? fromFleet : fromVerification;
}

/** The Profiles table's "Last check" cell: the result and how long ago. */
export function LastCheck({ profile, row, t, language }: BadgeProps & { row: FleetRow | undefined }) {
  const styles = useStyles();
  const last = lastCheckOf(profile, row);
  if (!last) return <span data-testid="last-check">{t('perf.fleet.never')}</span>;
  const result = t(`perf.fleet.result.${last.result}`);
  const title = last.reason ? t(`perf.fleet.notCheckedReason.${last.reason}`) : undefined;
  return (
    <Badge appearance="tint" color={COLOR[last.result]} className={styles.grow} data-testid="last-check" data-result={last.result} {...(title ? { title } : {})}>
      {t('perf.fleet.resultWithAge', { result, age: ageText(last.at, language) })}
    </Badge>
  );
}

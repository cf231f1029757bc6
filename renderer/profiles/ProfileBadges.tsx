import { Badge, makeStyles } from '@fluentui/react-components';
import i18next, { type TFunction } from 'i18next';
import type { ProfileView } from '../../shared/contract/profiles';
import { DescriptionTooltipOnDemand } from '../components/DescriptionTooltipOnDemand';
import { formatDate } from '../i18n/format';

// The rows' two date formats (a bare day, a date-time) are built when this chunk loads, which the
// shell does at idle before the first click on "Profiles": building them took 6-12 ms of its first draw.
formatDate('2000-01-01', i18next.language);
formatDate('2000-01-01T00:00:00Z', i18next.language);

// A badge has a fixed height: its text must stay on one line.
const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap' } });

/**
 * What every badge of a row is given: the row's `t` and language. The row calls useTranslation
 * once for all of them; each call copies the i18next instance, and six per row were 15 ms of
 * the Profiles screen's first draw (issue 16.2).
 */
export interface BadgeProps {
  profile: ProfileView;
  t: TFunction;
  language: string;
}

/** Days left until the client secret expires: a warning badge at ≤ 30, an urgent one at ≤ 7 and once expired. */
export function ExpiryBadge({ profile, t, language }: BadgeProps) {
  const styles = useStyles();
  const status = profile.secretExpiryStatus;
  if (!status) return <Badge className={styles.badge} appearance="outline" color="informative">{t('profiles.expiry.unknown')}</Badge>;
  const label =
    status.level === 'expired' ? t('profiles.expiry.expiredAgo', { count: -status.daysLeft }) : t('profiles.expiry.daysLeft', { count: status.daysLeft });
  const color = status.level === 'ok' ? 'success' : status.level === 'warn30' ? 'warning' : 'danger';
  return (
    <DescriptionTooltipOnDemand content={`Expiry Date ${profile.secretExpiry ? formatDate(profile.secretExpiry, language) : ''}`}>
      <Badge className={styles.badge} appearance={status.level === 'ok' ? 'tint' : 'filled'} color={color} data-level={status.level}>
        {label}
      </Badge>
    </DescriptionTooltipOnDemand>
  );
}

/** The last full verification: when it ran and whether it passed. */
export function VerifiedBadge({ profile, t, language }: BadgeProps) {
  const styles = useStyles();
  const report = profile.lastVerification;
  if (!report) return <Badge className={styles.badge} appearance="outline" color="informative">{t('profiles.verified.never')}</Badge>;
  const date = formatDate(report.startedAt, language);
  return (
    <Badge className={styles.badge} appearance="tint" color={report.ok ? 'success' : 'danger'}>
      {t(report.ok ? 'profiles.verified.passed' : 'profiles.verified.failed', { date })}
    </Badge>
  );
}

/** Whether a client secret is stored and where, never any part of the secret (its expiry has its own badge). */
export function SecretBadge({ profile, t }: Omit<BadgeProps, 'language'>) {
  const styles = useStyles();
  if (!profile.secretStored) return <Badge className={styles.badge} appearance="outline" color="warning" data-testid="secret-badge">{t('profiles.secret.missing')}</Badge>;
  return (
    <Badge className={styles.badge} appearance="outline" color={profile.secretStorage === 'session' ? 'warning' : 'informative'} data-testid="secret-badge">
      {t(profile.secretStorage === 'session' ? 'uxTrouble.secret.session' : 'uxTrouble.secret.keychain')}
    </Badge>
  );
}

import { Badge, makeStyles, Tooltip } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../shared/contract/profiles';
import { formatDate } from '../i18n/format';

// A badge has a fixed height: its text must stay on one line.
const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap' } });

/** Days left until the client secret expires: a warning badge at ≤ 30, an urgent one at ≤ 7 and once expired. */
export function ExpiryBadge({ profile }: { profile: ProfileView }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const status = profile.secretExpiryStatus;
  if (!status) return <Badge className={styles.badge} appearance="outline" color="informative">{t('profiles.expiry.unknown')}</Badge>;
  const label =
    status.level === 'expired' ? t('profiles.expiry.expiredAgo', { count: -status.daysLeft }) : t('profiles.expiry.daysLeft', { count: status.daysLeft });
  const color = status.level === 'ok' ? 'success' : status.level === 'warn30' ? 'warning' : 'danger';
  return (
    <Tooltip content={`Expiry Date ${profile.secretExpiry ? formatDate(profile.secretExpiry, i18n.language) : ''}`} relationship="description">
      <Badge className={styles.badge} appearance={status.level === 'ok' ? 'tint' : 'filled'} color={color} data-level={status.level}>
        {label}
      </Badge>
    </Tooltip>
  );
}

/** The last full verification: when it ran and whether it passed. */
export function VerifiedBadge({ profile }: { profile: ProfileView }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const report = profile.lastVerification;
  if (!report) return <Badge className={styles.badge} appearance="outline" color="informative">{t('profiles.verified.never')}</Badge>;
  const date = formatDate(report.startedAt, i18n.language);
  return (
    <Badge className={styles.badge} appearance="tint" color={report.ok ? 'success' : 'danger'}>
      {t(report.ok ? 'profiles.verified.passed' : 'profiles.verified.failed', { date })}
    </Badge>
  );
}

/** Whether a client secret is stored and where, never any part of the secret (its expiry has its own badge). */
export function SecretBadge({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (!profile.secretStored) return <Badge className={styles.badge} appearance="outline" color="warning" data-testid="secret-badge">{t('profiles.secret.missing')}</Badge>;
  return (
    <Badge className={styles.badge} appearance="outline" color={profile.secretStorage === 'session' ? 'warning' : 'informative'} data-testid="secret-badge">
      {t(profile.secretStorage === 'session' ? 'uxTrouble.secret.session' : 'uxTrouble.secret.keychain')}
    </Badge>
  );
}

import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../shared/contract';
import type { ProfileView } from '../../shared/contract/profiles';
import type { FleetRow } from '../../shared/contract/fleet';
import { MenuButtonOnDemand } from '../components/MenuButtonOnDemand';
import { ExportMenu } from './ExportMenu';
import { LastCheck } from './LastCheck';
import { ExpiryBadge, SecretBadge, VerifiedBadge } from './ProfileBadges';

/*
 * Four columns instead of nine, so the table fits from 1024×640 to 1920×1080 without clipping or
 * a sideways scroll: a profile's identity (name, customer, ISE version, mailbox) is read as one
 * thing, its secret with its expiry, its last verification with its last check. Texts that can
 * be long (names, mailboxes) wrap, even inside a word; badges and buttons never wrap, and the
 * columns holding them are only as wide as their widest badge or button.
 */
const useStyles = makeStyles({
  table: { tableLayout: 'auto', width: '100%' },
  // The actions stack under each other below 1280 px rather than widen the table.
  actions: {
    display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', paddingBlock: tokens.spacingVerticalXS,
    '@media (max-width: 1280px)': { flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalXXS },
  },
  badge: { whiteSpace: 'nowrap' },
  // Safety only: the layout is meant to fit (the e2e fails on any clipped cell or scroll here).
  scroller: { maxWidth: '100%', overflowX: 'auto' },
  identity: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere', paddingBlock: tokens.spacingVerticalXS },
  name: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  detail: { color: tokens.colorNeutralForeground3 },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalXS },
  narrow: { width: '1%' },
});

export type ProfileAction = 'rename' | 'duplicate' | 'secret' | 'delete';
type ExportResult = { ok: true; fileName: string } | { ok: false; error: CallError };

/** The profile list: one row per customer or site, with its state and its actions. */
export function ProfilesTable(props: {
  profiles: readonly ProfileView[];
  /** Each profile's last fleet check, by profile id. */
  lastChecks?: ReadonlyMap<string, FleetRow>;
  currentProfileId: string | null;
  onOpen(profileId: string): void;
  onAction(action: ProfileAction, profile: ProfileView): void;
  onExported(result: ExportResult): void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  // Rows are memoised (a reply that changes nothing else, e.g. the keychain status, redraws no row):
  // the callbacks they get stay the same while calling the latest props.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const onOpen = useCallback((id: string) => latest.current.onOpen(id), []);
  const onAction = useCallback((action: ProfileAction, profile: ProfileView) => latest.current.onAction(action, profile), []);
  const onExported = useCallback((r: ExportResult) => latest.current.onExported(r), []);
  return (
    <div className={styles.scroller}>
    <Table className={styles.table} aria-label={t('profiles.tableLabel')} data-testid="profiles-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('uxTrouble.profiles.profile')}</TableHeaderCell>
          <TableHeaderCell className={styles.narrow}>{t('uxTrouble.profiles.secret')}</TableHeaderCell>
          <TableHeaderCell className={styles.narrow}>{t('uxTrouble.profiles.status')}</TableHeaderCell>
          <TableHeaderCell className={styles.narrow}>{t('profiles.columns.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.profiles.map((p) => (
          <ProfileRow key={p.id} profile={p} lastCheck={props.lastChecks?.get(p.id)} current={p.id === props.currentProfileId} onOpen={onOpen} onAction={onAction} onExported={onExported} />
        ))}
      </TableBody>
    </Table>
    </div>
  );
}

/** One profile's row; memoised, so only rows whose profile or last check changed are drawn again. */
const ProfileRow = memo(function ProfileRow({ profile: p, lastCheck, current, onOpen, onAction, onExported }: {
  profile: ProfileView;
  lastCheck: FleetRow | undefined;
  current: boolean;
  onOpen(profileId: string): void;
  onAction(action: ProfileAction, profile: ProfileView): void;
  onExported(result: ExportResult): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const styles = useStyles();
  const details = [p.customer, p.iseVersion ? t('uxTrouble.profiles.ise', { version: p.iseVersion }) : ''].filter(Boolean).join(' · ');
  return (
    <TableRow key={p.id} data-testid="profile-row" data-profile-id={p.id} aria-current={current ? 'true' : undefined}>
      <TableCell>
        <div className={styles.identity}>
          <span className={styles.name}>
            <strong>{p.name}</strong>
            {current && <Badge className={styles.badge} appearance="tint" color="brand">{t('profiles.current')}</Badge>}
            {p.practice && <Badge className={styles.badge} appearance="outline">{t('profiles.practice')}</Badge>}
          </span>
          {details && <Caption1 className={styles.detail}>{details}</Caption1>}
          {p.mailbox && <Caption1 className={styles.detail}>{p.mailbox}</Caption1>}
        </div>
      </TableCell>
      <TableCell>
        <div className={styles.stack}>
          <SecretBadge profile={p} t={t} />
          <ExpiryBadge profile={p} t={t} language={language} />
        </div>
      </TableCell>
      <TableCell>
        <div className={styles.stack}>
          <VerifiedBadge profile={p} t={t} language={language} />
          <LastCheck profile={p} row={lastCheck} t={t} language={language} />
        </div>
      </TableCell>
      <TableCell>
        <div className={styles.actions}>
          <Button size="small" appearance={current ? 'secondary' : 'primary'} onClick={() => onOpen(p.id)} aria-label={t('profiles.actions.openFor', { name: p.name })}>
            {t('profiles.actions.open')}
          </Button>
          <ExportMenu profile={p} onDone={onExported} t={t} />
          <MenuButtonOnDemand
            label={t('profiles.actions.moreFor', { name: p.name })}
            items={() => (
              <>
                <MenuItem onClick={() => onAction('rename', p)}>{t('profiles.actions.rename')}</MenuItem>
                <MenuItem onClick={() => onAction('duplicate', p)}>{t('profiles.actions.duplicate')}</MenuItem>
                <MenuItem onClick={() => onAction('secret', p)}>{t('profiles.actions.setSecret')}</MenuItem>
                <MenuItem onClick={() => onAction('delete', p)}>{t('profiles.actions.deleteEllipsis')}</MenuItem>
              </>
            )}
          >
            {t('profiles.actions.more')}
          </MenuButtonOnDemand>
        </div>
      </TableCell>
    </TableRow>
  );
});

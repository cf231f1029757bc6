import {
  Badge,
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../shared/contract';
import type { ProfileView } from '../../shared/contract/profiles';
import type { FleetRow } from '../../shared/contract/fleet';
import { ExportMenu } from './ExportMenu';
import { LastCheck } from './LastCheck';
import { ExpiryBadge, SecretBadge, VerifiedBadge } from './ProfileBadges';

const useStyles = makeStyles({
  // Fluent's Table is fixed-layout (equal columns); the badges and the buttons need their own width.
  table: { tableLayout: 'auto' },
  // The actions wrap under each other in a narrow window rather than push the page sideways.
  actions: {
    display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', paddingBlock: tokens.spacingVerticalXS, minWidth: 'max-content',
    '@media (max-width: 1280px)': { flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalXXS },
  },
  badge: { whiteSpace: 'nowrap' },
  // The table scrolls inside its own box when it must; the page itself never scrolls sideways.
  scroller: { maxWidth: '100%', overflowX: 'auto' },
  name: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export type ProfileAction = 'rename' | 'duplicate' | 'secret' | 'delete';

/** The profile list: one row per customer or site, with its state and its actions. */
export function ProfilesTable(props: {
  profiles: readonly ProfileView[];
  /** Each profile's last fleet check, by profile id. */
  lastChecks?: ReadonlyMap<string, FleetRow>;
  currentProfileId: string | null;
  onOpen(profileId: string): void;
  onAction(action: ProfileAction, profile: ProfileView): void;
  onExported(result: { ok: true; fileName: string } | { ok: false; error: CallError }): void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
    <Table className={styles.table} aria-label={t('profiles.tableLabel')} data-testid="profiles-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('profiles.columns.name')}</TableHeaderCell>
          <TableHeaderCell>{t('profiles.columns.customer')}</TableHeaderCell>
          <TableHeaderCell>{t('profiles.columns.mailbox')}</TableHeaderCell>
          <TableHeaderCell>{t('profiles.columns.iseVersion')}</TableHeaderCell>
          <TableHeaderCell>{t('profiles.columns.secret')}</TableHeaderCell>
          <TableHeaderCell>{t('profiles.columns.expiry')}</TableHeaderCell>
          <TableHeaderCell>{t('profiles.columns.verified')}</TableHeaderCell>
          <TableHeaderCell>{t('perf.fleet.column')}</TableHeaderCell>
          <TableHeaderCell>{t('profiles.columns.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.profiles.map((p) => {
          const current = p.id === props.currentProfileId;
          return (
            <TableRow key={p.id} data-testid="profile-row" data-profile-id={p.id} aria-current={current ? 'true' : undefined}>
              <TableCell>
                <span className={styles.name}>
                  <strong>{p.name}</strong>
                  {current && <Badge className={styles.badge} appearance="tint" color="brand">{t('profiles.current')}</Badge>}
                  {p.practice && <Badge className={styles.badge} appearance="outline">{t('profiles.practice')}</Badge>}
                </span>
              </TableCell>
              <TableCell>{p.customer}</TableCell>
              <TableCell>{p.mailbox}</TableCell>
              <TableCell>{p.iseVersion}</TableCell>
              <TableCell>
                <SecretBadge profile={p} />
              </TableCell>
              <TableCell>
                <ExpiryBadge profile={p} />
              </TableCell>
              <TableCell>
                <VerifiedBadge profile={p} />
              </TableCell>
              <TableCell>
                <LastCheck profile={p} row={props.lastChecks?.get(p.id)} />
              </TableCell>
              <TableCell>
                <div className={styles.actions}>
                  <Button size="small" appearance={current ? 'secondary' : 'primary'} onClick={() => props.onOpen(p.id)} aria-label={t('profiles.actions.openFor', { name: p.name })}>
                    {t('profiles.actions.open')}
                  </Button>
                  <ExportMenu profile={p} onDone={props.onExported} />
                  <Menu>
                    <MenuTrigger disableButtonEnhancement>
                      <Button size="small" aria-label={t('profiles.actions.moreFor', { name: p.name })}>{t('profiles.actions.more')}</Button>
                    </MenuTrigger>
                    <MenuPopover>
                      <MenuList>
                        <MenuItem onClick={() => props.onAction('rename', p)}>{t('profiles.actions.rename')}</MenuItem>
                        <MenuItem onClick={() => props.onAction('duplicate', p)}>{t('profiles.actions.duplicate')}</MenuItem>
                        <MenuItem onClick={() => props.onAction('secret', p)}>{t('profiles.actions.setSecret')}</MenuItem>
                        <MenuItem onClick={() => props.onAction('delete', p)}>{t('profiles.actions.deleteEllipsis')}</MenuItem>
                      </MenuList>
                    </MenuPopover>
                  </Menu>
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
    </div>
  );
}

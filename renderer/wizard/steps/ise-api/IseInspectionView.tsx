import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IseImportReport, IseInspection } from '../../../../shared/contract/ise';
import { IseFindings } from './IseFindings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  scroll: { overflowX: 'auto' },
});

const CA_COLOR = { present: 'success', missing: 'danger', expired: 'warning' } as const;

/** What ISE's API said: verdict, who sends what with the real hostnames, proxy, guest sender, trusted store. */
export function IseInspectionView({
  inspection,
  onImport,
  importing,
  imported,
}: {
  inspection: IseInspection;
  onImport: () => void;
  importing: boolean;
  imported: IseImportReport | null;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [confirming, setConfirming] = useState(false);
  const i = inspection;
  const toImport = i.trustedStore.required.filter((c) => c.state !== 'present');
  const apiState = (s: string) => t(`iseApi.apiState.${s}`);

  return (
    <div className={styles.section} data-testid="ise-api-inspection">
      <Text data-testid="ise-api-apis">{t('iseApi.apis', { ers: apiState(i.apis.ers.state), openapi: apiState(i.apis.openapi.state) })}</Text>
      {i.apis.csrf && <Text size={200}>{t('iseApi.csrfUsed')}</Text>}
      {i.version && (
        <div aria-live="polite" data-testid="ise-api-verdict" data-state={i.verdict.state} data-version={i.version.text}>
          <Text>{t('iseApi.version', { version: i.version.version, patches: i.version.patches.join(', ') || t('iseApi.noPatches') })}</Text>
          <MessageBar intent={i.verdict.state === 'supported' ? 'success' : 'error'}>
            <MessageBarBody>
              {i.verdict.state === 'supported' ? t('iseApi.supported', { version: i.version.text }) : t('iseApi.unsupported', { version: i.version.text, required: i.verdict.required ?? '' })}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}

      {i.nodes.length > 0 && (
        <section className={styles.section} aria-labelledby="ise-api-nodes-heading">
          <Subtitle2 as="h3" id="ise-api-nodes-heading">
            {t('iseApi.nodesHeading')}
          </Subtitle2>
          <div className={styles.scroll}>
            <Table size="small" aria-labelledby="ise-api-nodes-heading" data-testid="ise-api-routes">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('iseApi.colMail')}</TableHeaderCell>
                  <TableHeaderCell>{t('iseApi.colNodes')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {i.mailRoutes.map((m) => (
                  <TableRow key={m.mail} data-mail={m.mail}>
                    <TableCell>{t(`wizard.ise.nodes.${m.mail}.mail`)}</TableCell>
                    <TableCell>{m.nodes.join(', ') || t('iseApi.noNode')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Table size="small" aria-label={t('iseApi.colNode')} data-testid="ise-api-nodes">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('iseApi.colNode')}</TableHeaderCell>
                  <TableHeaderCell>{t('iseApi.colPersonas')}</TableHeaderCell>
                  <TableHeaderCell>{t('iseApi.colStatus')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {i.nodes.map((n) => (
                  <TableRow key={n.hostname} data-testid="ise-api-node" data-hostname={n.hostname}>
                    <TableCell>
                      {n.hostname} <Text size={200}>{n.fqdn} {n.ipAddress}</Text>
                    </TableCell>
                    <TableCell>{n.personas.join(', ')}</TableCell>
                    <TableCell>{n.nodeStatus}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Text>{t('iseApi.mustReach', { targets: i.egress.map((e) => `${e.host}:${e.port}`).join(', ') })}</Text>
        </section>
      )}

      {i.proxy && (
        <section className={styles.section} aria-labelledby="ise-api-proxy-heading" data-testid="ise-api-proxy">
          <Subtitle2 as="h3" id="ise-api-proxy-heading">
            {t('iseApi.proxyHeading')}
          </Subtitle2>
          <Text>{i.proxy.configured ? t('iseApi.proxySet', { proxy: `${i.proxy.fqdn}:${i.proxy.port ?? ''}` }) : t('iseApi.proxyNone')}</Text>
          {i.proxy.bypassHosts.length > 0 && <Text>{t('iseApi.proxyBypass', { hosts: i.proxy.bypassHosts.join(', ') })}</Text>}
          <Text>
            {t('iseApi.laptopPath', {
              token: i.laptopPath.token === 'direct' ? t('iseApi.direct') : i.laptopPath.token,
              smtp: i.laptopPath.smtp === 'direct' ? t('iseApi.direct') : i.laptopPath.smtp,
            })}
          </Text>
        </section>
      )}

      {i.guestSmtp && (
        <section className={styles.section} aria-labelledby="ise-api-guest-heading" data-testid="ise-api-guest">
          <Subtitle2 as="h3" id="ise-api-guest-heading">
            {t('iseApi.guestHeading')}
          </Subtitle2>
          <Text>
            {t('iseApi.guestFrom', { from: i.guestSmtp.defaultFromAddress })} {i.guestSmtp.matchesMailbox ? t('iseApi.guestMatches') : null}
          </Text>
        </section>
      )}

      {i.trustedStore.read && (
        <section className={styles.section} aria-labelledby="ise-api-store-heading">
          <Subtitle2 as="h3" id="ise-api-store-heading">
            {t('iseApi.storeHeading')}
          </Subtitle2>
          <Text>{t('iseApi.storeCount', { count: i.trustedStore.count })}</Text>
          <ul data-testid="ise-api-cas">
            {i.trustedStore.required.map((c) => (
              <li key={c.sha256} data-testid="ise-api-ca" data-state={c.state} data-sha256={c.sha256}>
                <div className={styles.row}>
                  <Badge color={CA_COLOR[c.state]}>{t(`iseApi.caState.${c.state}`)}</Badge>
                  <Text weight="semibold">{c.subjectCN ?? c.subject}</Text>
                </div>
                <Text size={200} className={styles.mono}>
                  SHA-256 {c.sha256}
                </Text>
              </li>
            ))}
          </ul>
          {toImport.length === 0 && i.trustedStore.required.length > 0 && (
            <MessageBar intent="success">
              <MessageBarBody>{t('iseApi.allPresent')}</MessageBarBody>
            </MessageBar>
          )}
          {toImport.length > 0 && !confirming && (
            <Button appearance="primary" data-testid="ise-api-import" disabled={importing} onClick={() => setConfirming(true)}>
              {t('iseApi.importButton')}
            </Button>
          )}
          {confirming && (
            <div className={styles.row} role="group" aria-label={t('iseApi.importButton')} data-testid="ise-api-import-confirm">
              <Text>{t('iseApi.importConfirm', { subjects: toImport.map((c) => c.subjectCN ?? c.subject).join(', ') })}</Text>
              <Button
                appearance="primary"
                data-testid="ise-api-import-yes"
                onClick={() => {
                  setConfirming(false);
                  onImport();
                }}
              >
                {t('iseApi.importYes')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('iseApi.importNo')}</Button>
            </div>
          )}
          {importing && <Spinner size="tiny" label={t('iseApi.importing')} />}
        </section>
      )}

      {imported && (
        <ul data-testid="ise-api-import-results" aria-live="polite">
          {imported.results.map((r) => (
            <li key={r.sha256} data-testid="ise-api-import-result" data-outcome={r.outcome} data-read-back={String(r.readBack)}>
              {r.subject}: {t(`iseApi.outcome.${r.outcome}`)}, {r.readBack ? t('iseApi.readBack') : t('iseApi.notReadBack')}
            </li>
          ))}
        </ul>
      )}
      {imported && <IseFindings findings={imported.findings} />}
      <Subtitle2 as="h3">{t('iseApi.findingsHeading')}</Subtitle2>
      {i.findings.length === 0 ? <Text data-testid="ise-api-no-findings">{t('iseApi.noFindings')}</Text> : <IseFindings findings={i.findings} />}
    </div>
  );
}

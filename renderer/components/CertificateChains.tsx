import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ISE_SMTP_SETTINGS_PATH,
  type CertificateAnalysis,
  type CertificateSummary,
  type EndpointChain,
  type IseCaCertificate,
} from '../../shared/contract/certificates';
import { call } from '../client';
import { downloadFile } from './download';
import { formatDate } from '../i18n/format';
import { callErrorMessage } from '../wizard/fieldErrors';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  wrap: { overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  cas: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  scroll: { overflowX: 'auto' },
});

type CaptureState = { state: 'idle' } | { state: 'busy' } | { state: 'done'; analysis: CertificateAnalysis } | { state: 'error'; message: string };

/** The badges a certificate earns: CA, self-signed, and the validity warnings. */
function CertificateBadges({ cert }: { cert: CertificateSummary }) {
  const { t } = useTranslation();
  return (
    <>
      {cert.isCA && <Badge appearance="outline">{t('certificates.badge.ca')}</Badge>}
      {cert.selfSigned && <Badge appearance="outline">{t('certificates.badge.selfSigned')}</Badge>}
      {cert.expired && <Badge color="danger">{t('certificates.badge.expired')}</Badge>}
      {cert.expiringSoon && <Badge color="warning">{t('certificates.badge.expiringSoon')}</Badge>}
      {cert.notYetValid && <Badge color="danger">{t('certificates.badge.notYetValid')}</Badge>}
    </>
  );
}

/** One host's chain as served: status, faults, and a row per certificate (leaf first). */
function EndpointSection({ chain }: { chain: EndpointChain }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const date = (iso: string) => formatDate(iso, i18n.language);
  const status = !chain.captured ? 'notCaptured' : chain.trusted ? 'trusted' : 'untrusted';
  const heading = `${t(`certificates.endpoint.${chain.endpoint}`)}: ${chain.host}:${chain.port}`;
  return (
    <section className={styles.section} aria-label={heading} data-testid={`chain-${chain.endpoint}`} data-status={status}>
      <div className={styles.head}>
        <Subtitle2 as="h3">{heading}</Subtitle2>
        <Badge color={status === 'trusted' ? 'success' : status === 'untrusted' ? 'warning' : 'danger'}>{t(`certificates.status.${status}`)}</Badge>
        {chain.proxy && <Caption1>{t('certificates.viaProxy', { proxy: chain.proxy })}</Caption1>}
      </div>
      {chain.findings.map((f) => (
        <MessageBar key={f.code} intent={f.severity === 'error' ? 'error' : 'warning'} data-testid="chain-finding" data-code={f.code}>
          <MessageBarBody>
            <strong>{t(`findings.${f.code}.title`, f.params)}</strong> {t(`findings.${f.code}.fix`, f.params)}
          </MessageBarBody>
        </MessageBar>
      ))}
      {status === 'untrusted' && <Body1>{t('certificates.untrustedHint')}</Body1>}
      {chain.chain.length > 0 && (
        <div className={styles.scroll} tabIndex={0} role="region" aria-label={t('certificates.chainLabel', { host: chain.host, port: chain.port })}>
          <Table size="small" aria-label={t('certificates.chainLabel', { host: chain.host, port: chain.port })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('certificates.column.certificate')}</TableHeaderCell>
                <TableHeaderCell>{t('certificates.column.issuer')}</TableHeaderCell>
                <TableHeaderCell>{t('certificates.column.validity')}</TableHeaderCell>
                <TableHeaderCell>{t('certificates.column.sha256')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {chain.chain.map((c) => (
                <TableRow key={c.sha256}>
                  <TableCell className={styles.wrap}>
                    <div className={styles.head}>
                      <span title={c.subject}>{c.subjectCN ?? c.subject}</span>
                      <CertificateBadges cert={c} />
                    </div>
                  </TableCell>
                  <TableCell className={styles.wrap}>
                    <span title={c.issuer}>{c.issuerCN ?? c.issuer}</span>
                  </TableCell>
                  <TableCell>{t('certificates.validRange', { from: date(c.notBefore), to: date(c.notAfter) })}</TableCell>
                  <TableCell className={styles.mono}>{c.sha256}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {chain.missingRoot && (
        <MessageBar intent="warning" data-testid="missing-root">
          <MessageBarBody>{t('certificates.missingRoot', { issuer: chain.missingRoot.issuerCN ?? chain.missingRoot.issuer })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** One CA certificate to import, with its download. */
function CaItem({ ca, onDownload }: { ca: IseCaCertificate; onDownload: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const endpoints = ca.endpoints.map((e) => t(`certificates.endpoint.${e}`)).join(', ');
  return (
    <li data-testid="ca-certificate" data-sha256={ca.sha256}>
      <div className={styles.head}>
        <Body1>
          <strong>{ca.subjectCN ?? ca.subject}</strong>
        </Body1>
        <Badge appearance="tint">{t(`certificates.role.${ca.role}`)}</Badge>
        <CertificateBadges cert={ca} />
      </div>
      <Caption1>{t('certificates.usedBy', { endpoints })}</Caption1>
      {ca.source === 'local-trust-store' && <Caption1> {t('certificates.fromLocalStore')}</Caption1>}
      <div className={styles.mono}>
        <Caption1>{ca.sha256}</Caption1>
      </div>
      <Button size="small" onClick={onDownload}>
        {t('certificates.downloadWhat', { file: ca.fileName })}
      </Button>
    </li>
  );
}

/** ISE's import steps; menu paths and option names stay in ISE's English. */
function ImportSteps({ analysis }: { analysis: CertificateAnalysis }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const example = analysis.caCertificates[0]?.subjectCN ?? 'DigiCert Global Root G2';
  return (
    <section className={styles.section} aria-labelledby="cert-import-steps">
      <Subtitle2 as="h3" id="cert-import-steps">
        {t('certificates.steps.heading')}
      </Subtitle2>
      <ol className={styles.list} data-testid="import-steps">
        <li>{t('certificates.steps.menu', { path: analysis.importPath })}</li>
        <li>{t('certificates.steps.file')}</li>
        <li>{t('certificates.steps.friendlyName', { example })}</li>
        <li>{t('certificates.steps.trust', { option: analysis.trustOption, legacy: analysis.trustOptionLegacy })}</li>
        <li>{t('certificates.steps.notNeeded', { option: analysis.trustOptionNotNeeded })}</li>
        <li>{t('certificates.steps.submit')}</li>
        <li>{t('certificates.steps.verify', { path: ISE_SMTP_SETTINGS_PATH })}</li>
      </ol>
    </section>
  );
}

/**
 * The certificate chains of the token host and the SMTP host for one profile, the CA
 * certificates ISE must trust (one file per CA first, as ISE imports them; a bundle beside), and ISE's import steps.
 * Self-contained: the wizard mounts it with a profile id; it captures on request.
 */
export function CertificateChains({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [capture, setCapture] = useState<CaptureState>({ state: 'idle' });
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const run = async () => {
    setCapture({ state: 'busy' });
    setDownloadError(null);
    const r = await call('captureCertificates', { profileId });
    setCapture(r.ok ? { state: 'done', analysis: r.value } : { state: 'error', message: callErrorMessage(t, r.error) });
  };
  const download = async (which: string) => {
    setDownloadError(null);
    const r = await call('exportCertificates', { profileId, which });
    if (r.ok) downloadFile(r.value);
    else setDownloadError(callErrorMessage(t, r.error));
  };

  // One file per CA, one after the other (each is its own download, named after its CA).
  const downloadEach = async (cas: readonly IseCaCertificate[]) => {
    for (const ca of cas) await download(ca.sha256);
  };

  const analysis = capture.state === 'done' ? capture.analysis : null;
  return (
    <Card className={styles.card} data-testid="certificate-chains">
      <Subtitle1 as="h2">{t('certificates.title')}</Subtitle1>
      <Body1>{t('certificates.intro')}</Body1>
      <div>
        <Button appearance={analysis ? 'secondary' : 'primary'} disabled={capture.state === 'busy'} onClick={() => void run()}>
          {analysis ? t('certificates.captureAgain') : t('certificates.capture')}
        </Button>
      </div>
      {capture.state === 'busy' && <Spinner size="tiny" label={t('certificates.busy')} />}
      {capture.state === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('certificates.callFailed', { message: capture.message })}</MessageBarBody>
        </MessageBar>
      )}
      {analysis && (
        <>
          {analysis.endpoints.map((e) => (
            <EndpointSection key={e.endpoint} chain={e} />
          ))}
          <section className={styles.section} aria-labelledby="cert-cas-heading">
            <Subtitle2 as="h3" id="cert-cas-heading">
              {t('certificates.caHeading')}
            </Subtitle2>
            {analysis.caCertificates.length === 0 ? (
              <Body1>{t('certificates.caNone')}</Body1>
            ) : (
              <>
                {/* ISE's Trusted Certificates import takes one certificate per file: that is the main action. */}
                <Body1>{t('uxFindings.certs.perCa')}</Body1>
                <div className={styles.head}>
                  <Button appearance="primary" data-testid="download-each" onClick={() => void downloadEach(analysis.caCertificates)}>
                    {t('uxFindings.certs.downloadEach', { count: analysis.caCertificates.length })}
                  </Button>
                  <Button appearance="secondary" data-testid="download-bundle" onClick={() => void download('bundle')}>
                    {t('uxFindings.certs.bundle', { file: analysis.bundleFileName })}
                  </Button>
                </div>
                <ul className={styles.cas}>
                  {analysis.caCertificates.map((ca) => (
                    <CaItem key={ca.sha256} ca={ca} onDownload={() => void download(ca.sha256)} />
                  ))}
                </ul>
              </>
            )}
            {downloadError && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{t('certificates.downloadFailed', { message: downloadError })}</MessageBarBody>
              </MessageBar>
            )}
          </section>
          {analysis.caCertificates.length > 0 && <ImportSteps analysis={analysis} />}
        </>
      )}
    </Card>
  );
}

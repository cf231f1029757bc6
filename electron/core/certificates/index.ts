/**
 * Certificate chains for ISE's trusted store (issue 6, item 2; the guide's "PKIX path building
 * failed"). Plain Node, no Electron. captureChains probes both endpoints with the diagnostics
 * engine, selectIseCas says which CA certificates ISE must import, exportPem writes them.
 * How to add a source of CAs (e.g. the OS keychain): give localIssuerFinder another list; it
 * must stay local — this module never downloads a certificate.
 */
export { captureChains, type CaptureOptions, type CaptureDeps } from './capture';
export { describeCertificate, nameAttribute } from './describe';
export { caFileName, sanitiseBaseName, BUNDLE_FILE_NAME } from './file-names';
export { localIssuerFinder, splitPem, type IssuerFinder } from './local-roots';
export { selectIseCas, bundlePem, type CapturedChain, type CaSelection } from './select';
export { exportPem, allPemFiles, PEM_MIME_TYPE } from './pem-export';

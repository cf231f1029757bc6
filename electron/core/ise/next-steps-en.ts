import type { IseInspectionCode } from '../../../shared/ise-api/findings';

/** One English line per ISE finding for the CLI (the UI uses `iseApi.findings.<CODE>` in every language). */
export const ISE_NEXT_STEP_EN: Record<IseInspectionCode, string> = {
  ISE_UNREACHABLE: 'Check the ISE host name and the ports (ERS 9060, OpenAPI 443) and any firewall between this computer and the Primary PAN.',
  ISE_API_DISABLED: 'Turn the API on in ISE: Administration > System > Settings > API Settings > API Service Settings (ERS and Open API, for the Primary Administration Node), then Save.',
  ISE_AUTH_FAILED: 'Check the ISE admin user name and password (an internal admin user, not an AD account without ERS rights).',
  ISE_ROLE_MISSING: 'Add the account to the ERS Admin group (or use a Super Admin) under Administration > System > Admin Access > Administrators > Admin Users.',
  ISE_CERT_UNPINNED: 'Compare the SHA-256 fingerprint with the one ISE shows for its admin certificate (Administration > System > Certificates > Certificate Management > System Certificates), then accept it (--ise-fingerprint).',
  ISE_CERT_CHANGED: 'ISE now presents a different admin certificate than the one accepted. If ISE\'s admin certificate was renewed, check the new fingerprint on ISE and accept it; otherwise stop: something is in between.',
  ISE_CERT_UNTRUSTED: 'The admin certificate does not chain to the CA file given (or not for this host name): give the right CA file, or accept the fingerprint instead.',
  ISE_CSRF_REQUIRED: 'ERS has the CSRF check on: use a client that fetches the CSRF token, or choose "Disable CSRF For ERS Request" under API Settings.',
  ISE_FEATURE_UNSUPPORTED: 'This ISE release lacks the API the wizard uses: read the value in ISE\'s GUI, or upgrade ISE.',
  ISE_API_ERROR: 'ISE answered in a way the wizard cannot read (see the status): check the ISE application server is running, then try again.',
  ISE_NODE_NO_EGRESS: 'Give the node a way out to Microsoft: configure ISE\'s proxy (Administration > System > Settings > Proxy) or open the firewall for login.microsoftonline.com:443 and smtp.office365.com:587.',
  ISE_CA_MISSING: 'Import the CA into ISE\'s Trusted Certificates, trusted for authentication within ISE (ise-smtp-oauth ise import-cas does it).',
  ISE_CA_EXPIRED: 'ISE holds an expired copy of this CA: import the current one (ise-smtp-oauth ise import-cas) and remove the expired copy.',
  ISE_GUEST_SENDER_MISMATCH: 'Set Guest Email Settings\' default From address to the sender mailbox (Work Centers > Guest Access > Settings > Guest Email Settings).',
  ISE_GUEST_SENDER_NOT_DEFAULT: 'Choose "Always send notifications from the default email address" in Guest Email Settings: sponsor addresses fail SendAs with OAuth.',
  ISE_GUEST_NOTIFICATIONS_OFF: 'Enable guest email notifications in Guest Email Settings.',
  ISE_CA_IMPORT_FAILED: 'Import the CA by hand: Administration > System > Certificates > Certificate Management > Trusted Certificates > Import, trusted for authentication within ISE.',
  ISE_CA_NOT_READ_BACK: 'ISE accepted the import but does not list the CA: check Trusted Certificates in ISE\'s GUI and import it by hand if it is missing.',
  ISE_VERSION_UNSUPPORTED: 'Upgrade ISE to 3.2 P8, 3.3 P8, 3.4 P4, 3.5 P1 or later.',
};

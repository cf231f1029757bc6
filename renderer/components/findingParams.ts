/**
 * Values for the placeholders of the finding texts ({{aadsts}}, {{host}}, {{mailbox}}, …),
 * taken from the evidence the lookup or the log analysis quoted. A value the evidence does not
 * hold becomes `unknown` (a neutral "…"), so a sentence never shows a raw placeholder.
 */
export function findingParams(evidence: string, unknown: string): Record<string, string> {
  const pick = (re: RegExp) => re.exec(evidence)?.[1] ?? unknown;
  return {
    aadsts: pick(/\b(AADSTS\d{5,7})\b/),
    host: pick(/\b((?:smtp|login|outlook)\.[a-z0-9.-]+\.[a-z]{2,})\b/i),
    port: pick(/\b(?:port[ =:]+|:)(\d{2,5})\b/i),
    mailbox: pick(/\b([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/),
    reply: pick(/\b([245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b[^\r\n]{0,120})/),
    expiry: pick(/\b(\d{4}-\d{2}-\d{2})\b/),
    days: unknown,
    expected: unknown,
    actual: unknown,
    minimum: unknown,
    version: unknown,
  };
}

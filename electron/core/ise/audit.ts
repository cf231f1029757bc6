import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AuditEntrySchema, type AuditEntry } from '../../../shared/contract/ise';

/**
 * The ISE audit trail: one JSON line per change made (or planned, with --what-if) in ISE, in
 * `<dataDir>/audit/ise.jsonl`, readable by the user only. "Set it up for me" has not landed on
 * this branch, so this is ISE's own trail; its entries name the host, the CA and the outcome,
 * never a credential.
 */
export function auditFile(dataDir: string): string {
  return path.join(dataDir, 'audit', 'ise.jsonl');
}

export async function appendAudit(dataDir: string, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const file = auditFile(dataDir);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await appendFile(file, entries.map((e) => JSON.stringify(AuditEntrySchema.parse(e))).join('\n') + '\n', { mode: 0o600 });
}

export async function readAudit(dataDir: string): Promise<AuditEntry[]> {
  let text: string;
  try {
    text = await readFile(auditFile(dataDir), 'utf8');
  } catch {
    return [];
  }
  const out: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = AuditEntrySchema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // a torn last line (a crash mid-write) is skipped, not fatal
    }
  }
  return out;
}

import { z } from 'zod';
import { FINDING_CODES, type FindingCode } from '../findings';
import { SETUP_STEPS } from '../steps';
import { defineCalls } from './define';

const FindingCodeSchema = z.enum(FINDING_CODES as [FindingCode, ...FindingCode[]]);

/** What the analyzer recognises in guest.log (DESIGN §2, the guide's verification and troubleshooting parts). */
export const LOG_EVENT_KINDS = [
  'test-connection',
  'smtp-connected',
  'save-started',
  'settings-saved',
  'smtp-settings',
  'token-acquired',
  'token-cached',
  'mail-job-submitted',
  'transport-send',
  'send-success',
  'send-failed',
  'failure',
  'error',
] as const;
export const LogEventKindSchema = z.enum(LOG_EVENT_KINDS);
export type LogEventKind = z.infer<typeof LogEventKindSchema>;

/** One line of the timeline. `time` is ISE's own timestamp text (node local time, e.g. `2026-02-02 05:17:34,608`). */
export const LogEventSchema = z.object({
  time: z.string(),
  thread: z.string(),
  level: z.string(),
  kind: LogEventKindSchema,
  /** Short, redacted text: the server, the duration, the exception's message. */
  detail: z.string(),
  /** The file it came from (its base name). */
  source: z.string(),
  /** Present on send events. */
  durationMs: z.number().int().nonnegative().optional(),
  /** Present on failure events: the finding the entry maps to. */
  code: FindingCodeSchema.optional(),
  /** How many identical events in a row from the same thread were folded into this one. */
  count: z.number().int().positive(),
});
export type LogEvent = z.infer<typeof LogEventSchema>;

/** One finding code seen in the log, with how often and when. */
export const LogFindingSchema = z.object({
  code: FindingCodeSchema,
  step: z.enum(SETUP_STEPS).nullable(),
  severity: z.enum(['error', 'warning', 'info']),
  count: z.number().int().positive(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** A redacted sample of the log text behind it (the first occurrence). */
  sample: z.string(),
  /** True when a successful test connection or send came after the last occurrence. */
  resolvedLater: z.boolean(),
});
export type LogFinding = z.infer<typeof LogFindingSchema>;

/** A send that took longer than the slow threshold (10 s). */
export const SlowSendSchema = z.object({
  time: z.string(),
  thread: z.string(),
  durationMs: z.number().int().nonnegative(),
  source: z.string(),
});
export type SlowSend = z.infer<typeof SlowSendSchema>;

/** SMTP settings as ISE logged them: when a session is built ('session') or when they were saved ('saved'). */
export const SmtpSettingsSeenSchema = z.object({
  origin: z.enum(['session', 'saved']),
  server: z.string().optional(),
  port: z.number().int().optional(),
  timeoutSeconds: z.number().int().optional(),
  tls: z.boolean().optional(),
  authEnabled: z.boolean().optional(),
  /** The logged user name (the mailbox, or "null" when ISE sends no user). */
  username: z.string().optional(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  count: z.number().int().positive(),
});
export type SmtpSettingsSeen = z.infer<typeof SmtpSettingsSeenSchema>;

export const LogAnalysisSchema = z.object({
  sources: z.array(
    z.object({
      name: z.string(),
      bytes: z.number().int().nonnegative(),
      /** Time of the first and last recognised entry in this file. */
      firstTime: z.string().nullable(),
      lastTime: z.string().nullable(),
      /** Why the file was read only in part (e.g. 'gzip-truncated', 'unreadable'). */
      problem: z.string().optional(),
    }),
  ),
  /** The most recent events (the timeline keeps the last `timelineLimit`; `timelineDropped` older ones were left out). */
  timeline: z.array(LogEventSchema),
  timelineDropped: z.number().int().nonnegative(),
  findings: z.array(LogFindingSchema),
  slowSends: z.array(SlowSendSchema),
  slowSendCount: z.number().int().nonnegative(),
  sends: z.object({ success: z.number().int().nonnegative(), failed: z.number().int().nonnegative(), maxDurationMs: z.number().int().nonnegative().nullable() }),
  smtpSettings: z.array(SmtpSettingsSeenSchema),
  /** Finding codes in the order to work on them: unresolved first, then along the chain network → TLS → token → SMTP. */
  nextSteps: z.array(FindingCodeSchema),
  stats: z.object({ bytes: z.number().int().nonnegative(), entries: z.number().int().nonnegative(), durationMs: z.number().nonnegative() }),
});
export type LogAnalysis = z.infer<typeof LogAnalysisSchema>;

/** Largest pasted/dropped log the UI may send in one call: 20 MB of text (bigger files: the CLI streams them). */
export const MAX_LOG_TEXT_CHARS = 20 * 1024 * 1024;
/** A gzipped log as base64 (a dropped guest.log.N.gz): 16 MB compressed. */
export const MAX_LOG_GZIP_BASE64_CHARS = Math.ceil((16 * 1024 * 1024 * 4) / 3);

export const LogFileInputSchema = z
  .object({
    name: z.string().min(1).max(255),
    text: z.string().max(MAX_LOG_TEXT_CHARS).optional(),
    gzipBase64: z.string().max(MAX_LOG_GZIP_BASE64_CHARS).regex(/^[A-Za-z0-9+/=\s]*$/, 'base64').optional(),
  })
  .refine((f) => (f.text === undefined) !== (f.gzipBase64 === undefined), { message: 'text or gzipBase64, exactly one' });

export const ErrorLookupMatchSchema = z.object({
  code: FindingCodeSchema,
  step: z.enum(SETUP_STEPS).nullable(),
  severity: z.enum(['error', 'warning', 'info']),
  score: z.number(),
  rules: z.array(z.string()),
  evidence: z.string(),
});
export type ErrorLookupMatch = z.infer<typeof ErrorLookupMatchSchema>;

export const troubleshootCalls = defineCalls({
  /** Analyses one or more guest.log files the user dropped or picked (rotated files are put in time order). */
  analyzeLogText: {
    input: z.object({ files: z.array(LogFileInputSchema).min(1).max(20) }).strict(),
    output: LogAnalysisSchema,
  },
  /** Maps a pasted ISE error text (GUI or Java exception) to finding codes, most likely first. */
  lookupError: {
    input: z.object({ text: z.string().min(1).max(100_000) }).strict(),
    output: z.object({ matches: z.array(ErrorLookupMatchSchema) }),
  },
});

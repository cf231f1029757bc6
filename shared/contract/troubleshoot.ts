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
  /** Finding codes to work on, in order along the chain network → TLS → token → SMTP; those that succeeded later are left out. */
  nextSteps: z.array(FindingCodeSchema),
  stats: z.object({ bytes: z.number().int().nonnegative(), entries: z.number().int().nonnegative(), durationMs: z.number().nonnegative() }),
});
export type LogAnalysis = z.infer<typeof LogAnalysisSchema>;

/**
 * A dropped guest.log reaches main as its bytes, once: in chunks of LOG_CHUNK_BYTES (so each
 * call stays under the transport's body limit), then analysed by upload id. Main alone
 * recognises gzip and decodes the text. Largest file the UI may send: 20 MB as stored (bigger
 * files: the CLI streams them).
 */
export const MAX_LOG_FILE_BYTES = 20 * 1024 * 1024;
export const LOG_CHUNK_BYTES = 512 * 1024;
/** At most this many files in one analysis (and uploads held at once). */
export const MAX_LOG_FILES = 20;

export const LogChunkInputSchema = z
  .object({
    /** Chosen by the renderer for the file (a random UUID); the first chunk (offset 0) opens it. */
    uploadId: z.uuid(),
    name: z.string().min(1).max(255),
    /** Where this chunk starts in the file: chunks arrive in order. */
    offset: z.number().int().nonnegative().max(MAX_LOG_FILE_BYTES),
    bytesBase64: z.string().max(Math.ceil(LOG_CHUNK_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  })
  .strict();

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
  /** One chunk of a dropped or picked guest.log's bytes (see LogChunkInputSchema). */
  logUploadChunk: {
    input: LogChunkInputSchema,
    output: z.object({ received: z.number().int().nonnegative() }),
  },
  /** Analyses uploaded guest.log files (rotated files are put in time order); the uploads are used up. */
  analyzeLogUploads: {
    input: z.object({ uploadIds: z.array(z.uuid()).min(1).max(MAX_LOG_FILES) }).strict(),
    output: LogAnalysisSchema,
  },
  /**
   * The last analysis of this app session, kept in main's memory only (never on disk), so a
   * reload of the window finds it again; null once cleared or before any analysis.
   */
  lastLogAnalysis: {
    input: z.object({}).strict(),
    output: z.object({ analysis: LogAnalysisSchema.nullable() }),
  },
  /** Forgets the kept analysis (the screen's Clear). */
  clearLogAnalysis: {
    input: z.object({}).strict(),
    output: z.object({ cleared: z.boolean() }),
  },
  /** Maps a pasted ISE error text (GUI or Java exception) to finding codes, most likely first. */
  lookupError: {
    input: z.object({ text: z.string().min(1).max(100_000) }).strict(),
    output: z.object({ matches: z.array(ErrorLookupMatchSchema) }),
  },
});

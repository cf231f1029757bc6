import { z } from 'zod';

/** One call across the boundary: its input and output schemas. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

/** Declares calls with their exact schema types kept (so inputs and outputs stay typed). */
export function defineCalls<const T extends Record<string, CallSpec>>(calls: T): T {
  return calls;
}

/**
 * An error as data, never an exception across the boundary. `field` names the input field
 * that was wrong (a dotted path), so the UI can put the message beside it.
 */
export const CallErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  /** Values for the translated text of `code` (e.g. the profiles folder and the OS cause). */
  params: z.record(z.string(), z.string()).optional(),
});
export type CallError = z.infer<typeof CallErrorSchema>;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

import type { z } from 'zod';
import { isValidationKey, validationText } from '../../../shared/validators';
import { redact } from '../diagnostics/redact';
import { CallFailure } from '../errors/call-failure';
import { contract, type CallName, type CallInput, type CallOutput, type CallResult } from '../../../shared/contract';

/** The implementation of every contract call, in plain Node. */
export type Handlers = { [K in CallName]: (input: z.output<(typeof contract)[K]['input']>) => Promise<CallOutput<K>> };

/** Turns a zod error into the message the user sees: the field, and what is expected. */
export function validationError(error: z.ZodError): CallResult<never> {
  const issue = error.issues[0];
  // An unknown key in a strict object is a field problem too: name that key.
  const path = issue ? [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])] : [];
  const field = path.length > 0 ? path.map(String).join('.') : undefined;
  const message = issue ? `${field ?? 'input'} ${validationText(issue.message)}` : 'invalid input';
  // The rule's key too, so the page can say it in the user's words and language (validation.<rule>).
  const rule = issue && isValidationKey(issue.message) ? { params: { rule: issue.message } } : {};
  return { ok: false, error: { code: 'INVALID_INPUT', message, ...(field ? { field } : {}), ...rule } };
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * Runs one call for either transport: validates the untrusted input, runs the handler, and
 * returns the result as data. It never throws, so no stack trace crosses the boundary.
 */
export async function dispatch<K extends CallName>(
  handlers: Handlers,
  name: K,
  rawInput: unknown,
): Promise<CallResult<CallOutput<K>>> {
  const spec = contract[name];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) return validationError(parsed.error);
  try {
    const handler = handlers[name] as (input: unknown) => Promise<CallOutput<K>>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof CallFailure) {
      // Belt and braces: a message that quotes a server's reply must not carry a token out.
      return {
        ok: false,
        error: {
          code: err.code,
          message: redact(err.message),
          ...(err.field ? { field: err.field } : {}),
          ...(err.params ? { params: Object.fromEntries(Object.entries(err.params).map(([k, v]) => [k, redact(v)])) } : {}),
        },
      };
    }
    // An unexpected fault: keep only its class of error, never its message (it may hold a secret).
    return { ok: false, error: { code: 'INTERNAL', message: `internal error in ${name}` } };
  }
}

export type { CallInput };

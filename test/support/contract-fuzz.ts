import fc from 'fast-check';
import type { z } from 'zod';
import { contract, type CallName } from '../../shared/contract';
import { type Handlers } from '../../electron/core/handlers/dispatch';
import { CallFailure } from '../../electron/core/errors/call-failure';
import { isValidationKey } from '../../shared/validators';

/**
 * Shared pieces of the contract fuzz (issue 7 item 3): input generators driven by each call's
 * own zod schema, recording handlers, and the one check every answer must pass, whichever
 * transport carried it.
 */

/** Keys that pollute prototypes when code copies objects naively. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

type Def = { type: string; [k: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

// Huge and deep values are built once and shared: building them per sample would cost more
// than the boundary under test (zod does not mutate its input, so sharing is safe).
const HUGE_VALUES: readonly unknown[] = [
  'A'.repeat(300_000),
  'a@' + 'a-'.repeat(40_000) + '!',
  'https://' + 'a'.repeat(80_000),
  '0'.repeat(100_000) + '@x.y',
  '\u{1F600}'.repeat(50_000),
  new Array<number>(2_000).fill(7),
  new Array<string>(1_000).fill('x'.repeat(20)),
  deepNesting(50),
  deepNesting(3_000),
];

/** Values of the wrong type or at the edge of a type: what a hostile or buggy caller sends. */
export const boundaryValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_SAFE_INTEGER - 2, 65536, 2 ** 31),
  fc.constantFrom<unknown>(null, undefined, true, false, '', ' ', '\u0000', '\uFEFF', '\uD800', 'null', '0', '[]', '{}', [], {}, [[]], [null]),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...HUGE_VALUES),
  fc.constant(null).map(() => pollutedObject({ polluted: true })),
);

/** `[[[…]]]` or `{a:{a:…}}`, `depth` levels deep. */
export function deepNesting(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) v = i % 2 ? [v] : { a: v };
  return v;
}

/** An object whose OWN keys are the prototype-pollution names (as JSON.parse makes them). */
export function pollutedObject(payload: unknown, base: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const key of PROTO_KEYS) Object.defineProperty(out, key, { value: payload, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Strings that are plausibly valid for the contract's text fields (so some inputs pass). */
const plausibleString: fc.Arbitrary<string> = fc.oneof(
  fc.uuid({ version: 4 }),
  fc.uuid(),
  fc.constantFrom(
    'no-reply@contoso.onmicrosoft.com',
    ' 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b ',
    '2026-08-01',
    '2026-02-30',
    'https://outlook.office.com/.default',
    'https://login.microsoftonline.com',
    'http://127.0.0.1:3128',
    'smtp.office365.com',
    '3.3 P8',
    'Xy8Q~abcdefghijklmnopqrstuvwxyz0123456789',
    'Customer A',
    'healthy',
    'json',
    'classic',
    'app-rbac',
  ),
  fc.string({ maxLength: 30 }),
);

const guid = fc.uuid({ version: 4 });
const mailbox = fc.constantFrom('no-reply@contoso.onmicrosoft.com', 'alerts@fabrikam.com', ' ise@contoso.com ');
const url = fc.constantFrom('https://login.microsoftonline.com', 'http://127.0.0.1:3128', 'https://127.0.0.1:8443');
/** Values that pass a field's rule, by the field's name, so whole inputs are valid often enough. */
const VALID_BY_KEY: Record<string, fc.Arbitrary<string>> = {
  tenantId: guid,
  clientId: guid,
  profileId: guid,
  servicePrincipalObjectId: guid,
  mailbox,
  sendTo: mailbox,
  scope: fc.constantFrom('https://outlook.office.com/.default', 'https://outlook.office365.com/.default'),
  authorityHost: url,
  proxy: url,
  smtpHost: fc.constantFrom('smtp.office365.com', '127.0.0.1'),
  secretExpiry: fc.constantFrom('2026-08-01', '2030-12-31'),
  name: fc.string({ minLength: 1, maxLength: 100 }).filter((n) => n.trim().length > 0),
  secret: fc.constantFrom('Xy8Q~abcdefghijklmnopqrstuvwxyz0123456789'),
  clientSecret: fc.constantFrom('Xy8Q~abcdefghijklmnopqrstuvwxyz0123456789'),
  which: fc.constantFrom('bundle', Array.from({ length: 32 }, () => 'AB').join(':')),
  sha256: fc.constantFrom(Array.from({ length: 32 }, () => 'AB').join(':'), 'ab'.repeat(32)),
};

/**
 * An input shaped like `schema`: its own keys, each holding either a plausible value of the
 * right type or a value of the wrong type / at a boundary; sometimes extra or prototype keys.
 */
export function shaped(schema: unknown, depth = 0, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const wrong = depth > 3 ? fc.constantFrom<unknown>(null, 'x', 1) : boundaryValue;
  const right = rightType(def, depth, key);
  return fc.oneof({ arbitrary: right, weight: 4 }, { arbitrary: wrong, weight: 1 });
}

function rightType(def: Def, depth: number, key: string): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'optional':
    case 'default':
      return fc.oneof(fc.constant(undefined), shaped(def.innerType, depth, key));
    case 'nullable':
      return fc.oneof(fc.constant(null), shaped(def.innerType, depth, key));
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => shaped(o, depth, key)));
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      const fields = fc.record(Object.fromEntries(keys.map((k) => [k, shaped(shape[k], depth + 1, k)])), { requiredKeys: [] });
      const extra = fc.oneof(
        fc.constant({}),
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
        fc.constant(undefined).map(() => pollutedObject({ polluted: true })),
      );
      return fc.tuple(fields, extra, fc.nat(9)).map(([f, x, roll]) => (roll === 0 ? mergeOwn(f, x) : f));
    }
    case 'array':
      return fc.array(shaped(def.element, depth + 1), { maxLength: depth > 1 ? 2 : 4 });
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'string': {
      const valid = VALID_BY_KEY[key];
      return valid ? fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: plausibleString, weight: 1 }) : plausibleString;
    }
    case 'number':
      return fc.oneof(fc.integer({ min: 1, max: 65_535 }), fc.double());
    case 'boolean':
      return fc.boolean();
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Copies own keys with defineProperty, so `__proto__` stays an own key and never a prototype. */
function mergeOwn(target: unknown, extra: Record<string, unknown>): unknown {
  if (!target || typeof target !== 'object') return target;
  const out = { ...(target as Record<string, unknown>) };
  for (const key of Object.keys(extra)) Object.defineProperty(out, key, { value: extra[key], enumerable: true, writable: true, configurable: true });
  return out;
}

/** Every kind of input for one call: arbitrary values, JSON values, boundary values, schema-shaped ones. */
export function inputsFor(name: CallName): fc.Arbitrary<unknown> {
  return fc.oneof(
    // Depth 2 / 4 keys: deeper anything() costs 5x the time and adds nothing a schema checks.
    { arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4, withBoxedValues: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withBigInt: true, withNullPrototype: true, withSparseArray: true, withUnicodeString: true }), weight: 2 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
    { arbitrary: boundaryValue, weight: 1 },
    { arbitrary: shaped(contract[name].input), weight: 6 },
  );
}

/** Handlers that do no work: each records what reached it, then fails on purpose or returns nothing. */
export function recordingHandlers(): { handlers: Handlers; reached: { name: string; input: unknown }[] } {
  const reached: { name: string; input: unknown }[] = [];
  let n = 0;
  const handlers = new Proxy({} as Handlers, {
    get: (_target, name) =>
      async (input: unknown) => {
        reached.push({ name: String(name), input });
        n += 1;
        if (n % 2 === 0) throw new CallFailure('FUZZ_REACHED', `reached ${String(name)}`);
        return undefined;
      },
  });
  return { handlers, reached };
}

interface ErrorResult {
  ok: false;
  error: { code: string; message: string; field?: string };
}

/**
 * The promise of the boundary, for one answer: it is data; a rejection of invalid input is
 * INVALID_INPUT naming the field zod named (a path present in the input or the schema); and the
 * handler ran exactly when the schema accepted the input. Returns what is wrong, or null
 * (plain checks, not expect(): this runs 200,000 times).
 */
export function boundaryProblem(name: CallName, input: unknown, result: unknown, reachedHandler: boolean): string | null {
  if (!result || typeof result !== 'object') return `answer is not an object: ${String(result)}`;
  const r = result as { ok: unknown };
  if (typeof r.ok !== 'boolean') return 'answer has no boolean ok';
  const schema = contract[name].input as z.ZodType;
  const parsed = schema.safeParse(input ?? {});
  if (reachedHandler !== parsed.success) return `handler ran=${reachedHandler} but schema accepted=${parsed.success}`;
  if (r.ok === true) return null;
  const { error } = result as ErrorResult;
  if (!error || typeof error !== 'object') return 'ok:false without error';
  const extra = Object.keys(error).filter((k) => !['code', 'message', 'field'].includes(k));
  // A rejected rule carries its key (params.rule) so the page can translate it: only that, only a key.
  const ruleOnly = (e: ErrorResult['error']) => {
    const params = (e as { params?: unknown }).params;
    return e.code === 'INVALID_INPUT' && extra.join() === 'params' && !!params && typeof params === 'object' &&
      Object.keys(params).join() === 'rule' && isValidationKey(String((params as { rule: unknown }).rule));
  };
  if (extra.length > 0 && !ruleOnly(error)) return `error has extra keys ${extra.join(',')}`;
  if (typeof error.code !== 'string' || typeof error.message !== 'string') return 'error code/message not strings';
  if (reachedHandler) return error.code === 'FUZZ_REACHED' && error.message === `reached ${name}` && error.field === undefined ? null : `handler failure altered: ${JSON.stringify(error)}`;
  if (error.code !== 'INVALID_INPUT') return `rejection code ${error.code}: ${error.message}`;
  const issue = parsed.error!.issues[0]!;
  const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])].map(String);
  // A key named "" gives the empty path: there is no field to name (dispatch omits it).
  if (path.join('.') === '') return error.field === undefined ? null : `field ${error.field} for a root issue`;
  if (error.field !== path.join('.')) return `field ${String(error.field)}, zod names ${path.join('.')}`;
  if (!pathInInputOrSchema(path, input, schema)) return `field ${error.field} is neither in the input nor in the schema`;
  return null;
}

/** Each segment is an own key (or index) of the input there, or a key of the schema's shape there. */
export function pathInInputOrSchema(path: string[], input: unknown, schema: unknown): boolean {
  let value: unknown = input;
  let node: unknown = schema;
  for (const key of path) {
    const inInput = value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, key);
    const shape = shapeOf(node);
    const element = elementOf(node);
    const inSchema = (shape && Object.prototype.hasOwnProperty.call(shape, key)) || (element !== undefined && /^\d+$/.test(key));
    if (!inInput && !inSchema) return false;
    value = inInput ? (value as Record<string, unknown>)[key] : undefined;
    node = shape && Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : element;
  }
  return true;
}

function unwrap(schema: unknown): Def | undefined {
  let def = schema ? defOf(schema) : undefined;
  while (def && (def.type === 'optional' || def.type === 'default' || def.type === 'nullable')) def = defOf(def.innerType);
  return def;
}
function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  const def = unwrap(schema);
  return def?.type === 'object' ? (def.shape as Record<string, unknown>) : undefined;
}
function elementOf(schema: unknown): unknown {
  const def = unwrap(schema);
  return def?.type === 'array' ? def.element : undefined;
}

/** Object.prototype and Array.prototype have no key they did not have before the fuzz. */
export function prototypeSnapshot(): string[] {
  return [...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Array.prototype).map((k) => `[]${k}`)].sort();
}

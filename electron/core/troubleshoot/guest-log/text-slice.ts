/**
 * Decoding a few bytes of a Buffer on the hot path. Buffer#toString(encoding, start, end) checks
 * its arguments and looks the encoding up on every call; on a log of events it decodes a time
 * and a thread per entry, and that overhead showed in profiles. Node's Buffer has had the
 * per-encoding methods behind it (latin1Slice, utf8Slice) since v0.x, undocumented and untyped:
 * used when present, toString otherwise. Both turn invalid UTF-8 into U+FFFD, never a throw.
 */
interface SliceMethods {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

const proto = Buffer.prototype as unknown as Partial<SliceMethods>;
const HAS_SLICE = typeof proto.latin1Slice === 'function' && typeof proto.utf8Slice === 'function';

/** `buf[start, end)` as latin1: one character per byte, so equal strings mean equal bytes. */
export function latin1(buf: Buffer, start: number, end: number): string {
  return HAS_SLICE ? (buf as unknown as SliceMethods).latin1Slice(start, end) : buf.toString('latin1', start, end);
}

/** `buf[start, end)` decoded as UTF-8. */
export function utf8(buf: Buffer, start: number, end: number): string {
  return HAS_SLICE ? (buf as unknown as SliceMethods).utf8Slice(start, end) : buf.toString('utf8', start, end);
}

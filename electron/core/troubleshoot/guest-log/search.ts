import { PREFILTER_FRAGMENTS } from './prefilter';

/**
 * The byte-level search behind the prefilter: finds every place in a Buffer where one of
 * PREFILTER_FRAGMENTS or an enhanced status code (`[45].[2357].[0-9]`) starts, without
 * decoding the Buffer into a string.
 *
 * Why not a RegExp: one alternation of ~30 fragments runs near 110 MB/s in V8, and one
 * Buffer.indexOf pass per fragment costs 30 passes. Instead:
 * - the long fragments (≥ LONG bytes) share one Wu–Manber pass: a window of LONG bytes slides
 *   over the text, and a table indexed by the hash of the window's last 3 bytes says how far it
 *   may jump (up to LONG − 2 bytes) without skipping a fragment; only windows whose last 3
 *   bytes end a fragment's chosen window are compared;
 * - the short fragments (PKIX, AADSTS) start with rare capitals: Buffer.indexOf (memchr) runs
 *   them at several GB/s;
 * - the status code is a character-class pattern: a Horspool pass on its last two bytes,
 *   interleaved with the Wu–Manber pass (findBoth).
 * Hits are line-level facts only; the scanner decides which entry they belong to.
 * On the benchmark's log the search takes about half the analyzer's CPU time.
 */

/** Window length of the Wu–Manber pass: the shortest long fragment (`Exception`, `timed out`, `Set SMTP `). */
const LONG = 9;
const BLOCK = 3;
/** The 7 low bits of 3 bytes, exactly: no collisions among ASCII blocks (a 2 MB table). */
const HASH_BITS = 21;

function blockHash(b0: number, b1: number, b2: number): number {
  return ((b0 & 0x7f) << 14) | ((b1 & 0x7f) << 7) | (b2 & 0x7f);
}

/**
 * How common a byte looks in guest.log text: lower-case letters and spaces are everywhere,
 * capitals and punctuation much less so. Used to end each fragment's window on a rare block, so
 * that frequent English endings ("ion", "ing", "the") do not stop the scan.
 */
function byteCost(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return 4; // a-z
  if (c === 0x20) return 3;
  if (c >= 0x30 && c <= 0x39) return 2;
  return 1; // capitals, punctuation
}

/** The start of the fragment's LONG-byte window whose last block looks rarest (later wins ties). */
function windowOffset(f: Buffer): number {
  let best = 0;
  let bestCost = Infinity;
  for (let o = 0; o + LONG <= f.length; o++) {
    const q = o + LONG - 1;
    const cost = byteCost(f[q - 2]!) + byteCost(f[q - 1]!) + byteCost(f[q]!);
    if (cost <= bestCost) {
      best = o;
      bestCost = cost;
    }
  }
  return best;
}

/** A compiled fragment set; build once (module level), use from any number of scanners. */
export class FragmentSearch {
  private readonly long: Buffer[];
  private readonly short: Buffer[];
  /** How far the window may jump for each block hash. */
  private readonly shift: Uint8Array;
  /** Where each long fragment's window starts (its rarest-looking LONG bytes). */
  private readonly offsets: number[];
  /** For a zero shift: which long fragments end their window with this block. */
  private readonly buckets = new Map<number, number[]>();
  /** The longest match in bytes (a fragment, or the 5 bytes of a status code). */
  readonly maxLength: number;

  constructor(fragments: readonly string[]) {
    const bytes = fragments.map((f) => Buffer.from(f, 'latin1'));
    this.maxLength = Math.max(5, ...bytes.map((b) => b.length));
    this.long = bytes.filter((b) => b.length >= LONG);
    this.short = bytes.filter((b) => b.length < LONG);
    this.shift = new Uint8Array(1 << HASH_BITS).fill(LONG - BLOCK + 1);
    this.offsets = this.long.map(windowOffset);
    this.long.forEach((f, index) => {
      const o = this.offsets[index]!;
      for (let q = o + BLOCK - 1; q < o + LONG; q++) {
        const h = blockHash(f[q - 2]!, f[q - 1]!, f[q]!);
        const s = o + LONG - 1 - q;
        if (s < this.shift[h]!) this.shift[h] = s;
        if (s === 0) this.buckets.set(h, [...(this.buckets.get(h) ?? []), index]);
      }
    });
  }

  /**
   * Appends to `out` the start of every fragment or status code found in `buf[from, to)` (a
   * match must lie wholly inside), unsorted and possibly twice: the caller sorts.
   */
  find(buf: Buffer, from: number, to: number, out: number[]): void {
    this.findBoth(buf, from, to, out);
    // A view ending at `to`: indexOf on the whole Buffer would search past it.
    const view = buf.subarray(from, to);
    for (const needle of this.short) {
      for (let i = view.indexOf(needle); i !== -1; i = view.indexOf(needle, i + 1)) out.push(from + i);
    }
  }

  /**
   * The long fragments and the status codes in one loop of four independent chains (two
   * halves × two searches): each step of a chain waits on two dependent loads, so the CPU
   * works on the others meanwhile. The chain that ends first leaves the rest to findLongFrom's
   * and findStatusCodesFrom's own loops.
   */
  private findBoth(buf: Buffer, from: number, to: number, out: number[]): void {
    const mid = (from + to) >>> 1;
    const shift = this.shift;
    const endLongA = Math.min(to, mid + LONG - 1);
    const endStatusA = Math.min(to, mid + 4);
    let a = from + LONG - 1;
    let b = mid + LONG - 1;
    let c = from;
    let d = mid;
    while (a < endLongA && b < to && c + 5 <= endStatusA && d + 5 <= to) {
      const ha = ((buf[a - 2]! & 0x7f) << 14) | ((buf[a - 1]! & 0x7f) << 7) | (buf[a]! & 0x7f);
      const hb = ((buf[b - 2]! & 0x7f) << 14) | ((buf[b - 1]! & 0x7f) << 7) | (buf[b]! & 0x7f);
      const sc = STATUS_SHIFT[(buf[c + 3]! << 8) | buf[c + 4]!]!;
      const sd = STATUS_SHIFT[(buf[d + 3]! << 8) | buf[d + 4]!]!;
      const sa = shift[ha]!;
      const sb = shift[hb]!;
      if (sa === 0) a = this.verify(buf, a, ha, from, to, out);
      else a += sa;
      if (sb === 0) b = this.verify(buf, b, hb, from, to, out);
      else b += sb;
      if (sc === 0) {
        if (statusAt(buf, c)) out.push(c);
        c++;
      } else c += sc;
      if (sd === 0) {
        if (statusAt(buf, d)) out.push(d);
        d++;
      } else d += sd;
    }
    // Finish each chain on its own (a window already checked is not checked twice).
    this.findLongFrom(buf, from, to, a, b, out);
    findStatusCodesFrom(buf, from, to, c, d, out);
  }

  /** The long-fragment chains from window ends `a0` (first half) and `b0` (second half) on. */
  private findLongFrom(buf: Buffer, from: number, to: number, a0: number, b0: number, out: number[]): void {
    // Two independent windows, one per half: each step waits on two dependent loads (byte,
    // then table), so interleaving two chains keeps the CPU busy while the other one waits.
    const mid = (from + to) >>> 1;
    const shift = this.shift;
    const endA = Math.min(to, mid + LONG - 1); // windows that start in the first half
    let a = a0;
    let b = b0;
    while (a < endA && b < to) {
      const ha = ((buf[a - 2]! & 0x7f) << 14) | ((buf[a - 1]! & 0x7f) << 7) | (buf[a]! & 0x7f);
      const hb = ((buf[b - 2]! & 0x7f) << 14) | ((buf[b - 1]! & 0x7f) << 7) | (buf[b]! & 0x7f);
      const sa = shift[ha]!;
      const sb = shift[hb]!;
      if (sa === 0) a = this.verify(buf, a, ha, from, to, out);
      else a += sa;
      if (sb === 0) b = this.verify(buf, b, hb, from, to, out);
      else b += sb;
    }
    for (; a < endA; ) {
      const h = ((buf[a - 2]! & 0x7f) << 14) | ((buf[a - 1]! & 0x7f) << 7) | (buf[a]! & 0x7f);
      const s = shift[h]!;
      a = s === 0 ? this.verify(buf, a, h, from, to, out) : a + s;
    }
    for (; b < to; ) {
      const h = ((buf[b - 2]! & 0x7f) << 14) | ((buf[b - 1]! & 0x7f) << 7) | (buf[b]! & 0x7f);
      const s = shift[h]!;
      b = s === 0 ? this.verify(buf, b, h, from, to, out) : b + s;
    }
  }

  /** Compares the fragments whose window ends with block `h` at `pos`; returns the next window end. */
  private verify(buf: Buffer, pos: number, h: number, from: number, to: number, out: number[]): number {
    for (const index of this.buckets.get(h)!) {
      const f = this.long[index]!;
      const start = pos - LONG + 1 - this.offsets[index]!;
      if (start < from || start + f.length > to) continue;
      let k = 0;
      while (k < f.length && buf[start + k] === f[k]) k++;
      if (k === f.length) out.push(start);
    }
    return pos + 1;
  }
}

/**
 * Shifts of a Horspool search on the last two bytes of a 5-byte `[45].[2357].[0-9]` window
 * (indexed by `byte3 << 8 | byte4`). Two bytes give fewer stops than one: a digit alone is
 * common (timestamps), a dot followed by a digit much less so.
 */
const STATUS_SHIFT = (() => {
  const t = new Uint8Array(1 << 16).fill(4); // the pattern may start at the window's last byte
  const code = (c: string) => c.charCodeAt(0);
  for (const x of '45') t[(code(x) << 8) | 0x2e] = 3; // window ends with the code's first 2 bytes
  for (const y of '2357') {
    t[(0x2e << 8) | code(y)] = 2; // … its first 3 bytes
    t[(code(y) << 8) | 0x2e] = 1; // … its first 4 bytes ('5.' also starts a code: the nearer wins)
  }
  for (let d = 0x30; d <= 0x39; d++) t[(0x2e << 8) | d] = 0; // '.' + digit: compare the window
  return t;
})();

/** Is there a status code at `i`? (Bytes 3 and 4 already matched '.' and a digit.) */
function statusAt(buf: Buffer, i: number): boolean {
  const a = buf[i]!;
  const b = buf[i + 2]!;
  return buf[i + 1] === 0x2e && (a === 0x34 || a === 0x35) && (b === 0x32 || b === 0x33 || b === 0x35 || b === 0x37);
}

/**
 * Enhanced status codes such as 5.7.3 or 4.3.2 (the prefilter's one non-literal fragment): two
 * interleaved chains as for the long fragments, from windows `a0` (first half) and `b0` on.
 */
function findStatusCodesFrom(buf: Buffer, from: number, to: number, a0: number, b0: number, out: number[]): void {
  const mid = (from + to) >>> 1;
  const endA = Math.min(to, mid + 4);
  let a = a0;
  let b = b0;
  while (a + 5 <= endA && b + 5 <= to) {
    const sa = STATUS_SHIFT[(buf[a + 3]! << 8) | buf[a + 4]!]!;
    const sb = STATUS_SHIFT[(buf[b + 3]! << 8) | buf[b + 4]!]!;
    if (sa === 0) {
      if (statusAt(buf, a)) out.push(a);
      a++;
    } else a += sa;
    if (sb === 0) {
      if (statusAt(buf, b)) out.push(b);
      b++;
    } else b += sb;
  }
  for (; a + 5 <= endA; ) {
    const s = STATUS_SHIFT[(buf[a + 3]! << 8) | buf[a + 4]!]!;
    if (s !== 0) a += s;
    else if (statusAt(buf, a++)) out.push(a - 1);
  }
  for (; b + 5 <= to; ) {
    const s = STATUS_SHIFT[(buf[b + 3]! << 8) | buf[b + 4]!]!;
    if (s !== 0) b += s;
    else if (statusAt(buf, b++)) out.push(b - 1);
  }
}

/** The prefilter's search, compiled once. */
export const PREFILTER_SEARCH = new FragmentSearch(PREFILTER_FRAGMENTS);

/**
 * One small search right away, over text holding every fragment and a status code, so that each
 * line of find() has run once before V8 optimises it. Why: the first real search is usually a
 * long one, V8 optimises its loop while it runs (on-stack replacement), and the code after the
 * loop, never run yet, had no type feedback; that optimised loop was entered again for each
 * long search and thrown away at the loop's end each time (`--trace-deopt`: ~20 "insufficient
 * type feedback" deopts of findBoth per thread on a log of events), which kept the first
 * ranges at half speed.
 */
const PRIMER = Buffer.from(`${PREFILTER_FRAGMENTS.join(' 535 5.7.3 ')} 4.4.1 `.repeat(4), 'latin1');
PREFILTER_SEARCH.find(PRIMER, 0, PRIMER.length, []);

/** The smallest block a cursor searches at once: a few entries of a log full of events. */
const MIN_BLOCK = 1024;
/** The largest: on a log with few events the search runs in long passes, as find() does best. */
const MAX_BLOCK = 1024 * 1024;

/**
 * The hits of one FragmentSearch in `buf[from, to)`, in order, found a block at a time as they
 * are asked for. Why: the scanner takes a hit, emits its entry and asks again only past that
 * entry, so on a log where every entry is an event most of a full search's hits fall inside
 * entries already handled. A cursor halves its block while most hits it found were never asked
 * for, and doubles it otherwise (quadruples it when a block had none), so a log of events is
 * searched in small steps and a log with few events in long passes (each find() has a fixed
 * cost, which many small blocks would add up).
 */
export class SearchCursor {
  private buf: Buffer | null = null;
  private to = 0;
  /** The current block covers hits starting in [blockFrom, blockEnd); `hits` holds them, sorted. */
  private blockEnd = 0;
  private readonly found: number[] = [];
  private hits = new Float64Array(256);
  private count = 0;
  private k = 0;
  /** How many of the current block's hits were handed out. */
  private used = 0;
  private block = 16 * 1024;
  /** Nothing searched since reset(): the next block keeps the size the last region left (see searchBlock). */
  private fresh = false;

  constructor(private readonly search: FragmentSearch) {}

  /** Starts on `buf[from, to)` (a match must lie wholly inside). */
  reset(buf: Buffer, from: number, to: number): void {
    this.buf = buf;
    this.to = to;
    this.blockEnd = from;
    this.count = 0;
    this.k = 0;
    this.used = 0;
    this.fresh = true;
  }

  /** The first hit at `p` or later, or -1. `p` must not go back between calls. */
  next(p: number): number {
    for (;;) {
      while (this.k < this.count && this.hits[this.k]! < p) this.k++;
      if (this.k < this.count) {
        this.used++;
        return this.hits[this.k]!;
      }
      if (this.blockEnd >= this.to) return -1;
      this.searchBlock(Math.max(p, this.blockEnd));
    }
  }

  /** Finds the hits starting in [q, q + block), searching up to the longest fragment past it. */
  private searchBlock(q: number): void {
    const n0 = this.count;
    // Right after reset() there is no block to judge: an empty "last block" there made the block
    // quadruple at every chunk's start, so on a log the memo walks whole (every entry known) each
    // 1 MB chunk was searched in full before its first entry was taken.
    if (this.fresh) this.fresh = false;
    else if (n0 === 0) this.block = Math.min(MAX_BLOCK, this.block * 4);
    else if (this.used * 4 < n0) this.block = Math.max(MIN_BLOCK, this.block >>> 1);
    else this.block = Math.min(MAX_BLOCK, this.block * 2);
    const to = this.to;
    const end = Math.min(to, q + this.block);
    const found = this.found;
    found.length = 0;
    this.search.find(this.buf!, q, Math.min(to, end + this.search.maxLength - 1), found);
    if (this.hits.length < found.length) this.hits = new Float64Array(Math.max(found.length, this.hits.length * 2));
    let n = 0;
    for (let i = 0; i < found.length; i++) if (found[i]! < end) this.hits[n++] = found[i]!;
    if (n > 1) this.hits.subarray(0, n).sort();
    this.count = n;
    this.k = 0;
    this.used = 0;
    this.blockEnd = end;
  }
}

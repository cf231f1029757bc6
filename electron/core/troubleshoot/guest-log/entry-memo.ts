import { isHeaderAtBytes } from './line';
import { MAX_ENTRY_LINES } from './scanner';
import { PREFILTER_SEARCH } from './search';
import { latin1, utf8 } from './text-slice';

/**
 * Recognises an entry seen before from its bytes, before anything is decoded. A guest.log with
 * the guest component at DEBUG repeats a few dozen messages (Calling Future.get, Creating
 * transport object, the SMTP settings line, the same exception on every retry) that differ only
 * in their timestamp and thread. Decoding, parsing and classifying such an entry costs a few
 * microseconds; hashing and comparing its bytes a fraction of that.
 *
 * The key is every byte of the entry (first line, and the continuation lines the scanner
 * took) except the 23-byte timestamp and the thread between the first `[` and `]`. Entries with
 * the same key read the same (level, logger, message, continuation lines, hence the same
 * classification), so the stored reading is reused and only the time and thread are decoded.
 * Only entries whose parsed header has exactly that time and thread are stored (see
 * `canonical` in the analyzer), so an unusual header is always read in full.
 */

/** Entries longer than this (long stack traces) are rarely repeated byte for byte: not stored. */
const MAX_KEY_BYTES = 2048;
/** Stored readings; when full it starts again (a log that never repeats gains nothing from more). */
const MAX_STORED = 4096;
const OPEN = 0x5b; // '['
const CLOSE = 0x5d; // ']'
const LS = Buffer.from('\u2028');
const PS = Buffer.from('\u2029');

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** ` call is `: the bytes before a send's duration (`Time taken for … call is 5123 Milli Seconds.`). */
const CALL_IS = Buffer.from(' call is ');
const MILLI = Buffer.from(' Milli');

interface Stored<V> {
  /** The key bytes: [start + 23, open + 1), [close, d0) and [d1, end) (the duration left out). */
  key: Buffer;
  /** Where the first span ends inside `key`. */
  split: number;
  /** The length of the second span. */
  split2: number;
  value: V;
  /**
   * The key's bytes hold a prefilter hit (a fragment cannot hold `[` or `]`, so a hit lies wholly
   * inside the thread or wholly outside it): then every entry with this key holds one, whatever
   * its time and thread, and the scanner may take it without searching it.
   */
  hit: boolean;
  hash: number;
  /** Its continuation lines (the region the scanner took), for lookNext's check of where it ends. */
  lines: number;
  /** A duration was left out of the key (its digits stand between the second span and the rest). */
  timed: boolean;
  /** Where its first line ends, counted from the thread's `]` (used when it has continuation lines). */
  headerOffset: number;
  /**
   * The stored entries that followed this one, the latest first (at most SUCCESSORS): a log of
   * events repeats its messages in the same order (a send logs the same few lines each time),
   * so the next entry is first compared with these, byte for byte, without hashing it. More than
   * one, because a message that appears in several sequences (a test connection's, a send's)
   * has a successor in each, and with one the guess flip-flopped between them.
   */
  successors: Stored<V>[];
  /**
   * The stored entry that came one entry later, when the entry in between was not one seen
   * before (a failure whose Exchange reply carries its own time, say): without it, that one
   * unknown entry made the next two lookups hash.
   */
  afterMiss: Stored<V> | null;
  /**
   * The thread of the entry last found with this key, as bytes and decoded: the same message
   * mostly comes from the same thread (a retry thread, a pool's few workers), and comparing a
   * few bytes costs less than decoding a string per entry (see thread()).
   */
  threadBytes: Uint8Array | null;
  threadName: string;
}

/** See Stored.successors. */
const SUCCESSORS = 4;
/** Longer threads are not kept with their entry (Stored.threadBytes). */
const MAX_THREAD_KEPT = 64;
const NONE: readonly never[] = [];

export class EntryMemo<V> {
  private readonly table = new Map<number, Stored<V>[]>();
  private stored = 0;
  // The last entry looked up (no object per lookup): remember() stores it.
  private buf: Buffer | null = null;
  private start = 0;
  private open = 0;
  private close = 0;
  private end = 0;
  private headerEnd = 0;
  private hash = 0;
  /** The duration's digits [d0, d1) in the entry last looked up (d0 = d1 = end: none). */
  private d0 = 0;
  private d1 = 0;
  /**
   * Hashes of entries seen once. An entry is stored only when seen a second time: a send's
   * duration makes its entries unique, and storing those would push the repeated ones out.
   */
  private readonly seenOnce = new Int32Array(1 << 16);
  private words: Int32Array = new Int32Array(0);
  private wordsOf: ArrayBufferLike | null = null;
  private readonly hits: number[] = [];
  /** The stored entry the last lookup found, or the one remember() stored last. */
  private last: Stored<V> | null = null;
  /** Lookups that found nothing since `last` (its `successors` are the guesses at 0, `afterMiss` at 1). */
  private misses = 0;
  /** lookNext tried the guesses for the entry at this offset of this buffer, in vain: look() does not try them again. */
  private guessFailedAt = -1;
  private guessFailedIn: Buffer | null = null;

  /**
   * The stored reading of the entry `buf[start, end)` whose first line ends at `headerEnd`, or
   * undefined (then remember() may store it once it has been read). With `mustHit`, only a
   * reading whose key holds a prefilter hit.
   */
  look(buf: Buffer, start: number, headerEnd: number, end: number, mustHit = false): V | undefined {
    this.buf = null;
    if (end - start > MAX_KEY_BYTES || !isHeaderAtBytes(buf, start)) return undefined;
    const sep = buf[start + 19];
    if ((sep !== 0x2c && sep !== 0x2e) || !isDigit(buf[start + 20]!) || !isDigit(buf[start + 21]!) || !isDigit(buf[start + 22]!) || buf[start + 23] !== 0x20) return undefined;
    let open = start + 24;
    while (open < headerEnd && buf[open] !== OPEN) open++;
    let close = open + 1;
    while (close < headerEnd && buf[close] !== CLOSE) close++;
    if (close >= headerEnd) return undefined;
    const len1 = open + 1 - (start + 23);
    this.durationSpan(buf, close, headerEnd, end);
    const d0 = this.d0;
    const d1 = this.d1;
    const len2 = d0 - close;
    this.buf = buf;
    this.start = start;
    this.open = open;
    this.close = close;
    this.end = end;
    this.headerEnd = headerEnd;
    // The entries that followed the last one found, compared first: no hash when it is one of them.
    const guesses = this.guessFailedAt === start && this.guessFailedIn === buf ? NONE : this.guesses();
    this.guessFailedIn = null;
    for (let i = 0; i < guesses.length; i++) {
      const guess = guesses[i]!;
      if ((mustHit && !guess.hit) || !this.matches(guess, buf, start, close, end, len1, len2)) continue;
      this.hash = guess.hash;
      this.link(guess);
      this.found(guess);
      return guess.value;
    }
    const h = this.hashSpan(buf, start + 23, open + 1, this.hashSpan(buf, d1, end, this.hashSpan(buf, close, d0, 0x811c9dc5)));
    this.hash = h;
    const candidates = this.table.get(h);
    if (candidates) {
      for (let i = 0; i < candidates.length; i++) {
        const c = candidates[i]!;
        if ((mustHit && !c.hit) || !this.matches(c, buf, start, close, end, len1, len2)) continue;
        this.link(c);
        this.found(c);
        return c.value;
      }
    }
    this.misses++;
    return undefined;
  }

  /** The stored entries expected next: those that followed `last` before (with one unknown entry between after a miss). */
  private guesses(): readonly Stored<V>[] {
    const last = this.last;
    if (!last) return NONE;
    if (this.misses === 0) return last.successors;
    return this.misses === 1 && last.afterMiss ? [last.afterMiss] : NONE;
  }

  /** Notes that `c` came after `last` (directly: first of its successors; or after one unknown entry). */
  private link(c: Stored<V>): void {
    const last = this.last;
    if (!last) return;
    if (this.misses === 1) {
      last.afterMiss = c;
      return;
    }
    if (this.misses !== 0) return;
    const list = last.successors;
    if (list[0] === c) return;
    const i = list.indexOf(c);
    if (i !== -1) list.splice(i, 1);
    else if (list.length >= SUCCESSORS) list.pop();
    list.unshift(c);
  }

  private found(c: Stored<V>): void {
    this.last = c;
    this.misses = 0;
  }

  /**
   * The fast path for a log of events: whether the entry starting at `start` (a timestamped line:
   * the caller checked) is one of the guessed ones (see guesses()), compared with its key directly in the
   * Buffer, without looking for line ends or hashing. Gives what look() would give for the entry
   * the scanner would have cut there, or undefined (then the caller goes the usual way): the
   * entry ends where the key's bytes end only when the scanner's regionEndOf would end it there
   * too (the next line is timestamped, the region ends, or it has MAX_ENTRY_LINES lines), since
   * the lines in between are the stored entry's, byte for byte. entryEnd() then tells where it ends.
   */
  lookNext(buf: Buffer, start: number, regionEnd: number, mustHit: boolean): V | undefined {
    this.buf = null;
    const guesses = this.guesses();
    const sep = buf[start + 19];
    if (guesses.length === 0 || (sep !== 0x2c && sep !== 0x2e) || !isDigit(buf[start + 20]!) || !isDigit(buf[start + 21]!) || !isDigit(buf[start + 22]!)) return undefined;
    for (let i = 0; i < guesses.length; i++) {
      const guess = guesses[i]!;
      if ((mustHit && !guess.hit) || !this.isAt(guess, buf, start, regionEnd)) continue;
      this.hash = guess.hash;
      if (i !== 0 || this.misses !== 0) this.link(guess); // else it is already the first successor
      this.found(guess);
      return guess.value;
    }
    this.guessFailedAt = start;
    this.guessFailedIn = buf;
    return undefined;
  }

  /**
   * Whether the entry at `start` is `guess` but for time, thread and duration, ending where the
   * scanner would end it (see lookNext); if so, leaves its offsets for time(), thread(),
   * duration() and entryEnd().
   */
  private isAt(guess: Stored<V>, buf: Buffer, start: number, regionEnd: number): boolean {
    const key = guess.key;
    const len1 = guess.split;
    const base = start + 23;
    if (base + len1 >= regionEnd) return false;
    let k = 0;
    while (k < len1 && key[k] === buf[base + k]) k++;
    if (k !== len1) return false;
    const open = base + len1 - 1;
    // The thread: up to the first `]` of the first line.
    let close = open + 1;
    while (close < regionEnd && buf[close] !== CLOSE && buf[close] !== 10) close++;
    const len2 = guess.split2;
    const d0 = close + len2;
    if (buf[close] !== CLOSE || d0 > regionEnd || buf.compare(key, len1, len1 + len2, close, d0) !== 0) return false;
    let d1 = d0;
    if (guess.timed) {
      // Its own duration: 1 to 9 digits, as durationSpan reads them, then the rest of the key.
      while (d1 < regionEnd && d1 - d0 < 10 && isDigit(buf[d1]!)) d1++;
      if (d1 === d0 || d1 - d0 > 9) return false;
    }
    const end = d1 + key.length - len1 - len2;
    if (end > regionEnd || end - start > MAX_KEY_BYTES || (d1 !== end && buf.compare(key, len1 + len2, key.length, d1, end) !== 0)) return false;
    if (end < regionEnd && guess.lines < MAX_ENTRY_LINES && !isHeaderAtBytes(buf, end)) return false;
    this.buf = buf;
    this.start = start;
    this.open = open;
    this.close = close;
    this.end = end;
    this.headerEnd = guess.lines === 0 ? end - 1 : close + guess.headerOffset;
    this.d0 = guess.timed ? d0 : end;
    this.d1 = guess.timed ? d1 : end;
    return true;
  }

  /** Where the entry last found by lookNext ends. */
  entryEnd(): number {
    return this.end;
  }

  /**
   * True when `c`'s key is the entry's bytes but for time, thread and duration (spans of `len1`,
   * `len2` bytes and the rest up to `end`, this.d0 and this.d1 set by durationSpan).
   */
  private matches(c: Stored<V>, buf: Buffer, start: number, close: number, end: number, len1: number, len2: number): boolean {
    const d1 = this.d1;
    if (c.split !== len1 || c.split2 !== len2 || c.key.length !== len1 + len2 + (end - d1)) return false;
    // The first span (level and padding, a few bytes) byte by byte; the rest in native compares.
    const key = c.key;
    let k = 0;
    while (k < len1 && key[k] === buf[start + 23 + k]) k++;
    if (k !== len1 || buf.compare(key, len1, len1 + len2, close, close + len2) !== 0) return false;
    return d1 === end || buf.compare(key, len1 + len2, key.length, d1, end) === 0;
  }

  /**
   * Finds a send's duration, `… call is <1-9 digits> Milli…` at the end of the entry's last line
   * (the transport.sendMessage() and Future.get lines of every send, one line or, as the guide
   * prints it, the header and two continuation lines), and leaves it out of the key: every send
   * has its own duration, so without this each of them was read in full.
   * The reading stored for such a key holds some other send's duration: the caller puts this
   * one's in (duration()), and stores only readings that depend on the digits in no other way
   * (see the analyzer's addEntry).
   */
  private durationSpan(buf: Buffer, close: number, headerEnd: number, end: number): void {
    this.d0 = this.d1 = end;
    // From the last line's end back over ` Milli Seconds.` / ` Milliseconds.` (at most 16 bytes) to the digits.
    const lineEnd = end - 1;
    if (lineEnd < headerEnd || buf[lineEnd] !== 10) return;
    let p = lineEnd;
    const stop = Math.max(close, lineEnd - 16);
    while (p > stop && !isDigit(buf[p - 1]!)) p--;
    const d1 = p;
    while (p > close && d1 - p < 10 && isDigit(buf[p - 1]!)) p--;
    const d0 = p;
    if (d1 === d0 || d1 - d0 > 9 || d0 - CALL_IS.length < close) return;
    if (buf.compare(CALL_IS, 0, CALL_IS.length, d0 - CALL_IS.length, d0) !== 0) return;
    if (d1 + MILLI.length > lineEnd || buf.compare(MILLI, 0, MILLI.length, d1, d1 + MILLI.length) !== 0) return;
    this.d0 = d0;
    this.d1 = d1;
  }

  /** The duration left out of the key of the entry last looked up, or undefined when it has none. */
  duration(): number | undefined {
    if (this.buf === null || this.d0 === this.d1) return undefined;
    let n = 0;
    for (let p = this.d0; p < this.d1; p++) n = n * 10 + this.buf[p]! - 0x30;
    return n;
  }

  /**
   * FNV-1a over `buf[a, b)`, four bytes at a time through an Int32Array view of the Buffer's
   * memory (a byte loop cost a third of the analyzer's time on a log of events).
   */
  private hashSpan(buf: Buffer, a: number, b: number, seed: number): number {
    if (this.wordsOf !== buf.buffer) {
      this.wordsOf = buf.buffer;
      this.words = new Int32Array(buf.buffer, 0, buf.buffer.byteLength >>> 2);
    }
    const words = this.words;
    const off = buf.byteOffset;
    let h = seed;
    let p = off + a;
    const e = off + b;
    for (; p < e && (p & 3) !== 0; p++) h = Math.imul(h ^ buf[p - off]!, 0x01000193);
    for (; p + 4 <= e; p += 4) h = Math.imul(h ^ words[p >>> 2]!, 0x01000193);
    for (; p < e; p++) h = Math.imul(h ^ buf[p - off]!, 0x01000193);
    return h;
  }

  /** The timestamp of the entry last looked up. */
  time(): string {
    return latin1(this.buf!, this.start, this.start + 23);
  }

  /** The thread of the entry last looked up. */
  thread(): string {
    const buf = this.buf!;
    const a = this.open + 1;
    const n = this.close - a;
    // `last` is the stored entry this lookup matched, unless it missed (then the entry is read in full).
    const c = this.misses === 0 ? this.last : null;
    if (c === null) return utf8(buf, a, this.close);
    const kept = c.threadBytes;
    if (kept !== null && kept.length === n) {
      let k = 0;
      while (k < n && kept[k] === buf[a + k]) k++;
      if (k === n) return c.threadName;
    }
    const name = utf8(buf, a, this.close);
    if (n <= MAX_THREAD_KEPT) {
      c.threadBytes = Uint8Array.prototype.slice.call(buf, a, this.close); // a copy: Buffer#slice would share the scanner's buffer
      c.threadName = name;
    }
    return name;
  }

  /** True when the entry last looked up is worth storing once read: it has a key, seen before. */
  canRemember(): boolean {
    if (this.buf === null) return false;
    const slot = this.hash & 0xffff;
    if (this.seenOnce[slot] === this.hash) return true;
    this.seenOnce[slot] = this.hash;
    return false;
  }

  /** Stores the reading of the entry last looked up (call before the scanner reuses its buffer). */
  remember(value: V): void {
    const buf = this.buf;
    if (!buf) return;
    // A CR inside the first line, or U+2028/U+2029, can make HEADER read it oddly (its `.` stops
    // there): such an entry is never stored, so one like it is always read in full. (Only the
    // thread may differ between entries with one key, and HEADER reads any thread the same way.)
    const firstLine = buf.subarray(this.start, this.headerEnd > this.start && buf[this.headerEnd - 1] === 0x0d ? this.headerEnd - 1 : this.headerEnd);
    if (firstLine.includes(0x0d) || firstLine.includes(LS) || firstLine.includes(PS)) {
      this.buf = null;
      return;
    }
    if (this.stored >= MAX_STORED) {
      this.table.clear();
      this.stored = 0;
      this.last = null;
      this.misses = 0;
    }
    const len1 = this.open + 1 - (this.start + 23);
    const len2 = this.d0 - this.close;
    const key = Buffer.allocUnsafe(len1 + len2 + this.end - this.d1);
    buf.copy(key, 0, this.start + 23, this.open + 1);
    buf.copy(key, len1, this.close, this.d0);
    buf.copy(key, len1 + len2, this.d1, this.end);
    const hits = this.hits;
    hits.length = 0;
    // Each span on its own: a hit across the duration's place is not in every entry with this key.
    PREFILTER_SEARCH.find(buf, this.start + 23, this.open + 1, hits);
    PREFILTER_SEARCH.find(buf, this.close, this.d0, hits);
    PREFILTER_SEARCH.find(buf, this.d1, this.end, hits);
    let lines = 0;
    for (let p = buf.indexOf(10, this.headerEnd + 1); p !== -1 && p < this.end; p = buf.indexOf(10, p + 1)) lines++;
    const list = this.table.get(this.hash);
    const stored: Stored<V> = {
      key, split: len1, split2: len2, value, hit: hits.length > 0, hash: this.hash,
      lines, timed: this.d0 !== this.end, headerOffset: this.headerEnd - this.close, successors: [], afterMiss: null, threadBytes: null, threadName: '',
    };
    if (list) list.push(stored);
    else this.table.set(this.hash, [stored]);
    this.stored++;
    // It was the lookup that missed: it follows `last` directly when that was the only miss.
    if (this.misses > 0) this.misses--;
    this.link(stored);
    this.found(stored);
    this.buf = null;
  }
}

import { isHeaderAtBytes, parseHeader, type EntryHeader } from './line';
import { PREFILTER_SEARCH, SearchCursor } from './search';

/**
 * One log entry that passed the prefilter: its first line, parsed, and the lines that continue
 * it (stack trace, nested exceptions, wrapped message), decoded as UTF-8 and capped.
 */
export interface RawEntry {
  header: EntryHeader;
  /** The continuation lines, without line endings (at most MAX_ENTRY_LINES). */
  lines: string[];
}

/**
 * A stack trace can run to hundreds of lines; the cause is in the first few dozen. An entry is
 * judged on its first line and the MAX_ENTRY_LINES lines after it (its "region"): a fragment
 * further down does not make it interesting.
 */
export const MAX_ENTRY_LINES = 60;
/** Decoded characters of continuation lines kept per entry. */
export const MAX_ENTRY_CHARS = 16 * 1024;
/**
 * Bytes of one line that are decoded (the first line and each continuation line): a line can run
 * to hundreds of KB (a serialized object, a base64 blob), and decoding it whole, then running the
 * header RegExp and the classifier over it, made peak RSS follow the line length (a 260 MB file of
 * 40-200 KB lines peaked at ~360 MB). What classifies an entry stands at the head of its lines;
 * a timeline detail keeps 240 characters and a sample 400. The prefilter still searches every
 * byte of the entry's region, so which entries are read does not change.
 */
export const MAX_LINE_DECODE_BYTES = 16 * 1024;
/** A "line" longer than this without a newline is cut there, to keep memory bounded. */
const MAX_LINE_BYTES = 1024 * 1024;
/**
 * An unfinished entry at the end of a chunk waits for the next chunk, unless it is already this
 * big (only lines of ~64 KB each get there): then it is judged on what has arrived.
 */
const MAX_TAIL_BYTES = 4 * 1024 * 1024;
/** See GuestLogScanner.knownCredit. */
const MAX_KNOWN_CREDIT = 16;

/**
 * What the scanner asks before decoding an entry (the analyzer, with its memo of entries seen
 * before): whether it can take the entry from its bytes alone. With `mustHit` the scanner has not
 * searched the entry: it may be taken only when its bytes are known to hold a prefilter hit.
 */
export interface KnownEntries {
  /** The entry `buf[start, end)`, first line ending at `headerEnd`: true when taken. */
  tryBytes(buf: Buffer, start: number, headerEnd: number, end: number, mustHit: boolean): boolean;
  /**
   * The entry starting at `start` (a timestamped line), before the scanner has looked for its
   * end: where it ends when taken (the end the scanner would have found), else -1.
   */
  tryNext(buf: Buffer, start: number, regionEnd: number, mustHit: boolean): number;
}

/** The start of the line before the one starting at `ls` (> 0). */
function previousLineStart(buf: Buffer, ls: number): number {
  return ls < 2 ? 0 : buf.lastIndexOf(10, ls - 2) + 1;
}

/**
 * Where a line of `buf[start, end)` is cut for decoding: at most MAX_LINE_DECODE_BYTES bytes,
 * moved back to the start of a UTF-8 sequence so the cut makes no U+FFFD of its own.
 */
export function decodeCut(buf: Uint8Array, start: number, end: number): number {
  if (end - start <= MAX_LINE_DECODE_BYTES) return end;
  let cut = start + MAX_LINE_DECODE_BYTES;
  for (let k = 0; k < 3 && cut > start && (buf[cut]! & 0xc0) === 0x80; k++) cut--;
  return cut;
}

/** One line's text as UTF-8 without its line ending, its head only (decodeCut): invalid bytes become U+FFFD, never a throw. */
function decodeLine(buf: Buffer, start: number, end: number): string {
  return buf.toString('utf8', start, decodeCut(buf, start, end > start && buf[end - 1] === 13 ? end - 1 : end));
}

/**
 * Streams guest.log bytes into entries, in constant memory. Feed it chunks with `push` and call
 * `end` once; `onEntry` gets each entry whose region holds a prefilter fragment, once, in file
 * order.
 *
 * Why raw bytes: the search (search.ts) runs over the Buffer at several hundred MB/s and
 * nothing is decoded or split into lines until it hits. Only then does the scanner look
 * around the hit: back to the line that starts the entry (a timestamp, or the start of the
 * file), forward over the entry's continuation lines, and decode those few lines.
 *
 * Entries never straddle a scan: an entry still open at the end of a chunk (fewer than
 * MAX_ENTRY_LINES continuation lines so far) is carried into the next one with the partial
 * last line; one whose region is complete is judged at once, and its remaining continuation
 * lines at the top of the next chunk are skipped.
 */
export class GuestLogScanner {
  /**
   * Bytes not yet scanned sit at the start of this buffer (`carried` of them): the open entry
   * from its first line on, and a partial last line. Each chunk is copied in after them, so one
   * buffer is reused for the whole file instead of a new one per chunk.
   */
  private work: Buffer = Buffer.allocUnsafe(0);
  private carried = 0;
  /** The next chunk starts inside an entry already judged: skip its lines up to the next timestamp. */
  private skipping = false;
  private readonly cursor = new SearchCursor(PREFILTER_SEARCH);
  /** takeKnown is tried while this is positive (it rises when it took entries, falls when not) and once in 32 emits anyway. */
  private knownCredit = MAX_KNOWN_CREDIT;
  private probes = 0;

  /**
   * `onEntry` gets each entry decoded. `known`, when given, sees each entry's bytes first and
   * takes those it can without decoding (the analyzer's memo of entries seen before); onEntry
   * then follows only for the others, right after their tryBytes call.
   */
  constructor(
    private readonly onEntry: (entry: RawEntry) => void,
    private readonly known?: KnownEntries,
  ) {}

  /** Takes the next bytes of the file. */
  push(chunk: Buffer): void {
    const length = this.carried + chunk.length;
    this.reserve(length + 1);
    chunk.copy(this.work, this.carried);
    let buf = this.work.subarray(0, length);
    let end = buf.lastIndexOf(10) + 1;
    if (end === 0) {
      if (length <= MAX_LINE_BYTES) {
        this.carried = length;
        return;
      }
      this.work[length] = 10; // cut the over-long line here
      buf = this.work.subarray(0, length + 1);
      end = buf.length;
    }
    this.scan(buf, end, false);
  }

  /** Scans what is left: a last line without a newline (a truncated file) and the open entry. */
  end(): void {
    const length = this.carried;
    this.carried = 0;
    if (length > 0) {
      let buf = this.work.subarray(0, length);
      if (buf[length - 1] !== 10) {
        this.work[length] = 10; // reserve() always leaves room for this one byte
        buf = this.work.subarray(0, length + 1);
      }
      this.scan(buf, buf.length, true);
    }
    this.work = Buffer.allocUnsafe(0);
  }

  /** Makes room for `length` bytes in `work`, keeping the carried ones. */
  private reserve(length: number): void {
    if (this.work.length >= length) return;
    const bigger = Buffer.allocUnsafe(Math.max(length, this.work.length * 2));
    this.work.copy(bigger, 0, 0, this.carried);
    this.work = bigger;
  }

  /** Scans the complete lines `buf[0, end)`; keeps what must wait for the next chunk. */
  private scan(buf: Buffer, end: number, final: boolean): void {
    let start = 0;
    if (this.skipping) {
      while (start < end && !isHeaderAtBytes(buf, start)) start = buf.indexOf(10, start) + 1;
      if (start >= end) {
        this.keep(buf, end);
        return;
      }
      this.skipping = false;
    }
    // From here `start` begins an entry: a timestamped line, or the file's first line.
    let regionEnd = end;
    if (!final) {
      const tail = this.openTail(buf, start, end);
      if (tail === -1) this.skipping = true;
      else regionEnd = tail;
    }
    if (regionEnd > start) this.scanRegion(buf, start, regionEnd);
    this.keep(buf, regionEnd);
  }

  /**
   * The start of the last entry when it may go on in the next chunk, or -1 when its region is
   * complete (MAX_ENTRY_LINES continuation lines seen, or MAX_TAIL_BYTES).
   */
  private openTail(buf: Buffer, start: number, end: number): number {
    let ls = previousLineStart(buf, end);
    for (let k = 0; ; k++) {
      if (ls <= start || isHeaderAtBytes(buf, ls)) {
        const entryStart = Math.max(ls, start);
        return k >= MAX_ENTRY_LINES || end - entryStart > MAX_TAIL_BYTES ? -1 : entryStart;
      }
      if (k >= MAX_ENTRY_LINES) return -1;
      ls = previousLineStart(buf, ls);
    }
  }

  /** Carries `buf[from, length)` (at the start of `work`) into the next chunk. */
  private keep(buf: Buffer, from: number): void {
    this.carried = buf.length - from;
    if (this.carried > 0 && from > 0) this.work.copyWithin(0, from, buf.length);
  }

  /**
   * Emits the entries of `buf[start, regionEnd)` (whole entries) that hold a hit, in order: the
   * cursor gives the first hit past what is done, the scanner emits that hit's entry and asks
   * again past it. Right after an emitted entry, entries the memo knows to hold a hit (a log
   * of events repeats its messages) are taken without searching their bytes at all.
   */
  private scanRegion(buf: Buffer, start: number, regionEnd: number): void {
    const cursor = this.cursor;
    cursor.reset(buf, start, regionEnd);
    let doneUntil = start;
    for (;;) {
      const p = cursor.next(doneUntil);
      if (p === -1) return;
      const lineStart = p <= start ? start : buf.lastIndexOf(10, p - 1) + 1;
      const entryStart = this.entryStartOf(buf, start, lineStart);
      if (entryStart === -1) {
        // Beyond its entry's region: this line does not count.
        doneUntil = buf.indexOf(10, p) + 1;
        continue;
      }
      doneUntil = this.emit(buf, entryStart, regionEnd);
      if (this.known && (this.knownCredit > 0 || (++this.probes & 31) === 0)) doneUntil = this.takeKnown(buf, doneUntil, regionEnd);
    }
  }

  /**
   * Takes the entries from `from` on that the memo knows hold a hit, as emit would have; returns
   * where the first other one starts (the search goes on from there).
   */
  private takeKnown(buf: Buffer, from: number, regionEnd: number): number {
    const known = this.known!;
    let entryStart = from;
    while (entryStart < regionEnd && isHeaderAtBytes(buf, entryStart)) {
      // The memo's guess first: it finds the entry's end itself, comparing bytes it must compare anyway.
      const next = known.tryNext(buf, entryStart, regionEnd, true);
      if (next !== -1) {
        entryStart = next;
        continue;
      }
      const headerEnd = buf.indexOf(10, entryStart);
      const end = this.regionEndOf(buf, headerEnd, regionEnd);
      if (!known.tryBytes(buf, entryStart, headerEnd, end, true)) break;
      entryStart = end;
    }
    // Worth trying while it pays: where events stand between other entries, the entry after an
    // event is rarely a known one, and each try costs a lookup.
    this.knownCredit = entryStart > from ? Math.min(MAX_KNOWN_CREDIT, this.knownCredit + 2) : this.knownCredit - 1;
    return entryStart;
  }

  /** The end of an entry's region: its continuation lines after `headerEnd`, at most MAX_ENTRY_LINES, up to the next timestamp. */
  private regionEndOf(buf: Buffer, headerEnd: number, regionEnd: number): number {
    let end = headerEnd + 1;
    for (let n = 0; n < MAX_ENTRY_LINES && end < regionEnd && !isHeaderAtBytes(buf, end); n++) end = buf.indexOf(10, end) + 1;
    return end;
  }

  /** The first line of the entry holding the line at `lineStart`, or -1 when that line lies past the entry's region. */
  private entryStartOf(buf: Buffer, start: number, lineStart: number): number {
    let ls = lineStart;
    for (let k = 0; ; k++) {
      if (ls <= start || isHeaderAtBytes(buf, ls)) return Math.max(ls, start);
      if (k >= MAX_ENTRY_LINES) return -1;
      ls = previousLineStart(buf, ls);
    }
  }

  /** Decodes the entry starting at `entryStart` and hands it on; returns the end of its region. */
  private emit(buf: Buffer, entryStart: number, regionEnd: number): number {
    // An entry start without a timestamp is the file's first line (lines before any timestamp).
    const timestamped = isHeaderAtBytes(buf, entryStart);
    if (timestamped && this.known) {
      const next = this.known.tryNext(buf, entryStart, regionEnd, false);
      if (next !== -1) return next;
    }
    const headerEnd = buf.indexOf(10, entryStart);
    // The entry's continuation lines, by their bytes: the first MAX_ENTRY_LINES up to the next timestamp.
    const end = this.regionEndOf(buf, headerEnd, regionEnd);
    if (this.known?.tryBytes(buf, entryStart, headerEnd, end, false)) return end;
    const first = decodeLine(buf, entryStart, headerEnd);
    const header: EntryHeader = timestamped ? parseHeader(first) : { time: '', level: '', thread: '', logger: '', message: first };
    const lines: string[] = [];
    let chars = 0;
    for (let i = headerEnd + 1; i < end && chars < MAX_ENTRY_CHARS; ) {
      const lineEnd = buf.indexOf(10, i);
      const line = decodeLine(buf, i, lineEnd);
      lines.push(line);
      chars += line.length;
      i = lineEnd + 1;
    }
    this.onEntry({ header, lines });
    return end;
  }
}

import type { Socket } from 'node:net';

/** One SMTP reply: its code, the enhanced status code when present, and its text lines. */
export interface SmtpReply {
  code: number;
  enhanced?: string;
  lines: string[];
  text: string;
}

/** Parses a complete (possibly multi-line) reply; null while it is incomplete. */
export function parseReply(buffer: string): { reply: SmtpReply; rest: string } | null {
  const lines: string[] = [];
  let offset = 0;
  for (;;) {
    const end = buffer.indexOf('\n', offset);
    if (end < 0) return null;
    const line = buffer.slice(offset, end).replace(/\r$/, '');
    offset = end + 1;
    lines.push(line);
    const m = /^(\d{3})([ -]?)/.exec(line);
    if (!m || m[2] !== '-') {
      const code = m ? Number(m[1]) : 0;
      const texts = lines.map((l) => l.replace(/^\d{3}[ -]?/, ''));
      const enhanced = /^([245]\.\d{1,3}\.\d{1,3})\b/.exec(texts[0] ?? '')?.[1];
      return { reply: { code, ...(enhanced ? { enhanced } : {}), lines: texts, text: lines.join('\n') }, rest: buffer.slice(offset) };
    }
  }
}

/**
 * A minimal SMTP conversation on a raw socket: enough for the banner, EHLO and STARTTLS, so the
 * report can show what the server offers before and after TLS and capture its certificate chain.
 * Every read is bounded; a silent server yields `timeout`, a closed one `closed`.
 */
export class SmtpWire {
  private buffer = '';
  private waiter: (() => void) | undefined;
  private ended = false;

  constructor(private socket: Socket) {
    this.attach(socket);
  }

  private attach(socket: Socket): void {
    socket.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString('utf8');
      this.waiter?.();
    });
    const end = () => {
      this.ended = true;
      this.waiter?.();
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', end);
  }

  /** Hands the conversation over to the TLS socket after STARTTLS. */
  upgrade(socket: Socket): void {
    this.socket = socket;
    this.buffer = '';
    this.ended = false;
    this.attach(socket);
  }

  /** Detaches from the plain socket before TLS takes it over (its data must not reach us). */
  release(): Socket {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('end');
    this.socket.removeAllListeners('close');
    this.socket.removeAllListeners('error');
    return this.socket;
  }

  send(line: string): void {
    this.socket.write(`${line}\r\n`);
  }

  /** The next reply, or why there is none. */
  read(timeoutMs: number): Promise<SmtpReply | 'timeout' | 'closed'> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const parsed = parseReply(this.buffer);
        if (parsed) {
          this.buffer = parsed.rest;
          resolve(parsed.reply);
          return true;
        }
        if (this.ended) {
          resolve('closed');
          return true;
        }
        return false;
      };
      if (check()) return;
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve('timeout');
      }, timeoutMs);
      this.waiter = () => {
        if (check()) {
          clearTimeout(timer);
          this.waiter = undefined;
        }
      };
    });
  }

  close(): void {
    if (!this.ended) {
      try {
        this.send('QUIT');
      } catch {
        // the socket is already gone; nothing to say goodbye to
      }
    }
    this.socket.destroy();
  }
}

/** EHLO keywords, upper-cased, e.g. STARTTLS, "AUTH LOGIN XOAUTH2". */
export function capabilities(ehlo: SmtpReply): string[] {
  return ehlo.lines.slice(1).map((l) => l.trim().toUpperCase());
}

/** The SASL mechanisms an EHLO reply offers. */
export function authMechanisms(caps: readonly string[]): string[] {
  const auth = caps.find((c) => c.startsWith('AUTH ') || c.startsWith('AUTH='));
  return auth ? auth.slice(5).split(/\s+/).filter(Boolean) : [];
}

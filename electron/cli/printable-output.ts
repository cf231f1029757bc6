import { printable } from '../../shared/printable';

/**
 * Makes everything the CLI writes to the terminal printable (shared/printable.ts): server
 * replies, token-server texts, profile names and pasted logs reach stdout/stderr inside our
 * messages, and an escape sequence among them would act on the engineer's terminal (OSC 52
 * clipboard writes, title changes, screen clears: issue 17). One choke point, so a new command
 * or message cannot forget it. Our own output needs no control characters but TAB, LF and CRLF.
 * Files written with --out are not affected (they are not a terminal).
 */
export function installPrintableOutput(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk === 'string') return write(printable(chunk), ...rest);
    if (chunk instanceof Uint8Array) return write(printable(Buffer.from(chunk).toString('utf8')), ...rest);
    return write(chunk, ...rest);
  }) as typeof stream.write;
}

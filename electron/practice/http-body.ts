import type { IncomingMessage } from 'node:http';

/**
 * A request body as text, or null when it is larger than `maxBytes` (the request is then
 * destroyed) or the stream fails: the practice emulators' one body reader, each with its own
 * limit (token endpoint, Graph/Exchange admin, ISE).
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

import { describe, expect, it } from 'vitest';
import { LogUploads } from '../../../../electron/core/troubleshoot/log-uploads';
import { MAX_LOG_FILE_BYTES, MAX_LOG_FILES } from '../../../../shared/contract/troubleshoot';

describe('log uploads held in main', () => {
  it('join the chunks in order and hand each file out once', () => {
    const u = new LogUploads();
    u.add('a', 'guest.log', 0, Buffer.from('hello '));
    expect(u.add('a', 'guest.log', 6, Buffer.from('world'))).toBe(11);
    expect(u.take(['a'])).toEqual([{ name: 'guest.log', data: Buffer.from('hello world') }]);
    expect(() => u.take(['a'])).toThrow(expect.objectContaining({ code: 'UPLOAD_NOT_FOUND' }));
  });

  it('refuse a file over the limit and drop it', () => {
    const u = new LogUploads();
    u.add('a', 'big.log', 0, Buffer.alloc(MAX_LOG_FILE_BYTES));
    expect(() => u.add('a', 'big.log', MAX_LOG_FILE_BYTES, Buffer.alloc(1))).toThrow(expect.objectContaining({ code: 'LOG_TOO_LARGE' }));
    expect(() => u.take(['a'])).toThrow(expect.objectContaining({ code: 'UPLOAD_NOT_FOUND' }));
  });

  it('hold at most MAX_LOG_FILES uploads and forget unfinished ones after 15 minutes', () => {
    let now = 0;
    const u = new LogUploads(() => now);
    for (let i = 0; i <= MAX_LOG_FILES; i++) u.add(`u${i}`, 'x', 0, Buffer.from('x'));
    expect(() => u.take(['u0'])).toThrow(expect.objectContaining({ code: 'UPLOAD_NOT_FOUND' }));
    expect(u.take([`u${MAX_LOG_FILES}`])).toHaveLength(1);
    now = 16 * 60_000;
    expect(() => u.take(['u1'])).toThrow(expect.objectContaining({ code: 'UPLOAD_NOT_FOUND' }));
  });
});

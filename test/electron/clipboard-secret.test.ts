import { describe, expect, it } from 'vitest';
import { clipboardSecretHandler, type SecretClipboard } from '../../electron/clipboard-secret';
import type { Handlers } from '../../electron/core/handlers/dispatch';
import { CallFailure } from '../../electron/core/errors/call-failure';

const SECRET = 'Kx8Q~clip.SecretValue-1234';

function fakeClipboard(): SecretClipboard & { text: string } {
  const c = { text: 'before', writeText: (t: string) => void (c.text = t), readText: () => c.text, clear: () => void (c.text = '') };
  return c;
}
const core: Handlers['copyClientSecret'] = async () => ({ mode: 'deliver', secret: SECRET, clearAfterSeconds: 60 });

describe('the desktop copyClientSecret (main writes the clipboard)', () => {
  it('puts the secret on the clipboard and answers without it', async () => {
    const clip = fakeClipboard();
    const timers: Array<{ fn: () => void; ms: number }> = [];
    const handler = clipboardSecretHandler(core, clip, (fn, ms) => timers.push({ fn, ms }));
    const answer = await handler({ profileId: 'p' });
    expect(answer).toEqual({ mode: 'copied', clearAfterSeconds: 60 });
    expect(JSON.stringify(answer)).not.toContain(SECRET);
    expect(clip.text).toBe(SECRET);
    expect(timers.map((t) => t.ms)).toEqual([60_000]);
    timers[0]!.fn();
    expect(clip.text).toBe('');
  });

  it('leaves a later copy alone when the time is up', async () => {
    const clip = fakeClipboard();
    const timers: Array<() => void> = [];
    await clipboardSecretHandler(core, clip, (fn) => timers.push(fn))({ profileId: 'p' });
    clip.writeText('something the engineer copied since');
    timers[0]!();
    expect(clip.text).toBe('something the engineer copied since');
  });

  it('writes nothing when there is no secret (never a placeholder)', async () => {
    const clip = fakeClipboard();
    const failing: Handlers['copyClientSecret'] = async () => {
      throw new CallFailure('SECRET_NOT_STORED', 'no client secret is stored');
    };
    await expect(clipboardSecretHandler(failing, clip)({ profileId: 'p' })).rejects.toMatchObject({ code: 'SECRET_NOT_STORED' });
    expect(clip.text).toBe('before');
  });
});

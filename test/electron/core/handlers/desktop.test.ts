import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../electron/core/handlers';
import { dispatch } from '../../../../electron/core/handlers/dispatch';

const ctx = { dataDir: '/nonexistent', version: '0.0.0', shell: 'browser', practice: false } as const;
const profileId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('desktop-only calls', () => {
  it('answer DESKTOP_ONLY where no desktop app runs', async () => {
    expect(await dispatch(createHandlers(ctx), 'exportReportPdf', { profileId })).toMatchObject({ ok: false, error: { code: 'DESKTOP_ONLY' } });
  });

  it('come from the factory the desktop entry passes, which may use the core handlers', async () => {
    const handlers = createHandlers(ctx, {
      desktop: (core) => ({
        exportReportPdf: async () => ({ fileName: typeof core.exportProfile === 'function' ? 'r.pdf' : 'none', mimeType: 'application/pdf', contentBase64: '' }),
      }),
    });
    expect(await dispatch(handlers, 'exportReportPdf', { profileId })).toEqual({ ok: true, value: { fileName: 'r.pdf', mimeType: 'application/pdf', contentBase64: '' } });
  });
});

import { describe, expect, it } from 'vitest';
import { dateTimeFormat, relativeTimeFormat } from '../../../renderer/i18n/formatters';

describe('Intl formatters kept per language and options', () => {
  it('builds a formatter once and hands out the same one again', () => {
    expect(dateTimeFormat('de', { dateStyle: 'medium' })).toBe(dateTimeFormat('de', { dateStyle: 'medium' }));
    expect(relativeTimeFormat('fr', { numeric: 'auto' })).toBe(relativeTimeFormat('fr', { numeric: 'auto' }));
  });

  it('keeps languages and options apart', () => {
    const noon = new Date('2026-12-01T12:00:00.000Z');
    expect(dateTimeFormat('de', { dateStyle: 'medium' })).not.toBe(dateTimeFormat('en', { dateStyle: 'medium' }));
    expect(dateTimeFormat('de', { dateStyle: 'medium' }).format(noon)).toBe('01.12.2026');
    expect(dateTimeFormat('de', { dateStyle: 'medium', timeZone: 'UTC' })).not.toBe(dateTimeFormat('de', { dateStyle: 'medium' }));
    expect(relativeTimeFormat('de', { numeric: 'auto' }).format(-1, 'day')).toBe('gestern');
    expect(relativeTimeFormat('de', { numeric: 'always' }).format(-1, 'day')).toBe('vor 1 Tag');
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../../electron/core/profiles/data-dir';

describe('resolveDataDir', () => {
  it('--data-dir wins, then ISE_SMTP_OAUTH_DATA_DIR', () => {
    expect(resolveDataDir('/tmp/a', { ISE_SMTP_OAUTH_DATA_DIR: '/tmp/b' }, 'linux', '/home/u')).toBe('/tmp/a');
    expect(resolveDataDir(undefined, { ISE_SMTP_OAUTH_DATA_DIR: '/tmp/b' }, 'linux', '/home/u')).toBe('/tmp/b');
    expect(resolveDataDir('rel', {}, 'linux', '/home/u')).toBe(path.resolve('rel'));
  });

  it('else the OS config folder', () => {
    expect(resolveDataDir(undefined, {}, 'linux', '/home/u')).toBe('/home/u/.config/ise-smtp-oauth');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/u')).toBe('/x/cfg/ise-smtp-oauth');
    expect(resolveDataDir(undefined, {}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/ise-smtp-oauth');
    expect(resolveDataDir(undefined, { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\ise-smtp-oauth',
    );
  });
});

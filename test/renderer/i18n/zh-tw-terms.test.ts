import { describe, expect, it } from 'vitest';
import { toTaiwanTerms } from '../../../scripts/i18n-zh-tw-terms.mjs';
import { readLocale } from '../../support/locale-files';

/**
 * zh-TW speaks Microsoft's Taiwan terms (issue 12), everywhere: a mainland term in any text of
 * the zh-TW locale fails here. Fix with `node scripts/i18n-zh-tw-terms.mjs`.
 */
const MAINLAND_TERMS: Array<[string, string]> = [
  ['令牌', '權杖'],
  ['客戶端', '用戶端'],
  ['證書', '憑證'],
  ['郵箱', '信箱'],
  ['租戶', '租用戶'],
  ['對象', '物件'],
  ['超時', '逾時'],
  ['代理', 'Proxy'],
  ['日誌', '記錄'],
  ['默認', '預設'],
  ['信息', '資訊'],
  ['服務器', '伺服器'],
  ['網絡', '網路'],
  ['軟件', '軟體'],
  ['鏈接', '連結'],
  ['登錄', '登入'],
];

function strings(node: unknown, at: string, out: Array<[string, string]>): Array<[string, string]> {
  if (typeof node === 'string') out.push([at, node]);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) strings(v, at ? `${at}.${k}` : k, out);
  return out;
}

// the zh-TW texts exactly as the build merges them from renderer/i18n/sources
const locale = readLocale('zh-TW');

describe('zh-TW uses Taiwan terms', () => {
  it.each(MAINLAND_TERMS)('no %s (Taiwan: %s) in any zh-TW text', (mainland) => {
    const hits = strings(locale, '', []).filter(([, text]) => text.includes(mainland)).map(([key]) => key);
    expect(hits).toEqual([]);
  });

  it('the rewrite turns the mainland terms into Taiwan ones', () => {
    expect(toTaiwanTerms('在令牌中的客戶端證書、郵箱與租戶的對象 ID 超時')).toBe('在權杖中的用戶端憑證、信箱與租用戶的物件識別碼 逾時');
    expect(toTaiwanTerms('使用代理連線')).toBe('使用 Proxy 連線');
    // already Taiwan: unchanged (租用戶 must not become 租用用戶)
    expect(toTaiwanTerms('租用戶的信箱')).toBe('租用戶的信箱');
  });

  it('the test knows a mainland text when it sees one', () => {
    expect(strings({ a: { b: '令牌無效' } }, '', []).filter(([, t]) => t.includes('令牌'))).toEqual([['a.b', '令牌無效']]);
  });
});

#!/usr/bin/env node
// Rewrites the zh-TW part of every namespace source in renderer/i18n/sources/ to Microsoft's
// Taiwan terms (issue 12: 權杖 not 令牌, 用戶端 not 客戶端, 憑證 not 證書, 信箱 not 郵箱,
// 租用戶 not 租戶, 物件識別碼, 逾時, Proxy), then merges each namespace into the locales.
// Idempotent: run it again after merging a branch that brought new zh-TW texts.
// test/renderer/i18n/zh-tw-terms.test.ts fails on any mainland term this leaves behind.
// Usage: node scripts/i18n-zh-tw-terms.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Whole phrases first (awkward calques), then single terms. Order matters. */
export const ZH_TW_REWRITES = [
  ['或該郵箱沒有對其的 Send As 權限', '或該信箱沒有傳送該地址郵件的「以寄件者身分傳送」(Send As) 權限'],
  ['您代理的 CA', '您的 Proxy 所用的 CA'],
  ['對象 ID', '物件識別碼'],
  ['對象識別碼', '物件識別碼'],
  ['令牌', '權杖'],
  ['客戶端', '用戶端'],
  ['證書', '憑證'],
  ['郵箱', '信箱'],
  ['租戶', '租用戶'],
  ['超時', '逾時'],
  ['代理伺服器', 'Proxy'],
  ['代理', 'Proxy'],
  ['日誌', '記錄'],
  ['保存', '儲存'],
];

/** Latin words inside Chinese text get a space on each side, as Microsoft's Taiwan texts do. */
function spaceLatin(text) {
  return text.replace(/([\u4e00-\u9fff])(Proxy)/g, '$1 $2').replace(/(Proxy)([\u4e00-\u9fff])/g, '$1 $2');
}

export function toTaiwanTerms(text) {
  let out = text;
  for (const [from, to] of ZH_TW_REWRITES) out = out.split(from).join(to);
  return spaceLatin(out);
}

function rewrite(node) {
  if (typeof node === 'string') return toTaiwanTerms(node);
  if (Array.isArray(node)) return node.map(rewrite);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, rewrite(v)]));
  return node;
}

const here = path.dirname(new URL(import.meta.url).pathname);
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const dir = path.join(here, '..', 'renderer', 'i18n', 'sources');
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const source = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!source['zh-TW']) continue;
    const next = { ...source, 'zh-TW': rewrite(source['zh-TW']) };
    if (JSON.stringify(next) === JSON.stringify(source)) continue;
    fs.writeFileSync(file, JSON.stringify(next, null, 2) + '\n');
    execFileSync(process.execPath, [path.join(here, 'i18n-merge.mjs'), name.replace(/\.json$/, ''), file], { stdio: 'inherit' });
  }
}

import { Agent, request } from 'undici';

/**
 * The "browser" of the practice tenant's one-click sign-in: it opens the authorize URL, reads
 * the self-submitting form Entra answers with (form_post) and submits it to MSAL's loopback,
 * as a browser would. Only for the practice tenant (its authorize page needs no password);
 * also the device-code "approve" click. Never used against a real authority.
 */

function hiddenFields(html: string): { action: string; fields: Record<string, string> } | null {
  const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return null;
  const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  const fields: Record<string, string> = {};
  for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)) fields[decode(m[1]!)] = decode(m[2]!);
  return { action: decode(form[1]!), fields };
}

export function practiceBrowser(ca: string[]): (url: string) => Promise<void> {
  return async (url: string) => {
    const dispatcher = new Agent({ connect: { ca, timeout: 10_000 } });
    try {
      const page = await request(url, { dispatcher, signal: AbortSignal.timeout(10_000) });
      const html = await page.body.text();
      const form = hiddenFields(html);
      if (!form) throw new Error(`the practice sign-in page did not answer with a form (HTTP ${page.statusCode})`);
      // MSAL listens on 127.0.0.1 but names it localhost; a browser would try both.
      const action = form.action.replace('://localhost', '://127.0.0.1');
      // Not awaited by MSAL: it resolves the sign-in as soon as the loopback has the code.
      void request(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form.fields).toString(), signal: AbortSignal.timeout(10_000) })
        .then((r) => r.body.dump())
        .catch(() => undefined);
    } finally {
      void dispatcher.close();
    }
  };
}

/** Approves a device code on the practice verification page (the trainee's click). */
export async function practiceApproveDeviceCode(verificationUri: string, userCode: string, ca: string[]): Promise<void> {
  const dispatcher = new Agent({ connect: { ca, timeout: 10_000 } });
  try {
    const r = await request(`${verificationUri}?otc=${encodeURIComponent(userCode)}`, { dispatcher, signal: AbortSignal.timeout(10_000) });
    await r.body.dump();
  } finally {
    await dispatcher.close();
  }
}

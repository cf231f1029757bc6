// The call graph of one traced run (electron/core/calls/trace.ts: every call with its start,
// end and the calls it needs, as the engine declares them) and the least time those
// dependencies allow: each call as long as it took in this run, every call started the moment
// the calls it needs have ended (independent calls side by side). That is the critical path.

/**
 * @typedef {{ id: string, step: string, service: string, operation: string, startMs: number, endMs: number, needs: string[] }} Call
 * @param {Call[]} calls
 * @returns {{ minimumMs: number, path: string[], depth: number, maxDepth: number, violations: string[] }}
 *   minimumMs: the critical path's length; path: its calls, first to last; depth: how many;
 *   maxDepth: the longest chain counted in calls; violations: calls that started before a call
 *   they declare they need had ended (a wrong declaration, or a missed dependency).
 */
export function criticalPath(calls) {
  const byId = new Map(calls.map((c) => [c.id, c]));
  for (const c of calls) for (const n of c.needs) if (!byId.has(n)) throw new Error(`call ${c.id} needs ${n}, which is not in the graph`);
  /** @type {Map<string, { finish: number, depth: number, chain: number, via: string | null }>} */
  const memo = new Map();
  const visiting = new Set();
  const finish = (id) => {
    const known = memo.get(id);
    if (known) return known;
    if (visiting.has(id)) throw new Error(`the call graph has a cycle through ${id}`);
    visiting.add(id);
    const c = byId.get(id);
    let best = { finish: 0, depth: 0, chain: 0, via: null };
    let chain = 0;
    for (const n of c.needs) {
      const f = finish(n);
      if (f.finish > best.finish) best = { ...f, via: n };
      chain = Math.max(chain, f.chain);
    }
    visiting.delete(id);
    const out = { finish: best.finish + Math.max(0, c.endMs - c.startMs), depth: (best.via ? best.depth : 0) + 1, chain: chain + 1, via: best.via };
    memo.set(id, out);
    return out;
  };
  let end = null;
  for (const c of calls) if (!end || finish(c.id).finish > finish(end).finish) end = c.id;
  const path = [];
  for (let id = end; id; id = memo.get(id).via) path.unshift(id);
  const violations = calls.filter((c) => c.needs.some((n) => byId.get(n).endMs > c.startMs + 0.5)).map((c) => c.id);
  return { minimumMs: end ? memo.get(end).finish : 0, path, depth: path.length, maxDepth: Math.max(0, ...calls.map((c) => memo.get(c.id).chain)), violations };
}

/** Calls per service, e.g. { graph: 7, exchange: 6 }. */
export function callsByService(calls) {
  const out = {};
  for (const c of calls) out[c.service] = (out[c.service] ?? 0) + 1;
  return out;
}

/**
 * Round trips on the wire: one per call (request → reply), plus two per new connection (TCP's
 * handshake and TLS 1.3's), counted at the relays.
 */
export function roundTrips(callCount, connections) {
  return callCount + 2 * connections;
}

/** The call graph as a markdown table (docs/PERFORMANCE.md prints it once per engine). */
export function callGraphTable(calls, critical) {
  const on = new Set(critical.path);
  const head = '| call | service | operation | needs | start → end (this run) |\n|---|---|---|---|---|';
  const lines = calls.map((c) => `| ${on.has(c.id) ? `**${c.id}**` : c.id} | ${c.service} | \`${c.operation}\` | ${c.needs.join(', ') || '–'} | ${Math.round(c.startMs)} → ${Math.round(c.endMs)} ms |`);
  return [head, ...lines].join('\n');
}

/**
 * Where a run's time beyond its minimum went, along its critical path: before the first call,
 * between each call and the last of the calls it needs (the engine's own work: parsing, the
 * profile store's writes, the keychain), and after the last call.
 * @param {Call[]} calls @param {{ path: string[] }} critical @param {number} wallMs
 * @returns {{ where: string, ms: number }[]} largest first
 */
export function pathGaps(calls, critical, wallMs) {
  const byId = new Map(calls.map((c) => [c.id, c]));
  const path = critical.path.map((id) => byId.get(id));
  if (!path.length) return [];
  const out = [{ where: `before ${path[0].id}`, ms: path[0].startMs }];
  for (const c of path.slice(1)) {
    const ready = Math.max(...c.needs.map((n) => byId.get(n).endMs));
    out.push({ where: `before ${c.id}`, ms: c.startMs - ready });
  }
  out.push({ where: `after ${path[path.length - 1].id}`, ms: wallMs - Math.max(...calls.map((c) => c.endMs)) });
  return out.sort((a, b) => b.ms - a.ms);
}

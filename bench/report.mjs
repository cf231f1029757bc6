// Turns the benchmark results into the console table and docs/PERFORMANCE.md.
import { ROUND_TRIPS, SMTP_GREETING_DELAY_MS } from './latency.mjs';

export const GOALS = {
  latencyFactor: 1.15,
  startupMs: 1500,
  /** 350 KB, counted as KiB (1024 bytes). */
  bundleGzipBytes: 350 * 1024,
};

const ms = (x) => (x === null || x === undefined ? '–' : `${Math.round(x)} ms`);
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * The result rows: one per metric, with its goal and verdict where it has one.
 * @returns {{ metric: string, median: string, min: string, max: string, runs: string, goal: string, result: string }[]}
 */
export function legacyRows(r) {
  const out = [];
  const row = (metric, s, fmt, goal = '', result = '') =>
    out.push({ metric, median: s ? fmt(s.median) : '–', min: s ? fmt(s.min) : '–', max: s ? fmt(s.max) : '–', runs: s ? String(s.n) : '–', goal, result });
  if (r.latency) {
    const L = r.latency;
    const limit = GOALS.latencyFactor * L.minimumNominalMs;
    const ratio = L.ours.median / L.minimumNominalMs;
    row(`Full diagnose, ours (warm, ${L.rttMs} ms RTT)`, L.ours, ms, `≤ ${GOALS.latencyFactor} × minimum = ${Math.round(limit)} ms`, `${L.ours.median <= limit ? 'met' : 'MISSED'} (${ratio.toFixed(2)} ×)`);
    out.push({ metric: `Protocol minimum (${L.rttMs} ms RTT)`, median: ms(L.minimumNominalMs), min: '', max: '', runs: 'computed', goal: '', result: `${ms(L.minimumEffectiveMs)} at the relay's measured ${L.effectiveRttMs.toFixed(1)} ms RTT` });
    row('Full diagnose, ours (fresh process)', L.oursCold, ms, '', `${(L.oursCold.median / L.minimumNominalMs).toFixed(2)} × minimum`);
    row('Naive msal-node → nodemailer script', L.naive, ms, '', `${(L.naive.median / L.minimumNominalMs).toFixed(2)} × minimum`);
    row('Full diagnose, ours (warm, no added RTT)', L.oursNoRtt, ms, '', 'CPU and emulator floor');
  }
  if (r.startup) {
    const S = r.startup;
    row('Start-up to interactive welcome (browser mode)', S.interactive, ms, `< ${GOALS.startupMs} ms`, S.interactive.median < GOALS.startupMs ? 'met' : 'MISSED');
    row('… of which: serve prints its URL', S.serverUrl, ms);
  }
  if (r.bundle) {
    const B = r.bundle;
    const one = (v) => ({ median: v, min: v, max: v, n: 1 });
    row(`Renderer JS for the welcome screen, gzip -9 (${B.initialFiles} files, ${kb(B.initialRawBytes)} raw)`, one(B.initialGzipBytes), kb, `< ${kb(GOALS.bundleGzipBytes)}`, B.initialGzipBytes < GOALS.bundleGzipBytes ? 'met' : 'MISSED');
    row(`Renderer JS in all, gzip -9 (${B.files} files, ${kb(B.rawBytes)} raw: lazy screens, 5 locales)`, one(B.gzipBytes), kb, '', B.gzipBytes < GOALS.bundleGzipBytes ? 'also under 350 KB' : 'over 350 KB, loaded on demand');
  }
  return out;
}

const formatters = { ms: (x) => `${Math.round(x)} ms`, MB: (x) => `${Math.round(x)} MB`, fd: (x) => `${Math.round(x)}` };

/** Every section's rows in table form (legacy rows are already formatted). */
export function rows(r) {
  const out = [];
  for (const section of r.sections ?? []) {
    for (const row of section.rows) {
      if (typeof row.median === 'string') {
        out.push(row);
        continue;
      }
      const fmt = row.fmt ?? formatters[row.unit] ?? ((x) => String(Math.round(x)));
      out.push({ metric: row.metric, median: fmt(row.s.median), min: row.s.n > 1 ? fmt(row.s.min) : '', max: row.s.n > 1 ? fmt(row.s.max) : '', runs: String(row.s.n), goal: row.goal ?? '', result: row.result ?? '' });
    }
  }
  // A row without a goal is context for the row above it (a minimum, a breakdown): it says so.
  return out.map((row) => (row.goal ? row : { ...row, goal: '(context)' }));
}

/** A plain-text table for the console. */
export function consoleTable(list) {
  const cols = ['metric', 'median', 'min', 'max', 'runs', 'goal', 'result'];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...list.map((r) => r[c].length))]));
  const line = (r) => cols.map((c) => r[c].padEnd(width[c])).join('  ').trimEnd();
  return [line(Object.fromEntries(cols.map((c) => [c, c]))), cols.map((c) => '-'.repeat(width[c])).join('  '), ...list.map(line)].join('\n');
}

function markdownTable(list) {
  const head = '| metric | median | min | max | runs | goal | result |\n|---|---:|---:|---:|---:|---|---|';
  return [head, ...list.map((r) => `| ${r.metric} | ${r.median} | ${r.min} | ${r.max} | ${r.runs} | ${r.goal} | ${r.result} |`)].join('\n');
}

function checksTable(L) {
  const ids = Object.keys(L.checks);
  const lines = ids.map((id) => `| ${id} | ${ms(L.checks[id].median)} | ${ms(L.checksNoRtt[id]?.median)} |`);
  return ['| check (its own duration) | median at ' + L.rttMs + ' ms RTT | median at no added RTT |', '|---|---:|---:|', ...lines].join('\n');
}

/**
 * The closing note: every goal missed, and what this run's own figures say about where the
 * time went (per-check medians, the no-RTT floor, the machine's load). No fixed explanation
 * text: a stale "why" is worse than none.
 */
export function missedGoals(r) {
  const notes = [];
  const load = r.machine?.loadAverage ? ` Load average at the start: ${r.machine.loadAverage}.` : '';
  if (r.latency) {
    const L = r.latency;
    const limit = GOALS.latencyFactor * L.minimumNominalMs;
    if (L.ours.median > limit) {
      const perCheck = Object.entries(L.checks)
        .map(([id, s]) => `${id} ${ms(s.median)}`)
        .join(', ');
      notes.push(
        `- **Full diagnose: ${ms(L.ours.median)} against a limit of ${ms(limit)} (${(L.ours.median / L.minimumNominalMs).toFixed(2)} × the ${ms(L.minimumNominalMs)} minimum; ` +
          `min ${ms(L.ours.min)}, max ${ms(L.ours.max)}).** Per check (each its own duration; the token and SMTP paths overlap): ${perCheck}. ` +
          `With no added RTT a run takes ${ms(L.oursNoRtt.median)} (CPU and the emulators' fixed ${SMTP_GREETING_DELAY_MS} ms greeting delay).${load}`,
      );
    }
  }
  if (r.startup && r.startup.interactive.median >= GOALS.startupMs) {
    const S = r.startup;
    notes.push(
      `- **Start-up: ${ms(S.interactive.median)} against < ${ms(GOALS.startupMs)}.** \`serve\` printed its URL after ${ms(S.serverUrl.median)}; ` +
        `the rest is Chromium loading the page and its JavaScript and the appInfo round trip. A bare \`node -e ''\` took ${ms(r.machine.bareNodeStartMs)} at the start of this run (about 40 ms on an idle machine).${load}`,
    );
  }
  if (r.bundle && r.bundle.initialGzipBytes >= GOALS.bundleGzipBytes) {
    const B = r.bundle;
    notes.push(`- **Renderer JS: the welcome screen loads ${kb(B.initialGzipBytes)} gzipped (${B.initialFiles} files) against < ${kb(GOALS.bundleGzipBytes)}; all JS is ${kb(B.gzipBytes)}.**`);
  }
  // Every other row that missed its goal, as the row itself says it.
  const legacy = /^(Full diagnose|Start-up|Renderer JS)/;
  for (const row of rows(r)) {
    if (/^MISSED/.test(row.result) && !legacy.test(row.metric)) notes.push(`- **${row.metric}: ${row.median}** against ${row.goal} (${row.result}).${load}`);
  }
  return notes.length ? notes.join('\n') : 'Every goal was met in this run.';
}

/** How the analyzer reaches its speed, and where its limit is now (kept beside the figures). */
const ANALYZER_NOTES = [
  "**Where the time goes, and the limit now.** On a log of events the analyzer's cost is per entry, not per byte: each entry that passes the prefilter is located, its header parsed and its text classified (a dozen RegExps, more for a failure). What brings that down: (1) an entry seen before is recognised from its bytes (electron/core/troubleshoot/guest-log/entry-memo.ts: everything but the timestamp and thread, compared byte for byte), so it is neither decoded nor classified again. The entries that followed the last one found (up to four, latest first: a message that belongs to several sequences has a successor in each) are compared with the next entry right in the read buffer before its end is even looked for (lookNext), so a log that repeats its sequences, as a send or a test connection does, is walked without line splitting or hashing; the key's end stands where the scanner would end the entry only when the next line is timestamped, so a known first line with more lines after it is still read in full. A send's duration (`… call is N Milli Seconds.` at the end of the entry's last line, one line or the guide's three) is left out of the key and read back from the bytes; an entry is stored only once it is seen twice, so entries that stay unique do not push the repeated ones out; failures that differ only in Exchange's reply time (`[AM0PR01CA0001.… 2026-02-12T10:10:00.100Z 08DE1234]`) still get their text read, but their error code comes from a table of codes kept by the text with the time left out (guest-log/error-codes.ts says why the code cannot depend on it; its test checks every fixture failure with random times); only the first 16 KB of each line is decoded (the prefilter still searches every byte), so lines of hundreds of KB do not raise peak memory; (2) right after an entry that counted, the entries the memo knows to hold a prefilter fragment outside their thread are taken without being searched at all, and the search itself runs lazily, a block at a time (small blocks while hits come often, growing to 1 MB while they do not); the search is run once over text holding every fragment when the module loads, so V8 optimises it with feedback for all its paths (before, its first long search was optimised mid-loop and thrown away at the loop's end ~20 times per thread); (3) event details are redacted only for the 1,000 timeline events kept; (4) a large plain file is cut at entry starts into ranges of about 8 MB (at most 16), and the calling thread and the worker threads (one per further CPU, at most 4 threads in all, and none only when the 1-minute load average is four times the CPUs: parallel.ts gives the measurements behind that; started before anything else is read, so their ~50 ms start-up overlaps the caller's) each take the next range from one shared counter until none is left, so no thread waits for another; the ranges' partial results are merged in file order (GuestLogAnalysis.mergePart) into exactly the one-thread result (test/electron/core/troubleshoot/guest-log/parallel.test.ts checks equality on every fixture and on generated logs at each density; guest-log-reference.test.ts checks the fast path against a naive line-by-line reading at each density and the memo's guesses on crafted logs); each thread reads its file through two 1 MB buffers that take turns (a fresh buffer per chunk was fresh memory mapped page by page, ~5 % of the time). .gz files, and files under 24 MB, are read on one thread.",
  '',
  "The limit is now CPU per entry on each of the two cores, and the cores' share of one machine. On the dense log the known-entry walk (the byte compare of each entry with its guess, its time and thread decoded into strings, the counters and the timeline event it adds) is most of the time; the search, the entries still read in full (the Exchange failures, whose text and timeline detail are their own) and garbage collection share the rest. Between the dense and the empty log, at 50 % the search covers nearly every byte (events and chatter alternate, so the bytes of the events are searched too before the memo takes them) and the events cost what they cost on the dense log. Two threads use ~40 % more CPU in all than one (each V8 isolate warms up and optimises its own code, and two busy cores run each other slower), and give the result sooner at every load measured. The generated log repeats the guide's sequences exactly; a real guest.log varies more (other threads, other messages between), which costs the memo guesses (it then hashes) but not correctness. grep stays faster because it only counts lines.",
].join('\n');

/** Each section's start, duration and 1-minute load average before and after it. */
function sectionLoadTable(r) {
  const list = (r.sections ?? []).filter((s) => s.loadBefore !== undefined);
  if (!list.length) return [];
  return ['| section | started | took | load before → after (1 min) |', '|---|---|---:|---|', ...list.map((s) => `| ${s.id} | ${s.startedAt} | ${s.seconds} s | ${s.loadBefore} → ${s.loadAfter} |`), ''];
}

/** docs/PERFORMANCE.md */
export function markdown(r, argv) {
  const m = r.machine;
  const L = r.latency;
  const parts = [
    '# Performance',
    '',
    `Written by \`npm run bench\` (bench/run.mjs) — do not edit by hand; run it again. Command of this run: \`${argv}\`.`,
    'Figures are the median of the runs, with min and max. The numbers come from the benchmark scripts under bench/, which anyone can re-run; no figure comes from a timed test.',
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| date | ${m.date} |`,
    `| CPU | ${m.cpu}, nproc ${m.nproc}, ${m.memoryGb} GB RAM |`,
    `| load average at start (1, 5, 15 min) | ${m.loadAverage} |`,
    `| load average at end | ${r.loadAtEnd} |`,
    `| bare \`node -e ''\` at start (load indicator, ~40 ms when idle) | ${ms(m.bareNodeStartMs)} |`,
    `| Node | ${m.node} |`,
    `| OS | ${m.os} |`,
    `| commit | ${m.commit} |`,
    '',
    'Other work shared this machine during the run (the load average says how much): read the figures as an upper bound.',
    '',
    ...sectionLoadTable(r),
    '## Results',
    '',
    markdownTable(rows(r)),
    '',
  ];
  if (L) {
    parts.push(
      '## 1. Full diagnostic latency',
      '',
      `What is timed: \`diagnose()\` (electron/core/diagnostics) for the healthy practice tenant, the full run — input checks, login-host probe, a fresh token (a new MSAL instance, skipCache), claims, the SMTP host up to STARTTLS and EHLO, AUTH XOAUTH2 — from the call to the report. “Warm”: in one long-lived process after one warm-up run, as the wizard's *Check again* runs; “fresh process”: one run per new process (module loading excluded, JIT cold), as one \`ise-smtp-oauth diagnose\`.`,
      '',
      `**The emulated network.** ${L.rttMs} ms per round trip, on both of the practice tenant's servers. netem was the first choice, but this kernel has no \`sch_netem\` (\`tc qdisc add dev lo root netem delay 20ms\` in a fresh \`ip netns\` answers “Specified qdisc kind is unknown”), so bench/rtt-proxy.mjs does the same in user space: a relay on 127.0.0.1 that delivers every byte half a round trip late in each direction and also charges the TCP handshake (the server sees the connection half an RTT late; the client's first bytes arrive no earlier than 1.5 RTT after connect()). The far side (practice tenant + relays) runs in its own process so its TLS and token signing do not share an event loop with the client being timed. The relay's effective round trip, measured by echo ping-pong at the start of the run: ${L.effectiveRttMs.toFixed(1)} ms (timer lateness on a loaded machine). The emulators' own \`latencyMs\` option stays 0: it would delay replies, not round trips, and double-count with the relay.`,
      '',
      '**The protocol\'s minimum**, in round trips (RTT) with TLS 1.3 (one round trip per handshake):',
      '',
      '| path | round trips |',
      '|---|---|',
      `| token | TCP connect 1 + TLS handshake 1 + HTTP POST → token 1 = **${ROUND_TRIPS.token}** |`,
      `| SMTP up to AUTH | TCP connect 1 (the greeting rides on it: the server speaks on accept, so it lands 1 RTT + its fixed delay after connect() began) + EHLO 1 + STARTTLS 1 + TLS handshake 1 + EHLO 1 = **${ROUND_TRIPS.smtpBeforeAuth}**, plus smtp-server's fixed ${SMTP_GREETING_DELAY_MS} ms before the greeting (its early-talker check, \`setTimeout(() => this.connectionReady(), 100)\` in smtp-connection.js; not configurable) |`,
      `| AUTH XOAUTH2 | needs both paths: **${ROUND_TRIPS.auth}** (235 2.7.0); QUIT is not waited for |`,
      '',
      `minimum = max(${ROUND_TRIPS.token} × RTT, ${ROUND_TRIPS.smtpBeforeAuth} × RTT + ${SMTP_GREETING_DELAY_MS} ms) + ${ROUND_TRIPS.auth} × RTT = max(${ROUND_TRIPS.token * L.rttMs}, ${ROUND_TRIPS.smtpBeforeAuth * L.rttMs + SMTP_GREETING_DELAY_MS}) + ${L.rttMs} = **${ms(L.minimumNominalMs)}** at ${L.rttMs} ms (${ms(L.minimumEffectiveMs)} at the relay's measured RTT). The server's own CPU (token signing, TLS) is not in the minimum: the 15 % margin of the goal is for it and for ours.`,
      '',
      '**The naive script** (bench/naive-diagnose.mjs): msal-node for the token, then nodemailer `verify()` (connect, STARTTLS, AUTH XOAUTH2), one after the other, one run per fresh process (a second run in the same process would reuse the global fetch keep-alive connection and skip two token round trips). Same authority metadata as ours, so MSAL makes no discovery request. No login-host probe, no SMTP probe, no claim checks: it proves less, and names no cause when it fails. Its sequential floor is (3 + 6) × RTT + 100 ms = ' +
        ms(9 * L.rttMs + SMTP_GREETING_DELAY_MS) +
        '.',
      '',
      'Where our time goes (each check\'s own `durationMs` from the report; the two paths run in parallel, then AUTH):',
      '',
      checksTable(L),
      '',
    );
  }
  if (r.startup) {
    parts.push(
      '## 2. Start-up and bundle',
      '',
      "Start-up: from spawning `node bin/ise-smtp-oauth.js serve --no-open --port 0 --data-dir <fresh tmp>` to the welcome screen being interactive in Chromium (Debian's /usr/bin/chromium, playwright.config.ts's launch arguments, a fresh browser context per run, the browser itself already running): the language picker enabled and the version text from the appInfo call visible. One warm-up run first (disk cache). Bundle (after `npm run build`, gzip level 9 per file): the welcome screen's JS is the module script and the modulepreload chunks that out/renderer/index.html loads up front (the goal is judged on it: it is what a user waits for); all JS adds the screens and the five non-English locales that load on demand.",
      '',
    );
  }
  if (r.guestLog) {
    const dense = r.guestLog.cases[0];
    parts.push(
      '## 3. guest.log analysis',
      '',
      `scripts/bench-guest-log.mjs generates a guest.log from the guide's own lines (bench/guest-log-gen.mjs: the entries of test/fixtures/guest-log/, which hold the lines Cisco's guide prints, repeated with rising timestamps and varied send durations; "density" is the share of lines that belong to events), runs the analyzer as a whole process (node on the bundled analyzer and its worker: start-up, reading, worker threads, the result) and \`grep -cE\` with the analyzer's own prefilter patterns on the same file in the same run. The dense case (every line an event) ran ${dense.runs} time(s) on ${dense.fileMb} MB, the sweep once per density. The dense case's last output:`,
      '',
      '```',
      dense.lastOutput.trim(),
      '```',
      '',
      ANALYZER_NOTES,
      '',
    );
  }
  if (r.fleet) {
    parts.push(
      '## 4. The fleet check',
      '',
      `bench/fleet.mjs: checkFleet (electron/core/fleet) over ${r.fleet.count} practice profiles, ${r.fleet.concurrency} at a time, against the practice tenant behind the ${r.fleet.rttMs} ms relays of section 1 (its own process). "One diagnose" is the median of three single runs in the same process just before (after one warm-up). RSS is sampled every 50 ms during the run ("flat": the last quarter's mean within 20 % of the first quarter's); file descriptors are counted in /proc/self/fd before the run and 0.5 s after it. The CLI (\`diagnose --all-profiles\`) and the app's Check all run the same function; they add the keychain read per profile and one write of fleet-results.json.`,
      '',
    );
  }
  if (r.profiles || r.ui) {
    parts.push(
      '## 5. A large profile store, and the screens',
      '',
      "bench/profile-store-gen.mjs writes stores of 1,000 and 20,000 profiles, each with a full last verification as the wizard keeps it (the 20,000 file is ~40 MB). `profiles list` is timed as a whole process (node start-up included; the bare `node -e ''` of the same run is beside it). The Profiles screen and the CLI's list read the store through electron/core/profiles/page.ts: the file is parsed once per change and reused while its size, mtime and inode stay the same, only the page's profiles are validated, and the secret status comes from one keychain call (findCredentials) instead of one per profile; the screen shows 50 profiles per page. The first call on 20,000 profiles reads and parses the whole file, the longest the event loop is blocked; the store itself (ProfileStore, used by every write) still reads and validates the whole file on each call, which is why the list path avoids it. bench/ui.mjs times, in Chromium, the click on Profiles to the first 50 rows drawn (1,000 profiles), inside the page as for the wizard's Check (a capturing click listener, then the first animation frame after the 50th row is in the DOM), and beside it the same clicks as Playwright sees them, from its click() call to its waitForFunction resolving, which adds its own actionability checks and round trips. The screen's code is preloaded at idle (Profiles first), a click that comes before it has loaded waits for it instead of suspending into React's 300 ms reveal delay (renderer/shell/goWhenLoaded.ts), each row's two menus and its expiry tooltip mount on first use (renderer/components/MenuButtonOnDemand.tsx, DescriptionTooltipOnDemand.tsx), and date formatters are built once per language (renderer/i18n/formatters.ts); bench/profiles-screen.mjs splits a click's time into the page request, its reply and the drawing.",
      '',
    );
  }
  // Sections that bring their own notes (bench/sections.mjs `notes`), in the order they ran.
  const TITLES = { setup: 'The automated setup ("Set it up for me")', ise: 'The ISE inspection', ui: "The wizard's Check, in Chromium" };
  for (const section of r.sections ?? []) {
    if (section.notes) parts.push(`## ${TITLES[section.id] ?? section.id}`, '', section.notes, '');
  }
  parts.push(
    '## Adding rows',
    '',
    'The sections come from one list, bench/sections.mjs: a measurement is a module with `run(options)`, `rows(data)` (each row with its goal and whether it holds in the run) and optionally `notes(data)` (its paragraph here), and one entry in that list.',
    '',
  );
  parts.push('## Goals missed, and why', '', missedGoals(r), '');
  return parts.join('\n');
}

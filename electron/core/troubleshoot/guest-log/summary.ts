import type { LogEvent, LogFinding } from '../../../../shared/contract/troubleshoot';

/**
 * The result side of the analysis: what is built from the counted findings and the kept
 * timeline once every entry was read. Kept apart from the per-entry path (analyzer.ts record,
 * classify, the memo), so both the one-thread and the merged range analysis pass through it
 * alike and give the same result.
 */

/**
 * The timeline in time order. A single ISE file is in order, but a paste from a guide or a
 * ticket puts sections one after the other (the guide shows the test connection at 05:59 before
 * the save at 05:54), and threads log a few milliseconds apart. ISE's timestamp
 * (`2026-02-02 05:17:34,608`) has a fixed width, so text order is time order. Stable: events
 * of the same millisecond keep the file's order; an event without a time keeps its place
 * after the event before it.
 */
export function sortTimeline(events: readonly LogEvent[]): LogEvent[] {
  let carried = '';
  const keyed = events.map((event, index) => {
    if (event.time) carried = event.time;
    return { event, index, key: carried };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
  return keyed.map((k) => k.event);
}

/**
 * What to work on, in the findings' order: errors and warnings that did not succeed later.
 * A finding followed by a working test connection or send ("Succeeded later") stays in the
 * findings table with that state, but asks nothing of the engineer.
 */
export function nextStepsOf(findings: readonly LogFinding[]): LogFinding['code'][] {
  return findings.filter((f) => f.severity !== 'info' && !f.resolvedLater).map((f) => f.code);
}

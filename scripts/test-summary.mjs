#!/usr/bin/env node
// Adds up the vitest and Playwright JSON reports (plus failed build/typecheck/lint steps)
// into the one closing line CI reads: "N passed, N failed". Exit 1 when anything failed
// or a report is missing (a runner that crashed must not look like a pass).
import fs from 'node:fs';

const failedSteps = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = failedSteps;
let skipped = 0;

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    console.log(`missing or unreadable report: ${file}`);
    failed += 1;
    return null;
  }
}

const vitest = read('test-results/vitest-report.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A suite that failed to load reports no tests: count it as a failure.
  failed += vitest.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
}
const e2e = read('test-results/e2e-report.json');
if (e2e) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
  skipped += e2e.stats.skipped;
  failed += (e2e.errors ?? []).length;
}
console.log(`vitest: ${vitest ? vitest.numPassedTests : 0} passed; playwright: ${e2e ? e2e.stats.expected : 0} passed; failed steps: ${failedSteps}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

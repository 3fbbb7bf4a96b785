/**
 * A vitest reporter that ends the run with one plain line, `Tests: N passed, N failed, N skipped`, which CI
 * systems that read closing lines understand whatever the runner. Before it, one line per reason suites were
 * skipped for (the `(skipped: …)` their names carry, test/support/requirements.ts).
 *
 * Honest counts: a file that fails to load, a suite whose hook throws, an unhandled error each count as a
 * failure even when no test reports one (vitest then marks the suite's tests skipped, not failed).
 */
import type { Reporter, SerializedError, TestModule, TestSuite } from 'vitest/node';

const SKIP_REASON = /\(skipped: (.+)\)$/;

/** The skip reason a test inherits from the nearest suite that names one. */
function skipReason(suite: TestSuite | TestModule): string | undefined {
  for (let s: TestSuite | TestModule = suite; s.type === 'suite'; s = s.parent) {
    const m = SKIP_REASON.exec(s.name);
    if (m) return m[1];
  }
  return undefined;
}

/** Failures that no failed test accounts for: the module's own errors, or a suite hook that threw. */
function uncountedFailures(m: TestModule): number {
  const hasFailedTest = (s: TestModule | TestSuite) =>
    [...s.children.allTests()].some((t) => t.result().state === 'failed');
  let n = 0;
  for (const s of m.children.allSuites()) if (s.state() === 'failed' && !hasFailedTest(s)) n++;
  return n === 0 && m.state() === 'failed' && !hasFailedTest(m) ? 1 : n;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    const reasons = new Map<string, number>();
    for (const m of testModules) {
      failed += uncountedFailures(m);
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else {
          skipped++;
          const why = skipReason(t.parent);
          if (why) reasons.set(why, (reasons.get(why) ?? 0) + 1);
        }
      }
    }
    let out = '\n';
    for (const [why, n] of reasons) out += `Skipped ${n} test${n === 1 ? '' : 's'}: ${why}\n`;
    process.stdout.write(`${out}Tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

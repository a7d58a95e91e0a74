// Prints the one line CI reads, "N passed, N failed, N skipped", from the JSON reports of every
// suite (vitest now; Playwright joins it), and exits non-zero on any failure or missing report.
import fs from 'node:fs';

const reports = [
  { name: 'vitest', file: '.test-results/vitest.json', required: true },
  { name: 'playwright', file: '.test-results/playwright.json', required: false },
];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const report of reports) {
  if (!fs.existsSync(report.file)) {
    if (report.required) {
      console.error(`${report.name}: no report at ${report.file} (the suite did not run to the end)`);
      failed += 1;
    }
    continue;
  }
  const json = JSON.parse(fs.readFileSync(report.file, 'utf8'));
  if (report.name === 'vitest') {
    passed += json.numPassedTests ?? 0;
    failed += (json.numFailedTests ?? 0) + (json.success === false && !json.numFailedTests ? 1 : 0);
    skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  } else {
    passed += json.stats?.expected ?? 0;
    failed += (json.stats?.unexpected ?? 0) + (json.errors?.length ?? 0);
    skipped += json.stats?.skipped ?? 0;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

// Prints jest's JSON results as the one plain line CI reads ("N passed, N failed, N skipped"); exits 1 on any failure.
import { existsSync, readFileSync } from "node:fs";

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log("0 passed, 1 failed");
  console.error(`no jest results at ${file}: the test run did not complete`);
  process.exit(1);
}
const results = JSON.parse(readFileSync(file, "utf8"));
// Suites that fail to load (syntax or import errors) have no test results but must count as failures.
const brokenSuites = results.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
const failed = results.numFailedTests + brokenSuites;
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || results.numTotalTests === 0 ? 1 : 0);

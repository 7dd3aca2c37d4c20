// Jest globalSetup: builds dist/ (`node build.mjs`) once per jest run, before any test, so no test reads a stale bundle.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");

module.exports = function buildOnce() {
  try {
    // The build's log goes to stderr with jest's own output, so `jest --json` without --outputFile keeps stdout JSON.
    execFileSync(process.execPath, ["build.mjs"], { stdio: ["ignore", process.stderr, "inherit"], cwd: root });
  } catch (error) {
    throw new Error(`node build.mjs failed (${error.status ?? error.message}): no test was run against dist/`);
  }
};

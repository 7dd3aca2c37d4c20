// Jest configuration: TypeScript through @swc/jest, tests under test/ mirroring src/ and local/, dist/ built once first.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Runs `node build.mjs` once per jest invocation (npm test, npx jest, an IDE run), so tests never see a stale dist/.
  globalSetup: "<rootDir>/test/global-setup.js",
  // Jest's transform cache lives with the dependencies rather than in the system temp folder.
  cacheDirectory: "<rootDir>/node_modules/.cache/jest",
  transform: {
    "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } } }],
  },
  moduleFileExtensions: ["ts", "js", "json"],
};

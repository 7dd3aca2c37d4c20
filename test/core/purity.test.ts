/** Guards the rule that src/core is pure: its tsconfig has no Apps Script types, so a service global there fails the type-check. */

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const tsc = path.join(root, "node_modules/.bin/tsc");

function typecheckWithCoreConfig(source: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "core-purity-"));
  try {
    writeFileSync(path.join(dir, "probe.ts"), source);
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({ extends: path.join(root, "src/core/tsconfig.json"), include: ["probe.ts"] }),
    );
    try {
      return { ok: true, output: execFileSync(tsc, ["--noEmit", "-p", dir], { encoding: "utf8" }) };
    } catch (error) {
      return { ok: false, output: String((error as { stdout?: string }).stdout) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("src/core purity", () => {
  it("a SpreadsheetApp reference fails the core type-check", () => {
    const result = typecheckWithCoreConfig("export const sheet = SpreadsheetApp.getActiveSheet();\n");
    expect(result.ok).toBe(false);
    expect(result.output).toContain("Cannot find name 'SpreadsheetApp'");
  });

  it("plain TypeScript passes the same check (the probe itself is sound)", () => {
    expect(typecheckWithCoreConfig("export const n: number = 1;\n").ok).toBe(true);
  });
});

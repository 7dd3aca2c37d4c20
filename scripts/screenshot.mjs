// Takes docs/playground.png: starts the playground on a fresh demo, moves the clock an hour so the first digests are in the outbox, and shoots the real page (1280×800) in Debian's Chromium.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const output = path.join(root, "docs", "playground.png");
const server = path.join(root, ".local-build", "playground-server.cjs");
await esbuild.build({
  entryPoints: [path.join(root, "local", "playground", "server.ts")],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  packages: "external",
  outfile: server,
  logLevel: "warning",
});
const { startPlayground } = createRequire(import.meta.url)(server);

const stateDir = mkdtempSync(path.join(tmpdir(), "playground-screenshot-"));
const playground = await startPlayground({ root, port: 0, stateFile: path.join(stateDir, "state.json") });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${playground.url}/`);
  await page.frameLocator("#sidebar-frame").getByLabel("客户名称").waitFor();
  await page.getByRole("button", { name: "+1 hour" }).click();
  await page.locator("#mail-list li").first().waitFor();
  await page.locator("#mail iframe").waitFor();
  await page.screenshot({ path: output });
  console.log(`wrote ${path.relative(root, output)}`);
} finally {
  await browser.close();
  await playground.close();
  rmSync(stateDir, { recursive: true, force: true });
}

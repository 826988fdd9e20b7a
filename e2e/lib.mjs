// Shared by the browser tests: launching Debian's chromium, signing in as a demo user,
// accessibility checks with axe-core, screenshots and render times.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import assert from "node:assert/strict";

const require = createRequire(import.meta.url);
export const BASE = process.env.HAVEN_E2E_URL;
export const PASSWORD = process.env.HAVEN_E2E_PASSWORD;
const AXE = require.resolve("axe-core/axe.min.js");
const SCREENSHOTS = new URL("./screenshots/", import.meta.url);
const REPORT = new URL("./report.json", import.meta.url);

export async function launch() {
  assert.ok(BASE, "run through e2e/run.sh, which starts the demo server");
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
}

/** A new page signed in as a demo user, in a language. */
export async function signIn(browser, username, lang = "en") {
  const context = await browser.newContext({ locale: lang, baseURL: BASE });
  await context.addCookies([{ name: "haven_lang", value: lang, url: BASE }]);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/sign-in")), page.click("form.card button[type=submit]")]);
  return page;
}

/** Fails on any WCAG 2 A or AA violation axe-core finds on the page as it is. */
export async function checkAccessibility(page, what) {
  // Evaluated through the DevTools protocol: the page's strict content security policy would
  // refuse it as an inline script, and stays as strict as in production.
  await page.evaluate(readFileSync(AXE, "utf8"));
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  const problems = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
  assert.deepEqual(problems, [], `accessibility of ${what}`);
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const lang = await page.evaluate(() => document.documentElement.lang);
  await page.screenshot({ path: new URL(`${lang}-${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

/** The time to the load event of a page on a throttled 3G profile, added to e2e/report.json. */
export async function measureOn3G(browser, username, path, lang = "en") {
  const page = await signIn(browser, username, lang);
  const cdp = await page.context().newCDPSession(page);
  // Chrome DevTools' "Fast 3G": 562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up; a
  // four-times slower CPU, like a cheap tablet.
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 562.5, downloadThroughput: (1.44 * 1024 * 1024) / 8, uploadThroughput: (675 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.goto(path, { waitUntil: "load" });
  const ms = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType("navigation");
    return Math.round(nav.loadEventEnd - nav.startTime);
  });
  await page.context().close();
  record({ page: path, lang, profile: "Fast 3G, CPU x4", load_ms: ms });
  return ms;
}

function record(entry) {
  const report = existsSync(REPORT) ? JSON.parse(readFileSync(REPORT, "utf8")) : [];
  report.push({ ...entry, measured_at: new Date().toISOString() });
  writeFileSync(REPORT, JSON.stringify(report, null, 2));
}

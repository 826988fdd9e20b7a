// Render times of the main pages on a throttled 3G profile, written to e2e/report.json:
// measured and reported, never asserted (the aim is under a second).
import { test, before, after } from "node:test";
import { launch, measureOn3G } from "../lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const PAGES = [
  ["caseworker", "/"],
  ["caseworker", "/cases"],
  ["supervisor", "/supervision"],
  ["decision", "/decisions"],
  ["shelter-provider", "/inbox"],
  ["admin", "/admin"],
];

test("main pages on Fast 3G with a slow CPU", async (t) => {
  for (const lang of ["en", "ar"]) {
    for (const [user, path] of PAGES) {
      const ms = await measureOn3G(browser, user, path, lang);
      t.diagnostic(`${lang} ${path}: ${ms} ms`);
    }
  }
});

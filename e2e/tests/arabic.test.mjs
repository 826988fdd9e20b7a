// Arabic from end to end: every main screen right-to-left with its language set, accessible,
// photographed; names isolated so they read in their own direction.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, signIn, checkAccessibility, screenshot } from "../lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const SCREENS = [
  ["caseworker", "/", "home"],
  ["caseworker", "/cases", "cases"],
  ["supervisor", "/supervision", "supervision"],
  ["decision", "/decisions", "decisions"],
  ["shelter-provider", "/inbox", "inbox"],
  ["admin", "/admin", "admin"],
  ["caseworker", "/account", "account"],
  ["caseworker", "/services", "directory"],
  ["statistician", "/dashboard", "dashboard"],
];

for (const [user, path, name] of SCREENS) {
  test(`${name} in Arabic is right-to-left and accessible`, async () => {
    const page = await signIn(browser, user, "ar");
    await page.goto(path);
    assert.equal(await page.getAttribute("html", "dir"), "rtl");
    assert.equal(await page.getAttribute("html", "lang"), "ar");
    // The layout mirrors: the navigation starts at the right edge.
    const nav = await page.locator("header.bar").boundingBox();
    const brand = await page.locator(".brand").boundingBox();
    assert.ok(brand.x + brand.width > nav.x + nav.width / 2, "the brand sits on the right");
    await checkAccessibility(page, `${name} (ar)`);
    await screenshot(page, name);
    await page.context().close();
  });
}

test("a case page in Arabic keeps names in their own direction", async () => {
  const page = await signIn(browser, "caseworker", "ar");
  await page.goto("/cases?stage=recognised");
  await page.click("[data-testid=case-row] a");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.ok(await page.locator("bdi").count() > 0, "names are isolated with <bdi>");
  await checkAccessibility(page, "case (ar)");
  await screenshot(page, "case");
  await page.context().close();
});

test("the language can be changed from any page and is kept", async () => {
  const page = await signIn(browser, "caseworker", "en");
  await page.goto("/cases");
  await page.selectOption("#lang-pick", "ar");
  await page.click("form.lang button");
  await page.waitForURL(/\/cases/);
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  await page.goto("/account");
  assert.equal(await page.getAttribute("html", "lang"), "ar");
  await page.context().close();
});

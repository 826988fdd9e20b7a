// The frontline screener's journey: the screening wizard in Arabic, with an interpreter's
// language beside it, to the result where a child's protection comes first, then a case.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, signIn, checkAccessibility, screenshot } from "../lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function next(page) {
  await Promise.all([page.waitForLoadState("load"), page.click("button[name=go][value=next]")]);
}

async function walk(page, lang) {
  await page.goto("/screenings/new");
  assert.equal(await page.getAttribute("html", "dir"), lang === "ar" ? "rtl" : "ltr");
  await page.fill("#f-age_years", "14");
  await page.check("input[name=age_basis][value=claimed]");
  await page.check("input[name=sex][value=male]");
  await page.fill("#f-person_language", "ps");
  const interpreter = lang === "ar" ? "en" : "ar";
  await page.selectOption("#f-interpreter", interpreter);
  await checkAccessibility(page, `wizard first step (${lang})`);
  await screenshot(page, "wizard-person");
  await next(page);
  // The interpreter's words beside the screener's, each in its own direction.
  const pair = page.locator(".pair").first();
  assert.ok(await pair.count(), "questions are shown in two languages side by side");
  const direction = interpreter === "ar" ? "rtl" : "ltr";
  assert.ok(await pair.locator(`[lang=${interpreter}][dir=${direction}]`).count(), "the interpreter's side in its own direction");
  for (let guard = 0; guard < 20; guard++) {
    if (await page.locator("button[name=go][value=submit]").count()) break;
    const yes = page.locator("input[type=radio][value=yes]");
    if (await yes.count()) await yes.first().check();
    const labour = page.locator("input[type=radio][name=exploitation_type][value=labour]");
    if (await labour.count()) await labour.check();
    await next(page);
    const alert = page.locator(".field-error, [role=alert]");
    assert.equal(await alert.count(), 0, `no error on ${page.url()}: ${await alert.allInnerTexts()}`);
  }
  await page.fill("#f-given_name", "Farid");
  await page.fill("#f-family_name", "Ahmadi");
  await screenshot(page, "wizard-submit");
  await Promise.all([page.waitForURL(/\/screenings\/[^/]+$/), page.click("button[name=go][value=submit]")]);
  assert.ok(await page.locator("[data-testid=protect-first]").isVisible(), "a child's protection comes first");
  await checkAccessibility(page, `screening result (${lang})`);
  await screenshot(page, "screening-result");
}

test("a screener screens a boy in Arabic and opens his case", async () => {
  const page = await signIn(browser, "police-screener", "ar");
  await walk(page, "ar");
  await Promise.all([page.waitForURL(/\/cases\//), page.click("form[action$='/case'] button")]);
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.ok(await page.locator("[data-testid=case-stage]").isVisible());
  await page.context().close();
});

test("the same screening in English, photographed for the guide", async () => {
  const page = await signIn(browser, "council-screener", "en");
  await walk(page, "en");
  await page.context().close();
});

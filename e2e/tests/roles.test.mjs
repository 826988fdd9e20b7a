// Each role signs in and does its main work in the browser, every page checked with axe-core
// and photographed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, signIn, checkAccessibility, screenshot } from "../lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("the sign-in page is accessible and refuses a wrong password with a message", async () => {
  const context = await browser.newContext({ baseURL: process.env.HAVEN_E2E_URL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await checkAccessibility(page, "sign-in");
  await screenshot(page, "sign-in");
  await page.fill("#username", "caseworker");
  await page.fill("#password", "not the password");
  await page.click("form.card button[type=submit]");
  await page.waitForSelector("[role=alert]");
  assert.equal(await page.inputValue("#username"), "caseworker", "the username is kept");
  await context.close();
});

test("a caseworker finds a case and records consent on it", async () => {
  const page = await signIn(browser, "caseworker");
  // The referral test works on the identified case meanwhile; this one takes another.
  await page.goto("/cases?stage=recovery_period");
  await checkAccessibility(page, "cases");
  await screenshot(page, "cases");
  await page.click("[data-testid=case-row] a");
  await page.waitForSelector("[data-testid=case-stage]");
  await checkAccessibility(page, "case page");
  await screenshot(page, "case");
  await page.click("[data-testid=offer-give_consent] summary");
  const form = page.locator("[data-testid=offer-give_consent] form");
  await form.locator("select[name=purpose]").selectOption("statistics");
  for (const told of ["told_purpose", "told_uses", "told_retention", "told_withdrawal"]) {
    await form.locator(`input[name=${told}]`).check();
  }
  await form.locator("button[type=submit]").click();
  await page.waitForSelector("[role=status]");
  assert.match(await page.locator("#h-consent + table").innerText(), /statistics/);
  // The services that fit a person whose needs are recorded, each with why it does or does not.
  await page.goto("/cases?stage=referred");
  await page.click("[data-testid=case-row] a");
  await page.click("main a[href^='/cases/'][href$='/services']");
  assert.ok(await page.locator("[data-testid=match-row]").count() > 0, "the demo case has needs recorded");
  await checkAccessibility(page, "matching services");
  await screenshot(page, "matching");
  await page.goto("/services?free=1");
  assert.ok(await page.locator("[data-testid=service-row]").count() > 0);
  await checkAccessibility(page, "directory");
  await screenshot(page, "directory");
  await page.context().close();
});

test("a supervisor sees overdue and escalated items and the team's workload", async () => {
  const page = await signIn(browser, "supervisor");
  await page.goto("/supervision");
  assert.ok(await page.locator("[data-testid=overdue-row]").count() > 0, "the demo has overdue items");
  assert.ok(await page.locator(".tag.escalated").count() > 0, "and escalated ones");
  await checkAccessibility(page, "supervision");
  await screenshot(page, "supervision");
  await page.context().close();
});

test("a decision maker works from the queue and decides with the profile's test in view", async () => {
  const page = await signIn(browser, "decision");
  await page.goto("/decisions");
  await checkAccessibility(page, "decisions");
  await screenshot(page, "decisions");
  const rows = page.locator("[data-testid=decision-row] a");
  assert.ok(await rows.count() > 0, "decisions are due in the demo");
  // The referred case's reasonable-grounds decision.
  let decided = false;
  for (let i = 0; i < await rows.count() && !decided; i++) {
    await page.goto("/decisions");
    await page.locator("[data-testid=decision-row] a").nth(i).click();
    const offer = page.locator("[data-testid=offer-decide]");
    if (await offer.count() === 0) continue;
    await offer.first().locator("summary").click();
    const form = offer.first().locator("form");
    assert.match(await form.innerText(), /The test:/);
    await form.locator("input[name=outcome][value=positive]").check();
    await form.locator("textarea[name=reasons]").fill("Consistent account, corroborated by the shelter.");
    await form.locator("textarea[name=evidence]").fill("screening\nshelter report");
    await form.locator("button[type=submit]").click();
    await page.waitForSelector("[role=status]");
    decided = true;
  }
  assert.ok(decided, "one decision was open to the decision maker");
  await page.context().close();
});

test("an administrator sees organisations, users and the profile", async () => {
  const page = await signIn(browser, "admin");
  await page.goto("/admin");
  assert.ok(await page.locator("#h-users").isVisible());
  await checkAccessibility(page, "admin");
  await screenshot(page, "admin");
  await page.goto("/account");
  await checkAccessibility(page, "account");
  await screenshot(page, "account");
  await page.context().close();
});

test("a statistician reads the dashboard: charts drawn on the server, small counts withheld", async () => {
  const page = await signIn(browser, "statistician");
  await page.goto("/dashboard");
  const charts = page.locator("[data-testid=chart] svg");
  assert.equal(await charts.count(), 5, "stage, sex, age group, form of exploitation, deadlines");
  assert.ok(await page.locator("[data-testid=chart] svg title").count() >= 5, "each chart has a title");
  await checkAccessibility(page, "dashboard");
  await screenshot(page, "dashboard");

  // SDG 16.2.2 as a file from the dashboard's form.
  await page.fill("#sdg-population", "5000000");
  await page.fill("#sdg-source", "National Statistics Office");
  await page.selectOption("#sdg-format", "csv");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click("#sdg button[type=submit]"),
  ]);
  assert.equal(download.suggestedFilename(), "sdg-16-2-2.csv");
  const csv = readFileSync(await download.path(), "utf8");
  assert.match(csv, /,Total,Total,Total,\d+,5000000,[^\n]*National Statistics Office/);

  // A mistyped number comes back beside its form, as typed.
  await page.goto("/dashboard");
  await page.fill("#ctdc-k", "ten");
  await Promise.all([page.waitForURL(/\/dashboard\/ctdc/), page.click("#ctdc button[type=submit]")]);
  assert.match(await page.locator("#ctdc [data-testid=form-error]").innerText(), /k/);
  assert.equal(await page.inputValue("#ctdc-k"), "ten");
  await page.context().close();
});

test("an admin imports a partner's HTCDS file from the dashboard and sees each error", async () => {
  const page = await signIn(browser, "admin");
  await page.goto("/dashboard");
  const file = "hvn_CaseId,cas_IncomingReferralDate,vic_TraffickingStatus,prs_Gender\n" +
    "E2E-1,2025-03-01,PossibleVictimOfTrafficking,Feminine\n" +
    "E2E-2,2025-02-30,PossibleVictimOfTrafficking,Female\n";
  await page.setInputFiles("#import-file", { name: "partner.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await Promise.all([page.waitForURL(/htcds-import/), page.click("#import button[type=submit]")]);
  const errors = page.locator("[data-testid=import-errors] tbody tr");
  assert.equal(await errors.count(), 2, "the date and the gender of row 3");
  await page.setInputFiles("#import-file", { name: "partner.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.check("#import input[name=skip_invalid]");
  await Promise.all([page.waitForLoadState("load"), page.click("#import button[type=submit]")]);
  await page.locator("[data-testid=import-summary]").waitFor();
  await checkAccessibility(page, "dashboard after an import");
  await page.context().close();
});

test("a registrar and a trainer sign in to their screens", async () => {
  for (const [user, path] of [["registrar", "/screenings/new"], ["trainer", "/dashboard"]]) {
    const page = await signIn(browser, user);
    const response = await page.goto(path);
    assert.equal(response.status(), 200, `${user} ${path}`);
    await checkAccessibility(page, `${user} ${path}`);
    await page.context().close();
  }
});

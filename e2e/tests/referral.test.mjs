// A referral sent by a caseworker appears in the provider's inbox, with only what it shares; the
// provider's acceptance appears on the caseworker's case page. A provider cannot open a case
// that was not referred to them: neither the page nor the API.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, signIn, checkAccessibility, screenshot } from "../lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("a referral goes from the case page to the provider's inbox and back", async () => {
  const owner = await signIn(browser, "caseworker");
  await owner.goto("/cases?stage=identified&child=no");
  await owner.click("[data-testid=case-row] a");
  const caseUrl = owner.url();
  await owner.click("[data-testid=offer-give_consent] summary");
  let form = owner.locator("[data-testid=offer-give_consent] form");
  await form.locator("select[name=purpose]").selectOption("referral");
  await form.locator("select[name=organisation]").selectOption({ label: "St Luke Clinic" });
  for (const told of ["told_purpose", "told_uses", "told_retention", "told_withdrawal"]) {
    await form.locator(`input[name=${told}]`).check();
  }
  await form.locator("button[type=submit]").click();
  await owner.waitForSelector("[role=status]");
  await owner.click("[data-testid=offer-refer] summary");
  form = owner.locator("[data-testid=offer-refer] form");
  await form.locator("select[name=organisation]").selectOption({ label: "St Luke Clinic" });
  await form.locator("select[name=role]").selectOption("health");
  await form.locator("input[name=fields][value=gender]").check();
  await form.locator("button[type=submit]").click();
  await owner.waitForSelector("[role=status]");

  const provider = await signIn(browser, "clinic-provider");
  await provider.goto("/inbox?status=sent");
  await checkAccessibility(provider, "inbox");
  await screenshot(provider, "inbox");
  const caseId = caseUrl.split("/cases/")[1].split(/[?#]/)[0];
  await provider.click(`a[href^="/inbox/${caseId}/"]`);
  const shared = await provider.locator("[data-testid=shared-values]").innerText();
  assert.match(shared, /gender/);
  assert.doesNotMatch(shared, /account of what happened|date of birth/, "only what was shared");
  await checkAccessibility(provider, "referral");
  await screenshot(provider, "referral");
  await provider.click("button.primary");
  await provider.waitForURL(/\/inbox\//);
  assert.match(await provider.locator("[data-testid=referral-status]").innerText(), /accepted/);

  await owner.goto(caseUrl);
  const statuses = await owner.locator("[data-testid=referral-status]").allInnerTexts();
  assert.ok(statuses.includes("accepted"), `the acceptance shows on the case page: ${statuses}`);
  await owner.context().close();
  await provider.context().close();
});

test("a provider cannot open a case not referred to them, by page or by API", async () => {
  const owner = await signIn(browser, "caseworker");
  await owner.goto("/cases?stage=closed");
  await owner.click("[data-testid=case-row] a");
  const caseId = owner.url().split("/cases/")[1].split(/[?#]/)[0];
  await owner.context().close();

  const provider = await signIn(browser, "legal-provider");
  const response = await provider.goto(`/cases/${caseId}`);
  assert.equal(response.status(), 403);
  assert.ok(await provider.locator("[role=alert]").isVisible());
  const api = await provider.evaluate(async (id) => (await fetch(`/api/v1/cases/${id}`)).status, caseId);
  assert.equal(api, 403);
  await provider.context().close();
});

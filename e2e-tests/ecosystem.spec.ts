import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

test('a newcomer creates a system product from the template and finds it in the catalog with its tabs', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const name = `release-train-${Date.now()}`;
  const valueProposition =
    'Every team ships a tested release every Tuesday without a release manager.';

  await signInAsGuest(page);
  await page.goto('/create');
  await page
    .getByRole('article')
    .filter({ hasText: 'New system product' })
    .getByRole('button', { name: 'Choose' })
    .click();

  await page.locator('#root_name').fill(name);
  await page.locator('#root_owner').click();
  await page.locator('#root_owner').fill('platform');
  await page.getByRole('option').filter({ hasText: 'Platform Team' }).click();
  await page.locator('#root_primaryUsers').click();
  await page.locator('#root_primaryUsers').fill('mobile');
  await page
    .getByRole('option')
    .filter({ hasText: /mobile/i })
    .first()
    .click();
  await page.keyboard.press('Escape');
  await page.locator('#root_valueProposition').fill(valueProposition);
  await page.getByRole('button', { name: 'Next' }).click();

  // The SLO targets keep their defaults.
  await expect(page.locator('#root_leadTimeHours')).toHaveValue('24');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  // Publish into the demo's folder, the catalog reads it, the canvas is seeded.
  await expect(
    page.getByRole('link', { name: 'Open the system product' }),
  ).toBeVisible({ timeout: 240_000 });
  await page.getByRole('link', { name: 'Open the system product' }).click();

  await expect(page.getByRole('heading', { name })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: 'Content navigation' });
  for (const tab of ['Canvas', 'Journey', 'SLOs', 'Roadmap']) {
    await expect(
      tabs.getByRole('link', { name: tab, exact: true }),
    ).toBeVisible();
  }
  await tabs.getByRole('link', { name: 'Canvas', exact: true }).click();
  await expect(page.getByText(valueProposition)).toBeVisible();

  // The generated OpenSLO file is read: its four SLOs are listed.
  await tabs.getByRole('link', { name: 'SLOs', exact: true }).click();
  await expect(page.getByText('OpenSLO file', { exact: true })).toHaveCount(4);
  await page.screenshot({
    path: 'e2e-test-results/screenshots/new-system-product-slos.png',
    fullPage: true,
  });
});

test("the portal's search finds a system by words from its canvas", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsGuest(page);
  // The collator runs every minute in the demo; the seed may postdate a run.
  await expect(async () => {
    await page.goto('/search?query=trustworthy');
    await expect(
      page.getByRole('link', { name: /CI\/CD Pipeline/ }).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 180_000, intervals: [10_000] });
});

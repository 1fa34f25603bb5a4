import { Page, expect, test } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

// The demo backend's static service token (app-config.yaml), as a CI pipeline
// would use one.
const SERVICE_TOKEN = 'system-product-demo-seed-token';
const EVENTS_URL = 'http://localhost:7007/api/system-product/events';
const ENTITY_REF = 'system:default/ci-cd-pipeline';

async function postBuilds(
  page: Page,
  stamp: number,
  builds: Array<{ succeeded: boolean }>,
) {
  const response = await page.request.post(EVENTS_URL, {
    headers: { Authorization: `Bearer ${SERVICE_TOKEN}` },
    data: {
      events: builds.map((build, i) => ({
        id: `e2e-build-${stamp}-${build.succeeded ? 'ok' : 'fail'}-${i}`,
        entityRef: ENTITY_REF,
        type: 'build',
        finished: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
        durationSeconds: 300,
        succeeded: build.succeeded,
      })),
    },
  });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.rejected ?? []).toEqual([]);
}

/** The "N% of budget left" of one SLO's row, as a number. */
async function budgetLeft(page: Page, displayName: string): Promise<number> {
  const row = page.getByRole('row').filter({ hasText: displayName });
  const text = await row.getByText(/% of budget left/).textContent();
  return Number(/(-?\d+)% of budget left/.exec(text ?? '')![1]);
}

test('an owner adds an SLO, a pipeline posts builds with a service token, and the budget moves', async ({
  page,
}) => {
  const stamp = Date.now();
  const name = `e2e-build-success-${stamp}`;
  const displayName = `Build success (e2e ${stamp})`;

  await signInAsGuest(page);
  await page.goto('/catalog/default/system/ci-cd-pipeline/system-product/slos');

  // The guest belongs to platform-team, the owner: the SLO form is offered.
  await page.getByRole('button', { name: 'Add SLO' }).click();
  await page.getByLabel('Indicator').click();
  await page.getByRole('option', { name: 'Build success' }).click();
  await page.locator('#slo-name').fill(name);
  await page.getByLabel('Display name').fill(displayName);
  await page.getByLabel('Target (% of events)').fill('90');
  await page.getByLabel('Rolling window (days)').fill('7');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Add SLO' })
    .click();
  const row = page.getByRole('row').filter({ hasText: displayName });
  await expect(row.getByText('Portal')).toBeVisible();

  // Ten good builds: the SLO is measured.
  await postBuilds(
    page,
    stamp,
    Array.from({ length: 10 }, () => ({ succeeded: true })),
  );
  await page.reload();
  await expect(row.getByText(/% of budget left/)).toBeVisible();
  const before = await budgetLeft(page, displayName);

  // One failed build spends budget.
  await postBuilds(page, stamp, [{ succeeded: false }]);
  await page.reload();
  await expect(row.getByText(/% of budget left/)).toBeVisible();
  const after = await budgetLeft(page, displayName);
  expect(after).toBeLessThan(before);

  await row
    .getByRole('link', { name: `Details and trend of ${displayName}` })
    .click();
  // The drawer says it in words (its charts start with the first scheduled
  // evaluation, minutes away for an SLO this new).
  const drawer = page.getByRole('dialog', { name: displayName });
  const words = drawer.getByRole('region', { name: `${displayName} in words` });
  await expect(words).toContainText('of 11 builds succeeded');
  await expect(words).toContainText(/% of the budget left|overspent/);
  await page.screenshot({
    path: 'e2e-test-results/screenshots/slos-budget.png',
    fullPage: true,
  });

  await drawer.getByRole('button', { name: 'Close' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export OpenSLO' }).click();
  const file = await download;
  const { readFile } = await import('node:fs/promises');
  const yaml = await readFile((await file.path())!, 'utf8');
  expect(yaml).toContain(`name: ${name}`);
  expect(yaml).toContain('apiVersion: openslo/v1');
});

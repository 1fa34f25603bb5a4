import { Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const seeded = JSON.parse(
  readFileSync(
    join(
      __dirname,
      '..',
      'examples/system-product/canvases/ci-cd-pipeline.json',
    ),
    'utf8',
  ),
);

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

function entityTab(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name, exact: true });
}

test('a guest sees the four System Product tabs and the canvas the backend returned', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/system/ci-cd-pipeline');
  for (const tab of ['Canvas', 'Journey', 'SLOs', 'Roadmap']) {
    await expect(entityTab(page, tab)).toBeVisible();
  }

  await entityTab(page, 'Canvas').click();
  await expect(page.getByText(seeded.valueProposition.value)).toBeVisible();
  await expect(page.getByText(/of 20 focus questions answered/)).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/screenshots/canvas-tab.png',
    fullPage: true,
  });

  await entityTab(page, 'Journey').click();
  await expect(page.getByText(seeded.journey.mostFriction)).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/screenshots/journey-tab.png',
    fullPage: true,
  });
});

test('a component that did not opt in shows none of the tabs', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/mobile-app');
  await expect(entityTab(page, 'Overview')).toBeVisible();
  await expect(entityTab(page, 'Canvas')).toHaveCount(0);
});

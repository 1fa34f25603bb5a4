import { expect, test } from '@playwright/test';
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

test('a guest sees the four System Product tabs and the canvas the backend returned', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toBeVisible();

  await page.goto('/catalog/default/system/ci-cd-pipeline');
  for (const tab of ['Canvas', 'Journey', 'SLOs', 'Roadmap']) {
    await expect(
      page.getByRole('tab', { name: tab, exact: true }),
    ).toBeVisible();
  }

  await page.getByRole('tab', { name: 'Canvas', exact: true }).click();
  await expect(page.getByText(seeded.valueProposition.value)).toBeVisible();
  await expect(page.getByText(/of 20 focus questions answered/)).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/screenshots/canvas-tab.png',
    fullPage: true,
  });

  await page.getByRole('tab', { name: 'Journey', exact: true }).click();
  await expect(page.getByText(seeded.journey.mostFriction)).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/screenshots/journey-tab.png',
    fullPage: true,
  });
});

test('a component that did not opt in shows none of the tabs', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.goto('/catalog/default/component/mobile-app');
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible();
  await expect(
    page.getByRole('tab', { name: 'Canvas', exact: true }),
  ).toHaveCount(0);
});

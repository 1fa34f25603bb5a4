import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

// The SLO of two objectives and its alert policy in
// examples/systems/ci-cd-pipeline/slos.yaml.
const SLO = 'Deployment success against the SLA';

test('the SLOs tab shows what the figures rest on: objectives, alert windows and the policy in force', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/system/ci-cd-pipeline/system-product/slos');

  const row = page.getByRole('row').filter({ hasText: SLO });
  await expect(
    row.getByText('Internal objective: 99% of deployments succeed'),
  ).toBeVisible();
  await expect(row.getByText('SLA: 95% of deployments succeed')).toBeVisible();

  await row.getByRole('link', { name: `Details and trend of ${SLO}` }).click();
  await expect(page).toHaveURL(/[?&]slo=deployment-success-objectives/);
  const drawer = page.getByRole('dialog', { name: SLO });
  const details = drawer.getByRole('region', { name: `Details of ${SLO}` });
  await expect(details.getByText('Window evaluated')).toBeVisible();

  const objectives = details.getByRole('table', {
    name: `Objectives of ${SLO}`,
  });
  await expect(
    objectives.getByText('Internal objective', { exact: true }),
  ).toBeVisible();
  await expect(objectives.getByText('SLA', { exact: true })).toBeVisible();

  // The policy in force by name, with its burn-rate condition.
  await expect(details.getByText('page-owners', { exact: true })).toBeVisible();
  await expect(
    details.getByText(
      /^fast-burn: burn rate ≥ 14\.4× over 1 hour for 5 minutes/,
    ),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/screenshots/slo-details.png',
    fullPage: true,
  });

  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(details).toHaveCount(0);
});

test('the DORA card has a period picker, time to detect and the rework rate', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/system/ci-cd-pipeline/system-product/slos');

  await expect(page.getByText('DORA metrics')).toBeVisible();
  // The seeded deployments and incidents of the last four weeks are measured.
  await expect(page.getByText('Time to detect incidents (MTTD)')).toBeVisible();
  await expect(
    page.getByText('Time to restore incidents (MTTR)'),
  ).toBeVisible();
  await expect(page.getByText('Deployment rework rate')).toBeVisible();
  await expect(
    page.getByText('Software delivery performance over the last 30 days'),
  ).toBeVisible();

  await page.getByLabel('Period').click();
  await page.getByRole('option', { name: 'Last 90 days' }).click();
  await expect(
    page.getByText('Software delivery performance over the last 90 days'),
  ).toBeVisible();
  await expect(page.getByText('Time to detect incidents (MTTD)')).toBeVisible();
  await expect(page.getByText('Deployment rework rate')).toBeVisible();
});

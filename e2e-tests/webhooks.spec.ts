import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Page, expect, test } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

/** What scripts/replay-webhooks.mjs --json prints: what it sent, and medians of its own times. */
interface Replay {
  webhooks: number;
  deployments: number;
  failedDeployments: number;
  incidents: number;
  medianLeadTimeSeconds: number;
  medianFailedDeploymentRecoverySeconds: number;
  failedDeploymentsRecovered: number;
  medianTimeToDetectSeconds: number;
  medianTimeToRestoreSeconds: number;
}

/** Runs the demo's replay (the same stream all day) and reads what it sent. */
function replayWebhooks(): Replay {
  return JSON.parse(
    execFileSync(
      process.execPath,
      [join(__dirname, '..', 'scripts', 'replay-webhooks.mjs'), '--json'],
      { encoding: 'utf8', timeout: 120_000 },
    ),
  );
}

/** A duration as the DORA card writes one (minutes under an hour, then hours, then days). */
function asCardWritesIt(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 86_400) return `${+(seconds / 3600).toFixed(1)} h`;
  const days = +(seconds / 86_400).toFixed(1);
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/**
 * One figure of the DORA card, found by its heading: the innermost grid item
 * holding it (the page's grid holds the card too).
 */
const figure = (page: Page, title: string) =>
  page
    .locator('.MuiGrid-item')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
    .last();

test("signed GitHub and PagerDuty webhooks fill the developer portal's DORA card through the events backend", async ({
  page,
}) => {
  // The demo's replay: four weeks of acme/portal-backend (a component of the
  // developer portal) and PagerDuty service PPORTAL, posted to
  // /api/events/http/github and /pagerduty with the demo secrets.
  const replay = replayWebhooks();
  expect(replay.deployments).toBeGreaterThan(10);
  expect(replay.incidents).toBeGreaterThan(0);

  await signInAsGuest(page);
  const dora = '/catalog/default/system/developer-portal/system-product/slos';
  // The page may have loaded before the last webhooks were stored.
  await expect(async () => {
    await page.goto(dora);
    await expect(
      figure(page, 'Deployment frequency').getByText(
        new RegExp(`^${replay.deployments} deployments;`),
      ),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });

  const lead = figure(page, 'Change lead time');
  await expect(
    lead.getByText(asCardWritesIt(replay.medianLeadTimeSeconds), {
      exact: true,
    }),
  ).toBeVisible();
  await expect(
    lead.getByText(`median of ${replay.deployments} deployments`),
  ).toBeVisible();
  await expect(
    figure(page, 'Change failure rate').getByText(
      `${replay.failedDeployments} of ${replay.deployments} deployments failed or caused an incident`,
    ),
  ).toBeVisible();
  const recovery = figure(page, 'Failed deployment recovery time');
  await expect(
    recovery.getByText(
      asCardWritesIt(replay.medianFailedDeploymentRecoverySeconds),
      { exact: true },
    ),
  ).toBeVisible();
  await expect(
    recovery.getByText(
      `median of ${replay.failedDeploymentsRecovered} failed deployment${
        replay.failedDeploymentsRecovered === 1 ? '' : 's'
      }`,
    ),
  ).toBeVisible();
  const detect = figure(page, 'Time to detect incidents (MTTD)');
  await expect(
    detect.getByText(asCardWritesIt(replay.medianTimeToDetectSeconds), {
      exact: true,
    }),
  ).toBeVisible();
  const incidents = `median of ${replay.incidents} incident${
    replay.incidents === 1 ? '' : 's'
  }`;
  await expect(detect.getByText(incidents)).toBeVisible();
  const restore = figure(page, 'Time to restore incidents (MTTR)');
  await expect(
    restore.getByText(asCardWritesIt(replay.medianTimeToRestoreSeconds), {
      exact: true,
    }),
  ).toBeVisible();
  await expect(restore.getByText(incidents)).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/screenshots/dora-from-webhooks.png',
    fullPage: true,
  });

  // Delivered again (GitHub's "redeliver", PagerDuty's retries): stored once.
  replayWebhooks();
  // Nothing tells when the backend has handled them: give it the time the
  // first replay needed many times over, then count again.
  await page.waitForTimeout(5_000);
  await page.reload();
  await expect(
    figure(page, 'Deployment frequency').getByText(
      new RegExp(`^${replay.deployments} deployments;`),
    ),
  ).toBeVisible();
});

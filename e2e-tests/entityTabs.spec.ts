import { Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signInAsGuest } from './signInAsGuest';

function example(folder: string) {
  return JSON.parse(
    readFileSync(
      join(
        __dirname,
        '..',
        'examples/system-product',
        folder,
        'ci-cd-pipeline.json',
      ),
      'utf8',
    ),
  );
}
const seeded = example('canvases');
const journey = example('journeys');
const roadmap: Array<{ title: string }> = example('roadmaps');
// The display names of the SLO documents of the example OpenSLO file.
const sloNames = [
  ...readFileSync(
    join(__dirname, '..', 'examples/systems/ci-cd-pipeline/slos.yaml'),
    'utf8',
  ).matchAll(/kind: SLO\n[\s\S]*?displayName: (.+)/g),
].map(m => m[1].trim().replace(/^["']|["']$/g, ''));

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
  for (const stage of journey.stages) {
    await expect(
      page.getByRole('heading', { name: stage.name, exact: true, level: 3 }),
    ).toBeVisible();
  }
  await page.screenshot({
    path: 'e2e-test-results/screenshots/journey-tab.png',
    fullPage: true,
  });

  await entityTab(page, 'SLOs').click();
  for (const name of sloNames) {
    // In the SLO table: the DORA card has a title like one of the SLOs.
    await expect(
      page.getByRole('row').getByText(name, { exact: true }),
    ).toBeVisible();
  }
  // The seeded deployments are measured: budgets appear.
  await expect(page.getByText(/% of budget left/).first()).toBeVisible();
  await expect(page.getByText('DORA metrics')).toBeVisible();
  // The DORA card's titles since its rewrite (period picker, MTTD/MTTR).
  await expect(page.getByText('Change lead time')).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/screenshots/slos-tab.png',
    fullPage: true,
  });

  await entityTab(page, 'Roadmap').click();
  for (const item of roadmap) {
    await expect(
      page.getByText(item.title, { exact: true }).first(),
    ).toBeVisible();
  }
  await page.screenshot({
    path: 'e2e-test-results/screenshots/roadmap-tab.png',
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

test('a user reports friction and the touchpoint counts it', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto(
    '/catalog/default/system/ci-cd-pipeline/system-product/journey',
  );
  const touchpoint = page.getByTestId('touchpoint-Staging smoke tests');
  await expect(touchpoint).toBeVisible();
  // Count the reports first: a retried run finds the earlier run's report.
  const before = await touchpoint.textContent();
  const reports = Number(before?.match(/(\d+) reports?\b/)?.[1] ?? 0);

  await touchpoint.getByRole('button', { name: /Report friction/ }).click();
  await page.getByLabel('5: Blocks my work').check();
  await page
    .getByLabel('What happened? (optional)')
    .fill('Smoke tests time out');
  await page.getByRole('button', { name: 'Send report' }).click();

  // The count moves at once; the heat (a mean severity) waits for k
  // different reporters, and the guest is one person however often it reports.
  await expect(touchpoint).toContainText(
    `${reports + 1} report${reports === 0 ? '' : 's'}`,
  );
});

test('a user answers the survey on the overview and sees the results', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/system/ci-cd-pipeline');
  const nps = page.getByRole('radiogroup', {
    name: 'How likely are you to recommend this system to a colleague?',
  });
  await expect(nps).toBeVisible();
  await nps.getByLabel('9', { exact: true }).check();
  await page
    .getByRole('radiogroup', { name: 'I can find the information I need' })
    .getByLabel('4', { exact: true })
    .check();
  await page.getByRole('button', { name: 'Send answers' }).click();

  await expect(
    page.getByText(/Thanks! Your answer was recorded/),
  ).toBeVisible();
  // The seeded answers plus this one are enough to show results.
  await expect(page.getByText(/NPS [+-]?\d+/)).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/screenshots/survey-card.png',
    fullPage: true,
  });
});

test('the portfolio lists the example systems, ranked', async ({ page }) => {
  await signInAsGuest(page);
  await page.getByRole('link', { name: 'System products' }).click();
  await expect(page).toHaveURL(/\/system-products$/);
  // In the table: the guest's open prompts above it may name a system too.
  const table = page.getByRole('table');
  for (const title of ['CI/CD Pipeline', 'Support Desk', 'Developer Portal']) {
    await expect(table.getByRole('link', { name: title })).toBeVisible();
  }
  await expect(page.getByText('How the ranking works')).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/screenshots/portfolio-page.png',
    fullPage: true,
  });
});

test('an owner edits the canvas and sees the edit after reload', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto(
    '/catalog/default/system/ci-cd-pipeline/system-product/canvas',
  );
  await page.getByRole('button', { name: 'Edit canvas' }).click();
  const edit = `Teams would ship by hand again (edited ${Date.now()})`;
  await page.getByLabel('What would happen without it?').fill(edit);
  await page.getByRole('button', { name: 'Save canvas' }).click();
  await expect(page.getByText(edit)).toBeVisible();

  await page.reload();
  await expect(page.getByText(edit)).toBeVisible();
  // The author as Backstage shows users: a link with the catalog's name.
  await expect(
    page
      .getByText(/last changed by/)
      .getByRole('link', { name: 'Guest', exact: true }),
  ).toBeVisible();

  // The revision history names the version just saved.
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'Canvas history' });
  await expect(history.getByText(/^Version \d+: /).first()).toBeVisible();
});

test('an owner adds a touchpoint in the journey editor and it is there after reload', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto(
    '/catalog/default/system/ci-cd-pipeline/system-product/journey',
  );
  await page.getByRole('button', { name: 'Edit journey' }).click();
  const stage = journey.stages[0].name;
  await page
    .getByRole('button', { name: `Add a touchpoint to ${stage}` })
    .click();
  const name = `Cache warm-up ${Date.now()}`;
  const added = page
    .getByRole('group', { name: new RegExp(`^Touchpoint \\d+ of ${stage}$`) })
    .last();
  await added.getByLabel('Touchpoint name').fill(name);
  await added.getByLabel('Expected minutes').fill('4');
  await page.getByRole('button', { name: 'Save journey' }).click();

  const touchpoint = page.getByTestId(`touchpoint-${name}`);
  await expect(touchpoint).toBeVisible();
  await page.reload();
  await expect(touchpoint).toBeVisible();

  // Taken out again, so runs against one demo backend never fill the stage.
  await page.getByRole('button', { name: 'Edit journey' }).click();
  await page.getByRole('button', { name: `Remove ${name}` }).click();
  await page.getByRole('button', { name: 'Save journey' }).click();
  await expect(touchpoint).toHaveCount(0);
  // The stages the seed mapped are all still there.
  for (const seededStage of journey.stages) {
    await expect(
      page.getByRole('heading', {
        name: seededStage.name,
        exact: true,
        level: 3,
      }),
    ).toBeVisible();
  }
});

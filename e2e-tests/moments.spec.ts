import { APIRequestContext, expect, test } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

// The demo backend's static service token (app-config.yaml), as a pipeline
// would use one: it posts events naming anyone as their actor.
const SERVICE_TOKEN = 'system-product-demo-seed-token';
const API_URL = 'http://localhost:7007/api/system-product';
const ENTITY_REF = 'system:default/ci-cd-pipeline';
const ENTITY_PATH = '/entities/system/default/ci-cd-pipeline';
const TOUCHPOINT = 'Merge queue';

interface Touchpoint {
  id: string;
  name: string;
  friction: { reports: number };
}

async function callApi<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await request.fetch(`${API_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${SERVICE_TOKEN}` },
    data,
  });
  if (!response.ok()) {
    throw new Error(
      `${method} ${path}: ${response.status()} ${await response.text()}`,
    );
  }
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/** The journey's Merge queue touchpoint, with its friction as the API reports it. */
async function mergeQueue(request: APIRequestContext): Promise<Touchpoint> {
  const journey = await callApi<{
    stages: Array<{ touchpoints: Touchpoint[] }>;
  }>(request, 'GET', `${ENTITY_PATH}/journey`);
  const touchpoint = journey.stages
    .flatMap(stage => stage.touchpoints)
    .find(t => t.name === TOUCHPOINT);
  expect(touchpoint, `the seeded journey has ${TOUCHPOINT}`).toBeDefined();
  return touchpoint!;
}

test('a deployment prompts the guest, who answers on the prompt page; a poor score is friction on the touchpoint', async ({
  page,
}) => {
  // Everything of this run is its own: a retry or a rerun against the same
  // backend makes a fresh trigger, environment and event.
  const stamp = Date.now();
  const environment = `e2e-${stamp}`;
  const question = `E2E moment ${stamp}`;
  const before = await mergeQueue(page.request);

  const trigger = await callApi<{ id: string }>(
    page.request,
    'POST',
    `${ENTITY_PATH}/moments`,
    {
      eventType: 'deployment',
      environment,
      touchpointId: before.id,
      question,
      sampleRate: 1,
      cooldownDays: 1,
    },
  );
  try {
    await callApi(page.request, 'POST', '/events', {
      events: [
        {
          id: `e2e-moment-deploy-${stamp}`,
          entityRef: ENTITY_REF,
          type: 'deployment',
          commitSha: `e2e${stamp}`,
          commitTime: new Date(Date.now() - 30 * 60_000).toISOString(),
          deployTime: new Date().toISOString(),
          environment,
          succeeded: true,
          actor: 'user:default/guest',
        },
      ],
    });

    await signInAsGuest(page);
    await page.goto('/system-products');
    const prompt = page
      .getByRole('region', { name: 'Your open prompts' })
      .getByRole('link', { name: question, exact: true });
    // The backend decides on prompts just after it stores the event.
    await expect(async () => {
      await page.reload();
      await expect(prompt).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await prompt.click();

    await expect(page).toHaveURL(/\/system-products\/prompts\/[^/]+$/);
    await expect(
      page
        .getByRole('form', { name: question })
        .getByText(
          `What happened: your deployment to ${environment}, succeeded`,
        ),
    ).toBeVisible();
    await page.getByLabel('2 – Poor', { exact: true }).check();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(
      page.getByText('Thanks: your answer was recorded'),
    ).toBeVisible();
    await expect(page.getByRole('status')).toContainText(
      'Your answer is anonymous',
    );
    await page.screenshot({
      path: 'e2e-test-results/screenshots/moment-answered.png',
      fullPage: true,
    });

    // A score of 2 is friction of severity 4 on the trigger's touchpoint:
    // one report more, in the API and on the Journey tab.
    const reports = before.friction.reports + 1;
    expect((await mergeQueue(page.request)).friction.reports).toBe(reports);
    await page.goto(
      '/catalog/default/system/ci-cd-pipeline/system-product/journey',
    );
    const touchpoint = page.getByTestId(`touchpoint-${TOUCHPOINT}`);
    // The card's text runs together ("…Platform Team3 reports from …"), so
    // the count is matched after any non-digit, not at a word boundary.
    await expect(touchpoint).toContainText(
      new RegExp(`(^|\\D)${reports} reports? from`),
    );
    // The owner's view of the moment lists it with its question.
    await expect(page.getByRole('heading', { name: question })).toBeVisible();
  } finally {
    // Its round and the answer stay; later runs see no trigger of this one.
    await callApi(
      page.request,
      'DELETE',
      `${ENTITY_PATH}/moments/${trigger.id}`,
    );
  }
});

test('a visit to a page that a page trigger names prompts the guest there, and the note opens the prompt', async ({
  page,
}) => {
  const stamp = Date.now();
  const path = `/e2e-page-${stamp}`;
  const question = `E2E page moment ${stamp}`;
  const trigger = await callApi<{ id: string }>(
    page.request,
    'POST',
    `${ENTITY_PATH}/moments`,
    {
      eventType: 'page',
      page: path,
      question,
      sampleRate: 1,
      cooldownDays: 1,
    },
  );
  try {
    await signInAsGuest(page);
    // Any page at or below the trigger's path; the app shows its own
    // not-found page there, and the note on top after 2 seconds.
    await page.goto(`${path}/below`);
    const note = page.getByRole('status', { name: 'A quick question' });
    await expect(note).toContainText(question, { timeout: 30_000 });
    await page.screenshot({
      path: 'e2e-test-results/screenshots/page-moment-note.png',
    });
    await note.getByRole('link', { name: 'Answer' }).click();
    await expect(page).toHaveURL(/\/system-products\/prompts\/[^/]+$/);
    await expect(
      page
        .getByRole('form', { name: question })
        .getByText(`What happened: your visit to ${path}/below`),
    ).toBeVisible();
  } finally {
    await callApi(
      page.request,
      'DELETE',
      `${ENTITY_PATH}/moments/${trigger.id}`,
    );
  }
});

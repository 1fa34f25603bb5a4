import { Page, expect, test } from '@playwright/test';

/*
 * A stock Backstage app with the suite installed from its READMEs
 * (scripts/adopter-test.sh). Its catalog has the test's two systems
 * (entities.yaml): adopter-shop owned by the guest's group, adopter-other
 * by another team; the guest signs in as user:default/guest of the stock
 * examples, a member of guests.
 */
const SHOP = '/catalog/default/system/adopter-shop';
const OTHER = '/catalog/default/system/adopter-other';
const BACKEND = process.env.ADOPTER_BACKEND_URL ?? 'http://localhost:7007';

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

const tab = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name, exact: true });

const canvasButton = (page: Page) =>
  page.getByRole('button', { name: /^(Start the canvas|Edit canvas)$/ });

/** A guest's Backstage token, as the app gets one. */
async function guestToken(page: Page): Promise<string> {
  const response = await page.request.get(
    `${BACKEND}/api/auth/guest/refresh?env=development`,
    { headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  expect(response.status()).toBe(200);
  return (await response.json()).backstageIdentity.token;
}

test('the four tabs, the survey card and the portfolio page work in a stock app', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(SHOP);
  await expect(
    page.getByText('How is this system working for you?'),
  ).toBeVisible();

  await tab(page, 'Canvas').click();
  // The owner is offered the editor (a retried run finds the canvas saved).
  await expect(canvasButton(page)).toBeVisible();
  await tab(page, 'Journey').click();
  await expect(page.getByText('No journey mapped yet')).toBeVisible();
  await tab(page, 'SLOs').click();
  await expect(page.getByText('DORA metrics')).toBeVisible();
  await tab(page, 'Roadmap').click();
  await expect(page.getByText('No improvements planned yet')).toBeVisible();

  await page.goto('/system-products');
  await expect(
    page.getByRole('link', { name: 'adopter-shop' }).first(),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-test-results/screenshots/adopter-portfolio.png',
    fullPage: true,
  });
});

test("an owner saves the canvas; on another team's system the edit is not offered and the backend refuses it", async ({
  page,
}) => {
  await signIn(page);
  await page.goto(`${SHOP}/system-product/canvas`);
  await canvasButton(page).click();
  const edit = `Teams would ship by hand again (${Date.now()})`;
  await page.getByLabel('What would happen without it?').fill(edit);
  await page.getByRole('button', { name: 'Save canvas' }).click();
  await expect(page.getByText(edit)).toBeVisible();
  await page.reload();
  await expect(page.getByText(edit)).toBeVisible();

  await page.goto(`${OTHER}/system-product/canvas`);
  await expect(page.getByText('No canvas yet')).toBeVisible();
  await expect(canvasButton(page)).toHaveCount(0);
  // The canvas just saved, sent as the other team's first one.
  const token = await guestToken(page);
  const canvasUrl = (name: string) =>
    `${BACKEND}/api/system-product/entities/system/default/${name}/canvas`;
  const headers = { authorization: `Bearer ${token}` };
  const saved = await page.request.get(canvasUrl('adopter-shop'), { headers });
  expect(saved.status()).toBe(200);
  const { content } = await saved.json();
  const refused = await page.request.put(canvasUrl('adopter-other'), {
    headers,
    data: { version: 0, content },
  });
  expect(refused.status()).toBe(403);
});

import { Page, expect } from '@playwright/test';

/** Signs in to the demo portal as the guest, a member of platform-team. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

import { benchSystemName } from './entities';

/**
 * Opens one survey round on each of the first `count` bench systems through
 * the API, as a service would, and returns their ids.
 */
export async function openRounds(
  backend: { baseUrl: string; authorization: string },
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(
      `${backend.baseUrl}/entities/system/default/${benchSystemName(
        i,
      )}/surveys`,
      {
        method: 'POST',
        headers: {
          authorization: backend.authorization,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          title: 'Load pulse',
          closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        }),
      },
    );
    const body = await res.json();
    if (res.status !== 201) {
      throw new Error(
        `opening a round answered ${res.status}: ${JSON.stringify(body)}`,
      );
    }
    ids.push(body.id);
  }
  return ids;
}

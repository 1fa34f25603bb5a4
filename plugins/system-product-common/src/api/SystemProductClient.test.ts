import { SystemProductClient, entityPath } from './SystemProductClient';

const entity = { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' };

function clientAnswering(status: number, body: unknown) {
  const fetch = jest.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  const client = new SystemProductClient({
    discoveryApi: {
      getBaseUrl: async () => 'http://backend/api/system-product',
    },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('SystemProductClient', () => {
  it('reads the canvas from the entity path of the catalog by-name API', async () => {
    const canvas = { entityRef: 'system:default/ci-cd-pipeline', version: 3 };
    const { client, fetch } = clientAnswering(200, canvas);
    await expect(client.getCanvas(entity)).resolves.toEqual(canvas);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/system-product/entities/system/default/ci-cd-pipeline/canvas',
    );
  });

  it('turns an error body into a ResponseError carrying the status', async () => {
    const { client } = clientAnswering(409, {
      error: { name: 'ConflictError', message: 'Canvas changed meanwhile' },
      response: { statusCode: 409 },
    });
    await expect(
      client.updateCanvas(entity, { version: 1, content: {} as any }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 409 });
  });

  it('asks for the DORA figures of the chosen period', async () => {
    const { client, fetch } = clientAnswering(200, { days: 90 });
    await client.getDora(entity, { days: 90 });
    await client.getDora(entity);
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backend/api/system-product/entities/system/default/ci-cd-pipeline/dora?days=90',
      'http://backend/api/system-product/entities/system/default/ci-cd-pipeline/dora',
    ]);
  });

  it('escapes names that are not URL-safe', () => {
    expect(entityPath({ kind: 'Group', namespace: 'a b', name: 'x/y' })).toBe(
      '/entities/group/a%20b/x%2Fy',
    );
  });
});

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createCanvasAction } from './createCanvasAction';

describe('system-product:canvas:create', () => {
  const discovery = mockServices.discovery.mock({
    getBaseUrl: async () => 'http://backend/api/system-product',
  });
  const auth = mockServices.auth();
  const fetchSpy = jest.spyOn(globalThis, 'fetch');

  afterEach(() => fetchSpy.mockReset());

  const input = {
    entityRef: 'system:default/new-pipeline',
    valueProposition: 'Every merge reaches production within an hour',
    primaryUsers: ['group:default/mobile'],
  };

  it('puts a version-0 canvas with the value proposition and personas', async () => {
    fetchSpy.mockResolvedValue(
      new Response(JSON.stringify({ version: 1 }), { status: 200 }),
    );
    const ctx = {
      ...createMockActionContext({ input }),
      getInitiatorCredentials: async () =>
        mockCredentials.user('user:default/ada'),
    };
    await createCanvasAction({ auth, discovery }).handler(ctx as any);

    const [url, init] = fetchSpy.mock.calls[0];
    expect(url).toBe(
      'http://backend/api/system-product/entities/system/default/new-pipeline/canvas',
    );
    expect(init?.method).toBe('PUT');
    const body = JSON.parse(String(init?.body));
    expect(body.version).toBe(0);
    expect(body.content.valueProposition.value).toBe(input.valueProposition);
    expect(body.content.users.personas.map((p: any) => p.name)).toEqual([
      'group:default/mobile',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('version', 1);
  });

  it('calls nothing in a dry run', async () => {
    // The mock context takes no dry-run option; the scaffolder sets the flag.
    const ctx = { ...createMockActionContext({ input }), isDryRun: true };
    await createCanvasAction({ auth, discovery }).handler(ctx as any);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith('version', 0);
  });

  it('fails with the API error when the canvas already exists', async () => {
    fetchSpy.mockResolvedValue(
      new Response(
        JSON.stringify({
          error: { name: 'ConflictError', message: 'at version 1' },
        }),
        { status: 409, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    const ctx = {
      ...createMockActionContext({ input }),
      getInitiatorCredentials: async () =>
        mockCredentials.user('user:default/ada'),
    };
    await expect(
      createCanvasAction({ auth, discovery }).handler(ctx as any),
    ).rejects.toMatchObject({ statusCode: 409 });
  });
});

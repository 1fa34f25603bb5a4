import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createCanvasAction } from './createCanvasAction';

describe('system-product:canvas:create', () => {
  const discovery = mockServices.discovery.mock({
    getBaseUrl: async () => 'http://backend/api/system-product',
  });
  const auth = mockServices.auth();
  const fetchSpy = jest.spyOn(globalThis, 'fetch');

  afterEach(() => fetchSpy.mockReset());

  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'new-pipeline', namespace: 'default' },
    spec: { owner: 'group:default/platform-team' },
  };
  const catalog = catalogServiceMock({ entities: [entity] });

  const input = {
    entityRef: 'system:default/new-pipeline',
    valueProposition: 'Every merge reaches production within an hour',
    primaryUsers: ['group:default/mobile'],
  };

  const userContext = (actionInput: Record<string, unknown>) => ({
    ...createMockActionContext({ input: actionInput as any }),
    getInitiatorCredentials: async () =>
      mockCredentials.user('user:default/ada'),
  });

  const canvasSaved = () =>
    fetchSpy.mockResolvedValue(
      new Response(JSON.stringify({ version: 1 }), { status: 200 }),
    );

  it('puts a version-0 canvas with the value proposition and personas', async () => {
    canvasSaved();
    const ctx = userContext(input);
    await createCanvasAction({ auth, discovery, catalog }).handler(ctx as any);

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

  it('seeds no personas when no primary users are given', async () => {
    canvasSaved();
    const { primaryUsers, ...withoutUsers } = input;
    await createCanvasAction({ auth, discovery, catalog }).handler(
      userContext(withoutUsers) as any,
    );
    const body = JSON.parse(String(fetchSpy.mock.calls[0][1]?.body));
    expect(body.content.users.personas).toEqual([]);
  });

  it('waits until the catalog has read the new entity', async () => {
    canvasSaved();
    const slowCatalog = catalogServiceMock.mock({
      getEntityByRef: jest
        .fn()
        .mockResolvedValueOnce(undefined)
        .mockResolvedValueOnce(undefined)
        .mockResolvedValue(entity),
    });
    const ctx = userContext({ ...input, waitForEntitySeconds: 5 });
    await createCanvasAction({
      auth,
      discovery,
      catalog: slowCatalog,
      pollMs: 10,
    }).handler(ctx as any);

    expect(slowCatalog.getEntityByRef).toHaveBeenCalledTimes(3);
    expect(slowCatalog.getEntityByRef).toHaveBeenCalledWith(
      { kind: 'system', namespace: 'default', name: 'new-pipeline' },
      { credentials: mockCredentials.user('user:default/ada') },
    );
    expect(ctx.output).toHaveBeenCalledWith('version', 1);
  });

  it('gives up with NotFoundError when the entity does not appear in time', async () => {
    const emptyCatalog = catalogServiceMock({ entities: [] });
    await expect(
      createCanvasAction({
        auth,
        discovery,
        catalog: emptyCatalog,
        pollMs: 10,
      }).handler(userContext({ ...input, waitForEntitySeconds: 0 }) as any),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining(
        'system:default/new-pipeline is not in the catalog after 0 seconds',
      ),
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses an entity ref it cannot parse', async () => {
    await expect(
      createCanvasAction({ auth, discovery, catalog }).handler(
        userContext({ ...input, entityRef: 'system:' }) as any,
      ),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('calls nothing in a dry run', async () => {
    // The mock context takes no dry-run option; the scaffolder sets the flag.
    const ctx = { ...createMockActionContext({ input }), isDryRun: true };
    const spyCatalog = catalogServiceMock.mock();
    await createCanvasAction({ auth, discovery, catalog: spyCatalog }).handler(
      ctx as any,
    );
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(spyCatalog.getEntityByRef).not.toHaveBeenCalled();
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
    await expect(
      createCanvasAction({ auth, discovery, catalog }).handler(
        userContext(input) as any,
      ),
    ).rejects.toMatchObject({ statusCode: 409 });
  });
});

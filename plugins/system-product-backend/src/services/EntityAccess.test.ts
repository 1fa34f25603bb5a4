import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readAccessCacheTtl } from '../config';
import { EntityAccess } from './EntityAccess';

const ref = { kind: 'system', namespace: 'default', name: 'ci-cd-pipeline' };

async function catalogAnswering(status: number) {
  const catalog = catalogServiceMock.mock();
  const error = await ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: {
          name: 'InputError',
          message: 'Malformed entity name',
          stack:
            'InputError: Malformed entity name\n    at /srv/catalog.ts:1:1',
        },
        request: { method: 'GET', url: '/entities/by-name/x' },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
  catalog.getEntityByRef.mockRejectedValue(error);
  return new EntityAccess(catalog, mockServices.permissions());
}

describe('EntityAccess', () => {
  it.each([
    [
      400,
      'InputError',
      'The catalog refused the entity reference system:default/ci-cd-pipeline: Malformed entity name',
    ],
    [404, 'NotFoundError', 'No entity system:default/ci-cd-pipeline found'],
    [
      500,
      'ServiceUnavailableError',
      'The catalog could not look up system:default/ci-cd-pipeline (it answered 500); retry shortly',
    ],
  ])(
    'answers a catalog %s with its own error, not the catalog body nested in it',
    async (status, name, message) => {
      const access = await catalogAnswering(status);
      const error = await access
        .getVisibleEntity(ref, mockCredentials.user())
        .catch(e => e);
      expect(error).toMatchObject({ name, message });
      expect(error.cause).toBeUndefined();
      expect(JSON.stringify(error)).not.toContain('/srv/catalog.ts');
    },
  );
});

describe('EntityAccess visibility cache', () => {
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'ci-cd-pipeline', namespace: 'default' },
  };
  const ada = mockCredentials.user('user:default/ada');
  const bob = mockCredentials.user('user:default/bob');

  /**
   * A catalog that shows the entity to the principals `sees` names (user
   * refs, service subjects), a clock the test moves, and the access on both.
   */
  function setup(options: { cacheTtlMs?: number; cacheEntries?: number } = {}) {
    const sees = new Set<string>();
    const catalog = catalogServiceMock.mock();
    catalog.getEntityByRef.mockImplementation(async (_ref, opts) => {
      // Users by ref (and the service acting for them), services by subject
      // and access restrictions.
      const p = (opts as { credentials?: BackstageCredentials } | undefined)
        ?.credentials?.principal as any;
      const who =
        p?.type === 'user'
          ? `${p.userEntityRef}${p.actor ? ` via ${p.actor.subject}` : ''}`
          : `service ${p?.subject}${
              p?.accessRestrictions ? ' (restricted)' : ''
            }`;
      return sees.has(who) ? entity : undefined;
    });
    let time = 1_000_000;
    const access = new EntityAccess(catalog, mockServices.permissions(), {
      cacheTtlMs: 5_000,
      ...options,
      now: () => time,
    });
    const see = (credentials: BackstageCredentials) =>
      access.getVisibleEntity(ref, credentials);
    return {
      sees,
      catalog,
      access,
      see,
      advance: (ms: number) => {
        time += ms;
      },
    };
  }

  it('asks the catalog once per caller and entity within the TTL', async () => {
    const { sees, catalog, see } = setup();
    sees.add('user:default/ada');
    await expect(see(ada)).resolves.toBe(entity);
    await expect(see(ada)).resolves.toBe(entity);
    await expect(see(mockCredentials.user('user:default/ada'))).resolves.toBe(
      entity,
    );
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);
  });

  it("never answers one caller with another's decision", async () => {
    const { sees, catalog, see } = setup();
    sees.add('user:default/ada');
    await expect(see(ada)).resolves.toBe(entity);
    // Bob does not see it, although Ada's view of it is cached.
    await expect(see(bob)).rejects.toMatchObject({ name: 'NotFoundError' });
    // Nor does a service acting for Ada, a service of the same name, or a
    // service with other access restrictions than one that sees it.
    await expect(
      see(
        mockCredentials.user('user:default/ada', {
          actor: { subject: 'plugin:scaffolder' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      see(mockCredentials.service('user:default/ada')),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    sees.add('service external:importer');
    await expect(
      see(mockCredentials.service('external:importer')),
    ).resolves.toBe(entity);
    await expect(
      see(
        mockCredentials.service('external:importer', {
          permissionNames: ['catalog.entity.read'],
        }),
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(6);
  });

  it('asks the catalog again once the TTL is over', async () => {
    const { sees, catalog, see, advance } = setup();
    sees.add('user:default/ada');
    await see(ada);
    advance(4_999);
    await see(ada);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);
    // The catalog no longer shows it to Ada: after the TTL, neither do we.
    sees.delete('user:default/ada');
    advance(1);
    await expect(see(ada)).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('does not keep an entity the caller was denied, or a failed lookup', async () => {
    const { sees, catalog, see } = setup();
    await expect(see(ada)).rejects.toMatchObject({ name: 'NotFoundError' });
    // Denied is not cached: once the catalog shows it, so do we at once.
    sees.add('user:default/ada');
    await expect(see(ada)).resolves.toBe(entity);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);

    catalog.getEntityByRef.mockRejectedValueOnce(new Error('catalog down'));
    await expect(see(bob)).rejects.toThrow('catalog down');
    sees.add('user:default/bob');
    await expect(see(bob)).resolves.toBe(entity);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(4);
  });

  it('does not cache callers without a principal', async () => {
    const { catalog, access } = setup();
    catalog.getEntityByRef.mockResolvedValue(entity as any);
    await access.getVisibleEntity(ref, mockCredentials.none());
    await access.getVisibleEntity(ref, mockCredentials.none());
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('asks the catalog every time with a TTL of 0', async () => {
    const { sees, catalog, see } = setup({ cacheTtlMs: 0 });
    sees.add('user:default/ada');
    await see(ada);
    await see(ada);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('keeps at most cacheEntries entries, dropping the oldest', async () => {
    const { sees, catalog, see } = setup({ cacheEntries: 2 });
    const users = ['ada', 'bob', 'cy'].map(n => `user:default/${n}`);
    users.forEach(u => sees.add(u));
    for (const u of users) await see(mockCredentials.user(u));
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(3);
    await see(mockCredentials.user(users[2]));
    await see(mockCredentials.user(users[1]));
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(3);
    await see(mockCredentials.user(users[0]));
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(4);
  });

  it('refuses a negative TTL', () => {
    expect(
      () =>
        new EntityAccess(
          catalogServiceMock.mock(),
          mockServices.permissions(),
          {
            cacheTtlMs: -1,
          },
        ),
    ).toThrow('must be 0 or more ms');
  });
});

describe('systemProduct.access.cacheTtl', () => {
  const read = (cacheTtl?: unknown) =>
    readAccessCacheTtl(
      mockServices.rootConfig({
        data: {
          systemProduct: cacheTtl === undefined ? {} : { access: { cacheTtl } },
        },
      }),
    );

  it('is 5 seconds unless configured', () => {
    expect(read()).toBe(5_000);
  });

  it.each([
    [0, 0],
    [1500, 1500],
    ['10s', 10_000],
    ['PT2S', 2_000],
    [{ seconds: 3 }, 3_000],
    [{ minutes: 5 }, 300_000],
  ])('reads %j as %s ms', (value, ms) => {
    expect(read(value)).toBe(ms);
  });

  it.each([-1, { minutes: 6 }, 'soon'])('refuses %j at start-up', value => {
    expect(() => read(value)).toThrow(/systemProduct\.access\.cacheTtl/);
  });
});

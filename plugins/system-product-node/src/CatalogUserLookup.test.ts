import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogUserLookup, USER_LOOKUP_TTL_MS } from './CatalogUserLookup';

const user = (name: string, login: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'github.com/user-login': login },
  },
  spec: {},
});

describe('CatalogUserLookup', () => {
  function setUp(entities: Entity[]) {
    const catalog = catalogServiceMock({ entities });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    let now = 0;
    const lookup = new CatalogUserLookup({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      now: () => now,
    });
    return { lookup, getEntities, later: (ms: number) => (now += ms) };
  }

  it('finds the one user whose annotation names the account, ignoring letter case', async () => {
    const { lookup } = setUp([user('jane', 'Jane-Doe'), user('bob', 'bob')]);
    await expect(
      lookup.userRefOf('github.com/user-login', 'jane-doe'),
    ).resolves.toBe('user:default/jane');
  });

  it('names nobody for an account no user or several users claim', async () => {
    const { lookup } = setUp([user('a', 'twin'), user('b', 'twin')]);
    await expect(
      lookup.userRefOf('github.com/user-login', 'twin'),
    ).resolves.toBeUndefined();
    await expect(
      lookup.userRefOf('github.com/user-login', 'ghost'),
    ).resolves.toBeUndefined();
  });

  it('asks the catalog once per account within the cache time, "nobody" too', async () => {
    const { lookup, getEntities, later } = setUp([user('jane', 'jane')]);
    await lookup.userRefOf('github.com/user-login', 'jane');
    await lookup.userRefOf('github.com/user-login', 'JANE');
    await lookup.userRefOf('github.com/user-login', 'ghost');
    await lookup.userRefOf('github.com/user-login', 'ghost');
    expect(getEntities).toHaveBeenCalledTimes(2);
    later(USER_LOOKUP_TTL_MS);
    await lookup.userRefOf('github.com/user-login', 'jane');
    expect(getEntities).toHaveBeenCalledTimes(3);
  });

  it('names nobody when the catalog fails, and asks again next time', async () => {
    const { lookup, getEntities } = setUp([user('jane', 'jane')]);
    getEntities.mockRejectedValueOnce(new Error('catalog down'));
    await expect(
      lookup.userRefOf('github.com/user-login', 'jane'),
    ).resolves.toBeUndefined();
    await expect(
      lookup.userRefOf('github.com/user-login', 'jane'),
    ).resolves.toBe('user:default/jane');
    expect(getEntities).toHaveBeenCalledTimes(2);
  });
});

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
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

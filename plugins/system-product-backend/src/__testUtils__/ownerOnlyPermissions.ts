import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * Permissions like the real permission client's: services are allowed
 * outright, users through a policy that lets only `owner` change things.
 */
export function ownerOnlyPermissions(owner: string) {
  return mockServices.permissions.mock({
    authorize: async (requests, options) => {
      const principal = options.credentials.principal as {
        type: string;
        userEntityRef?: string;
      };
      const allowed =
        principal.type === 'service' || principal.userEntityRef === owner;
      return requests.map(() => ({
        result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      }));
    },
  });
}

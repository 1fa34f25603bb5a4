import { createApiRef } from '@backstage/core-plugin-api';
import { SystemProductApi } from '@system-product/backstage-plugin-common';

/**
 * The System Product API, as components find it with `useApi`.
 *
 * @public
 */
export const systemProductApiRef = createApiRef<SystemProductApi>({
  id: 'plugin.system-product.api',
});

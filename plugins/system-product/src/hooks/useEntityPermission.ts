import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';

/**
 * Whether the signed-in user may do what `permission` guards (change the
 * canvas, the journey, the roadmap …) on the entity on the page.
 */
export function useEntityPermission(
  permission: ResourcePermission<'catalog-entity'>,
): boolean {
  const { entity } = useEntity();
  return usePermission({
    permission,
    resourceRef: stringifyEntityRef(entity),
  }).allowed;
}

import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { SWRConfig } from 'swr';
import { systemProductApiRef } from '../api/systemProductApiRef';

/** The example system the component tests render their tab or card for. */
export const testEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'ci-cd-pipeline',
    namespace: 'default',
    title: 'CI/CD Pipeline',
  },
  spec: { owner: 'group:default/platform-team' },
};

/**
 * Renders `element` on the test entity's page with a (partial) System Product
 * API; `owner` decides whether the user may change the entity's data.
 */
export function renderWithEntity(
  element: JSX.Element,
  api: Partial<SystemProductApi>,
  options: { owner?: boolean } = {},
) {
  const permissionApi = mockApis.permission({
    authorize: options.owner ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [systemProductApiRef, api],
        [permissionApiRef, permissionApi],
      ]}
    >
      {/* usePermission caches decisions in SWR; each render starts afresh. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={testEntity}>{element}</EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
  );
}

import { Entity } from '@backstage/catalog-model';
import { RouteRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
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
import {
  canvasTabRouteRef,
  journeyTabRouteRef,
  roadmapTabRouteRef,
  slosTabRouteRef,
} from '../routes';

/** The plugin's tabs, by the name of their extension. */
export const TAB_ROUTE_REFS = {
  canvas: canvasTabRouteRef,
  journey: journeyTabRouteRef,
  slos: slosTabRouteRef,
  roadmap: roadmapTabRouteRef,
};

/** A tab of the plugin, as `renderWithEntity` mounts it. */
export type TabName = keyof typeof TAB_ROUTE_REFS;

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
 * API; `owner` decides whether the user may change the entity's data. The
 * catalog's entity pages are mounted (for `EntityRefLink`), and so are the
 * plugin's `tabs`, each at `/system-product/<tab>`: all four unless told.
 */
export function renderWithEntity(
  element: JSX.Element,
  api: Partial<SystemProductApi>,
  options: { owner?: boolean; tabs?: TabName[] } = {},
) {
  const tabs = options.tabs ?? (Object.keys(TAB_ROUTE_REFS) as TabName[]);
  const mountedRoutes: Record<string, RouteRef> = {
    '/catalog/:namespace/:kind/:name': entityRouteRef,
  };
  for (const tab of tabs) {
    mountedRoutes[`/system-product/${tab}`] = TAB_ROUTE_REFS[tab];
  }
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
    { mountedRoutes },
  );
}

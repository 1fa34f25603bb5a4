import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { systemProductApiRef } from '../api/systemProductApiRef';

/** The example system the component tests render their tab or card for. */
export const testEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'ci-cd-pipeline', title: 'CI/CD Pipeline' },
  spec: { owner: 'group:default/platform-team' },
};

/** Renders `element` on the test entity's page with a (partial) System Product API. */
export function renderWithEntity(
  element: JSX.Element,
  api: Partial<SystemProductApi>,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[systemProductApiRef, api]]}>
      <EntityProvider entity={testEntity}>{element}</EntityProvider>
    </TestApiProvider>,
  );
}

import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  Canvas,
  SystemProductApi,
  emptyCanvasContent,
} from '@system-product/backstage-plugin-common';
import { screen } from '@testing-library/react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { EntitySystemProductCanvasContent } from './EntityTabs';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'ci-cd-pipeline', title: 'CI/CD Pipeline' },
  spec: { owner: 'group:default/platform-team' },
};

function savedCanvas(): Canvas {
  const content = emptyCanvasContent();
  content.valueProposition.value =
    'Every merge reaches production within an hour';
  return {
    entityRef: 'system:default/ci-cd-pipeline',
    version: 3,
    content,
    updatedBy: 'user:default/ada',
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}

function renderTab(
  element: JSX.Element,
  getCanvas: SystemProductApi['getCanvas'],
) {
  const api: Partial<SystemProductApi> = { getCanvas };
  return renderInTestApp(
    <TestApiProvider apis={[[systemProductApiRef, api]]}>
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
  );
}

describe('Canvas tab', () => {
  it('shows a progress bar while the canvas loads', async () => {
    await renderTab(
      <EntitySystemProductCanvasContent />,
      () => new Promise(() => {}),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend error and a way to retry', async () => {
    await renderTab(<EntitySystemProductCanvasContent />, async () => {
      throw new Error('Backend unreachable');
    });
    expect(await screen.findAllByText(/Backend unreachable/)).not.toHaveLength(
      0,
    );
    expect(
      screen.getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });

  it('invites the owner to start when no canvas was saved', async () => {
    await renderTab(<EntitySystemProductCanvasContent />, async () => ({
      entityRef: 'system:default/ci-cd-pipeline',
      version: 0,
      content: emptyCanvasContent(),
    }));
    expect(await screen.findByText('No canvas yet')).toBeInTheDocument();
    expect(
      screen.getByText(/group:default\/platform-team/),
    ).toBeInTheDocument();
  });

  it('shows the answers, the completeness and who changed it last', async () => {
    await renderTab(<EntitySystemProductCanvasContent />, async () =>
      savedCanvas(),
    );
    expect(
      await screen.findByText('Every merge reaches production within an hour'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('1 of 20 focus questions answered'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/last changed by user:default\/ada/),
    ).toBeInTheDocument();
    for (const title of [
      'System Users',
      'Value Proposition',
      'User Journey',
      'Metrics',
      'Improvement Roadmap',
    ]) {
      expect(screen.getByText(title)).toBeInTheDocument();
    }
  });
});

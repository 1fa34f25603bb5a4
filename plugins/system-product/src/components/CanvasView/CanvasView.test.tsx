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
import {
  Canvas,
  CanvasSectionId,
  SystemProductApi,
  emptyCanvasContent,
} from '@system-product/backstage-plugin-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  renderWithEntity,
  testEntity,
} from '../../__testUtils__/renderWithEntity';
import { touchpointFriction } from '../../__testUtils__/journeyFixtures';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { CanvasView } from './CanvasView';

const allSections: CanvasSectionId[] = [
  'users',
  'valueProposition',
  'journey',
  'metrics',
  'roadmap',
];

function savedCanvas(): Canvas {
  const content = emptyCanvasContent();
  content.valueProposition.value =
    'Every merge reaches production within an hour';
  content.journey.summary =
    'From pull request to production in three stages; staging hurts most';
  return {
    entityRef: 'system:default/ci-cd-pipeline',
    version: 3,
    content,
    updatedBy: 'user:default/ada',
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}

const noResearch: Partial<SystemProductApi> = {
  getSurveyRounds: async () => [],
  getReviews: async () => [],
  getReviewSettings: async () => ({ cadence: 'off' as const }),
  getMySurveyAnswer: async () => undefined,
  getLoopNotifications: async () => ({ enabled: false }),
  getJourney: async () => ({
    entityRef: 'system:default/ci-cd-pipeline',
    version: 0,
    stages: [],
  }),
};

function api(more: Partial<SystemProductApi> = {}): Partial<SystemProductApi> {
  return { getCanvas: async () => savedCanvas(), ...noResearch, ...more };
}

const section = (title: string) => screen.getByRole('region', { name: title });

describe('CanvasView on the Canvas tab', () => {
  it('shows the journey and roadmap summaries, and asks for a missing one', async () => {
    await renderWithEntity(
      <CanvasView sections={allSections} showCompleteness />,
      api(),
    );
    await screen.findByText('Every merge reaches production within an hour');
    expect(
      within(section('User Journey')).getByText(
        'From pull request to production in three stages; staging hurts most',
      ),
    ).toBeInTheDocument();
    expect(
      within(section('Improvement Roadmap')).getByText(/No summary yet/),
    ).toBeInTheDocument();
    // Sections without a summary field show none.
    expect(
      within(section('Value Proposition')).queryByText('Summary'),
    ).not.toBeInTheDocument();
  });

  it('links User Journey, Metrics and Improvement Roadmap to their tabs', async () => {
    await renderWithEntity(
      <CanvasView sections={allSections} showCompleteness />,
      api(),
    );
    await screen.findByText('Every merge reaches production within an hour');
    expect(
      within(section('User Journey')).getByRole('link', {
        name: /Open the journey map/,
      }),
    ).toHaveAttribute('href', '/system-product/journey');
    expect(
      within(section('Metrics')).getByRole('link', { name: /See the SLOs/ }),
    ).toHaveAttribute('href', '/system-product/slos');
    expect(
      within(section('Improvement Roadmap')).getByRole('link', {
        name: /Open the roadmap/,
      }),
    ).toHaveAttribute('href', '/system-product/roadmap');
    expect(
      within(section('Value Proposition')).queryByRole('link'),
    ).not.toBeInTheDocument();
  });

  it('shows no link to a tab the app does not have', async () => {
    await renderWithEntity(
      <CanvasView sections={allSections} showCompleteness />,
      api(),
      { tabs: ['canvas', 'journey', 'slos'] },
    );
    await screen.findByText('Every merge reaches production within an hour');
    expect(
      within(section('Improvement Roadmap')).queryByRole('link'),
    ).not.toBeInTheDocument();
    expect(
      within(section('User Journey')).getByRole('link', {
        name: /Open the journey map/,
      }),
    ).toBeInTheDocument();
  });

  it('does not link the Metrics section to the SLOs tab it is shown on', async () => {
    await renderWithEntity(<CanvasView sections={['metrics']} />, api());
    expect(await screen.findByText('Metrics')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /See the SLOs/ }),
    ).not.toBeInTheDocument();
  });

  it('shows the latest research inside the System Users section', async () => {
    await renderWithEntity(
      <CanvasView sections={allSections} showCompleteness />,
      api({
        getSurveyRounds: async () => [
          {
            id: 'r1',
            entityRef: 'system:default/ci-cd-pipeline',
            templateId: 'platform-pulse',
            templateVersion: 1,
            title: 'Autumn pulse',
            opensAt: '2026-10-01T00:00:00.000Z',
            closesAt: '2026-10-15T00:00:00.000Z',
            targetGroups: [],
            responseCount: 12,
            questions: [],
            scores: { nps: 25, csat: 80 },
          },
        ],
        getJourney: async () => ({
          entityRef: 'system:default/ci-cd-pipeline',
          version: 1,
          stages: [
            {
              id: 's1',
              name: 'Verify',
              description: '',
              touchpoints: [
                {
                  id: 't1',
                  name: 'Staging smoke tests',
                  expectedMinutes: 10,
                  failureModes: [],
                  owner: null,
                  friction: touchpointFriction({
                    reports: 4,
                    averageSeverity: 4.5,
                    reporters: 4,
                    textsHidden: false,
                  }),
                },
              ],
            },
          ],
        }),
      }),
    );
    const research = await within(section('System Users')).findByRole(
      'region',
      { name: 'Latest research' },
    );
    expect(
      await within(research).findByText('Autumn pulse: 12 responses'),
    ).toBeInTheDocument();
    expect(within(research).getByText(/CSAT 80%/)).toBeInTheDocument();
    expect(
      within(research).getByText('Staging smoke tests'),
    ).toBeInTheDocument();
    // Only once, inside System Users.
    expect(
      screen.getAllByRole('region', { name: 'Latest research' }),
    ).toHaveLength(1);
  });
});

describe('Canvas history', () => {
  async function openHistory(more: Partial<SystemProductApi>) {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [systemProductApiRef, api(more)],
          [
            permissionApiRef,
            mockApis.permission({ authorize: AuthorizeResult.DENY }),
          ],
        ]}
      >
        <EntityProvider entity={testEntity}>
          <CanvasView sections={allSections} showCompleteness />
        </EntityProvider>
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'History' }),
    );
    return screen.findByRole('dialog', { name: 'Canvas history' });
  }

  it('lists each saved version with who changed which sections and when', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString();
    const getCanvasRevisions = jest.fn(async () => [
      {
        version: 3,
        changedSections: ['valueProposition', 'journey'] as CanvasSectionId[],
        changedBy: 'user:default/ada',
        changedAt: twoHoursAgo,
      },
      {
        version: 2,
        changedSections: ['roadmap'] as CanvasSectionId[],
        changedBy: 'system-product-demo-seed',
        changedAt: '2026-11-01T09:00:00.000Z',
      },
    ]);
    const dialog = await openHistory({ getCanvasRevisions });
    expect(
      await within(dialog).findByText(
        'Version 3: Value Proposition, User Journey',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Version 2: Improvement Roadmap'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: /ada/ })).toHaveAttribute(
      'href',
      '/catalog/default/user/ada',
    );
    // A service principal is no catalog entity: shown as text, not linked.
    expect(
      within(dialog).getByText(/system-product-demo-seed/),
    ).toBeInTheDocument();
    expect(within(dialog).getAllByRole('link')).toHaveLength(1);
    expect(within(dialog).getByText('2 hours ago')).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        new RegExp(
          `\\(${new Date(twoHoursAgo)
            .toLocaleString()
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`,
        ),
      ),
    ).toBeInTheDocument();
    expect(getCanvasRevisions).toHaveBeenCalledWith({
      kind: 'System',
      namespace: 'default',
      name: 'ci-cd-pipeline',
    });
  });

  it('says when no change was saved yet', async () => {
    const dialog = await openHistory({ getCanvasRevisions: async () => [] });
    expect(
      await within(dialog).findByText('No changes saved yet'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/The owners start it by editing the canvas/),
    ).toBeInTheDocument();
  });

  it('says what failed and offers to try again', async () => {
    const dialog = await openHistory({
      getCanvasRevisions: async () => {
        throw new Error('Backend unreachable');
      },
    });
    expect(
      await within(dialog).findByText(/Could not load the canvas history/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });
});

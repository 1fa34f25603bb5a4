import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  mockApis,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  SystemProductApi,
  emptyCanvasContent,
  momentPromptPath,
} from '@system-product/backstage-plugin-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { momentPrompt } from './__testUtils__/momentPrompt';
import { testEntity } from './__testUtils__/renderWithEntity';
import { systemProductApiRef } from './api/systemProductApiRef';
import { systemProductPlugin } from './plugin';

const tabs = {
  canvas: 'Canvas',
  journey: 'Journey',
  slos: 'SLOs',
  roadmap: 'Roadmap',
} as const;

describe('systemProductPlugin', () => {
  it.each(Object.entries(tabs))(
    'offers the %s tab on system products only',
    (name, title) => {
      const tester = createExtensionTester(
        systemProductPlugin.getExtension(
          `entity-content:system-product/${name}` as any,
        ),
      );
      expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(title);
      const filter = tester.get(
        EntityContentBlueprint.dataRefs.filterFunction,
      ) as (entity: Entity) => boolean;
      const meta = { name: 'x' };
      expect(filter({ apiVersion: 'v1', kind: 'System', metadata: meta })).toBe(
        true,
      );
      expect(
        filter({ apiVersion: 'v1', kind: 'Component', metadata: meta }),
      ).toBe(false);
    },
  );
});

describe('systemProductPlugin pages and cards', () => {
  it('mounts the portfolio page at /system-products with a nav title', () => {
    const tester = createExtensionTester(
      systemProductPlugin.getExtension('page:system-product' as any),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/system-products');
  });

  it('shows the survey card on system products and the team card on groups', () => {
    const meta = { name: 'x' };
    const filterOf = (id: string) =>
      createExtensionTester(systemProductPlugin.getExtension(id as any)).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      ) as ((entity: Entity) => boolean) | undefined;
    const survey = filterOf('entity-card:system-product/survey')!;
    expect(survey({ apiVersion: 'v1', kind: 'System', metadata: meta })).toBe(
      true,
    );
    expect(survey({ apiVersion: 'v1', kind: 'Group', metadata: meta })).toBe(
      false,
    );
    const gettingStarted = filterOf(
      'entity-card:system-product/getting-started',
    )!;
    expect(
      gettingStarted({ apiVersion: 'v1', kind: 'System', metadata: meta }),
    ).toBe(true);
    expect(
      gettingStarted({ apiVersion: 'v1', kind: 'Group', metadata: meta }),
    ).toBe(false);
    const team = filterOf('entity-card:system-product/team')!;
    expect(team({ apiVersion: 'v1', kind: 'Group', metadata: meta })).toBe(
      true,
    );
    expect(team({ apiVersion: 'v1', kind: 'System', metadata: meta })).toBe(
      false,
    );
  });
});

describe('the moment prompt page', () => {
  const prompt = momentPrompt();
  const api: Partial<SystemProductApi> = {
    getPortfolio: async () => [],
    getMyPrompts: async () => [prompt],
    getPrompt: async () => prompt,
  };

  it('is under the portfolio page, where its open prompts link and the notifications point', async () => {
    renderTestApp({
      features: [systemProductPlugin],
      // Mounts the catalog's entity route, which EntityRefLink needs.
      extensions: [createTestEntityPage({ entity: testEntity })],
      initialRouteEntries: ['/system-products'],
      apis: [[systemProductApiRef, api], mockApis.permission()],
    });
    // The page is loaded lazily: on a busy machine that takes over a second.
    const link = await screen.findByRole(
      'link',
      { name: prompt.question },
      { timeout: 10_000 },
    );
    expect(link).toHaveAttribute('href', momentPromptPath('p1'));
    await userEvent.click(link);
    expect(
      await screen.findByRole(
        'form',
        { name: prompt.question },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });
});

describe('links between the tabs', () => {
  const content = emptyCanvasContent();
  content.valueProposition.value =
    'Every merge reaches production within an hour';
  const api: Partial<SystemProductApi> = {
    getCanvas: async () => ({
      entityRef: 'system:default/ci-cd-pipeline',
      version: 1,
      content,
    }),
    getSurveyRounds: async () => [],
    getJourney: async () => ({
      entityRef: 'system:default/ci-cd-pipeline',
      version: 0,
      stages: [],
    }),
  };

  /** Opens the Canvas tab of the test entity in an app with `extensions` config. */
  async function openCanvas(
    extensions: Array<
      Record<string, boolean | { config: { path: string } }>
    > = [],
  ) {
    renderTestApp({
      features: [systemProductPlugin],
      extensions: [createTestEntityPage({ entity: testEntity })],
      config: { app: { extensions } },
      initialRouteEntries: ['/system-product/canvas'],
      apis: [
        [systemProductApiRef, api],
        mockApis.permission({ authorize: AuthorizeResult.DENY }),
      ],
    });
    // The tab's content is loaded lazily: slow on a busy machine.
    await screen.findByText(
      'Every merge reaches production within an hour',
      {},
      { timeout: 10_000 },
    );
  }

  const section = (title: string) =>
    screen.getByRole('region', { name: title });

  it('link the canvas sections to the Journey, SLOs and Roadmap tabs', async () => {
    await openCanvas();
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
  });

  it('leave out the link to a tab disabled in app-config', async () => {
    await openCanvas([{ 'entity-content:system-product/roadmap': false }]);
    expect(
      within(section('Improvement Roadmap')).queryByRole('link'),
    ).not.toBeInTheDocument();
    expect(
      within(section('User Journey')).getByRole('link', {
        name: /Open the journey map/,
      }),
    ).toBeInTheDocument();
  });

  it('follow a tab moved to another path in app-config', async () => {
    await openCanvas([
      {
        'entity-content:system-product/journey': {
          config: { path: '/journey-map' },
        },
      },
    ]);
    expect(
      within(section('User Journey')).getByRole('link', {
        name: /Open the journey map/,
      }),
    ).toHaveAttribute('href', '/journey-map');
  });
});

import {
  Canvas,
  SystemProductApi,
  emptyCanvasContent,
} from '@system-product/backstage-plugin-common';
import { ResponseError } from '@backstage/errors';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { touchpointFriction } from './__testUtils__/journeyFixtures';
import { renderWithEntity } from './__testUtils__/renderWithEntity';
import { EntitySystemProductCanvasContent } from './entityTabs';

// The editor is a large form; rendering it takes a while in jsdom.
jest.setTimeout(20_000);

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
  api: Partial<SystemProductApi> = {},
  owner = false,
) {
  const research: Partial<SystemProductApi> = {
    getSurveyRounds: async () => [],
    getMomentTriggers: async () => [],
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
  return renderWithEntity(
    element,
    { getCanvas, ...research, ...api },
    { owner },
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
    expect(screen.getByRole('link', { name: 'platform-team' })).toHaveAttribute(
      'href',
      '/catalog/default/group/platform-team',
    );
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
    expect(screen.getByText(/Version 3/)).toHaveTextContent(
      /Version 3 · last changed by ada on/,
    );
    expect(screen.getByRole('link', { name: 'ada' })).toHaveAttribute(
      'href',
      '/catalog/default/user/ada',
    );
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

  it('lets a non-owner read and tells them whom to contact', async () => {
    await renderTab(<EntitySystemProductCanvasContent />, async () =>
      savedCanvas(),
    );
    expect(
      await screen.findByText(/change the canvas; contact them/),
    ).toHaveTextContent(
      'Only the owners (platform-team) change the canvas; contact them with suggestions.',
    );
    expect(screen.getByRole('link', { name: 'platform-team' })).toHaveAttribute(
      'href',
      '/catalog/default/group/platform-team',
    );
    expect(
      screen.queryByRole('button', { name: 'Edit canvas' }),
    ).not.toBeInTheDocument();
  });

  it('lets an owner edit in place and saves on the version they started from', async () => {
    const updateCanvas = jest.fn(async (_ref, update) => ({
      ...savedCanvas(),
      version: 4,
      content: update.content,
    }));
    await renderTab(
      <EntitySystemProductCanvasContent />,
      async () => savedCanvas(),
      { updateCanvas },
      true,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit canvas' }),
    );
    const field = screen.getByLabelText('What would happen without it?');
    fireEvent.change(field, {
      target: { value: 'Releases would take a week' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save canvas' }));
    await waitFor(() => expect(updateCanvas).toHaveBeenCalledTimes(1));
    const [, update] = updateCanvas.mock.calls[0];
    expect(update.version).toBe(3);
    expect(update.content.valueProposition.withoutIt).toBe(
      'Releases would take a week',
    );
  });

  it('names every persona field after its persona, focuses the first field and gives the focus back on cancel', async () => {
    const canvas = savedCanvas();
    canvas.content.users.personas = [
      {
        name: 'Release engineer',
        description: 'Ships the monolith',
        needs: [],
        frustrations: [],
        successMeasures: [],
      },
      {
        name: '',
        description: '',
        needs: [],
        frustrations: [],
        successMeasures: [],
      },
    ];
    await renderTab(
      <EntitySystemProductCanvasContent />,
      async () => canvas,
      {},
      true,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit canvas' }),
    );
    const first = screen.getByRole('group', {
      name: 'Persona 1: Release engineer',
    });
    expect(
      within(first).getByRole('textbox', {
        name: 'Description (Persona 1: Release engineer)',
      }),
    ).toHaveValue('Ships the monolith');
    expect(
      screen.getByRole('textbox', { name: 'Description (Persona 2)' }),
    ).toHaveValue('');
    expect(
      screen.getByRole('button', {
        name: 'Remove Persona 1: Release engineer',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Remove Persona 2' }),
    ).toBeInTheDocument();
    // No two fields or buttons of the editor share a name.
    const nameOf = (element: HTMLElement) =>
      element.getAttribute('aria-label') ??
      (document.querySelector(`label[for="${element.id}"]`)?.textContent ||
        element.textContent);
    const names = [
      ...screen.getAllByRole('textbox'),
      ...screen.getAllByRole('button'),
    ].map(nameOf);
    expect(new Set(names).size).toBe(names.length);
    expect(
      screen.getByRole('textbox', {
        name: 'Who are the primary users? (Persona 1: Release engineer)',
      }),
    ).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(
      await screen.findByRole('button', { name: 'Edit canvas' }),
    ).toHaveFocus();
  });

  it('keeps the draft on a stale save, shows what changed and re-applies it on top', async () => {
    const stale = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'ConflictError', message: 'at version 4' },
          response: { statusCode: 409 },
        }),
        { status: 409, headers: { 'Content-Type': 'application/json' } },
      ) as any,
    );
    const newer = savedCanvas();
    newer.version = 4;
    newer.updatedBy = 'user:default/grace';
    newer.content.journey.touchpoints = ['Merge queue'];
    const updateCanvas = jest
      .fn()
      .mockRejectedValueOnce(stale)
      .mockImplementation(async (_ref, update) => ({
        ...newer,
        version: 5,
        content: update.content,
      }));
    const getCanvas = jest
      .fn()
      .mockResolvedValueOnce(savedCanvas())
      .mockResolvedValue(newer);
    await renderTab(
      <EntitySystemProductCanvasContent />,
      getCanvas,
      { updateCanvas },
      true,
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit canvas' }),
    );
    fireEvent.change(screen.getByLabelText('What would happen without it?'), {
      target: { value: 'Chaos' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save canvas' }));

    const alert = await screen.findByText(/saved version 4 while you were/);
    expect(alert).toHaveTextContent(
      'grace saved version 4 while you were editing; it changed: User Journey. Your text is still here.',
    );
    expect(within(alert).getByRole('link', { name: 'grace' })).toHaveAttribute(
      'href',
      '/catalog/default/user/grace',
    );
    expect(screen.getByLabelText('What would happen without it?')).toHaveValue(
      'Chaos',
    );

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Keep my changes on top of version 4',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save canvas' }));
    await waitFor(() => expect(updateCanvas).toHaveBeenCalledTimes(2));
    expect(updateCanvas.mock.calls[1][1].version).toBe(4);
    expect(
      updateCanvas.mock.calls[1][1].content.valueProposition.withoutIt,
    ).toBe('Chaos');
  });

  it('shows the latest research inside the canvas: responses, scores and top pain points', async () => {
    const round = {
      id: 'r1',
      entityRef: 'system:default/ci-cd-pipeline',
      templateId: 'platform-pulse',
      templateVersion: 1,
      title: 'Q4 pulse',
      opensAt: '2026-11-01T00:00:00.000Z',
      closesAt: '2026-12-01T00:00:00.000Z',
      targetGroups: [],
      responseCount: 8,
      questions: [],
      scores: { nps: 12.5, csat: 50 },
    };
    await renderTab(
      <EntitySystemProductCanvasContent />,
      async () => savedCanvas(),
      {
        getSurveyRounds: async () => [round],
        getJourney: async () => ({
          entityRef: 'system:default/ci-cd-pipeline',
          version: 1,
          stages: [
            {
              id: 's',
              name: 'Review',
              description: '',
              touchpoints: [
                {
                  id: 't',
                  name: 'Pull request checks',
                  expectedMinutes: 30,
                  failureModes: [],
                  owner: null,
                  friction: touchpointFriction({
                    reports: 3,
                    averageSeverity: 4.3,
                    reporters: 3,
                    textsHidden: false,
                  }),
                },
              ],
            },
          ],
        }),
      },
    );
    expect(
      await screen.findByText('Q4 pulse: 8 responses'),
    ).toBeInTheDocument();
    expect(screen.getByText('NPS +13 · CSAT 50%')).toBeInTheDocument();
    expect(screen.getByText('Pull request checks')).toBeInTheDocument();
  });
});

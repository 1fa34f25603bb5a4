import { ResponseError } from '@backstage/errors';
import {
  Journey,
  SystemProductApi,
  TouchpointFriction,
} from '@system-product/backstage-plugin-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  touchpoint as testTouchpoint,
  touchpointFriction,
} from '../../__testUtils__/journeyFixtures';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { roadmapItem } from '../../__testUtils__/roadmapItem';
import { JourneyMap } from './JourneyMap';

function journey(reports: number, averageSeverity: number | null): Journey {
  return {
    entityRef: 'system:default/ci-cd-pipeline',
    version: 2,
    stages: [
      {
        id: 's1',
        name: 'Review',
        description: 'From pull request to approval',
        touchpoints: [
          {
            id: 't1',
            name: 'Pull request checks',
            expectedMinutes: 25,
            failureModes: ['Flaky tests'],
            owner: null,
            friction: touchpointFriction({
              reports,
              averageSeverity,
              reporters: reports,
              textsHidden: averageSeverity === null,
            }),
          },
        ],
      },
      {
        id: 's2',
        name: 'Release',
        description: '',
        touchpoints: [
          {
            id: 't2',
            name: 'Rollback',
            expectedMinutes: null,
            failureModes: [],
            owner: null,
            friction: touchpointFriction(),
          },
        ],
      },
    ],
  };
}

const entityRef = {
  kind: 'System',
  namespace: 'default',
  name: 'ci-cd-pipeline',
};

const noJourney: Journey = {
  entityRef: 'system:default/ci-cd-pipeline',
  version: 0,
  stages: [],
};

async function failure(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    // The body Backstage's error handler sends.
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      {
        status,
        headers: { 'Content-Type': 'application/json' },
      },
    ) as any,
  );
}

const type = (element: HTMLElement, value: string) =>
  fireEvent.change(element, { target: { value } });

/** Renders the map for an owner and opens the journey editor. */
async function editAsOwner(api: Partial<SystemProductApi>) {
  await renderWithEntity(<JourneyMap />, api, { owner: true });
  await userEvent.click(
    await screen.findByRole('button', { name: 'Edit journey' }),
  );
}

/**
 * Opens the editor on the example journey (Pull request checks has 3
 * reports); returns the mock that saves it.
 */
async function editExampleJourney() {
  const updateJourney = jest.fn().mockResolvedValue(journey(3, 4.3));
  await editAsOwner({ getJourney: async () => journey(3, 4.3), updateJourney });
  return updateJourney;
}

function stageGroup(n: number) {
  return screen.getByRole('group', { name: `Stage ${n}` });
}

describe('JourneyMap', () => {
  it('lays out stages with touchpoints, time, failure modes and friction heat', async () => {
    await renderWithEntity(<JourneyMap />, {
      getJourney: async () => journey(3, 4.3),
    });
    const hot = await screen.findByTestId('touchpoint-Pull request checks');
    expect(hot).toHaveAttribute('data-heat', '3');
    expect(within(hot).getByText('Takes about 25 min')).toBeInTheDocument();
    const modes = within(hot).getByRole('group', {
      name: 'Failure modes of Pull request checks',
    });
    expect(within(modes).getByText('Failure modes:')).toBeInTheDocument();
    expect(within(modes).getByText('Flaky tests')).toBeInTheDocument();
    expect(
      within(hot).getByText('High friction: 4.3 of 5 from 3 reports'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('touchpoint-Rollback')).toHaveAttribute(
      'data-heat',
      '0',
    );
    expect(screen.getByText('Expected time unknown')).toBeInTheDocument();
    expect(screen.getByText('1. Pull request checks')).toBeInTheDocument();
  });

  it("links a touchpoint's owner to the catalog, and shows a free-text owner as typed", async () => {
    const map = journey(3, 4.3);
    map.stages[0].touchpoints[0].owner = 'group:default/platform-team';
    map.stages[1].touchpoints[0].owner = 'Release managers';
    await renderWithEntity(<JourneyMap />, { getJourney: async () => map });
    const checks = await screen.findByTestId('touchpoint-Pull request checks');
    expect(checks).toHaveTextContent('Owned by platform-team');
    expect(
      within(checks).getByRole('link', { name: 'platform-team' }),
    ).toHaveAttribute('href', '/catalog/default/group/platform-team');
    const rollback = screen.getByTestId('touchpoint-Rollback');
    expect(rollback).toHaveTextContent('Owned by Release managers');
    expect(within(rollback).queryByRole('link')).not.toBeInTheDocument();
  });

  it('sends an anonymous friction report and reloads the heat', async () => {
    const getJourney = jest
      .fn()
      .mockResolvedValueOnce(journey(0, null))
      .mockResolvedValue(journey(1, 5));
    const reportFriction = jest.fn().mockResolvedValue(undefined);
    await renderWithEntity(<JourneyMap />, { getJourney, reportFriction });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Report friction on Pull request checks',
      }),
    );
    await userEvent.click(screen.getByLabelText('5: Blocks my work'));
    await userEvent.type(
      screen.getByLabelText('What happened? (optional)'),
      'Reran 3 times',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send report' }));

    await waitFor(() =>
      expect(reportFriction).toHaveBeenCalledWith(
        { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' },
        { touchpointId: 't1', severity: 5, text: 'Reran 3 times' },
      ),
    );
    await waitFor(() =>
      expect(
        screen.getByTestId('touchpoint-Pull request checks'),
      ).toHaveAttribute('data-heat', '3'),
    );
  });

  /** The example journey where "Pull request checks" has these friction texts. */
  function journeyWithTexts(friction: Partial<TouchpointFriction>): Journey {
    const example = journey(6, 4);
    const checks = example.stages[0].touchpoints[0];
    checks.friction = {
      ...checks.friction,
      reporters: 6,
      minReporters: 5,
      texts: [],
      textsHidden: false,
      ...friction,
    };
    return example;
  }

  it('lists what people said about a touchpoint, newest first, on request', async () => {
    await renderWithEntity(<JourneyMap />, {
      getJourney: async () =>
        journeyWithTexts({
          texts: ['Queue stuck again', 'Flaky e2e suite', 'Logs cut off'],
        }),
    });
    const checks = await screen.findByTestId('touchpoint-Pull request checks');
    const toggle = within(checks).getByRole('button', {
      name: 'What people said (3)',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(checks).queryByRole('list')).not.toBeInTheDocument();

    await userEvent.click(toggle);
    const said = within(checks).getByRole('list', {
      name: 'What people said about Pull request checks, newest first',
    });
    expect(
      within(said)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['“Queue stuck again”', '“Flaky e2e suite”', '“Logs cut off”']);
    expect(
      within(checks).getByRole('button', { name: 'Hide what people said' }),
    ).toHaveAttribute('aria-expanded', 'true');
    // A touchpoint without reports says nothing about texts.
    expect(
      within(screen.getByTestId('touchpoint-Rollback')).queryByText(/people/),
    ).not.toBeInTheDocument();
  });

  it('says once for the whole map why touchpoints with few reporters show only counts', async () => {
    const withheld = touchpointFriction({
      reports: 2,
      reporters: 2,
      minReporters: 5,
    });
    const map = journeyWithTexts(withheld);
    map.stages[1].touchpoints[0].friction = { ...withheld, reporters: 1 };
    await renderWithEntity(<JourneyMap />, { getJourney: async () => map });
    const checks = await screen.findByTestId('touchpoint-Pull request checks');
    expect(
      screen.getAllByText(
        /once 5 different people have reported on it, so that nobody can be singled out/,
      ),
    ).toHaveLength(1);
    expect(
      within(checks).getByText('2 reports from 2 people so far'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('touchpoint-Rollback')).getByText(
        '2 reports from 1 person so far',
      ),
    ).toBeInTheDocument();
    expect(within(checks).queryByText(/singled out/)).not.toBeInTheDocument();
    expect(
      within(checks).queryByRole('button', { name: /What people said/ }),
    ).not.toBeInTheDocument();
  });

  it('says nothing about anonymity when every touchpoint shows its heat', async () => {
    await renderWithEntity(<JourneyMap />, {
      getJourney: async () => journey(3, 4.3),
    });
    await screen.findByTestId('touchpoint-Pull request checks');
    expect(screen.queryByText(/singled out/)).not.toBeInTheDocument();
  });

  it('asks for a description when no report says what happened', async () => {
    await renderWithEntity(<JourneyMap />, {
      getJourney: async () => journeyWithTexts({ texts: [] }),
    });
    const checks = await screen.findByTestId('touchpoint-Pull request checks');
    expect(
      within(checks).getByText(/No report says what happened yet/),
    ).toBeInTheDocument();
  });

  it('invites the owner to map the journey when there is none', async () => {
    await renderWithEntity(<JourneyMap />, {
      getJourney: async () => ({
        entityRef: 'system:default/ci-cd-pipeline',
        version: 0,
        stages: [],
      }),
    });
    expect(
      await screen.findByText('No journey mapped yet'),
    ).toBeInTheDocument();
  });

  it('shows the error with a retry', async () => {
    await renderWithEntity(<JourneyMap />, {
      getJourney: async () => {
        throw new Error('Backend unreachable');
      },
    });
    expect(
      await screen.findByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });

  describe('editing the journey', () => {
    it('lets the owner map a first journey from the empty state', async () => {
      const saved = journey(0, null);
      const getJourney = jest
        .fn()
        .mockResolvedValueOnce(noJourney)
        .mockResolvedValue(saved);
      const updateJourney = jest.fn().mockResolvedValue(saved);
      await renderWithEntity(
        <JourneyMap />,
        { getJourney, updateJourney },
        { owner: true },
      );

      await userEvent.click(
        await screen.findByRole('button', { name: 'Map the journey' }),
      );
      const dialog = screen.getByRole('dialog', { name: 'Map the journey' });
      expect(within(dialog).getByText(/No stages yet/)).toBeInTheDocument();
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Add stage' }),
      );
      // The new stage's name takes the focus.
      expect(within(stageGroup(1)).getByLabelText(/Stage name/)).toHaveFocus();
      type(within(stageGroup(1)).getByLabelText(/Stage name/), 'Discover');
      type(
        within(stageGroup(1)).getByLabelText(/What happens in this stage/),
        'Finding out the pipeline exists',
      );
      await userEvent.click(
        within(stageGroup(1)).getByRole('button', {
          name: 'Add a touchpoint to Discover',
        }),
      );
      const touchpoint = screen.getByRole('group', {
        name: 'Touchpoint 1 of Discover',
      });
      type(within(touchpoint).getByLabelText(/Touchpoint name/), 'Find docs');
      type(within(touchpoint).getByLabelText('Expected minutes'), '15');
      type(
        within(touchpoint).getByLabelText('Failure modes (one per line)'),
        'Docs are outdated\n\n Search finds nothing ',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Save journey' }),
      );

      await waitFor(() =>
        expect(updateJourney).toHaveBeenCalledWith(entityRef, {
          version: 0,
          stages: [
            {
              name: 'Discover',
              description: 'Finding out the pipeline exists',
              touchpoints: [
                {
                  name: 'Find docs',
                  expectedMinutes: 15,
                  failureModes: ['Docs are outdated', 'Search finds nothing'],
                  owner: null,
                },
              ],
            },
          ],
        }),
      );
      // The map reloads with what was saved.
      expect(
        await screen.findByTestId('touchpoint-Pull request checks'),
      ).toBeInTheDocument();
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });

    it('says what is missing or wrong before saving', async () => {
      const updateJourney = jest.fn();
      await renderWithEntity(
        <JourneyMap />,
        { getJourney: async () => noJourney, updateJourney },
        { owner: true },
      );
      await userEvent.click(
        await screen.findByRole('button', { name: 'Map the journey' }),
      );
      await userEvent.click(screen.getByRole('button', { name: 'Add stage' }));
      await userEvent.click(
        screen.getByRole('button', { name: 'Add a touchpoint to Stage 1' }),
      );
      const touchpoint = screen.getByRole('group', {
        name: 'Touchpoint 1 of Stage 1',
      });
      type(within(touchpoint).getByLabelText('Expected minutes'), '1.5');
      expect(
        within(touchpoint).getByText(/Enter whole minutes from 0 to 525600/),
      ).toBeInTheDocument();

      await userEvent.click(
        screen.getByRole('button', { name: 'Save journey' }),
      );
      expect(
        screen.getByText('Fix the 3 problems marked in red, then save.'),
      ).toBeInTheDocument();
      expect(
        screen.getByText('Name the stage, or remove it.'),
      ).toBeInTheDocument();
      expect(
        screen.getByText('Name the touchpoint, or remove it.'),
      ).toBeInTheDocument();
      expect(updateJourney).not.toHaveBeenCalled();
    });

    it('keeps the ids of stages and touchpoints it sends back', async () => {
      const updateJourney = await editExampleJourney();
      type(within(stageGroup(2)).getByLabelText(/Stage name/), 'Ship');
      await userEvent.click(
        within(stageGroup(2)).getByRole('button', { name: 'Move Ship left' }),
      );
      // Review is now the second stage: give it a touchpoint before its own.
      await userEvent.click(
        within(stageGroup(2)).getByRole('button', {
          name: 'Add a touchpoint to Review',
        }),
      );
      type(
        within(
          screen.getByRole('group', { name: 'Touchpoint 2 of Review' }),
        ).getByLabelText(/Touchpoint name/),
        'Code review',
      );
      await userEvent.click(
        screen.getByRole('button', { name: 'Move Code review up' }),
      );
      await userEvent.click(
        screen.getByRole('button', { name: 'Save journey' }),
      );

      await waitFor(() =>
        expect(updateJourney).toHaveBeenCalledWith(entityRef, {
          version: 2,
          stages: [
            {
              id: 's2',
              name: 'Ship',
              description: '',
              touchpoints: [
                {
                  id: 't2',
                  name: 'Rollback',
                  expectedMinutes: null,
                  failureModes: [],
                  owner: null,
                },
              ],
            },
            {
              id: 's1',
              name: 'Review',
              description: 'From pull request to approval',
              touchpoints: [
                {
                  name: 'Code review',
                  expectedMinutes: null,
                  failureModes: [],
                  owner: null,
                },
                {
                  id: 't1',
                  name: 'Pull request checks',
                  expectedMinutes: 25,
                  failureModes: ['Flaky tests'],
                  owner: null,
                },
              ],
            },
          ],
        }),
      );
    });

    it('warns that removing a touchpoint deletes its friction reports', async () => {
      const updateJourney = await editExampleJourney();

      await userEvent.click(
        screen.getByRole('button', { name: 'Remove Pull request checks' }),
      );
      expect(
        screen.getByText(/Pull request checks has 3 friction reports/),
      ).toBeInTheDocument();
      // Nothing is removed until the owner confirms.
      await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
      expect(screen.getByDisplayValue('Pull request checks')).toBeVisible();

      await userEvent.click(
        screen.getByRole('button', { name: 'Remove Pull request checks' }),
      );
      await userEvent.click(
        screen.getByRole('button', { name: 'Remove touchpoint' }),
      );
      expect(
        screen.queryByDisplayValue('Pull request checks'),
      ).not.toBeInTheDocument();
      expect(
        screen.getByText(/Saving deletes 3 friction reports for good/),
      ).toHaveTextContent('Pull request checks (3)');
      // A touchpoint without reports goes at once.
      await userEvent.click(
        screen.getByRole('button', { name: 'Remove Rollback' }),
      );
      await userEvent.click(
        screen.getByRole('button', { name: 'Save journey' }),
      );

      await waitFor(() => expect(updateJourney).toHaveBeenCalled());
      const sent = updateJourney.mock.calls[0][1];
      expect(sent.stages.map((s: any) => s.touchpoints)).toEqual([[], []]);
    });

    it('moves a touchpoint to another stage with its reports before removing a stage', async () => {
      const updateJourney = await editExampleJourney();

      await userEvent.click(
        screen.getByRole('button', { name: 'Remove Review' }),
      );
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Removing Review also removes its 1 touchpoint and, when you save, deletes their 3 friction reports for good.',
      );
      await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));

      const checks = screen.getByRole('group', {
        name: 'Touchpoint 1 of Review',
      });
      await userEvent.click(within(checks).getByLabelText('Stage'));
      await userEvent.click(
        await screen.findByRole('option', { name: '2. Release' }),
      );
      // Review is empty now, so it goes without asking.
      await userEvent.click(
        screen.getByRole('button', { name: 'Remove Review' }),
      );
      expect(
        screen.queryByText(/friction reports? for good/),
      ).not.toBeInTheDocument();
      await userEvent.click(
        screen.getByRole('button', { name: 'Save journey' }),
      );

      await waitFor(() => expect(updateJourney).toHaveBeenCalled());
      expect(updateJourney.mock.calls[0][1].stages).toEqual([
        expect.objectContaining({
          id: 's2',
          touchpoints: [
            expect.objectContaining({ id: 't2' }),
            expect.objectContaining({ id: 't1', name: 'Pull request checks' }),
          ],
        }),
      ]);
    });

    it('keeps the draft when someone else saved meanwhile, and saves it over their version', async () => {
      const theirs: Journey = {
        ...journey(3, 4.3),
        version: 3,
        updatedBy: 'user:default/grace',
      };
      theirs.stages[1].touchpoints.push({
        ...testTouchpoint('t3', 'Canary'),
        expectedMinutes: 30,
      });
      const getJourney = jest
        .fn()
        .mockResolvedValueOnce(journey(3, 4.3))
        .mockResolvedValue(theirs);
      const updateJourney = jest
        .fn()
        .mockRejectedValueOnce(
          await failure(409, 'ConflictError', 'stale version'),
        )
        .mockResolvedValue(theirs);
      await editAsOwner({ getJourney, updateJourney });
      type(within(stageGroup(1)).getByLabelText(/Stage name/), 'Code review');
      await userEvent.click(
        screen.getByRole('button', { name: 'Save journey' }),
      );

      const alert = await screen.findByText(
        /saved version 3 of the journey while you were editing/,
      );
      expect(alert).toHaveTextContent(
        'grace saved version 3 of the journey while you were editing. Your draft is still here.',
      );
      expect(
        within(alert).getByRole('link', { name: 'grace' }),
      ).toHaveAttribute('href', '/catalog/default/user/grace');
      expect(alert).toHaveTextContent(
        'Saving it over their version removes what only theirs has: touchpoint Canary.',
      );
      expect(within(stageGroup(1)).getByLabelText(/Stage name/)).toHaveValue(
        'Code review',
      );
      expect(
        screen.getByRole('button', { name: 'Save journey' }),
      ).toBeDisabled();

      await userEvent.click(
        screen.getByRole('button', { name: 'Save my draft over version 3' }),
      );
      await waitFor(() => expect(updateJourney).toHaveBeenCalledTimes(2));
      expect(updateJourney.mock.calls[0][1].version).toBe(2);
      expect(updateJourney.mock.calls[1][1]).toEqual(
        expect.objectContaining({
          version: 3,
          stages: [
            expect.objectContaining({ id: 's1', name: 'Code review' }),
            expect.objectContaining({ id: 's2', name: 'Release' }),
          ],
        }),
      );
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
    });

    it("shows the server's reason when it refuses the journey", async () => {
      await editAsOwner({
        getJourney: async () => journey(0, null),
        updateJourney: async () => {
          throw await failure(
            400,
            'InputError',
            'Invalid journey: stages[0].name must be at most 200 characters',
          );
        },
      });
      await userEvent.click(
        screen.getByRole('button', { name: 'Save journey' }),
      );
      expect(
        await screen.findByText(
          'The journey was not saved: Invalid journey: stages[0].name must be at most 200 characters',
        ),
      ).toBeInTheDocument();
      expect(screen.getByRole('dialog')).toBeInTheDocument();
    });

    it('offers no editing to users who may not change the journey', async () => {
      const { unmount } = await renderWithEntity(<JourneyMap />, {
        getJourney: async () => journey(1, 2),
      });
      expect(
        await screen.findByTestId('touchpoint-Pull request checks'),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Edit journey' }),
      ).not.toBeInTheDocument();
      unmount();

      await renderWithEntity(<JourneyMap />, {
        getJourney: async () => noJourney,
      });
      expect(
        await screen.findByText('No journey mapped yet'),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Map the journey' }),
      ).not.toBeInTheDocument();
    });
  });

  describe('"me too"', () => {
    /** The example journey; "Pull request checks" with this friction. */
    function journeyWithChecks(friction: Partial<TouchpointFriction>) {
      const example = journey(3, 4.3);
      const checks = example.stages[0].touchpoints[0];
      checks.friction = { ...checks.friction, ...friction };
      return example;
    }

    it('says and withdraws it, updating the touchpoint from the answer without reloading the journey', async () => {
      const getJourney = jest.fn().mockResolvedValue(journeyWithChecks({}));
      const setMeToo = jest
        .fn()
        .mockResolvedValueOnce(
          journeyWithChecks({ youSaidMeToo: true }).stages[0].touchpoints[0]
            .friction,
        )
        .mockResolvedValueOnce(
          journeyWithChecks({ youSaidMeToo: false }).stages[0].touchpoints[0]
            .friction,
        );
      await renderWithEntity(<JourneyMap />, { getJourney, setMeToo });
      const checks = await screen.findByTestId(
        'touchpoint-Pull request checks',
      );
      const toggle = within(checks).getByRole('button', {
        name: 'Me too: Pull request checks',
      });
      expect(toggle).toHaveAttribute('aria-pressed', 'false');
      expect(within(checks).queryByText(/You said me too/)).toBeNull();

      await userEvent.click(toggle);
      await waitFor(() =>
        expect(toggle).toHaveAttribute('aria-pressed', 'true'),
      );
      expect(setMeToo).toHaveBeenLastCalledWith(entityRef, 't1', true);
      // Fewer than k said it: no count, but the user learns they did.
      expect(
        within(checks).getByText(
          'You said me too; press "Me too" again to take it back.',
        ),
      ).toBeInTheDocument();

      await userEvent.click(toggle);
      await waitFor(() =>
        expect(toggle).toHaveAttribute('aria-pressed', 'false'),
      );
      expect(setMeToo).toHaveBeenLastCalledWith(entityRef, 't1', false);
      expect(within(checks).queryByText(/You said me too/)).toBeNull();
      expect(setMeToo).toHaveBeenCalledTimes(2);
      expect(getJourney).toHaveBeenCalledTimes(1);
    });

    it('shows how many said it only once the count is there, and the rule once for the tab', async () => {
      const map = journeyWithChecks({ meToo: 7, youSaidMeToo: true });
      map.stages[1].touchpoints[0].friction = touchpointFriction({
        youSaidMeToo: false,
      });
      await renderWithEntity(<JourneyMap />, { getJourney: async () => map });
      const checks = await screen.findByTestId(
        'touchpoint-Pull request checks',
      );
      expect(
        within(checks).getByText(
          'High friction: 4.3 of 5 from 3 reports · 7 people said me too',
        ),
      ).toBeInTheDocument();
      expect(
        within(checks).getByRole('button', {
          name: 'Me too: Pull request checks',
        }),
      ).toHaveAttribute('aria-pressed', 'true');
      // The count says it; no separate "you said it" line.
      expect(within(checks).queryByText(/You said me too/)).toBeNull();
      const rollback = screen.getByTestId('touchpoint-Rollback');
      expect(within(rollback).queryByText(/said me too/)).toBeNull();
      expect(
        screen.getAllByText(
          /"Me too" counts each person once however often they say it, and a touchpoint shows how many said it once 3 people have/,
        ),
      ).toHaveLength(1);
    });

    it('says under the toggle why it failed', async () => {
      await renderWithEntity(<JourneyMap />, {
        getJourney: async () => journeyWithChecks({}),
        setMeToo: async () => {
          throw await failure(403, 'NotAllowedError', 'not for services');
        },
      });
      const checks = await screen.findByTestId(
        'touchpoint-Pull request checks',
      );
      await userEvent.click(
        within(checks).getByRole('button', {
          name: 'Me too: Pull request checks',
        }),
      );
      expect(await within(checks).findByRole('alert')).toHaveTextContent(
        'Saying "me too" failed: not for services',
      );
      expect(
        within(checks).getByRole('button', {
          name: 'Me too: Pull request checks',
        }),
      ).toHaveAttribute('aria-pressed', 'false');
    });

    it('ranks where it hurts most by mean severity × (reporters + me too), withheld severities last', async () => {
      const map: Journey = {
        ...journey(0, null),
        stages: [
          {
            id: 's1',
            name: 'Build',
            description: '',
            touchpoints: [
              // 4.5 × 3 = 13.5
              testTouchpoint('a', 'Wait for checks', {
                reports: 3,
                reporters: 3,
                averageSeverity: 4.5,
              }),
              // Withheld: after every weight, however many reports.
              testTouchpoint('b', 'Approve release', {
                reports: 9,
                reporters: 2,
              }),
              // 3 × (3 + 5) = 24
              testTouchpoint('c', 'Flaky deploys', {
                reports: 3,
                reporters: 3,
                averageSeverity: 3,
                meToo: 5,
              }),
              // 2 × 6 = 12
              testTouchpoint('d', 'Read logs', {
                reports: 8,
                reporters: 6,
                averageSeverity: 2,
              }),
              // Nobody reported: not ranked.
              testTouchpoint('e', 'Rollback'),
            ],
          },
        ],
      };
      await renderWithEntity(<JourneyMap />, { getJourney: async () => map });
      await screen.findByTestId('touchpoint-Wait for checks');
      expect(
        screen.getByText(
          'Ranked by weight: mean severity × (people who reported + people who said me too). Touchpoints whose severity is still withheld come last; those with fewer than 3 people behind them are marked low confidence.',
        ),
      ).toBeInTheDocument();
      expect(
        screen.getAllByText(/^\d\. /).map(item => item.textContent),
      ).toEqual([
        '1. Flaky deploys',
        '2. Wait for checks',
        '3. Read logs',
        '4. Approve release',
      ]);
      // 2 people: low confidence; 3 and more: none said.
      expect(
        screen.getByText('9 reports from 2 people so far · low confidence'),
      ).toBeInTheDocument();
      expect(screen.getAllByText(/low confidence$/)).toHaveLength(1);
    });
  });

  describe('reading the map', () => {
    it('explains the heat colours in a legend, in words', async () => {
      await renderWithEntity(<JourneyMap />, {
        getJourney: async () => journey(3, 4.3),
      });
      const legend = await screen.findByRole('list', {
        name: 'Friction heat legend',
      });
      expect(
        within(legend)
          .getAllByRole('listitem')
          .map(item => item.textContent),
      ).toEqual([
        'No heat yet: no reports, or too few people so far to show a severity',
        'Low friction: mean severity below 2.5 of 5',
        'Some friction: mean severity 2.5 to below 4',
        'High friction: mean severity 4 of 5 or more',
      ]);
      expect(
        screen.getByText(/^Friction heat: the mean severity people reported/),
      ).toBeInTheDocument();
    });

    it('shows friction 2.0 in amber with its words, not in green', async () => {
      await renderWithEntity(<JourneyMap />, {
        getJourney: async () => journey(3, 2),
      });
      const checks = await screen.findByTestId(
        'touchpoint-Pull request checks',
      );
      expect(checks).toHaveAttribute('data-heat', '1');
      expect(checks).toHaveStyle({ borderLeftColor: '#ffb300' });
      expect(
        within(checks).getByText('Low friction: 2.0 of 5 from 3 reports'),
      ).toBeInTheDocument();
      // Nothing reported: neutral grey.
      expect(screen.getByTestId('touchpoint-Rollback')).toHaveStyle({
        borderLeftColor: '#bdbdbd',
      });
    });

    it('says how long a touchpoint takes in the largest sensible unit', async () => {
      const map = journey(3, 4.3);
      map.stages[0].touchpoints[0].expectedMinutes = 120;
      map.stages[1].touchpoints[0].expectedMinutes = 2880;
      await renderWithEntity(<JourneyMap />, { getJourney: async () => map });
      expect(
        within(
          await screen.findByTestId('touchpoint-Pull request checks'),
        ).getByText('Takes about 2 h'),
      ).toBeInTheDocument();
      expect(
        within(screen.getByTestId('touchpoint-Rollback')).getByText(
          'Takes about 2 d',
        ),
      ).toBeInTheDocument();
    });

    it('numbers the stages, which wrap onto further rows instead of running off the edge', async () => {
      await renderWithEntity(<JourneyMap />, {
        getJourney: async () => journey(3, 4.3),
      });
      const stages = await screen.findByRole('list', {
        name: 'Journey stages',
      });
      expect(stages).toHaveStyle({ display: 'grid' });
      expect(stages).not.toHaveStyle({ overflowX: 'auto' });
      expect(
        within(stages)
          .getAllByRole('listitem')
          .map(
            stage => within(stage).getByText(/^Stage \d of \d$/).textContent,
          ),
      ).toEqual(['Stage 1 of 2', 'Stage 2 of 2']);
      expect(
        within(stages)
          .getAllByRole('heading', { level: 3 })
          .map(h => h.textContent),
      ).toEqual(['Review', 'Release']);
    });

    it('ranks severity 3 from 3 people above severity 4 from 1, which it marks low confidence', async () => {
      const map: Journey = {
        ...journey(0, null),
        stages: [
          {
            id: 's1',
            name: 'Build',
            description: '',
            touchpoints: [
              // 4 × 1 = 4
              testTouchpoint('a', 'Approve release', {
                reports: 1,
                reporters: 1,
                averageSeverity: 4,
                minReporters: 1,
                textsHidden: false,
              }),
              // 3 × 3 = 9
              testTouchpoint('b', 'Wait for checks', {
                reports: 3,
                reporters: 3,
                averageSeverity: 3,
                minReporters: 1,
                textsHidden: false,
              }),
            ],
          },
        ],
      };
      await renderWithEntity(<JourneyMap />, { getJourney: async () => map });
      await screen.findByTestId('touchpoint-Wait for checks');
      expect(
        screen.getAllByText(/^\d\. /).map(item => item.textContent),
      ).toEqual(['1. Wait for checks', '2. Approve release']);
      expect(
        screen.getByText(
          'High friction: 4.0 of 5 from 1 report · Based on 1 report, low confidence',
        ),
      ).toBeInTheDocument();
      // On the touchpoint and in the ranking, without a note: 3 people.
      expect(
        screen.getAllByText('Some friction: 3.0 of 5 from 3 reports'),
      ).toHaveLength(2);
    });
  });

  describe('the roadmap on the touchpoints', () => {
    const DAY = 24 * 60 * 60 * 1000;
    const thisYear = new Date().getUTCFullYear();
    const daysAgo = (days: number) =>
      new Date(Date.now() - days * DAY).toISOString();
    const items = [
      roadmapItem({
        id: 'r1',
        title: 'Cache dependencies',
        status: 'in-progress',
        targetDate: `${thisYear}-12-18`,
        touchpointIds: ['t1'],
      }),
      roadmapItem({
        id: 'r2',
        title: 'Shard the test suite',
        status: 'planned',
        touchpointIds: ['t1'],
      }),
      roadmapItem({
        id: 'r3',
        title: 'Retry flaky tests',
        status: 'shipped',
        shippedAt: daysAgo(3),
        touchpointIds: ['t1'],
      }),
      roadmapItem({
        id: 'r4',
        title: 'Faster runners',
        status: 'shipped',
        shippedAt: daysAgo(45),
        touchpointIds: ['t1'],
      }),
      roadmapItem({
        id: 'r5',
        title: 'Rewrite the pipeline',
        status: 'dropped',
        touchpointIds: ['t1'],
      }),
      roadmapItem({
        id: 'r6',
        title: 'Document the checks',
        status: 'idea',
        touchpointIds: [],
      }),
    ];

    function listOn(touchpointName: string) {
      return within(screen.getByTestId(`touchpoint-${touchpointName}`))
        .queryAllByRole('listitem')
        .map(item => item.textContent);
    }

    it('lists the open and lately shipped items addressing a touchpoint, with state and target, linked to the roadmap', async () => {
      await renderWithEntity(<JourneyMap />, {
        getJourney: async () => journey(3, 4.3),
        getRoadmap: async () => items,
      });
      const checks = await screen.findByTestId(
        'touchpoint-Pull request checks',
      );
      const list = await within(checks).findByRole('list', {
        name: 'On the roadmap for Pull request checks',
      });
      expect(
        within(list)
          .getAllByRole('listitem')
          .map(item => item.textContent),
      ).toEqual([
        'In progress: Cache dependencies · target 18 Dec',
        'Planned: Shard the test suite',
        expect.stringMatching(/^Shipped: Retry flaky tests · \d+ \w+/),
      ]);
      expect(
        within(list).getByRole('link', {
          name: 'In progress: Cache dependencies · target 18 Dec',
        }),
      ).toHaveAttribute('href', '/system-product/roadmap#roadmap-item-r1');
      expect(listOn('Rollback')).toEqual([]);
    });

    it('says after a report what the team is already doing about the touchpoint, or that nothing is planned', async () => {
      const reportFriction = jest.fn().mockResolvedValue(undefined);
      await renderWithEntity(<JourneyMap />, {
        getJourney: async () => journey(3, 4.3),
        getRoadmap: async () => items,
        reportFriction,
      });
      await within(
        await screen.findByTestId('touchpoint-Pull request checks'),
      ).findByRole('list');
      const send = async (touchpointName: string) => {
        await userEvent.click(
          screen.getByRole('button', {
            name: `Report friction on ${touchpointName}`,
          }),
        );
        await userEvent.click(screen.getByLabelText('3: Costs me real time'));
        await userEvent.click(
          screen.getByRole('button', { name: 'Send report' }),
        );
        return screen.findByRole('dialog', {
          name: `Report sent: ${touchpointName}`,
        });
      };

      const sent = await send('Pull request checks');
      expect(sent).toHaveTextContent(
        'Thanks: your friction report was recorded anonymously.',
      );
      const doing = within(sent).getByRole('list', {
        name: 'What the team is already doing about Pull request checks',
      });
      expect(
        within(doing).getByRole('link', {
          name: 'In progress: Cache dependencies · target 18 Dec',
        }),
      ).toHaveAttribute('href', '/system-product/roadmap#roadmap-item-r1');
      await userEvent.click(
        within(sent).getByRole('button', { name: 'Close' }),
      );
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );

      expect(await send('Rollback')).toHaveTextContent(
        'Nothing is planned for Rollback yet',
      );
      expect(reportFriction).toHaveBeenCalledTimes(2);
    });

    it('keeps the journey when the roadmap cannot be loaded, and says so', async () => {
      const getRoadmap = jest
        .fn()
        .mockRejectedValueOnce(new Error('Backend unreachable'))
        .mockResolvedValue(items);
      await renderWithEntity(<JourneyMap />, {
        getJourney: async () => journey(3, 4.3),
        getRoadmap,
        reportFriction: async () => undefined,
      });
      expect(
        await screen.findByText(
          'The roadmap could not be loaded, so the touchpoints do not show what is being done about them.',
        ),
      ).toBeInTheDocument();
      const checks = screen.getByTestId('touchpoint-Pull request checks');
      expect(
        within(checks).getByText('Takes about 25 min'),
      ).toBeInTheDocument();
      expect(within(checks).queryByRole('list')).not.toBeInTheDocument();

      await userEvent.click(
        screen.getByRole('button', {
          name: 'Report friction on Pull request checks',
        }),
      );
      await userEvent.click(screen.getByLabelText('1: A nuisance'));
      await userEvent.click(
        screen.getByRole('button', { name: 'Send report' }),
      );
      expect(
        await screen.findByRole('dialog', {
          name: 'Report sent: Pull request checks',
        }),
      ).toHaveTextContent(
        'The roadmap could not be loaded, so what the team is already doing about Pull request checks cannot be shown here.',
      );
      await userEvent.click(screen.getByRole('button', { name: 'Close' }));

      await userEvent.click(
        screen.getByRole('button', { name: 'Load the roadmap again' }),
      );
      expect(
        await within(checks).findByRole('list', {
          name: 'On the roadmap for Pull request checks',
        }),
      ).toBeInTheDocument();
      expect(screen.queryByText(/could not be loaded/)).toBeNull();
    });
  });
});

import { TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  Canvas,
  EntitySlos,
  EvaluatedSlo,
  Journey,
  RoadmapItem,
  emptyCanvasContent,
} from '@system-product/backstage-plugin-common';
import { ResponseError } from '@backstage/errors';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  touchpoint,
  touchpointFriction,
} from '../../__testUtils__/journeyFixtures';
import { roadmapItem as item } from '../../__testUtils__/roadmapItem';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { formatDay } from '../../format';
import { RoadmapBoard } from './RoadmapBoard';

const journey: Journey = {
  entityRef: 'system:default/ci-cd-pipeline',
  version: 1,
  stages: [
    {
      id: 'build',
      name: 'Build',
      description: '',
      touchpoints: [
        touchpoint('tp-run', 'Run pipeline'),
        touchpoint('tp-logs', 'Read logs'),
      ],
    },
    {
      id: 'deploy',
      name: 'Deploy',
      description: '',
      touchpoints: [touchpoint('tp-approve', 'Approve release')],
    },
  ],
};

function slo(
  name: string,
  displayName: string,
  sli: number | null,
): EvaluatedSlo {
  return {
    name,
    displayName,
    origin: 'portal',
    description: '',
    service: '',
    budgetingMethod: 'Occurrences',
    window: { duration: { amount: 28, unit: 'd' }, isRolling: true },
    objectives: [{ target: 0.95 }],
    indicator: {
      name,
      ratio: {
        good: { type: 'system-product', spec: { event: 'build' } },
        total: { type: 'system-product', spec: { event: 'build' } },
      },
    },
    evaluation: {
      window: { from: '2026-10-28T00:00:00Z', to: '2026-11-25T00:00:00Z' },
      sli,
      remaining: sli === null ? null : 0.5,
      total: sli === null ? 0 : 40,
      status: sli === null ? 'no-data' : 'met',
      burnRates: [],
      ...(sli === null ? { reason: 'no events in the window' } : {}),
    },
  };
}

function slos(items: EvaluatedSlo[]): EntitySlos {
  return {
    source: null,
    items,
    problems: [],
  };
}

/** Opens the journey steps select of the dialog and returns its options. */
async function openJourneySteps() {
  await userEvent.click(
    screen.getByRole('button', { name: /Journey steps it addresses/ }),
  );
  return within(await screen.findByRole('listbox'));
}

describe('RoadmapBoard', () => {
  it('groups items by status, tells quick wins apart and shows before/after of shipped ones', async () => {
    await renderWithEntity(<RoadmapBoard />, {
      getRoadmap: async () => [
        item({
          title: 'Autoscale runners',
          kind: 'strategic',
          status: 'planned',
          metric: 'lead-time',
        }),
        item({
          title: 'Quarantine flaky tests',
          status: 'shipped',
          metric: 'deployment-success-ratio',
          metricBefore: 0.9,
          metricAfter: 0.99,
          shippedAt: '2026-11-20T10:00:00.000Z',
          milestones: [
            { title: 'List them', done: true },
            { title: 'Fix them', done: false },
          ],
        }),
      ],
    });
    expect(await screen.findByText('Planned (1)')).toBeInTheDocument();
    expect(screen.getByText('Shipped (1)')).toBeInTheDocument();
    expect(screen.getByText('Ideas (0)')).toBeInTheDocument();
    expect(screen.getByText('Strategic')).toBeInTheDocument();
    expect(screen.getByText('Quick win')).toBeInTheDocument();
    expect(screen.getByText('Should move lead-time')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Did it work? deployment-success-ratio: 0.9 → 0.99 (+10%)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('1 of 2 milestones done')).toBeInTheDocument();
    expect(
      screen.getByText('2026-11-20 · Quarantine flaky tests'),
    ).toBeInTheDocument();
  });

  it('says since when an item is in progress, where the backend knows it', async () => {
    await renderWithEntity(<RoadmapBoard />, {
      getRoadmap: async () => [
        item({
          title: 'Cache dependencies',
          status: 'in-progress',
          startedAt: '2026-11-02T10:00:00.000Z',
        }),
        item({ id: 'i2', title: 'Older item', status: 'in-progress' }),
      ],
    });
    const started = await screen.findByText(/in progress since/);
    expect(started).toHaveTextContent(
      `in progress since ${formatDay('2026-11-02T10:00:00.000Z')}`,
    );
    expect(screen.getAllByText(/in progress since/)).toHaveLength(1);
  });

  it('shows before and after with their unit on the card and in the changelog, plain numbers without one', async () => {
    await renderWithEntity(<RoadmapBoard />, {
      getRoadmap: async () => [
        item({
          title: 'Quarantine flaky tests',
          status: 'shipped',
          metric: 'lead-time-for-changes',
          metricBefore: 31,
          metricAfter: 19,
          metricUnit: 'h',
          shippedAt: '2026-11-20T10:00:00.000Z',
        }),
        item({
          title: 'Docs build check',
          status: 'shipped',
          metric: 'docs-build-success',
          metricBefore: 91,
          metricAfter: 97,
          metricUnit: '%',
          shippedAt: '2026-11-19T10:00:00.000Z',
        }),
        item({
          title: 'Routing rules',
          status: 'shipped',
          metric: 'tickets-routed',
          metricBefore: 79,
          metricAfter: 87,
          shippedAt: '2026-11-18T10:00:00.000Z',
        }),
      ],
    });
    const cards = await screen.findAllByTestId('roadmap-item');
    const card = (title: string) =>
      cards.find(c => within(c).queryByText(title))!;
    expect(card('Quarantine flaky tests')).toHaveTextContent(
      'Did it work? lead-time-for-changes: 31 h → 19 h (-39%)',
    );
    expect(card('Docs build check')).toHaveTextContent(
      'Did it work? docs-build-success: 91% → 97% (+6 points)',
    );
    expect(card('Routing rules')).toHaveTextContent(
      'Did it work? tickets-routed: 79 → 87 (+10%)',
    );
    const changelog = within(
      screen
        .getByText('Shipped improvements, newest first')
        .closest('.MuiCard-root') as HTMLElement,
    );
    expect(
      changelog.getByText('lead-time-for-changes: 31 h → 19 h (-39%)'),
    ).toBeInTheDocument();
    expect(
      changelog.getByText('docs-build-success: 91% → 97% (+6 points)'),
    ).toBeInTheDocument();
    expect(
      changelog.getByText('tickets-routed: 79 → 87 (+10%)'),
    ).toBeInTheDocument();
  });

  it("links an item's owner to the catalog", async () => {
    await renderWithEntity(<RoadmapBoard />, {
      getRoadmap: async () => [
        item({ title: 'Autoscale runners', owner: 'user:default/ada' }),
        item({ title: 'Cache builds', owner: 'platform-team' }),
        item({ title: 'Docs search' }),
      ],
    });
    const cards = await screen.findAllByTestId('roadmap-item');
    // Named as Backstage names owners: a group by its name, others with their kind.
    expect(cards[0]).toHaveTextContent('Owner user:ada');
    expect(
      within(cards[0]).getByRole('link', { name: 'user:ada' }),
    ).toHaveAttribute('href', '/catalog/default/user/ada');
    expect(
      within(cards[1]).getByRole('link', { name: 'platform-team' }),
    ).toHaveAttribute('href', '/catalog/default/group/platform-team');
    expect(cards[2]).toHaveTextContent('No owner yet');
  });

  it('explains how to start when there are no items', async () => {
    await renderWithEntity(<RoadmapBoard />, { getRoadmap: async () => [] });
    expect(
      await screen.findByText('No improvements planned yet'),
    ).toBeInTheDocument();
  });

  it('offers no editing to non-owners', async () => {
    await renderWithEntity(<RoadmapBoard />, {
      getRoadmap: async () => [item({ title: 'Autoscale runners' })],
    });
    expect(await screen.findByText('Autoscale runners')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add improvement' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit Autoscale runners' }),
    ).not.toBeInTheDocument();
  });

  it('lets an owner add an improvement tied to a metric', async () => {
    const createRoadmapItem = jest.fn().mockResolvedValue(item({}));
    await renderWithEntity(
      <RoadmapBoard />,
      { getRoadmap: async () => [], createRoadmapItem },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add improvement' }),
    );
    fireEvent.change(screen.getByLabelText(/Title/), {
      target: { value: 'Cache dependencies' },
    });
    fireEvent.change(screen.getByLabelText('SLO or metric it should move'), {
      target: { value: 'lead-time-for-changes' },
    });
    fireEvent.change(screen.getByLabelText('Value before'), {
      target: { value: '31' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(createRoadmapItem).toHaveBeenCalledWith(
        { kind: 'System', namespace: 'default', name: 'ci-cd-pipeline' },
        expect.objectContaining({
          title: 'Cache dependencies',
          kind: 'quick-win',
          status: 'idea',
          metric: 'lead-time-for-changes',
          metricBefore: 31,
          metricAfter: null,
          metricUnit: null,
        }),
      ),
    );
  });

  it('saves the unit of the values, shows it beside them, and clears it', async () => {
    const original = item({
      title: 'Quarantine flaky tests',
      version: 2,
      metric: 'p95 lead time',
      metricBefore: 31,
      metricUnit: 'h',
    });
    const updateRoadmapItem = jest.fn().mockResolvedValue(original);
    await renderWithEntity(
      <RoadmapBoard />,
      { getRoadmap: async () => [original], updateRoadmapItem },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Edit Quarantine flaky tests',
      }),
    );
    const unit = screen.getByLabelText('Unit');
    expect(unit).toHaveValue('h');
    expect(unit).toHaveAttribute('maxLength', '16');
    expect(
      screen.getByText('e.g. h, min, %, builds/week; empty for a plain number'),
    ).toBeInTheDocument();
    // The unit beside each value.
    const before = screen.getByLabelText('Value before');
    expect(before.closest('.MuiInputBase-root')).toHaveTextContent('h');
    fireEvent.change(unit, { target: { value: ' min ' } });
    expect(
      screen
        .getByLabelText('Value after (when shipped)')
        .closest('.MuiInputBase-root'),
    ).toHaveTextContent('min');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateRoadmapItem).toHaveBeenCalledTimes(1));
    expect(updateRoadmapItem.mock.calls[0][1]).toMatchObject({
      version: 2,
      metricBefore: 31,
      metricUnit: 'min',
    });

    // Cleared in the next edit: the item goes back to plain numbers.
    await waitFor(() =>
      expect(screen.queryByLabelText('Unit')).not.toBeInTheDocument(),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Edit Quarantine flaky tests' }),
    );
    fireEvent.change(screen.getByLabelText('Unit'), { target: { value: '' } });
    expect(
      screen.getByLabelText('Value before').closest('.MuiInputBase-root'),
    ).not.toHaveTextContent('min');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateRoadmapItem).toHaveBeenCalledTimes(2));
    expect(updateRoadmapItem.mock.calls[1][1]).toMatchObject({
      metricBefore: 31,
      metricUnit: null,
    });
  });

  it('says where the unit goes when a value is no number', async () => {
    await renderWithEntity(
      <RoadmapBoard />,
      { getRoadmap: async () => [] },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add improvement' }),
    );
    fireEvent.change(screen.getByLabelText(/Title/), {
      target: { value: 'Cache dependencies' },
    });
    fireEvent.change(screen.getByLabelText('Value before'), {
      target: { value: '31 h' },
    });
    expect(
      screen.getByText(
        'Before and after values must be numbers; their unit goes in Unit.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('keeps the edits on a stale save and saves them over the newer version', async () => {
    const stale = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({ error: { name: 'ConflictError', message: 'stale' } }),
        {
          status: 409,
          headers: { 'Content-Type': 'application/json' },
        },
      ) as any,
    );
    const original = item({ title: 'Autoscale runners', version: 2 });
    const newer = { ...original, version: 3, updatedBy: 'user:default/grace' };
    const getRoadmap = jest
      .fn()
      .mockResolvedValueOnce([original])
      .mockResolvedValue([newer]);
    const updateRoadmapItem = jest
      .fn()
      .mockRejectedValueOnce(stale)
      .mockResolvedValue(newer);
    await renderWithEntity(
      <RoadmapBoard />,
      { getRoadmap, updateRoadmapItem },
      { owner: true },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit Autoscale runners' }),
    );
    fireEvent.change(screen.getByLabelText(/Title/), {
      target: { value: 'Autoscale runners by queue' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'grace changed this item meanwhile (now version 3)',
    );
    expect(within(alert).getByRole('link', { name: 'grace' })).toHaveAttribute(
      'href',
      '/catalog/default/user/grace',
    );
    expect(screen.getByLabelText(/Title/)).toHaveValue(
      'Autoscale runners by queue',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateRoadmapItem).toHaveBeenCalledTimes(2));
    expect(updateRoadmapItem.mock.calls[0][1].version).toBe(2);
    expect(updateRoadmapItem.mock.calls[1][1]).toMatchObject({
      version: 3,
      title: 'Autoscale runners by queue',
    });
  });

  it('names the journey steps an item addresses and lists its milestones', async () => {
    await renderWithEntity(<RoadmapBoard />, {
      getJourney: async () => journey,
      getRoadmap: async () => [
        item({
          title: 'Cache dependencies',
          touchpointIds: ['tp-run', 'tp-approve'],
          milestones: [
            { title: 'Measure cold builds', done: true },
            { title: 'Cache npm', done: false },
          ],
        }),
      ],
    });
    expect(
      await screen.findByText(
        'Journey steps: Build › Run pipeline, Deploy › Approve release',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('1 of 2 milestones done')).toBeInTheDocument();
    const milestones = within(
      screen.getByRole('list', { name: 'Milestones of Cache dependencies' }),
    ).getAllByRole('listitem');
    expect(milestones).toHaveLength(2);
    expect(
      within(milestones[0]).getByText('Measure cold builds'),
    ).toBeInTheDocument();
    expect(within(milestones[0]).getByTitle('Done')).toBeInTheDocument();
    expect(within(milestones[1]).getByText('Cache npm')).toBeInTheDocument();
    expect(within(milestones[1]).getByTitle('Not done')).toBeInTheDocument();
  });

  it('lets an owner set the owner, milestones and journey steps of an item', async () => {
    const original = item({ title: 'Autoscale runners', version: 4 });
    const updateRoadmapItem = jest.fn().mockResolvedValue(original);
    await renderWithEntity(
      <RoadmapBoard />,
      {
        getJourney: async () => journey,
        getRoadmap: async () => [original],
        updateRoadmapItem,
      },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit Autoscale runners' }),
    );
    fireEvent.change(screen.getByLabelText('Owner'), {
      target: { value: ' group:default/platform-team ' },
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Add milestone' }),
    );
    expect(screen.getByLabelText('Milestone 1')).toHaveFocus();
    fireEvent.change(screen.getByLabelText('Milestone 1'), {
      target: { value: 'Scale on queue depth' },
    });
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Milestone 1 done' }),
    );
    const options = await openJourneySteps();
    expect(options.getAllByRole('option').map(o => o.textContent)).toEqual([
      'Build › Run pipeline',
      'Build › Read logs',
      'Deploy › Approve release',
    ]);
    await userEvent.click(
      options.getByRole('option', { name: 'Deploy › Approve release' }),
    );
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('listbox')).not.toBeInTheDocument(),
    );
    expect(
      screen.getByRole('button', { name: /Journey steps it addresses/ }),
    ).toHaveTextContent('Deploy › Approve release');

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateRoadmapItem).toHaveBeenCalledTimes(1));
    expect(updateRoadmapItem).toHaveBeenCalledWith('Autoscale runners', {
      version: 4,
      title: 'Autoscale runners',
      description: '',
      kind: 'quick-win',
      status: 'idea',
      owner: 'group:default/platform-team',
      targetDate: null,
      milestones: [{ title: 'Scale on queue depth', done: true }],
      painPoints: [],
      touchpointIds: ['tp-approve'],
      metric: null,
      metricBefore: null,
      metricAfter: null,
      metricUnit: null,
    });
  });

  it('leaves out milestones without a title, says so, and removes milestones', async () => {
    const original = item({
      title: 'Autoscale runners',
      owner: 'user:default/ada',
      milestones: [
        { title: 'Pick a scaler', done: true },
        { title: 'Try it on one queue', done: false },
      ],
    });
    const updateRoadmapItem = jest.fn().mockResolvedValue(original);
    await renderWithEntity(
      <RoadmapBoard />,
      {
        getJourney: async () => journey,
        getRoadmap: async () => [original],
        updateRoadmapItem,
      },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit Autoscale runners' }),
    );
    expect(screen.getByLabelText('Milestone 1')).toHaveValue('Pick a scaler');
    expect(
      screen.getByRole('checkbox', { name: 'Milestone 1 done' }),
    ).toBeChecked();
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove milestone 1' }),
    );
    expect(screen.getByLabelText('Milestone 1')).toHaveValue(
      'Try it on one queue',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Add milestone' }),
    );
    expect(
      screen.getByText(
        'A milestone without a title is left out when you save.',
      ),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Owner'), {
      target: { value: '' },
    });

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateRoadmapItem).toHaveBeenCalledTimes(1));
    expect(updateRoadmapItem.mock.calls[0][1]).toMatchObject({
      owner: null,
      milestones: [{ title: 'Try it on one queue', done: false }],
    });
  });

  it('allows at most 20 milestones', async () => {
    await renderWithEntity(
      <RoadmapBoard />,
      { getJourney: async () => journey, getRoadmap: async () => [] },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add improvement' }),
    );
    const add = screen.getByRole('button', { name: 'Add milestone' });
    for (let i = 0; i < 20; i++) {
      fireEvent.click(add);
    }
    expect(screen.getByLabelText('Milestone 20')).toBeInTheDocument();
    expect(add).toBeDisabled();
    expect(
      screen.getByText('An item has at most 20 milestones.'),
    ).toBeInTheDocument();
  });

  it('points to the Journey tab when the journey has no steps', async () => {
    await renderWithEntity(
      <RoadmapBoard />,
      {
        getJourney: async () => ({
          entityRef: 'system:default/ci-cd-pipeline',
          version: 0,
          stages: [],
        }),
        getRoadmap: async () => [],
      },
      { owner: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add improvement' }),
    );
    expect(
      screen.getByText(
        /The journey has no steps yet\. Map its stages and touchpoints in the Journey tab/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Journey steps it addresses/ }),
    ).not.toBeInTheDocument();
  });

  it('shows linked steps removed from the journey and lets the owner unlink them', async () => {
    const original = item({
      title: 'Autoscale runners',
      touchpointIds: ['tp-run', 'tp-gone'],
    });
    const updateRoadmapItem = jest.fn().mockResolvedValue(original);
    await renderWithEntity(
      <RoadmapBoard />,
      {
        getJourney: async () => journey,
        getRoadmap: async () => [original],
        updateRoadmapItem,
      },
      { owner: true },
    );
    expect(
      await screen.findByText(
        'Journey steps: Build › Run pipeline, a removed step',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Edit Autoscale runners' }),
    );
    expect(
      screen.getByText(/1 linked step\(s\) were removed from the journey/),
    ).toBeInTheDocument();
    const options = await openJourneySteps();
    const removed = options.getByRole('option', {
      name: 'Removed step (no longer in the journey)',
    });
    expect(removed).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(removed);
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('listbox')).not.toBeInTheDocument(),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateRoadmapItem).toHaveBeenCalledTimes(1));
    expect(updateRoadmapItem.mock.calls[0][1].touchpointIds).toEqual([
      'tp-run',
    ]);
  });

  it('still shows the roadmap when the journey fails to load, and keeps the linked steps', async () => {
    const original = item({
      title: 'Autoscale runners',
      touchpointIds: ['tp-run'],
    });
    const updateRoadmapItem = jest.fn().mockResolvedValue(original);
    await renderWithEntity(
      <RoadmapBoard />,
      {
        getJourney: async () => {
          throw new Error('Journey unavailable');
        },
        getRoadmap: async () => [original],
        updateRoadmapItem,
      },
      { owner: true },
    );
    expect(
      await screen.findByText(
        'Journey steps: 1 linked (their names could not be loaded)',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Edit Autoscale runners' }),
    );
    expect(
      screen.getByText(/The journey's steps could not be loaded/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateRoadmapItem).toHaveBeenCalledTimes(1));
    expect(updateRoadmapItem.mock.calls[0][1].touchpointIds).toEqual([
      'tp-run',
    ]);
  });

  describe('the metric an item should move', () => {
    const buildSuccess = slo('build-success', 'Build success', 0.975);
    const deployTime = slo('deploy-time', 'Deploy time', null);

    /** Opens a new item titled "Cache builds"; resolves to its create call. */
    async function addItem(getSlos: () => Promise<EntitySlos>) {
      const createRoadmapItem = jest.fn().mockResolvedValue(item({}));
      await renderWithEntity(
        <RoadmapBoard />,
        { getRoadmap: async () => [], getSlos, createRoadmapItem },
        { owner: true },
      );
      await userEvent.click(
        await screen.findByRole('button', { name: 'Add improvement' }),
      );
      fireEvent.change(screen.getByLabelText(/Title/), {
        target: { value: 'Cache builds' },
      });
      return createRoadmapItem;
    }

    /** Saves the dialog and expects the item created with `fields`. */
    async function expectCreated(
      createRoadmapItem: jest.Mock,
      fields: Partial<RoadmapItem>,
    ) {
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() =>
        expect(createRoadmapItem).toHaveBeenCalledWith(
          expect.anything(),
          expect.objectContaining(fields),
        ),
      );
    }

    it('loads the SLOs only when the dialog opens, suggests them by name and links to the SLOs tab', async () => {
      const getSlos = jest.fn(async () => slos([buildSuccess, deployTime]));
      await renderWithEntity(
        <RoadmapBoard />,
        {
          getRoadmap: async () => [
            item({ title: 'Cache builds', metric: 'build-success' }),
          ],
          getSlos,
        },
        { owner: true },
      );
      expect(
        await screen.findByText('Should move build-success'),
      ).toBeInTheDocument();
      expect(getSlos).not.toHaveBeenCalled();

      await userEvent.click(
        screen.getByRole('button', { name: 'Add improvement' }),
      );
      expect(getSlos).toHaveBeenCalledTimes(1);
      expect(
        await screen.findByText(
          "Pick one of this entity's SLOs, or type any metric.",
        ),
      ).toBeInTheDocument();
      const metric = screen.getByLabelText('SLO or metric it should move');
      await userEvent.type(metric, 'build');
      const options = within(await screen.findByRole('listbox'));
      expect(options.getAllByRole('option')).toHaveLength(1);
      expect(options.getByRole('option')).toHaveTextContent(
        'Build successbuild-success',
      );
      await userEvent.clear(metric);
      await userEvent.type(metric, 'Deploy');
      await userEvent.click(
        await screen.findByRole('option', { name: /Deploy time/ }),
      );
      expect(metric).toHaveValue('deploy-time');
      expect(
        screen.getByText(/One of this entity's SLOs: Deploy time/),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('link', { name: 'See the SLOs' }),
      ).toHaveAttribute('href', expect.stringMatching(/system-product\/slos$/));
    });

    it('links to the SLOs tab only when the app has it', async () => {
      await renderWithEntity(
        <RoadmapBoard />,
        {
          getRoadmap: async () => [],
          getSlos: async () => slos([buildSuccess]),
        },
        { owner: true, tabs: ['canvas', 'journey', 'roadmap'] },
      );
      await userEvent.click(
        await screen.findByRole('button', { name: 'Add improvement' }),
      );
      await screen.findByText(
        "Pick one of this entity's SLOs, or type any metric.",
      );
      fireEvent.change(screen.getByLabelText('SLO or metric it should move'), {
        target: { value: 'build-success' },
      });
      expect(
        screen.getByText(/One of this entity's SLOs: Build success/),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('link', { name: 'See the SLOs' }),
      ).not.toBeInTheDocument();
    });

    it('fills the before value with the current SLI of the SLO, in percent', async () => {
      const createRoadmapItem = await addItem(async () =>
        slos([buildSuccess, deployTime]),
      );
      await screen.findByText(
        "Pick one of this entity's SLOs, or type any metric.",
      );
      expect(
        screen.queryByRole('button', { name: /Use current value/ }),
      ).not.toBeInTheDocument();
      fireEvent.change(screen.getByLabelText('SLO or metric it should move'), {
        target: { value: 'build-success' },
      });
      expect(screen.getByText('Current SLI 97.5% (values in %)')).toBeVisible();
      // The after value only once the item is shipped.
      expect(
        screen.queryByRole('button', {
          name: 'Use current value for Value after',
        }),
      ).not.toBeInTheDocument();
      await userEvent.click(
        screen.getByRole('button', {
          name: 'Use current value for Value before',
        }),
      );
      expect(screen.getByLabelText('Value before')).toHaveValue('97.5');

      await userEvent.click(screen.getByRole('button', { name: /Status/ }));
      await userEvent.click(
        await screen.findByRole('option', { name: 'Shipped' }),
      );
      await userEvent.click(
        await screen.findByRole('button', {
          name: 'Use current value for Value after',
        }),
      );
      expect(screen.getByLabelText('Value after (when shipped)')).toHaveValue(
        '97.5',
      );

      expect(screen.getByLabelText('Unit')).toHaveValue('%');
      await expectCreated(createRoadmapItem, {
        metric: 'build-success',
        status: 'shipped',
        metricBefore: 97.5,
        metricAfter: 97.5,
        metricUnit: '%',
      });
    });

    it('sets the unit to % when an SLO is picked or typed, and keeps it when another metric is typed', async () => {
      const createRoadmapItem = await addItem(async () =>
        slos([buildSuccess, deployTime]),
      );
      await screen.findByText(
        "Pick one of this entity's SLOs, or type any metric.",
      );
      const unit = screen.getByLabelText('Unit');
      fireEvent.change(unit, { target: { value: 'h' } });
      const metric = screen.getByLabelText('SLO or metric it should move');
      await userEvent.type(metric, 'Deploy');
      await userEvent.click(
        await screen.findByRole('option', { name: /Deploy time/ }),
      );
      expect(unit).toHaveValue('%');
      expect(screen.getByText("An SLO's values are in %")).toBeInTheDocument();
      // The owner may still say otherwise.
      fireEvent.change(unit, { target: { value: 'min' } });
      fireEvent.change(metric, { target: { value: 'Build success' } });
      expect(unit).toHaveValue('%');
      fireEvent.change(metric, { target: { value: 'Build minutes' } });
      expect(unit).toHaveValue('%');
      expect(
        screen.getByText(
          'e.g. h, min, %, builds/week; empty for a plain number',
        ),
      ).toBeInTheDocument();
      fireEvent.change(unit, { target: { value: 'min' } });
      await expectCreated(createRoadmapItem, {
        metric: 'Build minutes',
        metricUnit: 'min',
      });
    });

    it("keeps an item's own unit while its SLO metric is left as it is", async () => {
      const original = item({
        title: 'Quarantine flaky tests',
        metric: 'build-success',
        metricBefore: 31,
        metricUnit: 'h',
      });
      const updateRoadmapItem = jest.fn().mockResolvedValue(original);
      await renderWithEntity(
        <RoadmapBoard />,
        {
          getRoadmap: async () => [original],
          getSlos: async () => slos([buildSuccess]),
          updateRoadmapItem,
        },
        { owner: true },
      );
      await userEvent.click(
        await screen.findByRole('button', {
          name: 'Edit Quarantine flaky tests',
        }),
      );
      expect(
        await screen.findByText(/One of this entity's SLOs: Build success/),
      ).toBeInTheDocument();
      expect(screen.getByLabelText('Unit')).toHaveValue('h');
      expect(screen.getByText("An SLO's values are in %")).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(updateRoadmapItem).toHaveBeenCalledTimes(1));
      expect(updateRoadmapItem.mock.calls[0][1].metricUnit).toBe('h');
    });

    it('offers no current value of an SLO without data, and says why', async () => {
      await renderWithEntity(
        <RoadmapBoard />,
        {
          getRoadmap: async () => [
            item({ title: 'Faster deploys', metric: 'Deploy time' }),
          ],
          getSlos: async () => slos([buildSuccess, deployTime]),
        },
        { owner: true },
      );
      await userEvent.click(
        await screen.findByRole('button', { name: 'Edit Faster deploys' }),
      );
      expect(
        await screen.findByRole('button', {
          name: 'Use current value for Value before',
        }),
      ).toBeDisabled();
      expect(
        screen.getByText(
          'Deploy time has no data yet (no events in the window): type a value, or use the current one once it has data.',
        ),
      ).toBeInTheDocument();
      expect(screen.getByLabelText('SLO or metric it should move')).toHaveValue(
        'Deploy time',
      );
    });

    it('keeps the metric free text when the SLOs fail to load', async () => {
      const createRoadmapItem = await addItem(async () => {
        throw new Error('SLOs unavailable');
      });
      expect(
        await screen.findByText(
          "This entity's SLOs could not be loaded (SLOs unavailable), so none are suggested: type the SLO or metric by name.",
        ),
      ).toBeInTheDocument();
      await userEvent.type(
        screen.getByLabelText('SLO or metric it should move'),
        'build-success',
      );
      expect(
        screen.queryByRole('button', { name: /Use current value/ }),
      ).not.toBeInTheDocument();
      fireEvent.change(screen.getByLabelText('Value before'), {
        target: { value: '90' },
      });
      await expectCreated(createRoadmapItem, {
        metric: 'build-success',
        metricBefore: 90,
        metricUnit: null,
      });
    });
  });

  describe('changes on the board', () => {
    /** What the browser hands from a dragged card to the column it is dropped on. */
    function dataTransfer() {
      const data: Record<string, string> = {};
      return {
        setData: (type: string, value: string) => {
          data[type] = value;
        },
        getData: (type: string) => data[type] ?? '',
        get types() {
          return Object.keys(data);
        },
        effectAllowed: 'all',
        dropEffect: 'none',
      };
    }

    const column = (name: string) =>
      screen.getByRole('region', { name: new RegExp(`^${name} \\(`) });

    const stale = () =>
      ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: 'ConflictError', message: 'stale' },
          }),
          { status: 409, headers: { 'Content-Type': 'application/json' } },
        ) as any,
      );

    it('moves an item dragged to another column, over the version it shows', async () => {
      const original = item({ title: 'Autoscale runners', version: 3 });
      const moved = { ...original, status: 'planned' as const, version: 4 };
      const getRoadmap = jest
        .fn()
        .mockResolvedValueOnce([original])
        .mockResolvedValue([moved]);
      const updateRoadmapItem = jest.fn().mockResolvedValue(moved);
      await renderWithEntity(
        <RoadmapBoard />,
        { getRoadmap, updateRoadmapItem },
        { owner: true },
      );
      const card = await screen.findByTestId('roadmap-item');
      expect(card).toHaveAttribute('draggable', 'true');
      const transfer = dataTransfer();
      fireEvent.dragStart(card, { dataTransfer: transfer });
      // The column takes the card: its dragover is cancelled.
      expect(
        fireEvent.dragOver(column('Planned'), { dataTransfer: transfer }),
      ).toBe(false);
      fireEvent.drop(column('Planned'), { dataTransfer: transfer });

      expect(updateRoadmapItem).toHaveBeenCalledWith('Autoscale runners', {
        version: 3,
        status: 'planned',
      });
      expect(
        within(column('Planned')).getByText('Autoscale runners'),
      ).toBeInTheDocument();
      expect(
        await screen.findByText('Moved "Autoscale runners" to Planned.'),
      ).toBeInTheDocument();
      await waitFor(() => expect(getRoadmap).toHaveBeenCalledTimes(2));
      expect(screen.getByText('Ideas (0)')).toBeInTheDocument();
      expect(screen.getByText('Planned (1)')).toBeInTheDocument();
    });

    it('ignores things dragged from elsewhere and drops on its own column', async () => {
      const updateRoadmapItem = jest.fn();
      await renderWithEntity(
        <RoadmapBoard />,
        {
          getRoadmap: async () => [item({ title: 'Autoscale runners' })],
          updateRoadmapItem,
        },
        { owner: true },
      );
      const card = await screen.findByTestId('roadmap-item');
      const text = dataTransfer();
      text.setData('text/plain', 'Autoscale runners');
      expect(
        fireEvent.dragOver(column('Planned'), { dataTransfer: text }),
      ).toBe(true);
      const transfer = dataTransfer();
      fireEvent.dragStart(card, { dataTransfer: transfer });
      fireEvent.drop(column('Ideas'), { dataTransfer: transfer });
      expect(updateRoadmapItem).not.toHaveBeenCalled();
    });

    it('moves an item from the keyboard with "Move to…" and keeps the focus on it', async () => {
      const original = item({ title: 'Autoscale runners', version: 3 });
      const moved = { ...original, status: 'in-progress' as const, version: 4 };
      const updateRoadmapItem = jest.fn().mockResolvedValue(moved);
      await renderWithEntity(
        <RoadmapBoard />,
        {
          getRoadmap: jest
            .fn()
            .mockResolvedValueOnce([original])
            .mockResolvedValue([moved]),
          updateRoadmapItem,
        },
        { owner: true },
      );
      const button = await screen.findByRole('button', {
        name: 'Move Autoscale runners',
      });
      button.focus();
      await userEvent.keyboard('{Enter}');
      const menu = await screen.findByRole('menu');
      expect(
        within(menu)
          .getAllByRole('menuitem')
          .map(m => m.textContent),
      ).toEqual(['Planned', 'In progress', 'Shipped', 'Dropped']);
      await userEvent.keyboard('{ArrowDown}{Enter}');

      expect(updateRoadmapItem).toHaveBeenCalledWith('Autoscale runners', {
        version: 3,
        status: 'in-progress',
      });
      await waitFor(() =>
        expect(
          within(column('In progress')).getByRole('button', {
            name: 'Move Autoscale runners',
          }),
        ).toHaveFocus(),
      );
      expect(screen.getByRole('status')).toHaveTextContent(
        'Moved "Autoscale runners" to In progress.',
      );
    });

    it('takes a move back and says why when someone changed the item meanwhile', async () => {
      const original = item({ title: 'Autoscale runners', version: 3 });
      const getRoadmap = jest.fn().mockResolvedValue([original]);
      const updateRoadmapItem = jest.fn().mockImplementation(async () => {
        throw await stale();
      });
      await renderWithEntity(
        <RoadmapBoard />,
        { getRoadmap, updateRoadmapItem },
        { owner: true },
      );
      await userEvent.click(
        await screen.findByRole('button', { name: 'Move Autoscale runners' }),
      );
      await userEvent.click(screen.getByRole('menuitem', { name: 'Planned' }));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'Someone else changed "Autoscale runners" meanwhile, so your change was not saved.',
      );
      expect(
        within(column('Ideas')).getByText('Autoscale runners'),
      ).toBeInTheDocument();
      await waitFor(() => expect(getRoadmap).toHaveBeenCalledTimes(2));
    });

    it('opens the dialog set to Shipped for a move to Shipped, for the value after', async () => {
      const original = item({
        title: 'Cache dependencies',
        status: 'in-progress',
        version: 5,
        metric: 'lead-time-for-changes',
        metricBefore: 31,
      });
      const updateRoadmapItem = jest.fn().mockResolvedValue(original);
      await renderWithEntity(
        <RoadmapBoard />,
        { getRoadmap: async () => [original], updateRoadmapItem },
        { owner: true },
      );
      const transfer = dataTransfer();
      fireEvent.dragStart(await screen.findByTestId('roadmap-item'), {
        dataTransfer: transfer,
      });
      fireEvent.drop(column('Shipped'), { dataTransfer: transfer });

      const dialog = await screen.findByRole('dialog');
      expect(updateRoadmapItem).not.toHaveBeenCalled();
      expect(dialog).toHaveTextContent(
        'Moving it to Shipped: fill in the value after',
      );
      expect(
        within(dialog).getByRole('button', { name: /Status/ }),
      ).toHaveTextContent('Shipped');
      fireEvent.change(screen.getByLabelText('Value after (when shipped)'), {
        target: { value: '19' },
      });
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(updateRoadmapItem).toHaveBeenCalledTimes(1));
      expect(updateRoadmapItem.mock.calls[0][1]).toMatchObject({
        version: 5,
        status: 'shipped',
        metricBefore: 31,
        metricAfter: 19,
      });
    });

    it('ticks a milestone off on the card', async () => {
      const original = item({
        title: 'Cache dependencies',
        version: 2,
        milestones: [
          { title: 'Measure cold builds', done: true },
          { title: 'Cache npm', done: false },
        ],
      });
      const updateRoadmapItem = jest.fn().mockResolvedValue({
        ...original,
        version: 3,
        milestones: [
          { title: 'Measure cold builds', done: true },
          { title: 'Cache npm', done: true },
        ],
      });
      await renderWithEntity(
        <RoadmapBoard />,
        { getRoadmap: async () => [original], updateRoadmapItem },
        { owner: true },
      );
      const cacheNpm = await screen.findByRole('checkbox', {
        name: 'Cache npm',
      });
      expect(cacheNpm).not.toBeChecked();
      await userEvent.click(cacheNpm);
      expect(updateRoadmapItem).toHaveBeenCalledWith('Cache dependencies', {
        version: 2,
        milestones: [
          { title: 'Measure cold builds', done: true },
          { title: 'Cache npm', done: true },
        ],
      });
      expect(
        await screen.findByText(
          'Milestone "Cache npm" of "Cache dependencies" done.',
        ),
      ).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: 'Cache npm' })).toBeChecked();
      expect(screen.getByText('2 of 2 milestones done')).toBeInTheDocument();
    });

    it('offers non-owners no dragging, moving or ticking', async () => {
      await renderWithEntity(<RoadmapBoard />, {
        getRoadmap: async () => [
          item({
            title: 'Cache dependencies',
            milestones: [{ title: 'Cache npm', done: false }],
          }),
        ],
      });
      const card = await screen.findByTestId('roadmap-item');
      expect(card).toHaveAttribute('draggable', 'false');
      expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Move Cache dependencies' }),
      ).not.toBeInTheDocument();
    });
  });

  describe('the overdue mark', () => {
    beforeEach(() => {
      // Only the clock is fixed (25 Nov 2026, midday): timers run as usual.
      jest.useFakeTimers({
        now: new Date(2026, 10, 25, 12),
        doNotFake: [
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'requestAnimationFrame',
          'cancelAnimationFrame',
          'requestIdleCallback',
          'cancelIdleCallback',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
          'setTimeout',
          'clearTimeout',
        ],
      });
    });
    afterEach(() => jest.useRealTimers());

    it('marks items not shipped whose target date has passed, with the date', async () => {
      await renderWithEntity(<RoadmapBoard />, {
        getRoadmap: async () => [
          item({ title: 'Late', status: 'planned', targetDate: '2026-11-18' }),
          item({ title: 'Due today', targetDate: '2026-11-25' }),
          item({
            title: 'Last year',
            status: 'in-progress',
            targetDate: '2025-12-01',
          }),
          item({
            title: 'Shipped late',
            status: 'shipped',
            targetDate: '2026-11-01',
            shippedAt: '2026-11-20T10:00:00.000Z',
          }),
          item({ title: 'No date' }),
        ],
      });
      const cards = await screen.findAllByTestId('roadmap-item');
      const card = (title: string) =>
        cards.find(c => within(c).queryByText(title))!;
      expect(
        within(card('Late'))
          .getByText('Overdue since 18 Nov')
          .closest('.MuiChip-root'),
      ).toHaveAttribute(
        'title',
        'Its target date, 2026-11-18, has passed and it has not shipped',
      );
      expect(
        within(card('Last year')).getByText('Overdue since 1 Dec 2025'),
      ).toBeInTheDocument();
      for (const title of ['Due today', 'Shipped late', 'No date']) {
        expect(card(title)).not.toHaveTextContent('Overdue');
      }
    });
  });

  it('lists the items by target date in the timeline view', async () => {
    await renderWithEntity(<RoadmapBoard />, {
      getRoadmap: async () => [
        item({ title: 'Undated' }),
        item({ title: 'Later', status: 'planned', targetDate: '2099-02-01' }),
        item({ title: 'Sooner', targetDate: '2099-01-10' }),
        item({ title: 'Gone', status: 'dropped', targetDate: '2099-01-01' }),
      ],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Timeline' }),
    );
    const rows = within(
      screen.getByRole('list', { name: 'Improvements by target date' }),
    ).getAllByRole('listitem');
    expect(rows.map(r => r.textContent)).toEqual([
      '10 Jan 2099SoonerIdea',
      '1 Feb 2099LaterPlanned',
      'No dateUndatedIdea',
    ]);
    expect(
      screen.queryByRole('region', { name: /^Ideas/ }),
    ).not.toBeInTheDocument();
  });

  describe('owner and pain points of an item', () => {
    const canvas: Canvas = {
      entityRef: 'system:default/ci-cd-pipeline',
      version: 2,
      content: {
        ...emptyCanvasContent(),
        roadmap: {
          ...emptyCanvasContent().roadmap,
          painPoints: ['Builds are slow', 'Nobody knows who approves'],
        },
      },
    };
    const painJourney: Journey = {
      ...journey,
      stages: [
        {
          id: 'build',
          name: 'Build',
          description: '',
          touchpoints: [
            {
              ...touchpoint('tp-run', 'Run pipeline'),
              failureModes: ['Flaky tests'],
              friction: touchpointFriction({
                texts: ['Waited 40 minutes for a runner'],
                textsHidden: false,
              }),
            },
          ],
        },
      ],
    };

    it("makes the system's owner the owner of a new item, still editable", async () => {
      const createRoadmapItem = jest.fn().mockResolvedValue(item({}));
      await renderWithEntity(
        <RoadmapBoard />,
        { getRoadmap: async () => [], createRoadmapItem },
        { owner: true },
      );
      await userEvent.click(
        await screen.findByRole('button', { name: 'Add improvement' }),
      );
      const owner = screen.getByLabelText('Owner');
      expect(owner).toHaveValue('group:default/platform-team');
      expect(screen.getByText('Links to')).toBeInTheDocument();
      fireEvent.change(screen.getByLabelText(/Title/), {
        target: { value: 'Cache dependencies' },
      });
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() =>
        expect(createRoadmapItem).toHaveBeenCalledWith(
          expect.anything(),
          expect.objectContaining({ owner: 'group:default/platform-team' }),
        ),
      );
    });

    it('keeps the owner of an existing item, and the lack of one', async () => {
      await renderWithEntity(
        <RoadmapBoard />,
        { getRoadmap: async () => [item({ title: 'Autoscale runners' })] },
        { owner: true },
      );
      await userEvent.click(
        await screen.findByRole('button', { name: 'Edit Autoscale runners' }),
      );
      expect(screen.getByLabelText('Owner')).toHaveValue('');
    });

    it('suggests groups and users of the catalog as the owner', async () => {
      const queryEntities = jest.fn().mockResolvedValue({
        items: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'ada', namespace: 'default' },
            spec: { profile: { displayName: 'Ada Lovelace' } },
          },
        ],
        totalItems: 1,
        pageInfo: {},
      });
      const createRoadmapItem = jest.fn().mockResolvedValue(item({}));
      await renderWithEntity(
        <TestApiProvider apis={[[catalogApiRef, { queryEntities }]]}>
          <RoadmapBoard />
        </TestApiProvider>,
        { getRoadmap: async () => [], createRoadmapItem },
        { owner: true },
      );
      await userEvent.click(
        await screen.findByRole('button', { name: 'Add improvement' }),
      );
      const owner = screen.getByLabelText('Owner');
      await userEvent.clear(owner);
      await userEvent.type(owner, 'ada');
      await waitFor(() =>
        expect(queryEntities).toHaveBeenLastCalledWith(
          expect.objectContaining({
            filter: { kind: ['Group', 'User'] },
            fullTextFilter: expect.objectContaining({ term: 'ada' }),
          }),
        ),
      );
      const options = within(await screen.findByRole('listbox'));
      expect(
        options.getByRole('option', { name: /the system's owner/ }),
      ).toBeInTheDocument();
      await userEvent.click(
        options.getByRole('option', { name: /Ada Lovelace/ }),
      );
      expect(owner).toHaveValue('user:default/ada');
      fireEvent.change(screen.getByLabelText(/Title/), {
        target: { value: 'Cache dependencies' },
      });
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() =>
        expect(createRoadmapItem).toHaveBeenCalledWith(
          expect.anything(),
          expect.objectContaining({ owner: 'user:default/ada' }),
        ),
      );
    });

    it("offers the canvas's pain points and the journey's touchpoints, and keeps typed ones", async () => {
      const original = item({
        title: 'Autoscale runners',
        painPoints: ['Queues at 9am'],
      });
      const updateRoadmapItem = jest.fn().mockResolvedValue(original);
      await renderWithEntity(
        <RoadmapBoard />,
        {
          getRoadmap: async () => [original],
          getJourney: async () => painJourney,
          getCanvas: async () => canvas,
          updateRoadmapItem,
        },
        { owner: true },
      );
      await userEvent.click(
        await screen.findByRole('button', { name: 'Edit Autoscale runners' }),
      );
      // The item's own free text stays.
      expect(
        screen.getByRole('button', { name: 'Queues at 9am' }),
      ).toBeInTheDocument();
      const input = screen.getByLabelText('Pain points it addresses');
      await waitFor(() =>
        expect(
          screen.getByText(/Pick from the canvas's pain points/),
        ).toBeInTheDocument(),
      );
      await userEvent.click(input);
      const listbox = within(await screen.findByRole('listbox'));
      expect(
        listbox
          .getAllByRole('option')
          .map(o => o.firstChild?.firstChild?.textContent),
      ).toEqual([
        'Builds are slow',
        'Nobody knows who approves',
        'Build › Run pipeline',
        'Build › Run pipeline: Flaky tests',
        'Build › Run pipeline: Waited 40 minutes for a runner',
      ]);
      expect(listbox.getByText('From the canvas')).toBeInTheDocument();
      expect(listbox.getByText('From the journey')).toBeInTheDocument();
      await userEvent.click(
        listbox.getByRole('option', { name: /Builds are slow/ }),
      );
      await userEvent.click(input);
      await userEvent.click(
        within(await screen.findByRole('listbox')).getByRole('option', {
          name: /Flaky tests/,
        }),
      );
      await userEvent.type(input, 'Runners are expensive{Enter}');

      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(updateRoadmapItem).toHaveBeenCalledTimes(1));
      expect(updateRoadmapItem.mock.calls[0][1].painPoints).toEqual([
        'Queues at 9am',
        'Builds are slow',
        'Build › Run pipeline: Flaky tests',
        'Runners are expensive',
      ]);
    });

    it('keeps pain points free text when the canvas and the journey fail to load', async () => {
      const createRoadmapItem = jest.fn().mockResolvedValue(item({}));
      await renderWithEntity(
        <RoadmapBoard />,
        { getRoadmap: async () => [], createRoadmapItem },
        { owner: true },
      );
      await userEvent.click(
        await screen.findByRole('button', { name: 'Add improvement' }),
      );
      fireEvent.change(screen.getByLabelText(/Title/), {
        target: { value: 'Cache dependencies' },
      });
      expect(
        await screen.findByText(/could not be loaded, so nothing is suggested/),
      ).toBeInTheDocument();
      // Typed and left without Enter: kept all the same.
      await userEvent.type(
        screen.getByLabelText('Pain points it addresses'),
        'Builds are slow',
      );
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() =>
        expect(createRoadmapItem).toHaveBeenCalledWith(
          expect.anything(),
          expect.objectContaining({ painPoints: ['Builds are slow'] }),
        ),
      );
    });
  });
});

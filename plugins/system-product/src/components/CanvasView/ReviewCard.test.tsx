import {
  ReviewDigest,
  ReviewSummary,
  SystemProductApi,
} from '@system-product/backstage-plugin-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { ReviewCard } from './ReviewCard';

function summary(id: string, from: string, to: string): ReviewSummary {
  return {
    id,
    entityRef: 'system:default/ci-cd-pipeline',
    cadence: 'weekly',
    from: `${from}T00:00:00.000Z`,
    to: `${to}T00:00:00.000Z`,
    createdAt: `${to}T00:05:00.000Z`,
  };
}

const older = summary('rv1', '2026-11-02', '2026-11-09');
const newer = summary('rv2', '2026-11-09', '2026-11-16');

function digest(of: ReviewSummary): ReviewDigest {
  return {
    ...of,
    previousFrom: '2026-11-02T00:00:00.000Z',
    minResponses: 5,
    slos: [
      {
        name: 'build-success',
        status: 'warning',
        previousStatus: 'ok',
        remaining: 0.4,
        remainingAtStart: 0.75,
        budgetSpent: 0.35,
      },
    ],
    dora: {
      days: 7,
      deployments: { now: 12, before: 9 },
      changeLeadTimeSeconds: { now: 7200, before: 10800 },
      changeFailureRate: { now: 0.1, before: null },
      recoveryTimeSeconds: { now: null, before: null },
    },
    feedback: [
      {
        roundId: 'r1',
        title: 'Q4 pulse',
        kind: 'survey',
        publishedResponses: 8,
        scores: { nps: 33 },
        previousScores: { nps: 20 },
      },
    ],
    friction: [
      {
        touchpointId: 'tp1',
        touchpoint: 'Build queue',
        reports: 5,
        reportsBefore: 3,
        reporters: 5,
        averageSeverity: 3.2,
        trend: 'rising',
      },
    ],
    shipped: [
      {
        itemId: 'i1',
        title: 'Faster runners',
        shippedAt: '2026-11-12T10:00:00.000Z',
        metric: 'lead-time',
        metricBefore: 31,
        metricAfter: 19,
        metricUnit: 'h',
      },
    ],
    upcoming: [],
  };
}

function reviewApi(more: Partial<SystemProductApi> = {}) {
  return {
    getReviews: async () => [older, newer],
    getReviewSettings: async () => ({ cadence: 'weekly' as const }),
    getReview: jest.fn(async (_e: unknown, id: string) =>
      digest(id === 'rv1' ? older : newer),
    ),
    ...more,
  } as Partial<SystemProductApi>;
}

describe('ReviewCard', () => {
  afterEach(() => jest.restoreAllMocks());

  it('lists past reviews newest first and shows the newest in plain words', async () => {
    const api = reviewApi();
    await renderWithEntity(<ReviewCard />, api);
    const list = await screen.findByRole('list', { name: 'Past reviews' });
    const items = within(list).getAllByRole('button');
    expect(items[0]).toHaveTextContent('Weekly review · 9 Nov');
    expect(items[1]).toHaveTextContent('Weekly review · 2 Nov');
    expect(
      await screen.findByText(
        'build-success: warning (was ok); 35% of the error budget spent, 40% left',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Change lead time: 2 h (before 3 h)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Q4 pulse (survey, 8 responses): nps 33 (before 20)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Build queue: 5 reports (before 3), rising; mean severity 3.2 of 5',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Faster runners, shipped 12 Nov.*31 h → 19 h/),
    ).toBeInTheDocument();
    expect(screen.getByText('Nothing is due next period.')).toBeInTheDocument();
    expect(api.getReview).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'ci-cd-pipeline' }),
      'rv2',
    );

    await userEvent.click(items[1]);
    await waitFor(() =>
      expect(api.getReview).toHaveBeenLastCalledWith(expect.anything(), 'rv1'),
    );
  });

  it('downloads the review as Markdown and as CSV', async () => {
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:review');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const downloads: string[] = [];
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordDownload(this: HTMLAnchorElement) {
        downloads.push(this.download);
      });
    await renderWithEntity(<ReviewCard />, reviewApi());
    await userEvent.click(
      await screen.findByRole('button', { name: 'Download Markdown' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(downloads).toEqual([
      'review-ci-cd-pipeline-2026-11-16.md',
      'review-ci-cd-pipeline-2026-11-16.csv',
    ]);
    const markdown = await createObjectURL.mock.calls[0][0].text();
    expect(markdown).toContain('# Review of system:default/ci-cd-pipeline');
    expect(createObjectURL.mock.calls[1][0].type).toBe('text/csv');
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:review');
  });

  it('explains what a review is when there is none, without owner controls for others', async () => {
    await renderWithEntity(
      <ReviewCard />,
      reviewApi({ getReviews: async () => [] }),
    );
    expect(await screen.findByText(/No review yet/)).toHaveTextContent(
      /retrospective on this system/,
    );
    expect(
      screen.queryByRole('button', { name: 'Make a review now' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Review cadence')).not.toBeInTheDocument();
  });

  it('lets owners choose the cadence and make a review now', async () => {
    const setReviewSettings = jest.fn(async (_e: unknown, s: any) => s);
    const createReview = jest.fn(async () => digest(newer));
    await renderWithEntity(
      <ReviewCard />,
      reviewApi({ setReviewSettings, createReview }),
      { owner: true },
    );
    const cadence = await screen.findByLabelText('Review cadence');
    await waitFor(() => expect(cadence).toHaveValue('weekly'));
    await userEvent.selectOptions(cadence, 'monthly');
    await waitFor(() =>
      expect(setReviewSettings).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'ci-cd-pipeline' }),
        { cadence: 'monthly' },
      ),
    );
    await waitFor(() => expect(cadence).toHaveValue('monthly'));
    await userEvent.click(
      screen.getByRole('button', { name: 'Make a review now' }),
    );
    await waitFor(() => expect(createReview).toHaveBeenCalled());
  });
});

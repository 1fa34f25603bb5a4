import {
  CompoundEntityRef,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  ReviewCadence,
  ReviewDigest,
  ReviewSummary,
  SystemProductApi,
  reviewToCsv,
  reviewToMarkdown,
  systemProductCanvasUpdatePermission,
} from '@system-product/backstage-plugin-common';
import { ReactNode, useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { formatDay, formatDuration, metricChange } from '../../format';
import { useEntityPermission } from '../../hooks';
import { useSystemProductData } from '../../hooks/useSystemProductData';
import { AsyncState } from '../AsyncState';
import { FormProblem } from '../FormDialog';

const loadReviews = (api: SystemProductApi, entity: CompoundEntityRef) =>
  api.getReviews(entity);
const loadSettings = (api: SystemProductApi, entity: CompoundEntityRef) =>
  api.getReviewSettings(entity);

const CADENCES: ReadonlyArray<readonly [ReviewCadence, string]> = [
  ['off', 'Off'],
  ['weekly', 'Weekly'],
  ['monthly', 'Monthly'],
];

/** A fraction (0.35) as a percentage ("35%"); "no data" for null. */
const percent = (v: number | null) =>
  v === null ? 'no data' : `${Math.round(v * 1000) / 10}%`;
const duration = (seconds: number | null) =>
  seconds === null ? 'no data' : formatDuration(seconds);
const count = (v: number | null) => (v === null ? 'no data' : String(v));
const score = (v: number | null | undefined) =>
  v === null || v === undefined ? 'not enough answers' : String(Math.round(v));

/** "Weekly review · 10 Nov to 17 Nov" of a listed review. */
function reviewTitle(review: ReviewSummary): string {
  return `${
    review.cadence === 'weekly' ? 'Weekly' : 'Monthly'
  } review · ${formatDay(review.from)} to ${formatDay(review.to)}`;
}

/** Offers `text` as a file the browser downloads. */
function download(text: string, filename: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

function Section(props: { title: string; empty: string; lines: ReactNode[] }) {
  const { title, empty, lines } = props;
  return (
    <Box component="section" aria-label={title} mt={2}>
      <Typography variant="subtitle2" component="h4">
        {title}
      </Typography>
      {lines.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {empty}
        </Typography>
      ) : (
        lines.map((line, i) => (
          <Typography variant="body2" key={i}>
            {line}
          </Typography>
        ))
      )}
    </Box>
  );
}

/** One review in plain words: each figure against the period before. */
export function ReviewDetails(props: { review: ReviewDigest }) {
  const { review } = props;
  const { dora } = review;
  const name = review.entityRef.split('/').pop() ?? review.entityRef;
  const to = review.to.slice(0, 10);
  return (
    <Box>
      <Typography variant="subtitle1" component="h3">
        {reviewTitle(review)}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        Assembled {formatDay(review.createdAt)}; "before" is{' '}
        {formatDay(review.previousFrom)} to {formatDay(review.from)}. Survey
        figures need {review.minResponses} answers behind them.
      </Typography>
      <Box mt={1} display="flex" gridGap={8}>
        <Button
          size="small"
          variant="outlined"
          onClick={() =>
            download(
              reviewToMarkdown(review),
              `review-${name}-${to}.md`,
              'text/markdown',
            )
          }
        >
          Download Markdown
        </Button>
        <Button
          size="small"
          variant="outlined"
          onClick={() =>
            download(
              reviewToCsv(review),
              `review-${name}-${to}.csv`,
              'text/csv',
            )
          }
        >
          Download CSV
        </Button>
      </Box>
      <Section
        title="SLOs"
        empty="No SLOs were evaluated."
        lines={review.slos.map(
          slo =>
            `${slo.name}: ${slo.status ?? 'not evaluated'} (was ${
              slo.previousStatus ?? 'not evaluated'
            }); ${percent(
              slo.budgetSpent,
            )} of the error budget spent, ${percent(slo.remaining)} left`,
        )}
      />
      <Section
        title={`DORA (${dora.days} days, now against before)`}
        empty=""
        lines={[
          `Deployments: ${count(dora.deployments.now)} (before ${count(
            dora.deployments.before,
          )})`,
          `Change lead time: ${duration(
            dora.changeLeadTimeSeconds.now,
          )} (before ${duration(dora.changeLeadTimeSeconds.before)})`,
          `Change failure rate: ${percent(
            dora.changeFailureRate.now,
          )} (before ${percent(dora.changeFailureRate.before)})`,
          `Failed deployment recovery time: ${duration(
            dora.recoveryTimeSeconds.now,
          )} (before ${duration(dora.recoveryTimeSeconds.before)})`,
        ]}
      />
      <Section
        title="Feedback"
        empty={`No survey or moment round had results yet (they need ${review.minResponses} answers).`}
        lines={review.feedback.map(round => {
          const scores = Object.entries(round.scores)
            .map(([question, value]) => {
              const before = round.previousScores?.[question];
              return `${question} ${score(value)}${
                before === undefined ? '' : ` (before ${score(before)})`
              }`;
            })
            .join(', ');
          return `${round.title} (${round.kind}, ${round.publishedResponses} responses): ${scores}`;
        })}
      />
      <Section
        title="Friction"
        empty="No friction was reported."
        lines={review.friction.map(
          f =>
            `${f.touchpoint}: ${f.reports} report${
              f.reports === 1 ? '' : 's'
            } (before ${f.reportsBefore}), ${f.trend}${
              f.averageSeverity === null
                ? ''
                : `; mean severity ${
                    Math.round(f.averageSeverity * 10) / 10
                  } of 5`
            }`,
        )}
      />
      <Section
        title="Shipped"
        empty="Nothing shipped."
        lines={review.shipped.map(item => {
          const change = metricChange(item);
          return `${item.title}, shipped ${formatDay(item.shippedAt)}${
            change ? `: ${change}` : ''
          }`;
        })}
      />
      <Section
        title="Coming up"
        empty="Nothing is due next period."
        lines={review.upcoming.map(
          item =>
            `${item.title}, ${item.status.replace('-', ' ')}, due ${formatDay(
              item.targetDate,
            )}${
              item.openMilestones.length > 0
                ? `; open: ${item.openMilestones.join(', ')}`
                : ''
            }`,
        )}
      />
    </Box>
  );
}

/** Loads the chosen review and shows it. */
function SelectedReview(props: { entity: CompoundEntityRef; id: string }) {
  const { entity, id } = props;
  const api = useApi(systemProductApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => api.getReview(entity, id),
    [api, entity, id],
  );
  return (
    <AsyncState loading={loading} error={error} retry={retry} what="review">
      {() => <ReviewDetails review={value!} />}
    </AsyncState>
  );
}

/** Owners: how often reviews are made, and a review now. */
function ReviewControls(props: {
  entity: CompoundEntityRef;
  onCreated: (review: ReviewDigest) => void;
}) {
  const { entity, onCreated } = props;
  const api = useApi(systemProductApiRef);
  const settings = useSystemProductData(loadSettings);
  const [cadence, setCadence] = useState<ReviewCadence>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const current = cadence ?? settings.value?.cadence ?? 'off';

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={16}>
      <TextField
        select
        id="review-cadence"
        label="Review cadence"
        value={current}
        disabled={busy || settings.loading}
        SelectProps={{ native: true }}
        onChange={e => {
          const next = e.target.value as ReviewCadence;
          act(async () => {
            const stored = await api.setReviewSettings(entity, {
              cadence: next,
            });
            setCadence(stored.cadence);
          });
        }}
      >
        {CADENCES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </TextField>
      <Button
        variant="outlined"
        color="primary"
        disabled={busy}
        onClick={() =>
          act(async () => {
            onCreated(await api.createReview(entity));
          })
        }
      >
        Make a review now
      </Button>
      <FormProblem>{problem}</FormProblem>
    </Box>
  );
}

/**
 * The entity's reviews, a retrospective on the system over a week or a
 * month: the past ones, newest first, the chosen one in plain words with
 * its downloads; owners choose the cadence and make one now.
 */
export function ReviewCard() {
  const { entity } = useEntity();
  const reviews = useSystemProductData(loadReviews);
  const canManage = useEntityPermission(systemProductCanvasUpdatePermission);
  const [chosen, setChosen] = useState<string>();
  const entityRef = useMemo(() => getCompoundEntityRef(entity), [entity]);

  return (
    <InfoCard title="Review" subheader="What changed, period by period">
      {canManage && (
        <Box mb={2}>
          <ReviewControls
            entity={entityRef}
            onCreated={review => {
              setChosen(review.id);
              reviews.retry();
            }}
          />
        </Box>
      )}
      <AsyncState
        loading={reviews.loading}
        error={reviews.error}
        retry={reviews.retry}
        what="reviews"
      >
        {() => {
          const items = [...(reviews.value ?? [])].sort((a, b) =>
            b.to.localeCompare(a.to),
          );
          if (items.length === 0) {
            return (
              <Typography variant="body2">
                No review yet. A review is a short retrospective on this system
                over a week or a month: its SLOs and the error budget spent,
                DORA figures against the period before, survey and moment
                scores, friction and its trend, what shipped and what is coming
                up. The owners choose a weekly or monthly cadence or make one
                now.
              </Typography>
            );
          }
          const selected = chosen ?? items[0].id;
          return (
            <Grid container spacing={2}>
              <Grid item xs={12} md={4}>
                <List dense aria-label="Past reviews">
                  {items.map(item => (
                    <ListItem
                      key={item.id}
                      button
                      selected={item.id === selected}
                      onClick={() => setChosen(item.id)}
                    >
                      <ListItemText
                        primary={reviewTitle(item)}
                        secondary={`Assembled ${formatDay(item.createdAt)}`}
                      />
                    </ListItem>
                  ))}
                </List>
              </Grid>
              <Grid item xs={12} md={8}>
                <SelectedReview entity={entityRef} id={selected} />
              </Grid>
            </Grid>
          );
        }}
      </AsyncState>
    </InfoCard>
  );
}

import { EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { SloStatusPoint } from '@system-product/backstage-plugin-common';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ReactElement } from 'react';
import { useSloStatus } from '../../hooks';
import { AsyncState } from '../AsyncState';
import { STATUS_LABELS } from './describeEvaluation';

const percent = (value: number | null) =>
  value === null ? null : Math.round(value * 1000) / 10;

const day = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** The latest status and since when it has held: "Status now: At risk, since Nov 24, 10:05 AM." */
function describeStatusNow(history: SloStatusPoint[]): string {
  const latest = history[history.length - 1];
  let since = history.length - 1;
  while (since > 0 && history[since - 1].status === latest.status) since--;
  return `Status now: ${STATUS_LABELS[latest.status]}, since ${day(
    history[since].at,
  )}.`;
}

/** How the budget moved and the status now, for readers and screen readers alike. */
export function describeTrend(history: SloStatusPoint[]): string {
  const measured = history.filter(p => p.remaining !== null);
  const count = `${history.length} evaluation${
    history.length === 1 ? '' : 's'
  }`;
  if (measured.length === 0) return `${count}, none with data yet.`;
  const first = percent(measured[0].remaining)!;
  const last = percent(measured[measured.length - 1].remaining)!;
  return `Budget left went from ${first}% to ${last}% over ${count} since ${day(
    history[0].at,
  )}. ${describeStatusNow(history)}`;
}

/** The lower end of an axis of percentages: `step` below the lowest value, never above `floor`. */
function lowerBound(values: number[], floor: number, step: number): number {
  const lowest = Math.min(floor, ...values);
  return Math.floor(lowest / step) * step;
}

/**
 * The y-axis of the SLI chart, in %: from a little below the lowest SLI or
 * the objective, whichever is lower, up to 100.
 */
export function sliDomain(
  sli: Array<number | null>,
  objectivePercent?: number,
): [number, number] {
  const values = sli.filter((v): v is number => v !== null);
  const floor = Math.min(objectivePercent ?? 100, ...values) - 1;
  return [Math.max(0, lowerBound(values, floor, 5)), 100];
}

/**
 * The y-axis of the budget chart, in % of the budget left: 0 to 100, down
 * to the lowest overspend (below 0) when there is one.
 */
export function budgetDomain(
  remaining: Array<number | null>,
): [number, number] {
  const values = remaining.filter((v): v is number => v !== null);
  return [lowerBound(values, 0, 25), 100];
}

/** One chart of the trend: a figure with a heading, its chart and a caption in words. */
function TrendFigure(props: {
  title: string;
  caption: string;
  children: ReactElement;
}) {
  const { title, caption, children } = props;
  return (
    <Box component="figure" m={0} mb={2} aria-label={title}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      <ResponsiveContainer width="100%" height={200}>
        {children}
      </ResponsiveContainer>
      <Typography
        variant="caption"
        color="textSecondary"
        component="figcaption"
      >
        {caption}
      </Typography>
    </Box>
  );
}

/**
 * Trend of one SLO over its window, from `GET .../slos/:name/status`: the
 * SLI against its objective line, and the error budget left on an axis of
 * its own (an overspent budget goes far below 0, an SLI never does).
 */
export function SloTrend(props: {
  sloName: string;
  displayName: string;
  /** The objective, 0 to 1, drawn as a line on the SLI chart. */
  target?: number;
}) {
  const { sloName, displayName, target } = props;
  const theme = useTheme();
  const { value, loading, error, retry } = useSloStatus(sloName);
  const objectivePercent = target === undefined ? undefined : percent(target)!;

  return (
    <AsyncState loading={loading} error={error} retry={retry} what="trend">
      {() => {
        const history = value?.history ?? [];
        if (history.length === 0) {
          return (
            <EmptyState
              missing="data"
              title="No scheduled evaluation yet"
              description="The backend evaluates every SLO on a schedule (systemProduct.slo.evaluationMinutes, every 5 minutes by default) and keeps each result; the trend starts with the first one."
            />
          );
        }
        const data = history.map(p => ({
          at: day(p.at),
          status: STATUS_LABELS[p.status],
          sli: percent(p.sli),
          remaining: percent(p.remaining),
        }));
        const axis = {
          stroke: theme.palette.text.secondary,
          unit: '%',
          allowDataOverflow: true,
        };
        const tooltip = (
          <Tooltip
            formatter={v =>
              v === null || v === undefined ? 'no data' : `${v}%`
            }
            labelFormatter={(label, payload) =>
              `${label}: ${payload?.[0]?.payload?.status ?? ''}`
            }
          />
        );
        const grid = (
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        );
        const margin = { top: 8, right: 16, bottom: 8, left: 0 };
        return (
          <>
            <TrendFigure
              title={`SLI of ${displayName} against its objective`}
              caption={
                objectivePercent === undefined
                  ? 'The share of good events at each scheduled evaluation.'
                  : `The share of good events at each scheduled evaluation; the dashed line is the objective, ${objectivePercent}%.`
              }
            >
              <LineChart data={data} margin={margin}>
                {grid}
                <XAxis dataKey="at" stroke={theme.palette.text.secondary} />
                <YAxis
                  {...axis}
                  domain={sliDomain(
                    data.map(d => d.sli),
                    objectivePercent,
                  )}
                />
                {tooltip}
                {objectivePercent !== undefined && (
                  <ReferenceLine
                    y={objectivePercent}
                    stroke={theme.palette.error.main}
                    strokeDasharray="4 4"
                    label={{
                      value: `objective ${objectivePercent}%`,
                      position: 'insideBottomRight',
                      fill: theme.palette.text.secondary,
                    }}
                  />
                )}
                <Line
                  type="monotone"
                  dataKey="sli"
                  name="SLI"
                  stroke={theme.palette.success.main}
                  dot={false}
                  connectNulls={false}
                />
              </LineChart>
            </TrendFigure>
            <TrendFigure
              title={`Error budget of ${displayName} left`}
              caption={describeTrend(history)}
            >
              <LineChart data={data} margin={margin}>
                {grid}
                <XAxis dataKey="at" stroke={theme.palette.text.secondary} />
                <YAxis
                  {...axis}
                  domain={budgetDomain(data.map(d => d.remaining))}
                />
                {tooltip}
                <ReferenceLine
                  y={0}
                  stroke={theme.palette.text.secondary}
                  label={{
                    value: 'used up',
                    position: 'insideBottomRight',
                    fill: theme.palette.text.secondary,
                  }}
                />
                <Line
                  type="monotone"
                  dataKey="remaining"
                  name="Budget left"
                  stroke={theme.palette.primary.main}
                  dot={false}
                  connectNulls={false}
                />
              </LineChart>
            </TrendFigure>
          </>
        );
      }}
    </AsyncState>
  );
}

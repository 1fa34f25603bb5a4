import { EmptyState, InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { SloStatusPoint } from '@system-product/backstage-plugin-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
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

/**
 * Trend of one SLO over its window: SLI and remaining budget at each
 * scheduled evaluation, from `GET .../slos/:name/status`.
 */
export function SloTrend(props: { sloName: string; displayName: string }) {
  const { sloName, displayName } = props;
  const theme = useTheme();
  const { value, loading, error, retry } = useSloStatus(sloName);

  return (
    <InfoCard title={`Trend of ${displayName}`}>
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
          return (
            <>
              <Typography variant="body2" gutterBottom>
                {describeTrend(history)}
              </Typography>
              <ResponsiveContainer width="100%" height={240}>
                <LineChart
                  data={data}
                  margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
                >
                  <CartesianGrid
                    strokeDasharray="3 3"
                    stroke={theme.palette.divider}
                  />
                  <XAxis dataKey="at" stroke={theme.palette.text.secondary} />
                  <YAxis
                    domain={['auto', 100]}
                    unit="%"
                    stroke={theme.palette.text.secondary}
                  />
                  <Tooltip
                    formatter={v =>
                      v === null || v === undefined ? 'no data' : `${v}%`
                    }
                    labelFormatter={(label, payload) =>
                      `${label}: ${payload?.[0]?.payload?.status ?? ''}`
                    }
                  />
                  <Legend />
                  <Line
                    type="monotone"
                    dataKey="remaining"
                    name="Budget left"
                    stroke={theme.palette.primary.main}
                    dot={false}
                    connectNulls={false}
                  />
                  <Line
                    type="monotone"
                    dataKey="sli"
                    name="SLI"
                    stroke={theme.palette.success.main}
                    dot={false}
                    connectNulls={false}
                  />
                </LineChart>
              </ResponsiveContainer>
            </>
          );
        }}
      </AsyncState>
    </InfoCard>
  );
}

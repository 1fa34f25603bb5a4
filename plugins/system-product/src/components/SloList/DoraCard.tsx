import { EmptyState, InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  DORA_DEFAULT_PERIOD_DAYS,
  DORA_PERIOD_DAYS,
  DeploymentCadence,
  DoraBand,
  DoraFigure,
  DoraMetrics,
  DoraPeriodDays,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { formatDuration } from '../../format';
import { useDora } from '../../hooks';
import { AsyncState } from '../AsyncState';
import { ConnectData } from './ConnectData';

const percent = (rate: number) => `${+(rate * 100).toFixed(1)}%`;

const CADENCE_LABELS: Record<DeploymentCadence, string> = {
  'on-demand': 'On demand',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  'fewer-than-monthly': 'Fewer than monthly',
};

const PERIOD_LABELS: Record<DoraPeriodDays, string> = {
  7: 'Last 7 days',
  30: 'Last 30 days',
  90: 'Last 90 days',
  365: 'Last 365 days',
};

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * The band of a figure, or why it has none: too few samples for one, or a
 * figure the DORA report gives no clusters for.
 */
interface BandProps {
  band: DoraBand | null;
  /** Whether the report has clusters for the figure. */
  banded: boolean;
  sampleSize: number;
  minSamples: number;
  /** What a sample is, singular: "deployment", "incident". */
  samples: string;
}

function Band(props: BandProps) {
  const { band, banded, sampleSize, minSamples, samples } = props;
  if (band) {
    return (
      <Chip
        size="small"
        label={`${band[0].toUpperCase()}${band.slice(1)} performer`}
        color={band === 'elite' || band === 'high' ? 'primary' : 'default'}
      />
    );
  }
  return (
    <Typography variant="caption" color="textSecondary" component="p">
      {banded
        ? `Not enough data: ${plural(sampleSize, samples)}${
            minSamples > 1 ? ` (a band needs ${minSamples})` : ''
          }`
        : 'No DORA band for this figure'}
    </Typography>
  );
}

function Figure(props: {
  title: string;
  value: string | null;
  detail: string;
  band: BandProps;
}) {
  const { title, value, detail, band } = props;
  return (
    <Grid item xs={12} sm={6} md={3}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      <Typography variant="h5" component="p">
        {value ?? 'no data'}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {detail}
      </Typography>
      <Band {...band} />
    </Grid>
  );
}

/** A median duration figure: value, sample size and band. */
function durationFigure(
  title: string,
  figure: DoraFigure,
  minSamples: number,
  samples: string,
  banded: boolean,
) {
  return (
    <Figure
      title={title}
      value={figure.value === null ? null : formatDuration(figure.value)}
      detail={`median of ${plural(figure.sampleSize, samples)}`}
      band={{
        band: figure.band,
        banded,
        sampleSize: figure.sampleSize,
        minSamples,
        samples,
      }}
    />
  );
}

function DoraFigures(props: { dora: DoraMetrics }) {
  const { dora } = props;
  const {
    deploymentFrequency: frequency,
    changeFailureRate: cfr,
    deploymentReworkRate: rework,
    minSamples,
  } = dora;
  return (
    <>
      <Grid container spacing={3}>
        <Figure
          title="Deployment frequency"
          value={frequency.cadence && CADENCE_LABELS[frequency.cadence]}
          detail={`${plural(
            frequency.sampleSize,
            'deployment',
          )}; deployments in ${frequency.weeksWithDeployments} of ${plural(
            frequency.weeks,
            'week',
          )}, ${frequency.monthsWithDeployments} of ${plural(
            frequency.months,
            'month',
          )}; median ${frequency.medianDeployDaysPerWeek} deploy days a week`}
          band={{
            band: frequency.band,
            banded: true,
            sampleSize: frequency.sampleSize,
            minSamples: 1,
            samples: 'deployment',
          }}
        />
        {durationFigure(
          'Change lead time',
          dora.changeLeadTime,
          minSamples,
          'deployment',
          true,
        )}
        <Figure
          title="Change failure rate"
          value={cfr.value === null ? null : percent(cfr.value)}
          detail={`${cfr.count} of ${plural(
            cfr.sampleSize,
            'deployment',
          )} failed or caused an incident`}
          band={{
            band: cfr.band,
            banded: true,
            sampleSize: cfr.sampleSize,
            minSamples,
            samples: 'deployment',
          }}
        />
        {durationFigure(
          'Failed deployment recovery time',
          dora.failedDeploymentRecoveryTime,
          minSamples,
          'failed deployment',
          true,
        )}
        <Figure
          title="Deployment rework rate"
          value={rework.value === null ? null : percent(rework.value)}
          detail={`${rework.count} of ${plural(
            rework.sampleSize,
            'deployment',
          )} remediated an incident`}
          band={{
            band: null,
            banded: false,
            sampleSize: rework.sampleSize,
            minSamples,
            samples: 'deployment',
          }}
        />
        {durationFigure(
          'Time to detect incidents (MTTD)',
          dora.incidents.timeToDetect,
          minSamples,
          'incident',
          false,
        )}
        {durationFigure(
          'Time to restore incidents (MTTR)',
          dora.incidents.timeToRestore,
          minSamples,
          'incident',
          false,
        )}
      </Grid>
      <Box mt={2}>
        <Typography variant="caption" color="textSecondary">
          Production deployments and incidents from{' '}
          {new Date(dora.from).toLocaleDateString()} to{' '}
          {new Date(dora.to).toLocaleDateString()}. Bands:{' '}
          <Link to={dora.bandsSource.url}>{dora.bandsSource.title}</Link>; a
          median or rate needs {minSamples} samples for one.
        </Typography>
      </Box>
    </>
  );
}

/** The period picker in the card's header. */
function PeriodPicker(props: {
  days: DoraPeriodDays;
  onChange: (days: DoraPeriodDays) => void;
}) {
  return (
    <TextField
      id="dora-period"
      select
      size="small"
      variant="outlined"
      label="Period"
      value={props.days}
      onChange={e => props.onChange(Number(e.target.value) as DoraPeriodDays)}
    >
      {DORA_PERIOD_DAYS.map(days => (
        <MenuItem key={days} value={days}>
          {PERIOD_LABELS[days]}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * DORA's figures of the entity over a period the reader picks, each with its
 * unit, sample size and band from the DORA report (or why it has none).
 */
export function DoraCard() {
  const [days, setDays] = useState<DoraPeriodDays>(DORA_DEFAULT_PERIOD_DAYS);
  const { value, loading, error, retry } = useDora(days);
  return (
    <InfoCard
      title="DORA metrics"
      subheader={`Software delivery performance over the ${PERIOD_LABELS[
        days
      ].toLocaleLowerCase('en-US')}`}
      action={<PeriodPicker days={days} onChange={setDays} />}
    >
      <AsyncState
        loading={loading}
        error={error}
        retry={retry}
        what="DORA metrics"
      >
        {() =>
          value &&
          value.deploymentFrequency.sampleSize === 0 &&
          value.incidents.timeToRestore.sampleSize === 0 &&
          value.incidents.timeToDetect.sampleSize === 0 ? (
            <EmptyState
              missing="data"
              title={`No production deployments or incidents in the ${PERIOD_LABELS[
                days
              ].toLocaleLowerCase('en-US')}`}
              description="Deployments and incidents come from the GitHub, GitLab and PagerDuty webhooks, or pipelines post them to System Product. Or pick a longer period."
              action={<ConnectData />}
            />
          ) : (
            value && <DoraFigures dora={value} />
          )
        }
      </AsyncState>
    </InfoCard>
  );
}

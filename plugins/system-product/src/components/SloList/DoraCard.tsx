import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { DoraBand, DoraMetrics } from '@system-product/backstage-plugin-common';

function duration(seconds: number): string {
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${+(seconds / 3600).toFixed(1)} h`;
  return `${+(seconds / 86_400).toFixed(1)} days`;
}

function Key(props: {
  title: string;
  value: string | null;
  band: DoraBand | null;
}) {
  const { title, value, band } = props;
  return (
    <Grid item xs={6} md={3}>
      <Typography variant="subtitle2">{title}</Typography>
      <Typography variant="h5" component="p">
        {value ?? 'no data'}
      </Typography>
      {band && (
        <Chip
          size="small"
          label={`${band[0].toUpperCase()}${band.slice(1)} performer`}
          color={band === 'elite' || band === 'high' ? 'primary' : 'default'}
        />
      )}
    </Grid>
  );
}

function frequency(perDay: number | null): string | null {
  if (perDay === null) return null;
  if (perDay >= 1) return `${+perDay.toFixed(1)} per day`;
  return `${+(perDay * 7).toFixed(1)} per week`;
}

/** DORA's four keys over the last days, with their performance bands. */
export function DoraCard(props: { dora: DoraMetrics }) {
  const { dora } = props;
  const perDay = dora.deploymentsPerDay.value;
  return (
    <InfoCard
      title="DORA metrics"
      subheader={`Production deployments and incidents of the last ${dora.days} days; bands from the State of DevOps report`}
    >
      <Grid container spacing={2}>
        <Key
          title="Deployment frequency"
          value={frequency(perDay)}
          band={dora.deploymentsPerDay.band}
        />
        <Key
          title="Lead time for changes (median)"
          value={
            dora.leadTimeSeconds.value === null
              ? null
              : duration(dora.leadTimeSeconds.value)
          }
          band={dora.leadTimeSeconds.band}
        />
        <Key
          title="Change failure rate"
          value={
            dora.changeFailureRate.value === null
              ? null
              : `${+(dora.changeFailureRate.value * 100).toFixed(1)}%`
          }
          band={dora.changeFailureRate.band}
        />
        <Key
          title="Failed deployment recovery (median)"
          value={
            dora.recoverySeconds.value === null
              ? null
              : duration(dora.recoverySeconds.value)
          }
          band={dora.recoverySeconds.band}
        />
      </Grid>
    </InfoCard>
  );
}

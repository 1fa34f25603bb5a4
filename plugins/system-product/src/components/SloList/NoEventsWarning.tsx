import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  DoraMetrics,
  EvaluatedSlo,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { useDora } from '../../hooks';
import { eventOf, describeWindow } from './describeSlo';
import { PostEventCommand } from './PostEventCommand';
import { SloPreset, exampleEvent } from './sloPresets';

/** The longest period DORA's figures cover: the furthest back they can tell. */
const DORA_DAYS = 365;

/** Whether the system has events the preset counts, and how that is known. */
export type EventEvidence =
  | { known: 'some' }
  | { known: 'none'; where: string }
  | { known: 'unknown' };

const EVENT_PLURALS: Record<SloPreset['event'], string> = {
  deployment: 'deployments',
  incident: 'incidents',
  ticket: 'tickets',
  build: 'builds',
  survey: 'survey answers',
};

/**
 * What DORA's figures of the last year say of the preset's events: they
 * count production deployments and incidents, so they tell only of those.
 */
function fromDora(
  dora: DoraMetrics | undefined,
  preset: SloPreset,
  environment: string,
): EventEvidence {
  if (!dora) return { known: 'unknown' };
  const last = `in the last ${dora.days} days`;
  let sampleSize: number | undefined;
  let what = '';
  if (preset.event === 'deployment' && environment.trim() === 'production') {
    sampleSize =
      preset.measure === 'lead-time-seconds'
        ? dora.changeLeadTime.sampleSize
        : dora.deploymentFrequency.sampleSize;
    what = 'no production deployments';
  } else if (preset.measure === 'time-to-restore-seconds') {
    sampleSize = dora.incidents.timeToRestore.sampleSize;
    what = 'no resolved production incidents';
  } else if (preset.measure === 'time-to-detect-seconds') {
    sampleSize = dora.incidents.timeToDetect.sampleSize;
    what = 'no detected production incidents';
  }
  if (sampleSize === undefined) return { known: 'unknown' };
  return sampleSize > 0
    ? { known: 'some' }
    : { known: 'none', where: `${what} ${last}` };
}

/**
 * What the system's SLOs of the same event type say: one that counted an
 * event shows there are some; when all of them counted none, there were none
 * in their windows. A backfilling SLO has not counted yet.
 */
function fromSlos(slos: EvaluatedSlo[], preset: SloPreset): EventEvidence {
  const same = slos.filter(
    slo =>
      !slo.evaluation.backfilling &&
      eventOf(slo.indicator ?? slo.objectives[0]?.indicator) === preset.event,
  );
  if (same.length === 0) return { known: 'unknown' };
  if (same.some(slo => slo.evaluation.total > 0)) return { known: 'some' };
  return {
    known: 'none',
    where: `no ${EVENT_PLURALS[preset.event]} in the ${describeWindow(
      same[0],
    )} of "${same[0].displayName}"`,
  };
}

/** Either source showing some events wins; else either showing none; else unknown. */
export function eventEvidence(
  slos: EvaluatedSlo[],
  dora: DoraMetrics | undefined,
  preset: SloPreset,
  environment: string,
): EventEvidence {
  const both = [fromDora(dora, preset, environment), fromSlos(slos, preset)];
  return (
    both.find(e => e.known === 'some') ??
    both.find(e => e.known === 'none') ??
    both[0]
  );
}

/**
 * Warns, in the new-SLO form, when the system has no events the indicator
 * counts (so the SLO would show "no data"), with a command that posts one;
 * when that cannot be told, says so more quietly. Survey answers come from
 * survey rounds, so they get no command.
 */
export function NoEventsWarning(props: {
  preset: SloPreset;
  environment: string;
  slos: EvaluatedSlo[] | undefined;
}) {
  const { preset, environment, slos } = props;
  const { entity } = useEntity();
  const dora = useDora(DORA_DAYS);
  // The times of the example event are those of the form's opening.
  const [now] = useState(() => new Date());
  if (!slos || dora.loading) return null;
  const evidence = eventEvidence(slos, dora.value, preset, environment);
  if (evidence.known === 'some') return null;
  const events = EVENT_PLURALS[preset.event];
  const event = exampleEvent(
    preset.event,
    stringifyEntityRef(entity),
    environment,
    now,
  );
  if (!event) {
    return evidence.known === 'none' ? (
      <Alert severity="warning">
        This system has {evidence.where}: the SLO shows no data until a survey
        round on it is answered.
      </Alert>
    ) : null;
  }
  return (
    <Alert severity={evidence.known === 'none' ? 'warning' : 'info'}>
      <Typography variant="body2">
        {evidence.known === 'none'
          ? `This system has ${evidence.where}: the SLO shows no data until one is posted.`
          : `The SLO counts the ${events} posted to System Product; until one is, it shows no data.`}{' '}
        To try it, post one (a real event: it counts in the figures; pipelines
        post theirs with a service token):
      </Typography>
      <PostEventCommand event={event} />
    </Alert>
  );
}

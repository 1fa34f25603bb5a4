import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  EvaluatedSlo,
  isComposite,
} from '@system-product/backstage-plugin-common';
import { ReactNode } from 'react';
import { AlertPolicyList } from './AlertPolicyList';
import { BurnRateTable } from './BurnRateTable';
import {
  BACKFILLING_NOTE,
  describeAsOf,
  describeCounted,
  describeEvaluatedWindow,
  inProgress,
  objectiveName,
  ownObjective,
} from './describeEvaluation';
import { BUDGETING_WORDS, describeWindow } from './describeSlo';
import { ObjectiveTable } from './ObjectiveTable';

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Box component="section" mb={2}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/** What the SLO's own SLI and budget were counted from, in words. */
function countedOf(slo: EvaluatedSlo): string {
  const { evaluation } = slo;
  if (evaluation.sli === null) {
    return `Nothing measured: ${evaluation.reason ?? 'no data'}.`;
  }
  if (isComposite(slo)) {
    return `The weighted mean of its ${slo.objectives.length} objectives' SLIs, targets and budgets (by compositeWeight, 1 unless given).`;
  }
  const own = ownObjective(slo, evaluation);
  const several = slo.objectives.length > 1 && own;
  const of = several
    ? ` Those of the objective in the worst state, ${objectiveName(
        own.objective,
        slo.objectives.indexOf(own.objective),
      )}.`
    : '';
  const counted = own?.evaluation.counted;
  if (!own || !counted) return `${evaluation.total} events counted.${of}`;
  return `${describeCounted(
    slo,
    own.objective,
    counted,
    inProgress(slo, evaluation),
  )}.${of}`;
}

/** How old the figures are, or that they are being computed while the SLO backfills. */
function freshnessOf(slo: EvaluatedSlo, now: Date): string | undefined {
  const { evaluation } = slo;
  if (evaluation.backfilling) return BACKFILLING_NOTE;
  return evaluation.evaluatedAt
    ? `Figures ${describeAsOf(evaluation.evaluatedAt, now)}.`
    : undefined;
}

/**
 * What an SLO's figures rest on: the window evaluated and how old the
 * figures are, the events or slices counted, each objective of an SLO of
 * several, the burn rate of every alert window and the alert policy in
 * force. `now` (the time of rendering unless given) is what "as of" counts
 * from.
 */
export function SloDetails(props: {
  slo: EvaluatedSlo;
  id?: string;
  now?: Date;
}) {
  const { slo, id, now = new Date() } = props;
  const freshness = freshnessOf(slo, now);
  const { evaluation } = slo;
  const several = slo.objectives.length > 1 || isComposite(slo);
  return (
    <div id={id} role="region" aria-label={`Details of ${slo.displayName}`}>
      <InfoCard
        title={`What the figures of ${slo.displayName} rest on`}
        subheader={`${describeWindow(slo)}, ${
          BUDGETING_WORDS[slo.budgetingMethod]
        }`}
      >
        <Section title="Window evaluated">
          <Typography variant="body2">
            {describeEvaluatedWindow(slo, evaluation)}
          </Typography>
          {freshness && (
            <Typography variant="body2" color="textSecondary">
              {freshness}
            </Typography>
          )}
        </Section>
        <Section title="Counted">
          <Typography variant="body2">{countedOf(slo)}</Typography>
        </Section>
        {several && (
          <Section title="Objectives">
            <ObjectiveTable slo={slo} />
          </Section>
        )}
        <Section title="Alert windows: how fast the budget is being spent">
          <BurnRateTable
            burnRates={evaluation.burnRates}
            label={`Alert windows of ${slo.displayName}`}
          />
        </Section>
        <Section title="Alert policy in force">
          <AlertPolicyList
            policies={slo.alertPolicies}
            conditions={evaluation.alertConditions}
          />
        </Section>
      </InfoCard>
    </div>
  );
}

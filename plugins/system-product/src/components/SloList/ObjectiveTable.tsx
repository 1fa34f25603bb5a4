import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  EvaluatedSlo,
  isComposite,
} from '@system-product/backstage-plugin-common';
import { BudgetGauge } from './BudgetGauge';
import {
  describeCounted,
  inProgress,
  objectiveName,
} from './describeEvaluation';
import { describeIndicator, describeObjective } from './describeSlo';
import { sliPercent } from '../../format';
import { SloStatusChip } from './SloStatusChip';

/**
 * The objectives of an SLO of several, each with its target, SLI (and what
 * it rests on), budget and status, and for a composite SLO its indicator
 * and weight.
 */
export function ObjectiveTable(props: { slo: EvaluatedSlo }) {
  const { slo } = props;
  const evaluations = slo.evaluation.objectives ?? [];
  const composite = isComposite(slo);
  return (
    <Table size="small" aria-label={`Objectives of ${slo.displayName}`}>
      <TableHead>
        <TableRow>
          <TableCell>Objective</TableCell>
          <TableCell>Target</TableCell>
          <TableCell>SLI</TableCell>
          <TableCell>Budget</TableCell>
          <TableCell>Status</TableCell>
          {composite && <TableCell>Weight</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {slo.objectives.map((objective, i) => {
          const evaluation = evaluations[i];
          const name = objectiveName(objective, i);
          return (
            <TableRow key={i}>
              <TableCell>
                <Typography variant="body2">{name}</Typography>
                {composite && (
                  <Typography variant="caption" color="textSecondary">
                    {describeIndicator(slo, objective.indicator)}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{describeObjective(slo, objective)}</TableCell>
              <TableCell>
                {!evaluation || evaluation.sli === null ? (
                  evaluation?.reason ?? 'no data'
                ) : (
                  <>
                    <Typography variant="body2">
                      {sliPercent(evaluation.sli)}%
                    </Typography>
                    {evaluation.counted && (
                      <Typography variant="caption" color="textSecondary">
                        {describeCounted(
                          slo,
                          objective,
                          evaluation.counted,
                          inProgress(slo, evaluation),
                        )}
                      </Typography>
                    )}
                  </>
                )}
              </TableCell>
              <TableCell>
                <BudgetGauge
                  remaining={evaluation?.remaining ?? null}
                  of={name}
                />
              </TableCell>
              <TableCell>
                {evaluation ? <SloStatusChip evaluation={evaluation} /> : '–'}
              </TableCell>
              {composite && (
                <TableCell>{objective.compositeWeight ?? 1}</TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

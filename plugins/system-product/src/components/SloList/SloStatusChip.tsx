import Chip from '@material-ui/core/Chip';
import { SloEvaluation } from '@system-product/backstage-plugin-common';
import { BACKFILLING_NOTE, statusLabel } from './describeEvaluation';

const COLORS = {
  met: 'primary',
  'at-risk': 'default',
  breached: 'secondary',
  'no-data': 'default',
} as const;

/**
 * The status of an SLO or objective as a chip; why there is no data on hover.
 * A backfilling SLO (status no-data) says "Backfilling" and that its figures
 * are being computed.
 */
export function SloStatusChip(props: {
  evaluation: Pick<
    SloEvaluation,
    'status' | 'reason' | 'budgetUsedUp' | 'backfilling'
  >;
}) {
  const { evaluation } = props;
  const { status, reason, backfilling } = evaluation;
  return (
    <Chip
      size="small"
      color={COLORS[status]}
      variant={
        status === 'at-risk' || status === 'no-data' ? 'outlined' : 'default'
      }
      label={statusLabel(evaluation)}
      title={backfilling ? BACKFILLING_NOTE : reason}
    />
  );
}

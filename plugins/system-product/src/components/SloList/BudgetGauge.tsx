import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';

/**
 * Remaining error budget as a bar and "N% of budget left", or "overspent 5×"
 * below none (1 − remaining is the share spent); without data, that nothing
 * was measured yet.
 */
export function BudgetGauge(props: {
  remaining: number | null;
  /** Whose budget, for screen readers when several gauges share a view. */
  of?: string;
}) {
  const { remaining, of } = props;
  if (remaining === null) {
    return (
      <Typography variant="caption" color="textSecondary">
        no budget figures yet
      </Typography>
    );
  }
  const percent = Math.round(remaining * 100);
  const words =
    remaining < 0
      ? `overspent ${+(1 - remaining).toFixed(1)}×, none left`
      : `${percent}% of budget left`;
  return (
    <Box minWidth={120}>
      <LinearProgress
        variant="determinate"
        value={Math.max(0, Math.min(100, percent))}
        color={percent < 25 ? 'secondary' : 'primary'}
        aria-label={`Error budget${of ? ` of ${of}` : ''}: ${words}`}
      />
      <Typography variant="caption">{words}</Typography>
    </Box>
  );
}

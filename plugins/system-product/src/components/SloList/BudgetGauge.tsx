import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';

/** Remaining error budget as a bar and "N% of budget left"; "–" without data. */
export function BudgetGauge(props: {
  remaining: number | null;
  /** Whose budget, for screen readers when several gauges share a view. */
  of?: string;
}) {
  const { remaining, of } = props;
  if (remaining === null) return <>–</>;
  const percent = Math.round(remaining * 100);
  return (
    <Box minWidth={120}>
      <LinearProgress
        variant="determinate"
        value={Math.max(0, Math.min(100, percent))}
        color={percent < 25 ? 'secondary' : 'primary'}
        aria-label={`Error budget remaining${
          of ? ` of ${of}` : ''
        } ${percent}%`}
      />
      <Typography variant="caption">{percent}% of budget left</Typography>
    </Box>
  );
}

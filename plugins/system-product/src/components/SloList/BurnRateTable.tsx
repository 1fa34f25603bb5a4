import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { SloEvaluation } from '@system-product/backstage-plugin-common';
import { describeBurn, describeSpan } from './describeEvaluation';

type BurnRate = SloEvaluation['burnRates'][number];

function stateOf(rate: BurnRate): string {
  if (rate.firing) return 'firing';
  if (rate.longBurn === null || rate.shortBurn === null) return 'no data';
  return 'not firing';
}

/**
 * Each multiwindow alert rule of an SLO: its long and short window, the
 * factor both must exceed, the burn rate of each window now and whether the
 * rule fires ("page · 56 min / 4.7 min · 14.4× → 535.7× / 1000×, firing").
 */
export function BurnRateTable(props: {
  burnRates: SloEvaluation['burnRates'];
  /** What the table is of, for screen readers. */
  label: string;
}) {
  const { burnRates, label } = props;
  if (burnRates.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No alert window was evaluated: there is no data in the SLO window yet.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Alert</TableCell>
          <TableCell>Windows (long / short)</TableCell>
          <TableCell>Fires above</TableCell>
          <TableCell>Burn rate now (long / short)</TableCell>
          <TableCell>State</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {burnRates.map((rate, i) => (
          <TableRow key={i}>
            <TableCell>{rate.severity}</TableCell>
            <TableCell>
              {describeSpan(rate.longWindowMs)} /{' '}
              {describeSpan(rate.shortWindowMs)}
            </TableCell>
            <TableCell>{rate.factor}×</TableCell>
            <TableCell>
              {describeBurn(rate.longBurn)} / {describeBurn(rate.shortBurn)}
            </TableCell>
            <TableCell>
              {rate.firing ? (
                <Typography variant="body2" color="error">
                  <strong>firing</strong>
                </Typography>
              ) : (
                stateOf(rate)
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

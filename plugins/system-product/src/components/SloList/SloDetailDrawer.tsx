import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import CloseIcon from '@material-ui/icons/Close';
import {
  EvaluatedSlo,
  isComposite,
} from '@system-product/backstage-plugin-common';
import { describeFreshness, describeSummary } from './describeEvaluation';
import { describeIndicator } from './describeSlo';
import { SloDetails } from './SloDetails';
import { SloStatusChip } from './SloStatusChip';
import { SloTrend } from './SloTrend';

/** The URL search parameter that names the SLO whose detail view is open. */
export const SLO_PARAM = 'slo';

const TITLE_ID = 'slo-detail-title';

function Body(props: { slo: EvaluatedSlo; now: Date }) {
  const { slo, now } = props;
  const freshness = describeFreshness(slo.evaluation, now);
  // A composite SLO's objective is a weighted mean: no single line to draw.
  const target = isComposite(slo) ? undefined : slo.objectives[0]?.target;
  return (
    <>
      <Box display="flex" alignItems="center" gridGap={8} mb={1}>
        <SloStatusChip evaluation={slo.evaluation} />
        {freshness && (
          <Typography variant="caption" color="textSecondary">
            {freshness}
          </Typography>
        )}
      </Box>
      <Typography variant="caption" color="textSecondary" component="div">
        {describeIndicator(slo)}
      </Typography>
      <Box
        component="section"
        my={2}
        aria-label={`${slo.displayName} in words`}
      >
        {describeSummary(slo).map(sentence => (
          <Typography key={sentence} variant="body1" paragraph>
            {sentence}
          </Typography>
        ))}
      </Box>
      <SloTrend
        sloName={slo.name}
        displayName={slo.displayName}
        target={target}
      />
      <SloDetails slo={slo} now={now} />
    </>
  );
}

/**
 * The detail view of one SLO, beside the list: its figures in words, its SLI
 * against the objective and its budget on charts of their own, the alert
 * windows and the policy in force. Opened by `?slo=<name>` so that a link to
 * it can be shared; `slos` is undefined while the list loads.
 */
export function SloDetailDrawer(props: {
  name: string;
  slos: EvaluatedSlo[] | undefined;
  now: Date;
  onClose: () => void;
}) {
  const { name, slos, now, onClose } = props;
  const slo = slos?.find(s => s.name === name);
  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      PaperProps={{
        role: 'dialog',
        'aria-labelledby': TITLE_ID,
        style: { width: 'min(760px, 100vw)' },
      }}
    >
      <Box p={3}>
        <Box display="flex" alignItems="flex-start" mb={1}>
          <Typography
            variant="h5"
            component="h2"
            id={TITLE_ID}
            style={{ flexGrow: 1 }}
          >
            {slo?.displayName ?? name}
          </Typography>
          <IconButton aria-label="Close" onClick={onClose} edge="end">
            <CloseIcon />
          </IconButton>
        </Box>
        {!slos && <Progress />}
        {slos && !slo && (
          <Typography variant="body1">
            This system has no SLO named "{name}": it may have been removed or
            renamed.
          </Typography>
        )}
        {slo && <Body slo={slo} now={now} />}
      </Box>
    </Drawer>
  );
}

import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete, {
  createFilterOptions,
} from '@material-ui/lab/Autocomplete';
import { EvaluatedSlo } from '@system-product/backstage-plugin-common';
import { sliPercent } from '../../format';
import { useEntityTabPaths } from '../../hooks';

/** The SLO `metric` names, by name or display name; undefined if none. */
export function findSlo(
  slos: EvaluatedSlo[] | undefined,
  metric: string,
): EvaluatedSlo | undefined {
  const text = metric.trim();
  if (!text) return undefined;
  return (
    slos?.find(s => s.name === text) ?? slos?.find(s => s.displayName === text)
  );
}

/**
 * The SLO or metric an item should move: free text, with the entity's SLOs
 * suggested (picking one stores its name) and a link to the SLOs tab where the
 * app has it. The dialog loads the SLOs when it opens (the backend evaluates
 * every SLO for them: the board's cards do without). Without the SLOs
 * (loading, failed) it is a plain text field that says why nothing is
 * suggested.
 */
export function SloMetricField(props: {
  value: string;
  onChange: (metric: string) => void;
  slos: { value?: EvaluatedSlo[]; loading: boolean; error?: Error };
}) {
  const { value, onChange, slos } = props;
  const options = slos.value ?? [];
  const byName = new Map(options.map(s => [s.name, s]));
  const slo = findSlo(slos.value, value);
  const slosTab = useEntityTabPaths().slos;
  let helper: JSX.Element | string;
  if (slos.loading) {
    helper = "Loading this entity's SLOs to suggest them…";
  } else if (slos.error) {
    helper = `This entity's SLOs could not be loaded (${slos.error.message}), so none are suggested: type the SLO or metric by name.`;
  } else if (slo) {
    helper = (
      <>
        One of this entity's SLOs: {slo.displayName}.{' '}
        {slosTab && <Link to={slosTab}>See the SLOs</Link>}
      </>
    );
  } else if (options.length === 0) {
    helper =
      'This entity has no SLOs yet: type any metric, or define SLOs in the SLOs tab to pick one here.';
  } else {
    helper = "Pick one of this entity's SLOs, or type any metric.";
  }

  return (
    <Autocomplete
      id="roadmap-metric"
      freeSolo
      options={options.map(s => s.name)}
      filterOptions={createFilterOptions({
        stringify: name => `${byName.get(name)?.displayName ?? ''} ${name}`,
      })}
      // The text is the value: no option stays selected, so the suggestions
      // are always filtered by it. A pick comes through onChange; the resets
      // of the text to the (empty) selection are ignored.
      value={null}
      onChange={(_, picked) => onChange(picked ?? '')}
      inputValue={value}
      onInputChange={(_, text, reason) => reason !== 'reset' && onChange(text)}
      renderOption={name => (
        <Box>
          <Typography variant="body2">
            {byName.get(name)?.displayName}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {name}
          </Typography>
        </Box>
      )}
      renderInput={params => (
        <TextField
          {...params}
          label="SLO or metric it should move"
          fullWidth
          helperText={helper}
        />
      )}
    />
  );
}

/**
 * "Use current value" of `slo` for the before or after field (`label`): its
 * SLI now, in percent. Disabled, and says why, while the SLO has no data.
 */
export function UseCurrentSli(props: {
  slo: EvaluatedSlo;
  label: string;
  onUse: (value: string) => void;
}) {
  const { slo, label, onUse } = props;
  const { sli, reason } = slo.evaluation;
  return (
    <Box mt={0.5}>
      <Button
        size="small"
        color="primary"
        disabled={sli === null}
        aria-label={`Use current value for ${label}`}
        onClick={() => sli !== null && onUse(String(sliPercent(sli)))}
      >
        Use current value
      </Button>
      <Typography variant="caption" color="textSecondary" display="block">
        {sli === null
          ? `${slo.displayName} has no data yet${
              reason ? ` (${reason})` : ''
            }: type a value, or use the current one once it has data.`
          : `Current SLI ${sliPercent(sli)}% (values in %)`}
      </Typography>
    </Box>
  );
}

import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useCanvas, useJourney } from '../../hooks';
import { painPointOptions } from './painPointOptions';
import { MAX_PAIN_POINT, MAX_PAIN_POINTS } from './roadmapItemForm';

/**
 * The pain points an item addresses, picked from the canvas's pain points and
 * the journey's touchpoints (loaded when the dialog opens), or typed: text
 * that is neither, like the pain points of older items, is kept as it is.
 */
export function PainPointsField(props: {
  value: string[];
  onChange: (painPoints: string[]) => void;
}) {
  const { value, onChange } = props;
  const canvas = useCanvas();
  const journey = useJourney();
  const options = painPointOptions(canvas.value, journey.value);
  const byText = new Map(options.map(o => [o.text, o]));
  const full = value.length >= MAX_PAIN_POINTS;
  let helper: string;
  if (full) {
    helper = `An item addresses at most ${MAX_PAIN_POINTS} pain points.`;
  } else if (canvas.loading || journey.loading) {
    helper = 'Loading the canvas and the journey to suggest their pain points…';
  } else if (canvas.error && journey.error) {
    helper =
      'The canvas and the journey could not be loaded, so nothing is suggested: type each pain point and press Enter.';
  } else if (options.length === 0) {
    helper =
      'The canvas lists no pain points and the journey has no touchpoints yet: type each pain point and press Enter.';
  } else {
    helper =
      "Pick from the canvas's pain points and the journey's touchpoints, or type one and press Enter.";
  }
  return (
    <Autocomplete
      id="roadmap-pain-points"
      multiple
      freeSolo
      // Text typed but not yet entered is kept when the field is left.
      autoSelect
      options={options.map(o => o.text)}
      groupBy={text => byText.get(text)?.source ?? ''}
      getOptionDisabled={text => full && !value.includes(text)}
      value={value}
      onChange={(_, picked) =>
        onChange(
          (picked as string[])
            .map(text => text.trim().slice(0, MAX_PAIN_POINT))
            .filter((text, i, all) => text && all.indexOf(text) === i)
            .slice(0, MAX_PAIN_POINTS),
        )
      }
      renderOption={text => (
        <Box>
          <Typography variant="body2">{text}</Typography>
          <Typography variant="caption" color="textSecondary">
            {byText.get(text)?.what}
          </Typography>
        </Box>
      )}
      renderInput={params => (
        <TextField
          {...params}
          label="Pain points it addresses"
          fullWidth
          helperText={helper}
        />
      )}
    />
  );
}

import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';

/**
 * One value of a scale, as radio buttons under a legend, each labelled in
 * words (its accessible name), not by its number alone.
 */
export function ScaleField(props: {
  legend: string;
  /** Each value with its label. */
  options: ReadonlyArray<readonly [number, string]>;
  value?: number;
  onChange: (value: number) => void;
  fullWidth?: boolean;
}) {
  const { legend, options, value, onChange, fullWidth } = props;
  return (
    <FormControl component="fieldset" fullWidth={fullWidth}>
      <FormLabel component="legend">{legend}</FormLabel>
      <RadioGroup
        value={value ? String(value) : ''}
        onChange={e => onChange(Number(e.target.value))}
      >
        {options.map(([option, label]) => (
          <FormControlLabel
            key={option}
            value={String(option)}
            control={<Radio />}
            label={label}
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
}

/** A free-text answer of up to 2,000 characters (the API's limit), a few lines high. */
export function AnswerTextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { id, label, value, onChange } = props;
  return (
    <TextField
      id={id}
      label={label}
      multiline
      minRows={2}
      fullWidth
      margin="normal"
      value={value}
      inputProps={{ maxLength: 2000 }}
      onChange={e => onChange(e.target.value)}
    />
  );
}

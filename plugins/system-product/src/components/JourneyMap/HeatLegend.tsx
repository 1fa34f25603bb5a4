import Typography from '@material-ui/core/Typography';
import { Theme, makeStyles } from '@material-ui/core/styles';
import { HEAT_SCALE } from './heatScale';

const useStyles = makeStyles((theme: Theme) => ({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1, 3),
    margin: theme.spacing(0, 0, 2),
    padding: 0,
    listStyle: 'none',
  },
  step: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  swatch: {
    display: 'inline-block',
    width: 16,
    height: 16,
    borderRadius: 2,
    flexShrink: 0,
  },
}));

/**
 * What the friction heat colours on the touchpoints mean: each colour of the
 * scale with its words and the mean severities it stands for. The same words
 * show on every touchpoint, so the colour is never the only signal.
 */
export function HeatLegend() {
  const classes = useStyles();
  return (
    <>
      <Typography variant="subtitle2" component="p">
        Friction heat: the mean severity people reported, from 1 (a nuisance) to
        5 (blocks work)
      </Typography>
      <ul className={classes.legend} aria-label="Friction heat legend">
        {HEAT_SCALE.map(step => (
          <li key={step.level} className={classes.step}>
            <span
              className={classes.swatch}
              style={{ backgroundColor: step.colour }}
              aria-hidden
            />
            <Typography variant="body2" component="span">
              <strong>{step.word}</strong>: {step.range}
            </Typography>
          </li>
        ))}
      </ul>
    </>
  );
}

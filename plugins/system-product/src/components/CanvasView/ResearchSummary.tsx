import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatScore, frictionHeat } from '../../format';
import { useJourney, useSurveyRounds } from '../../hooks';
import { AsyncState } from '../AsyncState';

/**
 * The latest internal user research, compact enough to sit inside the System
 * Users section: responses, NPS and CSAT across rounds, and the touchpoints
 * that hurt most.
 */
export function ResearchSummary() {
  const theme = useTheme();
  const surveys = useSurveyRounds();
  const journeyMap = useJourney();
  const retry = () => {
    surveys.retry();
    journeyMap.retry();
  };
  return (
    <Box component="section" aria-label="Latest research" mt={2}>
      <Divider />
      <Box mt={2} mb={1}>
        <Typography variant="subtitle1" component="h3">
          Latest research
        </Typography>
        <Typography variant="caption" color="textSecondary">
          Surveys and friction reports from the people using this system
        </Typography>
      </Box>
      <AsyncState
        loading={surveys.loading || journeyMap.loading}
        error={surveys.error ?? journeyMap.error}
        retry={retry}
        what="research"
      >
        {() => {
          const rounds = surveys.value!;
          const journey = journeyMap.value!;
          // Oldest first, for the trend; only rounds with enough answers have scores.
          const trend = [...rounds]
            .reverse()
            .filter(r => r.scores)
            .map(r => ({
              round: r.title,
              nps:
                r.scores?.nps === null || r.scores?.nps === undefined
                  ? undefined
                  : Math.round(r.scores.nps),
              csat:
                r.scores?.csat === null || r.scores?.csat === undefined
                  ? undefined
                  : Math.round(r.scores.csat),
            }));
          const latest = rounds[0];
          const pains = journey.stages
            .flatMap(s => s.touchpoints)
            .filter(t => t.friction.reports > 0)
            .sort(
              (a, b) =>
                (b.friction.averageSeverity ?? 0) -
                (a.friction.averageSeverity ?? 0),
            )
            .slice(0, 3);
          return (
            <>
              <Typography variant="subtitle2">Latest survey</Typography>
              {latest ? (
                <>
                  <Typography variant="body2">
                    {latest.title}: {latest.responseCount} responses
                  </Typography>
                  {latest.scores ? (
                    <Typography variant="body2">
                      {formatScore('nps', latest.scores.nps ?? null)} ·{' '}
                      {latest.scores.csat === null ||
                      latest.scores.csat === undefined
                        ? 'CSAT –'
                        : `CSAT ${Math.round(latest.scores.csat)}%`}
                    </Typography>
                  ) : (
                    <Typography variant="body2" color="textSecondary">
                      Scores appear once enough people answered.
                    </Typography>
                  )}
                </>
              ) : (
                <Typography variant="body2" color="textSecondary">
                  No survey yet. Open a round to hear from the people using this
                  system.
                </Typography>
              )}
              {trend.length === 0 ? (
                <Typography variant="body2" color="textSecondary">
                  The NPS and CSAT trend appears once a round has enough
                  answers.
                </Typography>
              ) : (
                <ResponsiveContainer width="100%" height={180}>
                  <LineChart
                    data={trend}
                    margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
                  >
                    <CartesianGrid
                      strokeDasharray="3 3"
                      stroke={theme.palette.divider}
                    />
                    <XAxis
                      dataKey="round"
                      stroke={theme.palette.text.secondary}
                    />
                    <YAxis
                      domain={[-100, 100]}
                      width={40}
                      stroke={theme.palette.text.secondary}
                    />
                    <Tooltip />
                    <Legend />
                    <Line
                      type="monotone"
                      dataKey="nps"
                      name="NPS (points)"
                      stroke={theme.palette.primary.main}
                    />
                    <Line
                      type="monotone"
                      dataKey="csat"
                      name="CSAT (% satisfied)"
                      stroke={theme.palette.success.main}
                    />
                  </LineChart>
                </ResponsiveContainer>
              )}
              <Typography variant="subtitle2" style={{ marginTop: 12 }}>
                Top pain points
              </Typography>
              {pains.length === 0 ? (
                <Typography variant="body2" color="textSecondary">
                  No friction reported on the journey yet. Anyone can report it
                  on a touchpoint of the journey map.
                </Typography>
              ) : (
                <List dense disablePadding>
                  {pains.map(t => (
                    <ListItem key={t.id} disableGutters>
                      <ListItemText
                        primary={t.name}
                        secondary={frictionHeat(t.friction).label}
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </>
          );
        }}
      </AsyncState>
    </Box>
  );
}

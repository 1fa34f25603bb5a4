import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { relativeTime } from '../../format';
import { useMomentPromptPath, useMyPrompts } from '../../hooks';
import { statusOf } from '../AsyncState';

/**
 * The signed-in user's open moment prompts, each linking to its form; nothing
 * while they load, when there are none, or for a session that is not a
 * user's (403).
 */
export function OpenPrompts() {
  const { value, error, retry } = useMyPrompts();
  const promptPath = useMomentPromptPath();
  if (error) {
    // A session that is not a user's (a service token) has no prompts.
    if (statusOf(error) === 403) return null;
    return (
      <Box display="flex" alignItems="center" gridGap={8} mb={3}>
        <Typography variant="body2" color="textSecondary">
          Your open prompts could not be loaded: {error.message}
        </Typography>
        <Button size="small" variant="outlined" onClick={retry}>
          Load your prompts again
        </Button>
      </Box>
    );
  }
  if (!value || value.length === 0) return null;
  return (
    <Box component="section" aria-label="Your open prompts" mb={3}>
      <InfoCard
        title="Your open prompts"
        subheader="One question each about something you just did; anonymous, and shown to the owners only in aggregate."
      >
        <List dense disablePadding>
          {value.map(prompt => (
            <ListItem key={prompt.id} divider>
              <ListItemText
                primary={
                  <Link to={promptPath(prompt.id)}>{prompt.question}</Link>
                }
                secondary={
                  <>
                    <EntityRefLink entityRef={prompt.entityRef} /> · your{' '}
                    {prompt.eventSummary}, {relativeTime(prompt.promptedAt)}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      </InfoCard>
    </Box>
  );
}

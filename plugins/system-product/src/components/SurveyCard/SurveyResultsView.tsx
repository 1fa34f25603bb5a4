import { useApi } from '@backstage/core-plugin-api';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  SurveyQuestion,
  SurveyResults,
  SurveyRound,
  TextQuestionResult,
} from '@system-product/backstage-plugin-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { AsyncState } from '../AsyncState';
import { formatScore } from './formatScore';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One free-text question: its answers behind the prompt, newest first. */
function TextAnswers(props: { prompt: string; result: TextQuestionResult }) {
  const { prompt, result } = props;
  if (result.answers.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {prompt}: nobody wrote an answer yet.
      </Typography>
    );
  }
  return (
    <Accordion TransitionProps={{ unmountOnExit: true }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="body2">
          {prompt} ({plural(result.answers.length, 'answer')}, newest first)
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        <List dense disablePadding>
          {result.answers.map((answer, index) => (
            <ListItem key={index} divider>
              <ListItemText
                primary={answer}
                primaryTypographyProps={{ style: { whiteSpace: 'pre-wrap' } }}
              />
            </ListItem>
          ))}
        </List>
      </AccordionDetails>
    </Accordion>
  );
}

/**
 * A round's k-anonymous results: how many more answers are needed, or the
 * score of each scored question and what people wrote.
 */
export function SurveyResultsView(props: {
  results: SurveyResults;
  questions: SurveyQuestion[];
}) {
  const { results, questions } = props;
  const prompt = (id: string) => questions.find(q => q.id === id)?.prompt ?? id;
  if (!results.visible) {
    return (
      <Typography variant="body2">
        {results.moreNeeded} more answer{results.moreNeeded === 1 ? '' : 's'}{' '}
        needed before results are shown, so nobody's answer can be singled out (
        {results.responses} of {results.minResponses} so far).
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="body2">
        {results.responses} responses so far:
      </Typography>
      {results.scored.map(q => (
        <Typography variant="body2" key={q.questionId}>
          {prompt(q.questionId)}: {formatScore(q.kind, q.score)}
        </Typography>
      ))}
      {results.text.length > 0 && (
        <Box mt={1}>
          <Typography variant="subtitle2" component="h3" gutterBottom>
            In their own words
          </Typography>
          {results.text.map(t => (
            <TextAnswers
              key={t.questionId}
              prompt={prompt(t.questionId)}
              result={t}
            />
          ))}
        </Box>
      )}
    </Box>
  );
}

/** Loads a round's results and shows them, without answering it. */
export function RoundResults(props: { round: SurveyRound }) {
  const { round } = props;
  const api = useApi(systemProductApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getSurveyResults(round.id),
    [api, round.id],
  );
  return (
    <AsyncState
      loading={loading}
      error={error}
      retry={retry}
      what="survey results"
    >
      {() => <SurveyResultsView results={value!} questions={round.questions} />}
    </AsyncState>
  );
}

import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ChoiceQuestionResult,
  SurveyGroupResult,
  SurveyQuestion,
  SurveyResults,
  SurveyRound,
  TextQuestionResult,
} from '@system-product/backstage-plugin-common';
import { formatScore } from '../../format';
import { useSurveyResults } from '../../hooks';
import { AsyncState } from '../AsyncState';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * One free-text question: its answers behind the prompt, or only how many
 * there are while fewer than k stand behind them.
 */
function TextAnswers(props: {
  prompt: string;
  result: TextQuestionResult;
  minResponses: number;
}) {
  const { prompt, result, minResponses } = props;
  if (!result.visible) {
    return (
      <Typography variant="body2" color="textSecondary">
        {prompt}: {plural(result.answered, 'answer')}, shown once {minResponses}{' '}
        people have written one.
      </Typography>
    );
  }
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
          {prompt} ({plural(result.answers.length, 'answer')}, in alphabetical
          order)
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
 * One choice question: how many chose each option and their share of the
 * question's respondents, or only how many answered while fewer than k did.
 */
function ChoiceAnswers(props: {
  prompt: string;
  result: ChoiceQuestionResult;
  minResponses: number;
}) {
  const { prompt, result, minResponses } = props;
  if (!result.visible) {
    return (
      <Typography variant="body2">
        {prompt}: {plural(result.answered, 'answer')} (figures once{' '}
        {minResponses} answered)
      </Typography>
    );
  }
  return (
    <Box mt={1}>
      <Typography variant="body2">
        {prompt} ({plural(result.answered, 'answer')}
        {result.kind === 'multiple' && ', several choices each'}):
      </Typography>
      <List dense disablePadding aria-label={prompt}>
        {result.options.map(option => (
          <ListItem key={option.index} disableGutters>
            <ListItemText
              primary={`${option.label}: ${Math.round(option.share)}% (${
                option.count
              })`}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

/**
 * The scores of each group whose cell is shown (groups × scored questions),
 * a question fewer than k of a group answered as a dash; and how many groups
 * are not shown.
 */
function GroupScores(props: {
  groups: SurveyGroupResult[];
  scored: Extract<SurveyResults, { visible: true }>['scored'];
  prompt: (id: string) => string;
  minResponses: number;
}) {
  const { groups, scored, prompt, minResponses } = props;
  const shown = groups.filter(
    (g): g is Extract<SurveyGroupResult, { visible: true }> => g.visible,
  );
  const hidden = groups.length - shown.length;
  const fewer = `fewer than ${minResponses} answered`;
  return (
    <Box mt={1}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        By group
      </Typography>
      {shown.length > 0 && scored.length > 0 && (
        <Table size="small" aria-label="Scores by group">
          <TableHead>
            <TableRow>
              <TableCell>Group</TableCell>
              {scored.map(q => (
                <TableCell key={q.questionId}>{prompt(q.questionId)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(group => (
              <TableRow key={group.group}>
                <TableCell component="th" scope="row">
                  <EntityRefLink entityRef={group.group} defaultKind="group" />{' '}
                  ({plural(group.responses, 'answer')})
                </TableCell>
                {scored.map(q => {
                  const result = group.scored.find(
                    r => r.questionId === q.questionId,
                  );
                  return (
                    <TableCell key={q.questionId}>
                      {result?.visible ? (
                        formatScore(result.kind, result.score)
                      ) : (
                        <Tooltip title={fewer}>
                          <span aria-label={fewer}>–</span>
                        </Tooltip>
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {hidden > 0 && (
        <Typography variant="body2" color="textSecondary">
          {plural(hidden, 'group')} with fewer than {minResponses} answers, or
          whose figures could single someone out, {hidden === 1 ? 'is' : 'are'}{' '}
          not shown.
        </Typography>
      )}
    </Box>
  );
}

/** When the figures next change, or that they are final. */
function NextUpdate(props: {
  results: Extract<SurveyResults, { visible: true }>;
}) {
  const { results } = props;
  const behind = results.responses - results.publishedResponses;
  if (results.nextUpdateAfter === null) {
    return (
      <Typography variant="body2" color="textSecondary">
        The round has closed: these results are final.
        {behind > 0 &&
          ` The last ${plural(behind, 'answer')} stay out of them: fewer than ${
            results.minResponses
          } came in after the last update, so they could be told apart.`}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" color="textSecondary">
      Results next update after {plural(results.nextUpdateAfter, 'more answer')}
      , so that no single answer can be picked out by watching them change.
    </Typography>
  );
}

/**
 * A round's k-anonymous results: how many more answers are needed, or the
 * score of each scored question and what people wrote, as last published;
 * a question fewer than k answered shows only its count. The scores by group
 * follow once a group's cell can be shown.
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
        {plural(results.responses, 'response')} so far
        {results.publishedResponses < results.responses &&
          `; these results stand on ${results.publishedResponses} of them`}
        :
      </Typography>
      {results.scored.map(q => (
        <Typography variant="body2" key={q.questionId}>
          {prompt(q.questionId)}:{' '}
          {q.visible
            ? formatScore(q.kind, q.score)
            : `${plural(q.answered, 'answer')} (figures once ${
                results.minResponses
              } answered)`}
        </Typography>
      ))}
      {results.choice.map(c => (
        <ChoiceAnswers
          key={c.questionId}
          prompt={prompt(c.questionId)}
          result={c}
          minResponses={results.minResponses}
        />
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
              minResponses={results.minResponses}
            />
          ))}
        </Box>
      )}
      {results.groups.some(g => g.visible) && (
        <GroupScores
          groups={results.groups}
          scored={results.scored}
          prompt={prompt}
          minResponses={results.minResponses}
        />
      )}
      <Box mt={1}>
        <NextUpdate results={results} />
      </Box>
    </Box>
  );
}

/** Loads a round's results and shows them, without answering it. */
export function RoundResults(props: { round: SurveyRound }) {
  const { round } = props;
  const { value, loading, error, retry } = useSurveyResults(round.id);
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

import { CompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  SurveyAnswers,
  SurveyQuestion,
  SurveyResults,
  SurveyRound,
  SystemProductApi,
  getEntityOwner,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { useSystemProductData } from '../../hooks/useSystemProductData';
import { AsyncState } from '../AsyncState';
import { formatScore } from './formatScore';

const loadRounds = (api: SystemProductApi, entity: CompoundEntityRef) =>
  api.getSurveyRounds(entity);

const SCALES: Record<Exclude<SurveyQuestion['kind'], 'text'>, number[]> = {
  nps: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  csat: [1, 2, 3, 4, 5],
  likert: [1, 2, 3, 4, 5],
};

function openRound(rounds: SurveyRound[]): SurveyRound | undefined {
  const now = Date.now();
  return rounds.find(
    r => Date.parse(r.opensAt) <= now && now < Date.parse(r.closesAt),
  );
}

function ScoreQuestion(props: {
  question: SurveyQuestion;
  value?: number;
  onChange: (value: number) => void;
}) {
  const { question, value, onChange } = props;
  const scale = SCALES[question.kind as keyof typeof SCALES];
  return (
    <FormControl component="fieldset" margin="dense" fullWidth>
      <FormLabel component="legend">{question.prompt}</FormLabel>
      <RadioGroup
        row
        aria-label={question.prompt}
        value={value === undefined ? '' : String(value)}
        onChange={e => onChange(Number(e.target.value))}
      >
        {scale.map(n => (
          <FormControlLabel
            key={n}
            value={String(n)}
            control={<Radio size="small" />}
            label={String(n)}
            labelPlacement="bottom"
            style={{ marginLeft: 0, marginRight: 4 }}
          />
        ))}
      </RadioGroup>
      <Typography variant="caption" color="textSecondary">
        {question.kind === 'nps'
          ? '0 not at all likely · 10 extremely likely'
          : '1 strongly disagree · 5 strongly agree'}
      </Typography>
    </FormControl>
  );
}

function Results(props: {
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
    </Box>
  );
}

/**
 * "How is this system working for you?": the open round's short survey, then
 * thanks and the aggregate once enough people answered.
 */
export function SurveyCard() {
  const { value, loading, error, retry } = useSystemProductData(loadRounds);
  return (
    <InfoCard title="How is this system working for you?">
      <AsyncState loading={loading} error={error} retry={retry} what="survey">
        {() => <SurveyBody round={openRound(value ?? [])} />}
      </AsyncState>
    </InfoCard>
  );
}

function SurveyBody(props: { round?: SurveyRound }) {
  const { round } = props;
  const api = useApi(systemProductApiRef);
  const { entity } = useEntity();
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const [results, setResults] = useState<SurveyResults>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [more, setMore] = useState(false);

  if (!round) {
    const owner = getEntityOwner(entity) ?? 'its owners';
    return (
      <Typography variant="body2">
        No survey is open right now. The owner ({owner}) opens a round to hear
        from the people using this system.
      </Typography>
    );
  }
  if (results) {
    return (
      <Box role="status">
        <Typography variant="subtitle1" gutterBottom>
          Thanks! Your answer was recorded anonymously; answering again replaces
          it.
        </Typography>
        <Results results={results} questions={round.questions} />
      </Box>
    );
  }

  const scored = round.questions.filter(q => q.kind !== 'text');
  const texts = round.questions.filter(q => q.kind === 'text');
  const set = (id: string, v: number | string) =>
    setAnswers(a => ({ ...a, [id]: v }));
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const given = Object.fromEntries(
        Object.entries(answers).filter(([, v]) => v !== ''),
      );
      await api.answerSurvey(round.id, given);
      setResults(await api.getSurveyResults(round.id));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={e => {
        e.preventDefault();
        submit();
      }}
      aria-label={round.title}
    >
      <Typography variant="caption" color="textSecondary">
        {round.title} · anonymous · open until {round.closesAt.slice(0, 10)}
      </Typography>
      {scored.map(q => (
        <ScoreQuestion
          key={q.id}
          question={q}
          value={answers[q.id] as number | undefined}
          onChange={v => set(q.id, v)}
        />
      ))}
      {texts.length > 0 && !more && (
        <Button size="small" onClick={() => setMore(true)}>
          Tell us more (optional)
        </Button>
      )}
      {more &&
        texts.map(q => (
          <TextField
            key={q.id}
            id={`survey-${q.id}`}
            label={q.prompt}
            fullWidth
            multiline
            margin="dense"
            inputProps={{ maxLength: 2000 }}
            value={(answers[q.id] as string | undefined) ?? ''}
            onChange={e => set(q.id, e.target.value)}
          />
        ))}
      {error && (
        <Typography color="error" role="alert">
          {error}
        </Typography>
      )}
      <Box mt={1}>
        <Button
          type="submit"
          color="primary"
          variant="contained"
          disabled={busy || Object.keys(answers).length === 0}
        >
          Send answers
        </Button>
      </Box>
    </form>
  );
}

import { getCompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_SURVEY,
  DEFAULT_SCALE_ANCHORS,
  ScoredQuestionKind,
  isChoiceKind,
  isScaleKind,
  OpenSurveyRoundRequest,
  SurveyAnswers,
  SurveyQuestion,
  SurveyResults,
  SurveyRound,
  getEntityOwner,
  getSystemProductUsers,
  systemProductSurveyRoundManagePermission,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { formatDay, ownerRef } from '../../format';
import { useEntityPermission, useSurveyRounds } from '../../hooks';
import { AsyncState } from '../AsyncState';
import { FormProblem } from '../FormDialog';
import { OpenSurveyRoundDialog } from './OpenSurveyRoundDialog';
import { RoundResults, SurveyResultsView } from './SurveyResultsView';
import { localDay } from './surveyDays';

const SCALES: Record<ScoredQuestionKind, number[]> = {
  nps: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  csat: [1, 2, 3, 4, 5],
  likert: [1, 2, 3, 4, 5],
};

const isScale = (
  q: SurveyQuestion,
): q is SurveyQuestion & { kind: ScoredQuestionKind } => isScaleKind(q.kind);
const isChoice = (q: SurveyQuestion) => isChoiceKind(q.kind);

/** The day of a timestamp in the user's time zone, as the date inputs show it. */
const day = (iso: string) => localDay(new Date(iso));

function openRound(rounds: SurveyRound[]): SurveyRound | undefined {
  const now = Date.now();
  return rounds.find(
    r => Date.parse(r.opensAt) <= now && now < Date.parse(r.closesAt),
  );
}

function ScoreQuestion(props: {
  question: SurveyQuestion & { kind: ScoredQuestionKind };
  value?: number;
  onChange: (value: number) => void;
}) {
  const { question, value, onChange } = props;
  const scale = SCALES[question.kind];
  // The API resolves anchors; the kind's defaults cover an older backend.
  const anchors = question.anchors ?? DEFAULT_SCALE_ANCHORS[question.kind];
  const first = scale[0];
  const last = scale[scale.length - 1];
  // Each radio is named with its number and, at the ends, the anchor.
  const name = (n: number) => {
    if (n === first) return `${n} ${anchors.low}`;
    if (n === last) return `${n} ${anchors.high}`;
    return String(n);
  };
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
            control={
              <Radio size="small" inputProps={{ 'aria-label': name(n) }} />
            }
            label={String(n)}
            labelPlacement="bottom"
            style={{ marginLeft: 0, marginRight: 4 }}
          />
        ))}
      </RadioGroup>
      <Typography variant="caption" color="textSecondary">
        {first} {anchors.low} · {last} {anchors.high}
      </Typography>
    </FormControl>
  );
}

/**
 * A single choice question (one option, answered by its index) or a
 * multiple choice one (some options, at most maxChoices).
 */
function ChoiceQuestion(props: {
  question: SurveyQuestion;
  value?: number | number[];
  onChange: (value: number | number[]) => void;
}) {
  const { question, value, onChange } = props;
  const options = question.options ?? [];
  if (question.kind === 'single') {
    return (
      <FormControl component="fieldset" margin="dense" fullWidth>
        <FormLabel component="legend">{question.prompt}</FormLabel>
        <RadioGroup
          aria-label={question.prompt}
          value={typeof value === 'number' ? String(value) : ''}
          onChange={e => onChange(Number(e.target.value))}
        >
          {options.map((option, index) => (
            <FormControlLabel
              key={index}
              value={String(index)}
              control={<Radio size="small" />}
              label={option}
            />
          ))}
        </RadioGroup>
      </FormControl>
    );
  }
  const chosen = Array.isArray(value) ? value : [];
  const max = question.maxChoices ?? options.length;
  const toggle = (index: number) =>
    onChange(
      chosen.includes(index)
        ? chosen.filter(i => i !== index)
        : [...chosen, index].sort((a, b) => a - b),
    );
  return (
    <FormControl component="fieldset" margin="dense" fullWidth>
      <FormLabel component="legend">{question.prompt}</FormLabel>
      <FormGroup>
        {options.map((option, index) => (
          <FormControlLabel
            key={index}
            control={
              <Checkbox
                size="small"
                checked={chosen.includes(index)}
                disabled={!chosen.includes(index) && chosen.length >= max}
                onChange={() => toggle(index)}
              />
            }
            label={option}
          />
        ))}
      </FormGroup>
      {max < options.length && (
        <Typography variant="caption" color="textSecondary">
          Choose up to {max}.
        </Typography>
      )}
    </FormControl>
  );
}

/**
 * "How is this system working for you?": the open round's short survey, then
 * thanks and the aggregate once enough people answered. Owners open rounds
 * here and see results without answering; `system-product/survey: off` turns
 * the card into a note on how to turn surveys back on.
 */
export function SurveyCard() {
  const { entity } = useEntity();
  const annotated = entity.metadata.annotations?.[ANNOTATION_SURVEY];
  return (
    <InfoCard title="How is this system working for you?">
      {annotated === 'off' ? (
        <Typography variant="body2">
          Surveys are turned off for this system: its catalog entry sets{' '}
          <code>{ANNOTATION_SURVEY}: off</code>, so nobody is asked here and no
          round can be opened. To turn them on, remove the annotation or set it
          to a survey template id such as <code>platform-pulse</code>.
        </Typography>
      ) : (
        <SurveyRounds templateId={annotated} />
      )}
    </InfoCard>
  );
}

function SurveyRounds(props: { templateId?: string }) {
  const { templateId } = props;
  const { value, loading, error, retry } = useSurveyRounds();
  const { entity } = useEntity();
  const api = useApi(systemProductApiRef);
  const canManage = useEntityPermission(
    systemProductSurveyRoundManagePermission,
  );
  const [opening, setOpening] = useState(false);

  const open = async (request: OpenSurveyRoundRequest) => {
    await api.openSurveyRound(getCompoundEntityRef(entity), request);
    setOpening(false);
    retry();
  };

  return (
    <>
      {opening && (
        <OpenSurveyRoundDialog
          templateId={templateId}
          targetGroups={getSystemProductUsers(entity)}
          onClose={() => setOpening(false)}
          onOpen={open}
        />
      )}
      <AsyncState loading={loading} error={error} retry={retry} what="survey">
        {() => {
          const rounds = value ?? [];
          const round = openRound(rounds);
          return round ? (
            <SurveyBody round={round} canManage={canManage} />
          ) : (
            <NoOpenRound
              rounds={rounds}
              onOpenRound={canManage ? () => setOpening(true) : undefined}
            />
          );
        }}
      </AsyncState>
    </>
  );
}

/**
 * No round takes answers: the next one if it is scheduled, otherwise who opens
 * one (or, for owners, the button to open it); and the last round's results.
 */
function NoOpenRound(props: {
  rounds: SurveyRound[];
  onOpenRound?: () => void;
}) {
  const { rounds, onOpenRound } = props;
  const { entity } = useEntity();
  const [showResults, setShowResults] = useState(false);
  const now = Date.now();
  // Rounds come newest first: the scheduled one opening soonest is the last.
  const next = rounds.filter(r => Date.parse(r.opensAt) > now).pop();
  const last = rounds.find(r => Date.parse(r.closesAt) <= now);

  let invitation: JSX.Element;
  if (next) {
    invitation = (
      <Typography variant="body2">
        No survey is open right now. The next round, "{next.title}", opens on{' '}
        {day(next.opensAt)}.
      </Typography>
    );
  } else if (onOpenRound) {
    invitation = (
      <>
        <Typography variant="body2" gutterBottom>
          No survey is open right now. Open a round to hear from the people
          using this system.
        </Typography>
        <Button variant="outlined" color="primary" onClick={onOpenRound}>
          Open a survey round
        </Button>
      </>
    );
  } else {
    const owner = ownerRef(getEntityOwner(entity));
    invitation = (
      <Typography variant="body2">
        No survey is open right now. The owner (
        {owner ? (
          <EntityRefLink entityRef={owner} defaultKind="group" />
        ) : (
          'its owners'
        )}
        ) opens a round to hear from the people using this system.
      </Typography>
    );
  }

  return (
    <>
      {invitation}
      {last && (
        <Box mt={2}>
          <Typography variant="body2" gutterBottom>
            The last round, "{last.title}", closed on {day(last.closesAt)} with{' '}
            {last.responseCount} response{last.responseCount === 1 ? '' : 's'}.
          </Typography>
          {showResults ? (
            <RoundResults round={last} />
          ) : (
            <Button size="small" onClick={() => setShowResults(true)}>
              See its results
            </Button>
          )}
        </Box>
      )}
    </>
  );
}

/**
 * The open round's questions; thanks and the results after answering. Owners
 * may look at the results so far without answering.
 */
function SurveyBody(props: { round: SurveyRound; canManage: boolean }) {
  const { round, canManage } = props;
  const api = useApi(systemProductApiRef);
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const [results, setResults] = useState<SurveyResults>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [more, setMore] = useState(false);
  const [peeking, setPeeking] = useState(false);
  const [changing, setChanging] = useState(false);
  // The caller's own earlier answer, to change it; none when it cannot be read
  // (not answered, or a service session).
  const mine = useAsync(async () => {
    try {
      return await api.getMySurveyAnswer(round.id);
    } catch {
      return undefined;
    }
  }, [api, round.id]);
  const earlier = mine.value;

  if (results) {
    return (
      <Box role="status">
        <Typography variant="subtitle1" gutterBottom>
          Thanks! Your answer was recorded anonymously; you can change it while
          the round is open.
        </Typography>
        <SurveyResultsView results={results} questions={round.questions} />
      </Box>
    );
  }
  if (peeking) {
    return (
      <Box>
        <Typography variant="caption" color="textSecondary" component="p">
          {round.title} · open until {day(round.closesAt)} · results so far
        </Typography>
        <RoundResults round={round} />
        <Box mt={1}>
          <Button size="small" onClick={() => setPeeking(false)}>
            Back to the survey
          </Button>
        </Box>
      </Box>
    );
  }

  const scored = round.questions.filter(isScale);
  const choices = round.questions.filter(isChoice);
  const texts = round.questions.filter(q => q.kind === 'text');
  if (mine.loading) return <Progress />;
  if (earlier && !changing) {
    return (
      <Box>
        <Typography variant="caption" color="textSecondary" component="p">
          {round.title} · anonymous · open until {day(round.closesAt)}
        </Typography>
        <Typography variant="body2" component="p">
          You answered on {formatDay(earlier.submittedAt)} ·{' '}
          <Button
            size="small"
            color="primary"
            onClick={() => {
              setAnswers({ ...earlier.answers });
              setMore(texts.some(q => earlier.answers[q.id] !== undefined));
              setChanging(true);
            }}
          >
            Change your answer
          </Button>
        </Typography>
        {canManage && (
          <Box mt={1}>
            <Button size="small" onClick={() => setPeeking(true)}>
              See results so far
            </Button>
          </Box>
        )}
      </Box>
    );
  }

  const set = (id: string, v: number | number[] | string) =>
    setAnswers(a => ({ ...a, [id]: v }));
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // An emptied earlier answer is withdrawn (null); other empty ones are not sent.
      const empty = (v: SurveyAnswers[string]) =>
        v === '' || (Array.isArray(v) && v.length === 0);
      const given = Object.fromEntries(
        Object.entries(answers)
          .filter(([id, v]) => !empty(v) || earlier?.answers[id] !== undefined)
          .map(([id, v]) => [id, empty(v) ? null : v]),
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
        {round.title} · anonymous · open until {day(round.closesAt)}
      </Typography>
      {scored.map(q => (
        <ScoreQuestion
          key={q.id}
          question={q}
          value={answers[q.id] as number | undefined}
          onChange={v => set(q.id, v)}
        />
      ))}
      {choices.map(q => (
        <ChoiceQuestion
          key={q.id}
          question={q}
          value={answers[q.id] as number | number[] | undefined}
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
      <FormProblem>{error}</FormProblem>
      <Box mt={1}>
        <Button
          type="submit"
          color="primary"
          variant="contained"
          disabled={busy || Object.keys(answers).length === 0}
        >
          Send answers
        </Button>
        {canManage && (
          <Button onClick={() => setPeeking(true)} style={{ marginLeft: 8 }}>
            See results so far
          </Button>
        )}
      </Box>
    </form>
  );
}

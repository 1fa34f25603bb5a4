import {
  Content,
  EmptyState,
  Header,
  InfoCard,
  Link,
  Page,
} from '@backstage/core-components';
import { useApi, useRouteRefParams } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  MomentAnswerRequest,
  MomentPrompt,
} from '@system-product/backstage-plugin-common';
import { useState } from 'react';
import { systemProductApiRef } from '../../api/systemProductApiRef';
import { formatDay, relativeTime } from '../../format';
import { usePortfolioPath, usePrompt } from '../../hooks';
import { momentPromptRouteRef } from '../../routes';
import { AsyncState, reasonOf, statusOf } from '../AsyncState';
import {
  AnswerTextField,
  FormProblem,
  ScaleField,
  useDialogAction,
} from '../FormDialog';

/** The 1–5 scale of the `moment` question, each value with its words. */
const MOMENT_SCORES = (
  [
    [1, 'Very poor'],
    [2, 'Poor'],
    [3, 'Fair'],
    [4, 'Good'],
    [5, 'Very good'],
  ] as const
).map(([value, words]) => [value, `${value} – ${words}`] as const);

/** What became of a prompt on this page: answered here, or found answered, expired or gone when sent. */
type Outcome = 'sent' | 'answered' | 'expired' | 'gone';

/** A refused answer that says what became of the prompt, or undefined for another failure. */
function outcomeOfRefusal(e: unknown): Outcome | undefined {
  if (statusOf(e) === 404) return 'gone';
  if (statusOf(e) !== 409) return undefined;
  return /expired/i.test(reasonOf(e)) ? 'expired' : 'answered';
}

/** Where the reader goes from here: their other open prompts, on the portfolio page. */
function BackToPortfolio() {
  const portfolio = usePortfolioPath();
  return portfolio ? (
    <Link to={portfolio}>See your other open prompts</Link>
  ) : null;
}

/** A prompt that cannot be answered (any more), and why. */
function Closed(props: {
  outcome: Exclude<Outcome, 'sent'>;
  prompt?: MomentPrompt;
}) {
  const { outcome, prompt } = props;
  const texts: Record<typeof outcome, [string, string]> = {
    gone: [
      'This prompt is not yours, or it no longer exists',
      "Only the person a prompt went to can open it, and a prompt goes away when the system's owners remove its question. Your open prompts are listed on the System products page.",
    ],
    answered: [
      'You answered this already',
      'A prompt takes one answer, and yours is recorded: anonymous, and shown only in aggregate once enough people answered.',
    ],
    expired: [
      'This prompt has expired',
      `${
        prompt
          ? `It could be answered until ${formatDay(
              prompt.expiresAt,
            )} (${relativeTime(prompt.expiresAt)}). `
          : ''
      }A moment is asked only while what happened is fresh in mind, so answers are no longer taken.`,
    ],
  };
  const [title, description] = texts[outcome];
  return (
    <EmptyState
      missing="info"
      title={title}
      description={description}
      action={<BackToPortfolio />}
    />
  );
}

/** Thanks, and what happens to the answer. */
function Sent(props: { prompt: MomentPrompt }) {
  return (
    <InfoCard title="Thanks: your answer was recorded">
      <Box role="status">
        <Typography variant="body2" paragraph>
          Your answer is anonymous: the owners of{' '}
          <EntityRefLink entityRef={props.prompt.entityRef} /> see it only in
          aggregate, together with other people's answers, once enough people
          answered; never who said what.
        </Typography>
      </Box>
      <BackToPortfolio />
    </InfoCard>
  );
}

/** The one-screen form: which system, what happened, the question and the optional text question. */
function PromptForm(props: {
  prompt: MomentPrompt;
  onDone: (outcome: Outcome) => void;
}) {
  const { prompt, onDone } = props;
  const api = useApi(systemProductApiRef);
  const [score, setScore] = useState<number>();
  const [text, setText] = useState('');
  const { busy, failure, run } = useDialogAction(async () => {
    const answer: MomentAnswerRequest = { score: score! };
    if (prompt.textQuestion && text.trim()) answer.text = text.trim();
    try {
      await api.answerPrompt(prompt.id, answer);
      onDone('sent');
    } catch (e) {
      // A refusal that says what became of the prompt shows that instead.
      const outcome = outcomeOfRefusal(e);
      if (!outcome) throw e;
      onDone(outcome);
    }
  });

  return (
    <InfoCard title="One question">
      <form
        aria-label={prompt.question}
        onSubmit={e => {
          e.preventDefault();
          if (score) run();
        }}
      >
        <Typography variant="body2">
          System: <EntityRefLink entityRef={prompt.entityRef} />
        </Typography>
        <Typography variant="body2" gutterBottom>
          What happened: your {prompt.eventSummary},{' '}
          {relativeTime(prompt.promptedAt)}
        </Typography>
        <ScaleField
          legend={prompt.question}
          options={MOMENT_SCORES}
          value={score}
          onChange={setScore}
          fullWidth
        />
        {prompt.textQuestion && (
          <AnswerTextField
            id="moment-text"
            label={`${prompt.textQuestion} (optional)`}
            value={text}
            onChange={setText}
          />
        )}
        <Typography variant="caption" color="textSecondary" component="p">
          Anonymous: the owners see answers only in aggregate, once enough
          people answered. Open for your answer until{' '}
          {formatDay(prompt.expiresAt)}.
        </Typography>
        {failure && (
          <FormProblem spaced>
            Could not send your answer: {failure}
          </FormProblem>
        )}
        <Box mt={2}>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={!score || busy}
          >
            Send
          </Button>
        </Box>
      </form>
    </InfoCard>
  );
}

function PromptBody(props: { promptId: string }) {
  const { value, loading, error, retry } = usePrompt(props.promptId);
  const [outcome, setOutcome] = useState<Outcome>();
  if (statusOf(error) === 404 || outcome === 'gone') {
    return <Closed outcome="gone" />;
  }
  return (
    <AsyncState loading={loading} error={error} retry={retry} what="prompt">
      {() => {
        const prompt = value!;
        if (outcome === 'sent') return <Sent prompt={prompt} />;
        if (outcome === 'answered' || (!outcome && prompt.answered)) {
          return <Closed outcome="answered" />;
        }
        if (
          outcome === 'expired' ||
          Date.parse(prompt.expiresAt) <= Date.now()
        ) {
          return <Closed outcome="expired" prompt={prompt} />;
        }
        return <PromptForm prompt={prompt} onDone={setOutcome} />;
      }}
    </AsyncState>
  );
}

/**
 * `/system-products/prompts/:promptId`: a moment prompt's one-screen form,
 * where the notification to the person behind a delivery event links.
 */
export function MomentPromptPage() {
  const { promptId } = useRouteRefParams(momentPromptRouteRef);
  return (
    <Page themeId="home">
      <Header
        title="One question"
        subtitle="About something you just did, asked once and answered anonymously"
      />
      <Content>
        <PromptBody promptId={promptId} />
      </Content>
    </Page>
  );
}

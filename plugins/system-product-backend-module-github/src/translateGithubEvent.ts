import {
  DeliveryEventSubject,
  ExternalCommitEvent,
  ExternalDeliveryEvent,
} from '@system-product/backstage-plugin-node';

// The parts of GitHub's webhook payloads that this module reads; GitHub sends more.

/** An account: a person (`User`), a `Bot` (an app's) or an `Organization`. */
interface GithubAccount {
  login: string;
  type?: string;
}

interface GithubCommit {
  id: string;
  timestamp: string;
}

interface PushPayload {
  commits?: GithubCommit[];
  head_commit?: GithubCommit | null;
}

interface DeploymentStatusPayload {
  deployment_status: {
    state: string;
    environment?: string;
    created_at: string;
  };
  deployment: {
    id: number;
    sha: string;
    environment?: string;
    creator?: GithubAccount | null;
  };
  workflow?: { name?: string } | null;
  workflow_run?: {
    name?: string;
    actor?: GithubAccount | null;
    triggering_actor?: GithubAccount | null;
  } | null;
  sender?: GithubAccount;
}

interface WorkflowRunPayload {
  action: string;
  workflow?: { name?: string } | null;
  workflow_run: {
    id: number;
    run_attempt: number;
    name?: string | null;
    conclusion: string | null;
    run_started_at: string;
    updated_at: string;
    head_commit?: GithubCommit | null;
    actor?: GithubAccount | null;
    triggering_actor?: GithubAccount | null;
  };
  sender?: GithubAccount;
}

interface IssuesPayload {
  action: string;
  issue: {
    number: number;
    state?: string;
    created_at: string;
    closed_at?: string | null;
    labels?: Array<{ name: string }>;
    user?: GithubAccount | null;
  };
  sender?: GithubAccount;
}

/** What one GitHub webhook says, in delivery events of its repository. */
export interface TranslatedGithubEvent {
  subject: DeliveryEventSubject;
  events: ExternalDeliveryEvent[];
  /**
   * The GitHub login of the person behind the events (see `actorLoginOf`);
   * absent when the webhook names no person, only bots.
   */
  actorLogin?: string;
}

/**
 * Whether a deployment succeeded, by `deployment_status.state`. The other
 * states are steps on the way (`pending`, `queued`, `in_progress`,
 * `waiting` for an approval) or say that a newer deployment replaced this
 * one (`inactive`): not outcomes.
 */
const DEPLOYMENT_OUTCOMES = new Map([
  ['success', true],
  ['failure', false],
  ['error', false],
]);

/**
 * Whether a workflow run succeeded, by its `conclusion`. The others
 * (`cancelled`, `skipped`, `neutral`, `action_required`, `stale`) say what
 * people or GitHub did, not how the code fared.
 */
const RUN_OUTCOMES = new Map([
  ['success', true],
  ['failure', false],
  ['timed_out', false],
  ['startup_failure', false],
]);

/** The `issues` actions after which an issue's incident may have changed. */
const INCIDENT_ACTIONS = new Set(['opened', 'edited', 'labeled', 'closed']);
const INCIDENT_LABEL = 'incident';

/**
 * Turns one GitHub webhook, named by its `x-github-event` header, into the
 * delivery events of its repository, or undefined when it says nothing that
 * System Product measures (an event or action it does not map, a state that
 * is not an outcome, a payload without a repository such as an
 * organization's `ping`).
 */
export function translateGithubEvent(
  eventName: string,
  payload: unknown,
): TranslatedGithubEvent | undefined {
  const repository = (payload as { repository?: { full_name?: unknown } })
    ?.repository?.full_name;
  if (typeof repository !== 'string') {
    return undefined;
  }
  const idPrefix = `github:${repository.toLowerCase()}`;
  const events = eventsOf(eventName, payload, idPrefix);
  if (events.length === 0) {
    return undefined;
  }
  // Commits name nobody: a webhook of commits only needs no person.
  const actorLogin = events.some(event => event.type !== 'commit')
    ? actorLoginOf(eventName, payload)
    : undefined;
  return {
    subject: { source: 'github', key: repository },
    events,
    ...(actorLogin && { actorLogin }),
  };
}

/**
 * The login of the person behind a webhook's events: the first person among
 * the accounts that name them, in this order.
 *
 * - `deployment_status`: who asked for the deployment
 *   (`deployment.creator`); when an app created it (GitHub Pages'
 *   `github-pages[bot]`, Actions), who triggered the run that deployed
 *   (`workflow_run.triggering_actor`, then `workflow_run.actor`); then the
 *   webhook's `sender`.
 * - `workflow_run`: who triggered this attempt
 *   (`workflow_run.triggering_actor`, so a re-run is the re-runner's), then
 *   who triggered the run (`workflow_run.actor`), then `sender`.
 * - `issues`: who opened the issue (`issue.user`), as the sender of a later
 *   action (labelling, closing) did not report it; then `sender`.
 * - `push`: nobody. It gives only commits, and a commit is no event that a
 *   person is asked about (the `pusher` is not its author either).
 */
function actorLoginOf(eventName: string, payload: unknown): string | undefined {
  let accounts: Array<GithubAccount | null | undefined>;
  switch (eventName) {
    case 'deployment_status': {
      const {
        deployment,
        workflow_run: run,
        sender,
      } = payload as DeploymentStatusPayload;
      accounts = [
        deployment.creator,
        run?.triggering_actor,
        run?.actor,
        sender,
      ];
      break;
    }
    case 'workflow_run': {
      const { workflow_run: run, sender } = payload as WorkflowRunPayload;
      accounts = [run.triggering_actor, run.actor, sender];
      break;
    }
    case 'issues': {
      const { issue, sender } = payload as IssuesPayload;
      accounts = [issue.user, sender];
      break;
    }
    default:
      accounts = [];
  }
  return accounts.find(isPerson)?.login;
}

/**
 * Whether an account is a person's: of type `User` (GitHub's apps are of
 * type `Bot` and log in as `<app>[bot]`; an `Organization` is nobody).
 */
function isPerson(account: GithubAccount | null | undefined): boolean {
  return (
    typeof account?.login === 'string' &&
    account.login !== '' &&
    !account.login.endsWith('[bot]') &&
    (account.type === undefined || account.type === 'User')
  );
}

function eventsOf(
  eventName: string,
  payload: unknown,
  idPrefix: string,
): ExternalDeliveryEvent[] {
  switch (eventName) {
    case 'push':
      return pushEvents(payload as PushPayload);
    case 'deployment_status':
      return deploymentStatusEvents(
        payload as DeploymentStatusPayload,
        idPrefix,
      );
    case 'workflow_run':
      return workflowRunEvents(payload as WorkflowRunPayload, idPrefix);
    case 'issues':
      return issueEvents(payload as IssuesPayload, idPrefix);
    default:
      return [];
  }
}

/** Every commit of a push, for the lead time of the deployments that name one. */
function pushEvents(payload: PushPayload): ExternalDeliveryEvent[] {
  return commitEvents([...(payload.commits ?? []), payload.head_commit]);
}

/**
 * A finished deployment. Its time is the status's `created_at`: GitHub
 * creates a status for each step, so the success or failure status is
 * created when the deployment finished (the deployment's own `created_at`
 * is when it was asked for). The commit's time is not in the payload; the
 * backend takes it from the repository's pushes.
 */
function deploymentStatusEvents(
  payload: DeploymentStatusPayload,
  idPrefix: string,
): ExternalDeliveryEvent[] {
  const { deployment_status: status, deployment } = payload;
  const succeeded = DEPLOYMENT_OUTCOMES.get(status.state);
  if (succeeded === undefined) {
    return [];
  }
  // GitHub keeps the letter case people type (`Production`); the product's
  // production is `production`.
  const environment = (
    status.environment ?? deployment.environment
  )?.toLowerCase();
  const pipeline = nonEmpty(
    payload.workflow_run?.name ?? payload.workflow?.name,
  );
  return [
    {
      type: 'deployment',
      id: `${idPrefix}:deployment:${deployment.id}`,
      deployTime: status.created_at,
      succeeded,
      commitSha: deployment.sha,
      ...(environment && { environment }),
      ...(pipeline && { pipeline }),
    },
  ];
}

/**
 * A completed run of a workflow as a build, one per attempt (a re-run is a
 * new attempt of the same run), and the commit it ran on. A run is
 * completed when it is last updated, so `updated_at` is its end;
 * `run_started_at` is when this attempt started.
 */
function workflowRunEvents(
  payload: WorkflowRunPayload,
  idPrefix: string,
): ExternalDeliveryEvent[] {
  if (payload.action !== 'completed') {
    return [];
  }
  const run = payload.workflow_run;
  const commits = commitEvents([run.head_commit]);
  const succeeded = RUN_OUTCOMES.get(run.conclusion ?? '');
  if (succeeded === undefined) {
    return commits;
  }
  const pipeline = nonEmpty(run.name) ?? nonEmpty(payload.workflow?.name);
  return [
    {
      type: 'build',
      id: `${idPrefix}:workflow_run:${run.id}:${run.run_attempt}`,
      finished: run.updated_at,
      succeeded,
      durationSeconds:
        (Date.parse(run.updated_at) - Date.parse(run.run_started_at)) / 1000,
      ...(pipeline && { pipeline }),
    },
    ...commits,
  ];
}

/**
 * An issue labelled `incident`, as an incident from its opening to its
 * closing. GitHub does not say when people knew of it, so it has no
 * `detected`. A closed issue keeps its `closed_at` when reopened, so only
 * a closed one is resolved.
 */
function issueEvents(
  payload: IssuesPayload,
  idPrefix: string,
): ExternalDeliveryEvent[] {
  const { action, issue } = payload;
  const isIncident = (issue.labels ?? []).some(
    label => label.name.toLowerCase() === INCIDENT_LABEL,
  );
  if (!INCIDENT_ACTIONS.has(action) || !isIncident) {
    return [];
  }
  const resolved = issue.state === 'closed' ? issue.closed_at : undefined;
  return [
    {
      type: 'incident',
      id: `${idPrefix}:issue:${issue.number}`,
      started: issue.created_at,
      ...(resolved && { resolved }),
    },
  ];
}

/** One commit event per sha: a push's head commit is one of its commits too. */
function commitEvents(
  commits: Array<GithubCommit | null | undefined>,
): ExternalCommitEvent[] {
  const bySha = new Map<string, ExternalCommitEvent>();
  for (const commit of commits) {
    if (commit) {
      bySha.set(commit.id, {
        type: 'commit',
        sha: commit.id,
        time: commit.timestamp,
      });
    }
  }
  return [...bySha.values()];
}

/** A name, unless GitHub sent an empty one (its example of a completed run has `name: ""`). */
function nonEmpty(name: string | null | undefined): string | undefined {
  return name?.trim() ? name : undefined;
}

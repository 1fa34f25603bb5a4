import {
  DeliveryEventSubject,
  ExternalBuildEvent,
  ExternalCommitEvent,
  ExternalDeliveryEvent,
  ExternalDeploymentEvent,
} from '@system-product/backstage-plugin-node';
import { parseGitlabTime } from './parseGitlabTime';

/**
 * The GitLab user behind a hook's events.
 *
 * @public
 */
export interface GitlabActorUser {
  /** `user.username`. */
  username: string;
  /**
   * The user's profile page (`https://gitlab.example.com/jane`), which
   * Backstage's GitLab org provider writes in the annotation
   * `<GitLab host>/user-login` of the User entity.
   */
  webUrl: string;
}

/**
 * What one GitLab webhook became.
 *
 * @public
 */
export interface GitlabTranslation {
  /** The project the hook is about; absent when the hook names none. */
  subject?: DeliveryEventSubject;
  /** Its delivery events, none when nothing in it is one. */
  events: ExternalDeliveryEvent[];
  /** Why the hook, or a part of it, became no event: one sentence each. */
  ignored: string[];
  /**
   * Who triggered the pipeline or the deployment (`user`); absent for a
   * bot, a hook without a user and one of commits only, which name nobody.
   */
  actorUser?: GitlabActorUser;
}

/** Finished pipelines and deployments: did it succeed? */
const OUTCOMES = new Map([
  ['success', true],
  ['failed', false],
]);

const NOT_FINISHED =
  'has not finished; GitLab sends another hook when its status changes';

/** Why a pipeline of each other status of GitLab is no build. */
const PIPELINE_IGNORED = new Map([
  ['created', NOT_FINISHED],
  ['waiting_for_resource', NOT_FINISHED],
  ['preparing', NOT_FINISHED],
  ['waiting_for_callback', NOT_FINISHED],
  ['pending', NOT_FINISHED],
  ['running', NOT_FINISHED],
  ['scheduled', NOT_FINISHED],
  ['canceling', NOT_FINISHED],
  [
    'manual',
    'waits for someone to start a manual job; GitLab sends another hook when it goes on',
  ],
  [
    'canceled',
    'was stopped by someone or by a newer pipeline, so it neither passed nor failed',
  ],
  ['skipped', 'ran no job, so it neither passed nor failed'],
]);

/** Why a deployment of each other status of GitLab is no deployment. */
const DEPLOYMENT_IGNORED = new Map([
  ['created', NOT_FINISHED],
  ['running', NOT_FINISHED],
  [
    'blocked',
    'waits for an approval or a manual job; GitLab sends another hook when it goes on',
  ],
  ['canceled', 'was stopped, so it neither succeeded nor failed'],
  ['skipped', 'never ran'],
]);

/**
 * Translates a GitLab webhook's payload into System Product delivery
 * events: a finished pipeline (Pipeline Hook, `object_kind: pipeline`)
 * into a build and its commit, a finished deployment (Deployment Hook,
 * `object_kind: deployment`) into a deployment. The payload is all it
 * reads, because events that travel through Backstage's event bus between
 * instances lose the HTTP headers. Pure: no I/O, no clock.
 *
 * @public
 */
export function translateGitlabEvent(payload: unknown): GitlabTranslation {
  const hook = asRecord(payload);
  switch (hook.object_kind) {
    case 'pipeline':
      return translatePipelineHook(hook);
    case 'deployment':
      return translateDeploymentHook(hook);
    default:
      return {
        events: [],
        ignored: [
          `object_kind ${String(
            hook.object_kind,
          )} is neither a pipeline nor a deployment hook`,
        ],
      };
  }
}

function translatePipelineHook(
  hook: Record<string, unknown>,
): GitlabTranslation {
  const path = projectPath(hook);
  if (!path) return noProject('pipeline');
  const commit = pipelineCommit(hook.commit);
  const build = pipelineBuild(path, asRecord(hook.object_attributes));
  const events: ExternalDeliveryEvent[] = [];
  const ignored: string[] = [];
  for (const part of [build, commit]) {
    if (typeof part === 'string') ignored.push(part);
    else events.push(part);
  }
  const actorUser = typeof build === 'string' ? undefined : actorOf(hook);
  return {
    subject: subjectOf(path),
    events,
    ignored,
    ...(actorUser && { actorUser }),
  };
}

/**
 * The build of a finished pipeline, or why there is none. Each status
 * change of a pipeline is a hook, so the build is the one with status
 * `success` or `failed`; a pipeline retried after failing sends `success`
 * later with the same id, which replaces the failure.
 */
function pipelineBuild(
  path: string,
  attributes: Record<string, unknown>,
): ExternalBuildEvent | string {
  const status = String(attributes.status);
  const id = idOf(attributes.id);
  const succeeded = OUTCOMES.get(status);
  if (succeeded === undefined) {
    return `pipeline ${id ?? '?'} of ${path}: status ${status} ${
      PIPELINE_IGNORED.get(status) ?? 'is not one this module knows'
    }`;
  }
  if (id === undefined) {
    return `pipeline of ${path}: no object_attributes.id, so it has no stable event id`;
  }
  const finished = parseGitlabTime(attributes.finished_at);
  if (!finished) {
    return `pipeline ${id} of ${path}: no readable object_attributes.finished_at, so when it finished cannot be known`;
  }
  const durationSeconds = pipelineDurationSeconds(attributes, finished);
  if (durationSeconds === undefined) {
    return `pipeline ${id} of ${path}: no duration, and no created_at before finished_at, so how long it ran cannot be known (a build needs it)`;
  }
  return {
    type: 'build',
    id: eventId(path, 'pipeline', id),
    finished,
    succeeded,
    durationSeconds,
    pipeline: nonEmptyString(attributes.name) ?? path,
  };
}

/**
 * GitLab's `duration`: the seconds its jobs ran, queueing left out. When
 * GitLab gives none (a pipeline that failed before any job ran), the time
 * from `created_at` to `finished_at`, which is the best that can be known
 * and includes the queueing; with no `created_at`, nothing.
 */
function pipelineDurationSeconds(
  attributes: Record<string, unknown>,
  finished: string,
): number | undefined {
  const duration = attributes.duration;
  if (
    typeof duration === 'number' &&
    Number.isFinite(duration) &&
    duration >= 0
  ) {
    return duration;
  }
  const created = parseGitlabTime(attributes.created_at);
  if (!created) return undefined;
  const seconds = (Date.parse(finished) - Date.parse(created)) / 1000;
  return seconds >= 0 ? seconds : undefined;
}

/**
 * The pipeline's commit with its time (`commit.timestamp`, GitLab's
 * committer date), from which the backend computes the lead time of the
 * deployments of that sha. Every hook of the pipeline carries it, finished
 * or not, so it is recorded from the first: a deployment job may finish
 * before its pipeline does, or the pipeline may never finish.
 */
function pipelineCommit(value: unknown): ExternalCommitEvent | string {
  const commit = asRecord(value);
  const sha = fullSha(commit.id);
  const time = parseGitlabTime(commit.timestamp);
  if (!sha || !time) {
    return 'the pipeline names no commit with a full sha (commit.id) and a readable commit.timestamp, so no commit time is recorded';
  }
  return { type: 'commit', sha, time };
}

function translateDeploymentHook(
  hook: Record<string, unknown>,
): GitlabTranslation {
  const path = projectPath(hook);
  if (!path) return noProject('deployment');
  const deployment = deploymentOf(path, hook);
  if (typeof deployment === 'string') {
    return { subject: subjectOf(path), events: [], ignored: [deployment] };
  }
  const actorUser = actorOf(hook);
  return {
    subject: subjectOf(path),
    events: [deployment],
    ignored: [],
    ...(actorUser && { actorUser }),
  };
}

/**
 * The deployment of a finished Deployment Hook, or why there is none. The
 * hook gives no commit time, so the deployment names its commit by sha and
 * the backend takes the time from the pipeline hooks of the same project.
 */
function deploymentOf(
  path: string,
  hook: Record<string, unknown>,
): ExternalDeploymentEvent | string {
  const status = String(hook.status);
  const id = idOf(hook.deployment_id);
  const succeeded = OUTCOMES.get(status);
  if (succeeded === undefined) {
    return `deployment ${id ?? '?'} of ${path}: status ${status} ${
      DEPLOYMENT_IGNORED.get(status) ?? 'is not one this module knows'
    }`;
  }
  if (id === undefined) {
    return `deployment of ${path}: no deployment_id (older GitLab versions send none), so it has no stable event id`;
  }
  const deployTime = parseGitlabTime(hook.status_changed_at);
  if (!deployTime) {
    return `deployment ${id} of ${path}: no readable status_changed_at, so when it finished cannot be known`;
  }
  const environment =
    nonEmptyString(hook.environment_tier) ?? nonEmptyString(hook.environment);
  const commitSha = deployedSha(hook);
  return {
    type: 'deployment',
    id: eventId(path, 'deployment', id),
    deployTime,
    succeeded,
    ...(environment && { environment }),
    ...(commitSha && { commitSha }),
  };
}

/**
 * The deployed commit's full sha. The Deployment Hook has no field with it,
 * only `short_sha` (8 characters, too short to join with commits) and
 * `commit_url`, which ends in the full sha (`…/-/commit/<sha>`). The sha is
 * taken from the URL when it is a full sha that begins with `short_sha`;
 * otherwise it is left unknown, and so is the lead time.
 */
function deployedSha(hook: Record<string, unknown>): string | undefined {
  if (typeof hook.commit_url !== 'string') return undefined;
  const path = hook.commit_url.split(/[?#]/)[0];
  const sha = fullSha(path.slice(path.lastIndexOf('/') + 1));
  const short = nonEmptyString(hook.short_sha)?.toLowerCase();
  if (!sha || !path.includes('/commit/')) return undefined;
  return short === undefined || sha.startsWith(short) ? sha : undefined;
}

/**
 * Who triggered the pipeline (`user` of a Pipeline Hook) or the deployment
 * (`user` of a Deployment Hook, its `deployed_by`), unless a bot. Their
 * profile page is the Deployment Hook's `user_url`; a Pipeline Hook has
 * none, but GitLab serves profiles at `<GitLab URL>/<username>` and projects
 * at `<GitLab URL>/<path_with_namespace>`, so it is the project's `web_url`
 * with the project's path replaced by the username.
 */
function actorOf(hook: Record<string, unknown>): GitlabActorUser | undefined {
  const username = nonEmptyString(asRecord(hook.user).username);
  if (!username || isBot(username)) return undefined;
  const webUrl = httpUrl(hook.user_url) ?? profileUrlOf(hook, username);
  return webUrl ? { username, webUrl } : undefined;
}

/**
 * The bot users of project and group access tokens, which GitLab names
 * `project_<id>_bot…` and `group_<id>_bot…`.
 */
function isBot(username: string): boolean {
  return /^(project|group)_\d+_bot/i.test(username);
}

function profileUrlOf(
  hook: Record<string, unknown>,
  username: string,
): string | undefined {
  const projectUrl = httpUrl(asRecord(hook.project).web_url);
  const suffix = `/${projectPath(hook)}`;
  return projectUrl?.endsWith(suffix)
    ? `${projectUrl.slice(0, -suffix.length)}/${username}`
    : undefined;
}

function httpUrl(value: unknown): string | undefined {
  return typeof value === 'string' && /^https?:\/\/[^/]/i.test(value)
    ? value
    : undefined;
}

/** A SHA-1 (40) or SHA-256 (64) object name, lower-cased as git writes it. */
function fullSha(value: unknown): string | undefined {
  return typeof value === 'string' &&
    /^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(value)
    ? value.toLowerCase()
    : undefined;
}

function projectPath(hook: Record<string, unknown>): string | undefined {
  return nonEmptyString(asRecord(hook.project).path_with_namespace);
}

function subjectOf(path: string): DeliveryEventSubject {
  return { source: 'gitlab', key: path };
}

function noProject(kind: string): GitlabTranslation {
  return {
    events: [],
    ignored: [
      `the ${kind} hook has no project.path_with_namespace, so no entity can claim it`,
    ],
  };
}

/** `gitlab:<project lower-cased>:<kind>:<GitLab's id>`, the same for every redelivery. */
function eventId(path: string, kind: string, id: string): string {
  return `gitlab:${path.toLowerCase()}:${kind}:${id}`;
}

/** GitLab's numeric ids, as text. */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
    return String(value);
  }
  return typeof value === 'string' && /^\d+$/.test(value) ? value : undefined;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

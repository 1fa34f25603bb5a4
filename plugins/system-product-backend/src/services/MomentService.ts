import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { randomUUID } from 'node:crypto';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  DeliveryEventType,
  MomentAnswerRequest,
  MomentPrompt,
  MomentTrigger,
  MomentTriggerRequest,
  momentPromptPath,
  normalPagePath,
  pagePathMatches,
  systemProductSurveyRoundManagePermission,
} from '@system-product/backstage-plugin-common';
import { JourneyStore } from '../database/JourneyStore';
import {
  MomentPromptRecord,
  MomentStore,
  MomentTriggerRecord,
} from '../database/MomentStore';
import { SurveyStore } from '../database/SurveyStore';
import { MomentSettings } from '../config';
import { EntityAccess, principalRef } from './EntityAccess';
import { FieldChecker } from './FieldChecker';
import type { ClosingTheLoop } from './ClosingTheLoop';
import { RespondentKeys } from './RespondentKeys';

/**
 * The scope of a person's prompt key: one for all systems, so that the
 * fatigue cap counts every prompt of one person, and different from every
 * round's and entity's, so that it links to none of their answers.
 */
const PROMPT_SCOPE = 'system-product-moment-prompts';
/** The highest score that counts as friction on the trigger's touchpoint. */
const FRICTION_SCORE = 3;
/** Event types whose events have an outcome (`succeeded`). */
const WITH_OUTCOME: DeliveryEventType[] = ['deployment', 'build'];

/** A stored delivery event, or a page visit, whose actor a trigger may prompt. */
export interface MomentCandidate {
  entityRef: string;
  eventId: string;
  /** A delivery event's type, or `page` for a visit (its path is the name). */
  type: DeliveryEventType | 'page';
  succeeded: boolean | null;
  environment: string | null;
  name: string | null;
  occurredAt: Date;
  /** The user entity ref of the person behind it. */
  actor: string;
}

/** Why a candidate got no prompt, for the debug log and tests. */
export type MomentSkip =
  | 'no trigger'
  | 'too old'
  | 'not sampled'
  | 'cooldown'
  | 'cap'
  | 'prompted already';

/**
 * Moments: micro-surveys that delivery events trigger. An owner defines
 * triggers; the person behind a matching event may get a prompt (a
 * notification linking to a one-question form), sampled, at most once per
 * trigger in its cooldown, and at most `cap.prompts` in `cap.days` across
 * every trigger of every system, never for an event older than
 * `maxEventAge`. Answers join the trigger's round of the month: k-anonymous
 * and published in steps of k like every survey round.
 */
export class MomentService {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(
    private readonly deps: {
      store: MomentStore;
      surveys: SurveyStore;
      journeys: JourneyStore;
      access: EntityAccess;
      keys: RespondentKeys;
      settings: MomentSettings;
      logger: LoggerService;
      notifications?: NotificationService;
      /** The entity, read as the plugin (for the notification's wording). */
      entityOf: (entityRef: string) => Promise<Entity | undefined>;
      /** Told of the entity whose moment answers changed (their SLIs). */
      onAnswered?: (entityRef: string) => void;
      /** Who to tell when the trigger's touchpoint is improved. */
      loop?: Pick<ClosingTheLoop, 'follow'>;
      /** Sampling; `Math.random` unless a test sets it. */
      random?: () => number;
      now?: () => number;
    },
  ) {
    this.random = deps.random ?? Math.random;
    this.now = deps.now ?? Date.now;
  }

  async listTriggers(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<MomentTrigger[]> {
    const entity = await this.deps.access.getVisibleEntity(ref, credentials);
    const triggers = await this.deps.store.listTriggers(
      stringifyEntityRef(entity),
    );
    return this.withRounds(triggers);
  }

  async createTrigger(
    ref: CompoundEntityRef,
    body: MomentTriggerRequest,
    credentials: BackstageCredentials,
  ): Promise<MomentTrigger> {
    const entity = await this.deps.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    // The schema checked each field; the rules across fields are left.
    const check = new FieldChecker();
    const outcome = body.outcome ?? 'any';
    const onPage = body.eventType === 'page';
    if (onPage && body.page === undefined) {
      check.problem('page', 'is required for a page trigger');
    }
    if (!onPage && body.page !== undefined) {
      check.problem('page', 'applies to page triggers only');
    }
    if (
      outcome !== 'any' &&
      !WITH_OUTCOME.includes(body.eventType as DeliveryEventType)
    ) {
      check.problem(
        'outcome',
        `applies to ${WITH_OUTCOME.join(' and ')} events only`,
      );
    }
    if (body.environment !== undefined && body.eventType !== 'deployment') {
      check.problem('environment', 'applies to deployment events only');
    }
    check.throwIfAny();
    await this.deps.access.authorizeChange(
      entityRef,
      systemProductSurveyRoundManagePermission,
      credentials,
    );
    if (
      body.touchpointId !== undefined &&
      !(await this.deps.journeys.touchpointExists(entityRef, body.touchpointId))
    ) {
      check.problem('touchpointId', `is not a touchpoint of ${entityRef}`);
      check.throwIfAny();
    }
    const trigger = await this.deps.store.createTrigger({
      entityRef,
      eventType: body.eventType,
      outcome,
      environment: body.environment ?? null,
      page: onPage ? normalPagePath(body.page!) : null,
      touchpointId: body.touchpointId ?? null,
      question: body.question.trim(),
      textQuestion: body.textQuestion?.trim() ?? null,
      sampleRate: body.sampleRate,
      cooldownDays: body.cooldownDays,
      createdBy: principalRef(credentials),
    });
    return { ...publicTrigger(trigger), rounds: [] };
  }

  async deleteTrigger(
    ref: CompoundEntityRef,
    triggerId: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const entity = await this.deps.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    await this.deps.access.authorizeChange(
      entityRef,
      systemProductSurveyRoundManagePermission,
      credentials,
    );
    if (!(await this.deps.store.deleteTrigger(entityRef, triggerId))) {
      throw new NotFoundError(
        `${entityRef} has no moment trigger ${triggerId}`,
      );
    }
  }

  /**
   * Considers newly stored events for prompts, one after another in the
   * background (so that the cap holds within this process); what fails is
   * logged.
   */
  eventsStored(candidates: MomentCandidate[]): void {
    if (candidates.length === 0) return;
    this.queue = this.queue.then(async () => {
      for (const candidate of candidates) {
        try {
          await this.consider(candidate);
        } catch (error) {
          this.deps.logger.error(
            `Could not consider event ${candidate.eventId} of ${candidate.entityRef} for a moment prompt: ${error}`,
          );
        }
      }
    });
  }

  /** Resolves once every event handed over so far was considered (tests). */
  async settled(): Promise<void> {
    await this.queue;
  }

  /** Runs `work` after everything queued before it, as the cap needs. */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * The portal paths whose visits may prompt the caller: the page triggers
   * of entities they can see, each path once, sorted.
   */
  async pagesFor(credentials: BackstageCredentials): Promise<string[]> {
    const triggers = await this.deps.store.listPageTriggers();
    const visible = await this.visibleEntities(
      triggers.map(t => t.entityRef),
      credentials,
    );
    return [
      ...new Set(
        triggers.filter(t => visible.has(t.entityRef)).map(t => t.page!),
      ),
    ].sort();
  }

  /**
   * The caller visited a portal page: the first entity (oldest trigger
   * first) whose page trigger matches and samples the visit prompts them,
   * under the same cooldowns and cap as delivery events. The prompt is for
   * the portal to show at once, so no notification goes out.
   */
  async pageVisited(
    path: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<MomentPrompt | null> {
    const triggers = (await this.deps.store.listPageTriggers()).filter(
      t => t.page !== null && pagePathMatches(t.page, path),
    );
    const entityRefs = [...new Set(triggers.map(t => t.entityRef))];
    const visible = await this.visibleEntities(entityRefs, credentials);
    return this.serialized(async () => {
      for (const entityRef of entityRefs.filter(ref => visible.has(ref))) {
        const result = await this.consider(
          {
            entityRef,
            eventId: `visit-${randomUUID()}`,
            type: 'page',
            succeeded: null,
            environment: null,
            name: normalPagePath(path),
            occurredAt: new Date(this.now()),
            actor: credentials.principal.userEntityRef,
          },
          { notify: false },
        );
        if ('prompt' in result) {
          const trigger = triggers.find(t => t.id === result.prompt.triggerId)!;
          return publicPrompt(result.prompt, trigger);
        }
        if (result.skipped === 'cap') return null;
      }
      return null;
    });
  }

  private async visibleEntities(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const visible = new Set<string>();
    for (const entityRef of new Set(entityRefs)) {
      try {
        await this.deps.access.getVisibleEntity(
          parseEntityRef(entityRef),
          credentials,
        );
        visible.add(entityRef);
      } catch (error) {
        if ((error as Error).name !== 'NotFoundError') throw error;
      }
    }
    return visible;
  }

  /**
   * Prompts the candidate's actor for the first of the entity's matching
   * triggers that samples the event, unless its cooldown or the cap says
   * no; answers what it did.
   */
  async consider(
    candidate: MomentCandidate,
    options: { notify?: boolean } = {},
  ): Promise<{ prompt: MomentPromptRecord } | { skipped: MomentSkip }> {
    const { store, keys, settings } = this.deps;
    const triggers = (
      await store.listTriggers(candidate.entityRef, candidate.type)
    ).filter(t => matches(t, candidate));
    if (triggers.length === 0) return { skipped: 'no trigger' };
    const now = this.now();
    if (now - candidate.occurredAt.getTime() > settings.maxEventAgeMs) {
      return { skipped: 'too old' };
    }
    const personKey = keys.keyFor(PROMPT_SCOPE, candidate.actor);
    let skipped: MomentSkip = 'not sampled';
    for (const trigger of triggers) {
      if (this.random() >= trigger.sampleRate) continue;
      const cooldownStart = new Date(now - trigger.cooldownDays * 86_400_000);
      if (await store.promptedSince(trigger.id, personKey, cooldownStart)) {
        skipped = 'cooldown';
        continue;
      }
      const capStart = new Date(now - settings.cap.days * 86_400_000);
      if (
        (await store.countPromptsSince(personKey, capStart)) >=
        settings.cap.prompts
      ) {
        return { skipped: 'cap' };
      }
      const prompt = await store.createPrompt({
        triggerId: trigger.id,
        personKey,
        eventId: candidate.eventId,
        eventSummary: summaryOf(candidate),
        promptedAt: new Date(now).toISOString(),
        expiresAt: new Date(now + settings.answerWithinMs).toISOString(),
      });
      if (!prompt) return { skipped: 'prompted already' };
      if (options.notify ?? true) await this.notify(candidate, trigger, prompt);
      return { prompt };
    }
    return { skipped };
  }

  private async notify(
    candidate: MomentCandidate,
    trigger: MomentTriggerRecord,
    prompt: MomentPromptRecord,
  ): Promise<void> {
    const { notifications, logger, entityOf } = this.deps;
    if (!notifications) return;
    try {
      const entity = await entityOf(candidate.entityRef);
      const name =
        entity?.metadata.title ??
        entity?.metadata.name ??
        parseEntityRef(candidate.entityRef).name;
      await notifications.send({
        recipients: { type: 'entity', entityRef: candidate.actor },
        payload: {
          title: `${name}: ${trigger.question}`,
          description: `About your ${prompt.eventSummary}. One question, anonymous: answers are shown only in aggregate, once enough people answered.`,
          link: momentPromptPath(prompt.id),
          severity: 'normal',
          topic: 'system-product-moment',
        },
      });
    } catch (error) {
      logger.error(
        `Could not send moment prompt ${prompt.id} of trigger ${trigger.id}: ${error}`,
      );
    }
  }

  /** The calling user's open prompts, newest first. */
  async myPrompts(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<MomentPrompt[]> {
    const open = await this.deps.store.openPrompts(
      this.personKey(credentials),
      new Date(this.now()),
    );
    const prompts: MomentPrompt[] = [];
    for (const prompt of open) {
      const trigger = await this.deps.store.getTrigger(prompt.triggerId);
      if (trigger) prompts.push(publicPrompt(prompt, trigger));
    }
    return prompts;
  }

  async getPrompt(
    promptId: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<MomentPrompt> {
    const { prompt, trigger } = await this.ownPrompt(promptId, credentials);
    return publicPrompt(prompt, trigger);
  }

  /**
   * Records the answer to a prompt, once, before it expires: into the
   * trigger's round of this month (one response per person and round, as in
   * every round), and, for a score of 3 or less on a trigger about a
   * touchpoint, as friction there (severity 6 − score).
   */
  async answerPrompt(
    promptId: string,
    body: MomentAnswerRequest,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<{ status: 'recorded'; roundId: string }> {
    const { store, surveys, journeys, keys } = this.deps;
    const { prompt, trigger } = await this.ownPrompt(promptId, credentials);
    const text = (body.text ?? '').trim();
    if (text && trigger.textQuestion === null) {
      const check = new FieldChecker();
      check.problem('text', 'is not asked by this prompt');
      check.throwIfAny();
    }
    const now = new Date(this.now());
    if (prompt.answeredAt) {
      throw new ConflictError(`Prompt ${promptId} was answered already`);
    }
    if (now.getTime() >= Date.parse(prompt.expiresAt)) {
      throw new ConflictError(
        `Prompt ${promptId} expired at ${prompt.expiresAt}`,
      );
    }
    const opensAt = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1),
    );
    const closesAt = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1),
    );
    const round = await surveys.momentRound({
      triggerId: trigger.id,
      entityRef: trigger.entityRef,
      title: `${trigger.question} (${opensAt.toISOString().slice(0, 7)})`,
      opensAt,
      closesAt,
    });
    // Claimed first, so that two answers at once record one.
    if (!(await store.markAnswered(prompt.id, now))) {
      throw new ConflictError(`Prompt ${promptId} was answered already`);
    }
    const user = credentials.principal.userEntityRef;
    await surveys.answer({
      roundId: round.id,
      respondentKey: keys.keyFor(round.id, user),
      answer: {
        scored: { moment: body.score },
        text: text ? { 'moment-text': text } : {},
      },
    });
    const { touchpointId } = trigger;
    if (
      touchpointId &&
      (await journeys.touchpointExists(trigger.entityRef, touchpointId))
    ) {
      if (body.score <= FRICTION_SCORE) {
        await journeys.addFrictionReport({
          entityRef: trigger.entityRef,
          touchpointId,
          severity: 6 - body.score,
          text: '',
          reporterKey: keys.keyFor(trigger.entityRef, user),
        });
      }
      await this.deps.loop?.follow(trigger.entityRef, touchpointId, user);
    }
    this.deps.onAnswered?.(trigger.entityRef);
    return { status: 'recorded', roundId: round.id };
  }

  /** The prompt if it went to the caller and they can see its entity; else 404. */
  private async ownPrompt(
    promptId: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<{ prompt: MomentPromptRecord; trigger: MomentTriggerRecord }> {
    const notFound = () => new NotFoundError(`No prompt ${promptId}`);
    const prompt = await this.deps.store.getPrompt(promptId);
    if (!prompt || prompt.personKey !== this.personKey(credentials)) {
      throw notFound();
    }
    const trigger = await this.deps.store.getTrigger(prompt.triggerId);
    if (!trigger) throw notFound();
    await this.deps.access.assertResourceVisible(
      trigger.entityRef,
      credentials,
      notFound,
    );
    return { prompt, trigger };
  }

  private personKey(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): string {
    return this.deps.keys.keyFor(
      PROMPT_SCOPE,
      credentials.principal.userEntityRef,
    );
  }

  private async withRounds(
    triggers: MomentTriggerRecord[],
  ): Promise<MomentTrigger[]> {
    const rounds = await this.deps.store.roundsOf(triggers.map(t => t.id));
    return triggers.map(t => ({
      ...publicTrigger(t),
      rounds: rounds.get(t.id) ?? [],
    }));
  }
}

/** Whether the candidate is an event the trigger asks about. */
function matches(trigger: MomentTriggerRecord, c: MomentCandidate): boolean {
  if (trigger.eventType !== c.type) return false;
  if (c.type === 'page') {
    return trigger.page !== null && pagePathMatches(trigger.page, c.name ?? '');
  }
  if (trigger.outcome === 'succeeded' && c.succeeded !== true) return false;
  if (trigger.outcome === 'failed' && c.succeeded !== false) return false;
  if (trigger.environment !== null && trigger.environment !== c.environment) {
    return false;
  }
  return true;
}

/** "deployment to production, succeeded", "build, failed", "ticket". */
export function summaryOf(
  c: Pick<MomentCandidate, 'type' | 'succeeded' | 'environment' | 'name'>,
): string {
  if (c.type === 'page') return `visit to ${c.name}`.slice(0, 300);
  const what =
    c.type === 'custom' && c.name ? `${c.name} event` : c.type.toString();
  const where = c.environment ? ` to ${c.environment}` : '';
  let outcome = '';
  if (c.succeeded !== null) outcome = c.succeeded ? ', succeeded' : ', failed';
  return `${what}${where}${outcome}`.slice(0, 300);
}

function publicTrigger(t: MomentTriggerRecord): Omit<MomentTrigger, 'rounds'> {
  return {
    id: t.id,
    entityRef: t.entityRef,
    eventType: t.eventType as MomentTrigger['eventType'],
    outcome: t.outcome,
    environment: t.environment,
    page: t.page,
    touchpointId: t.touchpointId,
    question: t.question,
    textQuestion: t.textQuestion,
    sampleRate: t.sampleRate,
    cooldownDays: t.cooldownDays,
    createdAt: t.createdAt,
  };
}

function publicPrompt(
  p: MomentPromptRecord,
  t: MomentTriggerRecord,
): MomentPrompt {
  return {
    id: p.id,
    entityRef: t.entityRef,
    question: t.question,
    textQuestion: t.textQuestion,
    eventSummary: p.eventSummary,
    promptedAt: p.promptedAt,
    expiresAt: p.expiresAt,
    answered: p.answeredAt !== null,
  };
}

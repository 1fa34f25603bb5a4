import {
  AuditorService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ANNOTATION_SURVEY,
  SCORE_RANGES,
  ScoredQuestionResult,
  SurveyResults,
  SurveyQuestionKind,
  SurveyRound,
  ValueCounts,
  getSystemProductUsers,
  meanValue,
  netPromoterScore,
  systemProductSurveyRoundManagePermission,
  topTwoBoxScore,
  entityPagePath,
} from '@system-product/backstage-plugin-common';
import { StoredAnswer, SurveyStore } from '../database/SurveyStore';
import { audited, auditedChange } from './audited';
import { EntityAccess, principalRef } from './EntityAccess';
import { FieldChecker } from './FieldChecker';
import { RespondentKeys, keyedIdentity } from './RespondentKeys';

const DEFAULT_TEMPLATE = 'platform-pulse';
const MAX_TEXT = 2000;
const MAX_ROUND_DAYS = 366;
/** Free-text answers shown per question, newest first. */
const TEXT_ANSWERS_SHOWN = 50;

/** Body of `POST .../surveys`. */
export interface OpenRoundRequest {
  title?: unknown;
  templateId?: unknown;
  opensAt?: unknown;
  closesAt?: unknown;
  targetGroups?: unknown;
}

/** Survey rounds, answers and k-anonymous results. */
export class SurveyService {
  constructor(
    private readonly store: SurveyStore,
    private readonly access: EntityAccess,
    private readonly keys: RespondentKeys,
    private readonly auditor: AuditorService,
    private readonly minResponses: number,
    private readonly invitations?: {
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** Rounds of the entity, newest first, each with its scores once k answered. */
  async listRounds(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<SurveyRound[]> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const [rounds, countsByRound] = await Promise.all([
      this.store.listRounds(entityRef),
      this.store.getCountsByRound(entityRef),
    ]);
    return rounds.map(round => {
      const kept = countsByRound.get(round.id);
      if (!kept || kept.responses < this.minResponses) {
        return { ...round, scores: null };
      }
      const scores = Object.fromEntries(
        round.questions
          .filter(q => q.kind !== 'text')
          .map(q => [q.id, scoreOf(q.kind, kept.counts[q.id] ?? {})]),
      );
      return { ...round, scores };
    });
  }

  async openRound(
    ref: CompoundEntityRef,
    body: OpenRoundRequest,
    credentials: BackstageCredentials,
  ): Promise<SurveyRound> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const annotated = entity.metadata.annotations?.[ANNOTATION_SURVEY];
    if (annotated === 'off') {
      throw new InputError(
        `Surveys are off for ${entityRef} (annotation ${ANNOTATION_SURVEY}: off)`,
      );
    }
    const check = new FieldChecker('survey round');
    check.only(body as Record<string, unknown>, [
      'title',
      'templateId',
      'opensAt',
      'closesAt',
      'targetGroups',
    ]);
    const title =
      check.string(body.title, 'title', { max: 200 }) ?? 'Platform pulse';
    const templateId =
      check.string(body.templateId, 'templateId', { max: 64 }) ??
      annotated ??
      DEFAULT_TEMPLATE;
    const opensAt = check.dateTime(body.opensAt, 'opensAt') ?? new Date();
    const closesAt = check.dateTime(body.closesAt, 'closesAt');
    if (body.closesAt === undefined) {
      check.problem('closesAt is required (an ISO 8601 date-time)');
    }
    if (closesAt && closesAt <= opensAt) {
      check.problem('closesAt must be after opensAt');
    }
    if (
      closesAt &&
      closesAt.getTime() - opensAt.getTime() > MAX_ROUND_DAYS * 86_400_000
    ) {
      check.problem(`a round may last at most ${MAX_ROUND_DAYS} days`);
    }
    const targetGroups =
      check.strings(body.targetGroups, 'targetGroups', {
        maxItems: 50,
        max: 255,
      }) ?? getSystemProductUsers(entity);
    if (targetGroups.some(g => !/^group:[^/]+\/.+/.test(g))) {
      check.problem(
        'targetGroups must be an array of group entity refs (group:namespace/name)',
      );
    }
    check.throwIfAny();
    const template = await this.store.getTemplate(templateId);
    if (!template) {
      check.problem(`templateId '${templateId}' is not a survey template`);
      check.throwIfAny();
    }

    return auditedChange(
      this.auditor,
      this.access,
      {
        eventId: 'survey-round-open',
        entityRef,
        permission: systemProductSurveyRoundManagePermission,
        credentials,
        meta: { templateId },
      },
      async () => {
        const round = await this.store.createRound({
          entityRef,
          template: template!,
          title,
          opensAt,
          closesAt: closesAt!,
          targetGroups,
          createdBy: principalRef(credentials),
        });
        await this.invite(entity, round);
        return round;
      },
      round => ({ roundId: round.id }),
    );
  }

  /**
   * Tells the round's target groups that it is open and where to answer,
   * when it opens now. A notification that cannot be sent is logged; the
   * round stays open.
   */
  private async invite(entity: Entity, round: SurveyRound): Promise<void> {
    if (!this.invitations || round.targetGroups.length === 0) return;
    if (Date.parse(round.opensAt) > Date.now() + 60_000) return;
    const { notifications, logger } = this.invitations;
    const name = entity.metadata.title ?? entity.metadata.name;
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: round.targetGroups },
        payload: {
          title: `How is ${name} working for you?`,
          description: `${
            round.title
          }: a short anonymous survey, open until ${round.closesAt.slice(
            0,
            10,
          )}. Answers are shown only in aggregate.`,
          link: entityPagePath(entity),
          severity: 'normal',
          topic: 'system-product-survey',
        },
      });
    } catch (error) {
      logger.error(
        `Could not invite ${round.targetGroups.join(', ')} to survey round ${
          round.id
        }: ${error}`,
      );
    }
  }

  /**
   * Records an answer, replacing the same person's earlier answer to the round.
   * A signed-in user answers for themselves. A service (importing answers
   * collected elsewhere) names each respondent with an opaque `respondent` id,
   * which is keyed the same way and never stored as given.
   */
  async answer(
    roundId: string,
    body: unknown,
    credentials: BackstageCredentials<
      BackstageUserPrincipal | BackstageServicePrincipal
    >,
  ): Promise<{ roundId: string; replaced: boolean }> {
    const round = await this.getVisibleRound(roundId, credentials);
    const now = Date.now();
    if (now < Date.parse(round.opensAt) || now >= Date.parse(round.closesAt)) {
      throw new ConflictError(
        `Survey round ${roundId} is not open (it runs from ${round.opensAt} to ${round.closesAt})`,
      );
    }
    const answer = parseAnswers(body, round);
    const check = new FieldChecker('answer');
    const respondent = keyedIdentity(
      credentials,
      (body as { respondent?: unknown })?.respondent,
      'respondent',
      check,
    );
    check.throwIfAny();
    const { replaced } = await audited(
      this.auditor,
      // Never the respondent: answers are anonymous.
      { eventId: 'survey-answer', severityLevel: 'low', meta: { roundId } },
      () =>
        this.store.answer({
          roundId,
          respondentKey: this.keys.keyFor(roundId, respondent),
          answer,
        }),
    );
    return { roundId, replaced };
  }

  /** Aggregates of a round, only once at least k responses stand behind them. */
  async results(
    roundId: string,
    credentials: BackstageCredentials,
  ): Promise<SurveyResults> {
    const round = await this.getVisibleRound(roundId, credentials);
    const { responses, counts } = await this.store.getCounts(roundId);
    const k = this.minResponses;
    if (responses < k) {
      return {
        roundId,
        responses,
        minResponses: k,
        visible: false,
        moreNeeded: k - responses,
      };
    }
    const scored: ScoredQuestionResult[] = round.questions
      .filter(q => q.kind !== 'text')
      .map(q => {
        const values = counts[q.id] ?? {};
        const kind = q.kind as ScoredQuestionResult['kind'];
        return {
          questionId: q.id,
          kind,
          answered: Object.values(values).reduce((a, b) => a + b, 0),
          distribution: Object.fromEntries(
            Object.entries(values).map(([v, c]) => [v, c]),
          ),
          mean: meanValue(values),
          score: scoreOf(kind, values),
        };
      });
    const textQuestions = round.questions.filter(q => q.kind === 'text');
    const texts = await this.store.getTextAnswers(
      roundId,
      textQuestions.map(q => q.id),
      TEXT_ANSWERS_SHOWN,
    );
    return {
      roundId,
      responses,
      minResponses: k,
      visible: true,
      scored,
      text: textQuestions.map(q => ({
        questionId: q.id,
        answers: texts[q.id] ?? [],
      })),
    };
  }

  private async getVisibleRound(
    roundId: string,
    credentials: BackstageCredentials,
  ): Promise<SurveyRound> {
    const notFound = new NotFoundError(`No survey round ${roundId}`);
    const round = await this.store.getRound(roundId);
    if (!round) throw notFound;
    await this.access.assertResourceVisible(
      round.entityRef,
      credentials,
      notFound,
    );
    return round;
  }
}

function scoreOf(kind: SurveyQuestionKind, counts: ValueCounts): number | null {
  return kind === 'nps' ? netPromoterScore(counts) : topTwoBoxScore(counts);
}

function parseAnswers(body: unknown, round: SurveyRound): StoredAnswer {
  const check = new FieldChecker('answer');
  const answers = check.object(
    (body as { answers?: unknown })?.answers,
    'answers',
  );
  check.throwIfAny();
  const questions = new Map(round.questions.map(q => [q.id, q]));
  const stored: StoredAnswer = { scored: {}, text: {} };
  for (const [id, value] of Object.entries(answers!)) {
    const question = questions.get(id);
    const field = `answers.${id}`;
    if (!question) {
      check.problem(`${field} is not a question of this round`);
    } else if (question.kind === 'text') {
      const text = check.string(value, field, { max: MAX_TEXT });
      if (text !== undefined) stored.text[id] = text;
    } else {
      const score = check.number(value, field, {
        ...SCORE_RANGES[question.kind],
        integer: true,
      });
      if (score !== undefined && score !== null) stored.scored[id] = score;
    }
  }
  if (check.ok && Object.keys(answers!).length === 0) {
    check.problem('answers must answer at least one question');
  }
  check.throwIfAny();
  return stored;
}

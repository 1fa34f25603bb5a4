import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ANNOTATION_SURVEY,
  SCORE_RANGES,
  ScoredQuestionResult,
  SurveyResults,
  SurveyRound,
  getSystemProductUsers,
  meanValue,
  netPromoterScore,
  systemProductSurveyRoundManagePermission,
  topTwoBoxScore,
} from '@system-product/backstage-plugin-common';
import { StoredAnswer, SurveyStore } from '../database/SurveyStore';
import { EntityAccess, principalRef } from './EntityAccess';
import { RespondentKeys } from './RespondentKeys';

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
  ) {}

  async listRounds(ref: CompoundEntityRef, credentials: BackstageCredentials) {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    return this.store.listRounds(stringifyEntityRef(entity));
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
    const problems: string[] = [];
    const title =
      optionalString(body.title, 'title', 200, problems) ?? 'Platform pulse';
    const templateId =
      optionalString(body.templateId, 'templateId', 64, problems) ??
      annotated ??
      DEFAULT_TEMPLATE;
    const opensAt =
      optionalDate(body.opensAt, 'opensAt', problems) ?? new Date();
    const closesAt = optionalDate(body.closesAt, 'closesAt', problems);
    if (!closesAt && body.closesAt === undefined) {
      problems.push('closesAt is required (an ISO 8601 date-time)');
    }
    if (closesAt && closesAt <= opensAt) {
      problems.push('closesAt must be after opensAt');
    }
    if (
      closesAt &&
      closesAt.getTime() - opensAt.getTime() > MAX_ROUND_DAYS * 86_400_000
    ) {
      problems.push(`a round may last at most ${MAX_ROUND_DAYS} days`);
    }
    let targetGroups = getSystemProductUsers(entity);
    if (body.targetGroups !== undefined) {
      if (
        !Array.isArray(body.targetGroups) ||
        body.targetGroups.some(g => typeof g !== 'string' || !/^group:/.test(g))
      ) {
        problems.push(
          'targetGroups must be an array of group entity refs (group:namespace/name)',
        );
      } else {
        targetGroups = body.targetGroups as string[];
      }
    }
    if (problems.length > 0) {
      throw new InputError(`Invalid survey round: ${problems.join('; ')}`);
    }
    const template = await this.store.getTemplate(templateId);
    if (!template) {
      throw new InputError(
        `Invalid survey round: templateId '${templateId}' is not a survey template`,
      );
    }

    const event = await this.auditor.createEvent({
      eventId: 'survey-round-open',
      severityLevel: 'medium',
      meta: { entityRef, templateId },
    });
    try {
      await this.access.authorizeChange(
        entityRef,
        systemProductSurveyRoundManagePermission,
        credentials,
      );
      const round = await this.store.createRound({
        entityRef,
        template,
        title,
        opensAt,
        closesAt: closesAt!,
        targetGroups,
        createdBy: principalRef(credentials),
      });
      await event.success({ meta: { roundId: round.id } });
      return round;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  /** Records the caller's answer, replacing their earlier answer to the round. */
  async answer(
    roundId: string,
    body: unknown,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<{ roundId: string; replaced: boolean }> {
    const round = await this.getVisibleRound(roundId, credentials);
    const now = Date.now();
    if (now < Date.parse(round.opensAt) || now >= Date.parse(round.closesAt)) {
      throw new ConflictError(
        `Survey round ${roundId} is not open (it runs from ${round.opensAt} to ${round.closesAt})`,
      );
    }
    const answer = parseAnswers(body, round);
    const event = await this.auditor.createEvent({
      eventId: 'survey-answer',
      severityLevel: 'low',
      // Never the respondent: answers are anonymous.
      meta: { roundId },
    });
    try {
      const result = await this.store.answer({
        roundId,
        respondentKey: this.keys.keyFor(
          roundId,
          credentials.principal.userEntityRef,
        ),
        answer,
      });
      await event.success();
      return { roundId, replaced: result.replaced };
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
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
          score:
            kind === 'nps' ? netPromoterScore(values) : topTwoBoxScore(values),
        };
      });
    const texts = await this.store.getTextAnswers(roundId, TEXT_ANSWERS_SHOWN);
    return {
      roundId,
      responses,
      minResponses: k,
      visible: true,
      scored,
      text: round.questions
        .filter(q => q.kind === 'text')
        .map(q => ({ questionId: q.id, answers: texts[q.id] ?? [] })),
    };
  }

  private async getVisibleRound(
    roundId: string,
    credentials: BackstageCredentials,
  ): Promise<SurveyRound> {
    const round = await this.store.getRound(roundId);
    if (!round) {
      throw new NotFoundError(`No survey round ${roundId}`);
    }
    // A round of an entity the caller cannot see does not exist for them.
    await this.access
      .getVisibleEntity(parseEntityRef(round.entityRef), credentials)
      .catch(error => {
        throw error.name === 'NotFoundError'
          ? new NotFoundError(`No survey round ${roundId}`)
          : error;
      });
    return round;
  }
}

function parseAnswers(body: unknown, round: SurveyRound): StoredAnswer {
  const problems: string[] = [];
  const answers = (body as { answers?: unknown })?.answers;
  if (
    typeof answers !== 'object' ||
    answers === null ||
    Array.isArray(answers)
  ) {
    throw new InputError(
      'Invalid answer: answers must be an object of question id to answer',
    );
  }
  const questions = new Map(round.questions.map(q => [q.id, q]));
  const stored: StoredAnswer = { scored: {}, text: {} };
  for (const [id, value] of Object.entries(answers)) {
    const question = questions.get(id);
    if (!question) {
      problems.push(`answers.${id} is not a question of this round`);
    } else if (question.kind === 'text') {
      if (typeof value !== 'string')
        problems.push(`answers.${id} must be a string`);
      else if (value.length > MAX_TEXT)
        problems.push(`answers.${id} must be at most ${MAX_TEXT} characters`);
      else stored.text[id] = value;
    } else {
      const { min, max } = SCORE_RANGES[question.kind];
      if (
        !Number.isInteger(value) ||
        (value as number) < min ||
        (value as number) > max
      ) {
        problems.push(`answers.${id} must be an integer from ${min} to ${max}`);
      } else {
        stored.scored[id] = value as number;
      }
    }
  }
  if (problems.length === 0 && Object.keys(answers).length === 0) {
    problems.push('answers must answer at least one question');
  }
  if (problems.length > 0) {
    throw new InputError(`Invalid answer: ${problems.join('; ')}`);
  }
  return stored;
}

function optionalString(
  value: unknown,
  field: string,
  max: number,
  problems: string[],
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim().length === 0) {
    problems.push(`${field} must be a non-empty string`);
    return undefined;
  }
  if (value.length > max) {
    problems.push(`${field} must be at most ${max} characters`);
    return undefined;
  }
  return value.trim();
}

function optionalDate(
  value: unknown,
  field: string,
  problems: string[],
): Date | undefined {
  if (value === undefined) return undefined;
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    problems.push(`${field} must be an ISO 8601 date-time`);
    return undefined;
  }
  return date;
}

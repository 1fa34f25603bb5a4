import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  RELATION_MEMBER_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ANNOTATION_SURVEY,
  ChoiceQuestionResult,
  DEFAULT_SURVEY_TEMPLATE_ID,
  SCORE_RANGES,
  ScoredQuestionResult,
  SurveyGroupResult,
  SurveyQuestion,
  SurveyResults,
  SurveyQuestionKind,
  SurveyRound,
  SurveyTemplate,
  SystemProductApiComponents,
  TextQuestionResult,
  ValueCounts,
  getSystemProductUsers,
  isChoiceKind,
  isScaleKind,
  meanValue,
  netPromoterScore,
  systemProductSurveyRoundManagePermission,
  topTwoBoxScore,
  entityPagePath,
} from '@system-product/backstage-plugin-common';
import {
  PublishedGroupCell,
  PublishedResults,
  StoredAnswer,
  SurveyStore,
} from '../database/SurveyStore';
import { EntityAccess, principalRef } from './EntityAccess';
import { FieldChecker, fieldPath } from './FieldChecker';
import { RespondentKeys, keyedIdentity } from './RespondentKeys';
import { SurveyTemplateService } from './SurveyTemplateService';

type SurveyAnswerRequest =
  SystemProductApiComponents['schemas']['SurveyAnswerRequest'];

const MAX_ROUND_DAYS = 366;

/** Body of `POST .../surveys`, as the OpenAPI schema lets it through. */
export interface OpenRoundRequest {
  title?: string;
  templateId?: string;
  opensAt?: string;
  closesAt: string;
  targetGroups?: string[];
}

/**
 * How a user's groups are found when they answer: the catalog entity as the
 * plugin reads it (its own credentials, not the caller's), and where a
 * catalog that cannot answer is told.
 */
export interface SurveyRespondentGroups {
  entityOf: (entityRef: string) => Promise<Entity | undefined>;
  logger: LoggerService;
}

/**
 * Survey rounds, answers and k-anonymous results: every figure (a question's
 * distribution, mean and score, its texts, a round's scores) needs at least
 * k answers behind it, and readers see only the round's published results,
 * which change in steps of at least k new responses (see the store). The
 * results are broken down by the groups users were direct members of when
 * answering, under the same rules per group cell.
 */
export class SurveyService {
  constructor(
    private readonly store: SurveyStore,
    private readonly templates: SurveyTemplateService,
    private readonly access: EntityAccess,
    private readonly keys: RespondentKeys,
    private readonly minResponses: number,
    private readonly invitations?: {
      notifications: NotificationService;
      logger: LoggerService;
    },
    /** Told of the entity whose answers changed (its survey SLIs). */
    private readonly onAnswered: (entityRef: string) => void = () => {},
    /** Without it, answers belong to no group. */
    private readonly respondentGroups?: SurveyRespondentGroups,
  ) {}

  /** Rounds of the entity, newest first, each with its scores once k answered. */
  async listRounds(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<SurveyRound[]> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const k = this.minResponses;
    const [rounds, published] = await Promise.all([
      this.store.listRounds(entityRef),
      this.store.getPublishedCountsByRound(entityRef, k),
    ]);
    return rounds.map(round => {
      const kept = published.get(round.id);
      if (!kept || kept.responses < k) {
        return { ...round, scores: null };
      }
      const scores = Object.fromEntries(
        round.questions
          .filter(q => isScaleKind(q.kind))
          .map(q => {
            const counts = kept.counts[q.id];
            return [q.id, counts ? scoreOf(q.kind, counts) : null];
          }),
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
    // The schema checked each field; the rules across fields are left.
    const check = new FieldChecker();
    const templateId =
      body.templateId ?? annotated ?? DEFAULT_SURVEY_TEMPLATE_ID;
    const opensAt = check.dateTime(body.opensAt, 'opensAt') ?? new Date();
    const closesAt = check.dateTime(body.closesAt, 'closesAt');
    if (closesAt && closesAt <= opensAt) {
      check.problem('closesAt', 'must be after opensAt');
    }
    if (
      closesAt &&
      closesAt.getTime() - opensAt.getTime() > MAX_ROUND_DAYS * 86_400_000
    ) {
      check.problem(
        'closesAt',
        `must be at most ${MAX_ROUND_DAYS} days after opensAt`,
      );
    }
    const targetGroups = body.targetGroups ?? getSystemProductUsers(entity);
    if (body.targetGroups === undefined) {
      const bad = targetGroups.find(g => !/^group:[^/]+\/.+/.test(g));
      if (bad !== undefined) {
        check.problem(
          'targetGroups',
          `is required, as the entity's users are not all groups ('${bad}')`,
        );
      }
    }
    check.throwIfAny();
    const usable = await this.templates.forNewRound(templateId, entityRef);
    if ('problem' in usable) {
      check.problem('templateId', usable.problem);
      check.throwIfAny();
    }
    const { template } = usable as { template: SurveyTemplate };

    await this.access.authorizeChange(
      entityRef,
      systemProductSurveyRoundManagePermission,
      credentials,
    );
    const round = await this.store.createRound({
      entityRef,
      template,
      title: body.title ?? template.title,
      opensAt,
      closesAt: closesAt!,
      targetGroups,
      createdBy: principalRef(credentials),
    });
    await this.invite(entity, round);
    return round;
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
    body: SurveyAnswerRequest,
    credentials: BackstageCredentials<
      BackstageUserPrincipal | BackstageServicePrincipal
    >,
  ): Promise<{ roundId: string; replaced: boolean }> {
    const round = await this.getVisibleRound(roundId, credentials);
    if (round.triggerId) {
      throw new ConflictError(
        `Survey round ${roundId} collects the answers of a moment trigger; they are given through its prompts (POST /prompts/{promptId}/answer)`,
      );
    }
    const now = Date.now();
    if (now < Date.parse(round.opensAt) || now >= Date.parse(round.closesAt)) {
      throw new ConflictError(
        `Survey round ${roundId} is not open (it runs from ${round.opensAt} to ${round.closesAt})`,
      );
    }
    const { answer, cleared } = parseAnswers(body, round);
    const check = new FieldChecker();
    const respondent = keyedIdentity(
      credentials,
      body.respondent,
      'respondent',
      check,
    );
    check.throwIfAny();
    // A user's groups as they are now (a changed answer moves to them); an
    // imported answer belongs to no group.
    const groups =
      credentials.principal.type === 'user'
        ? await this.groupsOf(credentials.principal.userEntityRef)
        : [];
    // A changed answer keeps the questions the person left out this time.
    const { replaced } = await this.store.answer({
      roundId,
      respondentKey: this.keys.keyFor(roundId, respondent),
      answer,
      merge: { cleared },
      groups,
    });
    this.onAnswered(round.entityRef);
    return { roundId, replaced };
  }

  /**
   * The groups a user is a direct member of (their `memberOf` relations), as
   * group refs. A catalog that cannot answer does not stop the answer: it
   * then belongs to no group.
   */
  private async groupsOf(userEntityRef: string): Promise<string[]> {
    if (!this.respondentGroups) return [];
    const { entityOf, logger } = this.respondentGroups;
    try {
      const user = await entityOf(userEntityRef);
      const groups = (user?.relations ?? [])
        .filter(relation => relation.type === RELATION_MEMBER_OF)
        .map(relation => parseEntityRef(relation.targetRef))
        .filter(ref => ref.kind.toLocaleLowerCase('en-US') === 'group')
        .map(ref => stringifyEntityRef(ref));
      return [...new Set(groups)].sort();
    } catch (error) {
      logger.warn(
        `Could not read the groups of a survey respondent from the catalog; the answer is stored without groups: ${error}`,
      );
      return [];
    }
  }

  /**
   * The calling user's own answer to a round, found through their key: only
   * ever to them.
   */
  async myAnswer(
    roundId: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<{
    roundId: string;
    submittedAt: string;
    answers: Record<string, number | number[] | string>;
  }> {
    await this.getVisibleRound(roundId, credentials);
    const found = await this.store.getAnswer(
      roundId,
      this.keys.keyFor(roundId, credentials.principal.userEntityRef),
    );
    if (!found) {
      throw new NotFoundError(`You have not answered survey round ${roundId}`);
    }
    return {
      roundId,
      submittedAt: found.submittedAt,
      answers: {
        ...found.answer.scored,
        ...found.answer.chosen,
        ...found.answer.text,
      },
    };
  }

  /**
   * The round's published results: nothing but the count until k responses
   * stand behind them, then each question's figures once k answered it.
   */
  async results(
    roundId: string,
    credentials: BackstageCredentials,
  ): Promise<SurveyResults> {
    const notFound = () => new NotFoundError(`No survey round ${roundId}`);
    // One statement: the round and its published results.
    const read = await this.store.getRoundResults(roundId);
    if (!read) throw notFound();
    await this.access.assertResourceVisible(
      read.entityRef,
      credentials,
      notFound,
    );
    const k = this.minResponses;
    const { responses } = read;
    let { published } = read;
    // Answered before publications existed, or k was lowered since.
    if (
      responses >= k &&
      responses - published.responses >= k &&
      (await this.store.publishIfDue(roundId))
    ) {
      published = await this.store.getPublished(roundId);
    }
    if (published.responses < k || !published.publishedAt) {
      return {
        roundId,
        responses,
        minResponses: k,
        visible: false,
        moreNeeded: Math.max(1, published.responses + k - responses),
      };
    }
    const closed = Date.now() >= Date.parse(read.closesAt);
    return {
      roundId,
      responses,
      minResponses: k,
      visible: true,
      publishedResponses: published.responses,
      publishedAt: published.publishedAt,
      nextUpdateAfter: closed ? null : published.responses + k - responses,
      scored: read.questions
        .filter(q => isScaleKind(q.kind))
        .map(q => scoredResult(q, published, k)),
      choice: read.questions
        .filter(q => isChoiceKind(q.kind))
        .map(q => choiceResult(q, published, k)),
      text: read.questions
        .filter(q => q.kind === 'text')
        .map(q => textResult(q, published, k)),
      // Shown cells by group, then the hidden ones, which name no group.
      groups: published.groups
        .map(cell => groupResult(cell, read.questions, k))
        .sort((a, b) => {
          if (!a.visible || !b.visible) {
            return Number(b.visible) - Number(a.visible);
          }
          return Number(a.group > b.group) - Number(a.group < b.group);
        }),
    };
  }

  private async getVisibleRound(
    roundId: string,
    credentials: BackstageCredentials,
  ): Promise<SurveyRound> {
    const notFound = () => new NotFoundError(`No survey round ${roundId}`);
    const round = await this.store.getRound(roundId);
    if (!round) throw notFound();
    await this.access.assertResourceVisible(
      round.entityRef,
      credentials,
      notFound,
    );
    return round;
  }
}

/**
 * One group's cell: its respondents and, per scored and choice question, the
 * figures (a question fewer than k of them answered shows only that it is
 * hidden, without its count); a cell the store did not let show, or without
 * figures, shows only that it is hidden. Never free texts.
 */
function groupResult(
  cell: PublishedGroupCell,
  questions: SurveyQuestion[],
  k: number,
): SurveyGroupResult {
  if (!cell.visible || cell.shown < k) {
    return { visible: false };
  }
  const published = {
    questions: Object.fromEntries(
      Object.entries(cell.questions).map(([id, shown]) => [
        id,
        { answered: shown, shown },
      ]),
    ),
    counts: cell.counts,
  };
  return {
    group: cell.group,
    visible: true,
    responses: cell.shown,
    scored: questions
      .filter(q => isScaleKind(q.kind))
      .map(q => {
        const result = scoredResult(q, published, k);
        return result.visible
          ? result
          : { questionId: q.id, kind: result.kind, visible: false as const };
      }),
    choice: questions
      .filter(q => isChoiceKind(q.kind))
      .map(q => {
        const result = choiceResult(q, published, k);
        return result.visible
          ? result
          : { questionId: q.id, kind: result.kind, visible: false as const };
      }),
  };
}

/** A scored question's published figures, or only its count below k. */
function scoredResult(
  question: SurveyQuestion,
  published: Pick<PublishedResults, 'questions' | 'counts'>,
  k: number,
): ScoredQuestionResult {
  const kind = question.kind as ScoredQuestionResult['kind'];
  const { answered = 0, shown = 0 } = published.questions[question.id] ?? {};
  if (shown < k) {
    return { questionId: question.id, kind, answered, visible: false };
  }
  const values = published.counts[question.id] ?? {};
  return {
    questionId: question.id,
    kind,
    answered: shown,
    visible: true,
    distribution: Object.fromEntries(Object.entries(values)),
    mean: meanValue(values),
    score: scoreOf(kind, values),
  };
}

/**
 * A choice question's published option counts, or only its count below k.
 * Each option's share is of the question's respondents: the shares of a
 * multiple question can add to more than 100.
 */
function choiceResult(
  question: SurveyQuestion,
  published: Pick<PublishedResults, 'questions' | 'counts'>,
  k: number,
): ChoiceQuestionResult {
  const kind = question.kind as ChoiceQuestionResult['kind'];
  const { answered = 0, shown = 0 } = published.questions[question.id] ?? {};
  if (shown < k) {
    return { questionId: question.id, kind, answered, visible: false };
  }
  const counts = published.counts[question.id] ?? {};
  return {
    questionId: question.id,
    kind,
    answered: shown,
    visible: true,
    options: (question.options ?? []).map((label, index) => {
      const count = counts[index] ?? 0;
      return { index, label, count, share: (100 * count) / shown };
    }),
  };
}

/** A text question's published answers, or only their count below k. */
function textResult(
  question: SurveyQuestion,
  published: PublishedResults,
  k: number,
): TextQuestionResult {
  const { answered = 0, shown = 0 } = published.questions[question.id] ?? {};
  return shown < k
    ? { questionId: question.id, answered, visible: false, answers: [] }
    : {
        questionId: question.id,
        answered: shown,
        visible: true,
        answers: published.texts[question.id] ?? [],
      };
}

function scoreOf(kind: SurveyQuestionKind, counts: ValueCounts): number | null {
  return kind === 'nps' ? netPromoterScore(counts) : topTwoBoxScore(counts);
}

/**
 * The answers of a body the schema checked, once each is an answer to a
 * question of the round: a text to a text question, a score in its range to
 * a scale, an option's index to a single choice, distinct option indexes
 * (at least one, at most maxChoices) to a multiple choice.
 */
function parseAnswers(
  { answers }: SurveyAnswerRequest,
  round: SurveyRound,
): { answer: StoredAnswer; cleared: string[] } {
  const check = new FieldChecker();
  const questions = new Map(round.questions.map(q => [q.id, q]));
  const stored: StoredAnswer = { scored: {}, text: {} };
  const chosen: Record<string, number[]> = {};
  const cleared: string[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const question = questions.get(id);
    const field = fieldPath('answers', [id]);
    if (!question) {
      check.problem(field, 'is not a question of this round');
    } else if (value === null) {
      // Withdraws an earlier answer to this question.
      cleared.push(id);
    } else if (question.kind === 'text') {
      if (typeof value === 'string') stored.text[id] = value;
      else
        check.problem(field, `must be a text (question "${id}" is free text)`);
    } else if (question.kind === 'single') {
      const last = (question.options?.length ?? 0) - 1;
      if (isIndex(value, last)) stored.scored[id] = value;
      else {
        check.problem(
          field,
          `must be the index of one option, an integer from 0 to ${last} (question "${id}" is single choice)`,
        );
      }
    } else if (question.kind === 'multiple') {
      const indexes = multipleChoice(question, value);
      if (typeof indexes === 'string') check.problem(field, indexes);
      else chosen[id] = indexes;
    } else if (isScaleKind(question.kind)) {
      const { min, max } = SCORE_RANGES[question.kind];
      if (typeof value === 'number' && value >= min && value <= max) {
        stored.scored[id] = value;
      } else {
        check.problem(
          field,
          `must be an integer from ${min} to ${max} (question "${id}" is ${question.kind})`,
        );
      }
    }
  }
  check.throwIfAny();
  if (Object.keys(chosen).length > 0) stored.chosen = chosen;
  return { answer: stored, cleared };
}

function isIndex(value: unknown, last: number): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 0 &&
    value <= last
  );
}

/**
 * The option indexes of a multiple-choice answer, in ascending order, or
 * why they are not an answer to the question.
 */
function multipleChoice(
  question: SurveyQuestion,
  value: unknown,
): number[] | string {
  const last = (question.options?.length ?? 0) - 1;
  const max = question.maxChoices ?? last + 1;
  const about = `(question "${question.id}" is multiple choice)`;
  if (!Array.isArray(value)) {
    return `must be a list of option indexes, integers from 0 to ${last} ${about}`;
  }
  if (value.length === 0) {
    return `must choose at least one option; null withdraws the answer ${about}`;
  }
  const bad = value.find(index => !isIndex(index, last));
  if (bad !== undefined) {
    return `holds ${JSON.stringify(
      bad,
    )}, which is not an option index (0 to ${last}) ${about}`;
  }
  if (new Set(value).size !== value.length) {
    return `names an option more than once ${about}`;
  }
  if (value.length > max) {
    return `chooses ${value.length} options, at most ${max} are allowed ${about}`;
  }
  return [...(value as number[])].sort((a, b) => a - b);
}

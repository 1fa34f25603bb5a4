import type { SystemProductApiSchemas as Schemas } from '../schema/schemas';

/**
 * Kinds of survey question: NPS (0 to 10), CSAT (1 to 5), a Likert agreement
 * item (1 strongly disagree to 5 strongly agree), free text, one option
 * (`single`, answered by the option's index) and some options (`multiple`,
 * answered by an array of option indexes).
 *
 * @public
 */
export type SurveyQuestionKind = Schemas['SurveyQuestionKind'];

/**
 * One question of a survey template: `options` on single and multiple
 * questions, `maxChoices` on multiple ones, `anchors` on nps, csat and likert
 * ones (always resolved in what the API returns).
 *
 * @public
 */
export type SurveyQuestion = Schemas['SurveyQuestion'];

/** What the two ends of a scale mean. @public */
export type SurveyScaleAnchors = Schemas['SurveyScaleAnchors'];

/**
 * Where a template comes from: `built-in`, `config`
 * (`systemProduct.survey.templates`) or `owner` (made by an entity's owners,
 * usable only for rounds on that entity).
 *
 * @public
 */
export type SurveyTemplateSource = Schemas['SurveyTemplateSource'];

/**
 * One version of a survey template. Changing a template makes a new version;
 * a round keeps the questions of the version it was opened with.
 *
 * @public
 */
export type SurveyTemplate = Schemas['SurveyTemplate'];

/** Body of `POST /survey-templates`: an owner template of an entity. @public */
export type SurveyTemplateCreateRequest =
  Schemas['SurveyTemplateCreateRequest'];

/** Body of `PUT /survey-templates/{templateId}`. @public */
export type SurveyTemplateUpdateRequest =
  Schemas['SurveyTemplateUpdateRequest'];

/** A survey round on an entity. Who answered is never part of it. @public */
export type SurveyRound = Schemas['SurveyRound'];

/**
 * Answers of one person: question id to a score, an option index (single),
 * option indexes (multiple) or a text; null withdraws an earlier answer.
 *
 * @public
 */
export type SurveyAnswers = Schemas['SurveyAnswerRequest']['answers'];

/** One answer of {@link SurveyAnswers}. @public */
export type SurveyAnswerValue = SurveyAnswers[string];

/**
 * Aggregate of one scored question. Its figures are shown only with at least
 * k answers behind them; below that, only how many answered (`visible: false`).
 *
 * @public
 */
export type ScoredQuestionResult = Schemas['ScoredQuestionResult'];

/**
 * Aggregate of one single or multiple choice question: per option, how many
 * chose it and their share of the question's respondents (shares of a
 * multiple question can add to more than 100 %). Shown only with at least k
 * respondents behind it; below that, only how many answered.
 *
 * @public
 */
export type ChoiceQuestionResult = Schemas['ChoiceQuestionResult'];

/**
 * Free-text answers of one question, in alphabetical order (never in the
 * order they came in). Shown only with at least k answers behind them; below
 * that, `visible` is false, `answers` empty and only the count is given.
 *
 * @public
 */
export type TextQuestionResult = Schemas['TextQuestionResult'];

/**
 * One group's cell of a round's results: the figures of the scored and
 * choice answers of those who were direct members of the group when
 * answering (never free texts), or only that it is hidden (`visible: false`,
 * without a count) while it has fewer than k respondents or could be
 * subtracted from figures shown beside it. Within a cell, a question fewer
 * than k of the group answered shows only that it is hidden.
 *
 * @public
 */
export type SurveyGroupResult = Schemas['SurveyGroupResult'];

/**
 * Results of a round, as last published. Below the k threshold only the count
 * and how many more answers are needed are shown. Published results change
 * only once at least k new responses arrived since they were published, so
 * watching them never isolates one answer; `nextUpdateAfter` says when.
 *
 * @public
 */
export type SurveyResults = Schemas['SurveyResults'];

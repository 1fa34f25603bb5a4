import type { SystemProductApiSchemas as Schemas } from '../schema/schemas';

/**
 * Kinds of survey question: NPS (0 to 10), CSAT (1 to 5), a Likert agreement
 * item (1 strongly disagree to 5 strongly agree) and free text.
 *
 * @public
 */
export type SurveyQuestionKind = Schemas['SurveyQuestionKind'];

/** One question of a survey template. @public */
export type SurveyQuestion = Schemas['SurveyQuestion'];

/** A survey template. @public */
export interface SurveyTemplate {
  id: string;
  title: string;
  questions: SurveyQuestion[];
}

/** A survey round on an entity. Who answered is never part of it. @public */
export type SurveyRound = Schemas['SurveyRound'];

/** Answers of one person: question id to a score or a text. @public */
export type SurveyAnswers = Schemas['SurveyAnswerRequest']['answers'];

/**
 * Aggregate of one scored question. Its figures are shown only with at least
 * k answers behind them; below that, only how many answered (`visible: false`).
 *
 * @public
 */
export type ScoredQuestionResult = Schemas['ScoredQuestionResult'];

/**
 * Free-text answers of one question, in alphabetical order (never in the
 * order they came in). Shown only with at least k answers behind them; below
 * that, `visible` is false, `answers` empty and only the count is given.
 *
 * @public
 */
export type TextQuestionResult = Schemas['TextQuestionResult'];

/**
 * Results of a round, as last published. Below the k threshold only the count
 * and how many more answers are needed are shown. Published results change
 * only once at least k new responses arrived since they were published, so
 * watching them never isolates one answer; `nextUpdateAfter` says when.
 *
 * @public
 */
export type SurveyResults = Schemas['SurveyResults'];

/**
 * Kinds of survey question: NPS (0 to 10), CSAT (1 to 5), a Likert agreement
 * item (1 strongly disagree to 5 strongly agree) and free text.
 *
 * @public
 */
export type SurveyQuestionKind = 'nps' | 'csat' | 'likert' | 'text';

/** One question of a survey template. @public */
export interface SurveyQuestion {
  id: string;
  kind: SurveyQuestionKind;
  prompt: string;
}

/** A survey template. @public */
export interface SurveyTemplate {
  id: string;
  title: string;
  questions: SurveyQuestion[];
}

/** A survey round on an entity. Who answered is never part of it. @public */
export interface SurveyRound {
  id: string;
  entityRef: string;
  templateId: string;
  title: string;
  opensAt: string;
  closesAt: string;
  targetGroups: string[];
  responseCount: number;
  questions: SurveyQuestion[];
  /**
   * Score of each scored question (NPS, or share of 4 and 5), for trends
   * across rounds, from the round's published results; null while fewer than
   * k responses stand behind the round, and a question's score null while
   * fewer than k answers stand behind it.
   */
  scores?: Record<string, number | null> | null;
}

/** Answers of one person: question id to a score or a text. @public */
export type SurveyAnswers = Record<string, number | string>;

/**
 * Aggregate of one scored question. Its figures are shown only with at least
 * k answers behind them; below that, only how many answered (`visible: false`).
 *
 * @public
 */
export type ScoredQuestionResult =
  | {
      questionId: string;
      kind: 'nps' | 'csat' | 'likert';
      /** How many answered it: the answers behind the figures. */
      answered: number;
      visible: true;
      /** Count of answers per value, e.g. `{ "9": 4, "10": 2 }`. */
      distribution: Record<string, number>;
      /** Mean of the values, or null when nobody answered. */
      mean: number | null;
      /** NPS (-100 to 100) for nps questions, share of 4 and 5 (0 to 100) for csat and likert. */
      score: number | null;
    }
  | {
      questionId: string;
      kind: 'nps' | 'csat' | 'likert';
      /** How many had answered it at the last publication, fewer than k. */
      answered: number;
      visible: false;
    };

/**
 * Free-text answers of one question, in alphabetical order (never in the
 * order they came in). Shown only with at least k answers behind them; below
 * that, `visible` is false, `answers` empty and only the count is given.
 *
 * @public
 */
export interface TextQuestionResult {
  questionId: string;
  answered: number;
  visible: boolean;
  answers: string[];
}

/**
 * Results of a round, as last published. Below the k threshold only the count
 * and how many more answers are needed are shown. Published results change
 * only once at least k new responses arrived since they were published, so
 * watching them never isolates one answer; `nextUpdateAfter` says when.
 *
 * @public
 */
export type SurveyResults =
  | {
      roundId: string;
      /** Responses so far. */
      responses: number;
      minResponses: number;
      visible: false;
      moreNeeded: number;
    }
  | {
      roundId: string;
      /** Responses so far; the figures may stand on fewer (`publishedResponses`). */
      responses: number;
      minResponses: number;
      visible: true;
      /** Responses behind the figures shown. */
      publishedResponses: number;
      /** When the figures were published. */
      publishedAt: string;
      /**
       * How many more responses it takes before the figures next change;
       * null once the round closed (its last publication is final).
       */
      nextUpdateAfter: number | null;
      scored: ScoredQuestionResult[];
      text: TextQuestionResult[];
    };

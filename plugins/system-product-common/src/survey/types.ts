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
   * across rounds; null while fewer than k responses stand behind the round.
   */
  scores?: Record<string, number | null> | null;
}

/** Answers of one person: question id to a score or a text. @public */
export type SurveyAnswers = Record<string, number | string>;

/** Aggregate of one scored question. @public */
export interface ScoredQuestionResult {
  questionId: string;
  kind: 'nps' | 'csat' | 'likert';
  answered: number;
  /** Count of answers per value, e.g. `{ "9": 4, "10": 2 }`. */
  distribution: Record<string, number>;
  /** Mean of the values, or null when nobody answered. */
  mean: number | null;
  /** NPS (-100 to 100) for nps questions, share of 4 and 5 (0 to 100) for csat and likert. */
  score: number | null;
}

/** Free-text answers of one question, in no particular order. @public */
export interface TextQuestionResult {
  questionId: string;
  answers: string[];
}

/**
 * Results of a round. Below the k threshold only the count and how many more
 * answers are needed are shown.
 *
 * @public
 */
export type SurveyResults =
  | {
      roundId: string;
      responses: number;
      minResponses: number;
      visible: false;
      moreNeeded: number;
    }
  | {
      roundId: string;
      responses: number;
      minResponses: number;
      visible: true;
      scored: ScoredQuestionResult[];
      text: TextQuestionResult[];
    };

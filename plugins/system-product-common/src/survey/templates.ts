import { surveyQuestionKindValues } from '../schema/openapi.generated';
import type { SystemProductApiSchemas as Schemas } from '../schema/schemas';
import { SCORE_RANGES } from './scores';
import type {
  SurveyQuestion,
  SurveyQuestionKind,
  SurveyScaleAnchors,
} from './types';

/*
 * What a survey template may hold, checked the same way wherever one comes
 * from: app-config (at start-up), the owner API and, later, an editor in the
 * browser. No I/O here.
 */

/** The template a round uses when neither the request nor the entity names one. @public */
export const DEFAULT_SURVEY_TEMPLATE_ID = 'platform-pulse';

/** The built-in template of moment rounds; never offered for survey rounds. @public */
export const MOMENT_SURVEY_TEMPLATE_ID = 'moment';

/** Ids of the templates the plugin ships; app-config cannot redefine them. @public */
export const BUILT_IN_SURVEY_TEMPLATE_IDS: readonly string[] = [
  DEFAULT_SURVEY_TEMPLATE_ID,
  MOMENT_SURVEY_TEMPLATE_ID,
];

/**
 * A template or question id: up to 64 letters, digits, "-", "_" and ".",
 * starting with a letter or digit (the OpenAPI document's pattern).
 *
 * @public
 */
export const SURVEY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Sizes a template keeps to (those of the OpenAPI document). @public */
export const SURVEY_TEMPLATE_LIMITS = {
  title: 200,
  description: 2000,
  minQuestions: 1,
  maxQuestions: 30,
  prompt: 500,
  minOptions: 2,
  maxOptions: 20,
  option: 200,
  anchor: 60,
} as const;

/** Every question kind, as the API document lists them. @public */
export const SURVEY_QUESTION_KINDS: readonly SurveyQuestionKind[] =
  surveyQuestionKindValues;

/** Kinds answered on a scale, with a score: nps, csat and likert. @public */
export type ScoredQuestionKind = Schemas['ScoredQuestionKind'];

/** Kinds answered by choosing options: single and multiple. @public */
export type ChoiceQuestionKind = Schemas['ChoiceQuestionKind'];

/** Whether questions of the kind are answered on a scale (nps, csat, likert). @public */
export function isScaleKind(kind: string): kind is ScoredQuestionKind {
  return Object.prototype.hasOwnProperty.call(SCORE_RANGES, kind);
}

/** Whether questions of the kind are answered by choosing options. @public */
export function isChoiceKind(kind: string): kind is ChoiceQuestionKind {
  return kind === 'single' || kind === 'multiple';
}

/** What the ends of each scale mean when a question does not say. @public */
export const DEFAULT_SCALE_ANCHORS: Readonly<
  Record<ScoredQuestionKind, SurveyScaleAnchors>
> = {
  nps: { low: 'Not at all likely', high: 'Extremely likely' },
  csat: { low: 'Very dissatisfied', high: 'Very satisfied' },
  likert: { low: 'Strongly disagree', high: 'Strongly agree' },
};

/**
 * The question as the API returns it: a scale question with its anchors
 * (its own, else the kind's defaults), any other as it is.
 *
 * @public
 */
export function withResolvedAnchors(question: SurveyQuestion): SurveyQuestion {
  if (!isScaleKind(question.kind) || question.anchors) return question;
  return { ...question, anchors: { ...DEFAULT_SCALE_ANCHORS[question.kind] } };
}

/**
 * A survey template as app-config and the owner API define it: an id, a
 * title, an optional description and its questions.
 *
 * @public
 */
export interface SurveyTemplateDefinition {
  id: string;
  title: string;
  description?: string;
  questions: SurveyQuestion[];
}

/**
 * One thing wrong with a template definition: where, from the top of the
 * definition (such as `questions[2].options`), and the rule it breaks (such
 * as "needs at least 2 options").
 *
 * @public
 */
export interface SurveyTemplateProblem {
  field: string;
  rule: string;
}

const TEMPLATE_FIELDS = ['id', 'title', 'description', 'questions'];
const QUESTION_FIELDS = [
  'id',
  'kind',
  'prompt',
  'options',
  'maxChoices',
  'anchors',
];
const ID_RULE =
  'must be up to 64 letters, digits, "-", "_" or ".", starting with a letter or digit';

/**
 * What is wrong with a template definition of unknown shape (app-config, a
 * request body): every problem, each with its field; empty when it is good.
 * `fields` names the top-level fields to check (default all four: an update
 * names no id).
 *
 * @public
 */
export function surveyTemplateProblems(
  definition: unknown,
  options: { fields?: ReadonlyArray<keyof SurveyTemplateDefinition> } = {},
): SurveyTemplateProblem[] {
  const problems: SurveyTemplateProblem[] = [];
  const add = (field: string, rule: string) => problems.push({ field, rule });
  if (!isObject(definition)) {
    add('', 'must be an object with id, title and questions');
    return problems;
  }
  const fields = options.fields ?? TEMPLATE_FIELDS;
  for (const key of Object.keys(definition)) {
    if (!fields.includes(key as keyof SurveyTemplateDefinition)) {
      add(key, 'is not a known field');
    }
  }
  if (fields.includes('id')) {
    const { id } = definition;
    if (id === undefined) add('id', 'is required');
    else if (typeof id !== 'string' || !SURVEY_ID_PATTERN.test(id)) {
      add('id', ID_RULE);
    }
  }
  if (fields.includes('title')) {
    text(definition.title, 'title', SURVEY_TEMPLATE_LIMITS.title, add, true);
  }
  if (fields.includes('description') && definition.description !== undefined) {
    text(
      definition.description,
      'description',
      SURVEY_TEMPLATE_LIMITS.description,
      add,
      false,
    );
  }
  if (fields.includes('questions')) {
    problems.push(...surveyQuestionsProblems(definition.questions));
  }
  return problems;
}

/** What is wrong with a template's questions, fields from `questions`. */
function surveyQuestionsProblems(questions: unknown): SurveyTemplateProblem[] {
  const problems: SurveyTemplateProblem[] = [];
  const add = (field: string, rule: string) => problems.push({ field, rule });
  const { minQuestions, maxQuestions } = SURVEY_TEMPLATE_LIMITS;
  if (questions === undefined) {
    add('questions', 'is required');
    return problems;
  }
  if (!Array.isArray(questions)) {
    add('questions', 'must be a list of questions');
    return problems;
  }
  if (questions.length < minQuestions || questions.length > maxQuestions) {
    add(
      'questions',
      `needs ${minQuestions} to ${maxQuestions} questions, not ${questions.length}`,
    );
  }
  const firstWithId = new Map<string, number>();
  questions.forEach((question, i) => {
    const at = `questions[${i}]`;
    const addHere = (field: string, rule: string) =>
      add(field ? `${at}.${field}` : at, rule);
    questionProblems(question, addHere);
    const id = isObject(question) ? question.id : undefined;
    if (typeof id === 'string') {
      const first = firstWithId.get(id);
      if (first === undefined) firstWithId.set(id, i);
      else addHere('id', `repeats the id of questions[${first}]`);
    }
  });
  return problems;
}

function questionProblems(
  question: unknown,
  add: (field: string, rule: string) => void,
): void {
  if (!isObject(question)) {
    add('', 'must be an object with id, kind and prompt');
    return;
  }
  for (const key of Object.keys(question)) {
    if (!QUESTION_FIELDS.includes(key)) add(key, 'is not a known field');
  }
  const { id, kind, prompt, options, maxChoices, anchors } = question;
  if (id === undefined) add('id', 'is required');
  else if (typeof id !== 'string' || !SURVEY_ID_PATTERN.test(id)) {
    add('id', ID_RULE);
  }
  if (kind === undefined) add('kind', 'is required');
  else if (!SURVEY_QUESTION_KINDS.includes(kind as SurveyQuestionKind)) {
    add('kind', `must be one of ${SURVEY_QUESTION_KINDS.join(', ')}`);
  }
  text(prompt, 'prompt', SURVEY_TEMPLATE_LIMITS.prompt, add, true);
  const known = typeof kind === 'string' ? kind : '';

  if (isChoiceKind(known)) {
    optionsProblems(options, add);
  } else if (options !== undefined) {
    add('options', 'is only for single and multiple questions');
  }

  if (maxChoices !== undefined) {
    const count = Array.isArray(options) ? options.length : 0;
    if (known !== 'multiple') {
      add('maxChoices', 'is only for multiple questions');
    } else if (
      typeof maxChoices !== 'number' ||
      !Number.isInteger(maxChoices) ||
      maxChoices < 1 ||
      maxChoices > Math.max(1, count)
    ) {
      add(
        'maxChoices',
        `must be a whole number from 1 to ${Math.max(
          1,
          count,
        )} (the number of options)`,
      );
    }
  }

  if (anchors !== undefined) {
    if (!isScaleKind(known)) {
      add('anchors', 'is only for nps, csat and likert questions');
    } else if (!isObject(anchors)) {
      add('anchors', 'must be an object with low and high');
    } else {
      for (const key of Object.keys(anchors)) {
        if (key !== 'low' && key !== 'high') {
          add(`anchors.${key}`, 'is not a known field');
        }
      }
      for (const end of ['low', 'high'] as const) {
        text(
          anchors[end],
          `anchors.${end}`,
          SURVEY_TEMPLATE_LIMITS.anchor,
          add,
          true,
        );
      }
    }
  }
}

function optionsProblems(
  options: unknown,
  add: (field: string, rule: string) => void,
): void {
  const { minOptions, maxOptions } = SURVEY_TEMPLATE_LIMITS;
  if (options === undefined) {
    add('options', `needs at least ${minOptions} options`);
    return;
  }
  if (!Array.isArray(options)) {
    add('options', 'must be a list of texts');
    return;
  }
  if (options.length < minOptions) {
    add('options', `needs at least ${minOptions} options`);
  } else if (options.length > maxOptions) {
    add('options', `needs at most ${maxOptions} options`);
  }
  const firstOf = new Map<string, number>();
  options.forEach((option, j) => {
    const field = `options[${j}]`;
    if (!text(option, field, SURVEY_TEMPLATE_LIMITS.option, add, true)) return;
    // Told apart by people reading them, so the same words twice are one option.
    const key = (option as string).trim().toLocaleLowerCase('en-US');
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, j);
    else add(field, `repeats options[${first}]`);
  });
}

/** Checks a text; returns whether it is good. */
function text(
  value: unknown,
  field: string,
  max: number,
  add: (field: string, rule: string) => void,
  required: boolean,
): boolean {
  if (value === undefined || value === null) {
    if (required) add(field, 'is required');
    return !required;
  }
  if (typeof value !== 'string') {
    add(field, 'must be a text');
    return false;
  }
  if (required && value.trim().length === 0) {
    add(field, 'must not be blank');
    return false;
  }
  if (value.length > max) {
    add(field, `must be at most ${max} characters`);
    return false;
  }
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

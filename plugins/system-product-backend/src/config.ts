import { RootConfigService } from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  BUILT_IN_SURVEY_TEMPLATE_IDS,
  SurveyQuestion,
  SurveyTemplateDefinition,
  surveyTemplateProblems,
} from '@system-product/backstage-plugin-common';
import { DEFAULT_ACCESS_CACHE_TTL_MS } from './services/EntityAccess';

/** The plugin's settings, read and checked once at start-up. */
export interface SystemProductConfig {
  /** k of k-anonymity (`systemProduct.survey.minResponses`). */
  minResponses: number;
  /** Minutes between scheduled SLO evaluations. */
  evaluationMinutes: number;
  /** Days of SLO evaluation history kept. */
  historyDays: number;
  /**
   * Days of delivery events kept, in whole months (`systemProduct.events.retentionDays`);
   * undefined: every event is kept.
   */
  eventRetentionDays?: number;
  /** Largest request body (`systemProduct.maxBodySize`). */
  maxBodySize: string;
  /** Whether every response is checked against the OpenAPI document. */
  validateResponses: boolean;
  /**
   * How long a caller's view of an entity is reused, in ms; 0: never
   * (`systemProduct.access.cacheTtl`).
   */
  accessCacheTtlMs: number;
  /** Moment prompts (`systemProduct.moments`). */
  moments: MomentSettings;
  /** Survey templates of app-config (`systemProduct.survey.templates`), checked. */
  surveyTemplates: SurveyTemplateDefinition[];
}

/** How often moment triggers may prompt one person, and for what. */
export interface MomentSettings {
  /**
   * The fatigue cap across every trigger of every system: at most `prompts`
   * prompts to one person in `days` days.
   */
  cap: { prompts: number; days: number };
  /** No prompt for an event that happened longer ago than this, in ms. */
  maxEventAgeMs: number;
  /** How long a prompt can be answered, in ms. */
  answerWithinMs: number;
}

/** Reads `systemProduct.*`; a value out of range stops the backend with a message naming it. */
export function readSystemProductConfig(
  config: RootConfigService,
): SystemProductConfig {
  return {
    minResponses: readMinResponses(config),
    evaluationMinutes:
      config.getOptionalNumber('systemProduct.slo.evaluationMinutes') ?? 5,
    historyDays: readHistoryDays(config),
    eventRetentionDays: readEventRetentionDays(config),
    maxBodySize: config.getOptionalString('systemProduct.maxBodySize') ?? '1mb',
    validateResponses:
      config.getOptionalBoolean('systemProduct.validateResponses') ?? false,
    accessCacheTtlMs: readAccessCacheTtl(config),
    moments: readMomentSettings(config),
    surveyTemplates: readSurveyTemplates(config),
  };
}

const SURVEY_TEMPLATES = 'systemProduct.survey.templates';
/** Problems named in the start-up error; a config with very many lists the first. */
const MAX_LISTED_PROBLEMS = 20;

/**
 * `systemProduct.survey.templates`: a list of `{ id, title, description?,
 * questions }`, each checked as the owner API checks a template, with unique
 * ids that are not built in. Anything wrong stops the backend with one error
 * naming each place, e.g. `systemProduct.survey.templates[1].questions[2].options:
 * needs at least 2 options`.
 */
export function readSurveyTemplates(
  config: RootConfigService,
): SurveyTemplateDefinition[] {
  const value = config.getOptional(SURVEY_TEMPLATES);
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new Error(
      `${SURVEY_TEMPLATES} must be a list of templates, each { id, title, description?, questions }`,
    );
  }
  const problems: string[] = [];
  const firstWithId = new Map<string, number>();
  value.forEach((template, i) => {
    const at = `${SURVEY_TEMPLATES}[${i}]`;
    for (const { field, rule } of surveyTemplateProblems(template)) {
      problems.push(`${field ? `${at}.${field}` : at}: ${rule}`);
    }
    const id = (template as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (BUILT_IN_SURVEY_TEMPLATE_IDS.includes(id)) {
      problems.push(
        `${at}.id: '${id}' is a built-in template, which app-config cannot redefine; give the template another id`,
      );
    }
    const first = firstWithId.get(id);
    if (first === undefined) firstWithId.set(id, i);
    else
      problems.push(
        `${at}.id: repeats the id of ${SURVEY_TEMPLATES}[${first}]`,
      );
  });
  if (problems.length > 0) {
    const more = problems.length - MAX_LISTED_PROBLEMS;
    throw new Error(
      `${problems.slice(0, MAX_LISTED_PROBLEMS).join('; ')}${
        more > 0 ? `; and ${more} more` : ''
      }`,
    );
  }
  return (value as unknown as SurveyTemplateDefinition[]).map(template => ({
    id: template.id,
    title: template.title,
    ...(template.description !== undefined && {
      description: template.description,
    }),
    questions: template.questions.map(
      (question): SurveyQuestion => ({ ...question }),
    ),
  }));
}

/**
 * `systemProduct.moments`: `cap.prompts` (default 2) in `cap.days` (default
 * 14), `maxEventAge` (default 1 hour) and `answerWithin` (default 7 days) as
 * durations (`1h`, `PT1H`, `{ hours: 1 }`).
 */
export function readMomentSettings(config: RootConfigService): MomentSettings {
  const key = 'systemProduct.moments';
  const whole = (name: string, fallback: number, max: number) => {
    const value = config.getOptionalNumber(`${key}.${name}`) ?? fallback;
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new Error(
        `${key}.${name} must be a whole number from 1 to ${max}, got ${value}`,
      );
    }
    return value;
  };
  const duration = (name: string, fallbackMs: number, maxMs: number) => {
    if (config.getOptional(`${key}.${name}`) === undefined) return fallbackMs;
    const ms = durationToMilliseconds(
      readDurationFromConfig(config, { key: `${key}.${name}` }),
    );
    if (!(ms > 0 && ms <= maxMs)) {
      throw new Error(
        `${key}.${name} must be a duration above 0 and at most ${
          maxMs / 86_400_000
        } days`,
      );
    }
    return ms;
  };
  return {
    cap: {
      prompts: whole('cap.prompts', 2, 100),
      days: whole('cap.days', 14, 365),
    },
    maxEventAgeMs: duration('maxEventAge', 3_600_000, 7 * 86_400_000),
    answerWithinMs: duration('answerWithin', 7 * 86_400_000, 90 * 86_400_000),
  };
}

const ACCESS_CACHE_TTL = 'systemProduct.access.cacheTtl';
/** Longest visibility cache TTL: a catalog change must reach callers soon. */
const MAX_ACCESS_CACHE_TTL_MS = 5 * 60_000;

/**
 * How long a caller's view of an entity is reused, in ms: a number of
 * milliseconds, a duration (`5s`, `PT5S`, `{ seconds: 5 }`); 0 turns the
 * cache off. Default 5 s; at most 5 minutes.
 */
export function readAccessCacheTtl(config: RootConfigService): number {
  const value = config.getOptional(ACCESS_CACHE_TTL);
  if (value === undefined) return DEFAULT_ACCESS_CACHE_TTL_MS;
  const ms =
    typeof value === 'number'
      ? value
      : durationToMilliseconds(
          readDurationFromConfig(config, { key: ACCESS_CACHE_TTL }),
        );
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_ACCESS_CACHE_TTL_MS) {
    throw new Error(
      `${ACCESS_CACHE_TTL} must be a duration from 0 to 5 minutes (a number is milliseconds), got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return ms;
}

/** k of k-anonymity: results need at least this many responses; never below 3. */
function readMinResponses(config: RootConfigService): number {
  const k = config.getOptionalNumber('systemProduct.survey.minResponses') ?? 5;
  if (!Number.isInteger(k) || k < 3) {
    throw new Error(
      `systemProduct.survey.minResponses must be an integer of at least 3, got ${k}`,
    );
  }
  return k;
}

/** Days of SLO evaluation history kept; at least 1. */
export function readHistoryDays(config: RootConfigService): number {
  const days = config.getOptionalNumber('systemProduct.slo.historyDays') ?? 400;
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(
      `systemProduct.slo.historyDays must be a whole number of days, at least 1, got ${days}`,
    );
  }
  return days;
}

/** Days of delivery events kept; unset keeps every event, else at least 1. */
export function readEventRetentionDays(
  config: RootConfigService,
): number | undefined {
  const key = 'systemProduct.events.retentionDays';
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  // A number, or its digits (as an environment variable substitutes them).
  const days =
    typeof value === 'string' && /^\s*\d+\s*$/.test(value)
      ? Number(value)
      : value;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) {
    throw new Error(
      `${key} must be a whole number of days, at least 1 (or unset to keep every event), got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return days;
}

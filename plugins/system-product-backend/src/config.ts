import { RootConfigService } from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
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

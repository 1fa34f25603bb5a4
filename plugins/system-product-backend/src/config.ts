import { RootConfigService } from '@backstage/backend-plugin-api';

/** The plugin's settings, read and checked once at start-up. */
export interface SystemProductConfig {
  /** k of k-anonymity (`systemProduct.survey.minResponses`). */
  minResponses: number;
  /** Minutes between scheduled SLO evaluations. */
  evaluationMinutes: number;
  /** Days of SLO evaluation history kept. */
  historyDays: number;
  /** Largest request body (`systemProduct.maxBodySize`). */
  maxBodySize: string;
  /** Whether every response is checked against the OpenAPI document. */
  validateResponses: boolean;
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
    maxBodySize: config.getOptionalString('systemProduct.maxBodySize') ?? '1mb',
    validateResponses:
      config.getOptionalBoolean('systemProduct.validateResponses') ?? false,
  };
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

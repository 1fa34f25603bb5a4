/**
 * System Product backend module: measures OpenSLO SLOs whose metric source
 * type is `Prometheus`, reading the configured Prometheus servers.
 *
 * @packageDocumentation
 */

export { systemProductModulePrometheus as default } from './module';
export { PrometheusSliSource } from './PrometheusSliSource';
export type { PrometheusSliSourceOptions } from './PrometheusSliSource';
export type { PrometheusInstance } from './PrometheusClient';

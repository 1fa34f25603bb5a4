/**
 * System Product backend module: turns PagerDuty v3 incident webhooks,
 * received and signature-checked through Backstage's events backend, into
 * System Product incidents.
 *
 * The default export installs both modules it takes: the ingress of the
 * events backend and the System Product module that records incidents.
 *
 * @packageDocumentation
 */

export {
  pagerDutyIncidents as default,
  systemProductModulePagerDuty,
  eventsModulePagerDutyWebhook,
} from './module';

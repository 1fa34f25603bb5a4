export interface Config {
  systemProduct?: {
    /** PagerDuty v3 webhooks, received by Backstage's events backend. */
    pagerduty?: {
      /**
       * The signing secret of the PagerDuty v3 webhook subscription, which
       * PagerDuty generates and returns when the subscription is created.
       * Every webhook must carry a v1 signature made with it in
       * `X-PagerDuty-Signature`. Without it every webhook is refused (503).
       * @visibility secret
       */
      webhookSecret?: string;
    };
  };
}

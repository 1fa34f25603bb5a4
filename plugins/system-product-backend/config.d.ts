export interface Config {
  /** Configuration of the System Product plugins. */
  systemProduct?: {
    /**
     * Largest request body the API accepts, in the notation of the `bytes`
     * package (for example `256kb`). Larger bodies are answered with 413.
     * Default: 1mb, which takes a full batch of 1000 delivery events.
     * @visibility backend
     */
    maxBodySize?: string;
    slo?: {
      /**
       * Minutes between scheduled evaluations of every SLO (status history
       * and breach notifications to owners). Default 5.
       * @visibility backend
       */
      evaluationMinutes?: number;
      /**
       * Days of scheduled evaluations kept for trends; older ones are deleted
       * once a day. Keep at least your longest SLO window. Default 400.
       * @visibility backend
       */
      historyDays?: number;
    };
    survey?: {
      /**
       * Survey results, breakdowns and free-text answers are shown only when
       * at least this many responses stand behind them, and the texts of
       * friction reports on a touchpoint only once this many different people
       * reported on it. Default 5; at least 3.
       * @visibility frontend
       */
      minResponses?: number;
      /**
       * Secret of the HMAC that turns a respondent into an anonymous key.
       * When unset, a random secret is generated once and kept in the
       * plugin's database; set it from a secret store in production.
       * @visibility secret
       */
      respondentKeySecret?: string;
    };
  };
}

export interface Config {
  systemProduct?: {
    /** The Prometheus SLI source (`metricSource.type: Prometheus`). */
    prometheus?: {
      /**
       * The Prometheus servers SLOs read. An SLO's metric source picks one
       * with `spec.instance`; without it, the first one here. With none, SLOs
       * of type Prometheus have no data and say so.
       */
      instances?: Array<{
        /**
         * What `metricSource.spec.instance` names, unique among the instances.
         * @visibility backend
         */
        name: string;
        /**
         * Base URL of the server's HTTP API (the part before `/api/v1`), for
         * example `http://prometheus.monitoring:9090` or, behind a path
         * prefix, `https://metrics.example.com/prometheus`.
         * @visibility backend
         */
        url: string;
        /**
         * Headers sent with every query, for example `X-Scope-OrgID` of a
         * multi-tenant Mimir or Cortex, or an `Authorization` a proxy needs.
         * @visibility secret
         */
        headers?: { [name: string]: string };
        /**
         * Sent as `Authorization: Bearer <token>`.
         * @visibility secret
         */
        token?: string;
      }>;
      /**
       * Seconds a query may take, body included, before the SLO reports the
       * instance as unavailable. Default 10.
       * @visibility backend
       */
      timeoutSeconds?: number;
      /**
       * Threshold metrics: seconds between the samples that are each counted
       * as one event (the subquery step). Default 60.
       * @visibility backend
       */
      thresholdStepSeconds?: number;
    };
  };
}

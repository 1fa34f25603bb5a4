/** A lead-time SLO as the portal's form sends it. */
export const leadTimeSlo = (
  name = 'lead-time',
  measure = 'lead-time-seconds',
) => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name, displayName: 'Lead time under an hour' },
  spec: {
    budgetingMethod: 'Occurrences',
    timeWindow: [{ duration: '7d', isRolling: true }],
    objectives: [{ op: 'lte', value: 3600, target: 0.5 }],
    indicator: {
      metadata: { name: 'lead-time' },
      spec: {
        thresholdMetric: {
          metricSource: {
            type: 'system-product',
            spec: { event: 'deployment', measure },
          },
        },
      },
    },
  },
});

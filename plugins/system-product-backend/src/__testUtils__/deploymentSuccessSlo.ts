/**
 * An OpenSLO file with one Occurrences SLO on the share of successful
 * deployments over 28 days: the fixture of the tests that read SLO files.
 */
export function deploymentSuccessSlo(
  name: string,
  options: { displayName?: string; target?: number } = {},
): string {
  const displayName = options.displayName
    ? `, displayName: ${options.displayName}`
    : '';
  return `
apiVersion: openslo/v1
kind: SLO
metadata: { name: ${name}${displayName} }
spec:
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ target: ${options.target ?? 0.9} }]
  indicator:
    metadata: { name: success }
    spec:
      ratioMetric:
        good: { metricSource: { type: system-product, spec: { event: deployment, measure: deployment-success } } }
        total: { metricSource: { type: system-product, spec: { event: deployment, measure: count } } }
`;
}

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { resolve } from 'node:path';

/** Names the bench gives its systems: `bench-system-000`, `bench-system-001`, … */
export function benchSystemName(index: number): string {
  return `bench-system-${String(index).padStart(3, '0')}`;
}

/** The entity ref of the `index`th bench system. */
export function benchSystemRef(index: number): string {
  return `system:default/${benchSystemName(index)}`;
}

/** The owner every bench system has. */
export const BENCH_OWNER_GROUP = 'group:default/platform-team';

// The demo catalog's own SLO file (deployment lead time, deployment success
// and time to restore), resolved like an entity registered from that file.
const demoCatalogFile = resolve(
  resolvePackagePath('bench'),
  '../../examples/entities.yaml',
);

/**
 * `count` system products as a catalog would return them: owned by one group,
 * used by one, and each with the demo CI/CD pipeline's OpenSLO file, so every
 * SLO route evaluates three SLOs over the system's delivery events.
 */
export function benchEntities(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: benchSystemName(i),
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${demoCatalogFile}`,
        'system-product/users': 'group:default/mobile',
        'system-product/slo-ref': './systems/ci-cd-pipeline/slos.yaml',
        // The repository whose GitHub webhooks count for it.
        'github.com/project-slug': `bench/${benchSystemName(i)}`,
      },
    },
    spec: { owner: BENCH_OWNER_GROUP },
    relations: [{ type: 'ownedBy', targetRef: BENCH_OWNER_GROUP }],
  }));
}

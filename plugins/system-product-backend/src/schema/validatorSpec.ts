import { spec } from './openapi.generated';

/**
 * The document as the request validator takes it. The document states each
 * discriminator's `mapping` (OpenAPI's implicit mapping would take schema
 * names such as `DeploymentEvent` for the values), but ajv's discriminator
 * keyword refuses a mapping and finds each branch by the `const` of its
 * discriminating property instead. The mappings are left out here; a test
 * checks that each agrees with those consts, so nothing is lost.
 */
export const validatorSpec: typeof spec = withoutMappings(spec);

function withoutMappings<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutMappings) as T;
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'discriminator' && value && typeof value === 'object') {
      const { mapping: _mapping, ...rest } = value as Record<string, unknown>;
      copy[key] = rest;
    } else {
      copy[key] = withoutMappings(value);
    }
  }
  return copy as T;
}

import { CompoundEntityRef } from '@backstage/catalog-model';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { useSystemProductData } from './useSystemProductData';

const loadSlos = (api: SystemProductApi, entity: CompoundEntityRef) =>
  api.getSlos(entity);

/**
 * The SLOs of the entity on the page, each with its latest stored evaluation
 * (`evaluatedAt` says how old), and the problems of its OpenSLO file.
 */
export function useSlos() {
  return useSystemProductData(loadSlos);
}

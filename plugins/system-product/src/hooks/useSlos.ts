import { CompoundEntityRef } from '@backstage/catalog-model';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { useSystemProductData } from './useSystemProductData';

const loadSlos = (api: SystemProductApi, entity: CompoundEntityRef) =>
  api.getSlos(entity);

/**
 * The SLOs of the entity on the page, each evaluated now, with the problems of
 * its OpenSLO file. The backend evaluates every SLO on each call: load them
 * where they are shown, not ahead.
 */
export function useSlos() {
  return useSystemProductData(loadSlos);
}

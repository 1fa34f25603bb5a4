import { CompoundEntityRef } from '@backstage/catalog-model';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { useSystemProductData } from './useSystemProductData';

const loadJourney = (api: SystemProductApi, entity: CompoundEntityRef) =>
  api.getJourney(entity);

/** The journey map of the entity on the page, with its friction. */
export function useJourney() {
  return useSystemProductData(loadJourney);
}

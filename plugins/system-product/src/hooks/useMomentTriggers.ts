import { CompoundEntityRef } from '@backstage/catalog-model';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { useSystemProductData } from './useSystemProductData';

const loadTriggers = (api: SystemProductApi, entity: CompoundEntityRef) =>
  api.getMomentTriggers(entity);

/** The moment triggers of the entity on the page, oldest first, with their rounds. */
export function useMomentTriggers() {
  return useSystemProductData(loadTriggers);
}

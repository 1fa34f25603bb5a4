import { CompoundEntityRef } from '@backstage/catalog-model';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { useSystemProductData } from './useSystemProductData';

const loadRoadmapItems = (api: SystemProductApi, entity: CompoundEntityRef) =>
  api.getRoadmap(entity);

/**
 * The roadmap items of the entity on the page, on their own (the Journey tab
 * shows those that address each touchpoint; `useRoadmap` adds the journey).
 */
export function useRoadmapItems() {
  return useSystemProductData(loadRoadmapItems);
}

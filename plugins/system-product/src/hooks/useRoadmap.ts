import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  Journey,
  SystemProductApi,
} from '@system-product/backstage-plugin-common';
import { journeySteps } from '../format';
import { useSystemProductData } from './useSystemProductData';

/**
 * The roadmap, and the journey steps its items can address. The journey is
 * optional: when it fails to load, the roadmap still loads (and `steps` is
 * undefined, so the items cannot name their steps).
 */
const loadRoadmap = async (
  api: SystemProductApi,
  entity: CompoundEntityRef,
) => {
  const loadJourney = async (): Promise<Journey | undefined> => {
    try {
      return await api.getJourney(entity);
    } catch {
      return undefined;
    }
  };
  const [items, journey] = await Promise.all([
    api.getRoadmap(entity),
    loadJourney(),
  ]);
  return { items, steps: journey && journeySteps(journey) };
};

/** The roadmap items of the entity on the page, and its journey's steps. */
export function useRoadmap() {
  return useSystemProductData(loadRoadmap);
}

import { CompoundEntityRef } from '@backstage/catalog-model';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { useSystemProductData } from './useSystemProductData';

const loadRounds = (api: SystemProductApi, entity: CompoundEntityRef) =>
  api.getSurveyRounds(entity);

/** The survey rounds of the entity on the page, newest first. */
export function useSurveyRounds() {
  return useSystemProductData(loadRounds);
}

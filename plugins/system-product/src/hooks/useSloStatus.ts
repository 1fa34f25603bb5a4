import { CompoundEntityRef } from '@backstage/catalog-model';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { useCallback } from 'react';
import { useSystemProductData } from './useSystemProductData';

/** The scheduled evaluations of one SLO of the entity on the page, over its window. */
export function useSloStatus(sloName: string) {
  const load = useCallback(
    (api: SystemProductApi, entity: CompoundEntityRef) =>
      api.getSloStatus(entity, sloName),
    [sloName],
  );
  return useSystemProductData(load);
}

import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  DoraPeriodDays,
  SystemProductApi,
} from '@system-product/backstage-plugin-common';
import { useCallback } from 'react';
import { useSystemProductData } from './useSystemProductData';

/** DORA's figures of the entity on the page over the last `days` days. */
export function useDora(days: DoraPeriodDays) {
  const load = useCallback(
    (api: SystemProductApi, entity: CompoundEntityRef) =>
      api.getDora(entity, { days }),
    [days],
  );
  return useSystemProductData(load);
}

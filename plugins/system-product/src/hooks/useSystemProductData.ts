import {
  CompoundEntityRef,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { systemProductApiRef } from '../api/systemProductApiRef';

/**
 * Loads System Product data of the entity on the current entity page, with
 * `retry` to load it again (after an error or a change).
 */
export function useSystemProductData<T>(
  load: (api: SystemProductApi, entity: CompoundEntityRef) => Promise<T>,
) {
  const { entity } = useEntity();
  const api = useApi(systemProductApiRef);
  const ref = useMemo(() => getCompoundEntityRef(entity), [entity]);
  // `load` is a module-level function or a memoized one in every caller, so
  // it is stable. Async, so that a load that throws fails like one that rejects.
  return useAsyncRetry(async () => load(api, ref), [api, ref, load]);
}

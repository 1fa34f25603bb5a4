import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { systemProductApiRef } from '../api/systemProductApiRef';

/** The canvas of the entity on the current entity page. */
export function useCanvas() {
  const { entity } = useEntity();
  const api = useApi(systemProductApiRef);
  return useAsyncRetry(
    () => api.getCanvas(getCompoundEntityRef(entity)),
    [api, entity],
  );
}

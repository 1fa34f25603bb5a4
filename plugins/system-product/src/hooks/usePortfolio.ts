import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { systemProductApiRef } from '../api/systemProductApiRef';

/**
 * Every system product the user can see with its figures, or only those
 * `owner` (an entity ref) owns.
 */
export function usePortfolio(owner?: string) {
  const api = useApi(systemProductApiRef);
  return useAsyncRetry(
    () =>
      owner === undefined ? api.getPortfolio() : api.getPortfolio({ owner }),
    [api, owner],
  );
}

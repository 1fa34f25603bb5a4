import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { systemProductApiRef } from '../api/systemProductApiRef';

/** The k-anonymous results of one survey round, as last published. */
export function useSurveyResults(roundId: string) {
  const api = useApi(systemProductApiRef);
  return useAsyncRetry(() => api.getSurveyResults(roundId), [api, roundId]);
}

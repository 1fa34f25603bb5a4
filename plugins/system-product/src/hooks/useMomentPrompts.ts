import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { systemProductApiRef } from '../api/systemProductApiRef';

// Async loads, so that one that throws fails like one that rejects.

/** The signed-in user's open moment prompts, newest first. */
export function useMyPrompts() {
  const api = useApi(systemProductApiRef);
  return useAsyncRetry(async () => api.getMyPrompts(), [api]);
}

/** One of the signed-in user's moment prompts. */
export function usePrompt(promptId: string) {
  const api = useApi(systemProductApiRef);
  return useAsyncRetry(async () => api.getPrompt(promptId), [api, promptId]);
}

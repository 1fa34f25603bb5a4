import {
  AuditorService,
  AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/**
 * Runs a mutation as an auditor event: the event is created first, then
 * marked a success (with `successMeta` of the result) or a failure with the
 * error, which is rethrown. Denied and invalid attempts are audited too.
 */
export async function audited<T>(
  auditor: AuditorService,
  options: AuditorServiceCreateEventOptions,
  mutation: () => Promise<T>,
  successMeta?: (result: T) => JsonObject,
): Promise<T> {
  const event = await auditor.createEvent(options);
  try {
    const result = await mutation();
    await event.success(
      successMeta ? { meta: successMeta(result) } : undefined,
    );
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

import {
  AuditorService,
  AuditorServiceCreateEventOptions,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { EntityAccess } from './EntityAccess';

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

/**
 * A change of an entity's system-product data: audited (severity medium, the
 * entity in the event's meta) and made only when the caller holds
 * `permission` on the entity; a refusal is audited as a failed attempt.
 */
export function auditedChange<T>(
  auditor: AuditorService,
  access: EntityAccess,
  change: {
    eventId: string;
    entityRef: string;
    permission: ResourcePermission<'catalog-entity'>;
    credentials: BackstageCredentials;
    meta?: JsonObject;
  },
  mutation: () => Promise<T>,
  successMeta?: (result: T) => JsonObject,
): Promise<T> {
  const { eventId, entityRef, permission, credentials, meta } = change;
  return audited(
    auditor,
    { eventId, severityLevel: 'medium', meta: { entityRef, ...meta } },
    async () => {
      await access.authorizeChange(entityRef, permission, credentials);
      return mutation();
    },
    successMeta,
  );
}

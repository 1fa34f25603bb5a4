import {
  AuditorService,
  AuditorServiceEventSeverityLevel,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { isTransientConflict } from '../database/dbValues';
import {
  isDatabaseUnavailable,
  isUnstorableValue,
} from '../router/createRouter';
import { unstorableText } from '../router/requestProblems';
import { principalRef } from '../services/EntityAccess';
import { describeProblems } from '../services/FieldChecker';
import { parseEntityRefInput } from './parseEntityRefInput';

/**
 * Attributes of every write action: it adds something (a report, an item, a
 * round, an answer), so calling it twice does it twice, and it removes
 * nothing.
 */
export const WRITE_ACTION_ATTRIBUTES = {
  readOnly: false,
  idempotent: false,
  destructive: false,
} as const;

type Principals = {
  user: BackstageUserPrincipal;
  service: BackstageServicePrincipal;
};

const USERS_AND_SERVICES: ReadonlyArray<keyof Principals> = ['user', 'service'];

/** What a write action is called with: the action context. */
export interface WriteContext {
  /** The input the action's schema let through. */
  input: unknown;
  credentials: BackstageCredentials;
  /** For an audit event that cannot be written. */
  logger: LoggerService;
}

/** How a write action runs, and how its audit event reads. */
export interface WriteOptions<P extends keyof Principals, T> {
  auditor: AuditorService;
  /** The action's name, recorded in its audit event. */
  action: string;
  /** The event id of the route that makes the same change. */
  eventId: string;
  severityLevel: AuditorServiceEventSeverityLevel;
  /**
   * An answer given anonymously (a friction report, a survey answer): the
   * user is not named in the audit event, whose time would link them to it.
   */
  anonymous?: boolean;
  /**
   * Who may call it, as the route's `httpAuth.credentials` allows; users
   * and services unless told.
   */
  allow?: readonly P[];
  /** Why others may not, when only some principals may. */
  refusal?: string;
  write: (credentials: BackstageCredentials<Principals[P]>) => Promise<T>;
  /** What changed, for the audit event of a success. */
  result?: (value: T) => JsonObject;
}

/**
 * Runs a write action the way the router runs the route that makes the same
 * change: audited as the caller (refusals too), only for the principals the
 * route allows, refusing text the database cannot store, and with a database
 * that cannot be reached or a refused value reported as the router reports
 * them. The service does the rest, permission checks included, with the
 * caller's credentials.
 */
export async function performWrite<
  P extends keyof Principals = keyof Principals,
  T = unknown,
>(context: WriteContext, options: WriteOptions<P, T>): Promise<T> {
  const { input, credentials, logger } = context;
  const { auditor } = options;
  // P is both when `allow` is left out.
  const allow = options.allow ?? (USERS_AND_SERVICES as readonly P[]);
  // Without the request, Backstage's auditor would name the plugin as the
  // actor; the caller is named in `meta` instead, unless anonymous.
  const type = principalType(credentials);
  const event = await auditor.createEvent({
    eventId: options.eventId,
    severityLevel: options.severityLevel,
    meta: {
      ...namedIn(input),
      action: options.action,
      actor:
        options.anonymous && type === 'user'
          ? 'an anonymous user'
          : principalRef(credentials),
    },
  });
  const audit = (write: Promise<void>) =>
    write.catch(error =>
      logger.error(`Could not audit ${options.eventId}: ${error}`),
    );
  try {
    if (!isAllowed(credentials, allow)) {
      throw new NotAllowedError(
        options.refusal ??
          `${options.action} may not be called with '${type}' credentials`,
      );
    }
    throwIfUnstorable(input);
    const value = await options.write(credentials).catch(error => {
      throw asActionError(error);
    });
    await audit(event.success({ meta: options.result?.(value) ?? {} }));
    return value;
  } catch (error) {
    await audit(event.fail({ error: error as Error }));
    throw error;
  }
}

/**
 * What the input names, as the route's path does (the entity as written, a
 * round), bounded; never its content.
 */
function namedIn(input: unknown): JsonObject {
  const { entityRef, roundId } = (input ?? {}) as Record<string, unknown>;
  return {
    ...(typeof entityRef === 'string'
      ? { entityRef: entityRef.slice(0, 300) }
      : {}),
    ...(typeof roundId === 'string' ? { roundId: roundId.slice(0, 64) } : {}),
  };
}

/**
 * The entity of an action's input and the rest of it: the path and the body
 * of the route that makes the same change.
 */
export function entityAndBody<I extends { entityRef: string }>(
  input: I,
): [CompoundEntityRef, Omit<I, 'entityRef'>] {
  const { entityRef, ...body } = input;
  return [parseEntityRefInput(entityRef), body];
}

function isAllowed<P extends keyof Principals>(
  credentials: BackstageCredentials,
  allow: readonly P[],
): credentials is BackstageCredentials<Principals[P]> {
  return (allow as readonly string[]).includes(principalType(credentials));
}

function principalType(credentials: BackstageCredentials): string {
  return (credentials.principal as { type: string }).type;
}

/**
 * Text the database cannot store exactly (a NUL, half of a surrogate pair),
 * refused as the router refuses it in a request body; the fields are named
 * from the action's input.
 */
function throwIfUnstorable(input: unknown): void {
  const problems = unstorableText(input).map(p => ({
    ...p,
    field: p.field.replace(/^body/, 'input'),
  }));
  if (problems.length > 0) throw new InputError(describeProblems(problems));
}

/**
 * A database error as the router answers it: a value it refused is the
 * input's fault; one it could not reach, or a write it rolled back in a
 * collision, is temporary. The driver's message is left out, as it may name
 * the host or quote the statement.
 */
function asActionError(error: unknown): unknown {
  const code = (error as { code?: string })?.code ?? (error as Error)?.name;
  if (isUnstorableValue(error)) {
    return new InputError(
      `The input holds a value the database cannot store, such as a number out of range (${code})`,
    );
  }
  if (isDatabaseUnavailable(error)) {
    return new ServiceUnavailableError(
      `The database is unavailable (${code}); retry shortly`,
    );
  }
  if (isTransientConflict(error)) {
    return new ServiceUnavailableError(
      `The write collided with other writes and was rolled back (${code}); retry shortly`,
    );
  }
  return error;
}

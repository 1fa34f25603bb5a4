import { ResponseError } from '@backstage/errors';

/**
 * Why a request failed: the server's reason when it gives one (a 400 names
 * the field and rule), else the error's message.
 */
export function reasonOf(e: unknown): string {
  return e instanceof ResponseError && e.cause?.message
    ? e.cause.message
    : (e as Error).message;
}

/** The HTTP status a request failed with, or undefined when there was no answer. */
export function statusOf(e: unknown): number | undefined {
  return e instanceof ResponseError ||
    (e as Error | undefined)?.name === 'ResponseError'
    ? (e as ResponseError).statusCode
    : undefined;
}

/**
 * What the reader can do about a failed load, by what failed: the sign-in,
 * access, the entity, the backend's database, the backend, or the network.
 */
export function adviceFor(error: Error, what: string): string {
  if (!(error instanceof ResponseError) && error.name !== 'ResponseError') {
    return 'Check that the System Product backend is installed and reachable, then try again.';
  }
  const status = (error as ResponseError).statusCode;
  if (status === 401) {
    return 'Your sign-in has expired: reload the page to sign in again.';
  }
  if (status === 403) {
    return `You may not see the ${what}. Ask the system's owners or your Backstage administrators for access.`;
  }
  if (status === 404) {
    return `The ${what} was not found: the entity may have been renamed, removed from the catalog, or hidden from you. Reload the page to see the catalog's current state.`;
  }
  if (status === 503) {
    return 'The System Product backend cannot reach its database right now. Try again in a few seconds.';
  }
  if (status >= 500) {
    return "The System Product backend failed. If trying again does not help, give your Backstage administrators the error's logId from the details above.";
  }
  return 'The request was refused; the details above say why.';
}

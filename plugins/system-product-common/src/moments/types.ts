import type { SystemProductApiSchemas as Schemas } from '../schema/schemas';

/**
 * A moment trigger: a micro-survey that a delivery event of the entity
 * prompts the person behind it to answer.
 *
 * @public
 */
export type MomentTrigger = Schemas['MomentTrigger'];
/** @public */
export type MomentTriggerRequest = Schemas['MomentTriggerRequest'];
/**
 * A prompt to answer a moment, shown only to the person it went to.
 *
 * @public
 */
export type MomentPrompt = Schemas['MomentPrompt'];
/** @public */
export type MomentAnswerRequest = Schemas['MomentAnswerRequest'];

/**
 * Where the portal shows a moment prompt to answer: the notification links
 * here.
 *
 * @public
 */
export function momentPromptPath(promptId: string): string {
  return `/system-products/prompts/${encodeURIComponent(promptId)}`;
}

/** A path without its trailing slashes ("/" stays "/"). */
function withoutTrailingSlash(path: string): string {
  return path.replace(/(.)\/+$/, '$1');
}

/**
 * Whether a portal path is a page trigger's page or below it, by whole
 * segments: `/create` matches `/create` and `/create/tasks/1`, not
 * `/created`; `/` matches every path.
 *
 * @public
 */
export function pagePathMatches(page: string, path: string): boolean {
  const prefix = withoutTrailingSlash(page);
  const visited = withoutTrailingSlash(path);
  return (
    prefix === '/' || visited === prefix || visited.startsWith(`${prefix}/`)
  );
}

/**
 * A page trigger's page as stored and compared: without trailing slashes.
 *
 * @public
 */
export function normalPagePath(path: string): string {
  return withoutTrailingSlash(path);
}

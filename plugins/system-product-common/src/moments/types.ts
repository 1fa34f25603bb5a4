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

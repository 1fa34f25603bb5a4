import {
  MomentTrigger,
  SurveyResults,
} from '@system-product/backstage-plugin-common';

type EventType = MomentTrigger['eventType'];

/** Each kind of delivery event, one and many. */
export const MOMENT_EVENT_TYPES: Record<EventType, [string, string]> = {
  deployment: ['Deployment', 'deployments'],
  build: ['Build', 'builds'],
  incident: ['Incident', 'incidents'],
  ticket: ['Ticket', 'tickets'],
  custom: ['Custom event', 'custom events'],
  page: ['Page visit', 'visits'],
};

/** The event types whose triggers may ask about one outcome only. */
export const WITH_OUTCOME: EventType[] = ['deployment', 'build'];

/**
 * Which events a trigger asks about, in words: "production deployments that
 * succeeded", "builds that failed", "all tickets".
 */
export function momentEvents(
  trigger: Pick<
    MomentTrigger,
    'eventType' | 'outcome' | 'environment' | 'page'
  >,
): string {
  const { eventType, outcome, environment, page } = trigger;
  if (eventType === 'page') return `visits to ${page} and the pages below it`;
  const events = MOMENT_EVENT_TYPES[eventType][1];
  const where = environment ? `${environment} ${events}` : events;
  if (outcome === 'succeeded') return `${where} that succeeded`;
  if (outcome === 'failed') return `${where} that failed`;
  return environment ? where : `all ${events}`;
}

/** A share as a percentage: 0.1 is "10%", 0.005 "0.5%". */
export function samplePercent(sampleRate: number): string {
  return `${parseFloat((sampleRate * 100).toPrecision(3))}%`;
}

/** How often a trigger asks one person at most. */
export function cooldownText(cooldownDays: number): string {
  return cooldownDays === 1
    ? 'at most once a day per person'
    : `at most once in ${cooldownDays} days per person`;
}

/** The calendar month (UTC) of a moment round: "December 2026". */
export function roundMonth(opensAt: string): string {
  return new Date(opensAt).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

const answers = (n: number) => `${n} answer${n === 1 ? '' : 's'}`;

/**
 * A moment round's answers in brief: how many and the mean 1–5 score of its
 * question once k answered it, else how many of the k needed.
 */
export function momentResultsText(results: SurveyResults): string {
  const soFar = (n: number) => `${n} of ${results.minResponses} answers so far`;
  if (!results.visible) return soFar(results.responses);
  const moment = results.scored.find(q => q.questionId === 'moment');
  if (!moment?.visible || moment.mean === null) {
    return soFar(moment?.answered ?? 0);
  }
  return `${answers(results.responses)}, mean ${moment.mean.toFixed(1)} of 5`;
}

import {
  AuditorService,
  AuditorServiceEventSeverityLevel,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import express from 'express';
import Router from 'express-promise-router';

const ENTITY = '/entities/:kind/:namespace/:name';

/** How one route that changes something is audited. */
export interface AuditedRoute {
  method: 'post' | 'put' | 'patch' | 'delete';
  /** The route as Express names it. */
  path: string;
  eventId: string;
  /**
   * Backstage's levels: `low` for routine contributions (answers, reports,
   * pipeline events), `medium` for changes to an entity's data.
   */
  severityLevel: AuditorServiceEventSeverityLevel;
  /** What the request asks to change (never its content), from its body. */
  request?: (body: any) => JsonObject;
  /** What changed, from the response body of a success. */
  result?: (body: any) => JsonObject;
  /**
   * Answers people give anonymously (survey answers, friction reports): a
   * user is not named as the actor, as the log's time would link them to the
   * stored answer; a service importing answers still is.
   */
  anonymous?: boolean;
}

const version = (body: any): JsonObject =>
  Number.isInteger(body?.version) ? { baseVersion: body.version } : {};

/** Every route that changes something, and what its audit event says. */
export const AUDITED_ROUTES: AuditedRoute[] = [
  {
    method: 'put',
    path: `${ENTITY}/canvas`,
    eventId: 'canvas-update',
    severityLevel: 'medium',
    request: version,
    result: body => ({ version: body.version }),
  },
  {
    method: 'put',
    path: `${ENTITY}/journey`,
    eventId: 'journey-update',
    severityLevel: 'medium',
    request: version,
    result: body => ({ version: body.version }),
  },
  {
    method: 'post',
    path: `${ENTITY}/friction`,
    eventId: 'friction-report',
    severityLevel: 'low',
    anonymous: true,
    request: body =>
      typeof body?.touchpointId === 'string'
        ? { touchpointId: body.touchpointId.slice(0, 64) }
        : {},
  },
  {
    method: 'put',
    path: `${ENTITY}/touchpoints/:touchpointId/me-too`,
    eventId: 'friction-me-too',
    severityLevel: 'low',
    anonymous: true,
  },
  {
    method: 'delete',
    path: `${ENTITY}/touchpoints/:touchpointId/me-too`,
    eventId: 'friction-me-too-withdraw',
    severityLevel: 'low',
    anonymous: true,
  },
  {
    method: 'post',
    path: `${ENTITY}/moments`,
    eventId: 'moment-trigger-create',
    severityLevel: 'medium',
    result: body => ({ triggerId: body.id }),
  },
  {
    method: 'delete',
    path: `${ENTITY}/moments/:triggerId`,
    eventId: 'moment-trigger-delete',
    severityLevel: 'medium',
  },
  {
    method: 'post',
    path: '/prompts/:promptId/answer',
    eventId: 'moment-answer',
    severityLevel: 'low',
    anonymous: true,
  },
  {
    // A visit may make a prompt; who visited which page is not logged.
    method: 'post',
    path: '/page-moments/visits',
    eventId: 'page-visit',
    severityLevel: 'low',
    anonymous: true,
    result: body => ({ prompted: body.prompt !== null }),
  },
  {
    method: 'put',
    path: '/me/loop-notifications',
    eventId: 'loop-notifications-set',
    severityLevel: 'low',
    request: body =>
      typeof body?.enabled === 'boolean' ? { enabled: body.enabled } : {},
  },
  {
    method: 'put',
    path: `${ENTITY}/review-settings`,
    eventId: 'review-settings-update',
    severityLevel: 'medium',
    request: body =>
      typeof body?.cadence === 'string'
        ? { cadence: body.cadence.slice(0, 16) }
        : {},
  },
  {
    method: 'post',
    path: `${ENTITY}/reviews`,
    eventId: 'review-create',
    severityLevel: 'medium',
    result: body => ({ reviewId: body.id }),
  },
  {
    method: 'post',
    path: `${ENTITY}/surveys`,
    eventId: 'survey-round-open',
    severityLevel: 'medium',
    result: body => ({ roundId: body.id, templateId: body.templateId }),
  },
  {
    method: 'post',
    path: '/survey-templates',
    eventId: 'survey-template-create',
    severityLevel: 'medium',
    request: body =>
      typeof body?.entityRef === 'string'
        ? { entityRef: body.entityRef.slice(0, 300) }
        : {},
    result: body => ({ templateId: body.id, version: body.version }),
  },
  {
    method: 'put',
    path: '/survey-templates/:templateId',
    eventId: 'survey-template-update',
    severityLevel: 'medium',
    request: body =>
      Number.isInteger(body?.expectedVersion)
        ? { baseVersion: body.expectedVersion }
        : {},
    result: body => ({ entityRef: body.entityRef, version: body.version }),
  },
  {
    method: 'post',
    path: '/surveys/:roundId/responses',
    eventId: 'survey-answer',
    severityLevel: 'low',
    anonymous: true,
    result: body => ({ replaced: body.replaced }),
  },
  {
    method: 'post',
    path: `${ENTITY}/slos`,
    eventId: 'slo-create',
    severityLevel: 'medium',
    result: body => ({ sloName: body.name }),
  },
  {
    method: 'delete',
    path: `${ENTITY}/slos/:sloName`,
    eventId: 'slo-delete',
    severityLevel: 'medium',
  },
  {
    method: 'post',
    path: `${ENTITY}/roadmap`,
    eventId: 'roadmap-item-create',
    severityLevel: 'medium',
    result: body => ({ itemId: body.id, version: body.version }),
  },
  {
    method: 'patch',
    path: '/roadmap/:itemId',
    eventId: 'roadmap-item-update',
    severityLevel: 'medium',
    request: version,
    result: body => ({ entityRef: body.entityRef, version: body.version }),
  },
  {
    method: 'post',
    path: '/events',
    eventId: 'delivery-events-ingest',
    severityLevel: 'low',
    request: body =>
      Array.isArray(body?.events) ? { events: body.events.length } : {},
    result: body => ({
      accepted: body.accepted,
      duplicates: body.duplicates,
      rejected: body.rejected?.length ?? 0,
    }),
  },
];

/** What the path names: the entity (as written) and the resource ids. */
function pathMeta(params: Record<string, string>): JsonObject {
  const { kind, namespace, name, ...ids } = params;
  if (kind === undefined) return ids;
  // As entityRefFromParams reads it; bounded, as it may be malformed.
  const entityRef = `${kind.toLocaleLowerCase(
    'en-US',
  )}:${namespace.toLocaleLowerCase('en-US')}/${name}`;
  return { entityRef: entityRef.slice(0, 300), ...ids };
}

/**
 * Audits every request to a route of {@link AUDITED_ROUTES}, before anything
 * else looks at it, so refusals of every kind (a body that is not JSON, a
 * schema violation, a missing permission, a stale version) are audited as
 * failed attempts along with the changes made. The request goes with the
 * event, so the actor is the calling user or service.
 *
 * Call {@link recordAuditedError} at the end of the router so a failed
 * attempt carries its error.
 */
export function auditMutations(options: {
  auditor: AuditorService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  routes?: AuditedRoute[];
}): express.Router {
  const { auditor, httpAuth, logger } = options;
  const router = Router();
  for (const route of options.routes ?? AUDITED_ROUTES) {
    router[route.method](route.path, async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      const withheld =
        route.anonymous &&
        (credentials.principal as { type: string }).type === 'user';
      const event = await auditor.createEvent({
        eventId: route.eventId,
        severityLevel: route.severityLevel,
        request: withheld ? undefined : req,
        meta: {
          ...pathMeta(req.params),
          ...(withheld ? { actor: 'an anonymous user' } : {}),
        },
      });
      let responseBody: unknown;
      const json = res.json.bind(res);
      res.json = body => {
        responseBody = body;
        return json(body);
      };
      res.once('close', () => {
        const asked = route.request?.(req.body) ?? {};
        const finish = async () => {
          if (res.writableFinished && res.statusCode < 400) {
            await event.success({
              meta: { ...asked, ...route.result?.(responseBody ?? {}) },
            });
            return;
          }
          await event.fail({
            meta: { ...asked, status: res.statusCode },
            error:
              (res.locals.auditedError as Error | undefined) ??
              new Error(
                res.writableFinished
                  ? `Answered with status ${res.statusCode}`
                  : 'The client went away before the answer',
              ),
          });
        };
        finish().catch(error =>
          logger.error(`Could not audit ${route.eventId}: ${error}`),
        );
      });
      return 'next';
    });
  }
  return router;
}

/**
 * Error middleware that keeps the error a request ends with, for the audit
 * event of {@link auditMutations}, and passes it on.
 */
export function recordAuditedError(): express.ErrorRequestHandler {
  return (error, _req, res, next) => {
    res.locals.auditedError = error;
    next(error);
  };
}

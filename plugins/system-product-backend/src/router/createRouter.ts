import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import {
  CustomErrorBase,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { CanvasService } from '../services/CanvasService';
import { SurveyService } from '../services/SurveyService';
import { SurveyTemplateService } from '../services/SurveyTemplateService';
import { EventService } from '../services/EventService';
import { SloService } from '../services/SloService';
import { JourneyService } from '../services/JourneyService';
import { MomentService } from '../services/MomentService';
import { ClosingTheLoop } from '../services/ClosingTheLoop';
import { ReviewService } from '../services/ReviewService';
import { PortfolioService } from '../services/PortfolioService';
import { RoadmapService } from '../services/RoadmapService';
import { isTransientConflict } from '../database/dbValues';
import { validatorSpec } from '../schema/validatorSpec';
import { EndpointMap } from '../schema/router.generated';
import { addCanvasRoutes } from './canvasRouter';
import { addEventRoutes } from './eventRouter';
import { addSloRoutes } from './sloRouter';
import { addDoraRoutes } from './doraRouter';
import { addJourneyRoutes } from './journeyRouter';
import { addMomentRoutes } from './momentRouter';
import { addLoopRoutes } from './loopRouter';
import { addReviewRoutes } from './reviewRouter';
import { addPortfolioRoutes } from './portfolioRouter';
import { addRoadmapRoutes } from './roadmapRouter';
import { addSurveyRoutes } from './surveyRouter';
import { addSurveyTemplateRoutes } from './surveyTemplateRouter';
import { auditMutations, recordAuditedError } from './auditMutations';
import { describeProblems } from '../services/FieldChecker';
import {
  RequestProblems,
  fieldHolding,
  refuseUnstorableText,
  schemaProblems,
} from './requestProblems';
import { refusedEventBatch } from './eventRouter';

const RETRY_AFTER_SECONDS = 2;

// Socket errors of a lost or refused connection.
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);
// PostgreSQL: connection exceptions (class 08), the server shutting down or
// starting up (57P01-57P03), too many connections (53300).
const POSTGRES_UNAVAILABLE = /^(08...|57P0[1-3]|53300)$/;
// node-postgres reports a connection cut mid-query by message only, and knex
// puts the statement in front of it ("ROLLBACK - Connection terminated …").
const LOST_CONNECTION =
  /Connection terminated|connection error and is not queryable/;

/**
 * Whether an error means the database could not be reached rather than that
 * the request was wrong: a refused or cut connection, PostgreSQL shutting down
 * or starting up, or no pooled connection within the acquire timeout.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { name, code, message } = (error ?? {}) as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
  };
  if (name === 'KnexTimeoutError') return true;
  if (typeof code === 'string') {
    if (CONNECTION_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code)) {
      return true;
    }
  }
  return typeof message === 'string' && LOST_CONNECTION.test(message);
}

// PostgreSQL data exceptions that only a value from the request can cause:
// string too long (22001), number out of range (22003), date out of range or
// unreadable (22007, 22008), a character it cannot store such as NUL (22021,
// 22P05). SQLite stores such values; PostgreSQL refuses them.
const UNSTORABLE_VALUE = new Set([
  '22001',
  '22003',
  '22007',
  '22008',
  '22021',
  '22P05',
]);

/**
 * Whether PostgreSQL refused a value the request carried (one the schema and
 * the services let through), rather than the plugin failing.
 */
export function isUnstorableValue(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return typeof code === 'string' && UNSTORABLE_VALUE.has(code);
}

/** 415: the request has a body of a type the route does not take. */
export class UnsupportedMediaTypeError extends CustomErrorBase {
  name = 'UnsupportedMediaTypeError' as const;
  statusCode = 415 as const;
}

/** Whether a request carries a body (as the `type-is` package decides). */
function hasBody(req: express.Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined &&
      req.headers['content-length'] !== '0')
  );
}

/**
 * Every body the API takes is JSON: any other is answered with 415 before it
 * is parsed, instead of being read as no body at all (which the schema
 * would then refuse with a misleading 400).
 */
function requireJsonBody(
  req: express.Request,
  _res: express.Response,
  next: express.NextFunction,
) {
  if (hasBody(req) && !req.is('application/json')) {
    next(
      new UnsupportedMediaTypeError(
        `The body must be JSON (Content-Type: application/json), not ${
          req.headers['content-type'] ?? 'untyped'
        }`,
      ),
    );
    return;
  }
  next();
}

/** The plugin's HTTP API, mounted at `/api/system-product`. */
export function createRouter(options: {
  canvases: CanvasService;
  surveys: SurveyService;
  surveyTemplates: SurveyTemplateService;
  journeys: JourneyService;
  moments: MomentService;
  loop: ClosingTheLoop;
  reviews: ReviewService;
  roadmap: RoadmapService;
  portfolio: PortfolioService;
  events: EventService;
  slos: SloService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
  maxBodySize: string;
  /** Check every response against the document too (tests, staging). */
  validateResponses?: boolean;
}): express.Router {
  const router = Router();
  // First, so that every refused change is audited as well.
  router.use(auditMutations(options));
  router.use(requireJsonBody);
  // Parsed here, outside the validated router, so an oversized body keeps its 413.
  router.use(express.json({ limit: options.maxBodySize }));

  // Every request is checked against the OpenAPI document first, then its
  // text; the services check what a schema cannot. The validator is told to
  // report every problem (a batch names all its bad events), to check a
  // oneOf by its discriminator (each event by the schema of its type), and
  // to check formats fully: the fast check takes 2026-02-30 for a date.
  // (Its `allErrors` is bounded by the schema's maxItems, maxLength and
  // maxProperties and by systemProduct.maxBodySize.)
  const api = createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(
    validatorSpec,
    {
      middleware: [(_req, _res, next) => next()],
      validatorOptions: {
        validateRequests: {
          coerceTypes: false,
          allowUnknownQueryParameters: false,
          allErrors: true,
          discriminator: true,
        },
        // Only where configured (tests, staging): extra fields fail the
        // check (never stripped silently), values of the wrong type too.
        validateResponses: options.validateResponses
          ? { removeAdditional: false, coerceTypes: false, allErrors: true }
          : false,
        ajvFormats: { mode: 'full' },
      },
    },
  );
  api.use(refuseUnstorableText());
  api.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  addCanvasRoutes(api, options);
  addSurveyRoutes(api, options);
  addSurveyTemplateRoutes(api, options);
  addJourneyRoutes(api, options);
  addMomentRoutes(api, options);
  addLoopRoutes(api, options);
  addReviewRoutes(api, options);
  addRoadmapRoutes(api, options);
  addPortfolioRoutes(api, options);
  addEventRoutes(api, options);
  addSloRoutes(api, options);
  addDoraRoutes(api, options);

  router.use(api);
  // A request the schema or the text check refused: 400 naming each field
  // and its rule, as the services name theirs; a batch of events, every
  // bad event.
  router.use(
    async (
      error: Error,
      req: express.Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => {
      const problems =
        error instanceof RequestProblems
          ? error.problems
          : schemaProblems(error, req);
      if (!problems || problems.length === 0) {
        next(error);
        return;
      }
      next(
        (await refusedEventBatch(req, problems, options)) ??
          new InputError(describeProblems(problems)),
      );
    },
  );
  // A value PostgreSQL refuses is the request's fault: 400. A database that
  // cannot be reached (restarting, failing over, pool exhausted), or a
  // transaction it rolled back for colliding with others (after the stores'
  // own retry), is temporary: 503 with Retry-After tells clients to try
  // again, where a 500 would say the request itself broke something.
  router.use(
    (
      error: Error,
      req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (isUnstorableValue(error)) {
        // The code and the field only: the driver's message may quote the
        // statement. PostgreSQL quotes the value it refuses, if any, which
        // tells the field that holds it.
        const { code, message } = error as { code?: string; message: string };
        const quoted = /"([^"]*)"$/.exec(message)?.[1];
        const field =
          quoted === undefined ? undefined : fieldHolding(req.body, quoted);
        next(
          new InputError(
            field
              ? `${field}: holds a value the database cannot store (${code})`
              : `The request holds a value the database cannot store, such as a number out of range (${code})`,
          ),
        );
        return;
      }
      // The code only: the driver's message names the database host.
      const code = (error as { code?: string }).code ?? error.name;
      if (isDatabaseUnavailable(error)) {
        res.set('Retry-After', String(RETRY_AFTER_SECONDS));
        next(
          new ServiceUnavailableError(
            `The database is unavailable (${code}); retry shortly`,
          ),
        );
        return;
      }
      if (isTransientConflict(error)) {
        res.set('Retry-After', String(RETRY_AFTER_SECONDS));
        next(
          new ServiceUnavailableError(
            `The request collided with other writes and was rolled back (${code}); retry shortly`,
          ),
        );
        return;
      }
      next(error);
    },
  );
  router.use(recordAuditedError());
  return router;
}

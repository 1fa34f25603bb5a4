import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { CanvasService } from '../services/CanvasService';
import { SurveyService } from '../services/SurveyService';
import { EventService } from '../services/EventService';
import { SloService } from '../services/SloService';
import { JourneyService } from '../services/JourneyService';
import { PortfolioService } from '../services/PortfolioService';
import { RoadmapService } from '../services/RoadmapService';
import { isTransientConflict } from '../database/dbValues';
import { spec } from '../schema/openapi.generated';
import { canvasRouter } from './canvasRouter';
import { eventRouter } from './eventRouter';
import { sloRouter } from './sloRouter';
import { journeyRouter } from './journeyRouter';
import { portfolioRouter } from './portfolioRouter';
import { roadmapRouter } from './roadmapRouter';
import { surveyRouter } from './surveyRouter';

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

/** The plugin's HTTP API, mounted at `/api/system-product`. */
export function createRouter(options: {
  canvases: CanvasService;
  surveys: SurveyService;
  journeys: JourneyService;
  roadmap: RoadmapService;
  portfolio: PortfolioService;
  events: EventService;
  slos: SloService;
  httpAuth: HttpAuthService;
  maxBodySize: string;
}): express.Router {
  const router = Router();
  // Parsed here, outside the validated router, so an oversized body keeps its 413.
  router.use(express.json({ limit: options.maxBodySize }));

  // Every request is checked against the OpenAPI document first (400 naming
  // the field and the rule); the services then check what a schema cannot.
  const api = createValidatedOpenApiRouter(spec, {
    middleware: [(_req, _res, next) => next()],
  });
  api.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  api.use(canvasRouter(options));
  api.use(surveyRouter(options));
  api.use(journeyRouter(options));
  api.use(roadmapRouter(options));
  api.use(portfolioRouter(options));
  api.use(eventRouter(options));
  api.use(sloRouter(options));

  router.use(api);
  // A value PostgreSQL refuses is the request's fault: 400. A database that
  // cannot be reached (restarting, failing over, pool exhausted), or a
  // transaction it rolled back for colliding with others (after the stores'
  // own retry), is temporary: 503 with Retry-After tells clients to try
  // again, where a 500 would say the request itself broke something.
  router.use(
    (
      error: Error,
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (isUnstorableValue(error)) {
        // The code only: the driver's message quotes the statement.
        next(
          new InputError(
            `The request holds a value the database cannot store, such as a NUL character or a number out of range (${
              (error as { code?: string }).code
            })`,
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
  return router;
}

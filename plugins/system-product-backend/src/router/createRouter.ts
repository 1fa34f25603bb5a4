import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import Router from 'express-promise-router';
import { CanvasService } from '../services/CanvasService';
import { SurveyService } from '../services/SurveyService';
import { EventService } from '../services/EventService';
import { SloService } from '../services/SloService';
import { JourneyService } from '../services/JourneyService';
import { PortfolioService } from '../services/PortfolioService';
import { RoadmapService } from '../services/RoadmapService';
import { spec } from '../schema/openapi.generated';
import { canvasRouter } from './canvasRouter';
import { eventRouter } from './eventRouter';
import { sloRouter } from './sloRouter';
import { journeyRouter } from './journeyRouter';
import { portfolioRouter } from './portfolioRouter';
import { roadmapRouter } from './roadmapRouter';
import { surveyRouter } from './surveyRouter';

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
  return router;
}

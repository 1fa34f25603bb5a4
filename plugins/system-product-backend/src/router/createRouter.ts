import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { CanvasService } from '../services/CanvasService';
import { SurveyService } from '../services/SurveyService';
import { JourneyService } from '../services/JourneyService';
import { RoadmapService } from '../services/RoadmapService';
import { canvasRouter } from './canvasRouter';
import { journeyRouter } from './journeyRouter';
import { roadmapRouter } from './roadmapRouter';
import { surveyRouter } from './surveyRouter';

/** The plugin's HTTP API, mounted at `/api/system-product`. */
export function createRouter(options: {
  canvases: CanvasService;
  surveys: SurveyService;
  journeys: JourneyService;
  roadmap: RoadmapService;
  httpAuth: HttpAuthService;
  maxBodySize: string;
}): express.Router {
  const router = Router();
  router.use(express.json({ limit: options.maxBodySize }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.use(canvasRouter(options));
  router.use(surveyRouter(options));
  router.use(journeyRouter(options));
  router.use(roadmapRouter(options));
  return router;
}

import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from './apiRouter';
import { ReviewService } from '../services/ReviewService';
import { entityRefFromParams } from './entityRefFromParams';

/** Review digests of an entity and how often they are made. */
export function addReviewRoutes(
  router: ApiRouter,
  options: { reviews: ReviewService; httpAuth: HttpAuthService },
): void {
  const { reviews, httpAuth } = options;
  const settings = '/entities/:kind/:namespace/:name/review-settings';
  const list = '/entities/:kind/:namespace/:name/reviews';

  router.get(settings, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({
      cadence: await reviews.getCadence(
        entityRefFromParams(req.params),
        credentials,
      ),
    });
  });

  router.put(settings, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json({
      cadence: await reviews.setCadence(
        entityRefFromParams(req.params),
        req.body.cadence,
        credentials,
      ),
    });
  });

  router.get(list, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({
      items: await reviews.list(entityRefFromParams(req.params), credentials),
    });
  });

  router.post(list, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res
      .status(201)
      .json(
        await reviews.createNow(entityRefFromParams(req.params), credentials),
      );
  });

  router.get(
    '/entities/:kind/:namespace/:name/reviews/:reviewId',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      res.json(
        await reviews.get(
          entityRefFromParams(req.params),
          req.params.reviewId,
          credentials,
        ),
      );
    },
  );
}

import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  getEntityOwner,
  entityPagePath,
} from '@system-product/backstage-plugin-common';
import { SurveyStore } from '../database/SurveyStore';

/**
 * Tells the owners of a system product once that one of its survey rounds
 * closed: how many answered, and whether that is enough for results (k).
 */
export class SurveyRoundCloseJob {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      surveys: SurveyStore;
      notifications: NotificationService;
      logger: LoggerService;
      minResponses: number;
    },
  ) {}

  async run(now = new Date()): Promise<{ closed: number; notified: number }> {
    const { catalog, auth, surveys, notifications, logger, minResponses } =
      this.options;
    const rounds = await surveys.claimClosedRounds(now);
    if (rounds.length === 0) return { closed: 0, notified: 0 };
    const refs = [...new Set(rounds.map(round => round.entityRef))];
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const entities = new Map(refs.map((ref, i) => [ref, items[i]]));
    let notified = 0;
    for (const round of rounds) {
      const entity = entities.get(round.entityRef);
      const owner = entity && getEntityOwner(entity);
      if (!entity || !owner) continue;
      const name = entity.metadata.title ?? entity.metadata.name;
      const answers = `${round.responses} ${
        round.responses === 1 ? 'person' : 'people'
      } answered`;
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: owner },
          payload: {
            title: `Survey round "${round.title}" of ${name} closed`,
            description:
              round.responses >= minResponses
                ? `${answers}: the results are on the survey card.`
                : `${answers}, fewer than the ${minResponses} needed, so its results stay hidden. Open a new round and ask more of your users.`,
            link: entityPagePath(entity),
            severity: 'normal',
            topic: 'system-product-survey',
          },
        });
        notified++;
      } catch (error) {
        logger.error(
          `Could not tell ${owner} that survey round ${round.id} closed: ${error}`,
        );
      }
    }
    return { closed: rounds.length, notified };
  }
}

import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ANNOTATION_SLO_REF,
  getEntityOwner,
  isSystemProductEntity,
  entityPagePath,
} from '@system-product/backstage-plugin-common';
import { SloDefinitionStore } from '../database/SloDefinitionStore';
import { SloStatusStore } from '../database/SloStatusStore';
import { SloEvaluator } from '../slo/SloEvaluator';

/**
 * The scheduled SLO evaluation: evaluates every SLO of every system product
 * with an SLO file or SLOs made in the portal, records the status, and notifies the entity's owners when
 * an SLO starts breaching (a fast burn or a spent budget). The notification
 * goes out on the transition only, so one episode is one notification however
 * many runs it lasts.
 */
export class SloEvaluationJob {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      evaluator: SloEvaluator;
      definitions: SloDefinitionStore;
      statuses: SloStatusStore;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  async run(
    now = new Date(),
  ): Promise<{ evaluated: number; notified: number }> {
    const { evaluator, statuses, notifications, logger } = this.options;
    const entities = await this.entitiesWithSlos();
    let evaluated = 0;
    let notified = 0;
    for (const entity of entities) {
      const entityRef = stringifyEntityRef(entity);
      const { items: slos } = await evaluator.evaluate(entity, now);
      const previous = await statuses.latest(entityRef);
      await statuses.recordRun(entityRef, slos, now);
      evaluated += slos.length;
      for (const slo of slos) {
        if (
          slo.evaluation.status === 'breaching' &&
          previous.get(slo.name) !== 'breaching'
        ) {
          const owner = getEntityOwner(entity);
          if (!owner) continue;
          const firing = slo.evaluation.burnRates.find(b => b.firing);
          // A notification that cannot be sent must not stop the run: the
          // other SLOs and entities are still evaluated and recorded.
          try {
            await notifications.send({
              recipients: { type: 'entity', entityRef: owner },
              payload: {
                title: `${slo.displayName} of ${
                  entity.metadata.title ?? entity.metadata.name
                } is breaching`,
                description: firing
                  ? `The error budget burns at ${firing.longBurn?.toFixed(
                      1,
                    )}× (alert threshold ${firing.factor}×).`
                  : `The error budget is spent (${Math.round(
                      (slo.evaluation.remaining ?? 0) * 100,
                    )}% left).`,
                link: `${entityPagePath(entity)}/system-product/slos`,
                severity: 'high',
                topic: 'system-product-slo',
              },
            });
            notified++;
          } catch (error) {
            logger.error(
              `Could not notify ${owner} that ${slo.name} of ${entityRef} is breaching: ${error}`,
            );
          }
        }
      }
    }
    logger.info(`Evaluated ${evaluated} SLOs, ${notified} notifications`);
    return { evaluated, notified };
  }

  /**
   * The system products with an SLO file, and those with SLOs made in the
   * portal (which need no file), each once; entities the catalog no longer
   * has are skipped.
   */
  private async entitiesWithSlos(): Promise<Entity[]> {
    const { catalog, auth, definitions } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items: withFile } = await catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_SLO_REF}`]: CATALOG_FILTER_EXISTS,
        },
      },
      { credentials },
    );
    const seen = new Set(withFile.map(entity => stringifyEntityRef(entity)));
    const portalOnly = (await definitions.entityRefs()).filter(
      ref => !seen.has(ref),
    );
    const { items: withPortalSlos } =
      portalOnly.length > 0
        ? await catalog.getEntitiesByRefs(
            { entityRefs: portalOnly },
            { credentials },
          )
        : { items: [] };
    return [...withFile, ...withPortalSlos].filter(
      (entity): entity is Entity =>
        entity !== undefined && isSystemProductEntity(entity),
    );
  }
}

import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AlphaEntity, EntityStatusItem } from '@backstage/catalog-model/alpha';
import { InputError, serializeError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { ANNOTATION_SLO_REF } from '@system-product/backstage-plugin-common';
import { parseSloRef } from '@system-product/backstage-plugin-node';
import {
  annotatedSurveyTemplate,
  findAnnotationProblems,
} from './annotationProblems';
import { SloRefChecker, SloRefProblem } from './SloRefChecker';
import { SurveyTemplateChecker } from './SurveyTemplateChecker';

/**
 * The status item type the catalog's error panel (`EntityProcessingErrorsPanel`)
 * shows; the same value as `ENTITY_STATUS_CATALOG_PROCESSING_TYPE` of
 * `@backstage/catalog-client`.
 */
const CATALOG_PROCESSING_STATUS = 'backstage.io/catalog-processing';

/**
 * Checks the `system-product/*` annotations of every entity and reports what
 * is wrong in the entity's status, where the catalog's error panel shows it.
 *
 * @remarks
 *
 * Problems are written as `status.items` of type
 * `backstage.io/catalog-processing` (level `error`) instead of being emitted
 * with `processingResult.inputError`: an emitted error marks the whole
 * processing run as failed, and the catalog then keeps the previous version of
 * the entity, or never stores a new entity at all. A bad annotation must not
 * hide a system or freeze its other changes, so the entity is always returned
 * and stored; the catalog's stitcher keeps these status items and adds its own.
 *
 * @public
 */
export class SystemProductAnnotationsProcessor implements CatalogProcessor {
  private readonly sloRefs: SloRefChecker;
  private readonly surveyTemplates?: SurveyTemplateChecker;

  /**
   * @param options - `reader` reads OpenSLO files; `surveyTemplates` checks
   * that `system-product/survey` names a template rounds on the entity can
   * use (without it only the value's syntax is checked).
   */
  constructor(options: {
    reader: UrlReaderService;
    surveyTemplates?: SurveyTemplateChecker;
  }) {
    this.sloRefs = new SloRefChecker(options.reader);
    this.surveyTemplates = options.surveyTemplates;
  }

  getProcessorName(): string {
    return 'SystemProductAnnotationsProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    _emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    const problems: SloRefProblem[] = findAnnotationProblems(entity).map(
      message => ({ level: 'error', message }),
    );
    const sloRef = entity.metadata.annotations?.[ANNOTATION_SLO_REF];
    if (sloRef !== undefined) {
      const target = parseSloRef(sloRef);
      if (!('problem' in target)) {
        problems.push(...(await this.sloRefs.check(target, location, cache)));
      }
    }
    const templateId = annotatedSurveyTemplate(entity);
    if (templateId !== undefined && this.surveyTemplates) {
      const problem = await this.surveyTemplates.check(
        templateId,
        stringifyEntityRef(entity),
      );
      if (problem) problems.push({ level: 'error', message: problem });
    }
    if (problems.length === 0) {
      return entity;
    }
    const items: EntityStatusItem[] = problems.map(({ level, message }) => {
      const error = new InputError(message);
      return {
        type: CATALOG_PROCESSING_STATUS,
        level,
        message: `${error.name}: ${error.message}`,
        error: serializeError(error),
      };
    });
    const current = (entity as AlphaEntity).status;
    return {
      ...entity,
      status: { ...current, items: [...(current?.items ?? []), ...items] },
    } as AlphaEntity;
  }
}

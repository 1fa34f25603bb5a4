import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { IndexableDocument } from '@backstage/plugin-search-common';
import {
  Canvas,
  RoadmapItem,
  entityPagePath,
} from '@system-product/backstage-plugin-common';

/** The search document type of this collator. @public */
export const SYSTEM_PRODUCT_DOCUMENT_TYPE = 'system-product';

/**
 * A canvas or a roadmap item in Backstage search. Every document carries the
 * entity ref in `authorization`, so results follow `catalog.entity.read` for
 * the person searching.
 *
 * @public
 */
export interface SystemProductDocument extends IndexableDocument {
  /** Which part of the system product the document is. */
  documentKind: 'canvas' | 'roadmap-item';
  entityRef: string;
  /** The entity's title, or its name. */
  entityTitle: string;
  /** Entity ref of the entity's owner, if it has one. */
  owner?: string;
  /** For roadmap items: `quick-win` or `strategic`. */
  itemKind?: string;
  /** For roadmap items: `idea`, `planned`, `in-progress`, `shipped` or `dropped`. */
  status?: string;
  authorization: { resourceRef: string };
}

/** The document of an entity's canvas, or none for a canvas never saved. */
export function canvasDocument(
  entity: Entity,
  canvas: Canvas,
): SystemProductDocument | undefined {
  if (canvas.version === 0) return undefined;
  const { users, valueProposition, journey, metrics, roadmap } = canvas.content;
  // The value proposition first: search shows the beginning of the text.
  const text = lines([
    valueProposition.value,
    valueProposition.easierWork,
    valueProposition.withoutIt,
    valueProposition.externalValue,
    ...users.personas.flatMap(persona => [
      `${persona.name}: ${persona.description}`,
      ...persona.needs,
      ...persona.frustrations,
      ...persona.successMeasures,
    ]),
    journey.summary,
    ...journey.touchpoints,
    journey.mostFriction,
    ...journey.failureModes,
    ...journey.slowestSteps,
    ...metrics.efficiency,
    ...metrics.quality,
    ...metrics.satisfaction,
    ...metrics.businessImpact,
    roadmap.summary,
    ...roadmap.painPoints,
    ...roadmap.quickWins,
    ...roadmap.strategicChanges,
    roadmap.resourceRequirements,
    roadmap.timeline,
  ]);
  return {
    ...entityFields(entity),
    documentKind: 'canvas',
    title: entityTitle(entity),
    text,
    location: `${entityPagePath(entity)}/system-product/canvas`,
  };
}

/** The document of one roadmap item. */
export function roadmapItemDocument(
  entity: Entity,
  item: RoadmapItem,
): SystemProductDocument {
  return {
    ...entityFields(entity),
    documentKind: 'roadmap-item',
    title: item.title,
    text: lines([
      item.description,
      ...item.painPoints,
      item.metric ? `Expected to move: ${item.metric}` : '',
      ...item.milestones.map(m => m.title),
    ]),
    // Search engines key documents by location, so each item needs its own.
    location: `${entityPagePath(
      entity,
    )}/system-product/roadmap#roadmap-item-${encodeURIComponent(item.id)}`,
    itemKind: item.kind,
    status: item.status,
  };
}

function entityFields(entity: Entity) {
  const entityRef = stringifyEntityRef(entity);
  const owner = entity.spec?.owner;
  return {
    entityRef,
    entityTitle: entityTitle(entity),
    ...(typeof owner === 'string' && owner ? { owner } : {}),
    authorization: { resourceRef: entityRef },
  };
}

function entityTitle(entity: Entity): string {
  return entity.metadata.title || entity.metadata.name;
}

function lines(parts: string[]): string {
  return parts
    .map(part => part.trim())
    .filter(part => part.length > 0)
    .join('\n');
}

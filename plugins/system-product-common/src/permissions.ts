import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/*
 * Every write permission is a resource permission on the catalog entity the
 * data belongs to, so a policy can make it conditional on ownership with the
 * catalog's own rules (`catalogConditions.isEntityOwner`). Reading needs no
 * permission of ours: it follows the catalog's visibility of the entity.
 */

/** Replace an entity's canvas. @public */
export const systemProductCanvasUpdatePermission = createPermission({
  name: 'system-product.canvas.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Replace an entity's journey map. @public */
export const systemProductJourneyUpdatePermission = createPermission({
  name: 'system-product.journey.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Open or close a survey round on an entity. @public */
export const systemProductSurveyRoundManagePermission = createPermission({
  name: 'system-product.survey-round.manage',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Create or change an entity's roadmap items. @public */
export const systemProductRoadmapManagePermission = createPermission({
  name: 'system-product.roadmap.manage',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Create or change SLOs defined in the UI for an entity. @public */
export const systemProductSloManagePermission = createPermission({
  name: 'system-product.slo.manage',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** All permissions of the plugin, for registration with the permission framework. @public */
export const systemProductPermissions = [
  systemProductCanvasUpdatePermission,
  systemProductJourneyUpdatePermission,
  systemProductSurveyRoundManagePermission,
  systemProductRoadmapManagePermission,
  systemProductSloManagePermission,
];

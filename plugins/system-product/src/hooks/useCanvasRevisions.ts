import { CompoundEntityRef } from '@backstage/catalog-model';
import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { useSystemProductData } from './useSystemProductData';

const loadRevisions = (api: SystemProductApi, entity: CompoundEntityRef) =>
  api.getCanvasRevisions(entity);

/** Every saved version of the canvas of the entity on the page, newest first. */
export function useCanvasRevisions() {
  return useSystemProductData(loadRevisions);
}

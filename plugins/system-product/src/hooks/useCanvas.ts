import { SystemProductApi } from '@system-product/backstage-plugin-common';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { useSystemProductData } from './useSystemProductData';

const loadCanvas = (api: SystemProductApi, entity: CompoundEntityRef) =>
  api.getCanvas(entity);

/** The canvas of the entity on the current entity page. */
export function useCanvas() {
  return useSystemProductData(loadCanvas);
}

import { CompoundEntityRef } from '@backstage/catalog-model';
import { Canvas, CanvasUpdate } from '../canvas/types';

/** Answer of `GET /health`. @public */
export interface HealthStatus {
  status: 'ok';
}

/**
 * The System Product REST API, as the frontend and other plugins call it.
 *
 * @public
 */
export interface SystemProductApi {
  /** The entity's canvas; version 0 and empty content if none was saved. */
  getCanvas(entity: CompoundEntityRef): Promise<Canvas>;
  /**
   * Replaces the entity's canvas. Rejects with a 409 `ResponseError` when
   * `update.version` is not the stored version.
   */
  updateCanvas(
    entity: CompoundEntityRef,
    update: CanvasUpdate,
  ): Promise<Canvas>;
}

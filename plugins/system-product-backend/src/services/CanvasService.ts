import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  Canvas,
  CanvasRevision,
  CanvasUpdate,
  emptyCanvasContent,
  systemProductCanvasUpdatePermission,
} from '@system-product/backstage-plugin-common';
import { CanvasStore } from '../database/CanvasStore';
import { EntityAccess, principalRef } from './EntityAccess';

/** Reads and changes canvases on behalf of a caller (the router audits changes). */
export class CanvasService {
  constructor(
    private readonly store: CanvasStore,
    private readonly access: EntityAccess,
  ) {}

  async getCanvas(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Canvas> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    return (
      (await this.store.get(entityRef)) ?? {
        entityRef,
        version: 0,
        content: emptyCanvasContent(),
      }
    );
  }

  async listRevisions(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<CanvasRevision[]> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    return this.store.listRevisions(stringifyEntityRef(entity));
  }

  async updateCanvas(
    ref: CompoundEntityRef,
    update: CanvasUpdate,
    credentials: BackstageCredentials,
  ): Promise<Canvas> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    await this.access.authorizeChange(
      entityRef,
      systemProductCanvasUpdatePermission,
      credentials,
    );
    return this.store.save({
      entityRef,
      baseVersion: update.version,
      content: update.content,
      changedBy: principalRef(credentials),
    });
  }
}

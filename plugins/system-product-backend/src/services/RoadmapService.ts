import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  RoadmapItem,
  RoadmapItemInput,
  RoadmapItemPatch,
  systemProductRoadmapManagePermission,
} from '@system-product/backstage-plugin-common';
import { RoadmapItemFields, RoadmapStore } from '../database/RoadmapStore';
import type { ClosingTheLoop } from './ClosingTheLoop';
import { EntityAccess, principalRef } from './EntityAccess';
import { FieldChecker } from './FieldChecker';

/** The fields of a create or patch body. */
type RoadmapBody = Omit<RoadmapItemPatch, 'version'> | RoadmapItemInput;

/** Roadmap items of an entity. */
export class RoadmapService {
  constructor(
    private readonly store: RoadmapStore,
    private readonly access: EntityAccess,
    /** Tells the people behind the friction an item addresses when it ships. */
    private readonly loop?: Pick<ClosingTheLoop, 'changed'>,
  ) {}

  async list(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<RoadmapItem[]> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    return this.store.list(stringifyEntityRef(entity));
  }

  async create(
    ref: CompoundEntityRef,
    body: RoadmapItemInput,
    credentials: BackstageCredentials,
  ): Promise<RoadmapItem> {
    const fields = withDefaults(body, undefined);
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    await this.access.authorizeChange(
      entityRef,
      systemProductRoadmapManagePermission,
      credentials,
    );
    return this.store.create(entityRef, fields, principalRef(credentials));
  }

  async patch(
    itemId: string,
    body: RoadmapItemPatch,
    credentials: BackstageCredentials,
  ): Promise<RoadmapItem> {
    const current = await this.store.get(itemId);
    const notFound = new NotFoundError(`No roadmap item ${itemId}`);
    if (!current) throw notFound;
    await this.access.assertResourceVisible(
      current.entityRef,
      credentials,
      notFound,
    );
    const { version, ...changes } = body;
    const fields = withDefaults(changes, current);
    await this.access.authorizeChange(
      current.entityRef,
      systemProductRoadmapManagePermission,
      credentials,
    );
    const updated = await this.store.update(
      current,
      version,
      fields,
      principalRef(credentials),
    );
    this.loop?.changed(current, updated);
    return updated;
  }
}

/**
 * The complete set of fields to store: those of a create (over the defaults)
 * or a patch (over `base`). The schema has checked each field.
 */
function withDefaults(
  body: RoadmapBody,
  base: RoadmapItem | undefined,
): RoadmapItemFields {
  // The one rule the schema cannot say: there is no year 0 (before 1 AD
  // comes 1 BC), which PostgreSQL refuses and SQLite would store.
  if (body.targetDate?.startsWith('0000')) {
    const check = new FieldChecker();
    check.problem('targetDate', 'must be a day of year 1 or later');
    check.throwIfAny();
  }
  const defaults: RoadmapItemFields = {
    title: '',
    description: '',
    kind: 'quick-win',
    status: 'idea',
    owner: null,
    targetDate: null,
    milestones: [],
    painPoints: [],
    touchpointIds: [],
    metric: null,
    metricBefore: null,
    metricAfter: null,
    metricUnit: null,
  };
  const fields = { ...defaults };
  for (const key of Object.keys(defaults) as Array<keyof RoadmapItemFields>) {
    const value = body[key] !== undefined ? body[key] : base?.[key];
    if (value !== undefined) (fields as Record<string, unknown>)[key] = value;
  }
  fields.milestones = fields.milestones.map(({ title, done }) => ({
    title,
    done: done === true,
  }));
  return fields;
}

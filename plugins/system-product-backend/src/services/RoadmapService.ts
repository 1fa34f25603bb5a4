import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  ROADMAP_ITEM_KINDS,
  ROADMAP_ITEM_STATUSES,
  RoadmapItem,
  RoadmapMilestone,
  systemProductRoadmapManagePermission,
} from '@system-product/backstage-plugin-common';
import { RoadmapItemFields, RoadmapStore } from '../database/RoadmapStore';
import { auditedChange } from './audited';
import { EntityAccess, principalRef } from './EntityAccess';
import { FieldChecker, MAX_VERSION } from './FieldChecker';

const FIELDS = [
  'title',
  'description',
  'kind',
  'status',
  'owner',
  'targetDate',
  'milestones',
  'painPoints',
  'touchpointIds',
  'metric',
  'metricBefore',
  'metricAfter',
] as const;

/** Roadmap items of an entity. */
export class RoadmapService {
  constructor(
    private readonly store: RoadmapStore,
    private readonly access: EntityAccess,
    private readonly auditor: AuditorService,
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
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<RoadmapItem> {
    const fields = parseFields(body, undefined);
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    return auditedChange(
      this.auditor,
      this.access,
      {
        eventId: 'roadmap-item-create',
        entityRef,
        permission: systemProductRoadmapManagePermission,
        credentials,
      },
      async () => {
        return this.store.create(entityRef, fields, principalRef(credentials));
      },
    );
  }

  async patch(
    itemId: string,
    body: unknown,
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
    const check = new FieldChecker('roadmap item');
    const input = check.object(body, 'body');
    check.throwIfAny();
    const version = check.number(input!.version, 'version', {
      min: 1,
      max: MAX_VERSION,
      integer: true,
    });
    if (input!.version === undefined) check.problem('version is required');
    check.throwIfAny();
    const { version: _, ...changes } = input!;
    const fields = parseFields(changes, current);
    return auditedChange(
      this.auditor,
      this.access,
      {
        eventId: 'roadmap-item-update',
        entityRef: current.entityRef,
        permission: systemProductRoadmapManagePermission,
        credentials,
        meta: { itemId, baseVersion: version! },
      },
      async () => {
        return this.store.update(
          current,
          version!,
          fields,
          principalRef(credentials),
        );
      },
    );
  }
}

/**
 * Checks the fields of a create (no `base`) or a patch over `base`, and
 * returns the complete set of fields to store.
 */
function parseFields(
  body: unknown,
  base: RoadmapItem | undefined,
): RoadmapItemFields {
  const check = new FieldChecker('roadmap item');
  const input = check.object(body, 'body');
  check.throwIfAny();
  check.only(input!, FIELDS);
  const required = !base;
  const value = <T>(parsed: T | undefined, key: keyof RoadmapItemFields): T =>
    (parsed !== undefined ? parsed : base?.[key]) as T;

  const milestones = parseMilestones(check, input!.milestones);
  const fields: RoadmapItemFields = {
    title: value(
      check.string(input!.title, 'title', { max: 200, required }),
      'title',
    ),
    description:
      value(
        check.string(input!.description, 'description', { max: 4000 }),
        'description',
      ) ?? '',
    kind: value(
      check.oneOf(input!.kind, 'kind', ROADMAP_ITEM_KINDS, { required }),
      'kind',
    ),
    status:
      value(
        check.oneOf(input!.status, 'status', ROADMAP_ITEM_STATUSES),
        'status',
      ) ?? 'idea',
    owner:
      value(check.string(input!.owner, 'owner', { max: 255 }), 'owner') ?? null,
    targetDate:
      value(check.day(input!.targetDate, 'targetDate'), 'targetDate') ?? null,
    milestones: value(milestones, 'milestones') ?? [],
    painPoints:
      value(
        check.strings(input!.painPoints, 'painPoints', {
          maxItems: 20,
          max: 500,
        }),
        'painPoints',
      ) ?? [],
    touchpointIds:
      value(
        check.strings(input!.touchpointIds, 'touchpointIds', {
          maxItems: 50,
          max: 64,
        }),
        'touchpointIds',
      ) ?? [],
    metric:
      value(check.string(input!.metric, 'metric', { max: 200 }), 'metric') ??
      null,
    metricBefore:
      value(
        check.number(input!.metricBefore, 'metricBefore', { nullable: true }),
        'metricBefore',
      ) ?? null,
    metricAfter:
      value(
        check.number(input!.metricAfter, 'metricAfter', { nullable: true }),
        'metricAfter',
      ) ?? null,
  };
  if (input!.owner === null) fields.owner = null;
  if (input!.metric === null) fields.metric = null;
  check.throwIfAny();
  return fields;
}

function parseMilestones(
  check: FieldChecker,
  value: unknown,
): RoadmapMilestone[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > 20) {
    check.problem('milestones must be an array of at most 20 { title, done }');
    return undefined;
  }
  return value.map((m, i) => {
    const milestone = check.object(m, `milestones[${i}]`) ?? {};
    const title = check.string(milestone.title, `milestones[${i}].title`, {
      max: 200,
      required: true,
    });
    if (milestone.done !== undefined && typeof milestone.done !== 'boolean') {
      check.problem(`milestones[${i}].done must be true or false`);
    }
    return { title: title ?? '', done: milestone.done === true };
  });
}

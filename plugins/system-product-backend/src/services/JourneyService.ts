import {
  AuditorService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  Journey,
  JourneyUpdate,
  systemProductJourneyUpdatePermission,
} from '@system-product/backstage-plugin-common';
import { JourneyStore } from '../database/JourneyStore';
import { audited, auditedChange } from './audited';
import { EntityAccess, principalRef } from './EntityAccess';
import { FieldChecker, MAX_VERSION } from './FieldChecker';
import { RespondentKeys, keyedIdentity } from './RespondentKeys';

const MAX_STAGES = 20;
const MAX_TOUCHPOINTS = 30;

/** Journey maps and friction reports. */
export class JourneyService {
  constructor(
    private readonly store: JourneyStore,
    private readonly access: EntityAccess,
    private readonly keys: RespondentKeys,
    private readonly auditor: AuditorService,
  ) {}

  async getJourney(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Journey> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    return (
      (await this.store.get(entityRef)) ?? { entityRef, version: 0, stages: [] }
    );
  }

  async updateJourney(
    ref: CompoundEntityRef,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<Journey> {
    const update = parseJourneyUpdate(body);
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    return auditedChange(
      this.auditor,
      this.access,
      {
        eventId: 'journey-update',
        entityRef,
        permission: systemProductJourneyUpdatePermission,
        credentials,
        meta: { baseVersion: update.version },
      },
      async () => {
        await this.store.save(entityRef, update, principalRef(credentials));
        return (await this.store.get(entityRef))!;
      },
      journey => ({ version: journey.version }),
    );
  }

  /**
   * Any user who can see the entity may report friction; who did is kept only
   * as a key. A service may import reports, naming each `reporter` opaquely.
   */
  async reportFriction(
    ref: CompoundEntityRef,
    body: unknown,
    credentials: BackstageCredentials<
      BackstageUserPrincipal | BackstageServicePrincipal
    >,
  ): Promise<void> {
    const check = new FieldChecker('friction report');
    const input = check.object(body, 'body') ?? {};
    check.only(input, ['touchpointId', 'severity', 'text', 'reporter']);
    const reporter = keyedIdentity(
      credentials,
      input.reporter,
      'reporter',
      check,
    );
    const touchpointId = check.string(input.touchpointId, 'touchpointId', {
      max: 64,
      required: true,
    });
    const severity = check.number(input.severity, 'severity', {
      min: 1,
      max: 5,
      integer: true,
    });
    if (input.severity === undefined) check.problem('severity is required');
    // Trimmed, so a blank text is stored empty and never listed as said.
    const text = (check.string(input.text, 'text', { max: 2000 }) ?? '').trim();
    check.throwIfAny();

    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    if (!(await this.store.touchpointExists(entityRef, touchpointId!))) {
      throw new InputError(
        `Invalid friction report: touchpointId '${touchpointId}' is not a touchpoint of ${entityRef}`,
      );
    }
    await audited(
      this.auditor,
      {
        eventId: 'friction-report',
        severityLevel: 'low',
        meta: { entityRef, touchpointId: touchpointId! },
      },
      () =>
        this.store.addFrictionReport({
          entityRef,
          touchpointId: touchpointId!,
          severity: severity!,
          text,
          reporterKey: this.keys.keyFor(entityRef, reporter),
        }),
    );
  }
}

function parseJourneyUpdate(body: unknown): JourneyUpdate {
  const check = new FieldChecker('journey');
  const input = check.object(body, 'body');
  check.throwIfAny();
  check.only(input!, ['version', 'stages']);
  check.number(input!.version, 'version', {
    min: 0,
    max: MAX_VERSION,
    integer: true,
  });
  if (input!.version === undefined) check.problem('version is required');
  const stages = input!.stages;
  if (!Array.isArray(stages)) {
    check.problem('stages must be an array');
  } else if (stages.length > MAX_STAGES) {
    check.problem(`stages must have at most ${MAX_STAGES} items`);
  } else {
    stages.forEach((stage, i) => {
      const s = check.object(stage, `stages[${i}]`);
      if (!s) return;
      check.only(
        s,
        ['id', 'name', 'description', 'touchpoints'],
        `stages[${i}].`,
      );
      check.string(s.id, `stages[${i}].id`, { max: 64 });
      check.string(s.name, `stages[${i}].name`, { max: 200, required: true });
      check.string(s.description, `stages[${i}].description`, { max: 2000 });
      if (!Array.isArray(s.touchpoints)) {
        check.problem(`stages[${i}].touchpoints must be an array`);
        return;
      }
      if (s.touchpoints.length > MAX_TOUCHPOINTS) {
        check.problem(
          `stages[${i}].touchpoints must have at most ${MAX_TOUCHPOINTS} items`,
        );
        return;
      }
      s.touchpoints.forEach((touchpoint: unknown, j: number) => {
        const field = `stages[${i}].touchpoints[${j}]`;
        const t = check.object(touchpoint, field);
        if (!t) return;
        check.only(
          t,
          ['id', 'name', 'expectedMinutes', 'failureModes', 'owner'],
          `${field}.`,
        );
        check.string(t.id, `${field}.id`, { max: 64 });
        check.string(t.name, `${field}.name`, { max: 200, required: true });
        check.number(t.expectedMinutes, `${field}.expectedMinutes`, {
          min: 0,
          max: 525_600,
          integer: true,
          nullable: true,
        });
        check.strings(t.failureModes, `${field}.failureModes`, {
          maxItems: 20,
          max: 500,
        });
        check.string(t.owner, `${field}.owner`, { max: 255 });
      });
    });
  }
  const ids = Array.isArray(stages)
    ? stages
        .flatMap((s: any) => [
          s?.id,
          ...(Array.isArray(s?.touchpoints)
            ? s.touchpoints.map((t: any) => t?.id)
            : []),
        ])
        .filter((id: unknown) => typeof id === 'string')
    : [];
  if (new Set(ids).size !== ids.length) {
    check.problem('stage and touchpoint ids must be unique');
  }
  check.throwIfAny();
  return input as unknown as JourneyUpdate;
}

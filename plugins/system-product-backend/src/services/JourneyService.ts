import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  Journey,
  FrictionReportRequest,
  TouchpointFriction,
  JourneyUpdate,
  systemProductJourneyUpdatePermission,
} from '@system-product/backstage-plugin-common';
import { JourneyStore } from '../database/JourneyStore';
import type { ClosingTheLoop } from './ClosingTheLoop';
import { EntityAccess, principalRef } from './EntityAccess';
import { FieldChecker } from './FieldChecker';
import { RespondentKeys, keyedIdentity } from './RespondentKeys';

/** Journey maps and friction reports. */
export class JourneyService {
  constructor(
    private readonly store: JourneyStore,
    private readonly access: EntityAccess,
    private readonly keys: RespondentKeys,
    /** Who to tell when the touchpoint is improved. */
    private readonly loop?: Pick<ClosingTheLoop, 'follow' | 'unfollow'>,
  ) {}

  async getJourney(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Journey> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const journey = await this.store.get(
      entityRef,
      this.viewerKey(entityRef, credentials),
    );
    return journey
      ? withFrictionK(journey)
      : { entityRef, version: 0, stages: [] };
  }

  async updateJourney(
    ref: CompoundEntityRef,
    body: JourneyUpdate,
    credentials: BackstageCredentials,
  ): Promise<Journey> {
    const update = parseJourneyUpdate(body);
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    await this.access.authorizeChange(
      entityRef,
      systemProductJourneyUpdatePermission,
      credentials,
    );
    await this.store.save(entityRef, update, principalRef(credentials));
    return withFrictionK(
      (await this.store.get(
        entityRef,
        this.viewerKey(entityRef, credentials),
      ))!,
    );
  }

  /**
   * Any user who can see the entity may report friction; who did is kept only
   * as a key. A service may import reports, naming each `reporter` opaquely.
   */
  async reportFriction(
    ref: CompoundEntityRef,
    input: FrictionReportRequest,
    credentials: BackstageCredentials<
      BackstageUserPrincipal | BackstageServicePrincipal
    >,
  ): Promise<void> {
    // The schema checked the fields; who reports is the rule left.
    const check = new FieldChecker();
    const reporter = keyedIdentity(
      credentials,
      input.reporter,
      'reporter',
      check,
    );
    const { touchpointId, severity } = input;
    // Trimmed, so a blank text is stored empty and never listed as said.
    const text = (input.text ?? '').trim();
    check.throwIfAny();

    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    if (!(await this.store.touchpointExists(entityRef, touchpointId))) {
      check.problem('touchpointId', `is not a touchpoint of ${entityRef}`);
      check.throwIfAny();
    }
    await this.store.addFrictionReport({
      entityRef,
      touchpointId,
      severity,
      text,
      reporterKey: this.keys.keyFor(entityRef, reporter),
    });
    // A person signed in can be told; one a service imported cannot.
    if (credentials.principal.type === 'user') {
      await this.loop?.follow(entityRef, touchpointId, reporter);
    }
  }

  /**
   * Adds (`said` true) or withdraws the calling user's "me too" on a
   * touchpoint: any user who can see the entity may. Answers the touchpoint's
   * friction as the caller now sees it.
   */
  async setMeToo(
    ref: CompoundEntityRef,
    touchpointId: string,
    said: boolean,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<TouchpointFriction> {
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    if (!(await this.store.touchpointExists(entityRef, touchpointId))) {
      throw new NotFoundError(
        `${entityRef} has no touchpoint '${touchpointId}'`,
      );
    }
    const personKey = this.viewerKey(entityRef, credentials)!;
    await this.store.setMeToo({ entityRef, touchpointId, personKey, said });
    const user = credentials.principal.userEntityRef;
    await (said
      ? this.loop?.follow(entityRef, touchpointId, user)
      : this.loop?.unfollow(entityRef, touchpointId, user));
    const journey = withFrictionK(
      (await this.store.get(entityRef, personKey))!,
    );
    const touchpoint = journey.stages
      .flatMap(stage => stage.touchpoints)
      .find(t => t.id === touchpointId);
    // Gone only if the journey was saved without it since the check.
    if (!touchpoint) {
      throw new NotFoundError(
        `${entityRef} has no touchpoint '${touchpointId}'`,
      );
    }
    return touchpoint.friction;
  }

  /** A user's key for the entity, as their reports are keyed; none for a service. */
  private viewerKey(
    entityRef: string,
    credentials: BackstageCredentials,
  ): string | undefined {
    const { principal } = credentials as BackstageCredentials<
      BackstageUserPrincipal | BackstageServicePrincipal
    >;
    return principal.type === 'user'
      ? this.keys.keyFor(entityRef, principal.userEntityRef)
      : undefined;
  }
}

/**
 * k on friction: a touchpoint's mean severity, like its texts, needs k
 * different reporters behind it (the store withholds the texts below k); the
 * number of reports stays, as a count says nothing about what anyone said.
 */
function withFrictionK(journey: Journey): Journey {
  return {
    ...journey,
    stages: journey.stages.map(stage => ({
      ...stage,
      touchpoints: stage.touchpoints.map(touchpoint =>
        touchpoint.friction.textsHidden
          ? {
              ...touchpoint,
              friction: { ...touchpoint.friction, averageSeverity: null },
            }
          : touchpoint,
      ),
    })),
  };
}

/**
 * The journey of an update body the schema checked, once its stage and
 * touchpoint ids are unique (a rule across fields, which the schema cannot say).
 */
function parseJourneyUpdate(update: JourneyUpdate): JourneyUpdate {
  const check = new FieldChecker();
  const seen = new Set<string>();
  const unique = (id: string | undefined, field: string) => {
    if (id === undefined) return;
    if (seen.has(id)) check.problem(field, `repeats the id '${id}'`);
    seen.add(id);
  };
  update.stages.forEach((stage, i) => {
    unique(stage.id, `stages[${i}].id`);
    stage.touchpoints.forEach((touchpoint, j) =>
      unique(touchpoint.id, `stages[${i}].touchpoints[${j}].id`),
    );
  });
  check.throwIfAny();
  return update;
}

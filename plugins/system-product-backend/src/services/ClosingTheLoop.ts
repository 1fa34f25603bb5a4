import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  RoadmapItem,
  entityPagePath,
} from '@system-product/backstage-plugin-common';
import { JourneyStore } from '../database/JourneyStore';
import { LoopStore } from '../database/LoopStore';
import { RespondentKeys } from './RespondentKeys';

/** The scope of a person's opt-out key: one for all systems. */
const OPT_OUT_SCOPE = 'system-product-loop-opt-out';

/**
 * Closing the loop: people who reported friction on a touchpoint, said "me
 * too" there or answered a moment about it are told when a roadmap item that
 * addresses the touchpoint ships, by the plugin, without owners learning who
 * they are (owners see how many were told). Each person follows a
 * touchpoint once, their user ref sealed; once told, they are forgotten.
 * People can opt out.
 */
export class ClosingTheLoop {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: {
      store: LoopStore;
      journeys: JourneyStore;
      keys: RespondentKeys;
      logger: LoggerService;
      notifications?: NotificationService;
      entityOf: (entityRef: string) => Promise<Entity | undefined>;
    },
  ) {}

  /** Remembers to tell `userEntityRef` when the touchpoint is improved. */
  async follow(
    entityRef: string,
    touchpointId: string,
    userEntityRef: string,
  ): Promise<void> {
    const { store, keys } = this.deps;
    await store.follow({
      entityRef,
      touchpointId,
      followerKey: this.followerKey(entityRef, touchpointId, userEntityRef),
      sealedUser: keys.seal(userEntityRef),
      day: new Date().toISOString().slice(0, 10),
    });
  }

  /** Forgets a follower (one who withdrew their "me too"). */
  async unfollow(
    entityRef: string,
    touchpointId: string,
    userEntityRef: string,
  ): Promise<void> {
    await this.deps.store.unfollow(
      entityRef,
      touchpointId,
      this.followerKey(entityRef, touchpointId, userEntityRef),
    );
  }

  /**
   * Called after an item changed: when it moved to shipped, tells the
   * followers of its touchpoints in the background, and records how many.
   */
  changed(before: RoadmapItem, after: RoadmapItem): void {
    if (before.status === 'shipped' || after.status !== 'shipped') return;
    this.queue = this.queue.then(() =>
      this.tell(after).catch(error =>
        this.deps.logger.error(
          `Could not tell the people behind the friction ${after.title} addresses that it shipped: ${error}`,
        ),
      ),
    );
  }

  /** Resolves once every shipped item handed over so far was told (tests). */
  async settled(): Promise<void> {
    await this.queue;
  }

  private async tell(item: RoadmapItem): Promise<void> {
    const { store, keys, journeys, notifications, entityOf, logger } =
      this.deps;
    const sealed = await store.takeFollowers(
      item.entityRef,
      item.touchpointIds,
    );
    const people = [...new Set(sealed.flatMap(s => keys.open(s) ?? []))].sort();
    const optedOut = await store.optedOut(people.map(p => this.optOutKey(p)));
    const recipients = people.filter(p => !optedOut.has(this.optOutKey(p)));
    await store.recordNotified(item.id, recipients.length);
    if (recipients.length === 0 || !notifications) return;

    const entity = await entityOf(item.entityRef);
    const name =
      entity?.metadata.title ??
      entity?.metadata.name ??
      parseEntityRef(item.entityRef).name;
    const journey = await journeys.get(item.entityRef);
    const touchpoints = (journey?.stages ?? [])
      .flatMap(stage => stage.touchpoints)
      .filter(t => item.touchpointIds.includes(t.id))
      .map(t => t.name);
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          title: `Shipped on ${name}: ${item.title}`,
          description: loopMessage(item, touchpoints),
          link: entity ? entityPagePath(entity) : undefined,
          severity: 'normal',
          topic: 'system-product-loop',
        },
      });
    } catch (error) {
      logger.error(
        `Could not tell ${recipients.length} people that ${item.id} shipped: ${error}`,
      );
    }
  }

  async isOptedOut(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<boolean> {
    const key = this.optOutKey(credentials.principal.userEntityRef);
    return (await this.deps.store.optedOut([key])).has(key);
  }

  async setOptedOut(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    optedOut: boolean,
  ): Promise<void> {
    await this.deps.store.setOptedOut(
      this.optOutKey(credentials.principal.userEntityRef),
      optedOut,
    );
  }

  private followerKey(
    entityRef: string,
    touchpointId: string,
    userEntityRef: string,
  ): string {
    return this.deps.keys.keyFor(
      `loop\n${entityRef}\n${touchpointId}`,
      userEntityRef,
    );
  }

  private optOutKey(userEntityRef: string): string {
    return this.deps.keys.keyFor(OPT_OUT_SCOPE, userEntityRef);
  }
}

/**
 * "It addresses Deploy, where you reported friction. Lead time: 30 → 12 h
 * (before → after)."
 */
export function loopMessage(item: RoadmapItem, touchpoints: string[]): string {
  const where =
    touchpoints.length > 0
      ? `It addresses ${touchpoints.join(
          ', ',
        )}, where you reported friction, said "me too" or answered a question.`
      : 'It addresses a step where you reported friction, said "me too" or answered a question.';
  const unit = item.metricUnit ? ` ${item.metricUnit}` : '';
  const change =
    item.metric && item.metricBefore !== null && item.metricAfter !== null
      ? ` ${item.metric}: ${item.metricBefore} → ${item.metricAfter}${unit} (before → after).`
      : '';
  return `${where}${change} Nobody on the team knows who you are; you can turn these messages off in the Journey tab.`;
}

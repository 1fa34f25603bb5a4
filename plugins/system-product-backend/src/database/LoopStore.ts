import { Knex } from 'knex';

/**
 * Who to tell when a touchpoint is improved (their user refs sealed, once a
 * person and touchpoint), and who asked not to be told.
 */
export class LoopStore {
  constructor(private readonly db: Knex) {}

  /** Adds a follower of a touchpoint; a person follows it once. */
  async follow(entry: {
    entityRef: string;
    touchpointId: string;
    followerKey: string;
    sealedUser: string;
    day: string;
  }): Promise<void> {
    await this.db('loop_followers')
      .insert({
        entity_ref: entry.entityRef,
        touchpoint_id: entry.touchpointId,
        follower_key: entry.followerKey,
        sealed_user: entry.sealedUser,
        since_day: entry.day,
      })
      .onConflict(['entity_ref', 'touchpoint_id', 'follower_key'])
      .ignore();
  }

  async unfollow(
    entityRef: string,
    touchpointId: string,
    followerKey: string,
  ): Promise<void> {
    await this.db('loop_followers')
      .where({
        entity_ref: entityRef,
        touchpoint_id: touchpointId,
        follower_key: followerKey,
      })
      .delete();
  }

  /**
   * Takes the followers of these touchpoints: returns their sealed refs and
   * deletes them, in one transaction, so that each is told once.
   */
  async takeFollowers(
    entityRef: string,
    touchpointIds: string[],
  ): Promise<string[]> {
    if (touchpointIds.length === 0) return [];
    return this.db.transaction(async tx => {
      const where = () =>
        tx('loop_followers')
          .where({ entity_ref: entityRef })
          .whereIn('touchpoint_id', touchpointIds);
      const sealed: string[] = await where().pluck('sealed_user');
      await where().delete();
      return sealed;
    });
  }

  async setOptedOut(personKey: string, optedOut: boolean): Promise<void> {
    if (optedOut) {
      await this.db('loop_opt_outs')
        .insert({ person_key: personKey, created_at: new Date() })
        .onConflict('person_key')
        .ignore();
    } else {
      await this.db('loop_opt_outs').where({ person_key: personKey }).delete();
    }
  }

  /** The given keys of people who opted out. */
  async optedOut(personKeys: string[]): Promise<Set<string>> {
    if (personKeys.length === 0) return new Set();
    const keys: string[] = await this.db('loop_opt_outs')
      .whereIn('person_key', personKeys)
      .pluck('person_key');
    return new Set(keys);
  }

  async recordNotified(itemId: string, count: number): Promise<void> {
    await this.db('roadmap_items')
      .where({ id: itemId })
      .update({ loop_notified: count });
  }
}

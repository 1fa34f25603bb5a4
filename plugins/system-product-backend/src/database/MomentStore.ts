import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { toIso } from './dbValues';

/** What a moment trigger matches and asks, as stored. */
export interface MomentTriggerRecord {
  id: string;
  entityRef: string;
  eventType: string;
  outcome: 'any' | 'succeeded' | 'failed';
  environment: string | null;
  /** For event type `page`: the path (a prefix, whole segments) that prompts. */
  page: string | null;
  touchpointId: string | null;
  question: string;
  textQuestion: string | null;
  sampleRate: number;
  cooldownDays: number;
  createdBy: string;
  createdAt: string;
}

/** A prompt as stored: whom it went to only as their key. */
export interface MomentPromptRecord {
  id: string;
  triggerId: string;
  personKey: string;
  eventId: string;
  eventSummary: string;
  promptedAt: string;
  expiresAt: string;
  answeredAt: string | null;
}

type TriggerRow = {
  id: string;
  entity_ref: string;
  event_type: string;
  outcome: MomentTriggerRecord['outcome'];
  environment: string | null;
  page_path: string | null;
  touchpoint_id: string | null;
  question: string;
  text_question: string | null;
  sample_rate: number | string;
  cooldown_days: number | string;
  created_by: string;
  created_at: string | Date;
};

/** Storage of moment triggers and the prompts they sent. */
export class MomentStore {
  constructor(private readonly db: Knex) {}

  async createTrigger(
    trigger: Omit<MomentTriggerRecord, 'id' | 'createdAt'>,
  ): Promise<MomentTriggerRecord> {
    const row: TriggerRow = {
      id: randomUUID(),
      entity_ref: trigger.entityRef,
      event_type: trigger.eventType,
      outcome: trigger.outcome,
      environment: trigger.environment,
      page_path: trigger.page,
      touchpoint_id: trigger.touchpointId,
      question: trigger.question,
      text_question: trigger.textQuestion,
      sample_rate: trigger.sampleRate,
      cooldown_days: trigger.cooldownDays,
      created_by: trigger.createdBy,
      created_at: new Date(),
    };
    await this.db('moment_triggers').insert(row);
    return toTrigger(row);
  }

  /** The entity's triggers, oldest first (the order a prompt is chosen in). */
  async listTriggers(
    entityRef: string,
    eventType?: string,
  ): Promise<MomentTriggerRecord[]> {
    const query = this.db('moment_triggers')
      .where({ entity_ref: entityRef })
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
    if (eventType) query.andWhere({ event_type: eventType });
    return (await query).map(toTrigger);
  }

  /** Page triggers of every entity, oldest first. */
  async listPageTriggers(): Promise<MomentTriggerRecord[]> {
    const rows = await this.db('moment_triggers')
      .where({ event_type: 'page' })
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
    return rows.map(toTrigger);
  }

  async getTrigger(id: string): Promise<MomentTriggerRecord | undefined> {
    const row = await this.db('moment_triggers').where({ id }).first();
    return row && toTrigger(row);
  }

  /**
   * Deletes a trigger and its prompts; its rounds stay, with the answers
   * they collected, no longer tied to it.
   */
  async deleteTrigger(entityRef: string, id: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      await tx('survey_rounds')
        .where({ trigger_id: id })
        .update({ trigger_id: null });
      await tx('moment_prompts').where({ trigger_id: id }).delete();
      const deleted = await tx('moment_triggers')
        .where({ id, entity_ref: entityRef })
        .delete();
      return deleted > 0;
    });
  }

  /** The rounds of a trigger, newest first. */
  async roundsOf(
    triggerIds: string[],
  ): Promise<Map<string, Array<{ roundId: string; opensAt: string }>>> {
    const byTrigger = new Map<
      string,
      Array<{ roundId: string; opensAt: string }>
    >();
    if (triggerIds.length === 0) return byTrigger;
    const rows = await this.db('survey_rounds')
      .whereIn('trigger_id', triggerIds)
      .orderBy('opens_at', 'desc')
      .select('id', 'trigger_id', 'opens_at');
    for (const row of rows) {
      const list = byTrigger.get(row.trigger_id) ?? [];
      list.push({ roundId: row.id, opensAt: toIso(row.opens_at) });
      byTrigger.set(row.trigger_id, list);
    }
    return byTrigger;
  }

  /** Whether the trigger prompted this person after `since`. */
  async promptedSince(
    triggerId: string,
    personKey: string,
    since: Date,
  ): Promise<boolean> {
    const row = await this.db('moment_prompts')
      .where({ trigger_id: triggerId, person_key: personKey })
      .andWhere('prompted_at', '>', since)
      .first('id');
    return Boolean(row);
  }

  /** How many prompts, of every trigger, this person got after `since`. */
  async countPromptsSince(personKey: string, since: Date): Promise<number> {
    const [{ n }] = await this.db('moment_prompts')
      .where({ person_key: personKey })
      .andWhere('prompted_at', '>', since)
      .count({ n: '*' });
    return Number(n);
  }

  /**
   * Stores a prompt; undefined when this trigger prompted for this event
   * already (an event re-posted under the same id, or two replicas at once).
   */
  async createPrompt(
    prompt: Omit<MomentPromptRecord, 'id' | 'answeredAt'>,
  ): Promise<MomentPromptRecord | undefined> {
    const id = randomUUID();
    const inserted = await this.db('moment_prompts')
      .insert({
        id,
        trigger_id: prompt.triggerId,
        person_key: prompt.personKey,
        event_id: prompt.eventId,
        event_summary: prompt.eventSummary,
        prompted_at: new Date(prompt.promptedAt),
        expires_at: new Date(prompt.expiresAt),
        answered_at: null,
      })
      .onConflict(['trigger_id', 'event_id'])
      .ignore()
      .returning('id');
    if (inserted.length === 0) return undefined;
    return { ...prompt, id, answeredAt: null };
  }

  async getPrompt(id: string): Promise<MomentPromptRecord | undefined> {
    const row = await this.db('moment_prompts').where({ id }).first();
    return row && toPrompt(row);
  }

  /** The person's prompts not answered and not expired at `now`, newest first. */
  async openPrompts(
    personKey: string,
    now: Date,
  ): Promise<MomentPromptRecord[]> {
    const rows = await this.db('moment_prompts')
      .where({ person_key: personKey })
      .whereNull('answered_at')
      .andWhere('expires_at', '>', now)
      .orderBy('prompted_at', 'desc');
    return rows.map(toPrompt);
  }

  /**
   * Marks a prompt answered, if it was not: false when it was (a second
   * answer, or two at once).
   */
  async markAnswered(id: string, at: Date): Promise<boolean> {
    const updated = await this.db('moment_prompts')
      .where({ id })
      .whereNull('answered_at')
      .update({ answered_at: at });
    return updated > 0;
  }

  /** Deletes prompts that expired before `before`; how many. */
  async deleteExpiredPrompts(before: Date): Promise<number> {
    return this.db('moment_prompts').where('expires_at', '<', before).delete();
  }
}

function toTrigger(row: TriggerRow): MomentTriggerRecord {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    eventType: row.event_type,
    outcome: row.outcome,
    environment: row.environment ?? null,
    page: row.page_path ?? null,
    touchpointId: row.touchpoint_id ?? null,
    question: row.question,
    textQuestion: row.text_question ?? null,
    sampleRate: Number(row.sample_rate),
    cooldownDays: Number(row.cooldown_days),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
  };
}

function toPrompt(row: any): MomentPromptRecord {
  return {
    id: row.id,
    triggerId: row.trigger_id,
    personKey: row.person_key,
    eventId: row.event_id,
    eventSummary: row.event_summary,
    promptedAt: toIso(row.prompted_at),
    expiresAt: toIso(row.expires_at),
    answeredAt: row.answered_at ? toIso(row.answered_at) : null,
  };
}

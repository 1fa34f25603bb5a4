import { Knex } from 'knex';
import { toIso } from './dbValues';

/** Where one alert condition of an SLO stands between scheduled runs. */
export interface AlertState {
  sloName: string;
  policy: string;
  condition: string;
  /** Since when the condition has held, null while it does not. */
  holdingSince: string | null;
  firing: boolean;
}

const keyOf = (s: Pick<AlertState, 'sloName' | 'policy' | 'condition'>) =>
  JSON.stringify([s.sloName, s.policy, s.condition]);

/** The states of the alert-policy conditions of an entity's SLOs. */
export class SloAlertStateStore {
  constructor(private readonly db: Knex) {}

  static key = keyOf;

  async list(entityRef: string): Promise<Map<string, AlertState>> {
    const rows = await this.db('slo_alert_states').where({
      entity_ref: entityRef,
    });
    return new Map(
      rows.map(row => {
        const state: AlertState = {
          sloName: row.slo_name,
          policy: row.policy,
          condition: row.condition,
          holdingSince: row.holding_since ? toIso(row.holding_since) : null,
          firing: Boolean(row.firing),
        };
        return [keyOf(state), state];
      }),
    );
  }

  /** Whether the entity has any condition state kept. */
  async has(entityRef: string): Promise<boolean> {
    const row = await this.db('slo_alert_states')
      .where({ entity_ref: entityRef })
      .first('entity_ref');
    return row !== undefined;
  }

  /** Replaces the entity's states with these, in one transaction. */
  async replace(entityRef: string, states: AlertState[]): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('slo_alert_states').where({ entity_ref: entityRef }).delete();
      if (states.length === 0) return;
      await tx('slo_alert_states').insert(
        states.map(s => ({
          entity_ref: entityRef,
          slo_name: s.sloName,
          policy: s.policy,
          condition: s.condition,
          holding_since: s.holdingSince ? new Date(s.holdingSince) : null,
          firing: s.firing,
        })),
      );
    });
  }
}

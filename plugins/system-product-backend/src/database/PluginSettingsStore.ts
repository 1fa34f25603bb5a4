import { Knex } from 'knex';

/** Values the plugin keeps for itself (`plugin_settings`), by key. */
export class PluginSettingsStore {
  constructor(private readonly db: Knex) {}

  /** Deletes a setting; says whether there was one. */
  async delete(key: string): Promise<boolean> {
    return (await this.db('plugin_settings').where({ key }).delete()) > 0;
  }

  /**
   * The setting's value, storing `value` first if there is none (of two
   * callers at once, the first one's value is kept and both get it).
   */
  async getOrCreate(key: string, value: string): Promise<string> {
    await this.db('plugin_settings')
      .insert({ key, value })
      .onConflict('key')
      .ignore();
    const row = await this.db('plugin_settings').where({ key }).first('value');
    return row.value;
  }
}

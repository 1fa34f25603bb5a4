import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { createHmac, randomBytes } from 'node:crypto';
import { FieldChecker } from './FieldChecker';

const SETTING = 'respondent-key-secret';

/**
 * Turns a person into a key that identifies them within one round (so a later
 * answer replaces the earlier one) without storing who they are: an HMAC of
 * the round and the user ref with a secret. Keys of the same person differ
 * between rounds, so rounds cannot be joined on them either.
 */
export class RespondentKeys {
  private constructor(private readonly secret: string) {}

  /**
   * Uses `systemProduct.survey.respondentKeySecret` when configured; otherwise
   * a random secret generated once and kept in the plugin's database.
   */
  static async create(options: {
    configuredSecret?: string;
    db: Knex;
    logger: LoggerService;
  }): Promise<RespondentKeys> {
    const { configuredSecret, db, logger } = options;
    if (configuredSecret) {
      return new RespondentKeys(configuredSecret);
    }
    await db('plugin_settings')
      .insert({ key: SETTING, value: randomBytes(32).toString('base64') })
      .onConflict('key')
      .ignore();
    const row = await db('plugin_settings').where({ key: SETTING }).first();
    logger.warn(
      'systemProduct.survey.respondentKeySecret is not set; using a secret generated in the plugin database. Set it from a secret store in production.',
    );
    return new RespondentKeys(row.value);
  }

  /** The key for `scope` (a round or entity id) and a user ref. */
  keyFor(scope: string, userEntityRef: string): string {
    return createHmac('sha256', this.secret)
      .update(`${scope}\n${userEntityRef}`)
      .digest('hex');
  }
}

/**
 * Who a key is made for. A signed-in user answers or reports for themselves
 * and may not name anyone. A service importing what people said elsewhere
 * names each person with an opaque id in `field`, keyed like a user (and, like
 * a user ref, never stored as given).
 */
export function keyedIdentity(
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >,
  given: unknown,
  field: string,
  check: FieldChecker,
): string {
  if (credentials.principal.type === 'user') {
    if (given !== undefined) {
      check.problem(
        `${field} may only be given by a service importing answers`,
      );
    }
    return credentials.principal.userEntityRef;
  }
  const id = check.string(given, field, { max: 200, required: true });
  return `external:${id}`;
}

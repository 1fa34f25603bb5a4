import { Config } from '@backstage/config';
import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
} from 'node:crypto';
import { PluginSettingsStore } from '../database/PluginSettingsStore';
import { FieldChecker } from './FieldChecker';

const SETTING = 'respondent-key-secret';
const CONFIG_KEY = 'systemProduct.survey.respondentKeySecret';

/**
 * Turns a person into a key that identifies them within one round (so a later
 * answer replaces the earlier one) without storing who they are: an HMAC of
 * the round and the user ref with a secret. Keys of the same person differ
 * between rounds, so rounds cannot be joined on them either.
 *
 * The secret must not sit beside the keys: with both, anyone holding a
 * database dump recomputes the HMAC over the catalog's users and knows who
 * answered what. So it comes from config (a secret store), and only in
 * development (`NODE_ENV` `development`, as `backstage-cli package start`
 * sets it, or `test`) may a secret generated into the plugin's database
 * stand in for it.
 */
export class RespondentKeys {
  private constructor(private readonly secret: string) {}

  /**
   * Uses `systemProduct.survey.respondentKeySecret`. Without it, refuses to
   * start outside development; in development generates a secret once and
   * keeps it in the plugin's database, with a warning. A configured secret
   * deletes a generated one left in the database.
   */
  static async create(options: {
    config: Config;
    settings: PluginSettingsStore;
    logger: LoggerService;
    /** Default: `process.env.NODE_ENV`. */
    nodeEnv?: string;
  }): Promise<RespondentKeys> {
    const { config, settings, logger } = options;
    const configuredSecret = config.getOptionalString(CONFIG_KEY);
    if (configuredSecret) {
      // Best effort: a database that is down at start-up must not stop the
      // plugin (its routes answer 503 until it is back).
      const removed = await settings.delete(SETTING).catch(error => {
        logger.warn(
          `Could not delete a respondent key secret generated for development from the plugin database: ${error}`,
        );
        return false;
      });
      if (removed) {
        logger.info(
          `${CONFIG_KEY} is set: deleted the secret generated in the plugin database for development. People who answered an open round before answer it anew.`,
        );
      }
      return new RespondentKeys(configuredSecret);
    }
    const nodeEnv = options.nodeEnv ?? process.env.NODE_ENV;
    if (nodeEnv !== 'development' && nodeEnv !== 'test') {
      throw new Error(
        `${CONFIG_KEY} must be set (NODE_ENV is ${
          nodeEnv ? `'${nodeEnv}'` : 'unset'
        }, not development): it keys survey respondents and friction reporters, and kept in the database beside those keys it would let anyone with a database dump tell who answered what. Set it from a secret store, e.g. respondentKeySecret: \${SYSTEM_PRODUCT_RESPONDENT_KEY_SECRET}.`,
      );
    }
    const secret = await settings.getOrCreate(
      SETTING,
      randomBytes(32).toString('base64'),
    );
    logger.warn(
      `${CONFIG_KEY} is not set; using a secret generated in the plugin database, which is fit for development only (outside development the backend refuses to start without it).`,
    );
    return new RespondentKeys(secret);
  }

  /** The key for `scope` (a round or entity id) and a user ref. */
  keyFor(scope: string, userEntityRef: string): string {
    return createHmac('sha256', this.secret)
      .update(`${scope}\n${userEntityRef}`)
      .digest('hex');
  }

  /**
   * A user ref sealed with AES-256-GCM under a key derived from the secret,
   * for the one place the plugin must reach a person later (closing the
   * loop): without the secret it tells nothing, and it differs each time.
   */
  seal(userEntityRef: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealingKey(), iv);
    const sealed = Buffer.concat([
      cipher.update(userEntityRef, 'utf8'),
      cipher.final(),
    ]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
  }

  /** The user ref of {@link RespondentKeys.seal}; undefined if it was sealed under another secret. */
  open(sealed: string): string | undefined {
    try {
      const bytes = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv(
        'aes-256-gcm',
        this.sealingKey(),
        bytes.subarray(0, 12),
      );
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([
        decipher.update(bytes.subarray(28)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  private sealingKey(): Buffer {
    return createHmac('sha256', this.secret)
      .update('system-product sealing key v1')
      .digest();
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

import { ConflictError } from '@backstage/errors';
import {
  DEFAULT_SURVEY_TEMPLATE_ID,
  MOMENT_SURVEY_TEMPLATE_ID,
  SurveyQuestion,
  SurveyTemplate,
  SurveyTemplateDefinition,
  SurveyTemplateSource,
  withResolvedAnchors,
} from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';
import { isUniqueViolation, retryTransientConflict, toIso } from './dbValues';

/** Who made the versions of app-config's templates. */
export const CONFIG_AUTHOR = 'app-config';

type VersionRow = {
  id: string;
  source: SurveyTemplateSource;
  entity_ref: string | null;
  current_version: number;
  retired_at: string | Date | null;
  version: number;
  title: string;
  description: string | null;
  questions: string;
  created_at: string | Date;
  created_by: string;
};

/**
 * Storage of survey templates and their versions. A version is never changed
 * once written: a change is a new version, and `survey_templates` names the
 * current one (and holds a copy of its title and questions).
 */
export class SurveyTemplateStore {
  constructor(private readonly db: Knex) {}

  /**
   * A template at `version`, or at its current version; undefined when there
   * is no such template or version.
   */
  async get(
    id: string,
    version?: number,
    db: Knex = this.db,
  ): Promise<SurveyTemplate | undefined> {
    const row = await this.getRow(id, version, db);
    return row && toTemplate(row);
  }

  private async getRow(
    id: string,
    version: number | undefined,
    db: Knex,
  ): Promise<VersionRow | undefined> {
    return this.versions(db)
      .where('t.id', id)
      .andWhere('v.version', version ?? db.ref('t.version'))
      .first();
  }

  /**
   * The templates new rounds on the entity can use, at their current
   * versions, by id: platform-pulse, app-config's (not retired) and the
   * entity's owner templates.
   */
  async listUsable(entityRef: string): Promise<SurveyTemplate[]> {
    const rows: VersionRow[] = await this.versions(this.db)
      .andWhere('v.version', this.db.ref('t.version'))
      .andWhere(query =>
        query
          .where('t.id', DEFAULT_SURVEY_TEMPLATE_ID)
          .orWhere(config =>
            config.where('t.source', 'config').whereNull('t.retired_at'),
          )
          .orWhere(owner =>
            owner
              .where('t.source', 'owner')
              .andWhere('t.entity_ref', entityRef),
          ),
      )
      .orderBy('t.id');
    return rows.map(toTemplate);
  }

  /**
   * Stores a new owner template at version 1. `ConflictError` when any
   * template has the id.
   */
  async createOwnerTemplate(
    definition: SurveyTemplateDefinition,
    options: { entityRef: string; createdBy: string },
  ): Promise<SurveyTemplate> {
    try {
      await retryTransientConflict(() =>
        this.db.transaction(async tx => {
          await tx('survey_templates').insert({
            id: definition.id,
            title: definition.title,
            questions: questionsJson(definition.questions),
            source: 'owner',
            entity_ref: options.entityRef,
            version: 1,
          });
          await this.insertVersion(tx, definition, 1, options.createdBy);
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw idTaken(definition.id);
      throw error;
    }
    return (await this.get(definition.id))!;
  }

  /**
   * Makes a new version of a template when its title, description or
   * questions differ from the current version's; the same content leaves it
   * as it is. `ConflictError` when `expectedVersion` is given and is not the
   * current version. Returns the current version after the change, or
   * undefined for no such template.
   */
  async update(
    definition: SurveyTemplateDefinition,
    options: { createdBy: string; expectedVersion?: number },
  ): Promise<SurveyTemplate | undefined> {
    const attempt = () =>
      this.db.transaction(async tx => {
        const current = await this.lockCurrent(tx, definition.id);
        if (!current) return undefined;
        if (
          options.expectedVersion !== undefined &&
          options.expectedVersion !== current.version
        ) {
          throw new ConflictError(
            `Survey template ${definition.id} is at version ${current.version}, not ${options.expectedVersion}; it changed meanwhile`,
          );
        }
        if (!differs(current, definition)) return toTemplate(current);
        await this.addVersion(tx, definition, current.version + 1, options);
        return (await this.get(definition.id, undefined, tx))!;
      });
    return retryVersionRace(attempt);
  }

  /**
   * Writes one of app-config's templates into the database: a new template
   * at version 1, a new version of one whose title, description or
   * questions changed, nothing for one unchanged; one retired before is
   * offered again. `ConflictError` when the id is a built-in or owner
   * template's.
   */
  async syncConfigTemplate(
    definition: SurveyTemplateDefinition,
  ): Promise<'created' | 'changed' | 'unchanged'> {
    return retryVersionRace(() =>
      this.db.transaction(tx => this.syncOne(tx, definition)),
    );
  }

  /**
   * Retires the config templates app-config no longer names (`keep` are
   * those it names): their rounds still read them, new rounds cannot use
   * them. Returns the ids retired now, sorted.
   */
  async retireConfigTemplates(keep: string[]): Promise<string[]> {
    const retiring = this.db('survey_templates')
      .where({ source: 'config' })
      .whereNull('retired_at');
    if (keep.length > 0) retiring.whereNotIn('id', keep);
    const ids: string[] = (await retiring.pluck('id')).sort();
    if (ids.length > 0) {
      await this.db('survey_templates')
        .whereIn('id', ids)
        .whereNull('retired_at')
        .update({ retired_at: new Date() });
    }
    return ids;
  }

  private async syncOne(
    tx: Knex.Transaction,
    definition: SurveyTemplateDefinition,
  ): Promise<'created' | 'changed' | 'unchanged'> {
    const current = await this.lockCurrent(tx, definition.id);
    if (!current) {
      await tx('survey_templates').insert({
        id: definition.id,
        title: definition.title,
        questions: questionsJson(definition.questions),
        source: 'config',
        entity_ref: null,
        version: 1,
      });
      await this.insertVersion(tx, definition, 1, CONFIG_AUTHOR);
      return 'created';
    }
    if (current.source !== 'config') {
      throw new ConflictError(
        current.source === 'owner'
          ? `'${definition.id}' is already the id of an owner template of ${current.entity_ref}; give the app-config template another id`
          : `'${definition.id}' is a built-in template, which app-config cannot redefine`,
      );
    }
    if (current.retired_at) {
      await tx('survey_templates')
        .where({ id: definition.id })
        .update({ retired_at: null });
    }
    if (!differs(current, definition)) return 'unchanged';
    await this.addVersion(tx, definition, current.version + 1, {
      createdBy: CONFIG_AUTHOR,
    });
    return 'changed';
  }

  /** The current version, its template row locked until the transaction ends. */
  private async lockCurrent(
    tx: Knex.Transaction,
    id: string,
  ): Promise<VersionRow | undefined> {
    const lock = tx('survey_templates').where({ id }).first('id');
    // One new version at a time per template (SQLite has one writer anyway).
    if (tx.client.config.client === 'pg') lock.forUpdate();
    if (!(await lock)) return undefined;
    return this.getRow(id, undefined, tx);
  }

  private async addVersion(
    tx: Knex.Transaction,
    definition: SurveyTemplateDefinition,
    version: number,
    options: { createdBy: string },
  ): Promise<void> {
    await this.insertVersion(tx, definition, version, options.createdBy);
    await tx('survey_templates')
      .where({ id: definition.id })
      .update({
        version,
        title: definition.title,
        questions: questionsJson(definition.questions),
      });
  }

  private async insertVersion(
    tx: Knex.Transaction,
    definition: SurveyTemplateDefinition,
    version: number,
    createdBy: string,
  ): Promise<void> {
    await tx('survey_template_versions').insert({
      template_id: definition.id,
      version,
      title: definition.title,
      description: definition.description ?? null,
      questions: questionsJson(definition.questions),
      created_at: new Date(),
      created_by: createdBy,
    });
  }

  /** Versions joined with their templates, as {@link VersionRow}s. */
  private versions(db: Knex) {
    return db('survey_templates as t')
      .join('survey_template_versions as v', 'v.template_id', 't.id')
      .select(
        't.id',
        't.source',
        't.entity_ref',
        't.version as current_version',
        't.retired_at',
        'v.version',
        'v.title',
        'v.description',
        'v.questions',
        'v.created_at',
        'v.created_by',
      );
  }
}

/**
 * The questions as stored: each question's fields in one order, so that the
 * same questions are always the same text (and a change is seen as one).
 */
export function questionsJson(questions: SurveyQuestion[]): string {
  return JSON.stringify(
    questions.map(q => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      ...(q.options && { options: q.options }),
      ...(q.maxChoices !== undefined && { maxChoices: q.maxChoices }),
      ...(q.anchors && {
        anchors: { low: q.anchors.low, high: q.anchors.high },
      }),
    })),
  );
}

/** Stored questions as the API returns them: scales with their anchors. */
export function parseStoredQuestions(json: string): SurveyQuestion[] {
  return (JSON.parse(json) as SurveyQuestion[]).map(withResolvedAnchors);
}

function toTemplate(row: VersionRow): SurveyTemplate {
  return {
    id: row.id,
    title: row.title,
    ...(row.description !== null && { description: row.description }),
    source: row.source,
    ...(row.entity_ref !== null && { entityRef: row.entity_ref }),
    version: Number(row.version),
    currentVersion: Number(row.current_version),
    offered:
      row.id !== MOMENT_SURVEY_TEMPLATE_ID &&
      !(row.source === 'config' && row.retired_at),
    createdAt: toIso(row.created_at),
    createdBy: row.created_by,
    questions: parseStoredQuestions(row.questions),
  };
}

/**
 * Whether a definition says something else than the stored version: its
 * questions compared as stored, so leaving anchors to their defaults is no
 * change.
 */
function differs(
  current: VersionRow,
  definition: SurveyTemplateDefinition,
): boolean {
  return (
    current.title !== definition.title ||
    current.description !== (definition.description ?? null) ||
    questionsJson(JSON.parse(current.questions)) !==
      questionsJson(definition.questions)
  );
}

function idTaken(id: string): ConflictError {
  return new ConflictError(
    `A survey template with the id '${id}' exists already; template ids are unique across every template`,
  );
}

/**
 * Runs a versioning transaction, once more when another one wrote the same
 * version first (two replicas syncing app-config at once) or PostgreSQL
 * rolled it back as a transient conflict.
 */
async function retryVersionRace<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await retryTransientConflict(attempt);
  } catch (error) {
    if (isUniqueViolation(error)) return retryTransientConflict(attempt);
    throw error;
  }
}

import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  SurveyTemplate,
  SurveyTemplateCreateRequest,
  SurveyTemplateDefinition,
  SurveyTemplateUpdateRequest,
  surveyTemplateProblems,
  systemProductSurveyRoundManagePermission,
} from '@system-product/backstage-plugin-common';
import { SurveyTemplateStore } from '../database/SurveyTemplateStore';
import { EntityAccess, principalRef } from './EntityAccess';
import { FieldChecker } from './FieldChecker';

const CONFIG_KEY = 'systemProduct.survey.templates';

/** A template app-config names that the database holds as another's. */
class ConfigTemplateClash extends Error {
  name = 'ConfigTemplateClash';
}

/**
 * Survey templates: the built-in ones, app-config's (written into the
 * database at start-up) and those an entity's owners make. Each change is a
 * new version; a round keeps the version it was opened with. An owner
 * template belongs to one entity: it exists only for those who can see that
 * entity, and only rounds on it may use it.
 */
export class SurveyTemplateService {
  /** The sync of app-config's templates, once it succeeded or while it runs. */
  private synced?: Promise<void>;

  constructor(
    private readonly store: SurveyTemplateStore,
    private readonly access: EntityAccess,
    private readonly options: {
      /** `systemProduct.survey.templates`, checked. */
      configTemplates: SurveyTemplateDefinition[];
      logger: LoggerService;
    },
  ) {}

  /**
   * Writes app-config's templates into the database at start-up. An id
   * that is another template's stops the backend; a database that cannot be
   * reached does not (the sync is tried again when templates are next read).
   */
  async start(): Promise<void> {
    try {
      await this.ensureSynced();
    } catch (error) {
      if (error instanceof ConfigTemplateClash) throw error;
      this.options.logger.warn(
        `Could not write the survey templates of app-config into the database; trying again when templates are next read: ${error}`,
      );
    }
  }

  private ensureSynced(): Promise<void> {
    this.synced ??= this.sync().catch(error => {
      this.synced = undefined;
      throw error;
    });
    return this.synced;
  }

  private async sync(): Promise<void> {
    const { configTemplates, logger } = this.options;
    const changes: string[] = [];
    for (const [i, definition] of configTemplates.entries()) {
      let outcome;
      try {
        outcome = await this.store.syncConfigTemplate(definition);
      } catch (error) {
        if ((error as Error).name !== 'ConflictError') throw error;
        throw new ConfigTemplateClash(
          `${CONFIG_KEY}[${i}].id: ${(error as Error).message}`,
        );
      }
      if (outcome !== 'unchanged') changes.push(`${definition.id} ${outcome}`);
    }
    const retired = await this.store.retireConfigTemplates(
      configTemplates.map(t => t.id),
    );
    changes.push(
      ...retired.map(id => `${id} retired (no longer in app-config)`),
    );
    if (changes.length > 0) {
      logger.info(`Survey templates of app-config: ${changes.join(', ')}`);
    }
  }

  /** The templates new rounds on the entity can use, at their current versions. */
  async list(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SurveyTemplate[]> {
    const ref = parseRef(entityRef, 'query.entityRef');
    const entity = await this.access.getVisibleEntity(ref, credentials);
    await this.ensureSynced();
    return this.store.listUsable(stringifyEntityRef(entity));
  }

  /**
   * A template at its current version or at `version`. With `entityRef`,
   * only one that new rounds on that entity can use.
   */
  async get(
    id: string,
    options: { version?: number; entityRef?: string },
    credentials: BackstageCredentials,
  ): Promise<SurveyTemplate> {
    const usableOn =
      options.entityRef === undefined
        ? undefined
        : stringifyEntityRef(parseRef(options.entityRef, 'query.entityRef'));
    const current = await this.visible(id, credentials);
    if (usableOn !== undefined && !usableFor(current, usableOn)) {
      throw new NotFoundError(
        `Survey template ${id} cannot be used for rounds on ${usableOn}`,
      );
    }
    if (options.version === undefined) return current;
    const version = await this.store.get(id, options.version);
    if (!version) {
      throw new NotFoundError(
        `Survey template ${id} has no version ${options.version} (its current one is ${current.version})`,
      );
    }
    return version;
  }

  /**
   * Makes an owner template of an entity, at version 1. Needs the
   * permission that opening a round on the entity needs.
   */
  async create(
    body: SurveyTemplateCreateRequest,
    credentials: BackstageCredentials,
  ): Promise<SurveyTemplate> {
    const { entityRef: given, ...definition } = body;
    const ref = parseRef(given, 'body.entityRef');
    const entity = await this.access.getVisibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    throwProblems(definition);
    await this.access.authorizeChange(
      entityRef,
      systemProductSurveyRoundManagePermission,
      credentials,
    );
    await this.ensureSynced();
    return this.store.createOwnerTemplate(definition, {
      entityRef,
      createdBy: principalRef(credentials),
    });
  }

  /**
   * Changes an owner template: a new version when its content differs.
   * Templates of app-config and built-in ones change only where they are
   * defined (409).
   */
  async update(
    id: string,
    body: SurveyTemplateUpdateRequest,
    credentials: BackstageCredentials,
  ): Promise<SurveyTemplate> {
    const current = await this.visible(id, credentials);
    if (current.source === 'config') {
      throw new ConflictError(
        `Survey template ${id} is defined in app-config (${CONFIG_KEY}); change it there`,
      );
    }
    if (current.source !== 'owner' || !current.entityRef) {
      throw new ConflictError(
        `Survey template ${id} is built in and cannot be changed; make a template of your own with POST /survey-templates`,
      );
    }
    const { expectedVersion, ...fields } = body;
    throwProblems(fields, ['title', 'description', 'questions']);
    await this.access.authorizeChange(
      current.entityRef,
      systemProductSurveyRoundManagePermission,
      credentials,
    );
    const updated = await this.store.update(
      { id, ...fields },
      { createdBy: principalRef(credentials), expectedVersion },
    );
    if (!updated) throw new NotFoundError(`No survey template ${id}`);
    return updated;
  }

  /**
   * The template, at its current version, that a new round on the entity
   * opens with, or why it cannot be used (said of `templateId`).
   */
  async forNewRound(
    templateId: string,
    entityRef: string,
  ): Promise<{ template: SurveyTemplate } | { problem: string }> {
    await this.ensureSynced();
    const template = await this.store.get(templateId);
    const unknown = { problem: `'${templateId}' is not a survey template` };
    if (!template) return unknown;
    if (usableFor(template, entityRef)) return { template };
    if (template.source === 'owner') return unknown;
    if (template.source === 'config') {
      return {
        problem: `'${templateId}' was removed from app-config (${CONFIG_KEY}); rounds opened with it keep it, new rounds cannot use it`,
      };
    }
    return {
      problem: `'${templateId}' is the template of moment triggers; survey rounds cannot use it`,
    };
  }

  /**
   * A template at its current version; an owner template only for those who
   * can see its entity (to others it does not exist).
   */
  private async visible(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<SurveyTemplate> {
    await this.ensureSynced();
    const notFound = () => new NotFoundError(`No survey template ${id}`);
    const template = await this.store.get(id);
    if (!template) throw notFound();
    if (template.entityRef) {
      await this.access.assertResourceVisible(
        template.entityRef,
        credentials,
        notFound,
      );
    }
    return template;
  }
}

/** Whether new rounds on the entity can use the template. */
function usableFor(template: SurveyTemplate, entityRef: string): boolean {
  if (!template.offered) return false;
  if (template.source !== 'owner') return true;
  return (
    template.entityRef?.toLocaleLowerCase('en-US') ===
    entityRef.toLocaleLowerCase('en-US')
  );
}

/** The entity a request names by ref (`system:default/name`). */
function parseRef(value: string, field: string): CompoundEntityRef {
  try {
    return parseEntityRef(value.trim(), { defaultNamespace: 'default' });
  } catch {
    throw new InputError(
      `${field}: '${value.slice(
        0,
        100,
      )}' is not an entity ref; write kind:namespace/name, e.g. system:default/ci-cd-pipeline`,
    );
  }
}

/**
 * The rules of a template definition beyond its schema (unique question
 * ids, options only on choice questions, ...), as one 400.
 */
function throwProblems(
  definition: Omit<SurveyTemplateDefinition, 'id'> & { id?: string },
  fields?: Array<keyof SurveyTemplateDefinition>,
): void {
  const check = new FieldChecker();
  for (const { field, rule } of surveyTemplateProblems(definition, {
    fields,
  })) {
    check.problem(field, rule);
  }
  check.throwIfAny();
}

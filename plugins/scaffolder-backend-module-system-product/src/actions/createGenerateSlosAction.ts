import { isChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  parseOpenSlo,
  toOpenSloDocument,
} from '@system-product/backstage-plugin-common';
import { access, lstat, mkdir, realpath, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { stringify } from 'yaml';
import { DeliveryTargets, deliverySlos } from './deliverySlos';

const DEFAULT_PATH = 'slos.yaml';
const DEFAULT_WINDOW = '28d';
const DEFAULT_ENVIRONMENT = 'production';

const example = (description: string, lines: string[]) => ({
  description,
  example: lines.join('\n'),
});

/**
 * `system-product:slos:generate`: writes an OpenSLO v1 file with the delivery
 * SLOs of a new system product (lead time for changes, change failure rate,
 * failed-deployment recovery time, developer satisfaction) into the
 * workspace. Every SLO uses the `system-product` metric source, so the System
 * Product backend evaluates it from the events pipelines post and from survey
 * answers, with nothing else to install.
 *
 * @public
 */
export function createGenerateSlosAction() {
  return createTemplateAction({
    id: 'system-product:slos:generate',
    description:
      'Writes an OpenSLO v1 file with delivery SLOs (lead time for changes, change failure rate, time to restore, developer satisfaction) into the workspace',
    supportsDryRun: true,
    examples: [
      example('Generate the four delivery SLOs of a new system product', [
        'steps:',
        '  - id: slos',
        '    action: system-product:slos:generate',
        '    input:',
        '      service: ci-cd-pipeline',
        '      leadTime:',
        '        hours: 24',
        '        targetPercent: 90',
        '      changeFailureRate:',
        '        maxPercent: 10',
        '      timeToRestore:',
        '        hours: 4',
        '        targetPercent: 90',
        '      satisfaction:',
        '        measure: csat',
        '        targetPercent: 80',
      ]),
      example(
        'Only a lead time SLO over every environment in a 7-day window, written next to the catalog file of a monorepo folder',
        [
          'steps:',
          '  - id: slos',
          '    action: system-product:slos:generate',
          '    input:',
          '      service: release-train',
          '      path: systems/release-train/slos.yaml',
          '      window: 7d',
          "      environment: ''",
          '      leadTime:',
          '        hours: 168',
          '        targetPercent: 95',
        ],
      ),
      example(
        'A satisfaction SLO on the share of NPS promoters in the platform pulse survey',
        [
          'steps:',
          '  - id: slos',
          '    action: system-product:slos:generate',
          '    input:',
          '      service: support-desk',
          '      satisfaction:',
          '        measure: nps',
          '        targetPercent: 50',
          '        survey: platform-pulse',
        ],
      ),
    ],
    schema: {
      input: {
        service: z =>
          z
            .string()
            .min(1)
            .describe(
              'The system the SLOs belong to (OpenSLO spec.service), usually the entity name',
            ),
        path: z =>
          z
            .string()
            .regex(/\.ya?ml$/)
            .default(DEFAULT_PATH)
            .describe(
              `Where to write the file, relative to the workspace (default ${DEFAULT_PATH})`,
            ),
        window: z =>
          z
            .string()
            .regex(/^\d+[smhdwMQY]$/)
            .default(DEFAULT_WINDOW)
            .describe(
              `Rolling window of every SLO, an OpenSLO duration (default ${DEFAULT_WINDOW})`,
            ),
        environment: z =>
          z
            .string()
            .default(DEFAULT_ENVIRONMENT)
            .describe(
              `Environment whose deployments and incidents count (default ${DEFAULT_ENVIRONMENT}); an empty string counts every environment`,
            ),
        overwrite: z =>
          z
            .boolean()
            .default(false)
            .describe('Replace the file if the workspace already has one'),
        leadTime: z =>
          z
            .object({
              hours: z
                .number()
                .gt(0)
                .describe('Longest acceptable commit-to-deployment time'),
              targetPercent: z
                .number()
                .gt(0)
                .lt(100)
                .describe('Share of deployments that must meet it'),
            })
            .optional()
            .describe('Lead time for changes target'),
        changeFailureRate: z =>
          z
            .object({
              maxPercent: z
                .number()
                .gt(0)
                .lt(100)
                .describe(
                  'Highest acceptable share of deployments that fail or need a fix',
                ),
            })
            .optional()
            .describe('Change failure rate target'),
        timeToRestore: z =>
          z
            .object({
              hours: z
                .number()
                .gt(0)
                .describe('Longest acceptable time to restore service'),
              targetPercent: z
                .number()
                .gt(0)
                .lt(100)
                .describe('Share of incidents that must meet it'),
            })
            .optional()
            .describe('Failed deployment recovery time target'),
        satisfaction: z =>
          z
            .object({
              measure: z
                .enum(['csat', 'nps'])
                .default('csat')
                .describe(
                  'csat: share of 4 and 5 out of 5; nps: share of promoters (9 and 10 out of 10)',
                ),
              targetPercent: z
                .number()
                .gt(0)
                .lt(100)
                .describe('Share of survey answers that must be good'),
              survey: z
                .string()
                .optional()
                .describe(
                  'Survey template whose answers count, e.g. platform-pulse; every template by default',
                ),
            })
            .optional()
            .describe('Developer satisfaction target, from survey answers'),
      },
      output: {
        path: z =>
          z.string().describe('Path of the written file in the workspace'),
        sloNames: z =>
          z.array(z.string()).describe('Names of the SLOs in the file'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      // The scaffolder checks the input against the JSON schema but does not
      // fill in zod defaults, so they are applied here.
      const targets: DeliveryTargets = {
        service: input.service,
        window: input.window ?? DEFAULT_WINDOW,
        environment: input.environment ?? DEFAULT_ENVIRONMENT,
        leadTime: input.leadTime,
        changeFailureRate: input.changeFailureRate,
        timeToRestore: input.timeToRestore,
        satisfaction: input.satisfaction && {
          measure: input.satisfaction.measure ?? 'csat',
          targetPercent: input.satisfaction.targetPercent,
          survey: input.satisfaction.survey,
        },
      };
      const slos = deliverySlos(targets);
      const path = input.path ?? DEFAULT_PATH;
      const file = await workspaceFile(ctx.workspacePath, path);

      const documents = slos.map(toOpenSloDocument);
      // The backend reads the file with this parser: anything it would
      // reject is an input problem, reported before a file is written.
      const { problems } = parseOpenSlo(documents, path);
      if (problems.length > 0) {
        throw new InputError(
          `The SLOs would not be valid OpenSLO: ${problems
            .map(p => `${p.name ?? 'document'} ${p.field} ${p.message}`)
            .join('; ')}`,
        );
      }
      if (!input.overwrite && (await exists(file))) {
        throw new InputError(
          `${path} already exists in the workspace; set overwrite: true to replace it`,
        );
      }

      const header = [
        `# Delivery SLOs of ${targets.service.trim()} (OpenSLO v1).`,
        '# Metric source type "system-product" reads the deployment and incident',
        '# events pipelines post to /api/system-product/events and survey answers.',
      ];
      const body = documents
        .map(doc =>
          stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false }),
        )
        .join('---\n');
      await writeFile(file, `${header.join('\n')}\n${body}`, 'utf8');

      // A dry run writes too: its workspace is a temporary copy the
      // scaffolder removes, and the file is what the dry run shows.
      ctx.logger.info(
        `${ctx.isDryRun ? 'Dry run: wrote' : 'Wrote'} ${
          slos.length
        } SLOs to ${path}: ${slos.map(s => s.name).join(', ')}`,
      );
      ctx.output('path', path);
      ctx.output(
        'sloNames',
        slos.map(s => s.name),
      );
    },
  });
}

/** The absolute path of `path` in the workspace, refusing anything that leads out of it. */
async function workspaceFile(
  workspacePath: string,
  path: string,
): Promise<string> {
  const outside = new InputError(
    `path must be a file inside the workspace, relative to it, not ${JSON.stringify(
      path,
    )}`,
  );
  if (!path || isAbsolute(path)) throw outside;
  if (!/\.ya?ml$/.test(path)) {
    throw new InputError(
      `path must name a .yaml or .yml file, not ${JSON.stringify(path)}`,
    );
  }
  const file = resolve(workspacePath, path);
  if (!isChildPath(workspacePath, file) || file === resolve(workspacePath)) {
    throw outside;
  }
  // A symlink in the workspace must not lead the file elsewhere: check the
  // real path of the deepest folder that exists before creating any folder.
  let existing = dirname(file);
  while (!(await exists(existing))) existing = dirname(existing);
  const realWorkspace = await realpath(workspacePath);
  if (!isChildPath(realWorkspace, await realpath(existing))) throw outside;
  const stats = await lstat(file).catch(() => undefined);
  if (stats?.isSymbolicLink()) throw outside;
  await mkdir(dirname(file), { recursive: true });
  return file;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

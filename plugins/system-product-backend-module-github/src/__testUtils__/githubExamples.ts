import definitions, { WebhookDefinition } from '@octokit/webhooks-examples';

type EventName = WebhookDefinition['name'];
type Payload<TName extends EventName> =
  WebhookDefinition<TName>['examples'][number];

/**
 * A copy of the first example payload of the webhook `name` that GitHub's
 * Octokit team publishes in `@octokit/webhooks-examples` (its
 * `api.github.com` examples) and that `matches`. Tests change their copy
 * where they need known figures, so what they start from stays as
 * published.
 */
export function githubExample<TName extends EventName>(
  name: TName,
  matches: (example: Payload<TName>) => boolean = () => true,
): Payload<TName> {
  const definition = definitions.find(d => d.name === name) as
    | WebhookDefinition<TName>
    | undefined;
  const example = definition?.examples.find(matches);
  if (!example) {
    throw new Error(`@octokit/webhooks-examples has no such ${name} example`);
  }
  return structuredClone(example);
}

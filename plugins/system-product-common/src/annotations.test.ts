import { Entity } from '@backstage/catalog-model';
import {
  entityPagePath,
  eventSourceMatches,
  parseEventSources,
  getSystemProductUsers,
  isSystemProductEntity,
} from './annotations';

function entity(kind: string, annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x', annotations },
  };
}

describe('isSystemProductEntity', () => {
  it('shows the tabs on every System by default', () => {
    expect(isSystemProductEntity(entity('System'))).toBe(true);
  });

  it('leaves components without our annotations alone', () => {
    expect(
      isSystemProductEntity(
        entity('Component', { 'backstage.io/techdocs-ref': 'dir:.' }),
      ),
    ).toBe(false);
  });

  it('opts any kind in through any system-product annotation', () => {
    expect(
      isSystemProductEntity(
        entity('Component', { 'system-product/enabled': 'true' }),
      ),
    ).toBe(true);
    expect(
      isSystemProductEntity(
        entity('Resource', { 'system-product/users': 'group:default/mobile' }),
      ),
    ).toBe(true);
  });

  it('lets enabled "false" opt a System out', () => {
    expect(
      isSystemProductEntity(
        entity('System', { 'system-product/enabled': 'false' }),
      ),
    ).toBe(false);
  });
});

describe('getSystemProductUsers', () => {
  it('splits, trims and drops empty refs', () => {
    expect(
      getSystemProductUsers(
        entity('System', {
          'system-product/users':
            ' group:default/mobile, ,group:default/payments ',
        }),
      ),
    ).toEqual(['group:default/mobile', 'group:default/payments']);
  });

  it('reads short refs as groups in the entity namespace and drops refs that do not parse', () => {
    expect(
      getSystemProductUsers({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: {
          name: 'x',
          namespace: 'retail',
          annotations: {
            'system-product/users':
              'mobile, group:payments, user:default/ada, group:retail/mobile, group:',
          },
        },
      }),
    ).toEqual([
      'group:retail/mobile',
      'group:retail/payments',
      'user:default/ada',
    ]);
  });

  it('returns no users when the annotation is missing', () => {
    expect(getSystemProductUsers(entity('System'))).toEqual([]);
  });
});

describe('entityPagePath', () => {
  it('writes the catalog entity route in lower case, encoded, default namespace filled in', () => {
    expect(
      entityPagePath({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'CI CD' },
      }),
    ).toBe('/catalog/default/system/ci%20cd');
  });
});

describe('system-product/event-sources', () => {
  it('reads comma-separated source:pattern items and names the bad ones', () => {
    expect(
      parseEventSources(
        'github:acme/*, pagerduty:PABC123,,bitbucket:x, github:',
      ),
    ).toEqual({
      patterns: [
        { source: 'github', pattern: 'acme/*' },
        { source: 'pagerduty', pattern: 'PABC123' },
      ],
      problems: [
        expect.stringContaining('"bitbucket:x" must be source:pattern'),
        expect.stringContaining('"github:" must be source:pattern'),
      ],
    });
    expect(parseEventSources(' , ').problems).toEqual([
      expect.stringContaining('names no source'),
    ]);
  });

  it('matches a subject of the same source whose key fits the pattern, in any letter case', () => {
    const acme = { source: 'github' as const, pattern: 'acme/*' };
    expect(
      eventSourceMatches(acme, { source: 'github', key: 'Acme/Shop' }),
    ).toBe(true);
    // `*` spans folders, as GitLab groups nest.
    expect(
      eventSourceMatches(acme, { source: 'github', key: 'acme/a/b' }),
    ).toBe(true);
    expect(
      eventSourceMatches(acme, { source: 'gitlab', key: 'acme/shop' }),
    ).toBe(false);
    expect(
      eventSourceMatches(acme, { source: 'github', key: 'acmes/shop' }),
    ).toBe(false);
    // A dot is a dot, not any character.
    const dotted = { source: 'github' as const, pattern: 'acme/web.site' };
    expect(
      eventSourceMatches(dotted, { source: 'github', key: 'acme/webXsite' }),
    ).toBe(false);
    expect(
      eventSourceMatches(dotted, { source: 'github', key: 'acme/web.site' }),
    ).toBe(true);
  });
});

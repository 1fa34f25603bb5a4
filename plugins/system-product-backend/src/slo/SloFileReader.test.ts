import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { SloFileReader } from './SloFileReader';
import { deploymentSuccessSlo } from '../__testUtils__/deploymentSuccessSlo';

const slo = (name: string) => deploymentSuccessSlo(name, { target: 0.99 });

function entity(sloRef: string | undefined, location: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'ci-cd-pipeline',
      annotations: {
        'backstage.io/managed-by-location': location,
        ...(sloRef ? { 'system-product/slo-ref': sloRef } : {}),
      },
    },
  };
}

describe('SloFileReader', () => {
  const dir = createMockDirectory();

  beforeEach(() => {
    dir.setContent({
      'catalog/entities.yaml': '',
      'catalog/team/slos.yaml': slo('deploy-success'),
      'catalog/broken.yaml': `${slo(
        'good-one',
      )}---\napiVersion: openslo/v1\nkind: SLO\nmetadata: { name: bad }\nspec: {}\n`,
      'secret.yaml': slo('outside'),
    });
  });

  const fileLocation = () => `file:${dir.resolve('catalog/entities.yaml')}`;

  it("reads a path relative to a file location's folder", async () => {
    const reader = new SloFileReader(mockServices.urlReader.mock());
    const file = await reader.read(entity('./team/slos.yaml', fileLocation()));
    expect(file.problems).toEqual([]);
    expect(file.slos.map(s => s.name)).toEqual(['deploy-success']);
  });

  it('keeps the good SLOs of a file and reports the bad ones', async () => {
    const reader = new SloFileReader(mockServices.urlReader.mock());
    const file = await reader.read(entity('./broken.yaml', fileLocation()));
    expect(file.slos.map(s => s.name)).toEqual(['good-one']);
    expect(file.problems.length).toBeGreaterThan(0);
    expect(file.problems.every(p => p.document === 2)).toBe(true);
  });

  it('never reads outside the folder of the catalog file', async () => {
    const reader = new SloFileReader(mockServices.urlReader.mock());
    const file = await reader.read(entity('../secret.yaml', fileLocation()));
    expect(file.slos).toEqual([]);
    expect(file.problems[0].message).toContain(
      "leaves the folder of the entity's catalog file",
    );
  });

  it('reads url: references and relative paths of url locations through the UrlReader', async () => {
    const readUrl = jest.fn(async () => ({
      buffer: async () => Buffer.from(slo('from-url')),
    }));
    const reader = new SloFileReader(
      mockServices.urlReader.mock({ readUrl } as any),
    );
    const absolute = await reader.read(
      entity(
        'url:https://git.example.com/a/slos.yaml',
        'url:https://git.example.com/a/catalog-info.yaml',
      ),
    );
    expect(absolute.slos.map(s => s.name)).toEqual(['from-url']);
    await reader.read(
      entity(
        './ops/slos.yaml',
        'url:https://git.example.com/b/catalog-info.yaml',
      ),
    );
    expect(readUrl).toHaveBeenLastCalledWith(
      'https://git.example.com/b/ops/slos.yaml',
    );
  });

  it('reports an unreadable file and an entity without the annotation has none', async () => {
    const reader = new SloFileReader(mockServices.urlReader.mock());
    const missing = await reader.read(entity('./nope.yaml', fileLocation()));
    expect(missing.problems[0].message).toContain('could not read the file');
    await expect(
      reader.read(entity(undefined, fileLocation())),
    ).resolves.toEqual({ slos: [], problems: [] });
  });
});

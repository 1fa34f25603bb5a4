import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { systemProductPlugin } from './plugin';

const tabs = {
  canvas: 'Canvas',
  journey: 'Journey',
  slos: 'SLOs',
  roadmap: 'Roadmap',
} as const;

describe('systemProductPlugin', () => {
  it.each(Object.entries(tabs))(
    'offers the %s tab on system products only',
    (name, title) => {
      const tester = createExtensionTester(
        systemProductPlugin.getExtension(
          `entity-content:system-product/${name}` as any,
        ),
      );
      expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(title);
      const filter = tester.get(
        EntityContentBlueprint.dataRefs.filterFunction,
      ) as (entity: Entity) => boolean;
      const meta = { name: 'x' };
      expect(filter({ apiVersion: 'v1', kind: 'System', metadata: meta })).toBe(
        true,
      );
      expect(
        filter({ apiVersion: 'v1', kind: 'Component', metadata: meta }),
      ).toBe(false);
    },
  );
});

import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
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

describe('systemProductPlugin pages and cards', () => {
  it('mounts the portfolio page at /system-products with a nav title', () => {
    const tester = createExtensionTester(
      systemProductPlugin.getExtension('page:system-product' as any),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/system-products');
  });

  it('shows the survey card on system products and the team card on groups', () => {
    const meta = { name: 'x' };
    const filterOf = (id: string) =>
      createExtensionTester(systemProductPlugin.getExtension(id as any)).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      ) as ((entity: Entity) => boolean) | undefined;
    const survey = filterOf('entity-card:system-product/survey')!;
    expect(survey({ apiVersion: 'v1', kind: 'System', metadata: meta })).toBe(
      true,
    );
    expect(survey({ apiVersion: 'v1', kind: 'Group', metadata: meta })).toBe(
      false,
    );
    const team = filterOf('entity-card:system-product/team')!;
    expect(team({ apiVersion: 'v1', kind: 'Group', metadata: meta })).toBe(
      true,
    );
    expect(team({ apiVersion: 'v1', kind: 'System', metadata: meta })).toBe(
      false,
    );
  });
});

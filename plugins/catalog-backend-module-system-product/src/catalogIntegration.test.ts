import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import catalogModule from './index';

jest.setTimeout(120_000);

describe('the annotation checks in a real catalog', () => {
  const dir = createMockDirectory({
    content: {
      'catalog-info.yaml': `
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: good
  annotations:
    system-product/slo-ref: ./slos.yaml
spec:
  owner: group:default/platform
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: bad
  annotations:
    system-product/enabled: 'yes'
    system-product/slo-ref: ./missing.yaml
    system-product/user: group:default/mobile
spec:
  owner: group:default/platform
`,
      // A Service document alone: valid OpenSLO, nothing to report.
      'slos.yaml':
        'apiVersion: openslo/v1\nkind: Service\nmetadata: { name: pipeline }\nspec: {}\n',
    },
  });

  it('stores a new entity with bad annotations and lists each problem in its status', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModule,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['System', 'Location'] }],
              locations: [
                { type: 'file', target: dir.resolve('catalog-info.yaml') },
              ],
            },
          },
        }),
      ],
    });
    const get = (name: string) =>
      request(server)
        .get(`/api/catalog/entities/by-name/system/default/${name}`)
        .set('Authorization', mockCredentials.user.header());

    let bad: any;
    for (let i = 0; i < 60 && !bad; i++) {
      await new Promise(resolve => setTimeout(resolve, 1000));
      const response = await get('bad');
      if (response.status === 200) bad = response.body;
    }
    expect(bad).toBeDefined();
    const items = bad.status.items as Array<{
      type: string;
      level: string;
      message: string;
    }>;
    expect(items).toHaveLength(3);
    expect(
      items.every(
        item =>
          item.type === 'backstage.io/catalog-processing' &&
          item.level === 'error',
      ),
    ).toBe(true);
    const messages = items.map(item => item.message).join('\n');
    expect(messages).toContain('system-product/enabled');
    expect(messages).toContain('system-product/slo-ref');
    expect(messages).toContain('system-product/user');

    const good = await get('good');
    expect(good.status).toBe(200);
    expect(good.body.status?.items ?? []).toEqual([]);
  });
});

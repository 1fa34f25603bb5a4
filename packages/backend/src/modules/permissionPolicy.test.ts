import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { systemProductCanvasUpdatePermission } from '@system-product/backstage-plugin-common';
import { DemoPermissionPolicy } from './permissionPolicy';

const user = {
  identity: {
    type: 'user' as const,
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: ['user:default/guest', 'group:default/platform-team'],
  },
  token: 'token',
  credentials: {} as any,
  info: {
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: ['user:default/guest', 'group:default/platform-team'],
  },
};

describe('DemoPermissionPolicy', () => {
  const policy = new DemoPermissionPolicy();

  it('makes system-product changes conditional on owning the entity', async () => {
    const decision = await policy.handle(
      { permission: systemProductCanvasUpdatePermission },
      user,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/guest', 'group:default/platform-team'],
        },
      },
    });
  });

  it('lets signed-in users do everything else, reading included', async () => {
    const read = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    await expect(policy.handle({ permission: read }, user)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });
});

import { ownerName, ownerRef, userRef } from './entityRefs';

describe('ownerRef', () => {
  it.each(['guests', 'group:guests', 'group:default/guests', ' guests '])(
    'reads %j as the group guests, as the catalog reads spec.owner',
    owner => {
      expect(ownerRef(owner)).toEqual({
        kind: 'group',
        namespace: 'default',
        name: 'guests',
      });
    },
  );

  it('keeps the kind and namespace an owner names', () => {
    expect(ownerRef('user:ops/ada')).toEqual({
      kind: 'user',
      namespace: 'ops',
      name: 'ada',
    });
  });

  it.each([null, undefined, '', 'Ada Lovelace', 'group:default/'])(
    'names no entity for %j',
    owner => {
      expect(ownerRef(owner)).toBeUndefined();
    },
  );
});

describe('ownerName', () => {
  it('names one owner the same however it is written', () => {
    expect(ownerName('group:default/guests')).toBe('guests');
    expect(ownerName('guests')).toBe('guests');
    expect(ownerName('group:ops/guests')).toBe('ops/guests');
    expect(ownerName('user:default/ada')).toBe('user:ada');
  });

  it('keeps free text as it is', () => {
    expect(ownerName('Ada Lovelace')).toBe('Ada Lovelace');
  });
});

describe('userRef', () => {
  it('names a user who saved a change', () => {
    expect(userRef('user:default/ada')).toEqual({
      kind: 'user',
      namespace: 'default',
      name: 'ada',
    });
  });

  it('names no entity for a service or a group', () => {
    expect(userRef('system-product-demo-seed')).toBeUndefined();
    expect(userRef('group:default/platform-team')).toBeUndefined();
    expect(userRef(undefined)).toBeUndefined();
  });
});

import { normalPagePath, pagePathMatches } from './types';

describe('pagePathMatches', () => {
  it('matches a page and the paths below it, by whole segments', () => {
    expect(pagePathMatches('/create', '/create')).toBe(true);
    expect(pagePathMatches('/create', '/create/')).toBe(true);
    expect(pagePathMatches('/create/', '/create/tasks/1')).toBe(true);
    expect(pagePathMatches('/create', '/created')).toBe(false);
    expect(pagePathMatches('/create/tasks', '/create')).toBe(false);
    expect(pagePathMatches('/docs', '/catalog/docs')).toBe(false);
  });

  it('matches every path for the root page', () => {
    expect(pagePathMatches('/', '/')).toBe(true);
    expect(pagePathMatches('/', '/catalog')).toBe(true);
  });

  it('stores a page without trailing slashes', () => {
    expect(normalPagePath('/create//')).toBe('/create');
    expect(normalPagePath('/')).toBe('/');
  });
});

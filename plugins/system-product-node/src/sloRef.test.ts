import { parseSloRef, resolveSloRef } from './sloRef';

describe('parseSloRef', () => {
  it('reads url: references and relative paths', () => {
    expect(parseSloRef(' url:https://example.com/slos.yaml ')).toEqual({
      type: 'url',
      url: 'https://example.com/slos.yaml',
    });
    expect(parseSloRef('./slos.yaml')).toEqual({
      type: 'relative',
      path: './slos.yaml',
    });
  });

  it('names what is wrong with anything else', () => {
    expect(parseSloRef('')).toEqual({
      problem: expect.stringContaining('is empty'),
    });
    expect(parseSloRef('url:slos.yaml')).toEqual({
      problem: expect.stringContaining('is not an absolute URL'),
    });
    expect(parseSloRef('https://example.com/slos.yaml')).toEqual({
      problem: expect.stringContaining('prefix a URL with url:'),
    });
    expect(parseSloRef('/etc/slos.yaml')).toEqual({
      problem: expect.stringContaining('is an absolute path'),
    });
  });
});

describe('resolveSloRef', () => {
  const relativeRef = { type: 'relative' as const, path: './team/slos.yaml' };

  it('resolves against a url location as a URL', () => {
    expect(
      resolveSloRef(relativeRef, {
        type: 'url',
        target: 'https://git.example.com/acme/repo/blob/main/catalog-info.yaml',
      }),
    ).toEqual({
      type: 'url',
      target: 'https://git.example.com/acme/repo/blob/main/team/slos.yaml',
    });
  });

  it('resolves against a file location inside its folder only', () => {
    expect(
      resolveSloRef(relativeRef, {
        type: 'file',
        target: '/srv/catalog/entities.yaml',
      }),
    ).toEqual({ type: 'file', target: '/srv/catalog/team/slos.yaml' });
    expect(
      resolveSloRef(
        { type: 'relative', path: '../secrets.yaml' },
        { type: 'file', target: '/srv/catalog/entities.yaml' },
      ),
    ).toEqual({
      problem: expect.stringContaining('leaves the folder'),
    });
  });

  it('keeps url references and refuses relative ones without a usable location', () => {
    expect(
      resolveSloRef(
        { type: 'url', url: 'https://example.com/s.yaml' },
        undefined,
      ),
    ).toEqual({ type: 'url', target: 'https://example.com/s.yaml' });
    expect(resolveSloRef(relativeRef, undefined)).toEqual({
      problem: expect.stringContaining('no catalog location'),
    });
    expect(
      resolveSloRef(relativeRef, { type: 'github-discovery', target: 'acme' }),
    ).toEqual({
      problem: expect.stringContaining(
        'comes from a github-discovery location it cannot be resolved against',
      ),
    });
  });
});

import { Span, cutStages, statementName } from './stages';

const span = (
  kind: Span['kind'],
  label: string,
  start: number,
  end: number,
): Span => ({ kind, label, start, end });

describe('stages', () => {
  it('names a statement by its tables: ⋈ for a join, ∪ between union parts', () => {
    expect(
      statementName(
        'select "r".*, "t"."questions" from "survey_rounds" as "r" inner join "survey_templates" as "t" on "t"."id" = "r"."template_id" where "r"."id" = $1 limit $2',
      ),
    ).toBe('select survey_rounds ⋈ survey_templates');
    expect(
      statementName(
        'select 1 from "a" inner join "b" on true union all select 2 from "c" union all select 3 from "d" order by 1',
      ),
    ).toBe('select a ⋈ b ∪ c ∪ d');
  });

  it('cuts a request into stages, gaps named after what came before', () => {
    const stages = Object.fromEntries(
      cutStages(
        [
          span('server', 'server', 1, 9),
          span('auth', 'httpAuth.credentials', 2, 3),
          span('auth', 'httpAuth.credentials', 4, 4.1),
          span('sql', 'select a', 5, 6),
          span('sql', 'select b', 5.5, 7),
          span('catalog', 'catalog.getEntityByRef', 7.2, 7.5),
          span('serialise', 'res.json', 8, 8.5),
        ],
        0,
        10,
      ),
    );
    const expected: Record<string, number> = {
      'HTTP: request to the server (fetch, socket, parsing)': 1,
      'Backstage middleware before auth (root router, lifecycle)': 1,
      'auth: credentials barrier (token check)': 1,
      'plugin router: routing, body, OpenAPI request validation': 1,
      "auth: the route's httpAuth.credentials": 0.1,
      'plugin code between steps (service, row mapping)': 0.9 + 0.2 + 0.5,
      'SQL: select a ∥ select b': 2,
      'catalog lookup (catalog.getEntityByRef)': 0.3,
      'serialise: res.json (stringify, ETag, write)': 0.5,
      'compression and flush': 0.5,
      'HTTP: response to the client (body read)': 1,
    };
    expect(Object.keys(stages).sort()).toEqual(Object.keys(expected).sort());
    for (const [stage, ms] of Object.entries(expected)) {
      expect(stages[stage]).toBeCloseTo(ms, 9);
    }
    const total = Object.values(stages).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(10, 9);
  });
});

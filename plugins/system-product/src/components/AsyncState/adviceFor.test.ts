import { ResponseError } from '@backstage/errors';
import { adviceFor } from './adviceFor';

async function responseError(status: number): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message: 'failed' },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );
}

describe('adviceFor', () => {
  it.each([
    [401, /reload the page to sign in again/],
    [403, /Ask the system's owners/],
    [404, /renamed, removed from the catalog, or hidden from you/],
    [503, /cannot reach its database/],
    [500, /logId/],
    [400, /refused/],
  ])('tells what to do about a %s', async (status, advice) => {
    expect(adviceFor(await responseError(status), 'canvas')).toMatch(advice);
  });

  it('points at the backend when there was no answer at all', () => {
    expect(adviceFor(new TypeError('Failed to fetch'), 'canvas')).toMatch(
      /installed and reachable/,
    );
  });
});

import { ResponseError } from '@backstage/errors';

/** The error the client rejects with for a response of `status`, with the body Backstage's error handler sends. */
export function responseError(
  status: number,
  message: string,
  name = 'Error',
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );
}

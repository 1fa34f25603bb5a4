/**
 * Retries an assertion until it passes or `timeoutMs` ran out, and then
 * throws its last error: for what happens after a response was sent, such as
 * a request's audit event or a webhook that the events backend accepted with
 * a 202 and hands on afterwards.
 *
 * @param assertion - throws (or rejects) while what it expects does not hold
 * @param timeoutMs - how long to retry; 2 s by default, within Jest's 5 s per test
 */
export async function eventually(
  assertion: () => void | Promise<void>,
  timeoutMs = 2000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 10));
    }
  }
}

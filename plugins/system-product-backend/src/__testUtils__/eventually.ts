/**
 * Retries an assertion until it passes or `timeoutMs` ran out: for what a
 * request does after its response was sent, such as finishing its audit event.
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

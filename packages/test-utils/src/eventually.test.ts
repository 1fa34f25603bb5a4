import { eventually } from './eventually';

describe('eventually', () => {
  it('retries the assertion until it passes', async () => {
    let calls = 0;
    await eventually(() => {
      calls += 1;
      expect(calls).toBe(3);
    });
    expect(calls).toBe(3);
  });

  it("throws the assertion's last error once the time ran out", async () => {
    let calls = 0;
    await expect(
      eventually(async () => {
        calls += 1;
        throw new Error(`not yet (${calls})`);
      }, 50),
    ).rejects.toThrow(/^not yet \(\d+\)$/);
    expect(calls).toBeGreaterThan(1);
  });
});

import { ResponseError } from '@backstage/errors';
import { act, renderHook } from '@testing-library/react';
import { useVersionedSave } from './useVersionedSave';

type Doc = { version: number; text: string };

async function conflictError(): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'ConflictError', message: 'stale version' },
        response: { statusCode: 409 },
      }),
      { status: 409, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );
}

function renderSave(
  options: {
    initial?: Doc;
    loadCurrent?: () => Promise<Doc>;
    describeError?: (e: unknown) => string;
  } = {},
) {
  const initial =
    'initial' in options ? options.initial : { version: 3, text: 'a' };
  return renderHook(() =>
    useVersionedSave<Doc, Doc | undefined>({
      initial,
      what: 'canvas',
      loadCurrent:
        options.loadCurrent ?? (async () => ({ version: 4, text: 'theirs' })),
      describeError: options.describeError,
    }),
  );
}

describe('useVersionedSave', () => {
  it('saves over the version the draft started from', async () => {
    const { result } = renderSave();
    const send = jest.fn(async () => {});
    await act(() => result.current.save(send));
    expect(send).toHaveBeenCalledWith({ version: 3, text: 'a' });
    expect(result.current.conflict).toBeUndefined();
    expect(result.current.error).toBeUndefined();
    expect(result.current.saving).toBe(false);
  });

  it('keeps the draft on a 409, loads the newer version, and saves over it when asked', async () => {
    const { result } = renderSave();
    const send = jest
      .fn()
      .mockRejectedValueOnce(await conflictError())
      .mockResolvedValueOnce(undefined);
    await act(() => result.current.save(send));
    const newer = { version: 4, text: 'theirs' };
    expect(result.current.conflict).toEqual(newer);
    expect(result.current.error).toBeUndefined();
    expect(result.current.base).toEqual({ version: 3, text: 'a' });

    await act(() => result.current.save(send, result.current.conflict));
    expect(send).toHaveBeenLastCalledWith(newer);
    expect(result.current.base).toEqual(newer);
    expect(result.current.conflict).toBeUndefined();
  });

  it('makes the newer version the base without saving, for a draft reloaded from it', async () => {
    const { result } = renderSave();
    await act(() =>
      result.current.save(async () => {
        throw await conflictError();
      }),
    );
    act(() => result.current.adopt(result.current.conflict!));
    expect(result.current.base).toEqual({ version: 4, text: 'theirs' });
    expect(result.current.conflict).toBeUndefined();
  });

  it('says so when the newer version cannot be loaded, and keeps the draft', async () => {
    const { result } = renderSave({
      loadCurrent: async () => {
        throw new Error('Backend unreachable');
      },
    });
    await act(() =>
      result.current.save(async () => {
        throw await conflictError();
      }),
    );
    expect(result.current.conflict).toBeUndefined();
    expect(result.current.error).toBe(
      'Someone else changed the canvas meanwhile, and the newer version could not be loaded (Backend unreachable). Your draft is kept: try saving again.',
    );
    expect(result.current.base).toEqual({ version: 3, text: 'a' });
  });

  it("reports any other failure in the editor's words", async () => {
    const { result } = renderSave({
      describeError: e => `Not saved: ${(e as Error).message}`,
    });
    await act(() =>
      result.current.save(async () => {
        throw new Error('title is too long');
      }),
    );
    expect(result.current.error).toBe('Not saved: title is too long');
    expect(result.current.conflict).toBeUndefined();
  });

  it('treats a 409 as an ordinary failure when nothing was stored yet', async () => {
    const loadCurrent = jest.fn(async () => ({ version: 1, text: 'x' }));
    const { result } = renderSave({ initial: undefined, loadCurrent });
    const send = jest.fn(async () => {
      throw await conflictError();
    });
    await act(() => result.current.save(send));
    expect(send).toHaveBeenCalledWith(undefined);
    expect(loadCurrent).not.toHaveBeenCalled();
    expect(result.current.conflict).toBeUndefined();
    expect(result.current.error).toMatch(/^Request failed with 409/);
  });

  it('is saving while the request is under way', async () => {
    const { result } = renderSave();
    let finish: () => void = () => {};
    let saving: Promise<void> = Promise.resolve();
    act(() => {
      saving = result.current.save(
        () => new Promise<void>(resolve => (finish = resolve)),
      );
    });
    expect(result.current.saving).toBe(true);
    await act(async () => {
      finish();
      await saving;
    });
    expect(result.current.saving).toBe(false);
  });
});

import type { DeliveredMessage, MessageHandler } from '../bus.port';

export type HandlerResult = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

/** Calls the handler once; a rejection or a synchronous throw becomes a failed result. */
export async function runHandler(handler: MessageHandler, message: DeliveredMessage): Promise<HandlerResult> {
  try {
    await handler(message);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Waits `ms`; resolves false at once if the signal aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (completed: boolean): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const onAbort = (): void => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

import { GrammyError, HttpError } from "grammy";
import { sleep } from "../clock.js";

/**
 * Every call to Telegram, retried the same way. The retry sits in the HTTP client (grammY's
 * `client.fetch`) rather than in an API transformer, because the conversations plugin builds an
 * `Api` of its own from the bot's client options: a transformer installed on `bot.api` never
 * sees the calls a flow makes, a `fetch` does.
 */

/** How hard one call is tried before its failure is the caller's. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /**
   * The most time one call spends waiting between attempts: the chat's next update waits behind
   * it, so this bounds how long one failing call can hold a chat.
   */
  maxWaitMs: number;
}

/**
 * A 429 is waited out when Telegram asks for up to a minute (that chat could take no message
 * sooner anyway); a server or network failure gets a few quick tries: 0.5 + 1 + 2 s.
 */
export const RETRY_POLICY: RetryPolicy = { attempts: 4, maxWaitMs: 60_000 };

/**
 * The most one call may take, its retries included: grammY's own timeout around `fetch`, which
 * aborts the attempt in flight. Above the long poll's 30 s, which it also covers; a timer per
 * attempt instead cost 5 % of the bot's throughput.
 */
export const CALL_TIMEOUT_SECONDS = 90;

/** Why a call was tried again, for the metrics. */
export type RetryReason = "flood" | "server" | "network";

export interface RetryHooks {
  /** Waits `ms` (tests wait on a virtual clock); rejects when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry?: (method: string, reason: RetryReason, waitMs: number) => void;
}

/** The first wait after a server or network failure; each further one doubles. */
const FIRST_BACKOFF_MS = 500;

/**
 * `fetch` for grammY's client that tries a call again after a 429 (as long as Telegram asks to
 * wait, within the policy's wait), a 5xx or a network failure (with a doubling backoff), up to
 * the policy's attempts; then the last answer or error is the caller's. Long polling passes
 * through: it waits on purpose, and the poller retries it itself.
 */
export function retryingFetch(
  base: typeof fetch,
  policy: RetryPolicy = RETRY_POLICY,
  { sleep: wait = sleep, onRetry }: RetryHooks = {},
): typeof fetch {
  return async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = url.slice(url.lastIndexOf("/") + 1);
    if (method === "getUpdates") return base(input, init);
    // A file upload is a stream, read once: kept as bytes, so that it can be sent again.
    const body = await replayable(init?.body);
    const request: RequestInit = { ...init, ...(body ? { body } : {}) };
    const signal = init?.signal ?? undefined;
    let waited = 0;
    let backoff = FIRST_BACKOFF_MS;
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= policy.attempts;
      let failure: { reason: RetryReason; waitMs: number };
      try {
        const response = await base(input, request);
        if (response.status !== 429 && response.status < 500) return response;
        const body = (await response.json()) as { parameters?: { retry_after?: number } };
        failure =
          response.status === 429
            ? { reason: "flood", waitMs: (body.parameters?.retry_after ?? 1) * 1000 }
            : { reason: "server", waitMs: backoff };
        if (last || waited + failure.waitMs > policy.maxWaitMs) {
          return Response.json(body, { status: response.status });
        }
      } catch (error) {
        // The caller gave up (grammY's own timeout, a stopping poller): so does the retry.
        if (signal?.aborted) throw error;
        failure = { reason: "network", waitMs: backoff };
        if (last || waited + failure.waitMs > policy.maxWaitMs) {
          throw new TelegramUnreachable(method, error);
        }
      }
      if (failure.reason !== "flood") backoff *= 2;
      onRetry?.(method, failure.reason, failure.waitMs);
      await wait(failure.waitMs, signal);
      waited += failure.waitMs;
    }
  };
}

/**
 * A call that never reached Telegram. Its JSON form is its message: the conversations plugin
 * stores a network error of a flow as JSON and rebuilds it with `new Error(JSON.parse(…))`,
 * which would otherwise read "[object Object]" in the log.
 */
export class TelegramUnreachable extends Error {
  constructor(method: string, cause: unknown) {
    super(`${method}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "TelegramUnreachable";
  }

  toJSON(): string {
    return this.message;
  }
}

async function replayable(
  body: RequestInit["body"],
): Promise<NonNullable<RequestInit["body"]> | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>)
    chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * Whether an error is Telegram refusing a call (after its retries) or a call that never reached
 * it: what the bot outlives, keeping what the user did, rather than a bug.
 */
export function isTelegramFailure(error: unknown): error is GrammyError | HttpError {
  return error instanceof GrammyError || error instanceof HttpError;
}

/** Whether no later attempt will do better: Telegram's 4xx but a 429 (blocked, bad request). */
export function refusedForGood(error: GrammyError | HttpError): boolean {
  return error instanceof GrammyError && error.error_code !== 429 && error.error_code < 500;
}

/**
 * A failure as a log line's fields: what Telegram said, or why it could not be reached (an
 * HttpError keeps its cause in `error`, which a logger would not look into).
 */
export function describeFailure(error: GrammyError | HttpError): Record<string, unknown> {
  if (error instanceof GrammyError)
    return { method: error.method, code: error.error_code, description: error.description };
  const cause = error.error instanceof Error ? error.error.message : String(error.error);
  // A cause the conversations plugin stored as JSON comes back as "[object Object]", unless it
  // is our own TelegramUnreachable: then the description alone is said.
  return cause === "[object Object]"
    ? { description: error.message }
    : { description: error.message, cause };
}

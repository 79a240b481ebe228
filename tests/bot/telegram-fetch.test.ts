import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { RETRY_POLICY, retryingFetch, TelegramUnreachable } from "../../src/bot/telegram-fetch.js";

const URL_OF = (method: string) => `http://127.0.0.1/bot123:abc/${method}`;

/** A Bot API that answers each attempt from a list, and the waits the retry took. */
function scripted(answers: (number | "unreachable" | { retryAfter: number })[]) {
  const attempts: { method: string; body: string }[] = [];
  const waits: number[] = [];
  const base: typeof fetch = async (input, init) => {
    const body =
      init?.body instanceof Uint8Array ? Buffer.from(init.body).toString() : String(init?.body);
    attempts.push({ method: String(input).split("/").at(-1) ?? "", body });
    const answer = answers[Math.min(attempts.length, answers.length) - 1] ?? 200;
    if (answer === "unreachable") throw new TypeError("fetch failed");
    if (typeof answer === "object")
      return Response.json(
        { ok: false, error_code: 429, parameters: { retry_after: answer.retryAfter } },
        { status: 429 },
      );
    return Response.json(
      answer === 200 ? { ok: true, result: true } : { ok: false, error_code: answer },
      { status: answer },
    );
  };
  const fetch = retryingFetch(base, RETRY_POLICY, {
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { fetch, attempts, waits };
}

const call = (fetch: typeof globalThis.fetch, method = "sendMessage", body: unknown = "{}") =>
  fetch(URL_OF(method), { method: "POST", body: body as string });

describe("every call to Telegram", () => {
  it("waits out a 429 as long as Telegram asks, then goes through", async () => {
    const { fetch, attempts, waits } = scripted([{ retryAfter: 7 }, 200]);
    expect((await call(fetch)).status).toBe(200);
    expect(attempts).toHaveLength(2);
    expect(waits).toEqual([7000]);
  });

  it("gives a 429 back at once when the wait asked for is longer than a chat may be held", async () => {
    const { fetch, attempts, waits } = scripted([{ retryAfter: 90 }, 200]);
    const response = await call(fetch);
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ parameters: { retry_after: 90 } });
    expect(attempts).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("tries a failing server a few times, waiting a few seconds in all, then gives its answer back", async () => {
    const { fetch, attempts, waits } = scripted([500]);
    expect((await call(fetch)).status).toBe(500);
    expect(attempts).toHaveLength(RETRY_POLICY.attempts);
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it("stops after its attempts when Telegram cannot be reached, and says why", async () => {
    const { fetch, attempts } = scripted(["unreachable"]);
    const failure = await call(fetch).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TelegramUnreachable);
    expect(attempts).toHaveLength(RETRY_POLICY.attempts);
    // Stored as JSON by the conversations plugin and rebuilt from it: still readable.
    expect(new Error(JSON.parse(JSON.stringify(failure))).message).toBe(
      "sendMessage: fetch failed",
    );
  });

  it("never waits longer in all than the policy's wait, whatever the mix of failures", async () => {
    const { fetch, waits } = scripted([{ retryAfter: 30 }, { retryAfter: 25 }, { retryAfter: 20 }]);
    expect((await call(fetch)).status).toBe(429);
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(RETRY_POLICY.maxWaitMs);
    expect(waits).toEqual([30_000, 25_000]);
  });

  it("does not retry what retrying cannot fix: a 400 or a 403", async () => {
    for (const status of [400, 403]) {
      const { fetch, attempts } = scripted([status, 200]);
      expect((await call(fetch)).status).toBe(status);
      expect(attempts).toHaveLength(1);
    }
  });

  it("sends a file upload again whole, though its body is a stream read once", async () => {
    const { fetch, attempts } = scripted([502, 200]);
    const stream = Readable.from([Buffer.from("--boundary\r\n"), Buffer.from("picture bytes")]);
    expect((await call(fetch, "sendPhoto", stream)).status).toBe(200);
    expect(attempts.map((attempt) => attempt.body)).toEqual([
      "--boundary\r\npicture bytes",
      "--boundary\r\npicture bytes",
    ]);
  });

  it("leaves long polling alone: the poller waits on purpose and retries by itself", async () => {
    const { fetch, attempts } = scripted([500, 200]);
    expect((await call(fetch, "getUpdates")).status).toBe(500);
    expect(attempts).toHaveLength(1);
  });

  it("gives up at once when the caller does (a stopping poller, grammY's own timeout)", async () => {
    const controller = new AbortController();
    const base: typeof globalThis.fetch = async () => {
      controller.abort();
      throw new Error("aborted");
    };
    const fetch = retryingFetch(base, RETRY_POLICY, { sleep: async () => undefined });
    await expect(
      fetch(URL_OF("sendMessage"), { body: "{}", signal: controller.signal }),
    ).rejects.toThrow("aborted");
  });
});

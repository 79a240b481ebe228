import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

/**
 * JSON lines on standard error. Anything shaped like a bot token is masked wherever it appears,
 * because grammY puts the token in request URLs and errors can carry those.
 */
export function createLogger(
  level: string,
  destination: DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      base: null,
      hooks: {
        streamWrite: (line) => line.replace(TOKEN_ANYWHERE, "$1:[redacted]"),
      },
    },
    destination,
  );
}

const TOKEN_ANYWHERE = /(\d{5,16}):[A-Za-z0-9_-]{30,50}/g;

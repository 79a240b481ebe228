import type { InlineKeyboardButton } from "grammy/types";
import type { ApiCall, FakeTelegram } from "./fake-telegram.js";
import { htmlToText } from "./html-to-text.js";
import type { OfflineUser } from "./offline-user.js";

/** What `npm run chat` says about itself: at the start of a chat in a terminal, and for --help. */
export const CHAT_HELP = [
  "Type a question and press Enter; /quit, Ctrl-D or Ctrl-C leaves.",
  "#2 presses the button shown as [#2], among the latest buttons the bot showed (a # with no",
  "such button is refused, not sent); a plain number such as 7 is sent as text, as an answer.",
].join("\n");

/** A line as the chat reads it. */
export type TypedLine =
  | { kind: "blank" }
  | { kind: "quit" }
  | { kind: "press"; number: number }
  | { kind: "text"; text: string };

/** `#2` (or a full-width ＃２) presses button 2; `/quit` leaves; anything else is text to send. */
export function readTypedLine(line: string): TypedLine {
  const text = line.trim();
  if (text === "") return { kind: "blank" };
  if (text === "/quit") return { kind: "quit" };
  const press = /^#\s*(\d+)$/.exec(text.normalize("NFKC"));
  return press ? { kind: "press", number: Number(press[1]) } : { kind: "text", text };
}

/** How the chat meets its input and output. */
export interface ChatMode {
  /** readline draws a `> ` prompt and echoes what is typed, with line editing. */
  prompt: boolean;
  /** Each line read is printed after `> `, so that the output reads as the session it was. */
  echo: boolean;
}

/**
 * A person at a terminal gets a prompt and sees what they type; piped input (or output to a
 * file) gets no prompt, and the lines read are printed back instead, so the output is a session.
 */
export function chatMode(stdinIsTTY: boolean, stdoutIsTTY: boolean): ChatMode {
  const interactive = stdinIsTTY && stdoutIsTTY;
  return { prompt: interactive, echo: !interactive };
}

/** Where the chat's output goes. */
export interface ChatScreen {
  print(text: string): void;
  /** Keeps a file the bot sent (a chart: a "picture") and says where. */
  save(bytes: Uint8Array, kind: "picture" | "file"): string;
}

/** A button the chat numbered: the message it is under and what pressing it sends. */
interface Pressable {
  messageId: number;
  data: string;
}

type Keyboard = InlineKeyboardButton[][];

/**
 * The terminal chat's turns: sends what is typed (or presses a numbered button), then prints
 * everything the bot did in return, numbering the buttons `[#1]`, `[#2]` … Those stay pressable
 * until a turn shows other buttons: a reply without any (a re-prompt, "you're welcome") keeps
 * them, and a keyboard the bot edits (⏸ Pause → ▶️ Resume) is shown and numbered anew.
 */
export class TerminalChat {
  #buttons: Pressable[] = [];
  #seen: number;

  constructor(
    private readonly user: OfflineUser,
    private readonly telegram: FakeTelegram,
    private readonly screen: ChatScreen,
    private readonly mode: Pick<ChatMode, "echo">,
  ) {
    this.#seen = telegram.calls.length;
  }

  /** Opens the chat as Telegram would: with /start. */
  start(): Promise<void> {
    return this.#turn(() => this.user.send("/start"));
  }

  /** Handles one line read; "quit" once the chat should end. */
  async type(line: string): Promise<"more" | "quit"> {
    const typed = readTypedLine(line);
    if (typed.kind === "quit") return "quit";
    if (typed.kind === "blank") return "more";
    if (this.mode.echo) this.screen.print(`> ${line.trim()}`);
    if (typed.kind === "text") await this.#turn(() => this.user.send(typed.text));
    else await this.#press(typed.number);
    return "more";
  }

  async #press(number: number): Promise<void> {
    const button = this.#buttons[number - 1];
    const count = this.#buttons.length;
    if (!button) {
      this.#note(
        count === 0
          ? `no button #${number}: the bot has shown none yet`
          : `no button #${number}: the buttons are #1 to #${count}`,
      );
    } else if (this.#takenOff(button)) {
      this.#note(`button #${number} is gone: the bot took it off its message`);
    } else {
      await this.#turn(() => this.user.pressData(button.messageId, button.data));
    }
  }

  /** Whether the bot has since edited the button away (a flow's answered question loses them). */
  #takenOff({ messageId, data }: Pressable): boolean {
    const shown = this.user.shown.get(messageId);
    return (
      shown !== undefined &&
      !shown.buttons
        .flat()
        .some((button) => "callback_data" in button && button.callback_data === data)
    );
  }

  #note(text: string): void {
    this.screen.print(`  (${text})`);
    this.screen.print("");
  }

  /** Runs one action and prints every call the bot made since the last turn: none is skipped. */
  async #turn(act: () => Promise<unknown>): Promise<void> {
    await act();
    const calls = this.telegram.calls.slice(this.#seen);
    this.#seen = this.telegram.calls.length;
    const buttons: Pressable[] = [];
    const lines = calls.flatMap((call) => this.#render(call, buttons));
    // Past its rate limit the bot skips a question in silence: here that is said, never blank.
    if (lines.length === 0) lines.push("  (no reply: the bot sent nothing)");
    for (const line of lines) this.screen.print(line);
    this.screen.print("");
    if (buttons.length > 0) this.#buttons = buttons;
  }

  /** What a call shows on screen, as lines; its buttons are numbered on from `buttons`. */
  #render({ method, payload, result }: ApiCall, buttons: Pressable[]): string[] {
    // What Telegram refused never reached the screen.
    if (result === undefined) return [];
    const keyboard = (payload.reply_markup as { inline_keyboard?: Keyboard } | undefined)
      ?.inline_keyboard;
    const messageId = (result as { message_id?: number }).message_id ?? Number(payload.message_id);
    if (method === "answerCallbackQuery") {
      return typeof payload.text === "string" ? [`  (${payload.text})`] : [];
    }
    if (method === "editMessageReplyMarkup") {
      // Buttons taken off say nothing; new ones are shown, to be pressed.
      if (!keyboard?.some((row) => row.length > 0)) return [];
      const under = htmlToText(this.user.shown.get(messageId)?.text ?? "").split("\n")[0] ?? "";
      const label = under.length > 40 ? `${under.slice(0, 40)}…` : under;
      return [
        `\n(the buttons under “${label}” are now:)`,
        ...this.#keyboard(keyboard, messageId, buttons),
      ];
    }
    const files = Object.values(payload)
      .filter((value) => value instanceof Uint8Array)
      .map((bytes) => {
        const kind = method === "sendPhoto" ? "picture" : "file";
        return `\n[${kind} saved to ${this.screen.save(bytes, kind)}]`;
      });
    const text = payload.text ?? payload.caption;
    if (files.length === 0 && typeof text !== "string") return [];
    return [
      ...files,
      `\n${htmlToText(String(text ?? ""))}`,
      ...this.#keyboard(keyboard ?? [], messageId, buttons),
    ];
  }

  #keyboard(keyboard: Keyboard, messageId: number, buttons: Pressable[]): string[] {
    return keyboard.flat().map((button) => {
      if ("callback_data" in button) {
        buttons.push({ messageId, data: button.callback_data });
        return `  [#${buttons.length}] ${button.text}`;
      }
      // Links (the private chat from a group, a website) are shown; the terminal cannot open them.
      return "url" in button ? `  [link] ${button.text}: ${button.url}` : `  [–] ${button.text}`;
    });
  }
}

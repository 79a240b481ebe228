import type { StorageAdapter } from "grammy";
import type { Decision } from "../matching/matcher.js";
import type { Language } from "../text/language.js";
import type { AlertKind, Plan } from "../tracker/usage.js";

/** A user's questions counted in a window of time: since `start` (ms), `count` of them. */
export interface QuestionWindow {
  start: number;
  count: number;
}

/** What the bot remembers of one user between updates. */
export interface SessionData {
  /** Chosen with /language; otherwise each message's own script decides. */
  language?: Language;
  /** The script of the user's latest message that had one. */
  lastLanguage?: Language;
  /**
   * The "what was missing?" prompt owed after a 👎, which a reply to it answers: its entry, and
   * its message once it was sent.
   */
  feedbackPrompt?: { entryId: string; messageId?: number };
  /** The user's questions in the rate limit's current window: see src/bot/rate-limit.ts. */
  questions?: QuestionWindow;
}

export interface AskedQuestion {
  decision: Decision;
  /** The answered entry: only for the decision "answer". */
  entryId?: string;
  /** The entries offered as "did you mean", best first: only for the decision "suggest". */
  offered?: string[];
  text: string;
  language: Language;
  at: Date;
}

/** A question the bot could not answer outright, as often as it was asked (same text). */
export interface UnansweredQuestion {
  text: string;
  count: number;
  language: string;
  lastSeen: Date;
  /** What the bot did the last time: said it does not know, or offered "did you mean". */
  decision: Exclude<Decision, "answer">;
  /** The entry ids offered that time ("suggest"); empty for "none". */
  offered: string[];
}

export interface Stats {
  questionsToday: number;
  questionsTotal: number;
  decisions: Record<Decision, number>;
  /** The questions the bot said it does not know, most asked first: not the near misses. */
  topUnanswered: { text: string; count: number; language: string; lastSeen: Date }[];
  feedback: { entryId: string; helpful: number; unhelpful: number }[];
}

/** A user's data tracker: the plan, its readings, and what the bot has already told them. */
export interface TrackerRecord {
  userId: number;
  /** Where reminders and alerts go. */
  chatId: number;
  plan: Plan;
  /** Totals used so far, oldest first; `at` is an ISO time. */
  readings: { at: string; usedMb: number }[];
  alertsSent: AlertKind[];
  paused: boolean;
  /** Hour of the day (Hong Kong) for a check-in, if the user wants one. */
  checkInHour?: number;
  /** Whether the note that the plan ended has gone out. */
  endedNoteSent?: boolean;
  /** The next check-in or end-of-plan note, as an ISO time (UTC), for the scheduler. */
  nextReminderAt?: string;
}

/**
 * A message the bot owes a user (an alert, a check-in, the end-of-plan note, the 👎 prompt) or an
 * admin (a refused knowledge-base edit): stored before it is sent, marked once Telegram accepted
 * it, so that a failed send is tried again and a sent one is never sent twice.
 */
export interface OwedMessage {
  /** Names the message: one added under a key already used (sent or not) is owed only once. */
  key: string;
  chatId: number;
  /** The user whose tracker it belongs to: their reminders stop if they blocked the bot. */
  userId?: number;
  kind: "alert" | "check-in" | "plan-ended" | "feedback-prompt" | "refused-edit";
  text: string;
  /** sendMessage's other parameters (parse_mode, reply_markup), as JSON. */
  options?: Record<string, unknown>;
  /** Not sent before this time. */
  dueAt: Date;
}

export interface ClaimedMessage extends OwedMessage {
  /** Attempts so far, this one included. */
  attempts: number;
}

/**
 * Everything the bot stores. Asynchronous throughout, so that a database server can stand behind
 * it as well as a file.
 */
export interface Storage {
  readonly sessions: StorageAdapter<SessionData>;
  /**
   * Runs `work` holding the lock of every key (a user, a chat), in this process and in any other
   * sharing the database: what an update reads and writes of a user and a chat is read, modified
   * and written while no other update touches them. Keys are taken in one fixed (sorted) order,
   * so two updates holding one key each and wanting the other's never wait on each other forever.
   * On PostgreSQL `work` is one transaction, committed before the locks are let go: if it throws,
   * or one of its statements failed, none of it is stored and this throws. Inside another
   * `withLocks`, only the keys not held yet are taken, and kept until the outer one ends.
   */
  withLocks<T>(keys: readonly string[], work: () => Promise<T>): Promise<T>;
  /** Conversation state by key, as the conversations plugin writes it. */
  readonly conversations: StorageAdapter<unknown>;
  readonly trackers: {
    get(userId: number): Promise<TrackerRecord | undefined>;
    /**
     * Creates or replaces a user's tracker, and adds the messages it now owes (a low-data
     * alert, a reminder), in one transaction: the reading is never kept without its alert.
     */
    save(record: TrackerRecord, owed?: readonly OwedMessage[]): Promise<void>;
    /** Deletes the tracker and its whole history, with the alerts and reminders it still owes. */
    delete(userId: number): Promise<void>;
    /**
     * Claims trackers whose next reminder is due at `now`, moving it `leaseMs` ahead so that no
     * other instance takes it; sending and saving the next reminder is then the claimer's job.
     */
    claimDue(now: Date, limit: number, leaseMs: number): Promise<TrackerRecord[]>;
  };
  /** Messages owed, until Telegram accepted them: see OwedMessage. */
  readonly outbox: {
    /** Adds messages; one whose key was added before, sent or not, is left as it was. */
    add(messages: readonly OwedMessage[]): Promise<void>;
    /**
     * Claims messages neither sent nor dropped, due by `now` (only those of `keys`, if given),
     * oldest first: each is moved `leaseMs` ahead, so no other instance takes it, and its
     * attempt counted. One whose sender died before marking it is due again once the lease runs out.
     */
    claim(
      now: Date,
      options: { limit: number; leaseMs: number; keys?: readonly string[] },
    ): Promise<ClaimedMessage[]>;
    /** Marks a claimed message as accepted by Telegram at `at`: it is never claimed again. */
    markSent(key: string, at: Date): Promise<void>;
    /**
     * Gives a claimed message up at `at` (the chat is gone, or it kept failing): it is never
     * claimed again.
     */
    markDropped(key: string, at: Date): Promise<void>;
    /** Moves the next attempt of a message neither sent nor dropped to `at`: a failed send's backoff. */
    scheduleRetry(key: string, at: Date): Promise<void>;
    /** Forgets messages sent or dropped before `before`: their keys may then be owed again. */
    purge(before: Date): Promise<void>;
  };
  /**
   * Tells every process sharing the store, this one included, that the knowledge base should
   * be loaded again (/reload): PostgreSQL's NOTIFY, or in-process for SQLite.
   */
  announceReload(): Promise<void>;
  /** Calls `listener` on every announceReload, from any process; until close. */
  onReload(listener: () => void): void;
  /**
   * Counts a question, committed at once and apart from the update's transaction (which would
   * hold the counters every update bumps for as long as it runs): counted even if it fails.
   */
  recordQuestion(question: AskedQuestion): Promise<void>;
  /** Records a 👍 or 👎 given `at`, unless this user already rated this entry; says whether it counted. */
  recordFeedback(userId: number, entryId: string, helpful: boolean, at: Date): Promise<boolean>;
  recordFeedbackComment(userId: number, entryId: string, comment: string): Promise<void>;
  /** Entry ids, most answered first. */
  mostAsked(limit: number): Promise<string[]>;
  stats(now: Date): Promise<Stats>;
  /**
   * Questions that got no answer or only "did you mean", most asked first; only those seen since
   * `since`, if given.
   */
  unanswered(since?: Date): Promise<UnansweredQuestion[]>;
  /** Throws unless the database answers: what /healthz checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

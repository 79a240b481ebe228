import type { StorageAdapter } from "grammy";
import type { Language } from "../kb/schema.js";
import type { Decision } from "../matching/matcher.js";
import type { AlertKind, Plan } from "../tracker/usage.js";

/** What the bot remembers of one user between updates. */
export interface SessionData {
  /** Chosen with /language; otherwise each message's own script decides. */
  language?: Language;
  /** The script of the user's latest message that had one. */
  lastLanguage?: Language;
  /** The "what was missing?" prompt after a 👎, which a reply to it answers. */
  feedbackPrompt?: { messageId: number; entryId: string };
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
 * Everything the bot stores. Asynchronous throughout, so that a database server can stand behind
 * it as well as a file.
 */
export interface Storage {
  readonly sessions: StorageAdapter<SessionData>;
  /**
   * Runs `work` while no other update of the same chat runs, in this process or any other that
   * shares the database: the sessions, flows and trackers of a chat are read-modify-written.
   */
  withChatLock<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Conversation state by key, as the conversations plugin writes it. */
  readonly conversations: StorageAdapter<unknown>;
  readonly trackers: {
    get(userId: number): Promise<TrackerRecord | undefined>;
    /** Creates or replaces a user's tracker. */
    save(record: TrackerRecord): Promise<void>;
    /** Deletes the tracker and its whole history. */
    delete(userId: number): Promise<void>;
    /**
     * Claims trackers whose next reminder is due at `now`, moving it `leaseMs` ahead so that no
     * other instance takes it; sending and saving the next reminder is then the claimer's job.
     */
    claimDue(now: Date, limit: number, leaseMs: number): Promise<TrackerRecord[]>;
  };
  recordQuestion(question: AskedQuestion): Promise<void>;
  /** Records a 👍 or 👎 unless this user already rated this entry; says whether it counted. */
  recordFeedback(userId: number, entryId: string, helpful: boolean): Promise<boolean>;
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

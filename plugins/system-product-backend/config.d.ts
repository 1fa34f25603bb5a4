import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the System Product plugins. */
  systemProduct?: {
    /**
     * Largest request body the API accepts, in the notation of the `bytes`
     * package (for example `256kb`). Larger bodies are answered with 413.
     * Default: 1mb, which takes a full batch of 1000 delivery events.
     * @visibility backend
     */
    maxBodySize?: string;
    /**
     * Check every response against the API's OpenAPI document, answering
     * 500 (naming the field) where one strays from it. For the plugin's own
     * tests and for staging; off by default. Default: false.
     * @visibility backend
     */
    validateResponses?: boolean;
    access?: {
      /**
       * How long an entity the catalog returned to a caller is reused for
       * that same caller (user, or service) before the catalog is asked
       * again: a number of milliseconds, or a duration (`5s`, `PT5S`,
       * `{ seconds: 5 }`). Never shared between callers; entities the
       * catalog did not return are not kept. A catalog change (an entity
       * removed, its visibility narrowed) reaches such a caller at most this
       * much later. 0 asks the catalog on every request. Default 5 seconds;
       * at most 5 minutes.
       * @visibility backend
       */
      cacheTtl?: number | string | HumanDuration;
    };
    events?: {
      /**
       * Days of delivery events kept, in whole UTC months: once a day every
       * event before the start of the month that holds (now − retentionDays)
       * is deleted, with the SLI rollups and commit times before then (on
       * PostgreSQL by dropping month partitions). So at least this many days
       * are kept, and at most a month more. Keep at least your longest SLO
       * window and DORA period. A whole number, at least 1. Unset (the
       * default): every event is kept.
       * @visibility backend
       */
      retentionDays?: number;
    };
    slo?: {
      /**
       * Minutes between scheduled evaluations of every SLO (status history
       * and breach notifications to owners). Default 5.
       * @visibility backend
       */
      evaluationMinutes?: number;
      /**
       * Days of scheduled evaluations kept for trends; older ones are deleted
       * once a day. Keep at least your longest SLO window. Default 400.
       * @visibility backend
       */
      historyDays?: number;
    };
    /**
     * Moments: micro-surveys a delivery event triggers (see the README).
     */
    moments?: {
      /**
       * The fatigue cap, across every trigger of every system: at most
       * `prompts` prompts to one person in `days` days. Default 2 in 14.
       */
      cap?: { prompts?: number; days?: number };
      /**
       * No prompt for an event that happened longer ago than this (a
       * duration such as `1h` or `{ minutes: 30 }`). Default 1 hour.
       */
      maxEventAge?: string | HumanDuration;
      /** How long a prompt can be answered. Default 7 days. */
      answerWithin?: string | HumanDuration;
    };
    survey?: {
      /**
       * k: every survey figure (a question's distribution, mean and score,
       * its free-text answers, a round's scores) is shown only with at least
       * this many answers behind it, and published results change only once
       * this many new responses arrived; a touchpoint's mean friction severity
       * and texts only once this many different people reported on it.
       * Default 5; at least 3.
       * @visibility frontend
       */
      minResponses?: number;
      /**
       * Secret of the HMAC that turns a respondent into an anonymous key. Set
       * it from a secret store: outside development (`NODE_ENV` other than
       * `development` or `test`) the backend refuses to start without it. In
       * development an unset secret falls back to one generated into the
       * plugin's database, with a warning. Changing it makes people who
       * answered an open round count twice if they answer it again.
       * @visibility secret
       */
      respondentKeySecret?: string;
      /**
       * Survey templates every entity's rounds may use, besides the built-in
       * platform-pulse (see "Survey templates" in the README). Synced into
       * the database at start-up: a template whose title, description or
       * questions changed gets a new version (rounds opened before keep
       * theirs); one removed here stays readable for its rounds but is no
       * longer offered. Ids are unique, not platform-pulse or moment.
       */
      templates?: Array<{
        /** Up to 64 letters, digits, "-", "_" and ".". */
        id: string;
        /** At most 200 characters. */
        title: string;
        /** At most 2000 characters. */
        description?: string;
        /** 1 to 30 questions with unique ids. */
        questions: Array<{
          /** Key of its answer: up to 64 letters, digits, "-", "_" and ".". */
          id: string;
          /**
           * nps (0 to 10), csat (1 to 5), likert (1 to 5), text, single (one
           * of the options) or multiple (some of the options).
           */
          kind: 'nps' | 'csat' | 'likert' | 'text' | 'single' | 'multiple';
          /** At most 500 characters. */
          prompt: string;
          /** single and multiple only: 2 to 20 distinct texts of at most 200 characters. */
          options?: string[];
          /** multiple only: most options one answer may choose. Default all. */
          maxChoices?: number;
          /**
           * nps, csat and likert only: what the ends of the scale mean (at
           * most 60 characters each). Default per kind, e.g. "Strongly
           * disagree" and "Strongly agree" for likert.
           */
          anchors?: { low: string; high: string };
        }>;
      }>;
    };
  };
}

/**
 * An attempt as stored: the case, the seed, the mode and the action log (the truth), plus a small
 * summary (a copy the pages do not trust: they re-score the log, stores/attempt-scores.ts). Stored data comes from
 * outside the program (older builds, other tabs, hand edits), so it is validated on the way in with
 * the engine's own log schema.
 */
// zod/mini, not classic: this check runs on the trainee routes' first load, which has a JavaScript budget.
import * as z from 'zod/mini';
import { persistedLogSchema, type PersistedLog } from '../engine/format/log';
import type { RunMode } from '../engine/run/run';

/** Version of the stored attempt shape; older versions are migrated in migrateAttempt. */
export const ATTEMPT_VERSION = 1;

/** A wall-clock time as the app writes it (an ISO date, with or without its time): "zzzz" is not one. */
export const isStoredTime = (value: string): boolean => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
const storedTime = z.string().check(z.minLength(1), z.maxLength(40), z.refine(isStoredTime, { message: 'not a date' }));

const summarySchema = z.strictObject({
  finished: z.boolean(),
  percent: z.number().check(z.minimum(0), z.maximum(100)),
  passed: z.boolean(),
});

/** The stored attempt shape (version 1). */
export const attemptRecordSchema = z
  .strictObject({
    version: z.literal(ATTEMPT_VERSION),
    /** What the attempt plays: a single case, or a shift (then `caseId` holds the shift id). Absent in older records: a case. */
    kind: z.optional(z.enum(['case', 'shift'])),
    id: z.string().check(z.regex(/^[A-Za-z0-9-]{1,80}$/)),
    caseId: z.string().check(z.minLength(1), z.maxLength(200)),
    createdAt: storedTime,
    updatedAt: storedTime,
    log: persistedLogSchema,
    /** Score so far; `finished` once the run reached an end step. */
    summary: summarySchema,
    /**
     * A shift's real-time pace as the trainee left it (simulated seconds per real second, 0: off,
     * and whether practice paused it), so a reload neither resets an assessment's locked pace nor a
     * practice pause. Absent: no pace chosen. Not part of the log: paced time is logged as `wait`.
     */
    pace: z.optional(z.strictObject({ rate: z.int().check(z.minimum(0), z.maximum(600)), paused: z.boolean() })),
  })
  .check(z.refine((r) => r.log.scenarioId === r.caseId, { message: 'the log belongs to another case', path: ['log', 'scenarioId'] }));

/** One attempt at a case. */
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;
/** What the library shows of an attempt. */
export type AttemptSummary = AttemptRecord['summary'];

/** Result of reading a stored value. */
export type AttemptRead = { ok: true; record: AttemptRecord } | { ok: false; reason: string };

/** Brings an older stored shape up to ATTEMPT_VERSION; a newer one (another build) is refused. */
function migrateAttempt(value: unknown): unknown {
  // Version 1 is the first shape: nothing to migrate yet. A future version 2 adds a step here.
  return value;
}

/** Validates a stored value (after migration). Never throws. */
export function readAttempt(value: unknown): AttemptRead {
  const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version > ATTEMPT_VERSION) {
    return { ok: false, reason: `version ${version} is newer than this build (${ATTEMPT_VERSION})` };
  }
  const parsed = attemptRecordSchema.safeParse(migrateAttempt(value));
  if (parsed.success) return { ok: true, record: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, reason: first ? `${first.path.join('.') || '(root)'}: ${describeIssue(first)}` : 'invalid' };
}

/**
 * Why a stored value was set aside, for whoever inspects it. zod/mini loads no locale (its messages
 * say only "Invalid input"), so the issue's own fields are spelt out here.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_small':
      return `below the minimum ${String(issue.minimum)}`;
    case 'too_big':
      return `above the maximum ${String(issue.maximum)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_format':
      return `does not match ${issue.pattern ?? issue.format}`;
    case 'unrecognized_keys':
      return `unknown key ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/** The kind of an attempt: records stored before shifts existed have no `kind` and are cases. */
export function attemptKind(record: AttemptRecord): 'case' | 'shift' {
  return record.kind ?? 'case';
}

/** A new, empty attempt. `now` is an ISO timestamp (wall time, for listing only). A shift attempt names its shift in `caseId`. */
export function newAttempt(opts: { id: string; caseId: string; seed: number; mode: RunMode; now: string; kind?: 'case' | 'shift' }): AttemptRecord {
  const log: PersistedLog = { version: 1, scenarioId: opts.caseId, seed: opts.seed, mode: opts.mode, entries: [] };
  return {
    version: ATTEMPT_VERSION,
    ...(opts.kind === 'shift' && { kind: 'shift' as const }),
    id: opts.id,
    caseId: opts.caseId,
    createdAt: opts.now,
    updatedAt: opts.now,
    log,
    summary: { finished: false, percent: 0, passed: false },
  };
}

/** The status a case shows in the library, from its attempts; `checking` while their figures are being worked out. */
export type CaseStatus = { kind: 'new' } | { kind: 'checking' } | { kind: 'in-progress'; attemptId: string } | { kind: 'passed' | 'failed'; best: number };

/**
 * A case's status from its attempts and their figures as re-scored from the log (`figuresOf`;
 * undefined while not worked out yet), never the summary stored with them: passed when any finished
 * attempt passed, failed when attempts finished but none passed, in progress when only unfinished
 * attempts exist; best is the best finished percent.
 */
export function caseStatus(attempts: readonly AttemptRecord[], figuresOf: (attempt: AttemptRecord) => AttemptSummary | undefined): CaseStatus {
  const figures = attempts.map((a) => ({ a, f: figuresOf(a) }));
  if (figures.some(({ f }) => f === undefined)) return { kind: 'checking' };
  const finished = figures.flatMap(({ f }) => (f?.finished ? [f] : []));
  if (finished.length > 0) {
    const best = Math.max(...finished.map((f) => f.percent));
    return { kind: finished.some((f) => f.passed) ? 'passed' : 'failed', best };
  }
  const open = [...attempts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return open ? { kind: 'in-progress', attemptId: open.id } : { kind: 'new' };
}

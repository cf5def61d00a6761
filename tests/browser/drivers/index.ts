/**
 * One driver per tool: maps a log entry to the UI gestures a trainee would make, using
 * accessible roles and names only. `playEntry` picks the driver by the entry's workflow prefix.
 */
import type { LogEntry } from '../../../src/engine/format/log';
import { coverage } from './coverage';
import { choose, hint } from './dialogue';
import { registration } from './registration';
import { roomPrep } from './room-prep';
import { scheduling } from './scheduling';
import type { Driver, DriverContext } from './support';

export type { DriverContext } from './support';

/** The driver for each entry prefix ("choose", "hint" or a workflow id). */
export const drivers: Record<string, Driver> = { choose, hint, registration, coverage, scheduling, 'room-prep': roomPrep };

/** Plays one log entry through the UI. */
export async function playEntry(ctx: DriverContext, entry: LogEntry): Promise<void> {
  const prefix = entry.type.includes('.') ? entry.type.slice(0, entry.type.indexOf('.')) : entry.type;
  const driver = Object.hasOwn(drivers, prefix) ? drivers[prefix] : undefined;
  if (!driver) throw new Error(`No driver for ${entry.type}`);
  await driver(ctx, entry);
}

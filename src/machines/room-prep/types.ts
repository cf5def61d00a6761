import { z } from 'zod';
import {
  CLEANING_STEP_IDS,
  EQUIPMENT_IDS,
  PRIVACY_ITEM_IDS,
  SPECIALTIES,
  SUPPLY_IDS,
  type CleaningStepId,
  type EquipmentId,
  type HandHygieneMoment,
  type PrivacyItemId,
  type SupplyId,
} from '../../domain/rooms';
import { WASTE_ITEM_IDS, type ContainerId, type WasteItemId } from '../../domain/rpbi';
import type { Problem } from '../../domain/text';
import type { Room, Specialty } from '../../domain/types';
import type { Refusal } from '../workflow';
import type { RoomPrepEvent } from './events';

// Turning over an exam room between patients: hand hygiene, cleaning in the right order, RPBI
// waste in the right containers (NOM-087), equipment and supplies, privacy, and the room board's
// "ready". The context is the room as the trainee sees it, so the room board renders from it.
//
// Marking ready follows a real room board: the status can be set at any time, nothing blocks it.
// The machine records the checklist of what was still missing at that moment (`readyProblems`),
// and the observations report it. A blocking checklist would hide the mistake we want to teach.
//
// Hands are part of the state: `working.handsClean | handsSoiled | handsContaminated`. Work in the
// room soils them, blood and RPBI contaminate them, hand hygiene cleans them; handling clean items
// (supplies, equipment, privacy items) with unclean hands is recorded.

const percent = z.number().min(0).max(100);

/** The task step's `with:` settings. */
export const roomPrepOptionsSchema = z
  .object({
    /** Room of the clinic to prepare; default the first room of the specialty, else the first room. */
    roomId: z.string().min(1).max(40).optional(),
    /** Specialty the room is set up for; default the room's own. */
    specialty: z.enum(SPECIALTIES).optional(),
    /** Waste left from the last visit (repeat an id for several); default none. */
    waste: z.array(z.enum(WASTE_ITEM_IDS)).max(50).optional(),
    /** Equipment already in the room; default everything the specialty requires. */
    present: z.array(z.enum(EQUIPMENT_IDS)).max(50).optional(),
    /** Fill percent of each container at the start; default 0. */
    containers: z
      .object({
        redBag: percent.optional(),
        yellowBag: percent.optional(),
        sharps: percent.optional(),
        redHermetic: percent.optional(),
        yellowHermetic: percent.optional(),
        ordinary: percent.optional(),
      })
      .strict()
      .optional(),
    /** Privacy items the next patient needs; default curtain, sheet and a locked screen. */
    privacyItems: z.array(z.enum(PRIVACY_ITEM_IDS)).max(10).optional(),
    /** Visible blood or body fluids on surfaces; default false. */
    organicMatter: z.boolean().optional(),
    /** The cleaning steps this turnover requires; default the standard steps. */
    cleaningSteps: z.array(z.enum(CLEANING_STEP_IDS)).max(20).optional(),
    /** Supplies that are running out in the room; default none. */
    lowSupplies: z.array(z.enum(SUPPLY_IDS)).max(20).optional(),
    /** Supplies the stockroom does not have today; default none. */
    outOfStock: z.array(z.enum(SUPPLY_IDS)).max(20).optional(),
  })
  .strict();
export type RoomPrepOptions = z.infer<typeof roomPrepOptionsSchema>;

/** What the machine starts from: the room and the scenario's settings (defaults as in the options). */
export interface RoomPrepInput {
  room: Room;
  specialty?: Specialty;
  waste?: WasteItemId[];
  present?: EquipmentId[];
  containers?: Partial<Record<ContainerId, number>>;
  privacyItems?: PrivacyItemId[];
  organicMatter?: boolean;
  cleaningSteps?: CleaningStepId[];
  lowSupplies?: SupplyId[];
  outOfStock?: SupplyId[];
}

/** The trainee's hands: washed, soiled by the room, or exposed to blood and body fluids. */
export type Hands = 'clean' | 'soiled' | 'contaminated';

/** One piece of waste put in a container. */
export interface Disposal {
  item: WasteItemId;
  container: ContainerId;
  fillBefore: number;
  fillAfter: number;
  /** False when the container was already at the 80% limit (the deposit happened anyway). */
  withinFillLimit: boolean;
  /** Unconfirmed items are never judged. */
  unconfirmed: boolean;
  /** Why the container is wrong, empty when right. */
  problems: Problem[];
}

/** One hand hygiene: the moment the trainee named and the state of the hands before it. */
export interface HandHygieneRecord {
  moment: HandHygieneMoment | null;
  handsBefore: Hands;
}

/** A clean item handled with unclean hands. */
export interface UncleanHandling {
  type: 'room-prep.restock' | 'room-prep.placeEquipment' | 'room-prep.privacy';
  item: string;
  hands: Exclude<Hands, 'clean'>;
}

/** Cleaning: what the turnover requires and what was done. */
export interface RoomCleaning {
  /** Visible organic matter at the start. */
  organicMatter: boolean;
  /** The cleaning steps this turnover requires. */
  required: CleaningStepId[];
  /** Cleaning steps in the order done (repeats kept). */
  done: CleaningStepId[];
}

/** Equipment in the room. */
export interface RoomEquipment {
  /** Equipment in the room now (start plus placed). */
  present: EquipmentId[];
  /** Equipment the trainee placed, in order. */
  placed: EquipmentId[];
}

/** Supplies: what ran low, what the stockroom lacks, and what the trainee fetched. */
export interface RoomSupplies {
  /** Supplies that were low at the start. */
  low: SupplyId[];
  /** Stockroom gaps the scenario set (read by the default stockroom). */
  outOfStock: SupplyId[];
  /** Supplies restocked (each once). */
  restocked: SupplyId[];
  /** Supplies the stockroom had none of when asked. */
  unavailable: SupplyId[];
}

/** Waste left from the last visit and where it went. */
export interface RoomWaste {
  /** Waste in the room at the start. */
  atStart: WasteItemId[];
  /** Waste still in the room. */
  pending: WasteItemId[];
  /** Every deposit, in order. */
  disposals: Disposal[];
}

/** The waste containers. */
export interface RoomContainers {
  /** Fill percent per container. */
  fill: Record<ContainerId, number>;
  /** Containers sealed and replaced, with their fill when sealed. */
  sealed: { container: ContainerId; fill: number }[];
}

/** Privacy for the next patient. */
export interface RoomPrivacy {
  /** Privacy items the next patient needs. */
  required: PrivacyItemId[];
  /** Privacy items prepared (each once). */
  done: PrivacyItemId[];
}

/**
 * The room as the trainee sees it, and what they did. Grouped by the room board's areas (each
 * holding what the case asked for beside what was done), so an event's assign copies one small
 * object and the top level stays few keys: see `context-shape.test.ts`.
 */
export interface RoomPrepContext {
  /** The room being turned over. */
  room: Room;
  /** Specialty the room is set up for (decides the required equipment). */
  specialty: Specialty;
  /** Status on the room board. */
  board: 'dirty' | 'cleaning' | 'ready';
  /** Mirrors the `working.hands*` state so the screen and the actions can read it. */
  hands: Hands;
  /** Cleaning steps required and done. */
  cleaning: RoomCleaning;
  /** Equipment present and placed. */
  equipment: RoomEquipment;
  /** Supplies low, out of stock, restocked and unavailable. */
  supplies: RoomSupplies;
  /** Waste at the start, still pending, and disposed of. */
  waste: RoomWaste;
  /** Container fills and the containers sealed. */
  containers: RoomContainers;
  /** Privacy items required and prepared. */
  privacy: RoomPrivacy;
  /** Every hand hygiene, in order. */
  handHygiene: HandHygieneRecord[];
  /** Clean items handled with unclean hands. */
  uncleanHandling: UncleanHandling[];
  /** What was missing when the room was marked ready; null until then. */
  readyProblems: Problem[] | null;
  /** Why the room board refused the last event, with the reason shown (workflow.ts); null once one is accepted. */
  refusal: Refusal<RoomPrepEvent['type']> | null;
  /** Accepted event types in order. */
  history: RoomPrepEvent['type'][];
}


/** Privacy items asked for when the scenario names none. */
export const DEFAULT_PRIVACY_ITEMS: PrivacyItemId[] = ['curtain', 'sheet', 'screen-off'];

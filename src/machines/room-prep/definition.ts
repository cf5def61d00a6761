import { t } from '../../domain/text';
import type { Room } from '../../domain/types';
import { acceptorOf, type WorkflowCase, type WorkflowDefinition } from '../workflow';
import { roomPrepEvents } from './events';
import { roomPrepObservations } from './observations';
import { roomPrepMachine } from './room-prep.machine';
import { roomPrepOptionsSchema, type RoomPrepInput, type RoomPrepOptions } from './types';

const malformed = { code: 'room-prep.malformed', severity: 'error', message: t('Datos de la acción no válidos.', 'Invalid action data.') } as const;

/** Picks the room: the one named, else the first of the specialty, else the clinic's first. */
function pickRoom(c: WorkflowCase<RoomPrepOptions>): Room {
  const { roomId, specialty } = c.options;
  const rooms = c.clinic.rooms;
  const found =
    roomId !== undefined
      ? rooms.find((r) => r.id === roomId)
      : (rooms.find((r) => specialty === undefined || r.specialty === specialty) ?? rooms[0]);
  return found ?? { id: roomId ?? 'consultorio', name: roomId ?? 'Consultorio', specialty: specialty ?? 'general' };
}

/** The room-prep workflow, for the registry. */
export const roomPrepWorkflow: WorkflowDefinition<typeof roomPrepMachine, RoomPrepOptions> = {
  id: 'room-prep',
  title: t('Preparación del consultorio', 'Exam-room preparation'),
  machine: roomPrepMachine,
  options: roomPrepOptionsSchema,
  input: (c): RoomPrepInput => {
    const o = c.options;
    return {
      room: pickRoom(c),
      ...(o.specialty !== undefined && { specialty: o.specialty }),
      ...(o.waste !== undefined && { waste: o.waste }),
      ...(o.present !== undefined && { present: o.present }),
      ...(o.containers !== undefined && { containers: o.containers }),
      ...(o.privacyItems !== undefined && { privacyItems: o.privacyItems }),
      ...(o.organicMatter !== undefined && { organicMatter: o.organicMatter }),
      ...(o.cleaningSteps !== undefined && { cleaningSteps: o.cleaningSteps }),
      ...(o.lowSupplies !== undefined && { lowSupplies: o.lowSupplies }),
      ...(o.outOfStock !== undefined && { outOfStock: o.outOfStock }),
    };
  },
  events: roomPrepEvents,
  accept: acceptorOf(roomPrepEvents, malformed),
  observations: roomPrepObservations,
  isDone: (s) => s.status === 'done',
};

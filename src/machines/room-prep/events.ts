import { z } from 'zod';
import { CLEANING_STEP_IDS, EQUIPMENT_IDS, HAND_HYGIENE_MOMENT_IDS, PRIVACY_ITEM_IDS, SUPPLY_IDS } from '../../domain/rooms';
import { CONTAINER_IDS, WASTE_ITEM_IDS } from '../../domain/rpbi';
import { t } from '../../domain/text';
import type { EventsOf, WorkflowEventSpec } from '../workflow';

/** The events a trainee can send, their parameters and their cost in simulated seconds. */
export const roomPrepEvents = {
  'room-prep.handHygiene': {
    params: z.object({ moment: z.enum(HAND_HYGIENE_MOMENT_IDS).optional() }).strict(),
    cost: 30,
    description: t(
      'Higiene de manos con gel alcoholado (20-30 s), nombrando el momento de la OMS.',
      "Hand hygiene with alcohol rub (20-30 s), naming WHO's moment.",
    ),
  },
  'room-prep.cleanStep': {
    params: z.object({ step: z.enum(CLEANING_STEP_IDS) }).strict(),
    cost: 120,
    description: t('Hacer un paso de limpieza (1 a 3 minutos).', 'Do a cleaning step (1 to 3 minutes).'),
  },
  'room-prep.restock': {
    params: z.object({ item: z.enum(SUPPLY_IDS) }).strict(),
    cost: 60,
    description: t('Traer un insumo del almacén y resurtirlo.', 'Fetch a supply from the stockroom and restock it.'),
  },
  'room-prep.placeEquipment': {
    params: z.object({ equipment: z.enum(EQUIPMENT_IDS) }).strict(),
    cost: 60,
    description: t('Colocar un equipo en el consultorio.', 'Place an item of equipment in the room.'),
  },
  'room-prep.dispose': {
    params: z.object({ item: z.enum(WASTE_ITEM_IDS), container: z.enum(CONTAINER_IDS) }).strict(),
    cost: 15,
    description: t('Desechar un residuo en un contenedor.', 'Put a piece of waste in a container.'),
  },
  'room-prep.replaceContainer': {
    params: z.object({ container: z.enum(CONTAINER_IDS) }).strict(),
    cost: 90,
    description: t(
      'Cerrar, rotular y retirar un contenedor, y poner uno nuevo.',
      'Seal, label and remove a container, and put a new one in place.',
    ),
  },
  'room-prep.privacy': {
    params: z.object({ item: z.enum(PRIVACY_ITEM_IDS) }).strict(),
    cost: 20,
    description: t(
      'Preparar un elemento de privacidad (cortina, sábana, bata, pantalla bloqueada).',
      'Prepare a privacy item (curtain, sheet, gown, locked screen).',
    ),
  },
  'room-prep.markReady': {
    params: z.object({}).strict(),
    cost: 10,
    description: t('Marcar el consultorio como listo en el tablero.', 'Mark the room ready on the room board.'),
  },
} satisfies Record<string, WorkflowEventSpec>;

/** Every event of the room-prep machine, derived from the table. */
export type RoomPrepEvent = EventsOf<typeof roomPrepEvents>;

// @vitest-environment jsdom
/**
 * A refusal by the run reaches a screen reader once: the desk announces it, the tool only shows it.
 * Rendered as the app renders the desk, with a small registration case and the real tool.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';
import { CLINIC_YAML } from '../engine/testing/loader-fixtures';
import { newAttempt } from '../stores/attempt-record';
import { memoryAttemptStorage } from '../stores/attempt-storage';
import { useAppStore } from '../stores/app-store';
import { useAttemptsStore } from '../stores/attempts-store';
import { useLibraryStore } from '../stores/library-store';
import { App } from './app';
import { createI18n } from './i18n/i18n';
import { allResources } from '../test-i18n';

const REGISTRO_YAML = `format: 1
id: registro-breve
title: { es-MX: "Registro breve", en: "Short registration" }
summary: { es-MX: "Una paciente nueva.", en: "A new patient." }
workflows: [registration]
difficulty: basic
minutes: 3
region: urban
specialty: general
objectives:
  - { es-MX: "Registrar a la paciente", en: "Register the patient" }
clinic: umf-prueba
people:
  patient:
    name: { given: Gloria, first: Hernández, second: García }
    birth: 1956-04-27
    sex: M
    birthState: VZ
    curp: HEGG560427MVZRRL04
    documents:
      - { kind: ine, curp: HEGG560427MVZRRL04, name: { given: Gloria, first: Hernández, second: García } }
rubric:
  pass: 50
  weights: { accuracy: 100 }
start: registro
steps:
  registro:
    say: { who: patient, es-MX: "Vengo por primera vez.", en: "It is my first visit." }
    task: registration
    checks:
      - observe: registration.idChecked
        points: { accuracy: 1 }
        feedback: { es-MX: "Revise la identificación.", en: "Check the ID." }
    next: fin
  fin:
    end: { es-MX: "La paciente queda registrada.", en: "The patient is registered." }
`;

beforeAll(async () => {
  await useLibraryStore.getState().load(() =>
    Promise.resolve([
      { path: 'scenarios/clinics/umf-prueba.yaml', text: CLINIC_YAML },
      { path: 'scenarios/cases/registro-breve.yaml', text: REGISTRO_YAML },
    ]),
  );
});

beforeEach(() => {
  const storage = memoryAttemptStorage();
  storage.data.set('a1', newAttempt({ id: 'a1', caseId: 'registro-breve', seed: 7, mode: 'practice', now: '2026-03-09T10:00:00.000Z' }));
  useAttemptsStore.getState().connect(storage);
  useAppStore.setState({ lang: 'es-MX' });
});

describe('desk', () => {
  describe('when the run refuses a tool action', () => {
    it('announces the refusal in exactly one alert region', async () => {
      const location = memoryLocation({ path: '/desk/a1', record: true });
      render(<App location={location.hook} i18n={createI18n('es-MX', allResources)} />);
      const user = userEvent.setup();
      // "Other language" with no code: the tool sends an empty language, which the run refuses.
      await user.selectOptions(await screen.findByRole('combobox', { name: 'Lengua' }, { timeout: 15_000 }), 'Otra lengua…');
      await user.click(screen.getByRole('button', { name: 'Solicitar intérprete' }));
      expect(await screen.findAllByText(/No se aceptó la acción/)).not.toHaveLength(0);
      const announcing = screen.getAllByRole('alert').filter((region) => region.textContent?.includes('No se aceptó la acción'));
      expect(announcing).toHaveLength(1);
      // The tool still shows it beside its controls, outside any live region.
      expect(screen.getAllByText(/No se aceptó la acción/).length).toBeGreaterThan(1);
    });
  });
});

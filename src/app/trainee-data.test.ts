import { useAppStore } from '../stores/app-store';
import { useLibraryStore } from '../stores/library-store';
import { traineeLoader } from './trainee-data';

describe('trainee loader and the catalogue texts', () => {
  it('loads the active language with the catalogue, and the other one when the user switches', async () => {
    useAppStore.getState().setLang('en');
    await traineeLoader({ params: {} });
    const library = () => useLibraryStore.getState();
    expect(library().status).toBe('ready');
    expect(library().texts).toEqual({ en: 'ready' });
    const entry = () => library().cases.find((c) => c.id === 'registro-primera-vez-imss');
    expect(entry()?.title.en).toMatch(/\w/);
    // Spanish has not arrived: it shows the English text rather than nothing.
    expect(entry()?.title['es-MX']).toBe(entry()?.title.en);
    useAppStore.getState().setLang('es-MX');
    await vi.waitFor(() => expect(library().texts['es-MX']).toBe('ready'));
    expect(entry()?.title['es-MX']).not.toBe(entry()?.title.en);
  });
});

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useAppStore } from '../stores/app-store';
import { App } from './app';
import { createI18n, loadShellResources } from './i18n/i18n';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

// Only the active language's shell strings are fetched before the first paint (see i18n.ts).
const lang = useAppStore.getState().lang;
const i18n = createI18n(lang, await loadShellResources(lang));

createRoot(container).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);

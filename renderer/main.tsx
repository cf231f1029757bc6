import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initClient } from './client';
import { initI18n } from './i18n';
import { App } from './shell/App';

initClient();
initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

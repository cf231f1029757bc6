import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initClient } from './client';
import { initI18n } from './i18n';
import { App } from './shell/App';

initClient();
// The first render waits for the language's texts (a chunk unless it is English).
void initI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { apiClient } from './lib/api/client';
import { authMiddleware } from './lib/auth/api-middleware';
import { auth } from './lib/auth/auth';
import { loadRuntimeConfig } from './lib/auth/runtime-config';
import { setupI18n } from './lib/i18n';
import './styles.css';

setupI18n();
apiClient.use(authMiddleware(auth));

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// The shop renders at once; sign-in becomes available when /config.json has been read.
void loadRuntimeConfig()
  .catch((error: unknown) => {
    console.error('Sign-in is unavailable:', error);
    return null;
  })
  .then((config) => auth.start(config))
  .catch((error: unknown) => console.error('Sign-in could not start:', error));

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

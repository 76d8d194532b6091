/** Renderer entry: connects to the backend (IPC or web host) and mounts the studio. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectStudio } from './api/studio-client';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App api={connectStudio(window)} />
    </StrictMode>,
  );
}

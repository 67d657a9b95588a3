import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createQueryClient, QueryProvider } from './queries';
import './index.css';

/** One cache of API reads for the whole tab (queries.tsx). */
const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryProvider client={queryClient}>
      <App />
    </QueryProvider>
  </StrictMode>,
);

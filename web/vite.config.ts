import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web interface (issue 7): built into dist/web, which the service serves at `/` (src/web/web-app.ts).
// `npx vite --config web/vite.config.ts` serves it in development, passing /api to a running service.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // The libraries change far less often than the app: a release then re-downloads only the app.
        manualChunks: { vendor: ['react', 'react-dom', 'antd', 'dayjs'] },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});

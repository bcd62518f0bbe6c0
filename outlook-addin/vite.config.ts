import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The Outlook task pane, served by the API server at /outlook/taskpane.html (dist/outlook).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/outlook/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/outlook', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: fileURLToPath(new URL('taskpane.html', import.meta.url)) },
    chunkSizeWarningLimit: 900,
  },
});

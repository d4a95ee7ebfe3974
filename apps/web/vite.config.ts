import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API (port 3000) serves data and product images; the dev server proxies to it
// so the SPA always talks to its own origin, as it does in production.
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': api,
      '/images': api,
      '/health': api,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});

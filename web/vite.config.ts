import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { appPaths, appPathsFile } from './src/app/app-paths';

// The API runs on the same origin in production (the server serves dist/);
// in `vite dev` the same paths are proxied to the local server (`npm start`, port 3000).
const apiTarget = process.env.KURA_API_ORIGIN ?? 'http://127.0.0.1:3000';

/** Writes the SPA's page paths beside index.html: the server answers 404 for every other path. */
function appPathsList(): Plugin {
  return {
    name: 'kura-app-paths',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: appPathsFile, source: `${JSON.stringify(appPaths, null, 2)}\n` });
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), appPathsList()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': apiTarget,
      '/media': apiTarget,
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: true,
  },
});

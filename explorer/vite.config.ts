// The explorer's build: `npm run build:explorer` (vite build explorer) writes explorer/dist, which
// src/api/explorer.ts serves at `/`. Everything is bundled from npm packages: no CDN at run time.
//
// Why this stack: React is already a dependency (the GraphiQL playground runs on it), Vite builds a
// small app with hashed file names in seconds, and cytoscape.js is a library made for network
// graphs, drawing on a canvas, so a neighbourhood of 1,000 nodes stays responsive (see
// `npm run bench:explorer`).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // one chunk for the app, one for cytoscape: both hashed, served with a long cache lifetime
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `vite explorer` for development: the API runs on its own port (npm start)
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});

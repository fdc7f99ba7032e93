import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The renderer is loaded from file:// under Electron and from the bridge in a browser, so every
 * asset is addressed relative to index.html (`base: './'`) and nothing comes from elsewhere.
 */
export default defineConfig(({ command }) => {
  // A build is what ships, also when made inside vitest (which sets NODE_ENV=test): React's
  // production code and JSX runtime, which Vite and the React plugin choose by NODE_ENV.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: here('./src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: here('./dist/renderer'),
      emptyOutDir: true,
      // Chromium of Electron 41 and Debian's Chromium 156: no need to down-level the syntax.
      target: 'chrome130',
      // One bundle of React and the grid is ~1.5 MB minified; it is read from disk, not a network.
      chunkSizeWarningLimit: 2500,
    },
  };
});

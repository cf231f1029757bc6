import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { i18nTexts } from './scripts/vite-i18n';

// electron-vite builds the three Electron parts; the CLI (which also serves browser mode)
// is a second entry of the main build, so it ships with the same code and dependencies.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { main: resolve('electron/main.ts'), cli: resolve('electron/cli.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules: one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    plugins: [react(), i18nTexts(resolve('renderer/i18n/sources'))],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified by default; minified it is a third of the size (issue 8).
      minify: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});

import { defineConfig } from 'vite';

// Two pages: the COP (index.html, behind the bearer token) and the public status page
// (public.html, no token). Output goes straight into the Maven module's classes folder under
// web/, so the jar carries /web/index.html, /web/public.html and /web/assets/* for the app.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/web',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        cop: new URL('index.html', import.meta.url).pathname,
        public: new URL('public.html', import.meta.url).pathname,
      },
    },
  },
  server: { host: '127.0.0.1' },
});

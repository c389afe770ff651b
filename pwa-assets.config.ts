import { defineConfig, type Preset } from '@vite-pwa/assets-generator/config';

// The theme colour of index.html and the manifest: the maskable and Apple icons get it as their
// background, because Android crops maskable icons to any shape and iOS paints transparency black.
const THEME_COLOUR = '#0b5e55';

const preset: Preset = {
  transparent: { sizes: [192, 512], favicons: [[48, 'favicon.ico']] },
  maskable: { sizes: [512], padding: 0.3, resizeOptions: { background: THEME_COLOUR } },
  apple: { sizes: [180], padding: 0.3, resizeOptions: { background: THEME_COLOUR } },
};

/** Regenerates the PNG icons in public/ from public/favicon.svg (`npx pwa-assets-generator`). */
export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset,
  images: ['public/favicon.svg'],
});

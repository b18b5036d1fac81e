import { existsSync, readFileSync } from 'node:fs';

import { defineConfig, type DefaultTheme } from 'vitepress';

/** Workspace packages export their TypeScript sources under this condition (see STYLE.md §4). */
const SOURCE_CONDITION = '@gemini-vision/source';

/** Written by TypeDoc (typedoc-vitepress-theme) before `vitepress build`; absent in a fresh clone until then. */
const apiSidebarFile = new URL('../docs/api/typedoc-sidebar.json', import.meta.url);
// Only the packages (and their entry points): every API page inlines the sidebar, and one entry per
// export would add ~140 KB to each of ~230 pages. Each package page lists all of its exports.
const apiSidebar: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile)
  ? (JSON.parse(readFileSync(apiSidebarFile, 'utf8')) as DefaultTheme.SidebarItem[]).map(
      ({ text, link }): DefaultTheme.SidebarItem => ({
        ...(text === undefined ? {} : { text }),
        ...(link === undefined ? {} : { link }),
      }),
    )
  : [];

const guideSidebar: DefaultTheme.SidebarItem[] = [
  {
    text: 'Start',
    items: [
      { text: 'Getting started', link: '/guide/getting-started' },
      { text: 'Token calculator', link: '/calculator' },
      { text: 'Command line', link: '/guide/command-line' },
    ],
  },
  {
    text: 'Cost',
    items: [
      { text: 'Planning cost', link: '/guide/cost-planning' },
      { text: 'How Gemini counts image tokens', link: '/guide/how-tokens-are-counted' },
      { text: 'Where the docs and billing disagree', link: '/guide/docs-vs-billing' },
    ],
  },
  {
    text: 'Tasks',
    items: [
      { text: 'Object detection', link: '/guide/detection' },
      { text: 'Segmentation', link: '/guide/segmentation' },
      { text: 'Pointing', link: '/guide/pointing' },
      { text: 'Captions, questions, classes', link: '/guide/captioning-and-questions' },
      { text: 'Batch jobs', link: '/guide/batch-jobs' },
      { text: 'The offline emulator', link: '/guide/emulator' },
    ],
  },
  {
    text: 'Reference',
    items: [
      { text: 'Conventions', link: '/reference/conventions' },
      { text: 'Pitfalls', link: '/reference/pitfalls' },
      { text: 'API', link: '/api/' },
    ],
  },
];

export default defineConfig({
  title: 'gemini-vision',
  description:
    'Plan, run and trust Gemini image understanding: image-token cost before the call, exact pixel geometry after it.',
  srcDir: 'docs',
  lang: 'en-US',
  cleanUrls: false,
  lastUpdated: false,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started', activeMatch: '^/guide/' },
      { text: 'Calculator', link: '/calculator' },
      { text: 'Reference', link: '/reference/conventions', activeMatch: '^/reference/' },
      { text: 'API', link: '/api/', activeMatch: '^/api/' },
    ],
    sidebar: {
      '/guide/': guideSidebar,
      '/reference/': guideSidebar,
      '/calculator': guideSidebar,
      '/api/': [{ text: 'API reference', link: '/api/' }, ...apiSidebar],
    },
    outline: [2, 3],
    search: { provider: 'local' },
    socialLinks: [{ icon: 'github', link: 'https://github.com/gemini-vision/gemini-vision' }],
    footer: { message: 'MIT licensed. Token rules and prices: see “Where the docs and billing disagree”.' },
  },
  vite: {
    // The calculator and the figures import @gemini-vision/core's TypeScript source directly, and
    // the calculator reads file headers with @gemini-vision/images/header (its browser-safe entry:
    // no sharp, no node:*): the proof that both run in a browser with no Node APIs.
    resolve: { conditions: [SOURCE_CONDITION] },
    ssr: { noExternal: ['@gemini-vision/core', '@gemini-vision/images'], resolve: { conditions: [SOURCE_CONDITION] } },
    // The one large chunk is the local search index, loaded only when the search box opens.
    build: { chunkSizeWarningLimit: 1024 },
  },
});

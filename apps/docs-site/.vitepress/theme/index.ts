import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';

import TokenCalculator from './components/TokenCalculator.vue';
import TokenGridFigure from './components/TokenGridFigure.vue';
import TokenTable from './components/TokenTable.vue';
import './style.css';

/** The default VitePress theme plus the components the pages use (all computed by core). */
const theme: Theme = {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('TokenCalculator', TokenCalculator);
    app.component('TokenGridFigure', TokenGridFigure);
    app.component('TokenTable', TokenTable);
  },
};

export default theme;

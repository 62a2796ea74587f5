// The Rijkshuisstijl: the design tokens under the `rhc-theme` class (set on <body> in index.html). The components'
// own style sheet (the same file as @rijkshuisstijl-community/components-css) is added by
// @rijkshuisstijl-community/components-react itself when it loads, so it is not imported a second time here.
import '@rijkshuisstijl-community/design-tokens/dist/index.css';
import './styles/app.css';
import './styles/documents.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

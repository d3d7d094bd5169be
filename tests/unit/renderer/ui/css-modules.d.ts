// Components rendered in unit tests import their stylesheets (Vite bundles
// them; ./css-stubs empties them under jest). This lets the tests' type
// check accept those imports, as vite/client does for the renderer's.
declare module '*.css';

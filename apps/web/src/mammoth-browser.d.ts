// mammoth's browser build (a self-contained bundle, no Node built-ins to shim) has the package's own API and types.
declare module 'mammoth/mammoth.browser.js' {
  const mammoth: typeof import('mammoth');
  export default mammoth;
}

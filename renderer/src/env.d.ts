/** Vite imports CSS for its side effect; TypeScript needs to know such modules exist. */
declare module '*.css';

/** Vite's `?worker&url` imports: the worker is bundled into a file of the build and the import is its URL (pdf.js's worker). */
declare module '*?worker&url' {
  const url: string;
  export default url;
}

/** Vite imports CSS for its side effect; TypeScript needs to know such modules exist. */
declare module '*.css';

/** Vite's `?url` imports: the file is emitted with the build and the import is its URL (pdf.js's worker). */
declare module '*?url' {
  const url: string;
  export default url;
}

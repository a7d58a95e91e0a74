/** Vite imports CSS for its side effect; TypeScript needs to know such modules exist. */
declare module '*.css';

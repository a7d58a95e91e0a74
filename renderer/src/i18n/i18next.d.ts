import type { Strings } from './en/index.ts';

/** Typed keys: a missing or misspelt key in t() fails the typecheck (English is the reference). */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Strings };
  }
}

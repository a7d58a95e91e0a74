// Setup for the renderer's unit tests (vitest project "renderer", happy-dom): what Mantine needs
// from a browser that a DOM implementation may lack, and a clean document after each test.
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (typeof window.ResizeObserver !== 'function') {
  window.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// Textarea autosize listens for web fonts loading.
if (!('fonts' in document) || !document.fonts) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
  });
}

// findBy/waitFor give up after 1 s by default: under CI's load a screen that renders in 200 ms here
// can take longer. Waiting longer only slows a test that fails anyway.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});

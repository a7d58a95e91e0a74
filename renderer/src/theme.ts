import { createTheme } from '@mantine/core';

/** A calm, dense theme for hours of daily use; system fonts (the app is offline, no web fonts). */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
});

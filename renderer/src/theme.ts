import { createTheme } from '@mantine/core';

/**
 * System fonts only (the app is offline, nothing is fetched). Latin fonts first, then each
 * platform's Simplified Chinese UI font — PingFang SC (macOS), Microsoft YaHei (Windows), Noto Sans
 * CJK SC / Source Han Sans SC / WenQuanYi (Linux) — so Chinese never falls back to a Japanese or
 * serif face; `lang` on the page (set with the interface language) picks the Simplified glyph forms.
 */
const FONT_STACK = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Noto Sans"',
  '"Helvetica Neue"',
  'Arial',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei UI"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(', ');

/** A calm, dense theme for hours of daily use. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: FONT_STACK,
  headings: { fontWeight: '600' },
});

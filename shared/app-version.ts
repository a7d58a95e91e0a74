/** The app's own version; a test keeps it equal to package.json. Files record the oldest reader. */
export const APP_VERSION = '0.1.0';

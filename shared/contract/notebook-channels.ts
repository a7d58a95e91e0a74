/** The session notebook's channels (issue 15). */
export const NOTEBOOK_CHANNELS = {} as const;

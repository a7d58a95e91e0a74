/** Corrective actions through to closure and earlier nonconformities (issue 17): the channels. */
export const FOLLOW_UP_CHANNELS = {} as const;

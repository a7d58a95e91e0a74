/** The NC forms and the closing meeting record (issue 17): the channels. */
export const NC_DOCUMENT_CHANNELS = {} as const;

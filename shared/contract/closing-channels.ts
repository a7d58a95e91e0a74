/** The closing meeting, the audit conclusions, the recommendation and signatures (issue 17): the channels. */
export const CLOSING_CHANNELS = {} as const;

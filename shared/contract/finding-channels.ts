/** Findings: raised, linked, checked, graded and numbered (issue 17): the channels. */
export const FINDING_CHANNELS = {} as const;

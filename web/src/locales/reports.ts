/** The words of the Reports screen, Vietnamese first. */
export const vi = {};

export const en: Record<keyof typeof vi, string> = {};

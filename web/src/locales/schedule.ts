/** The words of the Schedule screen, Vietnamese first. */
export const vi = {};

export const en: Record<keyof typeof vi, string> = {};

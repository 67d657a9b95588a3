/** The words of the On air screen, Vietnamese first. */
export const vi = {};

export const en: Record<keyof typeof vi, string> = {};

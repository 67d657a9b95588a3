/** The words of the Stations and program grid (administration) screen, Vietnamese first. */
export const vi = {};

export const en: Record<keyof typeof vi, string> = {};

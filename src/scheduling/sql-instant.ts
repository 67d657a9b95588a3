/** A datetime as TypeORM's sqlite driver stores it, so SQL comparisons match stored values. */
export const sqlUtc = (instant: Date | number) =>
  new Date(instant).toISOString().replace('T', ' ').replace('Z', '');

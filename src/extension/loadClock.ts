/**
 * Imported first by main.ts, so this runs before the rest of the bundle is evaluated: the
 * difference with the start of `activate` is what loading Veil's code costs (parsing the
 * file comes on top and is not seen from inside it).
 */
export const moduleLoadStartedAt = Date.now();

import type * as Engine from "../engine";

let loaded: typeof Engine | undefined;

/**
 * The engine, loaded on first use. A `require` (not an `import`) lets esbuild evaluate the
 * engine's modules — rules, validators, phone metadata — lazily, after activation, as long as
 * no module evaluated at startup imports a value from it. Types are imported as usual.
 */
export function engine(): typeof Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require("../engine") as typeof Engine);
}

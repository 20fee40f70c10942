import type { ExtensionServices } from "../services";

/** `veil.showOutput`: reveals the Veil output channel (what the extension logged, values masked). */
export function showOutput(services: Pick<ExtensionServices, "output">): void {
  services.output.show();
}

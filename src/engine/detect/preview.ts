import type { Category } from "../types";

/**
 * A few characters of a value, enough for a person to recognise which one it is and never
 * enough to use it: `AKIA…MPLE`, `c•••@orange.fr`, `FR76•••89`.
 */
export function maskValue(value: string, category: Category, kind: string, hideDomain = false): string {
  const chars = Array.from(value.replace(/\s+/g, " "));
  if (kind === "email") {
    const at = value.lastIndexOf("@");
    if (at > 0) {
      const domain = value.slice(at + 1);
      // A domain that names the client (`@maison-aubergine.fr`) is as telling as the name: only its last label stays.
      const shown = hideDomain ? `•••${domain.lastIndexOf(".") > 0 ? domain.slice(domain.lastIndexOf(".")) : ""}` : domain;
      return `${Array.from(value)[0]}•••@${shown}`;
    }
  }
  if (kind === "private-key") return "-----BEGIN …-----";
  if (kind === "private-link") {
    // Which service, never whose: the last two labels of the host (`sharepoint.com`, not the
    // client's tenant; `….internal`, not the machine), nothing of the path.
    const host = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^/@\s]*@)?([^/:?#\s]+)/i.exec(value)?.[1] ?? "";
    const labels = host.split(".").filter(Boolean);
    // An intranet or a pre-production host on the client's own domain (`staging.verdane.io`): its role, not the domain.
    const role = /^(intranet|staging|preprod|pre-prod|recette|uat)(?![a-z0-9])/i.exec(host);
    if (role && labels.length >= 2) return `${role[1].toLowerCase()}.…/…`;
    if (labels.length >= 2) {
      const internal = /^(?:internal|corp|local|lan|intra|intranet)$/i.test(labels[labels.length - 1]);
      return `…${internal ? "." + labels[labels.length - 1] : labels.slice(-2).join(".")}/…`;
    }
  }
  if (category === "secret") {
    if (chars.length >= 20) return `${chars.slice(0, 4).join("")}…${chars.slice(-4).join("")}`;
    if (chars.length >= 10) return `${chars.slice(0, 2).join("")}…${chars.slice(-2).join("")}`;
    return `${chars.slice(0, 1).join("")}…`;
  }
  if (chars.length >= 10) return `${chars.slice(0, 2).join("")}•••${chars.slice(-2).join("")}`;
  if (chars.length >= 4) return `${chars[0]}•••${chars[chars.length - 1]}`;
  return "•••";
}

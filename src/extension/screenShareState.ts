// Whether screen-share mode is on, for every part of Veil that writes on screen (diagnostic
// messages, hovers, logs): while it is on they show no part of a value at all.
let active = false;

export function isScreenShareActive(): boolean {
  return active;
}

export function setScreenShareActive(on: boolean): void {
  active = on;
}

export const FULL_MASK = "•••";

/** `preview` as shown now: itself, or nothing of the value while screen-share mode is on. */
export function shownPreview(preview: string): string {
  return active ? FULL_MASK : preview;
}

/** A finding's message without any part of the value. */
export function maskedMessage(finding: { message: string; preview: string }): string {
  return finding.preview ? finding.message.split(finding.preview).join(FULL_MASK) : finding.message;
}

/** A finding's message as shown now: without its preview while screen-share mode is on. */
export function shownMessage(finding: { message: string; preview: string }): string {
  return active ? maskedMessage(finding) : finding.message;
}

import type { ScreenShareController } from "../screenShare";

/** `veil.toggleScreenShare`: turns Screen-Share Mode on or off for this window. */
export function toggleScreenShare(controller: Pick<ScreenShareController, "toggle">): ReturnType<ScreenShareController["toggle"]> {
  return controller.toggle();
}

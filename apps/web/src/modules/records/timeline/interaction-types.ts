import type { InteractionType } from "@rapport/contract";
import {
  type Icon,
  IconBrandHipchat,
  IconCalendarEvent,
  IconClipboardCheck,
  IconForms,
  IconMail,
  IconMapPin,
  IconNote,
  IconPhone,
  IconShare,
  IconShoppingCart,
} from "@tabler/icons-react";
import { recordsTexts } from "../records.texts";

/** How each channel looks on the timeline and in the quick facts. */
export const interactionLook: Record<InteractionType, { icon: Icon; color: string }> = {
  note: { icon: IconNote, color: "yellow" },
  call: { icon: IconPhone, color: "teal" },
  meeting: { icon: IconCalendarEvent, color: "violet" },
  email: { icon: IconMail, color: "blue" },
  chat: { icon: IconBrandHipchat, color: "cyan" },
  social: { icon: IconShare, color: "pink" },
  visit: { icon: IconMapPin, color: "orange" },
  form: { icon: IconForms, color: "gray" },
  purchase: { icon: IconShoppingCart, color: "green" },
  survey: { icon: IconClipboardCheck, color: "grape" },
};

export function interactionLabel(type: string, count?: number): string {
  const labels = recordsTexts.channels[type as InteractionType];
  if (!labels) return type;
  return count === undefined ? labels.one : recordsTexts.channels.count(count, labels.one, labels.other);
}

export function lookOf(type: string): { icon: Icon; color: string } {
  return interactionLook[type as InteractionType] ?? { icon: IconNote, color: "gray" };
}

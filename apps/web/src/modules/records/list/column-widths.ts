import type { FieldInfo } from "@rapport/contract";

/** Column widths in pixels, by field: dense but readable, wide enough for typical values. */
export function columnWidth(field: FieldInfo): number {
  switch (field.key) {
    case "name":
      return 230;
    case "email":
      return 250;
    case "phone":
      return 150;
    case "companyId":
      return 200;
    case "tags":
      return 180;
    case "lifecycleStage":
      return 130;
    case "ownerId":
      return 150;
    case "domain":
      return 200;
    case "title":
      return 190;
    default:
      break;
  }
  switch (field.type) {
    case "datetime":
    case "date":
      return 120;
    case "number":
      return 110;
    case "boolean":
      return 90;
    case "select":
      return 140;
    default:
      return 170;
  }
}

export const CHECKBOX_WIDTH = 40;
export const ACTIONS_WIDTH = 110;

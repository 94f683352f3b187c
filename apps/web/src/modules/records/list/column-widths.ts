import type { FieldInfo } from "@rapport/contract";

/** Column widths in pixels, by field: dense but readable, wide enough for typical values. */
export function columnWidth(field: FieldInfo): number {
  switch (field.key) {
    case "name":
      return 200;
    case "email":
      return 210;
    case "phone":
      return 140;
    case "companyId":
      return 170;
    case "tags":
      return 160;
    case "lifecycleStage":
      return 128;
    case "country":
      return 90;
    case "region":
    case "size":
      return 110;
    case "industry":
    case "city":
    case "source":
      return 140;
    case "ownerId":
      return 124;
    case "domain":
      return 190;
    case "title":
      return 160;
    default:
      break;
  }
  switch (field.type) {
    case "datetime":
    case "date":
      return 124;
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

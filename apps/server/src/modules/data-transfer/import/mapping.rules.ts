import { fold } from "../../search/index.js";

/** Where a column of a people file can go. `multiple`: several columns may fill it (emails). */
export type MappingTarget = { key: string; label: string; multiple: boolean };

/** Targets people and companies share: source, owner, tags, the address and notes. */
export const RECORD_TARGETS: MappingTarget[] = [
  { key: "source", label: "Source", multiple: false },
  { key: "owner", label: "Owner", multiple: false },
  { key: "tags", label: "Tags", multiple: true },
  { key: "street", label: "Street", multiple: false },
  { key: "city", label: "City", multiple: false },
  { key: "postalCode", label: "Postal code", multiple: false },
  { key: "region", label: "Region", multiple: false },
  { key: "country", label: "Country", multiple: false },
  { key: "notes", label: "Notes", multiple: false },
];

const BUILT_IN: MappingTarget[] = [
  { key: "firstName", label: "First name", multiple: false },
  { key: "lastName", label: "Last name", multiple: false },
  { key: "name", label: "Full name", multiple: false },
  { key: "title", label: "Title", multiple: false },
  { key: "email", label: "Email", multiple: true },
  { key: "phone", label: "Phone", multiple: true },
  { key: "company", label: "Company", multiple: false },
  { key: "lifecycleStage", label: "Lifecycle stage", multiple: false },
  ...RECORD_TARGETS,
  { key: "externalId", label: "External ID", multiple: false },
  { key: "social", label: "Social profiles", multiple: true },
];

/** The workspace's custom fields of an object as targets (`custom.<key>`). */
export function customFieldTargets(customDefs: { key: string; label: string; type: string }[]): MappingTarget[] {
  return customDefs.map((d) => ({ key: `custom.${d.key}`, label: d.label, multiple: d.type === "multi_select" }));
}

export function contactTargets(customDefs: { key: string; label: string; type: string }[]): MappingTarget[] {
  return [...BUILT_IN, ...customFieldTargets(customDefs)];
}

/** Header spelling without case, accents, spaces and punctuation: "E-mail 1 - Value" → "email1value". */
export const headerKey = (header: string) => fold(header).replace(/[^a-z0-9]/g, "");

/**
 * Column names of common exports, after `headerKey`: HubSpot, Salesforce, Pipedrive
 * ("Person - …"), Google Contacts ("E-mail 1 - Value", "Organization 1 - Name") and Outlook
 * ("E-mail Address", "Business Phone"), plus plain spellings. Type columns of Google
 * ("E-mail 1 - Type") deliberately match nothing.
 */
const ALIASES: [RegExp, string][] = [
  [/^(first|given|fore)name$|^first$|^vorname$|^prenom$/, "firstName"],
  [/^(last|family|sur)name$|^surname$|^last$|^nachname$/, "lastName"],
  [/^(full|person|contact|display)?name$/, "name"],
  [/^(person|work|home|business|primary|other)?e?mail(\d+)?(address)?(\d+)?(value)?$/, "email"],
  [
    /^(person|work|home|business|primary|other|mobile|cell)?(phone|telephone|tel|mobile|cell)(phone)?(number)?(\d+)?(value)?$|^phonenumber$/,
    "phone",
  ],
  [/^(company|account|organi[sz]ation|personorganization|organization\d*name|organizationname|org|employer)(name)?$/, "company"],
  [/^(job)?title$|^organization\d*title$|^position$|^jobtitle$/, "title"],
  [/^lifecyclestage$|^stage$/, "lifecycleStage"],
  [/^(lead|original|contact)?source$/, "source"],
  [/^(contact|lead|record)?owner(email)?$/, "owner"],
  [/^(tags?|labels?|categories)$/, "tags"],
  [/^(mailing|business|home|address\d*)?(street|streetaddress)$|^address$/, "street"],
  [/^(mailing|business|home|address\d*)?city$/, "city"],
  [/^(mailing|business|home|address\d*)?(postalcode|zip|zipcode|postcode|zippostalcode)$/, "postalCode"],
  [/^(mailing|business|home|address\d*)?(state|region|province|stateprovince|stateregion)$/, "region"],
  [/^(mailing|business|home|address\d*)?(country|countryregion|countrycode)$/, "country"],
  [/^notes?$|^description$/, "notes"],
  [/^(externalid|uid)$/, "externalId"],
  [/^(socialprofiles?|socialmedia|linkedin(url|profile|profileurl)?)$/, "social"],
];

/**
 * Suggests a target per column: an exact match of a target's key or label first (Rapport's
 * own exports, custom fields by label, key or `custom.key`), then the aliases of other
 * systems. A single-valued target is given to its first column only.
 */
export function suggestMapping(headers: string[], targets: MappingTarget[], aliases: [RegExp, string][] = ALIASES): (string | null)[] {
  const exact = new Map<string, string>();
  for (const t of targets) {
    for (const spelling of [t.key, t.label, t.key.replace(/^custom\./, "")]) {
      const k = headerKey(spelling);
      if (k && !exact.has(k)) exact.set(k, t.key);
    }
  }
  const known = new Set(targets.map((t) => t.key));
  const multiple = new Set(targets.filter((t) => t.multiple).map((t) => t.key));
  const used = new Set<string>();
  return headers.map((header) => {
    const k = headerKey(header);
    if (!k) return null;
    const target = exact.get(k) ?? aliases.find(([re]) => re.test(k))?.[1];
    if (!target || !known.has(target) || (used.has(target) && !multiple.has(target))) return null;
    used.add(target);
    return target;
  });
}

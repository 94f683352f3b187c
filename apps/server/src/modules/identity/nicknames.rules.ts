/**
 * Nicknames and short forms of given names, by canonical name. Lower-case ASCII (names are
 * transliterated before lookup). A nickname may belong to several names (Alex: Alexander,
 * Alexandra): it then maps to the first one listed, and the scorer also accepts any shared
 * canonical name through `canonicalFirstNames`.
 */
const NICKNAMES: Record<string, string[]> = {
  abigail: ["abby", "abbie", "gail"],
  albert: ["al", "bert", "bertie"],
  alexander: ["alex", "alec", "sasha", "sandy", "xander", "aleksandr", "aleksander", "alexandre", "alessandro"],
  alexandra: ["alex", "lexi", "sasha", "sandra", "alessandra"],
  alfred: ["al", "alf", "alfie", "fred"],
  andrew: ["andy", "drew", "andreas", "andre", "andrei", "andrey", "andrea"],
  anthony: ["tony", "antonio", "anton", "antoine"],
  barbara: ["barb", "babs", "barbie"],
  benjamin: ["ben", "benny", "benji"],
  catherine: ["cathy", "kate", "katie", "kathy", "cat", "katherine", "kathryn", "katharina", "caterina", "ekaterina", "katya"],
  charles: ["charlie", "chuck", "chas", "carl", "karl", "carlos", "carlo"],
  christina: ["chris", "tina", "christine", "kristina", "kristin", "christy"],
  christopher: ["chris", "topher", "kit", "christoph", "cristobal"],
  daniel: ["dan", "danny", "dani"],
  david: ["dave", "davey", "davide"],
  deborah: ["deb", "debbie", "debby"],
  dmitry: ["dmitri", "dmitrii", "dima", "mitya"],
  donald: ["don", "donnie"],
  dorothy: ["dot", "dottie", "dora"],
  edward: ["ed", "eddie", "ned", "ted", "teddy", "eduardo", "edouard"],
  eleanor: ["ellie", "nora", "elle", "leonor"],
  elizabeth: ["liz", "lizzie", "beth", "betty", "eliza", "libby", "elisabeth", "elisa", "isabel", "lisa", "betsy", "elise"],
  emily: ["em", "emmy", "emilia", "emilie"],
  francis: ["frank", "fran", "francisco", "francesco", "franz", "francois"],
  frederick: ["fred", "freddie", "fritz", "federico", "friedrich"],
  gabriel: ["gabe", "gabi"],
  gabrielle: ["gabby", "gabi", "gabriela", "gabriella"],
  george: ["georgie", "jorge", "georg", "giorgio", "georgy", "yuri"],
  gregory: ["greg", "gregor", "grigory"],
  henry: ["hank", "harry", "hal", "henri", "heinrich", "enrique", "enrico"],
  isaac: ["ike", "izzy"],
  jacob: ["jake", "jack", "jakob", "yakov", "jacques", "giacomo"],
  james: ["jim", "jimmy", "jamie", "jay", "diego", "santiago"],
  jennifer: ["jen", "jenny", "jenn"],
  jessica: ["jess", "jessie"],
  john: ["jack", "johnny", "jon", "johann", "johannes", "juan", "jean", "giovanni", "ivan", "jan", "hans", "sean", "ian"],
  jonathan: ["jon", "jonny", "nathan"],
  joseph: ["joe", "joey", "jose", "josef", "giuseppe", "pepe", "osip"],
  joshua: ["josh"],
  judith: ["judy", "jude"],
  katherine: ["kate", "kathy", "katie", "kat"],
  kenneth: ["ken", "kenny"],
  lawrence: ["larry", "laurence", "lorenzo", "laurent"],
  leonard: ["leo", "len", "lenny", "leon"],
  margaret: ["maggie", "meg", "peggy", "marge", "margo", "greta", "margarita", "rita", "daisy"],
  maria: ["mary", "marie", "mia", "masha", "maya", "molly", "polly", "mariya"],
  matthew: ["matt", "matty", "matthias", "mateo", "matteo", "matvey"],
  michael: ["mike", "mikey", "mick", "mickey", "michel", "miguel", "michele", "mikhail", "misha"],
  natalie: ["nat", "natalia", "natasha", "nathalie"],
  nicholas: ["nick", "nicky", "nico", "nicolas", "nikolai", "nikolay", "niklas", "klaus", "colin"],
  patricia: ["pat", "patty", "trish", "tricia"],
  patrick: ["pat", "paddy", "patricio"],
  peter: ["pete", "pedro", "pierre", "pietro", "piotr", "pyotr", "petr"],
  philip: ["phil", "pip", "felipe", "philippe", "filippo"],
  rebecca: ["becky", "becca", "beck"],
  richard: ["rick", "ricky", "dick", "rich", "richie", "ricardo", "riccardo"],
  robert: ["bob", "bobby", "rob", "robbie", "bert", "roberto", "robin"],
  ronald: ["ron", "ronnie"],
  samantha: ["sam", "sammy"],
  samuel: ["sam", "sammy"],
  sarah: ["sara", "sally", "sadie"],
  stephen: ["steve", "stevie", "steven", "stefan", "stephan", "esteban", "stepan", "etienne"],
  susan: ["sue", "susie", "suzanne", "susanne", "suzy"],
  theodore: ["theo", "ted", "teddy"],
  thomas: ["tom", "tommy", "thom", "tomas", "tommaso"],
  timothy: ["tim", "timmy"],
  victoria: ["vicky", "tori", "vika"],
  vincent: ["vince", "vinny", "vincenzo"],
  walter: ["walt", "wally"],
  william: ["bill", "billy", "will", "willy", "liam", "wilhelm", "guillermo", "guillaume", "willem"],
  yekaterina: ["ekaterina", "katya", "katerina"],
};

const BY_NICKNAME = new Map<string, string[]>();
for (const [canonical, nicks] of Object.entries(NICKNAMES)) {
  for (const n of [canonical, ...nicks]) {
    const list = BY_NICKNAME.get(n) ?? [];
    if (!list.includes(canonical)) list.push(canonical);
    BY_NICKNAME.set(n, list);
  }
}

/** Every canonical name a (folded) given name can stand for; the name itself when unknown. */
export function canonicalFirstNames(folded: string): string[] {
  return BY_NICKNAME.get(folded) ?? [folded];
}

/** The one canonical name used in blocking keys (the first listed owner of a nickname). */
export function canonicalFirstName(folded: string): string {
  return canonicalFirstNames(folded)[0] as string;
}

/** True when the two given names are the same name or short forms of one name. */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = canonicalFirstNames(a);
  return canonicalFirstNames(b).some((c) => ca.includes(c));
}

// CLDR parent locales (common/supplemental/supplementalData.xml, <parentLocales>, CLDR 44+), for the tags
// whose parent is not found by dropping the last subtag. Keys and values are in the form `localeKey` gives:
// the script only when it is not the language's default (zh-Hant-HK, en-IN). Two more rules live in code:
// a `language-Script` with a non-default script has the root as parent (zh-Hant, sr-Latn never fall back to
// zh or sr), and everything else drops its region.

const EN_001 =
  "AG AI AU BB BE BM BS BW BZ CC CK CM CX CY DG DM ER FJ FK FM GB GD GG GH GI GM GY HK IE IL IM IN IO JE JM KE KI KN KY LC LR LS MG MO MS MT MU MV MW MY NA NF NG NR NU NZ PG PK PN PW RW SB SC SD SG SH SL SS SX SZ TC TK TO TT TV TZ UG VC VG VU WS ZA ZM ZW";
const EN_150 = "AT CH DE DK FI NL SE SI";
const ES_419 = "AR BO BR BZ CL CO CR CU DO EC GT HN MX NI PA PE PR PY SV US UY VE";
const PT_PT = "AO CH CV FR GQ GW LU MO MZ ST TL";

function group(language: string, regions: string, parent: string): [string, string][] {
  return regions.split(" ").map((region) => [`${language}-${region}`, parent]);
}

/** Explicit CLDR parents by locale key. */
export const CLDR_PARENTS: ReadonlyMap<string, string> = new Map([
  ...group("en", EN_001, "en-001"),
  ...group("en", EN_150, "en-150"),
  ["en-150", "en-001"],
  ["en-001", "en"],
  ...group("es", ES_419, "es-419"),
  ["es-419", "es"],
  ...group("pt", PT_PT, "pt-PT"),
  ["pt-PT", "pt"],
  ["zh-Hant-MO", "zh-Hant-HK"],
  ["nb", "no"],
  ["nn", "no"],
  ["hi-Latn", "en-IN"],
]);

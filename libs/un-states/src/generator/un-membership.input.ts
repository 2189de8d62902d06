/**
 * Which States are UN Member States or non-member Observer States: the hand-kept input of the
 * generator (un-states.generator.ts).
 *
 * Kept by hand because no package marks UN membership: ISO 3166-1 (and i18n-iso-countries, which
 * follows it) lists 249 countries and territories, whatever their status at the United Nations.
 * Membership changes only by a decision of the General Assembly (the last admission: South Sudan,
 * 14 July 2011); when it does, edit this file, run `npm run un-states:generate` and commit both.
 * Source: the UN's list of Member States and of non-member States having received a standing
 * invitation to participate as observers.
 */

/** The 193 Member States, by ISO 3166-1 alpha-3 code, in code order. */
export const UN_MEMBER_STATE_CODES: readonly string[] = `
  AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE
  BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA BRB BRN BTN BWA
  CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE
  DEU DJI DMA DNK DOM DZA
  ECU EGY ERI ESP EST ETH
  FIN FJI FRA FSM
  GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY
  HND HRV HTI HUN
  IDN IND IRL IRN IRQ ISL ISR ITA
  JAM JOR JPN
  KAZ KEN KGZ KHM KIR KNA KOR KWT
  LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA
  MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS
  NAM NER NGA NIC NLD NOR NPL NRU NZL
  OMN
  PAK PAN PER PHL PLW PNG POL PRK PRT PRY
  QAT
  ROU RUS RWA
  SAU SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR
  TCD TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA
  UGA UKR URY USA UZB
  VCT VEN VNM VUT
  WSM
  YEM
  ZAF ZMB ZWE
`
  .trim()
  .split(/\s+/);

/** The non-member Observer States: the Holy See and the State of Palestine. */
export const UN_OBSERVER_STATE_CODES: readonly string[] = ['VAT', 'PSE'];

/**
 * The UN's English short names that ISO's (as i18n-iso-countries gives them) differ from, or
 * that a new version of the package must not change. The names in the other languages are the
 * package's.
 */
export const UN_ENGLISH_SHORT_NAMES: Readonly<Record<string, string>> = {
  BOL: 'Bolivia (Plurinational State of)',
  CHN: 'China',
  CIV: "Côte d'Ivoire",
  COD: 'Democratic Republic of the Congo',
  COG: 'Congo',
  CPV: 'Cabo Verde',
  CZE: 'Czechia',
  FSM: 'Micronesia (Federated States of)',
  GBR: 'United Kingdom of Great Britain and Northern Ireland',
  GMB: 'Gambia',
  IRN: 'Iran (Islamic Republic of)',
  KOR: 'Republic of Korea',
  LAO: "Lao People's Democratic Republic",
  MDA: 'Republic of Moldova',
  MKD: 'North Macedonia',
  NLD: 'Netherlands (Kingdom of the)',
  PRK: "Democratic People's Republic of Korea",
  PSE: 'State of Palestine',
  RUS: 'Russian Federation',
  SYR: 'Syrian Arab Republic',
  TUR: 'Türkiye',
  TZA: 'United Republic of Tanzania',
  USA: 'United States of America',
  VAT: 'Holy See',
  VEN: 'Venezuela (Bolivarian Republic of)',
  VNM: 'Viet Nam',
};

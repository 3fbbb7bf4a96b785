/** Pure codecs between external formats and the case model: public list. */
export {
  parseDeu,
  DEU_ACTORS,
  type DeuActor,
  type DeuRow,
  type DeuProblem,
  type DeuParseResult,
} from './deu.js';
export {
  parseKtabCsv,
  parseKtabNumber,
  KTAB_LIMITS,
  type KtabActor,
  type KtabScenario,
  type KtabParseResult,
} from './ktab-csv.js';
export { parseKtabXml } from './ktab-xml.js';
export * from './gmcr-file.js';
export {
  toPloverRecords,
  toPloverJsonl,
  type PloverRecord,
  type PloverEntity,
  type CodedEventInput,
  type EventPartyInput,
  type ArticleMetaInput,
} from './plover.js';
export {
  toGdeltTables,
  toTsv,
  fractionDate,
  GDELT_EVENT_COLUMNS,
  GDELT_MENTION_COLUMNS,
  type GdeltOptions,
  type GdeltTables,
} from './gdelt.js';

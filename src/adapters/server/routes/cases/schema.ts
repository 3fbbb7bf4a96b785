/** Request schemas of the case routes: the contract's (src/contract/cases.ts). */
export {
  CaseBody,
  CaseIdParams,
  CaseListQuery,
  ValidateBody,
  VersionDiffQuery,
  VersionListQuery,
  VersionParams,
  type YamlBody as YamlBodyT,
} from '../../../../contract/index.js';

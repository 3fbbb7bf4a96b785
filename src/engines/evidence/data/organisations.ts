/**
 * Hand-kept international organisations and alliances for the gazetteer (written for this project).
 * Codes: CAMEO-style `IGO` + region + organisation where the CAMEO/Phoenix convention is known
 * (IGOWSTNAT NATO, IGOEUREEC EU, IGOUNO UN are in gazetteer.ts), otherwise `IGO` + a mnemonic chosen here.
 * Names are the organisations' own English names and usual abbreviations; adjectives only where the
 * abbreviation is used attributively ("AU envoy", "ASEAN ministers").
 */
import type { GazetteerEntity } from '../gazetteer.js';

const org = (code: string, name: string, names: string[], adjectives: string[] = []): GazetteerEntity => ({
  code,
  name,
  names: [name, ...names],
  adjectives,
  metonyms: [],
});

export const ORGANISATIONS: GazetteerEntity[] = [
  org('IGOAFRAU', 'African Union', ['AU'], ['AU']),
  org('IGOSEAASN', 'ASEAN', ['Association of Southeast Asian Nations'], ['ASEAN']),
  org('IGOARBLEG', 'Arab League', ['League of Arab States'], ['Arab League']),
  org('IGOGCC', 'Gulf Cooperation Council', ['GCC'], ['GCC']),
  org('IGOOSCE', 'OSCE', ['Organization for Security and Co-operation in Europe'], ['OSCE']),
  org(
    'IGOOIC',
    'Organisation of Islamic Cooperation',
    ['Organization of Islamic Cooperation', 'OIC'],
    ['OIC'],
  ),
  org('IGOWAFECW', 'ECOWAS', ['Economic Community of West African States'], ['ECOWAS']),
  org('IGOEAFIGD', 'IGAD', ['Intergovernmental Authority on Development'], ['IGAD']),
  org('IGOSAFSAD', 'SADC', ['Southern African Development Community'], ['SADC']),
  org('IGOEAFEAC', 'East African Community', ['EAC'], ['EAC']),
  org('IGOCSTO', 'Collective Security Treaty Organization', ['CSTO'], ['CSTO']),
  org('IGOSCO', 'Shanghai Cooperation Organisation', ['Shanghai Cooperation Organization', 'SCO'], ['SCO']),
  org('IGOCOE', 'Council of Europe', [], []),
  org('IGOIAEA', 'International Atomic Energy Agency', ['IAEA'], ['IAEA']),
  org('IGOICC', 'International Criminal Court', ['ICC'], ['ICC']),
  org('IGOICJ', 'International Court of Justice', ['ICJ', 'World Court'], ['ICJ']),
  org('IGOIMF', 'International Monetary Fund', ['IMF'], ['IMF']),
  org('IGOWBK', 'World Bank', [], ['World Bank']),
  org('IGOUNOWFP', 'World Food Programme', ['World Food Program', 'WFP'], ['WFP']),
  org(
    'IGOUNOHCR',
    'UNHCR',
    ['UN refugee agency', 'United Nations High Commissioner for Refugees'],
    ['UNHCR'],
  ),
  org('IGOUNOKID', 'UNICEF', ["United Nations Children's Fund"], ['UNICEF']),
  org('IGOUNOWHO', 'World Health Organization', ['WHO'], []),
  org('NGOICRC', 'International Committee of the Red Cross', ['ICRC', 'Red Cross'], ['ICRC']),
  org('IGOG7', 'G7', ['Group of Seven'], ['G7']),
  org('IGOG20', 'G20', ['Group of Twenty'], ['G20']),
  org('IGOBRICS', 'BRICS', [], ['BRICS']),
];

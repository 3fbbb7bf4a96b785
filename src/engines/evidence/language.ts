/**
 * Language check before extraction: the pipeline's rules are English, so other languages are detected and
 * skipped with a reason. Two cheap signals: the writing system of the letters, and the share of very common
 * function words of English against a few other languages (stop-word profiling, as in Grefenstette,
 * "Comparing two language identification schemes", JADT 1995).
 */

export interface LanguageGuess {
  english: boolean;
  /** ISO 639-1 code of the best guess, or "und" when undecided. */
  language: string;
  /** Human-readable reason when not English. */
  reason?: string;
}

const STOPWORDS: Record<string, string[]> = {
  en: 'the of and to in a is that for on with as was by it at from his her their are be has have not this which said will would but an or its were been they who'.split(
    ' ',
  ),
  fr: 'le la les de des du et en un une est que qui pour dans sur pas au aux avec par ce il elle sont été plus ont'.split(
    ' ',
  ),
  de: 'der die das und ist nicht ein eine zu den mit von im auf für sich dem des auch es sie wird wurde aus bei'.split(
    ' ',
  ),
  es: 'el la los las de del y en que un una es por con para se no su al lo como más pero sus fue ha'.split(
    ' ',
  ),
  it: 'il lo la gli le di del della e che un una è per con non si da al sono come anche alla nel'.split(' '),
  pt: 'o a os as de do da e em que um uma é para com não se por no na mais como dos ao'.split(' '),
  nl: 'de het een en van in is dat op te voor met niet zijn er aan ook als bij door'.split(' '),
};
const SETS = Object.fromEntries(Object.entries(STOPWORDS).map(([k, v]) => [k, new Set(v)]));
const NAMES: Record<string, string> = {
  fr: 'French',
  de: 'German',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  nl: 'Dutch',
};

const SCRIPTS: Array<[RegExp, string, string]> = [
  [/\p{Script=Cyrillic}/gu, 'ru', 'Cyrillic script (Russian, Ukrainian or another Cyrillic-script language)'],
  [/\p{Script=Arabic}/gu, 'ar', 'Arabic script'],
  [/\p{Script=Han}/gu, 'zh', 'Chinese characters'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja', 'Japanese script'],
  [/\p{Script=Hangul}/gu, 'ko', 'Korean script'],
  [/\p{Script=Hebrew}/gu, 'he', 'Hebrew script'],
  [/\p{Script=Greek}/gu, 'el', 'Greek script'],
];

/** Guesses whether `text` is English from its first `window` characters. */
export function detectLanguage(text: string, window = 2000): LanguageGuess {
  const sample = text.slice(0, window);
  // Scripts only need counting when the sample is not plain ASCII (the common case for English).
  if (/[^\t\n\r\u0020-\u007e]/.test(sample)) {
    const letters = (sample.match(/\p{L}/gu) ?? []).length;
    if (letters < 40) return { english: true, language: 'und' };
    for (const [re, code, name] of SCRIPTS) {
      const n = (sample.match(re) ?? []).length;
      if (n / letters > 0.3)
        return { english: false, language: code, reason: `the text is mostly in ${name}` };
    }
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return { english: true, language: 'und' };
  const scores: Record<string, number> = {};
  for (const [code, set] of Object.entries(SETS)) {
    let n = 0;
    for (const w of words) if (set.has(w)) n++;
    scores[code] = n / words.length;
  }
  const best = Object.entries(scores).sort((a, b) => b[1] - a[1])[0]!;
  const en = scores.en!;
  if (best[0] === 'en' || en >= 0.15) return { english: true, language: 'en' };
  return {
    english: false,
    language: best[0],
    reason: `the text looks ${NAMES[best[0]] ?? best[0]} (${Math.round(best[1] * 100)}% ${NAMES[best[0]] ?? best[0]} function words, ${Math.round(en * 100)}% English)`,
  };
}

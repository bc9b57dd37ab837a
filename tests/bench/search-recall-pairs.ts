import { Rng } from '../demo-data/generate/prng';

/**
 * A deterministic set of query/stored name pairs for measuring search recall (issue 10). Stored names are spelled
 * as one authority wrote them; the query applies the rewrites other authorities (or a case worker typing from a
 * different document) typically make for that origin. Pairs are generated from rules, not hand-picked, so the
 * set is not tuned to what the search already folds.
 */
export interface RecallPair {
  origin: string;
  stored: { familyName: string; givenNames: string };
  query: string;
  /** Which rewrite produced the query (for the breakdown of misses). */
  pattern: string;
}

type Rewrite = [name: string, apply: (token: string, rng: Rng) => string | null];

/** Replaces one random occurrence of `from` (a regex source) with `to`; null if it does not occur. */
function swapOne(from: string, to: string | ((m: string) => string)): (token: string, rng: Rng) => string | null {
  return (token, rng) => {
    const re = new RegExp(from, 'gi');
    const spots: number[] = [];
    const lens: number[] = [];
    for (let m = re.exec(token); m; m = re.exec(token)) {
      spots.push(m.index);
      lens.push(m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
    if (!spots.length) return null;
    const i = rng.int(0, spots.length - 1);
    const at = spots[i]!;
    const found = token.slice(at, at + lens[i]!);
    let replacement = typeof to === 'string' ? to : to(found);
    if (found[0] && found[0] === found[0].toUpperCase() && /[a-z]/i.test(found[0])) replacement = replacement.charAt(0).toUpperCase() + replacement.slice(1);
    const out = token.slice(0, at) + replacement + token.slice(at + lens[i]!);
    return out === token ? null : out;
  };
}

const VOWELS: Rewrite[] = [
  ['i→y', swapOne('(?<=[a-z])i', 'y')],
  ['y→i', swapOne('y(?![aeiou])', 'i')],
  ['i→e', swapOne('(?<=[^aeiou])i(?=[^aeiou])', 'e')],
  ['e→i', swapOne('(?<=[^aeiou])e(?=[^aeiou])', 'i')],
  ['ai→ay/ei', swapOne('ai', (m) => (m === 'ai' ? 'ay' : 'ei'))],
  ['ei→ai/ey', swapOne('ei|ey|ay', 'ai')],
  ['o→u', swapOne('(?<=.)o', 'u')],
  ['u→o/ou', swapOne('(?<=.)u', 'ou')],
  ['ou→u', swapOne('ou|oo', 'u')],
  ['ee→i', swapOne('ee|ii', 'i')],
  ['a→e', swapOne('(?<=[^aeiou])a(?=[^aeiou])', 'e')],
  ['e→a', swapOne('(?<=[^aeiou])e(?=[^aeiou])', 'a')],
];
const CONSONANTS: Rewrite[] = [
  ['q→k', swapOne('q', 'k')],
  ['k→q', swapOne('k(?!h)', 'q')],
  ['double', swapOne('(?<=[aeiou])([bdfklmnrst])(?=[aeiou])', (m) => m + m)],
  ['undouble', swapOne('([bdfgklmnprst])\\1', (m) => m[0]!)],
  ['final h', swapOne('(?<=[aeiou])h$|(?<=a)$', (m) => (m === 'h' ? '' : 'h'))],
  ['kh→ch/h', swapOne('kh', 'ch')],
  ['dj/j', swapOne('dj|j', (m) => (m.toLowerCase() === 'dj' ? 'j' : 'dj'))],
];
const ARABIC: Rewrite[] = [
  ...VOWELS,
  ...CONSONANTS,
  ['al- join/split', swapOne('^(al|el)[- ]?', (m) => (/[- ]$/.test(m) ? m.replace(/[- ]$/, '') : `${m}-`))],
  ['al→el', swapOne('^al', 'el')],
  ['abdul split', swapOne('^abd(ul|al|el)[- ]?', (m) => (/[- ]$/.test(m) ? m.slice(0, -1) : `${m} `))],
  ['abd al', swapOne('^abdul', 'Abd al-')],
  ['sh→sch', swapOne('sh', 'sch')],
  ['gh→g', swapOne('gh', 'g')],
  ['th→t/s', swapOne('th', 't')],
  ['dh→z/d', swapOne('dh', 'z')],
];
const SLAVIC: Rewrite[] = [
  ['kh→ch', swapOne('kh', 'ch')],
  ['ch→tsch', swapOne('ch', 'tsch')],
  ['sh→sch', swapOne('sh', 'sch')],
  ['zh→sch/sh', swapOne('zh', 'sch')],
  ['y→j', swapOne('y(?=[aeiou])|(?<=[aeiou])y', 'j')],
  ['iy→ij/i', swapOne('iy$|yi$', 'ij')],
  ['ts→z', swapOne('ts', 'z')],
  ['v→w', swapOne('v', 'w')],
  ['ii→i/y', swapOne('ii$|iy$', 'y')],
  ['o→a', swapOne('(?<=[^aeiou])o(?=[^aeiou])', 'a')],
  ['e→ye/je', swapOne('^e|^ie', 'Je')],
  ['kiy→ki', swapOne('kyi$|kyy$|kiy$', 'ki')],
];
const TURKISH: Rewrite[] = [
  ['ş→s/sch', swapOne('ş', (m) => (m === 'ş' ? 's' : 'S'))],
  ['ç→c/tsch', swapOne('ç', 'c')],
  ['ç→tsch', swapOne('ç', 'tsch')],
  ['ğ→g', swapOne('ğ', 'g')],
  ['ğ drop', swapOne('ğ', '')],
  ['ı→i', swapOne('ı', 'i')],
  ['ö→o', swapOne('ö', 'o')],
  ['ü→u', swapOne('ü', 'u')],
  ['c→dsch', swapOne('c(?=[aeiou])', 'dsch')],
  ['y→j', swapOne('y', 'j')],
  ...VOWELS.slice(0, 4),
];
const AFRICAN: Rewrite[] = [
  ...VOWELS,
  ...CONSONANTS,
  ['ou→u', swapOne('ou', 'u')],
  ['u→ou', swapOne('(?<=[^aeiou])u', 'ou')],
  ['dj/dy/j', swapOne('dj|dy|j', (m) => (m.toLowerCase() === 'j' ? 'dj' : 'j'))],
  ['ch→sh', swapOne('ch', 'sh')],
  ['ue→we', swapOne('we', 'ue')],
  ['gh→g', swapOne('gh', 'g')],
  ['tesfay', swapOne('aye$|ay$', (m) => (m.toLowerCase() === 'ay' ? 'aye' : 'ay'))],
  ['gebre', swapOne('^ge', 'Ghe')],
  ['somali x→h', swapOne('x', 'h')],
  ['somali c→', swapOne('^c(?=[aeiou])', '')],
];
const ALBANIAN: Rewrite[] = [
  ['ë→e', swapOne('ë', 'e')],
  ['ë drop', swapOne('ë$', '')],
  ['ç→c/tsch', swapOne('ç', 'tsch')],
  ['xh→dsch', swapOne('xh', 'dsch')],
  ['xh→j', swapOne('xh', 'j')],
  ['sh→sch', swapOne('sh', 'sch')],
  ['q→tj', swapOne('q', 'tj')],
  ['j→y', swapOne('j', 'y')],
  ['i→y', swapOne('i$', 'y')],
  ...VOWELS.slice(0, 4),
];
const GEORGIAN: Rewrite[] = [
  ['shvili→schwili', swapOne('shvili', 'schwili')],
  ['dze→dse', swapOne('dze', 'dse')],
  ['kh→ch', swapOne('kh', 'ch')],
  ['ts→z', swapOne('ts', 'z')],
  ['v→w', swapOne('v', 'w')],
  ['sh→sch', swapOne('sh', 'sch')],
  ['zh→sch', swapOne('zh', 'sch')],
  ['i→y', swapOne('i$', 'y')],
  ['gh→g', swapOne('gh', 'g')],
  ['q→k', swapOne('q', 'k')],
];

/** Names as they are written on the documents of each origin; families and given names are combined at random. */
const ORIGINS: { key: string; given: string[]; family: string[]; rewrites: Rewrite[] }[] = [
  {
    key: 'syria',
    given: ['Mohammed', 'Ahmad', 'Khaled', 'Abdulrahman', 'Abdulkarim', 'Yousef', 'Omar', 'Rasha', 'Fatima', 'Aisha', 'Zainab', 'Mahmoud', 'Tareq', 'Qasim', 'Hussein', 'Layla', 'Nour', 'Bayan', 'Ghaith', 'Rouba'],
    family: ['Al-Hussein', 'Al Khatib', 'Haddad', 'Shaikh Ali', 'Al-Masri', 'Abdulqader', 'Darwish', 'Qassab', 'Al-Hamwi', 'Kayyali', 'Sheikho', 'Barakat', 'Al Zoubi', 'Tayyara', 'Mourad', 'Al-Ghazi'],
    rewrites: ARABIC,
  },
  {
    key: 'iraq',
    given: ['Mustafa', 'Haider', 'Qais', 'Zaid', 'Ali', 'Abbas', 'Sajjad', 'Zahraa', 'Maryam', 'Ruqaya', 'Hawraa', 'Abdulwahab', 'Yaseen', 'Noor', 'Shaima'],
    family: ['Al-Jubouri', 'Al-Obaidi', 'Al Tamimi', 'Kadhim', 'Al-Rubaie', 'Abdulameer', 'Al-Saadi', 'Jasim', 'Al-Dulaimi', 'Qadir', 'Hamoud', 'Al-Shammari', 'Mahdi', 'Yousif', 'Rashid'],
    rewrites: ARABIC,
  },
  {
    key: 'afghanistan',
    given: ['Mohammad', 'Ahmad Shah', 'Mirwais', 'Zabihullah', 'Naqibullah', 'Farhad', 'Hamid', 'Sayed', 'Qudratullah', 'Fereshta', 'Zahra', 'Mariam', 'Shabnam', 'Nargis', 'Gulalai', 'Hosai'],
    family: ['Ahmadzai', 'Popalzai', 'Haidari', 'Noorzai', 'Rahimi', 'Mohammadi', 'Sultani', 'Qaderi', 'Stanikzai', 'Hashimi', 'Safi', 'Sadat', 'Wardak', 'Yusufzai', 'Karimi', 'Jalali'],
    rewrites: ARABIC,
  },
  {
    key: 'eritrea',
    given: ['Tesfay', 'Yonas', 'Mehari', 'Habtom', 'Kidane', 'Senait', 'Helen', 'Semhar', 'Abrehet', 'Yohannes', 'Dawit', 'Filmon', 'Mebrahtu', 'Luwam', 'Tsega'],
    family: ['Gebremedhin', 'Tesfamariam', 'Haile', 'Kahsay', 'Weldemichael', 'Berhane', 'Ghebreyesus', 'Tekle', 'Asmerom', 'Mehreteab', 'Woldu', 'Yemane', 'Habte', 'Okbazghi', 'Teklehaimanot'],
    rewrites: AFRICAN,
  },
  {
    key: 'somalia',
    given: ['Abdirahman', 'Abdullahi', 'Mohamed', 'Hassan', 'Farhan', 'Abdiqadir', 'Hodan', 'Fadumo', 'Hawo', 'Ayaan', 'Khadija', 'Ismail', 'Yusuf', 'Sahra', 'Muna'],
    family: ['Warsame', 'Abdi', 'Farah', 'Jama', 'Mohamud', 'Hersi', 'Osman', 'Guled', 'Abdiqadir', 'Ahmed', 'Dahir', 'Egal', 'Nur', 'Yasin', 'Mohamed Ali'],
    rewrites: AFRICAN,
  },
  {
    key: 'ukraine',
    given: ['Oleksandr', 'Oleksiy', 'Mykhailo', 'Serhiy', 'Andriy', 'Yuliya', 'Nataliya', 'Tetyana', 'Oksana', 'Yevhen', 'Viktoriya', 'Dmytro', 'Kateryna', 'Iryna', 'Yaroslav', 'Zhanna'],
    family: ['Shevchenko', 'Kovalchuk', 'Tkachenko', 'Kravchenko', 'Bondarenko', 'Zhuravel', 'Khomenko', 'Savchuk', 'Kovalenko', 'Yakovenko', 'Tsybulskyi', 'Moroz', 'Lysenko', 'Chornovol', 'Shvets', 'Vasylenko', 'Zaporozhets', 'Kyrylenko'],
    rewrites: SLAVIC,
  },
  {
    key: 'turkey',
    given: ['Mehmet', 'Ayşe', 'Hüseyin', 'Gülşen', 'Çağlar', 'Özlem', 'Ömer', 'Şükrü', 'Ilkay', 'Mustafa', 'Hatice', 'Yusuf', 'Büşra', 'Doğan', 'Cemal', 'Serkan'],
    family: ['Yılmaz', 'Şahin', 'Çelik', 'Doğan', 'Öztürk', 'Aydın', 'Yıldız', 'Kılıç', 'Koç', 'Çakır', 'Güneş', 'Erdoğan', 'Karakaş', 'Cengiz', 'Ağaoğlu'],
    rewrites: TURKISH,
  },
  {
    key: 'guinea',
    given: ['Mamadou', 'Alpha Oumar', 'Ibrahima', 'Ousmane', 'Thierno', 'Abdoulaye', 'Mariama', 'Fatoumata', 'Kadiatou', 'Aissatou', 'Saidou', 'Boubacar', 'Souleymane', 'Hadja'],
    family: ['Diallo', 'Bah', 'Barry', 'Sow', 'Camara', 'Sylla', 'Conde', 'Keita', 'Toure', 'Soumah', 'Balde', 'Djalo', 'Kourouma', 'Cisse', 'Doumbouya'],
    rewrites: AFRICAN,
  },
  {
    key: 'nigeria',
    given: ['Chukwuemeka', 'Oluwaseun', 'Adebayo', 'Ngozi', 'Chiamaka', 'Oluwatoyin', 'Ifeanyi', 'Babajide', 'Abubakar', 'Aisha', 'Uchenna', 'Temitope', 'Olumide', 'Blessing', 'Yusuf'],
    family: ['Okafor', 'Adeyemi', 'Okonkwo', 'Oyelaran', 'Nwosu', 'Ogunleye', 'Eze', 'Abubakar', 'Obi', 'Adewale', 'Chukwu', 'Balogun', 'Olawale', 'Uzoma', 'Ibrahim'],
    rewrites: AFRICAN,
  },
  {
    key: 'albania',
    given: ['Arbër', 'Ermal', 'Gëzim', 'Qemal', 'Xhevdet', 'Shpëtim', 'Blerina', 'Jonida', 'Fatjon', 'Klodjan', 'Elvira', 'Arjola', 'Ilir', 'Dritan', 'Mimoza'],
    family: ['Hoxha', 'Shehu', 'Çela', 'Dervishi', 'Kola', 'Leka', 'Gjoka', 'Xhaferi', 'Meçe', 'Marku', 'Qosja', 'Dibra', 'Basha', 'Kuçi', 'Bregu'],
    rewrites: ALBANIAN,
  },
  {
    key: 'georgia',
    given: ['Giorgi', 'Levan', 'Davit', 'Zurab', 'Irakli', 'Nino', 'Tamar', 'Ketevan', 'Khatia', 'Shota', 'Tornike', 'Mzia', 'Vakhtang', 'Tsiuri', 'Luka'],
    family: ['Beridze', 'Kapanadze', 'Gelashvili', 'Maisuradze', 'Tsiklauri', 'Khutsishvili', 'Jgharkava', 'Chkheidze', 'Lomidze', 'Shengelia', 'Gogichaishvili', 'Kvaratskhelia', 'Zhvania', 'Mamaladze', 'Tsertsvadze'],
    rewrites: GEORGIAN,
  },
];

/** The variant pairs of the search tests in tests/integration/clients.test.ts, as regression anchors. */
const EXISTING: [stored: [family: string, given: string], query: string][] = [
  [['Al-Hassan', 'Mohammed'], 'Muhammad Al-Hassan'],
  [['Al-Hassan', 'Mohammed'], 'mohamed alhassan'],
  [['Hussein', 'Amina'], 'Amina Husain'],
  [['Müller', 'Yusuf'], 'Jusuf Mueller'],
  [['Müller', 'Yusuf'], 'Youssef muller'],
  [['Kovalenko', 'Oleksandr'], 'Alexander Kowalenko'],
  [['Şahin', 'Elif'], 'Elif Sahin'],
  [['Nguyen Van', 'Minh'], 'Minh Van Nguyen'],
  [['Rahimi', 'Fatima'], 'Fatima Rahimy'],
];

function rewriteToken(rng: Rng, token: string, rewrites: Rewrite[]): { out: string; pattern: string } | null {
  for (const [name, apply] of rng.sample(rewrites, rewrites.length)) {
    // Match case-insensitively but keep the stored capitalisation shape.
    const lowered = token.charAt(0) + token.slice(1);
    const out = apply(lowered, rng);
    if (out && out.toLowerCase() !== token.toLowerCase()) return { out, pattern: name };
  }
  return null;
}

/** Rewrites every word of a (possibly multi-word) name part; null when no rule applies to any word. */
function rewritePart(rng: Rng, part: string, rewrites: Rewrite[], everyWord: boolean): { out: string; pattern: string } | null {
  const whole = rewriteToken(rng, part, rewrites);
  if (!everyWord || !part.includes(' ')) return whole;
  const words = part.split(' ').map((w) => rewriteToken(rng, w, rewrites));
  if (words.every((w) => !w)) return whole;
  return { out: part.split(' ').map((w, i) => words[i]?.out ?? w).join(' '), pattern: words.find((w) => w)!.pattern };
}

/**
 * `count` generated pairs (plus the existing test pairs): a quarter vary only the family name, a quarter only the
 * given name, half vary every name ("each token differs a little"); query word order is sometimes family first.
 */
export function recallPairs(count = 360, seed = 10): RecallPair[] {
  const rng = new Rng(seed);
  const pairs: RecallPair[] = EXISTING.map(([[familyName, givenNames], query]) => ({ origin: 'tests', stored: { familyName, givenNames }, query, pattern: 'existing test' }));
  const seen = new Set<string>();
  let guard = 0;
  while (pairs.length < count + EXISTING.length && guard++ < count * 50) {
    const origin = ORIGINS[pairs.length % ORIGINS.length]!;
    const givenNames = rng.pick(origin.given);
    const familyName = rng.pick(origin.family);
    const mode = rng.weighted([['family', 1], ['given', 1], ['both', 2]] as const);
    const given = mode === 'family' ? { out: givenNames, pattern: '' } : rewritePart(rng, givenNames, origin.rewrites, true);
    const family = mode === 'given' ? { out: familyName, pattern: '' } : rewritePart(rng, familyName, origin.rewrites, true);
    if (!given || !family) continue;
    const query = rng.chance(0.25) ? `${family.out} ${given.out}` : `${given.out} ${family.out}`;
    if (seen.has(query.toLowerCase()) || seen.has(`${familyName}|${givenNames}`)) continue;
    seen.add(query.toLowerCase());
    seen.add(`${familyName}|${givenNames}`);
    pairs.push({ origin: origin.key, stored: { familyName, givenNames }, query, pattern: `${mode}: ${[given.pattern, family.pattern].filter(Boolean).join(' + ')}` });
  }
  return pairs;
}

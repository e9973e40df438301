/**
 * The words street lines are made of, per language, folded the way fold.ts folds them
 * (lower case, accents stripped, `ø`→`o`, `å`→`a`, `ä`→`a`, `ß`→`ss`, dots dropped).
 * Vocabularies, not a list of streets: a line is a street line because of its shape
 * (a street-type word or suffix and a house number), whatever the street is called.
 */

/** Street-type words that stand alone: `Baker Street`, `rue de la Paix`, `Av. Paulista`, `Erling Skakkes gate`. */
export const STREET_WORDS: ReadonlySet<string> = new Set([
  // English (UK/US/AU/CA), with the abbreviations of the postal services
  'street', 'st', 'str', 'road', 'rd', 'avenue', 'ave', 'av', 'boulevard', 'blvd', 'bvd', 'bd', 'lane', 'ln', 'drive',
  'dr', 'way', 'court', 'ct', 'crt', 'place', 'pl', 'plaza', 'square', 'sq', 'terrace', 'terr', 'tce', 'parkway',
  'pkwy', 'pky', 'highway', 'hwy', 'freeway', 'expressway', 'crescent', 'cres', 'close', 'circle', 'cir', 'circus',
  'mews', 'grove', 'gardens', 'gdns', 'loop', 'trail', 'trl', 'pike', 'alley', 'broadway', 'esplanade',
  'embankment', 'parade', 'quay', 'wharf', 'causeway', 'turnpike', 'wynd',
  // Danish, Norwegian, Swedish
  'gade', 'vej', 'alle', 'plads', 'torv', 'straede', 'vaenge', 'gate', 'gata', 'gatan', 'vei', 'veien', 'veg',
  'vegen', 'plass', 'vag', 'vagen', 'torg', 'torget',
  // German, Dutch
  'strasse', 'weg', 'gasse', 'platz', 'allee', 'damm', 'ufer', 'chaussee', 'markt', 'steig', 'straat', 'laan',
  'gracht', 'kade', 'plein', 'singel', 'dreef', 'steeg', 'dijk',
  // French
  'rue', 'chemin', 'impasse', 'imp', 'quai', 'cours', 'route', 'rte', 'passage', 'sentier', 'voie', 'faubourg',
  'fbg', 'promenade', 'montee', 'allees', 'residence', 'hameau',
  // Spanish, Portuguese, Italian
  'calle', 'avenida', 'avda', 'paseo', 'pso', 'pza', 'carrera', 'cra', 'carretera', 'ctra', 'camino', 'rambla', 'ronda',
  'travesia', 'via', 'glorieta', 'pasaje', 'calzada', 'callejon', 'diagonal', 'transversal', 'bajada', 'senda',
  'escalinata', 'barrio', 'cuesta', 'subida', 'muelle', 'urbanizacion', 'urb', 'poligono', 'costanilla', 'plazuela', 'rua', 'travessa',
  'largo', 'praca', 'alameda', 'estrada', 'rodovia', 'praceta', 'beco', 'ladeira', 'marginal', 'viela', 'viaduto',
  'vereda', 'viale', 'piazza', 'piazzale', 'corso', 'vicolo', 'strada', 'lungomare', 'contrada', 'borgo', 'rotonda',
  'incrocio', 'salita', 'vico', 'traversa', 'circonvallazione', 'localita', 'fondamenta', 'lungotevere', 'lungarno',
  // Polish, Czech, Hungarian, Finnish
  'ul', 'ulica', 'aleja', 'aleje', 'osiedle', 'plac', 'skwer', 'rynek', 'droga', 'rondo', 'bulw', 'bulwar',
  'wybrzeze', 'namesti', 'nam', 'trida', 'utca', 'krt', 'korut', 'ter', 'katu', 'kuja', 'polku',
  // Dutch
  'plantsoen',
]);

/**
 * Street-type words that only count as the first word: German street names that start with a
 * preposition (`Am Markt 5`, `Auf der Weide 44`, `Unter den Linden 77`) and Polish abbreviations
 * (`os. Stachura 55`, `al. Jerozolimskie 5`); elsewhere in a line they are ordinary words.
 */
export const LEADING_STREET_WORDS: ReadonlySet<string> = new Set([
  'am', 'an', 'auf', 'im', 'zum', 'zur', 'hinter', 'unter', 'uber', 'beim', 'op', 'aan', 'os', 'al', 'park', 'ogrod',
]);

/**
 * English street types that are also ordinary nouns (`Hill`, `Meadows`, `Landing`, `Knoll`;
 * from the USPS and Royal Mail suffix lists). They count only after a leading house number, the
 * English order (`306 Upton Hill`), so that `Silent Hill 2` stays a game.
 */
export const SOFT_STREET_WORDS: ReadonlySet<string> = new Set([
  'alley', 'anex', 'arcade', 'bayou', 'beach', 'bend', 'bluff', 'bottom', 'branch', 'bridge', 'brook', 'burg',
  'bypass', 'camp', 'canyon', 'cape', 'center', 'centre', 'cliff', 'club', 'common', 'commons', 'corner', 'corners',
  'course', 'cove', 'creek', 'crest', 'crossing', 'crossroad', 'curve', 'dale', 'dam', 'divide', 'end', 'estate',
  'estates', 'extension', 'fall', 'falls', 'ferry', 'field', 'fields', 'flat', 'flats', 'ford', 'forest', 'forge',
  'fork', 'forks', 'gardens', 'garden', 'gate', 'gateway', 'glen', 'green', 'harbor', 'harbour', 'haven', 'heights',
  'hill', 'hills', 'hollow', 'inlet', 'island', 'isle', 'junction', 'knoll', 'knolls', 'lake', 'lakes', 'landing',
  'light', 'lock', 'locks', 'lodge', 'mall', 'manor', 'meadow', 'meadows', 'mill', 'mills', 'mission', 'motorway',
  'mount', 'mountain', 'neck', 'orchard', 'oval', 'overpass', 'park', 'pass', 'path', 'pine', 'pines', 'plain',
  'plains', 'point', 'port', 'prairie', 'radial', 'ramp', 'ranch', 'rapids', 'rest', 'ridge', 'river', 'row', 'run',
  'shoal', 'shoals', 'shore', 'shores', 'skyway', 'spring', 'springs', 'spur', 'station', 'stravenue', 'stream',
  'summit', 'trace', 'track', 'trafficway', 'tunnel', 'underpass', 'union', 'valley', 'viaduct', 'view', 'views',
  'village', 'ville', 'vista', 'walk', 'wall', 'well', 'wells', 'circuit', 'rise', 'grange', 'wood', 'woods',
  'chase', 'croft', 'drove', 'fold', 'garth', 'lea', 'leys', 'paddock', 'yard', 'approach', 'boulevard', 'broadway',
]);

/**
 * Street-type endings of compound names: `Nørregade`, `Strandvejen`, `Hauptstraße`, `Forsterstr.`,
 * `Storgatan`, `Ullevålsveien`, `Keizersgracht`, `Porthaninkatu`. The number is the shortest stem
 * the ending needs, so that `Brigade` or `Halle` are not streets.
 */
export const STREET_SUFFIXES: readonly (readonly [string, number])[] = [
  // Danish
  ['gade', 3], ['gaden', 3], ['vej', 3], ['vejen', 3], ['alle', 3], ['straede', 3], ['plads', 3], ['torv', 3], ['torvet', 3],
  ['vaenge', 3], ['vaenget', 3], ['bakken', 3], ['gyde', 3], ['kaj', 4], ['parken', 4], ['haven', 5],
  // Swedish, Norwegian
  ['gatan', 2], ['gata', 3], ['gate', 5], ['gaten', 3], ['vagen', 3], ['vag', 4], ['veien', 3], ['vei', 4],
  ['vegen', 3], ['veg', 4], ['granden', 3], ['torget', 3], ['backen', 3], ['stigen', 3], ['plassen', 3], ['allen', 3], ['alleen', 3],
  // German
  ['strasse', 2], ['str', 3], ['weg', 3], ['gasse', 3], ['platz', 3], ['allee', 3], ['damm', 3], ['ufer', 3],
  ['chaussee', 3], ['steig', 3], ['stieg', 3], ['pfad', 3], ['markt', 4], ['ring', 5], ['graben', 4],
  // Dutch
  ['straat', 2], ['laan', 3], ['gracht', 3], ['kade', 3], ['plein', 3], ['singel', 3], ['dreef', 3], ['steeg', 3],
  ['dijk', 3], ['plantsoen', 3], ['park', 4],
  // Finnish
  ['katu', 3], ['tie', 5], ['kuja', 3], ['polku', 3], ['kaari', 4], ['raitti', 3], ['linja', 4], ['vayla', 3],
  ['rinne', 4], ['aukio', 3], ['kierros', 4], ['tori', 4], ['penger', 3],
];

/** Words of a second address line: floor, side, flat, suite (`2. th.`, `st. tv.`, `Apt 4B`, `Suite 300`). */
export const UNIT_WORDS: ReadonlySet<string> = new Set([
  'apt', 'apartment', 'suite', 'ste', 'unit', 'flat', 'floor', 'fl', 'room', 'rm', 'building', 'bldg', 'dept', 'th',
  'tv', 'mf', 'sal', 'lejl', 'lejlighed', 'etage', 'et', 'whg', 'wohnung', 'og', 'lgh', 'app', 'appt', 'bte', 'bat',
  'batiment', 'escalier', 'piso', 'puerta', 'pta', 'esc', 'escalera', 'dpto', 'depto', 'apto', 'andar', 'bloco', 'bloque',
  'bloc', 'sala', 'interno', 'scala', 'house', 'zimmer', 'hus', 'leil', 'oppgang', 'hoog', 'atico', 'bajo', 'dcha',
  'izda', 'quadra', 'sobrado', 'casa', 'lote', 'appartamento', 'lok', 'lokal',
]);

/** Words that start a post-office-box line: `P.O. Box 555`, `Postboks 12`, `Postfach 10 10`, `BP 42`. */
export const PO_BOX_WORDS: ReadonlySet<string> = new Set([
  'box', 'pobox', 'postbox', 'postboks', 'postfach', 'postbus', 'bp', 'apartado', 'casilla', 'postlada', 'pb',
]);

/**
 * Words of names with numbers that are not addresses: products, releases, works, versions,
 * orders (`iPhone 15 Pro`, `Model 3`, `Windows 11`, `Symphony No. 5`, `Live at Wembley 1986`,
 * `Season 2`, `Invoice 12345`).
 */
export const NOT_ADDRESS_WORDS: ReadonlySet<string> = new Set([
  'model', 'pro', 'max', 'plus', 'ultra', 'mini', 'lite', 'edition', 'version', 'ver', 'release', 'build', 'series',
  'gen', 'generation', 'mk', 'mark', 'windows', 'office', 'iphone', 'ipad', 'galaxy', 'pixel', 'xbox', 'playstation',
  'ps', 'gb', 'tb', 'mb', 'kg', 'mm', 'cm', 'ml', 'inch', 'pack', 'pcs', 'x', 'vol', 'volume', 'part', 'pt', 'chapter',
  'episode', 'season', 'disc', 'disk', 'cd', 'dvd', 'track', 'remastered', 'remaster', 'deluxe', 'live', 'greatest',
  'hits', 'best', 'collection', 'anthology', 'symphony', 'concerto', 'sonata', 'opus', 'op', 'bwv', 'kv',
  'act', 'scene', 'level', 'round', 'match', 'game', 'player', 'team', 'order', 'invoice', 'ticket', 'case', 'item',
  'product', 'sku', 'ref', 'page', 'line', 'row', 'table', 'figure', 'fig', 'section', 'article', 'rule', 'step',
  'day', 'week', 'month', 'year', 'quarter', 'q', 'fy', 'v', 'rev', 'revision', 'patch', 'update',
  'sprint', 'phase', 'stage', 'grade', 'class', 'size', 'number', 'no', 'nr', 'total', 'sum', 'price', 'eur', 'usd',
  'dkk', 'sek', 'nok', 'gbp', 'kr', 'stk', 'units', 'hours', 'minutes', 'h', 'min', 'sec', 'percent',
  'catch', 'apollo', 'blink', 'maroon', 'channel', 'studio', 'vs', 'feat', 'ft', 'remix', 'mix', 'tour',
]);

/** Month names (en, da/no, sv, de, nl, fr, es, it, pt), to tell `12 May 2020` from a street line. */
export const MONTHS: ReadonlySet<string> = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug',
  'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december', 'januar', 'februar',
  'marts', 'maj', 'juni', 'juli', 'okt', 'oktober', 'mars', 'januari', 'februari', 'augusti', 'mai', 'marz', 'dez',
  'dezember', 'maart', 'mei', 'janvier', 'fevrier', 'avril', 'juin', 'juillet', 'aout', 'septembre', 'octobre',
  'novembre', 'decembre', 'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre',
  'octubre', 'noviembre', 'diciembre', 'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre',
  'ottobre', 'dicembre', 'janeiro', 'fevereiro', 'maio', 'junho', 'julho', 'setembro', 'outubro', 'novembro',
  'dezembro',
]);

/**
 * Small words of running text (`I live at 12 Baker Street and I love it`): two of them in a long
 * line make it a sentence. Each alone is also part of some street name (`Pio I`, `rue du Port`).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'i', 'it', 'my', 'me', 'our', 'your', 'and', 'at', 'to', 'for', 'with', 'from', 'this', 'that', 'live', 'love',
  'not', 'but', 'if', 'so', 'du', 'og', 'und', 'et', 'och', 'est', 'vi', 'mit', 'ikke', 'nicht', 'pas',
]);

/** Pronouns and verbs that make a line a sentence (`We moved to 12 Baker Street`), not an address. */
export const SENTENCE_WORDS: ReadonlySet<string> = new Set([
  'we', 'you', 'he', 'she', 'they', 'is', 'are', 'was', 'were', 'will', 'would', 'have', 'has', 'had', 'please',
  'lives', 'lived', 'moved', 'call', 'send', 'jeg', 'han', 'hun', 'er', 'bor', 'boede', 'har', 'ich', 'wir', 'ist',
  'wohne', 'wohnt', 'bitte', 'nous', 'habite', 'yo', 'vive', 'jag', 'bodde', 'ik',
  'woon', 'woont',
]);

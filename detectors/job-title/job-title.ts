import type { Detector, NameSignal } from '../../src/types.js';
import { foldName } from '../_shared/names/gazetteer.js';

/**
 * Job titles, recognised by their grammar rather than from a fixed list: a role noun
 * (`manager`, `direktør`, `Leiter`, `konsult`) as the head, with seniority (`Senior`, `Head of`,
 * `Vice`) and function words (`Sales`, `IT`, `økonomi`) around it. Danish, German, Swedish,
 * Norwegian and Dutch compounds are found by their ending: `Salgschef`, `Vertriebsleiter`,
 * `Projektledare`, `IT-konsulent`. An album or film title rarely has a role noun as its head and
 * almost never consists of nothing but title words, so `Master of Puppets` scores 0.
 */

/** Role nouns, folded (ø→o, ä→a). A title needs at least one. */
const ROLES = new Set([
  // English
  'manager', 'director', 'engineer', 'consultant', 'assistant', 'agent', 'representative', 'rep', 'coordinator',
  'owner', 'officer', 'president', 'vp', 'svp', 'evp', 'avp', 'ceo', 'cfo', 'cto', 'coo', 'cio', 'cmo', 'cso', 'cpo',
  'cdo', 'chro', 'ciso', 'chairman', 'chairwoman', 'chairperson', 'founder', 'cofounder', 'co-founder', 'accountant',
  'analyst', 'administrator', 'architect', 'developer', 'programmer', 'designer', 'specialist', 'technician', 'clerk',
  'secretary', 'receptionist', 'supervisor', 'lead', 'leader', 'executive', 'associate', 'advisor', 'adviser',
  'buyer', 'planner', 'scientist', 'researcher', 'nurse', 'physician', 'teacher', 'lecturer', 'professor',
  'instructor', 'trainer', 'tutor', 'editor', 'writer', 'journalist', 'attorney', 'lawyer', 'counsel', 'paralegal',
  'auditor', 'controller', 'treasurer', 'bookkeeper', 'cashier', 'salesperson', 'salesman', 'saleswoman', 'seller',
  'merchandiser', 'recruiter', 'generalist', 'operator', 'mechanic', 'electrician', 'plumber', 'carpenter', 'welder',
  'machinist', 'driver', 'courier', 'dispatcher', 'storekeeper', 'janitor', 'cleaner', 'custodian', 'guard', 'chef',
  'cook', 'waiter', 'waitress', 'bartender', 'barista', 'intern', 'trainee', 'apprentice', 'worker', 'laborer',
  'labourer', 'staff', 'tester', 'inspector', 'surveyor', 'estimator', 'strategist', 'producer', 'photographer',
  'illustrator', 'copywriter', 'marketer', 'therapist', 'pharmacist', 'dentist', 'veterinarian', 'psychologist',
  'counselor', 'counsellor', 'caregiver', 'paramedic', 'firefighter', 'pilot', 'steward', 'stewardess', 'attendant',
  'translator', 'interpreter', 'librarian', 'archivist', 'curator', 'economist', 'statistician', 'actuary',
  'underwriter', 'broker', 'banker', 'teller', 'trader', 'realtor', 'negotiator', 'purchaser', 'foreman',
  'superintendent', 'principal', 'dean', 'registrar', 'commissioner', 'partner', 'proprietor', 'entrepreneur',
  'freelancer', 'contractor', 'handyman', 'gardener', 'mgr', 'dir', 'asst', 'exec', 'coord', 'sdr', 'bdr', 'devops',
  'sre', 'dba', 'webmaster', 'head', 'expert', 'evangelist', 'advocate', 'ambassador', 'hostess', 'concierge',
  'doctor', 'surgeon', 'midwife', 'secretary-general', 'deputy', 'programmer-analyst', 'scrum', 'facilitator',
  'moderator', 'organizer', 'organiser', 'manufacturer', 'fitter', 'assembler', 'packer', 'picker', 'loader',
  'installer', 'salesrep', 'telemarketer', 'consultante', 'liaison', 'orchestrator', 'ombudsman', 'controller',
  // Danish and Norwegian
  'direktor', 'chef', 'leder', 'konsulent', 'medarbejder', 'sekretaer', 'ingenior', 'udvikler', 'assistent',
  'radgiver', 'raadgiver', 'specialist', 'koordinator', 'ansvarlig', 'saelger', 'repraesentant', 'revisor',
  'bogholder', 'okonom', 'tekniker', 'elektriker', 'mekaniker', 'chauffor', 'laerer', 'paedagog', 'sygeplejerske',
  'laege', 'advokat', 'arkitekt', 'programmor', 'analytiker', 'indehaver', 'ejer', 'formand', 'naestformand',
  'elev', 'laerling', 'praktikant', 'sjef', 'selger', 'utvikler', 'medarbeider', 'radgiver', 'konsulent',
  'sekretaer', 'fagansvarlig', 'sagsbehandler', 'saksbehandler', 'kontorassistent', 'kundekonsulent',
  'salgskonsulent', 'produktchef', 'salgschef', 'okonomichef', 'projektleder', 'teamleder', 'afdelingsleder',
  'daglig', 'administrerende', 'direktion', 'frisor', 'tomrer', 'murer', 'maler', 'smed', 'kok', 'tjener',
  'arbejder', 'arbeider', 'pedel', 'vicevaert', 'portor', 'handvaerker', 'montor', 'ekspedient', 'pensionist',
  'studerende', 'selvstaendig', 'selvstendig', 'jordemoder', 'tandlaege', 'fysioterapeut', 'ergoterapeut',
  'psykolog', 'medhjaelper', 'fuldmaegtig', 'skuespiller', 'musiker', 'fotograf', 'grafiker', 'forsker', 'lektor',
  'adjunkt', 'underviser', 'politibetjent', 'brandmand', 'landmand', 'gartner', 'frisor', 'bager', 'slagter',
  'konditor', 'tolk', 'oversaetter', 'bibliotekar', 'praest', 'dommer', 'student', 'retired', 'pensioner',
  // German, occupations
  'angestellter', 'angestellte', 'beamter', 'beamtin', 'erzieher', 'erzieherin', 'backer', 'friseur', 'friseurin',
  'elektroniker', 'mechatroniker', 'polizist', 'polizistin', 'rechtsanwalt', 'rechtsanwaltin', 'architekt',
  'rentner', 'rentnerin', 'selbststandig', 'selbststandiger', 'student', 'studentin', 'verkauferin', 'kellner',
  'kellnerin', 'schreiner', 'tischler', 'maurer', 'installateur', 'apotheker', 'apothekerin', 'zahnarzt',
  // Swedish
  'ledare', 'saljare', 'konsult', 'handlaggare', 'utvecklare', 'ingenjor', 'vd', 'sekreterare', 'samordnare',
  'ekonom', 'inkopare', 'radgivare', 'medarbetare', 'handledare', 'forsaljare', 'chauffor',
  'larare', 'sjukskoterska', 'lakare', 'projektledare', 'butikschef',
  // German
  'leiter', 'leiterin', 'geschaftsfuhrer', 'geschaftsfuhrerin', 'berater', 'beraterin', 'entwickler',
  'entwicklerin', 'ingenieur', 'ingenieurin', 'managerin', 'direktorin', 'assistentin', 'sachbearbeiter',
  'sachbearbeiterin', 'referent', 'referentin', 'kaufmann', 'kauffrau', 'verkaufer', 'verkauferin', 'vertreter',
  'vertreterin', 'mitarbeiter', 'mitarbeiterin', 'sekretar', 'sekretarin', 'techniker', 'technikerin',
  'buchhalter', 'buchhalterin', 'vorstand', 'prokurist', 'inhaber', 'inhaberin', 'grunder', 'grunderin',
  'vorsitzender', 'vorsitzende', 'koordinatorin', 'spezialist', 'spezialistin', 'architektin', 'analystin',
  'programmierer', 'programmiererin', 'beauftragter', 'beauftragte', 'fachkraft', 'meister', 'disponent',
  'einkaufer', 'lehrer', 'lehrerin', 'arzt', 'arztin', 'pfleger', 'pflegerin', 'krankenschwester', 'azubi',
  'auszubildender', 'werkstudent', 'praktikantin', 'chefin', 'teamleiter', 'abteilungsleiter',
  // Dutch
  'medewerker', 'directeur', 'adviseur', 'beheerder', 'ontwikkelaar', 'verkoper', 'eigenaar', 'hoofd',
  'leidinggevende', 'secretaresse', 'boekhouder', 'programmeur', 'projectleider', 'teamleider', 'stagiair',
  // French
  'directrice', 'responsable', 'ingenieur', 'conseiller', 'conseillere', 'assistante', 'commercial',
  'commerciale', 'gerant', 'gerante', 'comptable', 'developpeur', 'developpeuse', 'technicien', 'technicienne',
  'charge', 'chargee', 'secretaire', 'vendeur', 'vendeuse', 'presidente', 'fondateur', 'fondatrice', 'stagiaire',
  'representant', 'representante', 'administrateur', 'administratrice', 'chef',
  // Spanish and Portuguese
  'director', 'directora', 'gerente', 'jefe', 'jefa', 'ingeniero', 'ingeniera', 'consultor', 'consultora',
  'asistente', 'asesor', 'asesora', 'vendedor', 'vendedora', 'contador', 'contadora', 'desarrollador',
  'desarrolladora', 'programador', 'programadora', 'tecnico', 'tecnica', 'secretario', 'secretaria', 'analista',
  'coordinador', 'coordinadora', 'administrador', 'administradora', 'presidenta', 'propietario', 'propietaria',
  'dueno', 'duena', 'encargado', 'encargada', 'auxiliar', 'supervisora', 'diretor', 'diretora', 'engenheiro',
  'engenheira', 'assistente', 'coordenador', 'coordenadora', 'consultor', 'vendedor', 'socio', 'socia',
]);

/**
 * Endings of compound titles: `salgschef`, `økonomichef`, `Vertriebsleiter`, `Projektledare`,
 * `Softwareentwickler`, `kundekonsulent`. Only long enough endings, so surnames stay out.
 */
const COMPOUND_ENDINGS: readonly string[] = [
  'chef', 'chefin', 'leder', 'leiter', 'leiterin', 'ledare', 'direktor', 'direktorin', 'direktoer', 'konsulent',
  'konsult', 'berater', 'beraterin', 'medarbejder', 'medarbeider', 'medarbetare', 'mitarbeiter', 'mitarbeiterin',
  'medewerker', 'ingenior', 'ingenieur', 'ingenieurin', 'ingenjor', 'udvikler', 'utvikler', 'utvecklare',
  'entwickler', 'entwicklerin', 'ontwikkelaar', 'assistent', 'assistentin', 'sekretaer', 'sekretar', 'sekretarin',
  'koordinator', 'koordinatorin', 'ansvarlig', 'ansvarig', 'saelger', 'selger', 'saljare', 'verkaufer', 'radgiver',
  'radgivare', 'tekniker', 'techniker', 'fuhrer', 'fuhrerin', 'manager', 'managerin', 'sjef', 'handlaggare',
  'sachbearbeiter', 'sachbearbeiterin', 'beauftragter', 'beauftragte', 'referent', 'referentin', 'spezialist',
  'specialist', 'kaufmann', 'kauffrau', 'planer', 'planerin', 'meister', 'adviseur', 'beheerder', 'analytiker',
  'revisor', 'bogholder', 'buchhalter', 'programmierer', 'programmor', 'elektriker', 'mekaniker', 'mechaniker',
  'vertreter', 'agent', 'inkopare', 'einkaufer', 'indkober', 'chauffor', 'fahrer', 'lehrer', 'laerer', 'larare',
  'pfleger', 'pflegerin', 'sygeplejerske', 'praktikant', 'praktikantin', 'elev', 'lehrling', 'laerling',
  'developer', 'engineer', 'designer', 'officer', 'director', 'consultant', 'arbejder', 'arbeider', 'arbetare',
  'arbeiter', 'arbeiterin', 'montor', 'monteur', 'medhjaelper', 'fuldmaegtig', 'assistant', 'erzieher',
  'erzieherin', 'lehrerin', 'kaufmann', 'kauffrau', 'monteurin', 'handler', 'handlerin', 'fachwirt', 'techniker',
];

/** Seniority and rank words; they never make a title alone. */
const SENIORITY = new Set([
  'senior', 'sr', 'junior', 'jr', 'lead', 'principal', 'staff', 'head', 'chief', 'vice', 'deputy', 'assistant',
  'associate', 'executive', 'general', 'regional', 'global', 'national', 'international', 'area', 'district',
  'country', 'key', 'interim', 'acting', 'group', 'corporate', 'managing', 'administrative', 'first', 'second',
  'third', 'i', 'ii', 'iii', 'iv', 'level', 'trainee', 'graduate', 'apprentice', 'freelance', 'independent',
  'ledende', 'overordnet', 'stv', 'stedfortraedende', 'administrerende', 'administrerande', 'verkstallande',
  'adm', 'ekspedient', 'leitender', 'leitende', 'stellvertretender', 'stellvertretende', 'stellv', 'freier',
  'freie', 'wissenschaftlicher', 'wissenschaftliche', 'oberer', 'hoofd', 'adjunct', 'adjoint', 'adjointe',
  'sous', 'adjunto', 'adjunta', 'subdirector', 'subdirectora', 'sub', 'co', 'full', 'part', 'time', 'daglig',
  'overlaege', 'konst', 'konstitueret', 'fungerende', 'ass', 'asst',
]);

/** Functions and departments. */
const FUNCTIONS = new Set([
  'sales', 'marketing', 'it', 'hr', 'human', 'resources', 'resource', 'finance', 'financial', 'accounting',
  'accounts', 'account', 'purchasing', 'procurement', 'support', 'customer', 'customers', 'service', 'services',
  'software', 'hardware', 'data', 'product', 'products', 'project', 'projects', 'program', 'programme', 'operations',
  'operation', 'business', 'development', 'research', 'r&d', 'engineering', 'quality', 'qa', 'qc', 'legal',
  'compliance', 'security', 'network', 'networks', 'systems', 'system', 'web', 'frontend', 'backend', 'front',
  'back', 'end', 'stack', 'fullstack', 'mobile', 'cloud', 'infrastructure', 'technical', 'technology',
  'information', 'communications', 'communication', 'public', 'relations', 'pr', 'media', 'content', 'digital',
  'brand', 'design', 'creative', 'art', 'graphic', 'ux', 'ui', 'user', 'experience', 'office', 'administration',
  'warehouse', 'logistics', 'supply', 'chain', 'shipping', 'production', 'manufacturing', 'plant', 'facility',
  'facilities', 'maintenance', 'field', 'inside', 'outside', 'retail', 'store', 'branch', 'ecommerce', 'e',
  'commerce', 'payroll', 'tax', 'treasury', 'audit', 'risk', 'investor', 'credit', 'loan', 'claims', 'insurance',
  'medical', 'clinical', 'health', 'safety', 'environmental', 'training', 'learning', 'education', 'recruitment',
  'recruiting', 'talent', 'people', 'culture', 'partnerships', 'partnership', 'channel', 'strategy', 'strategic',
  'innovation', 'analytics', 'bi', 'database', 'db', 'machine', 'ai', 'ml', 'test', 'testing', 'release', 'build',
  'solutions', 'solution', 'presales', 'pre', 'after', 'export', 'import', 'trade', 'events', 'event', 'community',
  'social', 'editorial', 'news', 'food', 'beverage', 'kitchen', 'desk', 'help', 'helpdesk', 'call', 'center',
  'centre', 'contact', 'client', 'clients', 'order', 'inventory', 'stock', 'shop', 'floor', 'line', 'team',
  'department', 'unit', 'division', 'region', 'territory', 'vp', 'ceo', 'cfo', 'cto', 'cio', 'office',
  'executive', 'board', 'member', 'tool', 'tools', 'sr', 'production', 'research', 'pr', 'devops', 'site',
  'reliability', 'scrum', 'agile', 'product', 'growth', 'performance', 'seo', 'sem', 'crm', 'erp', 'sap', 'java',
  'net', 'python', 'embedded', 'electrical', 'mechanical', 'civil', 'chemical', 'process', 'application',
  'applications', 'desktop', 'technical', 'documentation', 'installation', 'service', 'night', 'day', 'shift',
  'store', 'purchase', 'purchases', 'buying', 'import', 'wholesale', 'enterprise', 'corporate', 'private',
  'banking', 'wealth', 'portfolio', 'fund', 'funds', 'investment', 'investments', 'real', 'estate', 'property',
  'construction', 'site', 'project', 'accounts', 'receivable', 'payable', 'ledger', 'compensation', 'benefits',
  'labor', 'labour', 'employee', 'employees', 'personnel', 'internal', 'external', 'relationship', 'success',
  'foreign', 'domestic', 'overseas', 'market', 'markets', 'affairs', 'technique', 'protection', 'privacy',
  'central', 'direct', 'dynamic', 'future', 'legacy', 'forward', 'implementation', 'integration', 'optimization',
  'optimisation', 'configuration', 'assurance', 'mobility', 'metrics', 'usability', 'branding', 'intranet',
  'identity', 'response', 'tactics', 'directives', 'functionality', 'paradigm', 'factors', 'accountability',
  'interactions', 'management', 'planning', 'governance', 'automation', 'sale',
  // Regions in titles: `Sales Manager (EMEA)`, `VP Sales Nordics`.
  'emea', 'apac', 'amer', 'americas', 'latam', 'dach', 'nordic', 'nordics', 'benelux', 'europe', 'european',
  'asia', 'pacific', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'eu', 'us',
  'uk', 'na', 'apj', 'mea', 'cee', 'scandinavia', 'denmark', 'danmark', 'sweden', 'sverige', 'norway', 'norge',
  'germany', 'deutschland',
  // Danish, Norwegian, Swedish
  'salg', 'salgs', 'okonomi', 'indkob', 'innkjop', 'inkop', 'kunde', 'kundeservice', 'kundtjanst', 'projekt',
  'produkt', 'kommunikation', 'kommunikasjon', 'teknisk', 'tekniske', 'drift', 'lager', 'personale', 'regnskab',
  'regnskap', 'bogholderi', 'butik', 'butikk', 'afdeling', 'avdeling', 'avdelning', 'eksport', 'forsaljning',
  'ekonomi', 'kund', 'marknad', 'marknads', 'vd', 'ledelse', 'kontor', 'kontors',
  'udvikling', 'utvikling', 'utveckling', 'forskning', 'kvalitet', 'sikkerhed', 'sikkerhet', 'sakerhet',
  'administration', 'administrasjon', 'jura', 'juridisk', 'logistik', 'logistikk', 'indkobs', 'vvs', 'el', 'sosu',
  'i', 'for', 'af', 'paa', 'pa', 'og', 'och',
  // German, Dutch
  'vertrieb', 'vertriebs', 'einkauf', 'personal', 'finanz', 'finanzen', 'buchhaltung', 'kunden', 'kundenservice',
  'technischer', 'technische', 'kaufmannischer', 'kaufmannische', 'entwicklung', 'abteilung', 'bereich', 'fur',
  'verkoop', 'inkoop', 'financieel', 'financiele', 'commercieel', 'commerciele', 'technisch', 'algemeen',
  'klantenservice', 'afdeling',
  // French, Spanish, Portuguese
  'ventes', 'vente', 'achats', 'clientele', 'clients', 'produit', 'projet', 'projets', 'informatique', 'ressources',
  'humaines', 'financier', 'financiere', 'general', 'generale', 'ventas', 'compras', 'finanzas', 'recursos',
  'humanos', 'comercial', 'tecnico', 'informatica', 'sistemas', 'proyecto', 'proyectos', 'produccion', 'calidad',
  'vendas', 'compras', 'financeiro', 'marketing', 'cliente', 'clientes', 'administrativo', 'administrativa',
  'contable',
]);

/** Words that join the parts of a title: `Head of Marketing`, `Vice President, Sales`, `chef for salg`. */
const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'to', 'in', 'at', '&', '/', 'de', 'des', 'du', 'la', 'le', 'del', 'y', 'et', 'und', 'do', 'da', 'van', 'voor', 'en']);

/** Words that begin a film, album or book title, never a job title. */
const ARTICLES = new Set(['the', 'a', 'an', 'der', 'die', 'das', 'le', 'la', 'les', 'el', 'los', 'las', 'il', 'lo', 'het', 'een', 'den', 'det', 'ein', 'eine', 'un', 'une']);

const MAX_LENGTH = 80;
const SPLIT = /[\s,/&()–—:|-]+/u;
const BAD_CHARS = /[@#$%*=<>{}[\]\\~^_!?";]/;

const ENDINGS = new Set(COMPOUND_ENDINGS);
const ENDING_LENGTHS = [...new Set(COMPOUND_ENDINGS.map((e) => e.length))].sort((a, b) => a - b);

function isRole(t: string): boolean {
  if (ROLES.has(t)) return true;
  // The part before the ending must be a word of its own (`salgs`+`chef`), not a name's start.
  for (const n of ENDING_LENGTHS) {
    if (t.length < n + 3) break;
    if (ENDINGS.has(t.slice(-n))) return true;
  }
  return false;
}

function digitCount(v: string): number {
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/**
 * 1 for a title made of a role noun and title words (`Senior Software Engineer`, `Salgschef`),
 * less with each unknown word, 0 without a role noun or for an obvious other kind of title.
 */
export function jobTitleScore(value: string): number {
  const v = value.trim();
  if (v.length < 2 || v.length > MAX_LENGTH || BAD_CHARS.test(v) || digitCount(v) > 4) return 0;
  const tokens = foldName(v).split(SPLIT).filter((t) => t.length > 0 && t !== '-' && t !== '.');
  if (tokens.length === 0 || tokens.length > 8) return 0;
  if (ARTICLES.has(tokens[0] ?? '')) return 0;
  let roles = 0;
  let unknown = 0;
  let digits = 0;
  for (const raw of tokens) {
    const t = raw.endsWith('.') ? raw.slice(0, -1) : raw;
    if (digitCount(t) > 0) {
      digits++;
      continue;
    }
    if (isRole(t)) roles++;
    else if (!SENIORITY.has(t) && !FUNCTIONS.has(t) && !CONNECTORS.has(t)) unknown++;
  }
  if (roles === 0 || digits > 1) return 0;
  let score = unknown === 0 ? 1 : unknown === 1 ? (tokens.length >= 3 ? 0.8 : 0.6) : unknown === 2 && tokens.length >= 3 ? 0.3 : 0;
  // Auth roles are lower-case single words (`admin`, `owner`); titles people type are capitalised.
  if (tokens.length === 1 && !/\p{Lu}/u.test(v)) score *= 0.4;
  return score;
}

const TITLE_NAMES: readonly NameSignal[] = [
  { pattern: 'job title', weight: 0.95, lang: 'en' },
  { pattern: 'jobtitle', weight: 0.95, lang: 'en' },
  { pattern: 'job name', weight: 0.8, lang: 'en' },
  { pattern: 'job position', weight: 0.9, lang: 'en' },
  { pattern: 'job role', weight: 0.9, lang: 'en' },
  { pattern: 'job', weight: 0.5, lang: 'en' },
  { pattern: 'contact title', weight: 0.95, lang: 'en' },
  { pattern: 'title', weight: 0.85, lang: 'en', when: 'person-context' },
  { pattern: 'title', weight: 0.25, lang: 'en', when: 'no-person-context' },
  { pattern: 'position', weight: 0.6, lang: 'en', when: 'person-context' },
  { pattern: 'role', weight: 0.45, lang: 'en', when: 'person-context' },
  { pattern: 'designation', weight: 0.7, lang: 'en' },
  { pattern: 'occupation', weight: 0.9, lang: 'en' },
  { pattern: 'profession', weight: 0.85, lang: 'en' },
  { pattern: 'work title', weight: 0.9, lang: 'en' },
  { pattern: 'stilling', weight: 0.85, lang: 'da' },
  { pattern: 'stillingsbetegnelse', weight: 0.95, lang: 'da' },
  { pattern: 'stillingstitel', weight: 0.95, lang: 'da' },
  { pattern: 'stillingstittel', weight: 0.95, lang: 'no' },
  { pattern: 'titel', weight: 0.8, lang: 'da', when: 'person-context' },
  { pattern: 'tittel', weight: 0.8, lang: 'no', when: 'person-context' },
  { pattern: 'jobtitel', weight: 0.95, lang: 'da' },
  { pattern: 'jobtittel', weight: 0.95, lang: 'no' },
  { pattern: 'berufsbezeichnung', weight: 0.95, lang: 'de' },
  { pattern: 'beruf', weight: 0.8, lang: 'de' },
  { pattern: 'funktion', weight: 0.5, lang: 'de', when: 'person-context' },
  { pattern: 'befattning', weight: 0.9, lang: 'sv' },
  { pattern: 'yrkestitel', weight: 0.95, lang: 'sv' },
  { pattern: 'yrkestittel', weight: 0.95, lang: 'no' },
  { pattern: 'yrke', weight: 0.8, lang: 'sv' },
  { pattern: 'functie', weight: 0.8, lang: 'nl' },
  { pattern: 'functietitel', weight: 0.95, lang: 'nl' },
  { pattern: 'beroep', weight: 0.8, lang: 'nl' },
  { pattern: 'poste', weight: 0.7, lang: 'fr' },
  { pattern: 'fonction', weight: 0.6, lang: 'fr', when: 'person-context' },
  { pattern: 'intitule poste', weight: 0.95, lang: 'fr' },
  { pattern: 'cargo', weight: 0.7, lang: 'es' },
  { pattern: 'puesto', weight: 0.8, lang: 'es' },
  { pattern: 'ocupacion', weight: 0.85, lang: 'es' },
  { pattern: 'profesion', weight: 0.85, lang: 'es' },
];

export const jobTitle: Detector = {
  id: 'job-title',
  category: 'job_title',
  description: 'job titles',
  valueWeight: 0.85,
  match: jobTitleScore,
  names: [
    ...TITLE_NAMES,
    // Titles of things, courtesy titles (a `gender` matter) and ids are not job titles.
    { pattern: 'courtesy', weight: -0.95 },
    { pattern: 'salutation', weight: -0.9 },
    { pattern: 'album', weight: -0.9 },
    { pattern: 'song', weight: -0.9 },
    { pattern: 'track', weight: -0.9 },
    { pattern: 'book', weight: -0.9 },
    { pattern: 'film', weight: -0.9 },
    { pattern: 'movie', weight: -0.9 },
    { pattern: 'page', weight: -0.9 },
    { pattern: 'product', weight: -0.8 },
    { pattern: 'article', weight: -0.9 },
    { pattern: 'post', weight: -0.7 },
    { pattern: 'episode', weight: -0.9 },
    { pattern: 'course', weight: -0.8 },
    { pattern: 'document', weight: -0.8 },
    { pattern: 'task', weight: -0.8 },
    { pattern: 'ticket', weight: -0.8 },
    { pattern: 'subject', weight: -0.8 },
    { pattern: 'cargo type', weight: -0.9 },
    { pattern: 'role id', weight: -0.9 },
    { pattern: 'id', weight: -0.85 },
    { pattern: 'code', weight: -0.7 },
    { pattern: 'sort', weight: -0.8 },
    { pattern: 'order', weight: -0.6 },
  ],
};

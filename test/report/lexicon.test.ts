/**
 * The built-in multilingual lexicon (issue #13): a resident's common words in each built-in language land on the
 * right category of the demo city, whose server names its services in English only; unrelated words find
 * nothing, and neither do words for what the city does not handle. A wrong suggestion is worse than none.
 */
import { expect } from '@open-wc/testing';
import { createServiceIndex, fold, type Searchable, type ServiceIndex } from '../../src/search/index';
import { CONCEPT_IDS, anchors, compile, type Lexicon } from '../../src/search/lexicon/index';
import type { LanguageWords } from '../../src/search/lexicon/concepts';
import { services } from '../../demo/backend/catalogue';
import { translations } from '../../demo/backend/translations';
import en from '../../src/search/lexicon/en';
import es from '../../src/search/lexicon/es';
import fr from '../../src/search/lexicon/fr';
import zh from '../../src/search/lexicon/zh';
import vi from '../../src/search/lexicon/vi';
import ar from '../../src/search/lexicon/ar';

const FILES: Record<string, LanguageWords> = { en, es, fr, zh, vi, ar };
const lexicon = (lang: string): Lexicon => compile(lang, FILES[lang]!, lang == 'en' ? anchors() : []);

/** What the category field offers for `text`: the search's hits, else the suggestions for it as a description. */
const offered = (index: ServiceIndex<Searchable>, text: string) => {
  const hits = index.search(text, 100);
  return (hits.length ? hits : index.suggest(text, 5)).map((h) => h.item.service_code);
};

/**
 * Words a resident types → the demo category they mean, which must come first. Each word is checked twice: typed
 * into the field, and as part of a sentence ("describe the problem").
 */
const COMMON: Record<string, Array<[string, string]>> = {
  es: [
    ['bache', 'POTHOLE'],
    ['baches', 'POTHOLE'],
    ['farola', 'STREETLIGHT'],
    ['alumbrado público', 'STREETLIGHT'],
    ['semáforo', 'TRAFFIC_SIGNAL'],
    ['basura no recogida', 'MISSED_TRASH'],
    ['colchón', 'BULK_PICKUP'],
    ['vertido ilegal', 'ILLEGAL_DUMPING'],
    ['papelera llena', 'LITTER_BASKET'],
    ['árbol caído', 'TREE_DOWN'],
    ['poda de árboles', 'TREE_TRIM'],
    ['columpio', 'PLAYGROUND'],
    ['ruido', 'NOISE'],
    ['pintadas', 'Graffiti / Private'],
    ['ratas', 'RODENTS'],
    ['coche abandonado', 'ABANDONED_VEHICLE'],
    ['acera', 'sidewalk-repair'],
    ['paso de peatones', '042'],
    ['maleza', 'WEEDS'],
  ],
  fr: [
    ['nid-de-poule', 'POTHOLE'],
    ['nids de poule', 'POTHOLE'],
    ['lampadaire', 'STREETLIGHT'],
    ['réverbère', 'STREETLIGHT'],
    ['feu rouge', 'TRAFFIC_SIGNAL'],
    ['poubelle non ramassée', 'MISSED_TRASH'],
    ['encombrants', 'BULK_PICKUP'],
    ['dépôt sauvage', 'ILLEGAL_DUMPING'],
    ['arbre tombé', 'TREE_DOWN'],
    ['élagage', 'TREE_TRIM'],
    ['aire de jeux', 'PLAYGROUND'],
    ['tapage nocturne', 'NOISE'],
    ['tags', 'Graffiti / Private'],
    ['rongeurs', 'RODENTS'],
    ['voiture abandonnée', 'ABANDONED_VEHICLE'],
    ['trottoir', 'sidewalk-repair'],
    ['panneau stop', 'SIGN_DAMAGED'],
    ['toilettes', 'PARK_RESTROOM'],
  ],
  zh: [
    ['坑洞', 'POTHOLE'],
    ['路坑', 'POTHOLE'],
    ['路灯', 'STREETLIGHT'],
    ['路灯坏了', 'STREETLIGHT'],
    ['红绿灯', 'TRAFFIC_SIGNAL'],
    ['垃圾没人收', 'MISSED_TRASH'],
    ['大件垃圾', 'BULK_PICKUP'],
    ['乱倒垃圾', 'ILLEGAL_DUMPING'],
    ['树倒了', 'TREE_DOWN'],
    ['滑梯', 'PLAYGROUND'],
    ['噪音', 'NOISE'],
    ['涂鸦', 'Graffiti / Private'],
    ['老鼠', 'RODENTS'],
    ['僵尸车', 'ABANDONED_VEHICLE'],
    ['人行道', 'sidewalk-repair'],
    ['斑马线', '042'],
    ['公共厕所', 'PARK_RESTROOM'],
  ],
  vi: [
    ['ổ gà', 'POTHOLE'],
    ['o ga', 'POTHOLE'],
    ['đèn đường', 'STREETLIGHT'],
    ['den duong', 'STREETLIGHT'],
    ['đèn giao thông', 'TRAFFIC_SIGNAL'],
    ['chưa thu gom', 'MISSED_TRASH'],
    ['đồ cồng kềnh', 'BULK_PICKUP'],
    ['đổ trộm rác', 'ILLEGAL_DUMPING'],
    ['cây đổ', 'TREE_DOWN'],
    ['cắt tỉa cây', 'TREE_TRIM'],
    ['tiếng ồn', 'NOISE'],
    ['karaoke', 'NOISE'],
    ['vẽ bậy', 'Graffiti / Private'],
    ['chuột', 'RODENTS'],
    ['xe bỏ hoang', 'ABANDONED_VEHICLE'],
    ['vỉa hè', 'sidewalk-repair'],
    ['thùng rác đầy', 'LITTER_BASKET'],
  ],
  ar: [
    ['حفرة', 'POTHOLE'],
    ['الحفرة', 'POTHOLE'],
    ['عمود إنارة', 'STREETLIGHT'],
    ['انارة الشارع', 'STREETLIGHT'],
    ['إشارة المرور', 'TRAFFIC_SIGNAL'],
    ['لم يتم جمع القمامة', 'MISSED_TRASH'],
    ['أثاث قديم', 'BULK_PICKUP'],
    ['رمي النفايات', 'ILLEGAL_DUMPING'],
    ['شجرة ساقطة', 'TREE_DOWN'],
    ['تقليم الأشجار', 'TREE_TRIM'],
    ['ضجيج', 'NOISE'],
    ['كتابة على الجدران', 'Graffiti / Private'],
    ['فئران', 'RODENTS'],
    ['سيارة مهجورة', 'ABANDONED_VEHICLE'],
    ['رصيف', 'sidewalk-repair'],
    ['سلة المهملات', 'LITTER_BASKET'],
    ['دورة مياه', 'PARK_RESTROOM'],
  ],
  en: [
    ['streetlamp', 'STREETLIGHT'],
    ['lamppost', 'STREETLIGHT'],
    ['rubbish', 'MISSED_TRASH'],
    ['fly-tipping', 'ILLEGAL_DUMPING'],
    ['hole in the road', 'POTHOLE'],
    ['wheelie bin', 'CART_REPAIR'],
    ['bins not emptied', 'MISSED_TRASH'],
    ['rodent', 'RODENTS'],
  ],
};

/** Each language's sentence around a word ("There is a … in my street"). */
const SENTENCE: Record<string, (w: string) => string> = {
  es: (w) => `hay ${w} en mi calle desde ayer`,
  fr: (w) => `il y a ${w} devant chez moi depuis hier`,
  zh: (w) => `我家门口${w}已经三天了`,
  vi: (w) => `trước nhà tôi có ${w} từ hôm qua`,
  ar: (w) => `يوجد ${w} أمام منزلي منذ أمس`,
  en: (w) => `there is ${w} outside my house since yesterday`,
};

/** Words of everyday life, and services the demo city does not have (parking, power): nothing is offered. */
const UNRELATED: Record<string, string[]> = {
  es: ['cumpleaños', 'guitarra', 'chocolate caliente', 'estacionamiento', 'apagón', 'jeringas'],
  fr: ['chocolat', 'vacances', 'anniversaire', 'stationnement', 'panne de courant', 'seringues'],
  zh: ['咖啡', '电影', '生日快乐', '停车', '停电', '针头'],
  vi: ['cà phê', 'bóng đá', 'sinh nhật', 'đỗ xe', 'mất điện', 'kim tiêm'],
  ar: ['قهوة', 'كرة القدم', 'عيد ميلاد', 'موقف سيارات', 'انقطاع الكهرباء', 'إبر'],
  en: ['birthday', 'pizza', 'guitar', 'parking', 'power outage', 'needles'],
};

describe('lexicon: the demo city in every language', () => {
  for (const lang of Object.keys(COMMON)) {
    const index = createServiceIndex(services, {}, lexicon(lang));

    it(`${lang}: common words find the right category, first`, () => {
      for (const [word, code] of COMMON[lang]!) {
        expect(offered(index, word)[0], `${lang} "${word}"`).to.equal(code);
        expect(index.suggest(SENTENCE[lang]!(word))[0]?.item.service_code, `${lang} "${word}" in a sentence`).to.equal(
          code,
        );
      }
    });

    it(`${lang}: unrelated words, and what the city does not handle, find nothing`, () => {
      for (const word of UNRELATED[lang]!) {
        expect(offered(index, word), `${lang} "${word}"`).to.deep.equal([]);
        expect(index.suggest(SENTENCE[lang]!(word)), `${lang} "${word}" in a sentence`).to.deep.equal([]);
      }
    });
  }

  it('the words of the issue: no "No category matches", no Streetlight for "nid-de-poule", no Trash for "ổ gà"', () => {
    const only = (lang: string, word: string) =>
      expect(offered(createServiceIndex(services, {}, lexicon(lang)), word), `${lang} "${word}"`).to.deep.equal([
        'POTHOLE',
      ]);
    only('es', 'bache');
    only('fr', 'nid-de-poule');
    only('zh', '坑洞');
    only('vi', 'ổ gà');
    only('ar', 'حفرة');
  });

  it('while typing: the start of a word or phrase, in the lexicon’s language only', () => {
    const es = createServiceIndex(services, {}, lexicon('es'));
    expect(offered(es, 'bac')).to.deep.equal(['POTHOLE']);
    expect(offered(es, 'basura no rec')).to.deep.equal(['MISSED_TRASH']);
    // Each typed word must lead to the category: "calle" alone could be a dirty street, with "bache" it is not.
    expect(offered(es, 'bache cal')).to.deep.equal(['POTHOLE']);
    const fr = createServiceIndex(services, {}, lexicon('fr'));
    expect(offered(fr, 'nid de p')).to.deep.equal(['POTHOLE']);
    const vi = createServiceIndex(services, {}, lexicon('vi'));
    expect(offered(vi, 'ổ g')).to.deep.equal(['POTHOLE']);
    // A whole word is not the start of a longer phrase: "basura" is trash, not yet "basura tirada" (dumping).
    expect(offered(es, 'basura')).to.deep.equal(['MISSED_TRASH', 'LITTER_BASKET']);
  });

  it('a phrase says more than the words inside it', () => {
    const es = createServiceIndex(services, {}, lexicon('es'));
    // "árbol" alone: both tree services; "árbol caído": the fallen one.
    expect(offered(es, 'árbol')).to.have.members(['TREE_DOWN', 'TREE_TRIM']);
    expect(offered(es, 'árbol caído')).to.deep.equal(['TREE_DOWN']);
    // Chinese, without spaces: "红绿灯" (traffic light) holds "灯" (a light), and is no streetlight.
    const zh = createServiceIndex(services, {}, lexicon('zh'));
    expect(offered(zh, '红绿灯')).to.deep.equal(['TRAFFIC_SIGNAL']);
  });

  it('a sentence in the resident’s language is a description: no typo guessed against the English catalogue', () => {
    const fr = createServiceIndex(services, {}, lexicon('fr'));
    // Without the lexicon, "poule" would be read as a typo of the streetlight's "pole".
    expect(fr.search('il y a un nid de poule devant chez moi')).to.deep.equal([]);
    expect(fr.suggest('il y a un nid de poule devant chez moi').map((h) => h.item.service_code)).to.deep.equal([
      'POTHOLE',
    ]);
    const vi = createServiceIndex(services, {}, lexicon('vi'));
    expect(offered(vi, 'có ổ gà trên đường')).to.deep.equal(['POTHOLE']);
  });

  it('finds categories the city translated, in the resident’s words (the demo’s translations)', () => {
    for (const lang of ['es', 'fr', 'zh', 'vi', 'ar'] as const) {
      const words = translations[lang];
      const translated = services.map((s) => ({
        ...s,
        service_name: words[s.service_name] ?? s.service_name,
        description: words[s.description] ?? s.description,
        group: words[s.group] ?? s.group,
      }));
      const index = createServiceIndex(translated, {}, lexicon(lang));
      for (const [word, code] of COMMON[lang]!) expect(offered(index, word)[0], `${lang} "${word}"`).to.equal(code);
    }
  });

  it('highlights the category’s own word that the resident’s word stands for', () => {
    const hit = createServiceIndex(services, {}, lexicon('es')).search('bache')[0]!;
    expect(hit.highlights.map(([a, b]) => hit.item.service_name.slice(a, b))).to.deep.equal(['Pothole']);
  });
});

describe('lexicon: the files', () => {
  it('every language has words for every concept (English: its anchors, and words of its own)', () => {
    for (const [lang, file] of Object.entries(FILES)) {
      expect(Object.keys(file.words).sort(), lang).to.deep.equal([...CONCEPT_IDS].sort());
      for (const id of CONCEPT_IDS) expect(file.words[id].trim(), `${lang}.${id}`).not.to.equal('');
    }
    expect(CONCEPT_IDS.length).to.be.at.least(60);
  });

  it('anchors are one or two words (two words also find them written together)', () => {
    anchors().forEach((list, c) => {
      for (const a of list) expect(a.length, `${CONCEPT_IDS[c]}: ${a.join(' ')}`).to.be.within(1, 2);
    });
  });

  it('folds what residents type the same way with or without accents, tones and Arabic letter variants', () => {
    expect(fold('Ổ GÀ')).to.equal('o ga');
    expect(fold('Đèn đường')).to.equal('den duong');
    expect(fold('إنارة')).to.equal(fold('انارة'));
    expect(fold('حفرة')).to.equal('حفره');
    expect(fold('مستشفى')).to.equal('مستشفي');
    expect(fold('حفـــرة')).to.equal('حفره');
  });
});

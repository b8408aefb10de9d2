/**
 * The common concepts of 311 catalogues (issue #13), each with its English *anchors*: the words a city's server
 * uses for it in a service's name, keywords or description ("Pothole", "street light", "fly tipping"). A
 * resident's word in their own language (lexicon/xx.ts) names concepts; the anchors find that city's services.
 *
 * Anchors are one or two words ("street light" also finds "streetlight" and "Street Light Out"), and precise: an
 * anchor that also names a neighbouring problem makes every word of that concept, in six languages, suggest the
 * wrong category ("pavement" is a sidewalk in London and a road surface in Chicago: it is in neither). Places
 * (bus stop, bridge) are not concepts: a catalogue mentions them in many services' keywords.
 *
 * For English residents the anchors are words too (with the extra words of lexicon/en.ts), so "rubbish" finds a
 * city's "Missed Trash Pickup". Changing a concept's key means changing it in every language file (type-checked).
 */
export const CONCEPTS = {
  pothole: 'pothole|pot hole|hole',
  roadDamage: 'road damage|street damage|road repair|street repair|asphalt|road surface',
  sinkhole: 'sinkhole|cave in',
  sidewalk: 'sidewalk|footpath|walkway',
  curb: 'curb|kerb|curb ramp|wheelchair|accessibility',
  sweeping: 'street sweeping|sweeping|sweeper|street cleaning',
  debris: 'debris|broken glass|gravel',
  streetlight: 'streetlight|street light|streetlamp|street lamp|lamppost|lamp post|light pole',
  alleyLight: 'alley light|alley lighting',
  light: 'light|lamp|lighting',
  trafficSignal: 'traffic signal|traffic light|signal|stoplight|stop light|walk signal',
  sign: 'sign|street sign|road sign|signage',
  stopSign: 'stop sign',
  markings: 'crosswalk|lane lines|lane paint|road markings|markings|striping',
  trash: 'trash|garbage|refuse|rubbish',
  missedCollection: 'missed|missed pickup|missed collection|not collected',
  recycling: 'recycling|recyclables',
  yardWaste: 'yard waste|leaves|green waste|leaf collection',
  bulk: 'bulk|bulky|large item|furniture|mattress|couch|sofa',
  dumping: 'illegal dumping|dumping|dumped|fly tipping|flytipping',
  cart: 'cart|bin|wheelie bin|garbage can|trash cart|lid',
  publicBin: 'trash can|litter basket|litter bin|public trash|overflowing',
  litter: 'litter|littering',
  tree: 'tree',
  fallenTree: 'fallen tree|tree down|downed tree|fallen|fallen branch|storm damage',
  treeTrim: 'tree trimming|trimming|trim|prune|pruning',
  branch: 'branch|limb',
  park: 'park',
  playground: 'playground|swing|slide|play equipment',
  restroom: 'restroom|bathroom|toilet|washroom',
  bench: 'bench|picnic table',
  fountain: 'fountain|drinking fountain|water fountain',
  grass: 'grass|lawn|mowing|mow',
  weeds: 'weeds|weed|tall grass|vegetation|overgrown lot',
  noise: 'noise|loud|noisy',
  music: 'loud music|music|party',
  barking: 'barking|barking dog',
  constructionNoise: 'construction noise|construction',
  carAlarm: 'car alarm|alarm',
  graffiti: 'graffiti|tagging|spray paint',
  vandalism: 'vandalism|vandalized|vandalised',
  rats: 'rat|rodent|mice|mouse',
  pests: 'insect|cockroach|bed bugs|bee|wasp|hornet|mosquito',
  deadAnimal: 'dead animal|roadkill|carcass|dead bird',
  stray: 'stray|stray dog|loose dog|animal control',
  animal: 'animal|wildlife',
  dogWaste: 'dog waste|dog poop|pet waste|dog feces',
  abandonedVehicle: 'abandoned vehicle|abandoned car|junk car|derelict vehicle|abandoned auto',
  vehicle: 'vehicle|car|truck',
  parking: 'parking|illegally parked|parking violation|double parked|parking meter',
  driveway: 'blocked driveway|driveway',
  bike: 'bike lane|bicycle|bike|bike rack|cycle lane',
  waterLeak: 'water leak|leak|leaking|water main|broken pipe',
  hydrant: 'hydrant|fire hydrant',
  sewer: 'sewer|sewage|manhole',
  drain: 'storm drain|drain|catch basin|drainage|gutter',
  flooding: 'flooding|flood|flooded|standing water',
  waterQuality: 'water quality|discolored water|no water|water pressure',
  snow: 'snow|snow removal|plow|plowing|snowplow',
  ice: 'ice|icy',
  encampment: 'encampment|homeless|homelessness',
  needles: 'needle|syringe|sharps',
  odor: 'odor|odour|smell|stench',
  vacantBuilding: 'vacant building|abandoned building|abandoned house|vacant property|derelict building',
  unsafeBuilding: 'unsafe building|dangerous building|building code|unsafe structure',
  powerLine: 'power line|downed wire|downed wires|power lines|electrical wires',
  powerOutage: 'power outage|power out|blackout|outage',
  speeding: 'speeding|speed bump|speed hump|traffic calming',
  shoppingCart: 'shopping cart',
  posters: 'posters|flyers|illegal signs|handbills',
  hazardousWaste: 'hazardous waste|chemicals|motor oil|household hazardous',
  tires: 'tires|tyres|tire',
  appliance: 'appliance|refrigerator|fridge|washing machine',
} as const;

export type ConceptId = keyof typeof CONCEPTS;

/** A language's words for every concept: phrases separated by "|", as residents type them (accents or not). */
export interface LanguageWords {
  words: Record<ConceptId, string>;
  /** Little words left out of phrases and of what residents type ("de", "la"), "|"-separated. */
  skip: string;
}

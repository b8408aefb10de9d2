/**
 * The fictional "Demo City" that the mock Open311 GeoReport v2 server serves: its services, their service
 * definitions (the extra questions), and a handful of existing requests to look up.
 *
 * Everything here is plain data shaped exactly like GeoReport v2 JSON, so the handlers can send it as is and the
 * tests can validate it against the official schemas.
 */

export const JURISDICTION_ID = 'demo.city';
export const CITY_NAME = 'Demo City';
export const CITY_CENTRE = { lat: 41.5, long: -90.5 } as const;

/**
 * Demo City keeps Central Daylight Time all year. Dates go out with this fixed offset rather than `Z`, as most
 * real servers send local time, so clients meet offsets in the demo too.
 */
export const CITY_UTC_OFFSET_MINUTES = -5 * 60;

// ---------------------------------------------------------------------------------------------------------------
// GeoReport v2 document shapes (JSON format)

export type Open311Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface Open311AttributeValue {
  key: string;
  name: string;
}

export interface Open311Attribute {
  /** false: an informational note shown to the user, not a question. */
  variable: boolean;
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  /** Only for singlevaluelist and multivaluelist. */
  values?: Open311AttributeValue[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

export interface Open311ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// The catalogue

/** A service plus what the city's back office knows about it, which the server uses when requests come in. */
export interface CatalogueEntry {
  service: Open311Service;
  agency: string;
  /** The service_notice returned when a request is filed. */
  notice: string;
  /** How long the work usually takes; sets expected_datetime. */
  expectedDays: number;
  /** Present exactly when service.metadata is true. */
  definition?: Open311ServiceDefinition;
}

interface EntrySpec {
  code: string;
  name: string;
  description: string;
  keywords: string;
  notice: string;
  expectedDays: number;
  agency?: string;
  attributes?: Open311Attribute[];
}

/** Builds one group's entries; `metadata` follows from whether a service asks extra questions, so they agree. */
function group(groupName: string, agency: string, specs: EntrySpec[]): CatalogueEntry[] {
  return specs.map((spec) => ({
    service: {
      service_code: spec.code,
      service_name: spec.name,
      description: spec.description,
      metadata: spec.attributes !== undefined,
      type: 'realtime',
      keywords: spec.keywords,
      group: groupName,
    },
    agency: spec.agency ?? agency,
    notice: spec.notice,
    expectedDays: spec.expectedDays,
    ...(spec.attributes && { definition: { service_code: spec.code, attributes: spec.attributes } }),
  }));
}

interface QuestionSpec {
  order: number;
  code: string;
  datatype: Open311Datatype;
  description: string;
  required?: boolean;
  hint?: string;
  /** [key, name] pairs for the list datatypes. */
  values?: Array<[key: string, name: string]>;
}

function question(spec: QuestionSpec): Open311Attribute {
  const { order, code, datatype, description, required = false, hint, values } = spec;
  return {
    variable: true,
    code,
    datatype,
    required,
    datatype_description: hint ?? null,
    order,
    description,
    ...(values && { values: values.map(([key, name]) => ({ key, name })) }),
  };
}

/** An informational attribute (variable: false): text shown with the form, never answered. */
function note(order: number, code: string, description: string): Open311Attribute {
  return { variable: false, code, datatype: 'text', required: false, datatype_description: null, order, description };
}

const YES_NO: Array<[string, string]> = [
  ['yes', 'Yes'],
  ['no', 'No'],
];

/** The whole catalogue, with the back-office details; see `services` for what services.json lists. */
export const catalogueEntries: readonly CatalogueEntry[] = [
  ...group('Streets & Sidewalks', 'Department of Public Works – Street Maintenance', [
    {
      code: 'POTHOLE',
      name: 'Pothole',
      description: 'A hole or sunken patch in the pavement of a street or alley.',
      keywords: 'pothole, hole, road, pavement, asphalt, street damage',
      notice: 'Pothole reports are usually inspected within 3 business days.',
      expectedDays: 3,
      attributes: [
        note(
          1,
          'POTHOLE_NOTE',
          'Please report one pothole per request. If a pothole damaged your vehicle, you can file a claim with the City Clerk’s office.',
        ),
        question({
          order: 2,
          code: 'SIZE',
          datatype: 'singlevaluelist',
          required: true,
          description: 'About how big is the pothole?',
          hint: 'Compare it with something familiar if you can’t measure it.',
          values: [
            ['small', 'Smaller than a dinner plate'],
            ['medium', 'About the size of a car tire'],
            ['large', 'Larger than a car tire'],
          ],
        }),
        question({
          order: 3,
          code: 'HAZARDS',
          datatype: 'multivaluelist',
          description: 'Is the pothole in any of these places? Choose all that apply.',
          values: [
            ['bike_lane', 'In a bike lane'],
            ['crosswalk', 'In or next to a crosswalk'],
            ['school', 'Near a school'],
            ['traffic_lane', 'In a busy traffic lane'],
          ],
        }),
      ],
    },
    {
      code: 'sidewalk-repair',
      name: 'Damaged Sidewalk',
      description: 'A sidewalk that is cracked, raised, sunken, or missing a section.',
      keywords: 'sidewalk, trip hazard, crack, uneven, concrete, walkway',
      notice: 'An inspector will rate the damage within 10 business days. Repairs are scheduled by severity.',
      expectedDays: 10,
      attributes: [
        question({
          order: 1,
          code: 'DAMAGE',
          datatype: 'singlevaluelist',
          required: true,
          description: 'What is wrong with the sidewalk?',
          values: [
            ['raised', 'Raised or uneven slab'],
            ['cracked', 'Cracked or broken'],
            ['missing', 'Missing section'],
            ['roots', 'Lifted by tree roots'],
          ],
        }),
        question({
          order: 2,
          code: 'LENGTH_FT',
          datatype: 'number',
          description: 'About how many feet of sidewalk are damaged?',
          hint: 'A number of feet, for example 12.',
        }),
      ],
    },
    {
      code: 'ABANDONED_VEHICLE',
      name: 'Abandoned Vehicle',
      description: 'A vehicle left parked on a public street for more than 72 hours, or one that cannot be driven.',
      keywords: 'abandoned, car, vehicle, truck, parked, junk car',
      agency: 'Police Department – Parking Enforcement',
      notice:
        'An officer will tag the vehicle within 5 business days. Vehicles not moved within 72 hours after tagging may be towed.',
      expectedDays: 5,
      attributes: [
        question({
          order: 1,
          code: 'MAKE',
          datatype: 'string',
          required: true,
          description: 'What is the make and model of the vehicle?',
          hint: 'For example: Ford Focus',
        }),
        question({ order: 2, code: 'COLOR', datatype: 'string', description: 'What color is it?' }),
        question({
          order: 3,
          code: 'PLATE',
          datatype: 'string',
          description: 'License plate number, if you can see it',
          hint: 'For example: ABC 1234',
        }),
        question({
          order: 4,
          code: 'FIRST_SEEN',
          datatype: 'datetime',
          required: true,
          description: 'When did you first notice the vehicle parked there?',
          hint: 'An approximate date and time is fine.',
        }),
      ],
    },
    {
      code: 'CURB_RAMP',
      name: 'Curb or Curb Ramp Problem',
      description:
        'A broken curb, or a curb ramp that is damaged, blocked, or missing where a sidewalk meets the street.',
      keywords: 'curb, ramp, wheelchair, accessibility, ADA, corner',
      notice: 'Curb ramp problems are inspected within 10 business days.',
      expectedDays: 10,
    },
    {
      code: 'STREET_SWEEPING',
      name: 'Street Sweeping Needed',
      description: 'Dirt, gravel, leaves, or broken glass built up along a street.',
      keywords: 'sweeping, sweeper, debris, gravel, glass, leaves, dirty street',
      notice: 'Your street will be added to the next sweeping route, usually within 2 weeks.',
      expectedDays: 14,
    },
  ]),

  ...group('Lights & Signals', 'Department of Public Works – Electrical Division', [
    {
      code: 'STREETLIGHT',
      name: 'Streetlight Out',
      description: 'A streetlight that is out, flickering, on during the day, or damaged.',
      keywords: 'streetlight, street light, lamp, dark, light out, pole',
      notice: 'Streetlight repairs are usually completed within 7 business days.',
      expectedDays: 7,
      // Listed out of order on purpose: clients must sort by `order`, not trust the array.
      attributes: [
        question({
          order: 2,
          code: 'PROBLEM',
          datatype: 'singlevaluelist',
          description: 'What is the problem?',
          values: [
            ['out', 'Light is out'],
            ['day', 'Light stays on during the day'],
            ['flicker', 'Light flickers or cycles on and off'],
            ['pole', 'Pole is damaged or leaning'],
            ['wires', 'Wires are exposed'],
          ],
        }),
        question({
          order: 1,
          code: 'POLE_NUMBER',
          datatype: 'string',
          required: true,
          description: 'What is the pole number?',
          hint: 'Look for a metal tag about 5 feet up the pole, such as DC-04127. Write “unknown” if there is no tag.',
        }),
      ],
    },
    {
      code: 'TRAFFIC_SIGNAL',
      name: 'Traffic Signal Problem',
      description: 'A traffic or pedestrian signal that is dark, stuck, damaged, or pointing the wrong way.',
      keywords: 'traffic light, signal, stoplight, red light, walk signal, intersection',
      agency: 'Department of Transportation – Signal Shop',
      notice: 'Signal problems are checked the same day during business hours.',
      expectedDays: 1,
      attributes: [
        note(
          1,
          'SIGNAL_NOTE',
          'If a signal is completely dark or stuck, or if there has been a crash, call 911 instead of using this form.',
        ),
        question({
          order: 2,
          code: 'ISSUE',
          datatype: 'singlevaluelist',
          required: true,
          description: 'What is wrong with the signal?',
          values: [
            ['dark', 'Signal is dark'],
            ['stuck', 'Stuck on one color'],
            ['bulb', 'One light is out'],
            ['damaged', 'Signal is damaged or turned the wrong way'],
            ['ped', 'Walk signal or push button not working'],
          ],
        }),
        question({
          order: 3,
          code: 'DIRECTION',
          datatype: 'singlevaluelist',
          description: 'Which direction of travel is affected?',
          values: [
            ['northbound', 'Northbound'],
            ['southbound', 'Southbound'],
            ['eastbound', 'Eastbound'],
            ['westbound', 'Westbound'],
            ['all', 'All directions'],
          ],
        }),
      ],
    },
    {
      code: 'SIGN_DAMAGED',
      name: 'Damaged or Missing Street Sign',
      description: 'A stop sign, street name sign, or other traffic sign that is missing, bent, faded, or blocked.',
      keywords: 'sign, stop sign, street sign, knocked down, missing sign, yield',
      agency: 'Department of Transportation – Sign Shop',
      notice: 'Missing stop signs are replaced the same day. Other signs are repaired within 10 business days.',
      expectedDays: 10,
    },
    {
      code: '042',
      name: 'Faded Crosswalk or Lane Paint',
      description: 'Crosswalk stripes, stop bars, or lane lines that are worn away and hard to see.',
      keywords: 'crosswalk, paint, striping, lane lines, faded, markings',
      agency: 'Department of Transportation – Sign Shop',
      notice: 'Street painting is done between April and October. Your request will be added to this season’s list.',
      expectedDays: 60,
    },
    {
      code: 'ALLEY_LIGHT',
      name: 'Alley Light Out',
      description: 'A light in a public alley that is out or stays on during the day.',
      keywords: 'alley, light, dark alley, lamp',
      notice: 'Alley light repairs are usually completed within 10 business days.',
      expectedDays: 10,
    },
  ]),

  ...group('Trash & Recycling', 'Department of Sanitation', [
    {
      code: 'MISSED_TRASH',
      name: 'Missed Trash Pickup',
      description: 'Your trash, recycling, or yard waste was not collected on your scheduled day.',
      keywords: 'missed pickup, garbage, trash, recycling, yard waste, collection',
      notice: 'Missed collections reported by 3 p.m. are usually picked up the next business day.',
      expectedDays: 1,
      attributes: [
        question({
          order: 1,
          code: 'MISSED',
          datatype: 'multivaluelist',
          required: true,
          description: 'What was missed? Choose all that apply.',
          values: [
            ['trash', 'Trash'],
            ['recycling', 'Recycling'],
            ['yard', 'Yard waste'],
            ['bulk', 'Scheduled bulk item'],
          ],
        }),
        question({
          order: 2,
          code: 'AT_CURB',
          datatype: 'singlevaluelist',
          required: true,
          description: 'Was your cart at the curb by 6 a.m. on collection day?',
          values: YES_NO,
        }),
      ],
    },
    {
      code: 'BULK_PICKUP',
      name: 'Bulk Item Pickup',
      description: 'Schedule a pickup of furniture, appliances, or other large household items.',
      keywords: 'bulk, furniture, couch, sofa, mattress, appliance, large item',
      notice: 'Bulk pickups are scheduled within 10 business days. We will email you the date.',
      expectedDays: 10,
      attributes: [
        note(
          1,
          'BULK_RULES',
          'Up to five large items per pickup. Mattresses must be wrapped in plastic. We cannot take tires, paint, or hazardous waste.',
        ),
        question({
          order: 2,
          code: 'ITEMS',
          datatype: 'text',
          required: true,
          description: 'List the items you will put out.',
          hint: 'One item per line, for example: sofa, mattress, washing machine.',
        }),
        question({
          order: 3,
          code: 'ITEM_COUNT',
          datatype: 'number',
          required: true,
          description: 'How many items in total?',
          hint: 'A whole number from 1 to 5.',
        }),
      ],
    },
    {
      code: 'ILLEGAL_DUMPING',
      name: 'Illegal Dumping',
      description: 'Trash, furniture, tires, or construction debris dumped on public property or a vacant lot.',
      keywords: 'dumping, fly tipping, debris, tires, junk, vacant lot',
      notice: 'Dumped material on public property is usually removed within 5 business days.',
      expectedDays: 5,
    },
    {
      code: 'CART_REPAIR',
      name: 'Damaged or Missing Cart',
      description: 'Your city trash or recycling cart is broken, stolen, or needs a new lid or wheels.',
      keywords: 'cart, bin, container, lid, wheels, stolen, replacement',
      notice: 'Cart repairs and replacements are delivered within 7 business days.',
      expectedDays: 7,
    },
    {
      code: 'LITTER_BASKET',
      name: 'Overflowing Public Trash Can',
      description: 'A trash can on a sidewalk, at a bus stop, or in a business district that is full or overflowing.',
      keywords: 'litter, trash can, basket, overflowing, bus stop',
      notice: 'Public trash cans are emptied within 2 business days of a report.',
      expectedDays: 2,
    },
  ]),

  ...group('Parks & Trees', 'Parks & Recreation Department', [
    {
      code: 'TREE_DOWN',
      name: 'Fallen Tree or Limb',
      description: 'A tree or large branch that has fallen on a street, sidewalk, or park path.',
      keywords: 'tree, branch, limb, fallen, storm damage, blocked',
      agency: 'Parks & Recreation – Forestry Division',
      notice: 'Trees blocking a street are cleared within 24 hours. Others are removed within 5 business days.',
      expectedDays: 2,
      attributes: [
        question({
          order: 1,
          code: 'SIZE',
          datatype: 'singlevaluelist',
          required: true,
          description: 'How big is the fallen tree or branch?',
          values: [
            ['small', 'Thinner than your arm'],
            ['medium', 'About as thick as your leg'],
            ['large', 'A whole tree or a very large limb'],
          ],
        }),
        question({
          order: 2,
          code: 'BLOCKING',
          datatype: 'multivaluelist',
          description: 'Is it blocking anything? Choose all that apply.',
          hint: 'If it is touching power lines, stay at least 30 feet away and call Demo City Power & Light at (555) 010-2000.',
          values: [
            ['street', 'The street'],
            ['sidewalk', 'The sidewalk'],
            ['wires', 'Power lines'],
            ['property', 'A car or building'],
          ],
        }),
      ],
    },
    {
      // A 24-hex-digit code, as some back-office systems use.
      code: '5f2b9c1e8a4d3b0012c7e9a1',
      name: 'Park Maintenance',
      description: 'Litter, broken benches, fountains, lights, or mowing in a city park.',
      keywords: 'park, bench, picnic table, fountain, mowing, litter',
      notice: 'Park maintenance requests are reviewed within 5 business days.',
      expectedDays: 5,
      attributes: [
        question({
          order: 1,
          code: 'PARK',
          datatype: 'singlevaluelist',
          required: true,
          description: 'Which park?',
          values: [
            ['riverside', 'Riverside Park'],
            ['millbrook', 'Millbrook Commons'],
            ['heritage', 'Heritage Square'],
            ['lakeview', 'Lakeview Playground'],
            ['other', 'Another park (please describe below)'],
          ],
        }),
        question({
          order: 2,
          code: 'ISSUE',
          datatype: 'singlevaluelist',
          required: true,
          description: 'What needs attention?',
          values: [
            ['litter', 'Litter or full trash cans'],
            ['mowing', 'Grass needs mowing'],
            ['lights', 'Park lights out'],
            ['bench', 'Broken bench or picnic table'],
            ['fountain', 'Drinking fountain not working'],
          ],
        }),
      ],
    },
    {
      code: 'TREE_TRIM',
      name: 'Tree Trimming Request',
      description:
        'A city tree whose branches block a sidewalk, street sign, or streetlight, or hang low over the street.',
      keywords: 'tree, trim, prune, branches, overgrown, low branches',
      agency: 'Parks & Recreation – Forestry Division',
      notice: 'A forester will inspect the tree within 30 days. Trimming is scheduled by priority.',
      expectedDays: 30,
    },
    {
      code: 'PLAYGROUND',
      name: 'Broken Playground Equipment',
      description: 'A swing, slide, climber, or surface in a city playground that is broken or unsafe.',
      keywords: 'playground, swing, slide, equipment, unsafe, children',
      notice: 'Unsafe equipment is closed off within 1 business day and repaired as soon as parts arrive.',
      expectedDays: 3,
    },
    {
      code: 'PARK_RESTROOM',
      name: 'Park Restroom Problem',
      description: 'A park restroom that is dirty, locked during open hours, out of supplies, or damaged.',
      keywords: 'restroom, bathroom, toilet, park, locked, dirty',
      notice: 'Restroom problems are usually handled within 2 business days.',
      expectedDays: 2,
    },
  ]),

  ...group('Noise & Nuisance', 'Code Enforcement Division', [
    {
      code: 'NOISE',
      name: 'Noise Complaint',
      description: 'Loud music, construction outside permitted hours, barking dogs, or other ongoing noise.',
      keywords: 'noise, loud, music, party, construction, barking, dog',
      notice:
        'Noise complaints are reviewed the next business day. For noise happening now, call the non-emergency police line at (555) 010-3100.',
      expectedDays: 2,
      attributes: [
        question({
          order: 1,
          code: 'SOURCE',
          datatype: 'singlevaluelist',
          required: true,
          description: 'What is making the noise?',
          values: [
            ['music', 'Loud music or a party'],
            ['construction', 'Construction outside permitted hours'],
            ['barking', 'Barking dog'],
            ['vehicle', 'Vehicle or car alarm'],
            ['business', 'A business or its equipment'],
          ],
        }),
        question({
          order: 2,
          code: 'STARTED',
          datatype: 'datetime',
          required: true,
          description: 'When did the noise start?',
          hint: 'Date and time, for example June 1 at 10:30 p.m.',
        }),
        question({
          order: 3,
          code: 'FREQUENCY',
          datatype: 'singlevaluelist',
          description: 'How often does this happen?',
          values: [
            ['once', 'This is the first time'],
            ['weekly', 'About once a week'],
            ['daily', 'Most days'],
          ],
        }),
      ],
    },
    {
      // A code with a space and a slash: clients must URL-encode it in paths.
      code: 'Graffiti / Private',
      name: 'Graffiti on Private Property',
      description: 'Graffiti on a home, business, fence, or garage that the owner wants removed.',
      keywords: 'graffiti, tagging, vandalism, spray paint, private property',
      agency: 'Code Enforcement – Graffiti Removal',
      notice:
        'With the owner’s permission, city crews remove graffiti from private property for free, usually within 10 business days.',
      expectedDays: 10,
      attributes: [
        note(
          1,
          'CONSENT_NOTE',
          'The property owner must sign a consent form before crews can remove graffiti. We will contact the owner for you.',
        ),
        question({
          order: 2,
          code: 'SURFACE',
          datatype: 'singlevaluelist',
          required: true,
          description: 'What is the graffiti on?',
          values: [
            ['wall', 'Building wall'],
            ['fence', 'Fence'],
            ['garage', 'Garage door'],
            ['other', 'Something else'],
          ],
        }),
        question({
          order: 3,
          code: 'OFFENSIVE',
          datatype: 'singlevaluelist',
          required: true,
          description: 'Is the graffiti offensive or gang-related?',
          hint: 'Offensive graffiti is removed first.',
          values: YES_NO,
        }),
        question({
          order: 4,
          code: 'AREA_SQFT',
          datatype: 'number',
          description: 'About how large is it, in square feet?',
          hint: 'A number, for example 20.',
        }),
        question({ order: 5, code: 'OWNER', datatype: 'string', description: 'Property owner’s name, if you know it' }),
      ],
    },
    {
      code: 'GRAFFITI_PUBLIC',
      name: 'Graffiti on Public Property',
      description: 'Graffiti on a city building, bridge, bus shelter, sign, or other public property.',
      keywords: 'graffiti, tagging, vandalism, bridge, bus shelter, public',
      agency: 'Code Enforcement – Graffiti Removal',
      notice: 'Graffiti on public property is removed within 5 business days; offensive graffiti within 1 day.',
      expectedDays: 5,
    },
    {
      code: 'WEEDS',
      name: 'Overgrown Grass or Weeds',
      description: 'Grass or weeds taller than 8 inches on a private lot or vacant property.',
      keywords: 'weeds, tall grass, overgrown, vacant lot, yard',
      notice: 'An inspector will visit within 7 business days and notify the owner if the property violates city code.',
      expectedDays: 7,
    },
    {
      code: 'RODENTS',
      name: 'Rats or Other Rodents',
      description: 'Rats seen outdoors, burrows, or conditions that attract rodents such as open garbage.',
      keywords: 'rats, mice, rodents, burrows, pests, baiting',
      agency: 'Health Department – Environmental Health',
      notice: 'An inspector will visit within 5 business days and may bait the area.',
      expectedDays: 5,
    },
  ]),
];

/** services.json */
export const services: readonly Open311Service[] = catalogueEntries.map((entry) => entry.service);

/** services/{code}.json for every service with metadata: true, keyed by service_code. */
export const serviceDefinitions: Readonly<Record<string, Open311ServiceDefinition>> = Object.fromEntries(
  catalogueEntries.flatMap((entry) => (entry.definition ? [[entry.service.service_code, entry.definition]] : [])),
);

export function findCatalogueEntry(serviceCode: string): CatalogueEntry | undefined {
  return catalogueEntries.find((entry) => entry.service.service_code === serviceCode);
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 with the city's UTC offset, e.g. 2024-06-01T14:30:00-05:00. */
export function formatCityDateTime(date: Date, offsetMinutes = CITY_UTC_OFFSET_MINUTES): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offsetMinutes);
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests that already exist when the demo starts

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface SeedSpec {
  id: string;
  code: string;
  status: 'open' | 'closed';
  notes: string;
  description: string | null;
  address: string | null;
  addressId?: string;
  zipcode: string | null;
  /** Offsets from the city centre, in degrees; null when the request was filed by address only. */
  at: [dLat: number, dLong: number] | null;
  /** Ages relative to now, in milliseconds: how long ago it was filed and last updated; expected is from now. */
  requestedAgo: number;
  updatedAgo: number | null;
  expectedIn: number | null;
  photo: boolean;
}

const seeds: readonly SeedSpec[] = [
  {
    id: '101',
    code: 'POTHOLE',
    status: 'open',
    notes: 'Received. An inspector will look at it within 3 business days.',
    description: 'Deep pothole in the eastbound lane, right before the bus stop. Cars are swerving around it.',
    address: '1420 Maple Ridge Ave, Demo City',
    zipcode: '55501',
    at: [0.0041, 0.0032],
    requestedAgo: 2 * HOUR,
    updatedAgo: null,
    expectedIn: 3 * DAY - 2 * HOUR,
    photo: true,
  },
  {
    id: '102',
    code: 'STREETLIGHT',
    status: 'closed',
    notes: 'Fixed. The lamp and the light sensor were replaced.',
    description: 'Streetlight in front of the library has been out for a week. Pole DC-04127.',
    address: '310 Founders Way, Demo City',
    zipcode: '55501',
    at: [-0.0012, -0.0021],
    requestedAgo: 6 * DAY,
    updatedAgo: 2 * DAY,
    expectedIn: -1 * DAY,
    photo: false,
  },
  {
    id: '103',
    code: 'MISSED_TRASH',
    status: 'closed',
    notes: 'Collected the next business day.',
    description: 'Recycling cart was at the curb by 6 but was skipped. Neighbors were picked up.',
    address: '87 Larkspur Ln, Demo City',
    zipcode: '55503',
    at: [0.0113, -0.0087],
    requestedAgo: 3 * DAY,
    updatedAgo: 2 * DAY,
    expectedIn: -2 * DAY,
    photo: false,
  },
  {
    // Open and past its expected date: clients should be able to show it as overdue.
    id: '104',
    code: 'Graffiti / Private',
    status: 'open',
    notes: 'Waiting for the property owner to sign the consent form.',
    description: 'Spray-painted tags across the side wall of the corner store, facing the parking lot.',
    address: '2255 Harbor View Dr, Demo City',
    zipcode: '55502',
    at: [-0.0068, 0.0119],
    requestedAgo: 12 * DAY,
    updatedAgo: 8 * DAY,
    expectedIn: -2 * DAY,
    photo: true,
  },
  {
    id: '105',
    code: 'TREE_DOWN',
    status: 'closed',
    notes: 'A crew removed the limb and cleared the sidewalk.',
    description: 'Large branch came down in last night’s storm and is blocking the whole sidewalk.',
    address: 'Cedar Hollow Rd & Old Mill Rd, Demo City',
    zipcode: '55503',
    at: [0.0152, 0.0064],
    requestedAgo: 20 * DAY,
    updatedAgo: 19 * DAY,
    expectedIn: -18 * DAY,
    photo: true,
  },
  {
    // Filed by address only, as phone-line operators do: no coordinates.
    id: '106',
    code: 'NOISE',
    status: 'closed',
    notes: 'An officer visited and spoke with the residents. No further action is needed.',
    description: null,
    address: '800 block of Quarry St, Demo City',
    zipcode: '55502',
    at: null,
    requestedAgo: 9 * DAY,
    updatedAgo: 8 * DAY,
    expectedIn: -7 * DAY,
    photo: false,
  },
  {
    id: '107',
    code: 'sidewalk-repair',
    status: 'open',
    notes: 'Inspected and added to the summer sidewalk repair program.',
    description: 'Sidewalk slab lifted about 2 inches by tree roots. Someone tripped here last week.',
    address: '46 Willowbend Ct, Demo City',
    addressId: 'DC-ADDR-0046-WBC',
    zipcode: '55501',
    at: [-0.0097, -0.0143],
    requestedAgo: 30 * DAY,
    updatedAgo: 10 * DAY,
    expectedIn: 30 * DAY,
    photo: false,
  },
  {
    id: '108',
    code: 'TRAFFIC_SIGNAL',
    status: 'open',
    notes: 'A signal technician is scheduled to visit today.',
    description: 'The left-turn arrow for southbound traffic never turns green.',
    address: 'Juniper St & Bluff Rd, Demo City',
    zipcode: '55502',
    at: [0.0024, -0.0104],
    requestedAgo: 1 * DAY,
    updatedAgo: 20 * HOUR,
    expectedIn: 6 * HOUR,
    photo: false,
  },
  {
    id: '109',
    code: 'ABANDONED_VEHICLE',
    status: 'open',
    notes: 'Vehicle tagged. It may be towed if it is not moved within 72 hours.',
    description: 'Silver sedan with two flat tires, parked in the same spot for about three weeks.',
    address: '1517 Maple Ridge Ave, Demo City',
    zipcode: '55501',
    at: [0.0047, 0.0051],
    requestedAgo: 4 * DAY,
    updatedAgo: 3 * DAY,
    expectedIn: 1 * DAY,
    photo: true,
  },
  {
    id: '110',
    code: '5f2b9c1e8a4d3b0012c7e9a1',
    status: 'closed',
    notes: 'Fixed. A broken valve in the drinking fountain was replaced.',
    description: 'The drinking fountain near the tennis courts in Riverside Park doesn’t work.',
    address: 'Riverside Park, 100 River Rd, Demo City',
    zipcode: '55503',
    at: [-0.0151, 0.0087],
    requestedAgo: 45 * DAY,
    updatedAgo: 41 * DAY,
    expectedIn: -40 * DAY,
    photo: false,
  },
];

/** Round to 6 decimals (about 10 cm), as servers do, so coordinates print cleanly. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The seeded requests as GeoReport v2 documents, dated relative to `now`.
 * `mediaBaseUrl` is an absolute URL under which `{id}.svg` photos are served (see the handlers).
 */
export function seededRequests(now: Date, mediaBaseUrl: string): Open311ServiceRequest[] {
  const at = (offsetMs: number) => formatCityDateTime(new Date(now.getTime() + offsetMs));
  return seeds.map((seed) => {
    const entry = findCatalogueEntry(seed.code);
    return {
      service_request_id: seed.id,
      status: seed.status,
      status_notes: seed.notes,
      service_name: entry?.service.service_name ?? null,
      service_code: seed.code,
      description: seed.description,
      agency_responsible: entry?.agency ?? null,
      service_notice: entry?.notice ?? null,
      requested_datetime: at(-seed.requestedAgo),
      updated_datetime: seed.updatedAgo === null ? null : at(-seed.updatedAgo),
      expected_datetime: seed.expectedIn === null ? null : at(seed.expectedIn),
      address: seed.address,
      address_id: seed.addressId ?? null,
      zipcode: seed.zipcode,
      lat: seed.at ? round6(CITY_CENTRE.lat + seed.at[0]) : null,
      long: seed.at ? round6(CITY_CENTRE.long + seed.at[1]) : null,
      media_url: seed.photo ? `${mediaBaseUrl.replace(/\/+$/, '')}/${seed.id}.svg` : null,
    };
  });
}

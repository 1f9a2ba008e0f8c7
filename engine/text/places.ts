/**
 * Place names a customer asks about when asking where a shop ships: the world's countries and
 * regions, with the other names people use for them ("the UK", "Holland"), and the states and
 * provinces of the countries whose customers name one ("I'm in Texas", "do you ship to
 * Ontario?"). A shop lists where it goes ("We ship to Canada, the UK and Ireland", "the lower 48
 * states", "We do not ship outside the United States"); the place asked about is mostly one it
 * does not name, and the answer is that list or that rule. Lower case, as tokenize() reads them.
 */

/** "a|b/c|d" → [["a"], ["b", "c"], ["d"]]: places, each with its other names after a slash. */
const places = (names: string) => names.split('|').map((p) => p.split('/'));

/** Countries and regions, each with its other names. */
export const COUNTRIES: readonly (readonly string[])[] = places(
  'afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|bahamas|' +
    'bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bermuda|bhutan|bolivia|bosnia|botswana|brazil|' +
    'brunei|bulgaria|burkina faso|burundi|cambodia|cameroon|canada|cape verde|chile|china|colombia|' +
    'costa rica|croatia|cuba|cyprus|czechia/czech republic|denmark|djibouti|dominican republic|ecuador|' +
    'egypt|el salvador|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|germany|ghana|greece|' +
    'greenland|grenada|guatemala|guyana|haiti|honduras|hong kong|hungary|iceland|india|indonesia|iran|iraq|' +
    'ireland|israel|italy|ivory coast|jamaica|japan|kazakhstan|kenya|south korea/korea|kosovo|kuwait|' +
    'kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|macau|' +
    'madagascar|malawi|malaysia|maldives|malta|mauritius|mexico|moldova|monaco|mongolia|montenegro|morocco|' +
    'mozambique|myanmar|namibia|nepal|netherlands/holland|new zealand|nicaragua|nigeria|north macedonia|' +
    'norway|oman|pakistan|panama|papua new guinea|paraguay|peru|philippines|poland|portugal|puerto rico|' +
    'qatar|romania|russia|rwanda|saudi arabia|senegal|serbia|singapore|slovakia|slovenia|somalia|' +
    'south africa|spain|sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|' +
    'thailand|trinidad|tunisia|turkmenistan|uganda|ukraine|united arab emirates/uae|' +
    'united kingdom/uk/great britain/britain|united states/usa/america|uruguay|uzbekistan|venezuela|' +
    'vietnam|yemen|zambia|zimbabwe|' +
    'europe/eu|asia|africa|south america|latin america|central america|caribbean|middle east|' +
    'scandinavia|oceania',
);

/**
 * A country's states or provinces, and the words its shops write for the country as a whole
 * ("we ship to all 50 states", "anywhere in Canada"), in the order they are tried.
 */
export const SUBDIVISIONS: readonly { names: readonly string[]; country: readonly string[] }[] = [
  {
    names: (
      'alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|' +
      'idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|' +
      'minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|' +
      'new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|' +
      'south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington state|west virginia|' +
      'wisconsin|wyoming|district of columbia|washington dc'
    ).split('|'),
    country: ['states', 'united states', 'usa', 'nationwide'],
  },
  {
    names: (
      'alberta|british columbia|manitoba|new brunswick|newfoundland|nova scotia|ontario|quebec|' +
      'saskatchewan|prince edward island|yukon|nunavut'
    ).split('|'),
    country: ['provinces', 'canada', 'nationwide'],
  },
  {
    names: 'new south wales|queensland|victoria|tasmania|western australia|south australia'.split('|'),
    country: ['states', 'australia', 'nationwide'],
  },
  {
    names: 'england|scotland|wales|northern ireland'.split('|'),
    country: ['united kingdom', 'uk', 'great britain', 'britain', 'nationwide'],
  },
];

/** What shops write for places abroad, in the order they are tried. */
export const ABROAD = ['international', 'internationally', 'worldwide', 'overseas', 'abroad', 'countries', 'country'];

/**
 * Cities customers name for where they are ("can you ship to my sister in honolulu", "postage to
 * Manchester?"), each with the state, province or country it lies in (a name above). Only large
 * cities whose name means one place and is seldom a person's or a word: no Portland, Cambridge,
 * Austin, Charlotte or Nice.
 */
export const CITIES: readonly { names: readonly string[]; within: string }[] = [
  ...cities('alabama', 'huntsville'),
  ...cities('alaska', 'anchorage|fairbanks|juneau'),
  ...cities('arizona', 'tucson|scottsdale|tempe|flagstaff'),
  ...cities('arkansas', 'little rock'),
  ...cities('california', 'los angeles/la|san francisco/sf|san diego|san jose|sacramento|oakland|fresno|long beach'),
  ...cities('colorado', 'denver|boulder|colorado springs'),
  ...cities('connecticut', 'hartford|new haven'),
  ...cities('district of columbia', 'washington dc/dc'),
  ...cities('florida', 'miami|tampa|jacksonville|tallahassee|fort lauderdale'),
  ...cities('georgia', 'atlanta'),
  ...cities('hawaii', 'honolulu|maui|oahu|kauai|big island'),
  ...cities('illinois', 'chicago'),
  ...cities('indiana', 'indianapolis'),
  ...cities('louisiana', 'new orleans|baton rouge'),
  ...cities('massachusetts', 'boston|worcester'),
  ...cities('maryland', 'baltimore'),
  ...cities('michigan', 'detroit|grand rapids|ann arbor'),
  ...cities('minnesota', 'minneapolis|saint paul/st paul|duluth'),
  ...cities('missouri', 'st louis/saint louis|kansas city'),
  ...cities('nevada', 'las vegas|reno'),
  ...cities('new mexico', 'albuquerque|santa fe'),
  ...cities('new york', 'new york city/nyc|brooklyn|manhattan|buffalo|rochester ny'),
  ...cities('north carolina', 'raleigh|asheville'),
  ...cities('ohio', 'cleveland|cincinnati|columbus ohio'),
  ...cities('oklahoma', 'oklahoma city|tulsa'),
  ...cities('pennsylvania', 'philadelphia/philly|pittsburgh'),
  ...cities('tennessee', 'nashville|memphis|knoxville'),
  ...cities('texas', 'houston|san antonio|el paso|fort worth'),
  ...cities('utah', 'salt lake city'),
  ...cities('washington state', 'seattle|spokane|tacoma'),
  ...cities('wisconsin', 'milwaukee|madison wi'),
  ...cities('alberta', 'calgary|edmonton'),
  ...cities('british columbia', 'vancouver|victoria bc'),
  ...cities('manitoba', 'winnipeg'),
  ...cities('nova scotia', 'halifax'),
  ...cities('ontario', 'toronto|ottawa|hamilton ontario'),
  ...cities('quebec', 'montreal|quebec city'),
  ...cities('new south wales', 'sydney'),
  ...cities('victoria', 'melbourne'),
  ...cities('queensland', 'brisbane|gold coast'),
  ...cities('england', 'london|manchester|liverpool|leeds|bristol|brighton|newcastle upon tyne|sheffield'),
  ...cities('scotland', 'edinburgh|glasgow|aberdeen'),
  ...cities('wales', 'cardiff|swansea'),
  ...cities('northern ireland', 'belfast'),
  ...cities('ireland', 'dublin|cork city|galway'),
  ...cities('france', 'paris|lyon|marseille'),
  ...cities('germany', 'berlin|munich|hamburg|frankfurt|cologne'),
  ...cities('netherlands', 'amsterdam|rotterdam'),
  ...cities('spain', 'madrid|barcelona'),
  ...cities('italy', 'rome|milan|venice|naples'),
  ...cities('japan', 'tokyo|osaka|kyoto'),
  ...cities('mexico', 'mexico city|cancun|guadalajara'),
  ...cities('new zealand', 'auckland|wellington|christchurch'),
];

function cities(within: string, names: string): { names: string[]; within: string }[] {
  return places(names).map((n) => ({ names: n, within }));
}

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

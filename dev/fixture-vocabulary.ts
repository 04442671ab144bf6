/**
 * Word lists for the fixture generator: names, places, streets and competitors that look
 * like real English CRM and German ERP exports (umlauts and ß on purpose, and postal codes
 * with leading zeros, which a reader must keep as text).
 */

/** A place a fake customer can live in. */
export interface Place {
  city: string;
  /** first postal code of the city; generated codes add a small offset */
  postalBase: string;
  /** spellings of the country as exports write it */
  countries: readonly string[];
  /** region or branch label for the pass-through column */
  region: string;
  /** short form sales staff type in free text, e.g. "HH" */
  abbreviation: string;
}

/** Everything that differs between an English and a German fixture's content. */
export interface Vocabulary {
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** "{last}" is replaced by a last name */
  companyPatterns: readonly string[];
  places: readonly Place[];
  streets: readonly string[];
  /** "#" is replaced by a digit, "N" by a digit other than 0 */
  phonePatterns: readonly string[];
  accountManagers: readonly string[];
  competitors: readonly string[];
  emailDomains: readonly string[];
}

export const ENGLISH_VOCABULARY: Vocabulary = {
  firstNames: ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David',
    'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah',
    'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Karen', 'Renée', 'José', 'Zoë', 'Mark'],
  lastNames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez',
    'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Jackson', 'Martin',
    'Lee', "O'Brien", 'Nguyen', 'Kim', 'Walker', 'Young'],
  companyPatterns: ['{last} Plumbing LLC', '{last} Logistics Inc.', '{last} & Sons', '{last} Consulting Group',
    '{last} Dental Practice', '{last} Hardware Co.', "{last}'s Bakery", '{last} Auto Repair, LLC',
    '{last} Software Ltd.'],
  places: [
    { city: 'New York', postalBase: '10001', countries: ['US', 'USA', 'United States'], region: 'Northeast', abbreviation: 'NYC' },
    { city: 'Boston', postalBase: '02108', countries: ['US', 'USA'], region: 'Northeast', abbreviation: 'BOS' },
    { city: 'Newark', postalBase: '07102', countries: ['US'], region: 'Northeast', abbreviation: 'NJ' },
    { city: 'Chicago', postalBase: '60601', countries: ['US', 'United States'], region: 'Midwest', abbreviation: 'CHI' },
    { city: 'Detroit', postalBase: '48201', countries: ['US'], region: 'Midwest', abbreviation: 'MI' },
    { city: 'Houston', postalBase: '77002', countries: ['US', 'USA'], region: 'South', abbreviation: 'TX' },
    { city: 'Atlanta', postalBase: '30303', countries: ['US'], region: 'South', abbreviation: 'ATL' },
    { city: 'Miami', postalBase: '33101', countries: ['US', 'USA'], region: 'South', abbreviation: 'FL' },
    { city: 'Denver', postalBase: '80202', countries: ['US'], region: 'West', abbreviation: 'CO' },
    { city: 'Seattle', postalBase: '98101', countries: ['US', 'United States'], region: 'West', abbreviation: 'WA' },
    { city: 'San Francisco', postalBase: '94103', countries: ['US'], region: 'West', abbreviation: 'SF' },
    { city: 'Los Angeles', postalBase: '90012', countries: ['US', 'USA'], region: 'West', abbreviation: 'LA' },
    { city: 'Phoenix', postalBase: '85004', countries: ['US'], region: 'Southwest', abbreviation: 'AZ' },
  ],
  streets: ['Main St', 'Oak Avenue', 'Maple Dr.', 'Elm Street', 'Washington Blvd', 'Park Ave, Apt 4B',
    'Lincoln Road', '5th Avenue', 'Sunset Blvd, Suite 200', 'Cedar Lane'],
  phonePatterns: ['(N##) N##-####', 'N##-N##-####', '+1 N## N## ####', 'N##.N##.####'],
  accountManagers: ['Emily Clark', 'Jason Reed', 'Priya Patel', 'Tom Becker', 'Maria Santos'],
  competitors: ['Acme Corp', 'Globex', 'Initech', 'Northwind Traders', 'Contoso'],
  emailDomains: ['gmail.com', 'yahoo.com', 'outlook.com', 'example.com', 'aol.com'],
};

export const GERMAN_VOCABULARY: Vocabulary = {
  firstNames: ['Jürgen', 'Jörg', 'Björn', 'Sören', 'Günther', 'Bärbel', 'Käthe', 'Anja', 'Stefan', 'Petra',
    'Thomas', 'Sabine', 'Michael', 'Ursula', 'Andreas', 'Monika', 'Hans-Peter', 'Claudia', 'Klaus',
    'Özlem', 'Gülay', 'Jörn', 'Dörte', 'Uwe'],
  lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz',
    'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Krüger',
    'Weiß', 'Groß', 'Strauß', 'Voß', 'Jäger', 'Köhler', 'Böhm', 'Günther', 'Öztürk'],
  companyPatterns: ['{last} GmbH', '{last} & Söhne KG', 'Bäckerei {last}', '{last} Haustechnik GmbH',
    'Autohaus {last}', 'Praxis Dr. {last}', 'Gärtnerei {last} e.K.', '{last} Logistik AG',
    'Metzgerei {last} GmbH & Co. KG'],
  places: [
    { city: 'Köln', postalBase: '50667', countries: ['Deutschland', 'DE', 'D'], region: 'West', abbreviation: 'K' },
    { city: 'München', postalBase: '80331', countries: ['Deutschland', 'DE'], region: 'Süd', abbreviation: 'M' },
    { city: 'Düsseldorf', postalBase: '40213', countries: ['Deutschland'], region: 'West', abbreviation: 'D' },
    { city: 'Nürnberg', postalBase: '90402', countries: ['Deutschland', 'DE'], region: 'Süd', abbreviation: 'N' },
    { city: 'Lübeck', postalBase: '23552', countries: ['Deutschland'], region: 'Nord', abbreviation: 'HL' },
    { city: 'Würzburg', postalBase: '97070', countries: ['Deutschland', 'DE'], region: 'Süd', abbreviation: 'WÜ' },
    { city: 'Göttingen', postalBase: '37073', countries: ['Deutschland'], region: 'Nord', abbreviation: 'GÖ' },
    { city: 'Osnabrück', postalBase: '49074', countries: ['Deutschland', 'DE'], region: 'Nord', abbreviation: 'OS' },
    { city: 'Saarbrücken', postalBase: '66111', countries: ['Deutschland'], region: 'West', abbreviation: 'SB' },
    { city: 'Hamburg', postalBase: '20095', countries: ['Deutschland', 'DE'], region: 'Nord', abbreviation: 'HH' },
    { city: 'Berlin', postalBase: '10115', countries: ['Deutschland', 'DE', 'D'], region: 'Ost', abbreviation: 'B' },
    { city: 'Frankfurt am Main', postalBase: '60311', countries: ['Deutschland'], region: 'West', abbreviation: 'FFM' },
    { city: 'Leipzig', postalBase: '04109', countries: ['Deutschland', 'DE'], region: 'Ost', abbreviation: 'L' },
    { city: 'Dresden', postalBase: '01067', countries: ['Deutschland'], region: 'Ost', abbreviation: 'DD' },
    { city: 'Gießen', postalBase: '35390', countries: ['Deutschland'], region: 'West', abbreviation: 'GI' },
    { city: 'Wien', postalBase: '1010', countries: ['Österreich', 'AT'], region: 'Österreich', abbreviation: 'W' },
    { city: 'Zürich', postalBase: '8001', countries: ['Schweiz', 'CH'], region: 'Schweiz', abbreviation: 'ZH' },
  ],
  streets: ['Hauptstraße', 'Bahnhofstr.', 'Schloßallee', 'Am Mühlbach', 'Königsweg', 'Goethestraße',
    'Lindenallee', 'Kirchgasse', 'Mühlenweg', 'Große Bleichen', 'An der Brücke', 'Süderstraße'],
  phonePatterns: ['0N## N######', '0N##/N#####', '+49 N## N######', '+49 (0)N## N#####', '01N#-N######'],
  accountManagers: ['Jürgen Weiß', 'Sabine Krüger', 'Frank Böhm', 'Anja Groß', 'H. Schäfer'],
  competitors: ['Stadtwerke Nord', 'BilligStrom24', 'Grünland Energie', 'Müller & Söhne',
    'DirektVersand AG', 'TopPreis GmbH'],
  emailDomains: ['web.de', 'gmx.de', 't-online.de', 'gmail.com', 'firma-beispiel.de'],
};

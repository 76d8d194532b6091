/**
 * The integration vocabulary auto-map compares names with: abbreviations
 * people write in field names, and groups of words different systems use for
 * one thing (zip / postcode / postalCode). Kept as data so a reviewer can
 * read why two names were taken as the same.
 */

/** A token written short, and the word it stands for. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  qty: 'quantity',
  amt: 'amount',
  no: 'number',
  nr: 'number',
  num: 'number',
  nbr: 'number',
  desc: 'description',
  descr: 'description',
  addr: 'address',
  dt: 'date',
  nm: 'name',
  ccy: 'currency',
  cur: 'currency',
  tel: 'phone',
  telephone: 'phone',
  mobile: 'phone',
  ref: 'reference',
  cust: 'customer',
  acct: 'account',
  org: 'organisation',
  organization: 'organisation',
  dob: 'birthdate',
  pos: 'position',
  ln: 'line',
  st: 'street',
  zip: 'postcode',
  // ISO 20022 (pain, camt) abbreviations.
  instd: 'instructed',
  cdtr: 'creditor',
  dbtr: 'debtor',
  rmt: 'remittance',
  inf: 'information',
  agt: 'agent',
  ctrl: 'control',
  txs: 'transactions',
  plz: 'postcode',
};

/**
 * Groups of whole names (tokens joined, lower case) that mean the same. The
 * first of each group is its canonical form.
 */
export const NAME_SYNONYMS: readonly (readonly string[])[] = [
  ['postcode', 'postalcode', 'zipcode', 'zip', 'postleitzahl', 'plz', 'postal'],
  ['lastname', 'surname', 'familyname', 'nachname'],
  ['firstname', 'givenname', 'forename', 'vorname'],
  ['fullname', 'name', 'displayname'],
  ['quantity', 'qty', 'menge', 'invoicedquantity', 'count'],
  ['birthdate', 'dateofbirth', 'dob', 'birthday', 'geburtsdatum'],
  ['iban', 'accountnumber', 'bankaccount', 'konto'],
  ['street', 'line1', 'addressline1', 'address1', 'streetaddress', 'strasse'],
  ['addressline2', 'line2', 'address2'],
  ['city', 'town', 'locality', 'ort', 'stadt'],
  ['country', 'countrycode', 'countryid', 'land'],
  ['email', 'mail', 'emailaddress'],
  ['phone', 'phonenumber', 'telephonenumber'],
  ['currency', 'currencycode', 'documentcurrencycode', 'waehrung', 'wahrung'],
  ['amount', 'total', 'sum', 'betrag', 'grandtotal'],
  ['unitprice', 'price', 'priceamount'],
  ['description', 'title', 'text', 'label'],
  ['sku', 'itemcode', 'productcode', 'articlenumber', 'sellersitemidentification', 'itemnumber'],
  ['status', 'state', 'financialstatus'],
  ['revenue', 'annualrevenue', 'turnover', 'umsatz'],
  ['labels', 'tags', 'keywords'],
  ['channel', 'type', 'kind'],
  ['customersince', 'createdon', 'createdat', 'created', 'opened'],
  ['orderdate', 'issuedate', 'createdat', 'orderedat', 'date'],
  ['weight', 'weightkg', 'grossweight'],
  ['linenumber', 'lineno', 'lineid', 'position'],
  ['remittance', 'purpose', 'verwendungszweck', 'ustrd', 'reference'],
  ['bic', 'swift', 'swiftcode', 'bankcode'],
  ['creditor', 'supplier', 'vendor', 'lieferant', 'payee'],
];

/** Tokens that name one thing inside a name (`customerNumber` ~ `accountId`). */
export const TOKEN_SYNONYMS: readonly (readonly string[])[] = [
  ['number', 'id', 'identifier', 'code', 'key'],
  ['customer', 'account', 'client', 'buyer', 'party'],
  ['order', 'purchase', 'po'],
  ['ship', 'shipping', 'delivery', 'shipto'],
  ['bill', 'billing', 'invoice', 'invoicing'],
  // A billing or shipping block is an address.
  ['address', 'billing', 'shipping', 'delivery', 'postal'],
  ['line', 'item'],
  ['date', 'day'],
  ['time', 'timestamp', 'at', 'occurred'],
];

function groupIndex(groups: readonly (readonly string[])[]): Map<string, ReadonlySet<number>> {
  const index = new Map<string, Set<number>>();
  // A word may belong to several groups (createdAt is both an order date and a customer-since date).
  groups.forEach((group, i) => {
    for (const word of group) {
      const set = index.get(word) ?? new Set<number>();
      set.add(i);
      index.set(word, set);
    }
  });
  return index;
}

/** Whole name -> the synonym groups it belongs to (indexes into {@link NAME_SYNONYMS}). */
export const NAME_GROUPS: ReadonlyMap<string, ReadonlySet<number>> = groupIndex(NAME_SYNONYMS);
/** Token -> the token groups it belongs to (indexes into {@link TOKEN_SYNONYMS}). */
export const TOKEN_GROUPS: ReadonlyMap<string, ReadonlySet<number>> = groupIndex(TOKEN_SYNONYMS);

/**
 * Personal-data field names in English, German, French, Spanish and Dutch,
 * plus ISO 20022 (SEPA) and UBL element names. Entries are joined lower-case
 * words (see `tokenRuns`), so one entry covers every naming style.
 */
import type { MaskCategory } from './types';

// Coordinates are personal only in a person's record, so they are classified by context (classify-field.ts), not by name alone.
const WORDS: Record<Exclude<MaskCategory, 'freeText' | 'other' | 'fullName' | 'geoCoordinate'>, string> = {
  email:
    'email emailaddress emailadr electronicmail mail mailaddress courriel adressemail adresseemail correo correoelectronico emailadres mailadres',
  phone:
    'phone phonenumber phoneno phne phnenb telephone telephonenumber tel telno mobile mobilephone mobilenumber mobnb mobil cell cellphone fax faxnb telefax faxnumber telefon telefonnummer handy handynummer portable telefono movil celular telefoon telefoonnummer mobiel gsm',
  firstName:
    'firstname givenname forename middlename vorname prenom nombrepila primernombre voornaam',
  lastName:
    'lastname familyname surname nachname familienname nom nomdefamille apellido apellidos primerapellido segundoapellido achternaam familienaam',
  username: 'username login loginname userlogin benutzername nomutilisateur usuario nombreusuario gebruikersnaam screenname handle',
  street:
    'street streetname streetaddress addressline addressline1 addressline2 address1 address2 line1 line2 strtnm adrline bldgnb housenumber strasse hausnummer rue adresse nomrue calle direccion domicilio straat huisnummer adres',
  city: 'city cityname town twnnm ort stadt wohnort ville localite ciudad localidad municipio stad plaats woonplaats',
  postcode: 'zip zipcode postcode postalcode postalzone pstcd plz postleitzahl codepostal codigopostal',
  iban: 'iban ibannumber',
  bic: 'bic bicfi swift swiftcode bankidentifiercode',
  accountNumber:
    'accountnumber accountno acctno acctnb bankaccount bankaccountnumber kontonummer numerocompte numerodecompte numerocuenta numerodecuenta rekeningnummer',
  card: 'cardnumber creditcard creditcardnumber ccnumber pan kartennummer kreditkartennummer numerocarte numerotarjeta kaartnummer',
  cvv: 'cvv cvv2 cvc cvc2 securitycode cardverificationcode pruefnummer cryptogramme',
  birthDate:
    'dob birthdate birthdt dateofbirth birthday borndate born geburtsdatum geburtstag datenaissance naissance fechanacimiento fechadenacimiento nacimiento geboortedatum',
  nationalId:
    'ssn socialsecuritynumber socialsecurityno nationalid nationalidentifier nationalidnumber passport passportnumber passportno licencenumber licensenumber driverslicense driverlicense driverslicence idcard idcardnumber personalausweis ausweisnummer sozialversicherungsnummer svnummer numerosecuritesociale nir dni nie bsn burgerservicenummer',
  taxId: 'taxid taxnumber taxidentifier tin vatnumber vatid vatno vatregistration ustid ustidnr steuernummer steuerid numerotva tva nif btwnummer',
  ipAddress: 'ip ipaddress ipv4 ipv6 ipaddr browserip clientip remoteip remoteaddr remoteaddress adresseip direccionip ipadres',
  deviceId: 'deviceid devicenumber imei udid macaddress advertisingid idfa gaid',
};

/** Joined word -> category, built once. */
export const NAME_DICTIONARY: ReadonlyMap<string, MaskCategory> = new Map(
  Object.entries(WORDS).flatMap(([category, words]) => words.split(/\s+/).map((w) => [w, category as MaskCategory] as const)),
);

/** Bare words that name a person only inside a person-like parent ("name" of a customer, not of a product). */
export const CONTEXTUAL_NAME_WORDS: ReadonlySet<string> = new Set(['name', 'nm', 'fullname', 'naam', 'nombre', 'nomcomplet', 'displayname', 'accountholdername', 'holdername', 'cardholdername']);

/** Words that make a parent person-like: its `name` is a person's name. */
export const PERSON_CONTEXT_WORDS: ReadonlySet<string> = new Set([
  'customer', 'client', 'kunde', 'user', 'person', 'contact', 'owner', 'author', 'committer', 'pusher', 'sender',
  'recipient', 'receiver', 'billing', 'shipping', 'billingaddress', 'shippingaddress', 'billingdetails', 'address',
  'dbtr', 'cdtr', 'ultmtdbtr', 'ultmtcdtr', 'debtor', 'creditor', 'payer', 'payee', 'employee', 'patient', 'member',
  'holder', 'accountholder', 'accountowner', 'cardholder', 'signatory', 'passenger', 'guest', 'applicant', 'beneficiary',
  'deliverycontact', 'empfaenger', 'absender', 'destinataire', 'destinatario', 'ontvanger', 'klant', 'cliente',
]);

/** Words of field names that are never personal data, whatever else the name contains. */
export const NEGATIVE_NAME_WORDS: ReadonlySet<string> = new Set([
  'id', 'uuid', 'guid', 'sku', 'ean', 'gtin', 'url', 'uri', 'href', 'link', 'code', 'currency', 'country', 'amount',
  'price', 'total', 'count', 'type', 'status', 'version', 'hash', 'token', 'key', 'domain', 'template', 'format', 'check', 'verified', 'verification', 'last', 'length', 'enabled',
]);

import { describe, expect, it } from 'vitest';
import { classifyName, isPersonContext } from './classify-name';
import { nameTokens, tokenRuns } from './field-name-tokens';

const category = (name: string): string | undefined => {
  const verdict = classifyName(name);
  return verdict?.kind === 'category' ? verdict.category : verdict?.kind;
};

describe('nameTokens', () => {
  it('splits every naming style the same way', () => {
    for (const name of ['firstName', 'first_name', 'first-name', 'FirstName', 'FIRST_NAME', 'cbc:FirstName', '@firstName']) {
      expect(nameTokens(name)).toEqual(['first', 'name']);
    }
    expect(nameTokens('IBANNumber')).toEqual(['iban', 'number']);
    expect(nameTokens('Straße')).toEqual(['strasse']);
    expect(nameTokens('addressLine1')).toEqual(['address', 'line', '1']);
    expect(tokenRuns(['e', 'mail'])).toEqual(['email', 'e', 'mail']);
  });
});

describe('classifyName', () => {
  it.each([
    ['email', 'email'], ['e_mail', 'email'], ['ElectronicMail', 'email'], ['customerEmail', 'email'], ['courriel', 'email'],
    ['firstName', 'firstName'], ['Vorname', 'firstName'], ['prénom', 'firstName'], ['voornaam', 'firstName'],
    ['last_name', 'lastName'], ['Nachname', 'lastName'], ['nom', 'lastName'], ['apellido', 'lastName'], ['achternaam', 'lastName'],
    ['phone', 'phone'], ['mobile', 'phone'], ['tel', 'phone'], ['Telefax', 'phone'], ['telefoonnummer', 'phone'], ['teléfono', 'phone'],
    ['ssn', 'nationalId'], ['passport_number', 'nationalId'], ['licence-number', 'nationalId'], ['taxId', 'taxId'], ['vat_number', 'taxId'],
    ['IBAN', 'iban'], ['BIC', 'bic'], ['accountNumber', 'accountNumber'], ['card_number', 'card'], ['cvv', 'cvv'],
    ['dob', 'birthDate'], ['birthDate', 'birthDate'], ['Geburtsdatum', 'birthDate'], ['fecha_nacimiento', 'birthDate'],
    ['street', 'street'], ['address_line_1', 'street'], ['StrtNm', 'street'], ['Straße', 'street'],
    ['zip', 'postcode'], ['postal-code', 'postcode'], ['PostalZone', 'postcode'], ['PLZ', 'postcode'], ['codigo_postal', 'postcode'],
    ['city', 'city'], ['CityName', 'city'], ['Wohnort', 'city'], ['ville', 'city'],
    ['ip_address', 'ipAddress'], ['browser_ip', 'ipAddress'], ['username', 'username'], ['login', 'username'], ['device_id', 'deviceId'],
    ['name', 'contextualName'], ['Nm', 'contextualName'], ['customer_name', 'contextualName'], ['full_name', 'contextualName'],
  ])('%s -> %s', (name, expected) => {
    expect(category(name)).toBe(expected);
  });

  it.each(['id', 'sku', 'order_id', 'email_verified', 'phone_country_code', 'currency', 'country_name', 'product_name', 'avatar_url', 'address_line1_check', 'created_at', 'total_price'])(
    '%s is not personal',
    (name) => {
      expect(classifyName(name)).toBeUndefined();
    },
  );
});

describe('isPersonContext', () => {
  it('looks at the head word of the parent', () => {
    expect(isPersonContext('customer')).toBe(true);
    expect(isPersonContext('billing_address')).toBe(true);
    expect(isPersonContext('customer_details')).toBe(true);
    expect(isPersonContext('Dbtr')).toBe(true);
    expect(isPersonContext('authors')).toBe(true);
    expect(isPersonContext('billing.meter')).toBe(false);
    expect(isPersonContext('PartyName')).toBe(false);
    expect(isPersonContext(undefined)).toBe(false);
  });
});

/**
 * Realistic replacements for names, emails, usernames and addresses, drawn
 * from @faker-js/faker seeded by the keyed hash of the original value, so the
 * same person gets the same stand-in everywhere.
 */
import { Faker, base, en } from '@faker-js/faker';
import type { KeyedStream } from './keyed-stream';
import { toHex } from './hmac-sha256';
import { isEmail } from './value-formats';

// A private instance: seeding the shared `faker` would disturb any other user of it.
const faker = new Faker({ locale: [en, base] });

function seeded(stream: KeyedStream): Faker {
  faker.seed([stream.uint32(), stream.uint32(), stream.uint32(), stream.uint32()]);
  return faker;
}

/** Lower-case ASCII letters and digits only, for email local parts and usernames. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * After this many collision attempts a name is made compound
 * (`Anna-Lena`, `Smith-Jones`): faker has a few hundred names per list, too
 * few to keep thousands of distinct people distinct; compounds square that.
 */
const COMPOUND_AFTER = 4;

/** A first name; compound after repeated collisions. */
export function maskFirstName(stream: KeyedStream, attempt = 0): string {
  const f = seeded(stream);
  const first = f.person.firstName();
  return attempt < COMPOUND_AFTER ? first : `${first}-${f.person.firstName()}`;
}

/** A family name; double-barrelled after repeated collisions. */
export function maskLastName(stream: KeyedStream, attempt = 0): string {
  const f = seeded(stream);
  const last = f.person.lastName();
  return attempt < COMPOUND_AFTER ? last : `${last}-${f.person.lastName()}`;
}

/** A full name with as many words as the original (two at least); a compound first name after repeated collisions. */
export function maskFullName(text: string, stream: KeyedStream, attempt = 0): string {
  const f = seeded(stream);
  const words = text.trim().split(/\s+/).length;
  const parts = [attempt < COMPOUND_AFTER ? f.person.firstName() : `${f.person.firstName()}-${f.person.firstName()}`];
  for (let i = 2; i < words; i++) parts.push(f.person.middleName());
  if (words >= 2) parts.push(f.person.lastName());
  return parts.join(' ');
}

/** A valid email on a reserved domain (RFC 2606): example.com, example.org or example.net. */
export function maskEmail(stream: KeyedStream): string {
  const f = seeded(stream);
  const tag = toHex(new Uint8Array([stream.byte(), stream.byte()]));
  const domain = ['example.com', 'example.org', 'example.net'][stream.below(3)]!;
  const local = `${slug(f.person.firstName())}.${slug(f.person.lastName())}.${tag}`;
  const email = `${local}@${domain}`;
  return isEmail(email) ? email : `user.${tag}@${domain}`;
}

/** A username: letters and digits, like the handles people pick. */
export function maskUsername(stream: KeyedStream): string {
  const f = seeded(stream);
  return `${slug(f.person.firstName())}${stream.below(1000)}`;
}

/** A street, with a house number when the original had digits. */
export function maskStreet(text: string, stream: KeyedStream): string {
  // A bare house number (`12`, `7b`) stays a house number.
  if (/^\d+\s*[A-Za-z]?$/.test(text.trim())) return text.replace(/\d/g, () => stream.digit(1));
  const f = seeded(stream);
  return /\d/.test(text) ? f.location.streetAddress() : f.location.street();
}

/** A city name; a twin-town name (`Springfield-Kenton`) after repeated collisions. */
export function maskCity(stream: KeyedStream, attempt = 0): string {
  const f = seeded(stream);
  const city = f.location.city();
  return attempt < COMPOUND_AFTER ? city : `${city}-${f.location.city()}`;
}

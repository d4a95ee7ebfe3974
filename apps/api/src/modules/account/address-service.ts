import {
  type Address,
  type AddressInput,
  type AddressPatch,
  addressInputSchema,
  type Page,
} from '@securecart/contract';
import { invalidFields, notFound, unprocessable } from '../../lib/errors.ts';
import type { AddressFields, AddressQueries, AddressRow } from './address-queries.ts';

/** Enough for any household; stops a script from filling the table through one account. */
export const MAX_ADDRESSES_PER_USER = 50;

export function toAddress(row: AddressRow): Address {
  return { id: row.id, ...fieldsOf(row), isDefault: row.isDefault };
}

function fieldsOf(row: AddressRow): AddressFields {
  return {
    name: row.name,
    line1: row.line1,
    line2: row.line2,
    city: row.city,
    region: row.region,
    postalCode: row.postalCode,
    country: row.country,
    phone: row.phone,
  };
}

const withoutUndefined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;

/**
 * Every write locks the owner first: "the first address is the default" and "one default at most"
 * are then decided on a stable view, and clearing the old default happens in the same transaction.
 */
export function addressService(queries: AddressQueries, clock: () => Date) {
  return {
    async list(userId: string, page: number, pageSize: number): Promise<Page<Address>> {
      const { rows, total } = await queries.list(userId, pageSize, (page - 1) * pageSize);
      return { items: rows.map(toAddress), page, pageSize, total };
    },

    create(userId: string, input: AddressInput): Promise<Address> {
      const { isDefault, ...fields } = input;
      return queries.transaction(async (tx) => {
        await queries.lockOwner(userId, tx);
        const existing = await queries.countFor(userId, tx);
        if (existing >= MAX_ADDRESSES_PER_USER) {
          throw unprocessable(`At most ${MAX_ADDRESSES_PER_USER} addresses can be saved.`, 'address_limit');
        }
        const makeDefault = isDefault === true || existing === 0;
        if (makeDefault) await queries.clearDefault(userId, tx);
        return toAddress(await queries.insert(userId, fields, makeDefault, tx));
      });
    },

    /** A patch may change the country alone, so the merged address is checked again as a whole. */
    update(userId: string, id: string, patch: AddressPatch): Promise<Address> {
      return queries.transaction(async (tx) => {
        await queries.lockOwner(userId, tx);
        const row = await queries.find(userId, id, tx);
        if (!row) throw notFound('Address');
        const { isDefault, ...changes } = patch;
        const merged = addressInputSchema.safeParse({ ...fieldsOf(row), ...withoutUndefined(changes) });
        if (!merged.success) {
          throw invalidFields(
            merged.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
          );
        }
        const { isDefault: _ignored, ...fields } = merged.data;
        const makeDefault = isDefault ?? row.isDefault;
        if (makeDefault && !row.isDefault) await queries.clearDefault(userId, tx, id);
        return toAddress(await queries.update(userId, id, fields, makeDefault, clock(), tx));
      });
    },

    remove(userId: string, id: string): Promise<void> {
      return queries.transaction(async (tx) => {
        await queries.lockOwner(userId, tx);
        const row = await queries.delete(userId, id, tx);
        if (!row) throw notFound('Address');
        if (row.isDefault) await queries.promoteNewest(userId, tx);
      });
    },
  };
}
export type AddressService = ReturnType<typeof addressService>;

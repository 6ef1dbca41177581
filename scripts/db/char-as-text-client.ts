// Workaround for @prisma/adapter-pg 7.10.1: it cannot deserialize Postgres's one-byte "char" type
// (OID 18), which the schema engine reads when it introspects the catalog
// (pg_constraint.contype). This client reports such columns as text, so the adapter maps them to
// strings. It is only ever given to the migration tool's own pools; the app's pg is untouched.
import pg from 'pg';

const CHAR_OID = 18;
const TEXT_OID = 25;
const CHAR_ARRAY_OID = 1002;
const TEXT_ARRAY_OID = 1009;

function retypeCharFields<T>(result: T): T {
  const results = Array.isArray(result) ? result : [result];
  for (const each of results) {
    const fields: pg.FieldDef[] | undefined = (each as { fields?: pg.FieldDef[] } | undefined)?.fields;
    for (const field of fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      else if (field.dataTypeID === CHAR_ARRAY_OID) field.dataTypeID = TEXT_ARRAY_OID;
    }
  }
  return result;
}

type Callback = (error: Error | null, result: unknown) => void;

export class CharAsTextClient extends pg.Client {
  // pg's query() has many overloads (promise, callback, submittable); wrap whichever is used.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- returns whatever the wrapped overload returns
  override query(...args: unknown[]): any {
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as Callback;
      args[args.length - 1] = (error: Error | null, result: unknown) =>
        callback(error, error ? result : retypeCharFields(result));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    if (returned instanceof Promise) return returned.then(retypeCharFields);
    return returned;
  }
}

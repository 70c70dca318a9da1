import { RoutingError } from "../errors";

// Every Date setter, including Annex B's `setYear` where the runtime has it.
const SETTERS = [
  "setTime",
  "setMilliseconds",
  "setUTCMilliseconds",
  "setSeconds",
  "setUTCSeconds",
  "setMinutes",
  "setUTCMinutes",
  "setHours",
  "setUTCHours",
  "setDate",
  "setUTCDate",
  "setMonth",
  "setUTCMonth",
  "setFullYear",
  "setUTCFullYear",
  "setYear",
] as const;

/**
 * A `Date` whose setters throw. Dispatch results share one per instant (every assignment of a dispatch
 * has the same `at`): a drain of 100,000 items would otherwise allocate 200,000 Dates, about half of its
 * garbage. Shared mutable Dates would let one caller's `setHours` silently move another assignment's time;
 * read-only ones make that mistake loud instead.
 */
export class ReadOnlyDate extends Date {}

// Copies made through `date.constructor` are ordinary Dates: date-fns (v3 and later) builds its results as
// `new date.constructor(value)` and then sets fields on them, so `addDays(assignment.at, 1)` must not meet
// a read-only copy. It also makes strict equality against `new Date(value)` hold.
Object.defineProperty(ReadOnlyDate.prototype, "constructor", {
  configurable: true,
  writable: true,
  value: Date,
});

for (const name of SETTERS) {
  if (!(name in Date.prototype)) continue;
  Object.defineProperty(ReadOnlyDate.prototype, name, {
    configurable: true,
    writable: true,
    value(this: Date) {
      throw new RoutingError(
        "READ_ONLY_INSTANT",
        `${name}: this Date (${Date.prototype.toISOString.call(this)}) belongs to a dispatch result, where instants are shared and read-only; copy it first with new Date(date)`,
      );
    },
  });
}

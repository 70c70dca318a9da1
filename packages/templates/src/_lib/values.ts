import { TemplateError } from "../errors";

// How template values behave. Data is read through `readProperty` only: own data properties of plain objects
// and arrays, never prototypes, getters, methods or constructors. Nothing here calls a function found in data.

const OBJECT_PROTO = Object.prototype;
const getProto = Object.getPrototypeOf;
const getOwn = Object.getOwnPropertyDescriptor;

/** Marker for "not there", so strict mode can tell a missing key from a key holding `undefined`. */
export const MISSING: unique symbol = Symbol("missing");

/** A plain object: created by a literal, `JSON.parse` or `Object.create(null)`. Class instances are opaque. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = getProto(value);
  return proto === OBJECT_PROTO || proto === null;
}

// Objects (and arrays) whose own properties were checked once and hold no accessors: for those, a lookup is
// an `Object.hasOwn` plus a read, which is several times cheaper than a descriptor per lookup. The check is
// remembered per object (a WeakSet, so nothing is kept alive): an accessor defined on an object *after* it
// was first rendered would not be seen. JSON data cannot have accessors at all.
const verified = new WeakSet<object>();
const withAccessors = new WeakSet<object>();

function verify(obj: object): boolean {
  if (verified.has(obj)) return true;
  if (withAccessors.has(obj)) return false;
  const descriptors = Object.getOwnPropertyDescriptors(obj);
  for (const key of Object.keys(descriptors)) {
    if (!("value" in (descriptors[key] as PropertyDescriptor))) {
      withAccessors.add(obj);
      return false;
    }
  }
  verified.add(obj);
  return true;
}

function ownData(obj: object, key: string): unknown {
  if (verify(obj)) {
    if (!Object.hasOwn(obj, key)) return MISSING;
    const value = (obj as Record<string, unknown>)[key];
    return typeof value === "function" ? MISSING : value;
  }
  const descriptor = getOwn(obj, key);
  if (descriptor === undefined) return MISSING;
  // Accessors are never run and functions are never handed out: both read as missing.
  if (!("value" in descriptor) || typeof descriptor.value === "function") return MISSING;
  return descriptor.value;
}

function arrayItem(arr: readonly unknown[], index: number): unknown {
  // Long arrays are read element by element (a descriptor each) rather than verified whole up front.
  if (arr.length <= 1024 && verify(arr)) {
    const value = arr[index];
    if (value === undefined && !Object.hasOwn(arr, index)) return MISSING;
    return typeof value === "function" ? MISSING : value;
  }
  return ownData(arr, String(index));
}

/** Reads `obj[key]` the Liquid way (`size`, `first`, `last`, negative indexes), or MISSING. */
export function readProperty(obj: unknown, key: string | number): unknown {
  if (typeof obj !== "object") return typeof obj === "string" && key === "size" ? obj.length : MISSING;
  if (obj === null) return MISSING;
  if (Array.isArray(obj)) {
    if (typeof key === "number") {
      const index = key < 0 ? obj.length + key : key;
      if (!Number.isInteger(index) || index < 0 || index >= obj.length) return MISSING;
      return arrayItem(obj, index);
    }
    if (key === "size") return obj.length;
    if (key === "first") return obj.length > 0 ? arrayItem(obj, 0) : MISSING;
    if (key === "last") return obj.length > 0 ? arrayItem(obj, obj.length - 1) : MISSING;
    return MISSING;
  }
  if (verified.has(obj)) {
    // Checked before: a plain object without accessors.
    const k = String(key);
    if (Object.hasOwn(obj, k)) {
      const value = (obj as Record<string, unknown>)[k];
      return typeof value === "function" ? MISSING : value;
    }
    return k === "size" ? Object.keys(obj).length : MISSING;
  }
  const proto = getProto(obj);
  if (proto !== OBJECT_PROTO && proto !== null) return MISSING;
  const value = ownData(obj, String(key));
  if (value === MISSING && key === "size") return Object.keys(obj).length;
  return value;
}

/** The item at `index` of an array, read as data (holes and functions are MISSING). */
export function itemAt(arr: readonly unknown[], index: number): unknown {
  return arrayItem(arr, index);
}

/** Liquid truthiness: only `false`, `nil` and missing are false (`""` and `0` are true). */
export function isTruthy(value: unknown): boolean {
  return value !== false && value !== null && value !== undefined && value !== MISSING;
}

const MAX_STRINGIFY_DEPTH = 32;

/** Turns a value into output text as liquidjs does (arrays concatenated, nil empty). */
export function stringify(value: unknown, depth = 0): string {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "bigint":
      return String(value);
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "";
      if (Array.isArray(value)) {
        if (depth > MAX_STRINGIFY_DEPTH) {
          throw new TemplateError("TEMPLATE_LIMIT_EXCEEDED", "Array nested too deeply to print", {
            limit: "maxNestingDepth",
          });
        }
        let out = "";
        for (let i = 0; i < value.length; i++) out += stringify(ownData(value, String(i)), depth + 1);
        return out;
      }
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
      // Never String(object): that would call a toString the data may define.
      return isPlainObject(value) ? "[object Object]" : "";
    default:
      return "";
  }
}

/** Liquid's `==`: strict equality, arrays element-wise. */
export function isEqual(left: unknown, right: unknown, depth = 0): boolean {
  const l = left === MISSING ? undefined : left;
  const r = right === MISSING ? undefined : right;
  if (Array.isArray(l)) {
    if (!Array.isArray(r) || l.length !== r.length || depth > MAX_STRINGIFY_DEPTH) return false;
    for (let i = 0; i < l.length; i++) {
      if (!isEqual(ownData(l, String(i)), ownData(r, String(i)), depth + 1)) return false;
    }
    return true;
  }
  if (l instanceof Date && r instanceof Date) return l.getTime() === r.getTime();
  // Strict, as liquidjs: a null value and a missing one differ (only the `nil` literal matches both).
  return l === r;
}

/** `== empty`: an empty string, array or plain object. */
export function isEmpty(value: unknown): boolean {
  if (typeof value === "string" || Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

/** `== blank`: nil, false, whitespace-only string, or empty. */
export function isBlankValue(value: unknown): boolean {
  if (value === false || value === null || value === undefined || value === MISSING) return true;
  if (typeof value === "string") return /^\s*$/.test(value);
  return isEmpty(value);
}

// JavaScript's ToPrimitive without calling anything the data defines: arrays comma-joined, plain objects
// "[object Object]", dates their epoch milliseconds.
function primitive(value: unknown): unknown {
  if (value === MISSING || value === undefined) return undefined;
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return commaJoin(value, 0);
  return "[object Object]";
}

/** Ordering as liquidjs: JavaScript's relational operators on the values' primitives (so `nil < 1`). */
export function compare(op: "<" | ">" | "<=" | ">=", left: unknown, right: unknown): boolean {
  const a = primitive(left) as number;
  const b = primitive(right) as number;
  if (typeof a === "symbol" || typeof b === "symbol" || typeof a === "function" || typeof b === "function")
    return false;
  switch (op) {
    case "<":
      return a < b;
    case ">":
      return a > b;
    case "<=":
      return a <= b;
    default:
      return a >= b;
  }
}

/** `contains`: substring of a string, element of an array (strict equality). */
export function contains(container: unknown, item: unknown): boolean {
  if (typeof container === "string") {
    return item !== MISSING && item !== undefined && item !== null && container.includes(stringify(item));
  }
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) if (isEqual(ownData(container, String(i)), item)) return true;
  }
  return false;
}

/** Liquid's number coercion: numbers as they are, numeric strings parsed, anything else 0. */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string") return Number(value) || 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.getTime() || 0;
  // JavaScript's `+array` (what liquidjs does): the comma-joined elements as a number, so `["1"]` is 1.
  if (Array.isArray(value)) return Number(commaJoin(value, 0)) || 0;
  return 0;
}

function commaJoin(value: readonly unknown[], depth: number): string {
  if (depth > MAX_STRINGIFY_DEPTH) return "";
  let out = "";
  for (let i = 0; i < value.length; i++) {
    if (i > 0) out += ",";
    const item = arrayItem(value, i);
    if (Array.isArray(item)) out += commaJoin(item, depth + 1);
    else if (item !== null && item !== undefined && item !== MISSING)
      out += typeof item === "object" ? "[object Object]" : String(item);
  }
  return out;
}

/** The items a `for` loop walks: arrays, a non-empty string as one item, plain objects as [key, value]. */
export function toIterable(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return value.length > 0 ? [value] : [];
  if (isPlainObject(value)) return Object.keys(value).map((key) => [key, ownData(value, key)]);
  return [];
}

/** Normalises MISSING to undefined at the edges (filters see `undefined`). */
export function present(value: unknown): unknown {
  return value === MISSING ? undefined : value;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&#34;",
  "'": "&#39;",
};
const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIAL_ALL = /[&<>"']/g;

/** Escapes `& < > " '` for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIAL_ALL, (c) => HTML_ESCAPES[c] as string) : text;
}

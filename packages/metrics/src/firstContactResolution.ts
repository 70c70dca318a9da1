import { type InstantInput, toDate } from "@supportkit/core";
import { checkKeys, fail, nonNegative } from "./_lib/validate";

/**
 * One contact from a customer, for {@link firstContactResolution}.
 *
 * @example
 * ```ts
 * const contact: Contact = { customerId: "c-7", at: "2026-03-02T09:00:00Z", topic: "delivery" };
 * ```
 */
export interface Contact {
  /** Who made contact. */
  readonly customerId: string;
  /** When. */
  readonly at: InstantInput;
  /** What about (order number, category); contacts on different topics are different issues. Default: one topic. */
  readonly topic?: string;
  /** `false` when the contact itself was not resolved (escalated, transferred, callback promised); default `true`. */
  readonly resolved?: boolean;
}

/**
 * Options of {@link firstContactResolution}.
 *
 * @example
 * ```ts
 * firstContactResolution([{ customerId: "c1", at: 0 }], { repeatWindowMs: hours(48) }).rate; //=> 1
 * ```
 */
export interface FirstContactResolutionOptions {
  /** A contact within this time after an issue's first contact is a repeat of it; default 7 days (ms). */
  readonly repeatWindowMs?: number;
}

/**
 * First-contact resolution with the counts behind it.
 *
 * @example
 * ```ts
 * const result: FirstContactResolutionResult = { issues: 10, resolvedFirstContact: 7, repeatContacts: 4, rate: 0.7 };
 * ```
 */
export interface FirstContactResolutionResult {
  /** Distinct issues (first contacts). */
  readonly issues: number;
  /** Issues resolved on the first contact with no repeat within the window. */
  readonly resolvedFirstContact: number;
  /** Contacts that repeated an open issue within its window. */
  readonly repeatContacts: number;
  /** `resolvedFirstContact / issues`; `null` without contacts. */
  readonly rate: number | null;
}

/**
 * First-contact resolution (FCR) with a repeat-contact window: an issue starts with a customer's contact
 * (per topic); any further contact by the same customer on the same topic within `repeatWindowMs` of that
 * first contact is a repeat, and the issue was not resolved first time. A contact after the window starts a
 * new issue. Input order does not matter.
 *
 * @param contacts - contacts with customer, instant, optional topic and resolved flag
 * @param options - `repeatWindowMs` (default 7 days)
 * @returns issues, issues resolved first time, repeats and the rate
 * @throws ValidationError (code `VALIDATION`) when `contacts` is not an array, for a bad instant, empty customer
 *   id, negative window or unknown option key
 * @example
 * ```ts
 * firstContactResolution([
 *   { customerId: "c1", at: "2026-03-02T09:00:00Z" },
 *   { customerId: "c1", at: "2026-03-03T09:00:00Z" }, // repeat within 7 days
 *   { customerId: "c2", at: "2026-03-02T10:00:00Z" },
 * ]).rate; //=> 0.5
 * ```
 */
export function firstContactResolution(
  contacts: readonly Contact[],
  options: FirstContactResolutionOptions = {},
): FirstContactResolutionResult {
  const subject = "contacts";
  if (!Array.isArray(contacts)) fail(subject, "", "must be an array");
  checkKeys(subject, "options", options, ["repeatWindowMs"]);
  const windowMs = nonNegative(subject, "repeatWindowMs", options.repeatWindowMs ?? 7 * 86_400_000);
  const byKey = new Map<string, { at: number; resolved: boolean }[]>();
  contacts.forEach((c, i) => {
    if (typeof c !== "object" || c === null) fail(subject, `${i}`, "must be an object");
    if (typeof c.customerId !== "string" || c.customerId === "")
      fail(subject, `${i}.customerId`, "must be a non-empty string");
    const at = toDate(c.at, `${i}.at`).getTime();
    const key = `${c.customerId}\u0000${c.topic ?? ""}`;
    let list = byKey.get(key);
    if (list === undefined) {
      list = [];
      byKey.set(key, list);
    }
    list.push({ at, resolved: c.resolved !== false });
  });
  let issues = 0;
  let resolved = 0;
  let repeats = 0;
  for (const list of byKey.values()) {
    list.sort((a, b) => a.at - b.at);
    let i = 0;
    while (i < list.length) {
      const first = list[i] as { at: number; resolved: boolean };
      let j = i + 1;
      while (j < list.length && (list[j] as { at: number }).at - first.at <= windowMs) j++;
      issues++;
      repeats += j - i - 1;
      if (j === i + 1 && first.resolved) resolved++;
      i = j;
    }
  }
  return {
    issues,
    resolvedFirstContact: resolved,
    repeatContacts: repeats,
    rate: issues === 0 ? null : resolved / issues,
  };
}

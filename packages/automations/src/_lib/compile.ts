import { type TicketEventType, ValidationError } from "@supportkit/core";
import { type Condition, type ConditionLeaf, MAX_CONDITION_DEPTH } from "../conditions";
import { AutomationError } from "../errors";
import { complement, EVERYTHING, type IntervalSet, intersect, NOTHING, union } from "./intervals";
import { type EvaluationContext, type FieldValue, readerFor, toEpoch } from "./read";
import { normalizeText } from "./text";

/**
 * How one condition evaluated: the tree of results with the values a leaf saw.
 */
export type ConditionExplanation =
  | { kind: "all" | "any"; result: boolean; children: ConditionExplanation[] }
  | { kind: "not"; result: boolean; child: ConditionExplanation }
  | {
      kind: "leaf";
      result: boolean;
      condition: ConditionLeaf;
      /** The value the field held (instants as ISO strings). */
      actual: FieldValue;
      /** For `changed*`: the value before the update. */
      before?: FieldValue;
      /** For `hours_since_*`: hours elapsed. */
      elapsedHours?: number;
    };

export interface CompiledCondition {
  test(context: EvaluationContext): boolean;
  explain(context: EvaluationContext): ConditionExplanation;
  /** The instants (from now on, other facts fixed) at which the condition holds. */
  window(context: EvaluationContext): IntervalSet;
  /** Anchors of time leaves: a new anchor starts a new matching period. */
  anchors(context: EvaluationContext, out: number[]): void;
  /** Event types of which one must be in the update for the condition to hold; `undefined` when none is needed. */
  readonly requiredEventTypes: ReadonlySet<TicketEventType> | undefined;
  /** Channels of which the ticket's must be one for the condition to hold; `undefined` when any will do. */
  readonly requiredChannels: ReadonlySet<string> | undefined;
  readonly usesBusinessTime: boolean;
  /** The field paths the condition reads. */
  readonly reads: ReadonlySet<string>;
  /**
   * The tags whose presence the condition tests (`tags contains "vip"`): only a change to one of them can
   * change its result. `null` when any tag change can (`tags changed`, `tags blank`).
   */
  readonly tagValues: ReadonlySet<unknown> | null;
}

const HOUR = 3_600_000;

// Which events can change a field: a `changed*` leaf cannot hold in an update without one of them.
const CHANGED_BY: Readonly<Record<string, readonly TicketEventType[]>> = {
  status: ["status.changed", "message.added", "assigned", "merged"],
  priority: ["priority.changed"],
  group: ["assigned"],
  assignee: ["assigned"],
  tags: ["tags.changed"],
};

/**
 * Compiles a condition. Parsed conditions are within {@link MAX_CONDITION_DEPTH}; a hand-built one (a typed
 * `Rule` that never went through `parseRule`) is held to the same limit here, so compiling it, and testing and
 * explaining the result (whose recursion follows the same tree), cannot overflow the stack.
 */
export function compileCondition(condition: Condition, path = "when", depth = 0): CompiledCondition {
  if (typeof condition !== "object" || condition === null || Array.isArray(condition)) {
    throw new ValidationError("rule condition", [
      { path, code: "invalid_type", message: "must be a condition object (see parseRule)" },
    ]);
  }
  const isGroup = "all" in condition || "any" in condition || "not" in condition;
  if (isGroup && depth >= MAX_CONDITION_DEPTH) {
    throw new ValidationError("rule condition", [
      {
        path,
        code: "too_deep",
        message: `conditions nest deeper than ${MAX_CONDITION_DEPTH} levels of all / any / not`,
      },
    ]);
  }
  if ("all" in condition) {
    return compileGroup("all", childrenOf(condition.all, `${path}.all`, depth));
  }
  if ("any" in condition) {
    return compileGroup("any", childrenOf(condition.any, `${path}.any`, depth));
  }
  if ("not" in condition) return compileNot(compileCondition(condition.not, `${path}.not`, depth + 1));
  return compileLeaf(condition);
}

function childrenOf(list: readonly Condition[], path: string, depth: number): CompiledCondition[] {
  if (!Array.isArray(list)) {
    throw new ValidationError("rule condition", [
      { path, code: "invalid_type", message: "must be an array of conditions" },
    ]);
  }
  return list.map((child, index) => compileCondition(child, `${path}.${index}`, depth + 1));
}

/**
 * What a group requires of the update: under `all`, the most selective child requirement holds for the
 * whole; under `any`, the union, but only when every child requires something.
 */
function combineRequirements<T>(
  isAll: boolean,
  requirements: readonly (ReadonlySet<T> | undefined)[],
): ReadonlySet<T> | undefined {
  if (isAll) {
    let required: ReadonlySet<T> | undefined;
    for (const set of requirements) if (set && (!required || set.size < required.size)) required = set;
    return required;
  }
  if (requirements.length === 0 || requirements.some((set) => set === undefined)) return undefined;
  return new Set(requirements.flatMap((set) => [...(set as ReadonlySet<T>)]));
}

function compileGroup(kind: "all" | "any", children: CompiledCondition[]): CompiledCondition {
  const isAll = kind === "all";
  const required = combineRequirements(
    isAll,
    children.map((child) => child.requiredEventTypes),
  );
  const requiredChannels = combineRequirements(
    isAll,
    children.map((child) => child.requiredChannels),
  );
  return {
    // Plain loops: `every`/`some` with an arrow would allocate a closure per evaluation on the hot path.
    test: isAll
      ? (context) => {
          for (let index = 0; index < children.length; index++) {
            if (!(children[index] as CompiledCondition).test(context)) return false;
          }
          return true;
        }
      : (context) => {
          for (let index = 0; index < children.length; index++) {
            if ((children[index] as CompiledCondition).test(context)) return true;
          }
          return false;
        },
    explain(context) {
      const explained = children.map((child) => child.explain(context));
      const result = isAll
        ? explained.every((child) => child.result)
        : explained.some((child) => child.result);
      return { kind, result, children: explained };
    },
    window(context) {
      let set = isAll ? EVERYTHING : NOTHING;
      for (const child of children) {
        set = isAll ? intersect(set, child.window(context)) : union(set, child.window(context));
        if (isAll && set.length === 0) break;
      }
      return set;
    },
    anchors(context, out) {
      for (const child of children) child.anchors(context, out);
    },
    requiredEventTypes: required,
    requiredChannels,
    usesBusinessTime: children.some((child) => child.usesBusinessTime),
    reads: new Set(children.flatMap((child) => [...child.reads])),
    tagValues: children.some((child) => child.tagValues === null)
      ? null
      : new Set(children.flatMap((child) => [...(child.tagValues as ReadonlySet<unknown>)])),
  };
}

function compileNot(child: CompiledCondition): CompiledCondition {
  return {
    test: (context) => !child.test(context),
    explain(context) {
      const explained = child.explain(context);
      return { kind: "not", result: !explained.result, child: explained };
    },
    window: (context) => complement(child.window(context)),
    anchors: (context, out) => child.anchors(context, out),
    requiredEventTypes: undefined,
    requiredChannels: undefined,
    usesBusinessTime: child.usesBusinessTime,
    reads: child.reads,
    tagValues: child.tagValues,
  };
}

function compileLeaf(leaf: ConditionLeaf): CompiledCondition {
  const read = readerFor(leaf.field);
  const { op } = leaf;
  if (op === "hours_since_gte" || op === "hours_since_lt") return compileSince(leaf, read);
  const compare = comparator(leaf);
  const isChange = op === "changed" || op === "not_changed" || op === "changed_to" || op === "changed_from";
  const changedBy = isChange && op !== "not_changed" ? CHANGED_BY[leaf.field] : undefined;
  const fieldChange: readonly TicketEventType[] | undefined =
    isChange && op !== "not_changed" && leaf.field.startsWith("fields.") ? ["field.changed"] : undefined;
  let required: ReadonlySet<TicketEventType> | undefined;
  if (changedBy ?? fieldChange) required = new Set(changedBy ?? fieldChange);
  if (leaf.field === "event.type" && (op === "is" || op === "in")) {
    const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
    required = new Set(values.filter((value): value is TicketEventType => typeof value === "string"));
  }
  const test = (context: EvaluationContext): boolean => {
    const actual = read(context.ticket, context);
    if (op === "anniversary") return isAnniversary(actual, context);
    if (!isChange) return compare(actual);
    const before = context.before === undefined ? undefined : read(context.before, context);
    return changeHolds(leaf, context.before !== undefined, before, actual);
  };
  return {
    test,
    explain(context) {
      const actual = read(context.ticket, context);
      const node: ConditionExplanation = { kind: "leaf", result: test(context), condition: leaf, actual };
      if (isChange && context.before !== undefined) node.before = read(context.before, context);
      return node;
    },
    window: (context) => (test(context) ? EVERYTHING : NOTHING),
    anchors: () => {},
    requiredEventTypes: required,
    requiredChannels:
      leaf.field === "channel" && (op === "is" || op === "in")
        ? new Set((Array.isArray(leaf.value) ? leaf.value : [leaf.value]).map(String))
        : undefined,
    usesBusinessTime: false,
    reads: new Set([leaf.field]),
    tagValues: tagValuesOf(leaf),
  };
}

function compileSince(
  leaf: ConditionLeaf,
  read: (ticket: EvaluationContext["ticket"], context: EvaluationContext) => FieldValue,
): CompiledCondition {
  const thresholdMs = (leaf.value as number) * HOUR;
  const business = leaf.business === true;
  const atLeast = leaf.op === "hours_since_gte";
  const clockOf = (context: EvaluationContext) => {
    if (!context.clock) {
      throw new AutomationError(
        "CLOCK_MISSING",
        `Condition on ${leaf.field} counts business hours, but no clock was given (pass options.clock)`,
      );
    }
    return context.clock;
  };
  const elapsed = (context: EvaluationContext, anchor: number): number =>
    business ? clockOf(context).between(new Date(anchor), new Date(context.now)) : context.now - anchor;
  const test = (context: EvaluationContext): boolean => {
    const anchor = toEpoch(read(context.ticket, context));
    if (anchor === undefined) return false;
    const hoursElapsed = elapsed(context, anchor);
    return atLeast ? hoursElapsed >= thresholdMs : hoursElapsed < thresholdMs;
  };
  return {
    test,
    explain(context) {
      const value = read(context.ticket, context);
      const anchor = toEpoch(value);
      const node: ConditionExplanation = {
        kind: "leaf",
        result: test(context),
        condition: leaf,
        actual: value,
      };
      if (anchor !== undefined) {
        node.actual = new Date(anchor).toISOString();
        node.elapsedHours = elapsed(context, anchor) / HOUR;
      }
      return node;
    },
    window(context) {
      const anchor = toEpoch(read(context.ticket, context));
      if (anchor === undefined) return NOTHING;
      // The first instant at which `thresholdMs` has elapsed; a business add lands on the earliest such instant.
      const crossing =
        thresholdMs === 0
          ? anchor
          : business
            ? clockOf(context).add(new Date(anchor), thresholdMs).getTime()
            : anchor + thresholdMs;
      return atLeast ? [[crossing, Number.POSITIVE_INFINITY]] : [[Number.NEGATIVE_INFINITY, crossing]];
    },
    anchors(context, out) {
      const anchor = toEpoch(read(context.ticket, context));
      if (anchor !== undefined) out.push(anchor);
    },
    requiredEventTypes: undefined,
    requiredChannels: undefined,
    usesBusinessTime: business,
    reads: new Set([leaf.field]),
    tagValues: new Set(),
  };
}

const NO_TAGS: ReadonlySet<unknown> = new Set();

function tagValuesOf(leaf: ConditionLeaf): ReadonlySet<unknown> | null {
  if (leaf.field !== "tags") return NO_TAGS;
  switch (leaf.op) {
    case "contains":
    case "not_contains":
    case "changed_to":
    case "changed_from":
      return new Set([leaf.value]);
    case "contains_any":
    case "contains_all":
    case "contains_none":
      return new Set(Array.isArray(leaf.value) ? leaf.value : [leaf.value]);
    default:
      return null;
  }
}

function asList(value: FieldValue): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

// Tag lists are read by many rules per update; a set per list (lists are never mutated) keeps each look-up O(1).
const listSets = new WeakMap<readonly unknown[], ReadonlySet<unknown>>();

function listHas(list: readonly unknown[], needle: unknown): boolean {
  if (list.length < 16) return list.includes(needle);
  let set = listSets.get(list);
  if (!set) {
    set = new Set(list);
    listSets.set(list, set);
  }
  return set.has(needle);
}

function containsOne(actual: FieldValue, needle: unknown): boolean {
  const list = asList(actual);
  if (list) return listHas(list, needle);
  if (typeof actual !== "string" || needle === null || needle === undefined) return false;
  return normalizeText(actual).includes(normalizeText(String(needle)));
}

function comparator(leaf: ConditionLeaf): (actual: FieldValue) => boolean {
  const { op, value } = leaf;
  const values = Array.isArray(value) ? value : [value];
  const normalizedValues = values.map((item) => (typeof item === "string" ? normalizeText(item) : item));
  switch (op) {
    case "is":
      return (actual) => actual === value;
    case "is_not":
      return (actual) => actual !== value;
    case "in":
      return (actual) => values.includes(actual as never);
    case "not_in":
      return (actual) => !values.includes(actual as never);
    case "gt":
      return (actual) => typeof actual === "number" && actual > (value as number);
    case "gte":
      return (actual) => typeof actual === "number" && actual >= (value as number);
    case "lt":
      return (actual) => typeof actual === "number" && actual < (value as number);
    case "lte":
      return (actual) => typeof actual === "number" && actual <= (value as number);
    case "present":
      return (actual) => !isBlank(actual);
    case "blank":
      return isBlank;
    case "contains":
      return (actual) => containsOne(actual, value);
    case "not_contains":
      return (actual) => !containsOne(actual, value);
    case "contains_any":
    case "contains_all":
    case "contains_none": {
      const wantAll = op === "contains_all";
      const wantNone = op === "contains_none";
      return (actual) => {
        const list = asList(actual);
        const text = typeof actual === "string" ? normalizeText(actual) : undefined;
        let any = false;
        for (let index = 0; index < values.length; index++) {
          const normalized = normalizedValues[index];
          const found = list
            ? listHas(list, values[index])
            : text !== undefined && typeof normalized === "string" && text.includes(normalized);
          if (found) any = true;
          else if (wantAll) return false;
          if (found && !wantAll) break;
        }
        return wantAll ? true : wantNone ? !any : any;
      };
    }
    default:
      return () => false;
  }
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Whether a date (`YYYY-MM-DD`, `MM-DD` or an instant's UTC date) falls on today in the customer's zone. */
function isAnniversary(value: FieldValue, context: EvaluationContext): boolean {
  let monthDay: string | undefined;
  if (typeof value === "string") monthDay = /^(?:\d{4}-)?(\d{2}-\d{2})(?:$|T)/.exec(value)?.[1];
  if (monthDay === undefined) {
    const epoch = toEpoch(value);
    if (epoch === undefined) return false;
    monthDay = new Date(epoch).toISOString().slice(5, 10);
  }
  const timeZone = context.ticket.requester.timeZone ?? "UTC";
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormatters.set(timeZone, formatter);
  }
  const today = formatter.format(new Date(context.now)); // en-CA formats as YYYY-MM-DD
  const todayMonthDay = today.slice(5, 10);
  if (monthDay === todayMonthDay) return true;
  // A 29 February anniversary is kept on 28 February in common years.
  const year = Number(today.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return monthDay === "02-29" && todayMonthDay === "02-28" && !leap;
}

function isBlank(actual: FieldValue): boolean {
  return (
    actual === undefined || actual === null || actual === "" || (Array.isArray(actual) && actual.length === 0)
  );
}

function changeHolds(
  leaf: ConditionLeaf,
  hadBefore: boolean,
  before: FieldValue,
  after: FieldValue,
): boolean {
  const changed = hadBefore && !sameValue(before, after);
  switch (leaf.op) {
    case "changed":
      return changed;
    case "not_changed":
      return !changed;
    case "changed_to": {
      if (!changed) return false;
      const list = asList(after);
      return list
        ? list.includes(leaf.value) && !(asList(before) ?? []).includes(leaf.value)
        : after === leaf.value;
    }
    case "changed_from": {
      if (!changed) return false;
      const list = asList(before);
      return list
        ? list.includes(leaf.value) && !(asList(after) ?? []).includes(leaf.value)
        : before === leaf.value;
    }
    default:
      return false;
  }
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  const listA = asList(a);
  const listB = asList(b);
  if (listA && listB) return listA.length === listB.length && listA.every((item) => listB.includes(item));
  return a === b;
}

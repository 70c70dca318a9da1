import { z } from "zod";

/**
 * Every comparison a condition leaf can make.
 *
 * - `is`, `is_not`, `in`, `not_in`, `gt`, `gte`, `lt`, `lte`, `present`, `blank`: on the field's current value
 * - `contains`, `not_contains`, `contains_any`, `contains_all`, `contains_none`: on lists (tags: whole items)
 *   or text (NFKC-normalised, case-insensitive substrings)
 * - `changed`, `not_changed`, `changed_to`, `changed_from`: against the value before the update (triggers)
 * - `hours_since_gte`, `hours_since_lt`: hours (fractions allowed) since an instant field, in calendar time or,
 *   with `business: true`, in the business hours of the clock passed in
 * - `anniversary`: a date field (birthday, signup) falls on today's month and day in the customer's zone
 *
 * @example
 * ```ts
 * CONDITION_OPERATORS.includes("changed_to"); //=> true
 * ```
 */
export const CONDITION_OPERATORS = [
  "is",
  "is_not",
  "in",
  "not_in",
  "gt",
  "gte",
  "lt",
  "lte",
  "present",
  "blank",
  "contains",
  "not_contains",
  "contains_any",
  "contains_all",
  "contains_none",
  "changed",
  "not_changed",
  "changed_to",
  "changed_from",
  "hours_since_gte",
  "hours_since_lt",
  "anniversary",
] as const;

/**
 * A comparison a condition leaf makes.
 *
 * @example
 * ```ts
 * const op: ConditionOperator = "contains_any";
 * ```
 */
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

const scalar = z.union([
  z.string(),
  z.number().refine(Number.isFinite, "must be finite"),
  z.boolean(),
  z.null(),
]);

// Field paths are data, never property lookups on arbitrary objects: only known roots and plain names.
const FIELD_PATH =
  /^(?:status|priority|channel|group|assignee|subject|language|tags|reopens|created_at|updated_at|status_changed_at|solved_at|last_customer_message_at|last_agent_reply_at|event\.type|event\.actor|message\.text|message\.author|message\.visibility|customer\.(?:id|name|email|locale|timeZone|tier|orderCount|lifetimeValue|currency)|(?:fields|customer\.attributes|data)\.[A-Za-z0-9_-]{1,128})$/;
const FORBIDDEN = /(?:^|\.)(?:__proto__|constructor|prototype)$/;

/**
 * Schema of a condition leaf: `{ field, op, value? , business? }`. Fields: `status`, `priority`, `channel`,
 * `group`, `assignee`, `subject`, `language`, `tags`, `reopens`, `fields.<name>`, `customer.<tier|locale|…>`,
 * `customer.attributes.<name>`, `event.type`, `event.actor` (role), `message.text`, `message.author`,
 * `message.visibility`, the instants `created_at`, `updated_at`, `status_changed_at`, `solved_at`,
 * `last_customer_message_at`, `last_agent_reply_at`, and `data.<name>` in workflow guards.
 *
 * @example
 * ```ts
 * ConditionLeafSchema.parse({ field: "status", op: "changed_to", value: "solved" }).op; //=> "changed_to"
 * ```
 */
export const ConditionLeafSchema = z
  .strictObject({
    field: z
      .string()
      .regex(FIELD_PATH, "unknown field (see the list of condition fields)")
      .refine((path) => !FORBIDDEN.test(path), "is not allowed as a field name"),
    op: z.enum(CONDITION_OPERATORS),
    value: z.union([scalar, z.array(scalar).max(1_000)]).optional(),
    /** For `hours_since_*`: count business hours of the clock given to the run. Default `false`. */
    business: z.boolean().optional(),
  })
  .superRefine((leaf, ctx) => {
    const needsList = ["in", "not_in", "contains_any", "contains_all", "contains_none"].includes(leaf.op);
    const needsNothing = ["present", "blank", "changed", "not_changed", "anniversary"].includes(leaf.op);
    const needsNumber = ["gt", "gte", "lt", "lte", "hours_since_gte", "hours_since_lt"].includes(leaf.op);
    if (needsList && !Array.isArray(leaf.value)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `"${leaf.op}" needs a list of values` });
    } else if (
      needsNumber &&
      (typeof leaf.value !== "number" || (leaf.op.startsWith("hours") && leaf.value < 0))
    ) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `"${leaf.op}" needs a non-negative number` });
    } else if (
      !needsList &&
      !needsNothing &&
      !needsNumber &&
      (leaf.value === undefined || Array.isArray(leaf.value))
    ) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `"${leaf.op}" needs one value` });
    }
    if (leaf.business !== undefined && !leaf.op.startsWith("hours_since")) {
      ctx.addIssue({
        code: "custom",
        path: ["business"],
        message: "only applies to hours_since_* operators",
      });
    }
  });

/**
 * One comparison on one field.
 *
 * @example
 * ```ts
 * const leaf: ConditionLeaf = { field: "fields.payment", op: "is", value: "unpaid" };
 * ```
 */
export type ConditionLeaf = z.output<typeof ConditionLeafSchema>;

/**
 * How deep `all` / `any` / `not` groups may nest in one condition: 32 levels. Admin UIs rarely go past five; the
 * limit keeps parsing, compiling and evaluating a rule (all recursive) far from the engine's stack limit, so a
 * hostile or generated rule is a `ValidationError` naming its path instead of a `RangeError`.
 *
 * @example
 * ```ts
 * let condition: Condition = { field: "status", op: "is", value: "new" };
 * for (let i = 0; i < MAX_CONDITION_DEPTH + 1; i++) condition = { not: condition };
 * ConditionSchema.safeParse(condition).success; //=> false
 * ```
 */
export const MAX_CONDITION_DEPTH = 32;

/**
 * A rule's condition: a leaf, or `all` / `any` / `not` of conditions, nested up to {@link MAX_CONDITION_DEPTH}
 * groups deep. `all` and `any` need at least one condition each: an empty `all` would match every ticket and
 * an empty `any` none, which from an admin UI is a mistake, not an intent.
 *
 * @example
 * ```ts
 * const condition: Condition = {
 *   all: [
 *     { field: "fields.shipment", op: "is", value: "shipped" },
 *     { field: "fields.tracking_updated_at", op: "hours_since_gte", value: 48 },
 *     { not: { field: "tags", op: "contains", value: "logistics_followup" } },
 *   ],
 * };
 * ```
 */
export type Condition = ConditionLeaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };

const DEPTH_MESSAGE = `conditions nest deeper than ${MAX_CONDITION_DEPTH} levels of all / any / not`;

/**
 * Schema of a {@link Condition} (recursive). The nesting depth is checked first, on the raw input and without
 * recursion, so no input can make the recursive parse overflow the stack.
 *
 * @example
 * ```ts
 * ConditionSchema.parse({ any: [{ field: "priority", op: "is", value: "urgent" }, { field: "customer.tier", op: "is", value: "vip" }] });
 * ConditionSchema.safeParse({ all: [] }).success; //=> false
 * ```
 */
export const ConditionSchema: z.ZodType<Condition> = z.unknown().transform((value, ctx) => {
  const deep = tooDeepAt(value);
  if (deep !== undefined) {
    ctx.addIssue({ code: "custom", message: DEPTH_MESSAGE, path: deep, input: value });
    return z.NEVER;
  }
  return forward(NestedConditionSchema.safeParse(value), value, ctx);
});

// The recursive part, reached only through ConditionSchema's depth check.
const NestedConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  // Picks the branch by its key first, so an error names the real field (`all.1.op`) rather than
  // "matches no branch of the union".
  z.unknown().transform((value, ctx) => forward(branchFor(value).safeParse(value), value, ctx)),
);

function forward(
  result: z.ZodSafeParseResult<unknown>,
  value: unknown,
  ctx: z.core.$RefinementCtx<unknown>,
): Condition {
  if (result.success) return result.data as Condition;
  for (const issue of result.error.issues) {
    ctx.addIssue({ code: "custom", message: issue.message, path: issue.path, input: value });
  }
  return z.NEVER;
}

const AllSchema = z.strictObject({
  all: z
    .array(z.lazy(() => NestedConditionSchema))
    .min(1, 'an empty "all" would match every ticket: add a condition or remove the group')
    .max(200),
});
const AnySchema = z.strictObject({
  any: z
    .array(z.lazy(() => NestedConditionSchema))
    .min(1, 'an empty "any" never matches: add a condition or remove the group')
    .max(200),
});
const NotSchema = z.strictObject({ not: z.lazy(() => NestedConditionSchema) });

function groupKey(value: unknown): "all" | "any" | "not" | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  if (Object.hasOwn(value, "all")) return "all";
  if (Object.hasOwn(value, "any")) return "any";
  if (Object.hasOwn(value, "not")) return "not";
  return undefined;
}

function branchFor(value: unknown): z.ZodType {
  const key = groupKey(value);
  return key === "all"
    ? AllSchema
    : key === "any"
      ? AnySchema
      : key === "not"
        ? NotSchema
        : ConditionLeafSchema;
}

/**
 * The path of the first group nested deeper than {@link MAX_CONDITION_DEPTH}, or `undefined`. An explicit stack
 * rather than recursion: this runs on untrusted input before anything recursive does. It follows the same keys
 * as `branchFor`, so it measures the nesting the parse would walk; a cycle (possible in objects, not in JSON)
 * ends at the limit too.
 */
function tooDeepAt(root: unknown): (string | number)[] | undefined {
  const stack: { node: unknown; depth: number; path: (string | number)[] }[] = [
    { node: root, depth: 0, path: [] },
  ];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const key = groupKey(item.node);
    if (key === undefined) continue;
    if (item.depth >= MAX_CONDITION_DEPTH) return item.path;
    const child = (item.node as Record<string, unknown>)[key];
    if (key === "not") {
      stack.push({ node: child, depth: item.depth + 1, path: [...item.path, key] });
    } else if (Array.isArray(child)) {
      for (let index = child.length - 1; index >= 0; index--) {
        stack.push({ node: child[index], depth: item.depth + 1, path: [...item.path, key, index] });
      }
    }
  }
  return undefined;
}

import { describe, expect, test } from "vitest";
import { z } from "zod";
import { validateTemplate } from "./validateTemplate";

const Data = z.object({
  customer: z.object({
    name: z.string().optional(),
    tier: z.enum(["standard", "vip"]),
    attributes: z.record(z.string(), z.string()),
  }),
  order: z.object({
    number: z.string(),
    currency: z.string().length(3),
    eta: z.date(),
    items: z.array(z.object({ title: z.string(), price: z.number(), qty: z.number().int() })),
    shipping: z.union([z.object({ carrier: z.string() }), z.object({ pickup: z.string() })]).nullable(),
  }),
  extra: z.looseObject({ id: z.string() }),
});

describe("validateTemplate", () => {
  test("a correct template is ok and lists the paths it reads", () => {
    const result = validateTemplate(
      "Hi {{ customer.name | default: 'there' }} {% for item in order.items %}{{ item.title }} {{ item.price | money: order.currency }}{{ forloop.index }}{% endfor %}{% if customer.tier == 'vip' %}VIP{% endif %} {{ order.eta | date: '%b %d' }} {{ order.items.size }} {{ order.items.first.title }} {{ customer.attributes.loyalty }} {{ extra.anything }} {{ order.shipping.carrier }}",
      Data,
    );
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.variables).toEqual(
      expect.arrayContaining([
        "customer.name",
        "order.items[].title",
        "order.items[].price",
        "order.currency",
        "order.eta",
      ]),
    );
  });

  test("every unknown variable path is reported with its position", () => {
    const result = validateTemplate(
      "Hi {{ customer.nmae }},\n{% for item in order.items %}{{ item.titel }}{% endfor %}{{ ordr.number }}{{ order.items[0].sku }}",
      Data,
    );
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.path, issue.line, issue.column])).toEqual([
      ["TEMPLATE_UNKNOWN_VARIABLE", "customer.nmae", 1, 7],
      ["TEMPLATE_UNKNOWN_VARIABLE", "order.items[].titel", 2, 33],
      ["TEMPLATE_UNKNOWN_VARIABLE", "ordr", 2, 61],
      ["TEMPLATE_UNKNOWN_VARIABLE", "order.items[].sku", 2, 78],
    ]);
    expect(result.issues[0]?.excerpt).toBe("Hi {{ customer.nmae }},\n      ^");
  });

  test("case/when subjects and values are checked too", () => {
    const result = validateTemplate("{% case customer.tierr %}{% when order.nmber %}x{% endcase %}", Data);
    expect(result.issues.map((issue) => issue.path)).toEqual(["customer.tierr", "order.nmber"]);
  });

  test("assigned and captured names are not data paths", () => {
    expect(
      validateTemplate(
        "{% assign n = order.items.size %}{% capture c %}x{% endcapture %}{{ n }}{{ c }}",
        Data,
      ).ok,
    ).toBe(true);
  });

  test("unknown and misused filters are reported, all of them", () => {
    const result = validateTemplate(
      "{{ customer.name | shout }} {{ order.items | money: 'EUR' }} {{ order.number | join: ',' }} {{ customer | plus: 1 }} {{ order.number | truncate: 1, 2, 3 }} {{ 3 | plural: one: 'x' }}",
      Data,
    );
    expect(result.issues.map((issue) => issue.code)).toEqual([
      "TEMPLATE_UNKNOWN_FILTER",
      "TEMPLATE_FILTER_INPUT",
      "TEMPLATE_FILTER_INPUT",
      "TEMPLATE_FILTER_INPUT",
      "TEMPLATE_SYNTAX",
      "TEMPLATE_SYNTAX",
    ]);
    expect(result.issues[1]?.message).toBe('Filter "money" expects a number but gets an array');
  });

  test("a literal currency or zone the filter cannot use is an issue naming the filter and argument", () => {
    const result = validateTemplate(
      "{{ order.items.first.price | money: 'EURO' }} {{ order.eta | date: 'long', 'Mars/Base' }} {{ order.items.first.price | money: order.currency }} {{ order.eta | date: 'long', 'Asia/Tokyo' }} {{ order.items.first.price | money: 'eur' }}",
      Data,
    );
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.line, issue.column, issue.message])).toEqual([
      [
        "TEMPLATE_INVALID_ARGUMENT",
        1,
        37,
        'Filter "money": currency "EURO" is not an ISO 4217 currency code (such as "EUR")',
      ],
      [
        "TEMPLATE_INVALID_ARGUMENT",
        1,
        76,
        'Filter "date": time zone "Mars/Base" is not a known IANA time zone (such as "Europe/Berlin")',
      ],
    ]);
    expect(validateTemplate("{{ x | money: 'EURO' }}", z.object({ x: z.number() })).ok).toBe(false);
  });

  test("a syntax error is the one issue", () => {
    const result = validateTemplate("{% if customer.name %}unclosed", Data);
    expect(result.ok).toBe(false);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.code).toBe("TEMPLATE_SYNTAX");
  });
});

describe("validateTemplate arguments", () => {
  test("names a missing schema or a non-string source instead of crashing", () => {
    const call = validateTemplate as unknown as (source: unknown, schema?: unknown) => unknown;
    expect(() => call("Hi {{ name }}")).toThrow(
      /Invalid validateTemplate arguments: schema: expected the zod schema/,
    );
    expect(() => call(42, z.object({}))).toThrow(/source: expected the template source as a string/);
  });
});

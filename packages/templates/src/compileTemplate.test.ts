import { ValidationError } from "@supportkit/core";
import { describe, expect, test } from "vitest";
import { compileTemplate } from "./compileTemplate";
import { TemplateError } from "./errors";

const text = (source: string, data: Record<string, unknown> = {}): string =>
  compileTemplate(source, { escape: "none" }).render(data);
const html = (source: string, data: Record<string, unknown> = {}): string =>
  compileTemplate(source, { escape: "html" }).render(data);

function failure(run: () => unknown): TemplateError {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error("expected a TemplateError");
}

describe("compileTemplate", () => {
  test("compiles once and renders many times with different data", () => {
    const t = compileTemplate("Hi {{ name }}", { escape: "none" });
    expect(t.render({ name: "Ana" })).toBe("Hi Ana");
    expect(t.render({ name: "Bo" })).toBe("Hi Bo");
    expect(t.render()).toBe("Hi ");
    expect(Object.isFrozen(t)).toBe(true);
  });

  test("the Liquid quirks: '' is truthy in if, but default replaces it; truncate counts the ellipsis", () => {
    expect(text("{% if name %}yes{% else %}no{% endif %}|{{ name | default: 'there' }}", { name: "" })).toBe(
      "yes|there",
    );
    expect(text("{{ s | truncate: 20 }}", { s: "Your order has shipped today" })).toBe(
      "Your order has sh...",
    );
    expect(text("{{ s | truncate: 20 }}", { s: "Your order has shipped today" })).toHaveLength(20);
  });

  test("fallback is default under the name Intercom users write", () => {
    expect(text("Hi {{ first_name | fallback: 'there' }}")).toBe("Hi there");
    expect(text("Hi {{ first_name | fallback: 'there' }}", { first_name: "Mo" })).toBe("Hi Mo");
  });

  test("<> is Liquid's other spelling of !=", () => {
    expect(text("{% if n <> 8 %}ne{% endif %}{% if n <> 7 %}X{% endif %}", { n: 7 })).toBe("ne");
  });

  test("raw and comment accept whitespace control and nest", () => {
    expect(text("a {%- raw -%}  {{ keep }}  {%- endraw -%} b")).toBe("a{{ keep }}b");
    expect(text("a{% comment %}{% comment %}x{% endcomment %}y{% endcomment %}b")).toBe("ab");
  });

  test("loop variables shadow assigns, which shadow data; all three are scoped like liquidjs", () => {
    expect(
      text("{{ x }}{% assign x = 2 %}{{ x }}{% for x in (5..6) %}{{ x }}{% endfor %}{{ x }}", { x: 1 }),
    ).toBe("12562");
  });

  test("capture collects output without emitting it", () => {
    expect(text("{% capture c %}{% for i in (1..3) %}{{ i }}{% endfor %}{% endcapture %}<{{ c }}>")).toBe(
      "<123>",
    );
  });

  test("RTL and CJK text pass through untouched, and filters treat them as text", () => {
    expect(
      text("{{ a }} | {{ h }} | {{ c | truncate: 5 }}", {
        a: "طلبك في الطريق",
        h: "ההזמנה שלך בדרך",
        c: "您的订单已发货",
      }),
    ).toBe("طلبك في الطريق | ההזמנה שלך בדרך | 您的...");
    expect(text("{{ c | size }} {{ c | first }}", { c: "注文番号" })).toBe("4 注");
  });

  test("forloop.length and rindex follow limit and offset", () => {
    expect(
      text(
        "{% for i in (1..9) limit: 3 offset: 2 %}{{ i }}:{{ forloop.length }}:{{ forloop.rindex }} {% endfor %}",
      ),
    ).toBe("3:3:3 4:3:2 5:3:1 ");
  });
});

describe("escaping", () => {
  test("the HTML channel escapes & < > \" ' in every output", () => {
    expect(html("<p>Hi {{ name }}</p>", { name: `<script>alert("x")</script> & 'co'` })).toBe(
      "<p>Hi &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;co&#39;</p>",
    );
  });

  test("text channels get no entities", () => {
    expect(text("Hi {{ name }}", { name: "Tom & <Jerry>" })).toBe("Hi Tom & <Jerry>");
  });

  test("an explicit escape is not escaped twice; newline_to_br escapes the text and keeps its <br />", () => {
    expect(html("{{ name | escape }}", { name: "<b>" })).toBe("&lt;b&gt;");
    expect(html("{{ body | newline_to_br }}", { body: "<i>one</i>\ntwo" })).toBe(
      "&lt;i&gt;one&lt;/i&gt;<br />\ntwo",
    );
    expect(html("{{ name | escape | upcase }}", { name: "<b>" })).toBe("&amp;LT;B&amp;GT;");
    expect(html("{{ body | escape | newline_to_br }}", { body: "<i>\n&" })).toBe("&lt;i&gt;<br />\n&amp;");
    expect(html("{{ body | newline_to_br | newline_to_br }}", { body: "a\nb" })).toBe(
      "a&lt;br /&gt;<br />\nb",
    );
    expect(html("{{ body | newline_to_br | newline_to_br }}", { body: "<script>" })).toBe("&lt;script&gt;");
  });

  test("a captured block is printed once-escaped, its markup intact; a same-named data value is escaped", () => {
    expect(
      html("{% capture hi %}<b>Hi {{ name }}</b>{% endcapture %}<p>{{ hi }}</p>", { name: "Tom & <Jerry>" }),
    ).toBe("<p><b>Hi Tom &amp; &lt;Jerry&gt;</b></p>");
    expect(html("{{ hi }}{% capture hi %}x{% endcapture %}", { hi: "<script>" })).toBe("&lt;script&gt;");
    expect(html("{% capture hi %}<i>{% endcapture %}{{ hi | upcase }}")).toBe("&lt;I&gt;");
    expect(html("{% capture hi %}<i>{% endcapture %}{% assign hi = v %}{{ hi }}", { v: "<b>" })).toBe(
      "&lt;b&gt;",
    );
  });

  test("template syntax inside data is printed, never parsed", () => {
    const data = { name: "{{ secret }}{% for i in (1..99999999) %}x{% endfor %}", secret: "s3cret" };
    expect(text("{{ name }}", data)).toBe(data.name);
    expect(html("{{ name }}", data)).toBe(data.name);
  });
});

describe("errors", () => {
  test("an unknown filter is a compile error with line, column and a caret excerpt", () => {
    const error = failure(() => compileTemplate("Hello,\nHi {{ name | shout }}!"));
    expect(error.code).toBe("TEMPLATE_UNKNOWN_FILTER");
    expect([error.line, error.column]).toEqual([2, 14]);
    expect(error.excerpt).toBe("Hi {{ name | shout }}!\n             ^");
    expect(error.message).toContain('Unknown filter "shout"');
  });

  test("an unknown tag, include and render among them, is a compile error", () => {
    for (const source of [
      "{% include 'header' %}",
      "{% render '../../etc/passwd' %}",
      "{% tablerow x in y %}",
    ]) {
      expect(failure(() => compileTemplate(source)).code).toBe("TEMPLATE_UNKNOWN_TAG");
    }
  });

  test.each([
    ["{{ name", 1, 1],
    ["{% if x %}open", 1, 4],
    ["{% for x in %}{% endfor %}", 1, 13],
    ["{% endif %}", 1, 4],
    ["{{ a | }}", 1, 8],
    ["{{ 'unclosed }}", 1, 1],
    ["ok\n{% if a %}{% else %}{% elsif b %}{% endif %}", 2, 24],
    ["{{ a | truncate: 1, 2, 3 }}", 1, 8],
    ["{{ n | plural: one: 'x' }}", 1, 8],
    ["{% break %}", 1, 4],
    ["{% assign = 1 %}", 1, 11],
  ])("%j is a TEMPLATE_SYNTAX error at %i:%i", (source, line, column) => {
    const error = failure(() => compileTemplate(source));
    expect(error.code).toBe("TEMPLATE_SYNTAX");
    expect([error.line, error.column]).toEqual([line, column]);
  });

  test("TemplateError is a SupportKitError with a stable code", () => {
    const error = failure(() => compileTemplate("{{ x | nope }}"));
    expect(error.name).toBe("TemplateError");
    expect(error).toBeInstanceOf(Error);
  });

  test("bad options and bad data are ValidationErrors", () => {
    expect(() => compileTemplate("x", { timeZone: "Mars/Base" })).toThrow(ValidationError);
    expect(() => compileTemplate("x", { locale: "not a locale" })).toThrow(ValidationError);
    expect(() => compileTemplate("x", { limits: { maxRenderSteps: -1 } })).toThrow(ValidationError);
    expect(() => compileTemplate("x").render([1, 2])).toThrow(ValidationError);
    expect(() => compileTemplate("x").render({}, { timeZone: "Nowhere/Else" })).toThrow(ValidationError);
  });
});

describe("strict mode", () => {
  const strict = (source: string, data: Record<string, unknown> = {}): string =>
    compileTemplate(source, { escape: "none", strict: true }).render(data);

  test("an unknown variable fails with its name and position", () => {
    const error = failure(() => strict("Hi {{ customer.nmae }}", { customer: { name: "Ana" } }));
    expect(error.code).toBe("TEMPLATE_UNKNOWN_VARIABLE");
    expect(error.message).toContain('"customer.nmae"');
    expect([error.line, error.column]).toEqual([1, 7]);
  });

  test("default, fallback and if on a missing value are still allowed", () => {
    expect(strict("{{ name | default: 'there' }} {{ name | fallback: 'you' }}")).toBe("there you");
    expect(strict("{% if vip %}VIP{% else %}std{% endif %}{% unless vip %}!{% endunless %}")).toBe("std!");
  });

  test("non-strict renders unknown variables as empty", () => {
    expect(text("[{{ a.b.c }}]")).toBe("[]");
  });
});

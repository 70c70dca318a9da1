import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { FILTERS } from "./_lib/filters";
import { renderWithLiquidjs } from "./_test/liquid";
import { compileTemplate } from "./compileTemplate";
import { TemplateError } from "./errors";

// Laws of the template language, checked on random input.

const fragments = [
  "{{",
  "}}",
  "{%",
  "%}",
  "{{-",
  "-}}",
  " if ",
  " for ",
  " in ",
  " endif ",
  " endfor ",
  " else ",
  " assign ",
  " capture ",
  " case ",
  " when ",
  " endcase ",
  " break ",
  " endcapture ",
  " raw ",
  " endraw ",
  " comment ",
  " endcomment ",
  "x",
  "items",
  "name",
  ".",
  "[",
  "]",
  "(",
  ")",
  "..",
  "1",
  "10",
  "-3",
  "'s'",
  '"q"',
  "|",
  ":",
  ",",
  " upcase",
  " default",
  " truncate",
  " date",
  " money",
  " plural",
  " contains ",
  " and ",
  " or ",
  " == ",
  " < ",
  "=",
  "__proto__",
  "constructor",
  "forloop.index",
  "\n",
  " ",
];

const templateArb = fc.oneof(
  fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((parts) => parts.join("")),
  fc.string({ maxLength: 80 }),
  fc
    .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 4 })), { maxLength: 30 })
    .map((p) => p.join("")),
);

const dataArb = fc.record({
  x: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
  name: fc.string(),
  items: fc.array(fc.oneof(fc.string(), fc.integer(), fc.record({ a: fc.string() })), { maxLength: 5 }),
});

describe("laws", () => {
  test.prop([templateArb, dataArb], { numRuns: 2000 })(
    "any input renders to a string or fails with a TemplateError",
    (source, data) => {
      for (const mode of ["html", "none"] as const) {
        try {
          const out = compileTemplate(source, { escape: mode, limits: { maxRenderSteps: 5000 } }).render(
            data,
            {
              now: 0,
            },
          );
          expect(typeof out).toBe("string");
        } catch (error) {
          expect(error).toBeInstanceOf(TemplateError);
        }
      }
    },
  );

  const literal = fc.oneof(
    fc.constantFrom(
      "nil",
      "true",
      "empty",
      "'EUR'",
      "'XX'",
      "'long'",
      "'%Y %A %c %N %z'",
      "'Asia/Tokyo'",
      "'or'",
      "'Bad/Zone'",
    ),
    fc.double({ noNaN: true }).map((n) => String(Math.trunc(n))),
    fc.integer({ min: -100, max: 100 }).map(String),
    fc.string({ maxLength: 6 }).map((s) => `'${s.replace(/'/g, "")}'`),
  );
  const filterCall = fc
    .tuple(
      fc.constantFrom(...FILTERS.keys()),
      fc.array(literal, { maxLength: 3 }),
      fc.option(
        fc.tuple(
          fc.constantFrom("allow_false", "display", "time", "decimals", "style", "one", "other", "few"),
          literal,
        ),
      ),
    )
    .map(([name, args, kw]) => {
      const parts = [...args, ...(kw === null ? [] : [`${kw[0]}: ${kw[1]}`])];
      return parts.length === 0 ? name : `${name}: ${parts.join(", ")}`;
    });
  const anyValue = fc.oneof(
    fc.double(),
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      1e20,
      -1e20,
      8.64e12,
      Number.MAX_VALUE,
      "2026-03-02T03:30:00Z",
      "0000-01-01",
      "now",
      null,
      true,
    ),
    fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.double()), { maxLength: 4 }),
    fc.date({ noInvalidDate: false }),
  );
  test.prop(
    [
      anyValue,
      fc.array(filterCall, { minLength: 1, maxLength: 3 }),
      fc.constantFrom("en", "ar-EG", "ja", "ru"),
    ],
    {
      numRuns: 1500,
    },
  )("every filter on any value with any arguments yields output or a TemplateError", (v, calls, locale) => {
    const source = `{{ v | ${calls.join(" | ")} }}`;
    try {
      const out = compileTemplate(source, { escape: "html", locale, timeZone: "America/New_York" }).render(
        { v },
        { now: 0 },
      );
      expect(typeof out).toBe("string");
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
    }
  });

  test.prop([fc.string({ maxLength: 200 }).filter((s) => !s.includes("{"))])(
    "text without delimiters renders as itself",
    (s) => {
      expect(compileTemplate(s, { escape: "none" }).render({})).toBe(s);
    },
  );

  test.prop([fc.string({ maxLength: 100 })])(
    "html escaping leaves no raw markup characters from data",
    (name) => {
      const out = compileTemplate("{{ name }}", { escape: "html" }).render({ name });
      expect(out).not.toMatch(/[<>"']/);
      expect(out.replace(/&(amp|lt|gt|#34|#39);/g, "")).not.toContain("&");
    },
  );

  test.prop([
    fc.string({ maxLength: 60 }),
    fc.array(
      fc.constantFrom(
        "escape",
        "escape_once",
        "newline_to_br",
        "upcase",
        "strip",
        "append: '<i>'",
        "split: '' | join: '\n'",
        "url_encode",
        "truncate: 5",
        "default: '<b>'",
      ),
      { maxLength: 4 },
    ),
  ])("on the HTML channel no filter chain lets markup from data through", (name, filters) => {
    const source = `{{ ${["name", ...filters].join(" | ")} }}`;
    const out = compileTemplate(source, { escape: "html" }).render({ name });
    expect(out.replace(/<br \/>/g, "")).not.toMatch(/[<>"']/);
  });

  test.prop([fc.string({ maxLength: 60 }), fc.integer({ min: 0, max: 70 })])(
    "truncate agrees with liquidjs on any string and length",
    (s, n) => {
      const source = `{{ s | truncate: ${n} }}|{{ s | upcase | size }}|{{ s | split: ' ' | join: '_' }}`;
      expect(compileTemplate(source, { escape: "none" }).render({ s })).toBe(
        renderWithLiquidjs(source, { s }),
      );
    },
  );

  test.prop([fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })])(
    "arithmetic and comparison agree with liquidjs",
    (a, b) => {
      const source =
        "{{ a | plus: b }} {{ a | minus: b }} {{ a | times: b }} {{ a | modulo: 7 }} {% if a < b %}lt{% elsif a == b %}eq{% else %}gt{% endif %}";
      expect(compileTemplate(source, { escape: "none" }).render({ a, b })).toBe(
        renderWithLiquidjs(source, { a, b }),
      );
    },
  );
});

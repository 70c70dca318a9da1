import { describe, expect, test } from "vitest";
import { compileTemplate } from "./compileTemplate";
import { TemplateError } from "./errors";
import { DEFAULT_TEMPLATE_LIMITS } from "./limits";

// Adversarial templates and data: each ends in safe output or a typed error, within the default budgets.

const render = (source: string, data: Record<string, unknown> = {}): string =>
  compileTemplate(source, { escape: "none" }).render(data);

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateError) return `${error.code}:${error.limit ?? ""}`;
    throw error;
  }
  return "no error";
}

describe("no prototype, constructor or method access", () => {
  test("constructor.constructor and friends read as nothing", () => {
    const data = { name: "Ana", items: [1, 2], obj: {} };
    expect(
      render(
        "[{{ constructor }}][{{ name.constructor }}][{{ constructor.constructor }}][{{ obj.constructor.constructor }}][{{ items.constructor.name }}]",
        data,
      ),
    ).toBe("[][][][][]");
    // Calls are not part of the language at all.
    expect(codeOf(() => render("[{{ obj['constructor']['constructor']('return 1') }}]", data))).toBe(
      "TEMPLATE_SYNTAX:",
    );
  });

  test("__proto__ and prototype reads give nothing", () => {
    expect(
      render(
        "[{{ __proto__ }}][{{ obj.__proto__ }}][{{ obj['__proto__'].toString }}][{{ items.prototype }}]",
        { obj: {}, items: [] },
      ),
    ).toBe("[][][][]");
  });

  test("assign __proto__ pollutes nothing", () => {
    render(
      "{% assign __proto__ = 'x' %}{% assign constructor = 'y' %}{% capture __proto__ %}z{% endcapture %}{{ __proto__ }}",
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype.toString.call({})).toBe("[object Object]");
    expect(render("{% assign __proto__ = 'x' %}{{ __proto__ }}")).toBe("x");
  });

  test("methods are not reachable: toString, map, length of strings, valueOf", () => {
    const data = { s: "hello", a: [3, 1], o: { k: 1 } };
    expect(
      render(
        "[{{ s.toString }}][{{ a.map }}][{{ s.length }}][{{ a.length }}][{{ o.valueOf }}][{{ o.hasOwnProperty }}]",
        data,
      ),
    ).toBe("[][][][][][]");
    expect(render("{{ s.size }} {{ a.size }}", data)).toBe("5 2");
  });

  test("functions, getters and class instances in data are never called", () => {
    let called = 0;
    const data: Record<string, unknown> = {
      fn: () => {
        called++;
        return "leak";
      },
      get getter() {
        called++;
        return "leak";
      },
      instance: new (class Secret {
        token = "leak";
        toString(): string {
          called++;
          return "leak";
        }
      })(),
      date: new Date("2026-03-02T00:00:00Z"),
    };
    expect(
      render("[{{ fn }}][{{ getter }}][{{ instance }}][{{ instance.token }}][{{ date.getTime }}]", data),
    ).toBe("[][][][][]");
    expect(called).toBe(0);
  });

  test("filters are never looked up through Object.prototype", () => {
    for (const name of [
      "constructor",
      "__proto__",
      "toString",
      "hasOwnProperty",
      "valueOf",
      "__defineGetter__",
    ]) {
      expect(codeOf(() => compileTemplate(`{{ x | ${name} }}`))).toBe("TEMPLATE_UNKNOWN_FILTER:");
    }
  });

  test("a JSON __proto__ key is plain data", () => {
    const data = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": 1}') as Record<string, unknown>;
    expect(render("{{ __proto__.polluted }}{{ a }}", data)).toBe("yes1");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("budgets stop hostile templates", () => {
  test("five and six nested ten-item loops hit the step or iteration budget", () => {
    const ten = "(1..10)";
    const nest = (depth: number): string =>
      `${Array.from({ length: depth }, (_, i) => `{% for i${i} in ${ten} %}`).join("")}x${"{% endfor %}".repeat(depth)}`;
    expect(codeOf(() => render(nest(5)))).toMatch(
      /^TEMPLATE_LIMIT_EXCEEDED:(maxLoopIterations|maxRenderSteps)$/,
    );
    expect(codeOf(() => render(nest(6)))).toMatch(
      /^TEMPLATE_LIMIT_EXCEEDED:(maxLoopIterations|maxRenderSteps)$/,
    );
  });

  test("a (1..100000000) range is refused before it is built", () => {
    expect(codeOf(() => render("{% for i in (1..100000000) %}{{ i }}{% endfor %}"))).toBe(
      "TEMPLATE_LIMIT_EXCEEDED:maxRangeSize",
    );
    expect(codeOf(() => render("{% assign r = (1..100000000) %}"))).toBe(
      "TEMPLATE_LIMIT_EXCEEDED:maxRangeSize",
    );
  });

  test("a 1 MB template is refused by size; with the size limit raised it parses in linear time", () => {
    const big = "Hello {{ name }}! ".repeat(60_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(codeOf(() => compileTemplate(big))).toBe("TEMPLATE_LIMIT_EXCEEDED:maxTemplateSize");
    const t = compileTemplate(big, {
      escape: "none",
      limits: { maxTemplateSize: 2_000_000, maxOutputSize: 2_000_000, maxRenderSteps: 200_000 },
    });
    expect(t.render({ name: "A" })).toHaveLength("Hello A! ".length * 60_000);
  });

  test("pathological sources (unclosed tags, long operator chains) fail fast and typed", () => {
    expect(codeOf(() => compileTemplate(`{{ ${"'".repeat(200_000)}`.slice(0, 90_000)))).toBe(
      "TEMPLATE_SYNTAX:",
    );
    expect(codeOf(() => compileTemplate("{% if ".padEnd(90_000, "a and ")))).toMatch(
      /^TEMPLATE_(SYNTAX|LIMIT_EXCEEDED)/,
    );
    expect(codeOf(() => compileTemplate(`{{ ${"a[".repeat(1000)}`))).toMatch(
      /^TEMPLATE_(SYNTAX|LIMIT_EXCEEDED)/,
    );
    expect(codeOf(() => compileTemplate("{% if a %}".repeat(100)))).toBe(
      "TEMPLATE_LIMIT_EXCEEDED:maxNestingDepth",
    );
  });

  test("doubling a string in a loop hits the output budget", () => {
    expect(
      codeOf(() =>
        render("{% assign s = 'ab' %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}"),
      ),
    ).toBe("TEMPLATE_LIMIT_EXCEEDED:maxOutputSize");
    expect(
      codeOf(() => render("{{ s | replace: 'a', t }}", { s: "a".repeat(2000), t: "b".repeat(2000) })),
    ).toBe("TEMPLATE_LIMIT_EXCEEDED:maxOutputSize");
  });

  test("huge output is cut by the output budget", () => {
    expect(
      codeOf(() =>
        compileTemplate("{% for i in (1..1000) %}{{ s }}{% endfor %}", {
          limits: { maxOutputSize: 10_000 },
        }).render({
          s: "x".repeat(100),
        }),
      ),
    ).toBe("TEMPLATE_LIMIT_EXCEEDED:maxOutputSize");
  });

  test("cyclic data prints without hanging", () => {
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic);
    expect(codeOf(() => render("{{ c }}", { c: cyclic }))).toBe("TEMPLATE_LIMIT_EXCEEDED:maxNestingDepth");
  });

  test("an unclosed tag is a syntax error pointing at it", () => {
    const error = (() => {
      try {
        compileTemplate("Dear {{ name ,\nthanks");
      } catch (e) {
        return e as TemplateError;
      }
      return undefined;
    })();
    expect(error?.code).toBe("TEMPLATE_SYNTAX");
    expect(error?.column).toBe(6);
  });

  test("numbers at and beyond the ends of the Date range never throw", () => {
    const data = {
      huge: 1e20,
      inf: Number.POSITIVE_INFINITY,
      nan: Number.NaN,
      edge: 8_639_999_999_999,
      year0: "0000-01-01T00:00:00Z",
    };
    const out = compileTemplate(
      "{{ huge | date: '%Y' }}|{{ inf | date }}|{{ nan | date: 'long' }}|{{ edge | date: '%Y', 'Pacific/Kiritimati' }}|{{ year0 | date: '%Y %a %j' }}|{{ huge | relative_time }}|{{ nan | plural: other: '#' }}|{{ 5 | modulo: 0 }}",
      { escape: "none" },
    ).render(data, { now: 0 });
    expect(out).toBe("100000000000000000000|Infinity|NaN|275760|0000 Sat 001|100000000000000000000|NaN|NaN");
    // An infinite price is never printed to a customer: it is a typed error.
    expect(() => compileTemplate("{{ inf | money: 'EUR' }}").render(data)).toThrow(
      expect.objectContaining({ code: "TEMPLATE_INVALID_ARGUMENT" }),
    );
  });

  test("strftime widths are capped", () => {
    expect(render("{{ d | date: '%999999999d' }}", { d: "2026-03-02T00:00:00Z" })).toHaveLength(64);
  });

  test("defaults are what the docs say", () => {
    expect(DEFAULT_TEMPLATE_LIMITS).toEqual({
      maxTemplateSize: 100_000,
      maxNestingDepth: 24,
      maxRenderSteps: 100_000,
      maxLoopIterations: 10_000,
      maxRangeSize: 10_000,
      maxOutputSize: 1_000_000,
    });
  });
});

import { describe, expect, test } from "vitest";
import { compileTemplate } from "./compileTemplate";
import { TemplateError } from "./errors";

// The support filters: money, number, date, relative_time, list and plural, across locales and zones.
const render = (
  source: string,
  locale: string,
  data: Record<string, unknown> = {},
  timeZone = "UTC",
  now?: string,
): string =>
  compileTemplate(source, { escape: "none", locale, timeZone }).render(
    data,
    now === undefined ? {} : { now },
  );

describe("money", () => {
  test.each([
    ["en-US", "JPY", "¥1,235"],
    ["ja-JP", "JPY", "￥1,235"],
    ["en-US", "EUR", "€1,234.50"],
    ["de-DE", "EUR", "1.234,50\u00a0€"],
    ["fr-FR", "EUR", "1\u202f234,50\u00a0€"],
    ["en-IN", "INR", "₹1,234.50"],
    ["ar-EG", "EGP", "\u200f١٬٢٣٤٫٥٠\u00a0ج.م.\u200f"],
    ["he-IL", "ILS", "\u200f1,234.50\u00a0\u200f₪"],
  ])("%s %s", (locale, currency, expected) => {
    expect(render("{{ amount | money: currency }}", locale, { amount: 1234.5, currency })).toBe(expected);
  });

  test("JPY has no decimals, KWD three; display code and name", () => {
    expect(
      render(
        "{{ 1234.5 | money: 'JPY' }} {{ 1.2345 | money: 'KWD' }} {{ 5 | money: 'USD', display: 'code' }}",
        "en-US",
      ),
    ).toBe("¥1,235 KWD\u00a01.235 USD\u00a05.00");
  });

  const fails = (source: string, data: Record<string, unknown>, message: string, column: number): void => {
    let caught: unknown;
    try {
      render(source, "en", data);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateError);
    expect(caught).toMatchObject({ code: "TEMPLATE_INVALID_ARGUMENT", line: 1, column });
    expect((caught as TemplateError).message).toContain(message);
  };

  test("a literal currency that is not ISO 4217 fails when the template compiles, pointing at it", () => {
    for (const code of ["EURO", "XX", "EUT", "usd ", "", "€"]) {
      expect(() => compileTemplate(`{{ x | money: '${code}' }}`)).toThrow(
        expect.objectContaining({ code: "TEMPLATE_INVALID_ARGUMENT", column: 15 }),
      );
    }
    expect(() => compileTemplate("{{ x | money: 978 }}")).toThrow(/Filter "money": currency 978 is not/);
    expect(() => compileTemplate("{{ x | money: nil }}")).toThrow(/Filter "money": currency is missing/);
  });

  test("a bad currency or amount from the data fails the render, naming the filter and argument", () => {
    fails("{{ x | money: c }}", { x: 1234.5, c: "usd " }, 'Filter "money": currency "usd " is not', 8);
    fails("{{ x | money: c }}", { x: 1234.5, c: "EURO" }, 'currency "EURO" is not an ISO 4217', 8);
    fails("{{ x | money: c }}", { x: 1234.5 }, 'Filter "money": currency is missing', 8);
    fails("{{ x | money: c }}", { x: 1, c: 978 }, "currency 978 is not", 8);
    fails(
      "{{ x | money: 'EUR' }}",
      { x: Number.NaN },
      'Filter "money": amount NaN is not a finite number',
      8,
    );
    fails("{{ x | money: 'EUR' }}", { x: Number.POSITIVE_INFINITY }, "amount Infinity is not a finite", 8);
    fails("{{ x | money: 'EUR' }}", { x: "abc" }, 'amount "abc" is not a finite number', 8);
    fails("{{ x | money: 'EUR' }}", { x: true }, "amount true is not a finite number", 8);
  });

  test("currency codes ignore case; historic ISO codes work; a missing amount prints nothing", () => {
    expect(render("{{ x | money: c }}|{{ x | money: 'eur' }}", "en-US", { x: 1234.5, c: "usd" })).toBe(
      "$1,234.50|€1,234.50",
    );
    expect(render("{{ x | money: 'DEM', display: 'code' }}", "en-US", { x: 5 })).toBe("DEM\u00a05.00");
    expect(render("[{{ missing | money: 'EUR' }}]{{ '12.5' | money: 'EUR' }}", "en-US")).toBe("[]€12.50");
  });

  test("number groups digits the locale's way", () => {
    expect(render("{{ 1234567.891 | number }} {{ 0.5 | number: decimals: 2 }}", "hi-IN")).toBe(
      "12,34,567.891 0.50",
    );
    expect(render("{{ 1234567.891 | number }}", "de-CH")).toBe("1'234'567.891");
  });
});

describe("date", () => {
  const at = "2026-03-02T03:30:00Z";

  test("a UTC instant that is the previous day in New York", () => {
    expect(render("{{ at | date: '%Y-%m-%d %H:%M %Z' }}", "en-US", { at }, "America/New_York")).toBe(
      "2026-03-01 22:30 America/New_York",
    );
    expect(render("{{ at | date: '%Y-%m-%d %H:%M' }}", "en-US", { at }, "UTC")).toBe("2026-03-02 03:30");
    expect(render("{{ at | date: 'long' }}", "en-US", { at }, "America/New_York")).toBe("March 1, 2026");
  });

  test("a zone argument overrides the render zone", () => {
    expect(render("{{ at | date: '%d %H:%M', 'Asia/Tokyo' }}", "en", { at }, "America/New_York")).toBe(
      "02 12:30",
    );
  });

  test("named styles and strftime names follow the locale", () => {
    expect(render("{{ at | date: 'full' }}", "de-DE", { at }, "Europe/Berlin")).toBe("Montag, 2. März 2026");
    expect(render("{{ at | date: 'medium', time: 'short' }}", "ja-JP", { at }, "Asia/Tokyo")).toBe(
      "2026/03/02 12:30",
    );
    expect(render("{{ at | date: '%A %-d %B' }}", "fr-FR", { at }, "Europe/Paris")).toBe("lundi 2 mars");
    expect(render("{{ at | date: 'long' }}", "zh-TW", { at }, "Asia/Taipei")).toBe("2026年3月2日");
    expect(render("{{ at | date: 'long' }}", "ar-EG", { at }, "Africa/Cairo")).toBe("٢ مارس ٢٠٢٦");
    expect(render("{{ at | date: 'long' }}", "he-IL", { at }, "Asia/Jerusalem")).toBe("2 במרץ 2026");
  });

  test("DST: the same wall clock has another offset in summer", () => {
    expect(
      render(
        "{{ w | date: '%H:%M %z' }} {{ s | date: '%H:%M %:z' }}",
        "en",
        { w: "2026-01-15T12:00:00Z", s: "2026-07-15T12:00:00Z" },
        "Europe/Berlin",
      ),
    ).toBe("13:00 +0100 14:00 +02:00");
  });

  test("dates, epoch seconds and zone-less strings (a wall time in the render zone)", () => {
    expect(render("{{ d | date: '%Y-%m-%d %H:%M' }}", "en", { d: new Date(at) }, "Asia/Kolkata")).toBe(
      "2026-03-02 09:00",
    );
    expect(render("{{ 0 | date: '%Y-%m-%d' }}", "en")).toBe("1970-01-01");
    expect(
      render("{{ d | date: '%Y-%m-%d %H:%M %z' }}", "en", { d: "2026-03-02 09:00" }, "America/New_York"),
    ).toBe("2026-03-02 09:00 -0500");
    expect(render("{{ d | date: '%Y-%m-%d' }}", "en", { d: "2026-03-02" }, "Pacific/Auckland")).toBe(
      "2026-03-02",
    );
  });

  test("an unknown zone argument fails: a literal when compiling, one from the data when rendering", () => {
    expect(() => compileTemplate("{{ d | date: 'long', 'Mars/Base' }}")).toThrow(
      expect.objectContaining({ code: "TEMPLATE_INVALID_ARGUMENT", column: 22 }),
    );
    expect(() => compileTemplate("{{ d | date: 'long', '+08:00' }}")).toThrow(
      /Filter "date": time zone "\+08:00"/,
    );
    expect(() => render("{{ d | date: 'long', tz }}", "en", { d: at, tz: "Mars/Base" })).toThrow(
      expect.objectContaining({
        code: "TEMPLATE_INVALID_ARGUMENT",
        message: expect.stringContaining(
          'Filter "date": time zone "Mars/Base" is not a known IANA time zone',
        ),
      }),
    );
    expect(() => render("{{ d | date: 'long', tz }}", "en", { d: at, tz: 9 })).toThrow(/time zone 9 is not/);
    // nil (or a missing variable) means the render's zone, as leaving the argument out does.
    expect(render("{{ d | date: '%H:%M', tz }}", "en", { d: at }, "Asia/Tokyo")).toBe("12:30");
  });

  test("DST gap: a wall time that does not exist moves forward by the gap, as in @supportkit/sla", () => {
    const source = "{{ x | date: '%Y-%m-%d %H:%M %z' }}";
    expect(render(source, "en", { x: "2026-03-08T02:30:00" }, "America/New_York")).toBe(
      "2026-03-08 03:30 -0400",
    );
    expect(render(source, "en", { x: "2026-03-08 02:00" }, "America/New_York")).toBe(
      "2026-03-08 03:00 -0400",
    );
    expect(render(source, "en", { x: "2026-03-29T02:30:00" }, "Europe/Berlin")).toBe(
      "2026-03-29 03:30 +0200",
    );
    expect(render(source, "en", { x: "2026-10-04T02:15:00" }, "Australia/Sydney")).toBe(
      "2026-10-04 03:15 +1100",
    );
  });

  test("a local time in an era whose offset had seconds prints back as written", () => {
    const source = "{{ x | date: '%Y-%m-%d %H:%M:%S %z' }}";
    expect(render(source, "en", { x: "1880-01-01T12:00:00" }, "America/New_York")).toBe(
      "1880-01-01 12:00:00 -0456",
    );
    expect(render(source, "en", { x: "1960-01-01T09:00:00" }, "Africa/Monrovia")).toBe(
      "1960-01-01 09:00:00 -0044",
    );
  });

  test("DST overlap: a wall time that occurs twice takes its first occurrence", () => {
    const source = "{{ x | date: '%H:%M %z' }}";
    expect(render(source, "en", { x: "2026-11-01T01:30:00" }, "America/New_York")).toBe("01:30 -0400");
    expect(render(source, "en", { x: "2026-10-25T02:30:00" }, "Europe/Berlin")).toBe("02:30 +0200");
    expect(render(source, "en", { x: "2026-04-05T02:30:00" }, "Australia/Sydney")).toBe("02:30 +1100");
    // Either side of the changes, wall times are exact.
    expect(render(source, "en", { x: "2026-03-08T01:59:59" }, "America/New_York")).toBe("01:59 -0500");
    expect(render(source, "en", { x: "2026-11-01T02:00:00" }, "America/New_York")).toBe("02:00 -0500");
  });

  test("now comes from the render options, never from the clock", () => {
    expect(render("{{ 'now' | date: '%Y' }}", "en", {}, "UTC", "2030-06-01T00:00:00Z")).toBe("2030");
    expect(render("{{ 'now' | date: '%Y' }}", "en")).toBe("now");
  });
});

describe("relative_time", () => {
  const now = "2026-03-02T12:00:00Z";
  test.each([
    ["2026-03-02T11:59:30Z", "en", "30 seconds ago"],
    ["2026-03-02T14:00:00Z", "en", "in 2 hours"],
    ["2026-03-01T12:00:00Z", "en", "yesterday"],
    ["2026-03-01T12:00:00Z", "de", "gestern"],
    ["2026-03-05T12:00:00Z", "ja", "3 日後"],
    ["2026-02-16T12:00:00Z", "es", "hace 2 semanas"],
    ["2026-03-04T12:00:00Z", "ar", "بعد الغد"],
    ["2026-03-09T12:00:00Z", "ar-EG", "الأسبوع القادم"],
  ])("%s in %s", (at, locale, expected) => {
    expect(render("{{ at | relative_time }}", locale, { at }, "UTC", now)).toBe(expected);
  });
  test("now may also come as an argument", () => {
    expect(render("{{ at | relative_time: now }}", "en", { at: "2026-03-02T10:00:00Z", now })).toBe(
      "2 hours ago",
    );
  });
});

describe("list", () => {
  test.each([
    ["en", "Kettle, Teapot, and Mug"],
    ["de", "Kettle, Teapot und Mug"],
    ["ja", "Kettle、Teapot、Mug"],
    ["ar", "Kettle وTeapot وMug"],
    ["he", "Kettle, Teapot ו-Mug"],
  ])("%s", (locale, expected) => {
    expect(render("{{ items | list }}", locale, { items: ["Kettle", "Teapot", "Mug"] })).toBe(expected);
  });
  test("or-lists and short style", () => {
    expect(render("{{ items | list: 'or' }}", "en", { items: ["email", "chat"] })).toBe("email or chat");
    expect(render("{{ items | list: 'unit', style: 'narrow' }}", "en", { items: ["1h", "5m"] })).toBe(
      "1h 5m",
    );
  });
});

describe("plural", () => {
  const source = "{{ n | plural: zero: 'Z', one: 'O#', two: 'T#', few: 'F#', many: 'M#', other: 'X#' }}";
  test.each([
    ["en", [0, 1, 2, 5], ["X0", "O1", "X2", "X5"]],
    ["ru", [1, 2, 5, 21, 22, 25, 1.5], ["O1", "F2", "M5", "O21", "F22", "M25", "X1,5"]],
    ["pl", [1, 2, 5, 12, 22, 25], ["O1", "F2", "M5", "M12", "F22", "M25"]],
    ["ar", [0, 1, 2, 3, 11, 100], ["Z", "O1", "T2", "F3", "M11", "X100"]],
    ["ar-EG", [3, 11], ["F٣", "M١١"]],
    ["ja", [0, 1, 2], ["X0", "X1", "X2"]],
  ])("%s uses its CLDR categories", (locale, numbers, expected) => {
    expect((numbers as number[]).map((n) => render(source, locale as string, { n }))).toEqual(expected);
  });
  test("a missing category falls back to other", () => {
    expect(render("{{ 3 | plural: one: 'item', other: 'items' }}", "ru")).toBe("items");
  });
});

import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { htmlToText } from "./htmlToText";

describe("htmlToText", () => {
  test("paragraphs, breaks, lists, links and entities", () => {
    expect(
      htmlToText(
        "<h1>Order&nbsp;#1</h1><p>Hi <b>Ana</b>,<br>line two</p><ul><li>Kettle &amp; lid</li><li>Mug</li></ul><p><a href='https://t.example/1'>Track</a> or <a href=\"mailto:help@shop.example\">help@shop.example</a> &#x1F389;</p>",
      ),
    ).toBe(
      "Order #1\n\nHi Ana,\nline two\n\n- Kettle & lid\n- Mug\n\nTrack (https://t.example/1) or help@shop.example 🎉",
    );
  });

  test("scripts, styles, comments and javascript: links are dropped", () => {
    expect(
      htmlToText("<style>p{}</style><script>alert(1)</script><!-- c --><a href='javascript:alert(1)'>x</a>"),
    ).toBe("x");
  });

  test("RTL and CJK text survive", () => {
    expect(htmlToText("<p>مرحبا</p><p>שלום</p><p>您好</p>")).toBe("مرحبا\n\nשלום\n\n您好");
  });

  test("unclosed markup is kept as text", () => {
    expect(htmlToText("a < b and <p")).toBe("a < b and <p");
  });
});

describe("laws", () => {
  prop.prop([fc.string({ maxLength: 300 })])("text without markup or entities comes back trimmed", (s) => {
    const plain = s.replace(/[<&]/g, "").replace(/\s+/g, " ").trim();
    expect(htmlToText(plain)).toBe(plain);
  });
  prop.prop([
    fc.array(
      fc.constantFrom(
        "<p>",
        "</p>",
        "<a href='https://x'>",
        "</a>",
        "<br>",
        "<",
        ">",
        "&amp;",
        "x",
        " ",
        "<script>",
        "<!--",
      ),
      { maxLength: 60 },
    ),
  ])("any markup yields a string", (parts) => {
    expect(typeof htmlToText(parts.join(""))).toBe("string");
  });
});

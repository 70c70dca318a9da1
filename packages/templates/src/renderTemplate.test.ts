import { ValidationError } from "@supportkit/core";
import { describe, expect, test } from "vitest";
import { orderData, orderDelay } from "./_test/orderDelay";
import { defineTemplateSet } from "./defineTemplateSet";
import { TemplateError } from "./errors";
import { renderTemplate } from "./renderTemplate";

describe("renderTemplate", () => {
  test("email: subject, escaped HTML and a text part derived from it, in the customer's zone", () => {
    const reply = renderTemplate(orderDelay, {
      locale: "en-US",
      channel: "email",
      data: orderData,
      timeZone: "America/New_York",
    });
    expect(reply.locale).toBe("en");
    expect(reply.resolution).toEqual({ locale: "en", chain: ["en-US", "en"], reason: "parent" });
    expect(reply.subject).toBe("Your order #1042 is delayed");
    expect(reply.html).toContain("<p>Hi Lena &lt;Vogel&gt;,</p>");
    expect(reply.html).toContain("<li>2 × Kettle: €19.99</li>");
    expect(reply.html).toContain('href="https://track.example/1042?a=1&amp;b=2"');
    // 03:00 UTC on March 5 is still March 4 in New York.
    expect(reply.html).toContain("New delivery date: March 4, 2026.");
    expect(reply.text).toBe(
      "Hi Lena <Vogel>,\n\nYour order #1042 is running late.\n\n- 2 × Kettle: €19.99\n- 1 × Teapot: €34.50\n\nAs a VIP you get free express shipping.\n\nNew delivery date: March 4, 2026. Track your parcel (https://track.example/1042?a=1&b=2)",
    );
  });

  test("the customer's locale formats numbers and dates when their language is served", () => {
    const reply = renderTemplate(orderDelay, {
      locale: "de-AT",
      channel: "email",
      data: orderData,
      timeZone: "Europe/Vienna",
    });
    expect(reply.locale).toBe("de");
    expect(reply.formatLocale).toBe("de-AT");
    expect(reply.html).toContain("Neuer Liefertermin: 5. März 2026.");
  });

  test("a fallback formats in the variant's locale, not the customer's", () => {
    const reply = renderTemplate(orderDelay, {
      locale: "ko-KR",
      channel: "chat",
      data: orderData,
      timeZone: "Asia/Seoul",
    });
    expect(reply.resolution.reason).toBe("fallback");
    expect(reply.formatLocale).toBe("en");
    expect(reply.text).toBe("Hi Lena <Vogel>! Order #1042 now arrives Mar 5, 2026.");
  });

  test("locale fallback is per channel: a de customer gets the English chat when de has none", () => {
    const reply = renderTemplate(orderDelay, { locale: "de-DE", channel: "chat", data: orderData });
    expect(reply.locale).toBe("en");
  });

  test("SMS reports GSM-7 or UCS-2 and its segments; zh-HK gets the zh-TW variant", () => {
    const en = renderTemplate(orderDelay, {
      locale: "en",
      channel: "sms",
      data: orderData,
      timeZone: "America/New_York",
    });
    expect(en.text).toBe("Order #1042 is delayed, new date Mar 4. 2 items.");
    expect(en.sms).toEqual({ encoding: "GSM-7", units: en.text.length, segments: 1, unitsPerSegment: 160 });
    const zh = renderTemplate(orderDelay, {
      locale: "zh-HK",
      channel: "sms",
      data: orderData,
      timeZone: "Asia/Hong_Kong",
    });
    expect(zh.locale).toBe("zh-TW");
    expect(zh.text).toBe("訂單 #1042 延遲，新日期 2026年3月5日。");
    expect(zh.sms?.encoding).toBe("UCS-2");
    const ja = renderTemplate(orderDelay, {
      locale: "ja-JP",
      channel: "sms",
      data: orderData,
      timeZone: "Asia/Tokyo",
    });
    expect(ja.text).toBe("ご注文#1042は2026年3月5日に届きます。");
  });

  test("an SMS over its segment budget is a TEMPLATE_LIMIT_EXCEEDED error", () => {
    const set = defineTemplateSet({
      id: "long",
      defaultLocale: "en",
      variants: { en: { sms: "{{ body }}" } },
    });
    const body = "Привет ".repeat(20);
    expect(
      renderTemplate(set, { locale: "en", channel: "sms", data: { body }, maxSmsSegments: 3 }).sms?.segments,
    ).toBe(3);
    try {
      renderTemplate(set, { locale: "en", channel: "sms", data: { body }, maxSmsSegments: 2 });
      expect.unreachable();
    } catch (error) {
      expect((error as TemplateError).code).toBe("TEMPLATE_LIMIT_EXCEEDED");
      expect((error as TemplateError).limit).toBe("maxSmsSegments");
    }
  });

  test("RTL: Arabic chat with six plural forms", () => {
    const render = (n: number): string => {
      const items = Array.from({ length: n }, () => ({ quantity: 1, title: "x", price: 1 }));
      return renderTemplate(orderDelay, {
        locale: "ar-EG",
        channel: "chat",
        data: { ...orderData, customer: { name: "ليلى" }, order: { ...orderData.order, items } },
      }).text;
    };
    expect(render(0)).toBe("مرحبا ليلى، طلبك رقم 1042 متأخر. لا منتجات");
    expect(render(1)).toContain("منتج واحد");
    expect(render(2)).toContain("منتجان");
    expect(render(3)).toContain("٣ منتجات");
    expect(render(11)).toContain("١١ منتجًا");
    expect(render(100)).toContain("١٠٠ منتج");
  });

  test("subjects cannot inject header lines", () => {
    const set = defineTemplateSet({
      id: "s",
      defaultLocale: "en",
      variants: { en: { email: { subject: "Re: {{ s }}", html: "x" } } },
    });
    expect(
      renderTemplate(set, { locale: "en", channel: "email", data: { s: "hi\r\nBcc: evil@example.com" } })
        .subject,
    ).toBe("Re: hi Bcc: evil@example.com");
  });

  test("a written text part is used as is; a set input is compiled on first use", () => {
    const input = {
      id: "t",
      defaultLocale: "en",
      variants: { en: { email: { subject: "S", html: "<b>H</b>", text: "T {{ x }}" } } },
    };
    expect(renderTemplate(input, { locale: "en", channel: "email", data: { x: 1 } }).text).toBe("T 1");
  });

  test("errors: missing channel part, bad set, bad template, bad zone", () => {
    expect(() =>
      renderTemplate(orderDelay, { locale: "en", channel: "chat", data: {}, timeZone: "Moon/Base" }),
    ).toThrow(ValidationError);
    const chatless = defineTemplateSet({ id: "c", defaultLocale: "en", variants: { en: { sms: "x" } } });
    expect(() => renderTemplate(chatless, { locale: "en", channel: "chat", data: {} })).toThrow(
      expect.objectContaining({ code: "TEMPLATE_MISSING_PART" }),
    );
    expect(() => defineTemplateSet({ id: "x", defaultLocale: "fr", variants: { en: { sms: "x" } } })).toThrow(
      ValidationError,
    );
    try {
      defineTemplateSet({ id: "x", defaultLocale: "en", variants: { en: { sms: "{{ a | nope }}" } } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).message).toContain("x [en sms]: Unknown filter");
    }
  });
});

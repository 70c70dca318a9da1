import { describe, expect, test } from "vitest";
import { LIQUIDJS_VERSION, renderWithLiquidjs } from "./_test/liquid";
import { compileTemplate } from "./compileTemplate";

// Differential tests: every tag, filter and operator of the Liquid subset renders exactly as liquidjs does.
// Reference: liquidjs 10.30.1 (asserted below, so upgrading the oracle is a deliberate change).

const data = {
  name: "Ana María",
  empty_name: "",
  spaces: "   ",
  shout: "hELLO wORLD",
  padded: "  padded text \n",
  long: "The quick brown fox jumps over the lazy dog",
  cjk: "您好，您的订单已发货",
  arabic: "مرحبا بك في متجرنا",
  hebrew: "שלום וברוכים הבאים",
  emoji: "ok 👍🏽 thanks 🎉",
  html: `<b>"Tom" & 'Jerry'</b>`,
  escaped: "&lt;b&gt; &amp; <i>",
  lines: "line one\nline two\r\nline three",
  csv: "a,b,,c,,",
  n: 7,
  neg: -3.456,
  f: 2.5,
  zero: 0,
  big: 1234567.891,
  numstr: "42",
  yes: true,
  no: false,
  nothing: null,
  items: [
    { sku: "A-1", title: "Kettle", qty: 2, price: 19.99 },
    { sku: "B-2", title: "Teapot", qty: 1, price: 34.5 },
    { sku: "C-3", title: "Mug", qty: 4, price: 7.25 },
  ],
  tags: ["vip", "late", "dhl"],
  nums: [3, 1, 2],
  none: [],
  obj: { a: 1, b: "two" },
  emptyObj: {},
  nested: { deep: { er: { est: "bottom" } } },
  key: "b",
  idx: 1,
  at: "2026-03-02T03:30:05Z",
  epoch: 1772422205,
  url: "a b&c=d/é?",
};

const cases: readonly string[] = [
  // output, literals and lookups
  "Hello {{ name }}!",
  "{{ 'single' }} {{ \"double\" }} {{ 42 }} {{ -1.5 }} {{ true }} {{ false }} {{ nil }} {{ null }}",
  "{{ missing }}|{{ missing.deeper }}|{{ nothing }}|{{ obj.missing }}",
  "{{ items[0].title }} {{ items[-1].sku }} {{ obj['a'] }} {{ obj[key] }} {{ items[idx].title }} {{ nested.deep.er.est }}",
  "{{ items.size }} {{ items.first.title }} {{ items.last.title }} {{ name.size }} {{ obj.size }} {{ none.size }}",
  "{{ tags }}|{{ nums }}|{{ obj }}|{{ n }}|{{ f }}|{{ neg }}",
  "{{ cjk }} {{ arabic }} {{ hebrew }} {{ emoji }}",
  // whitespace control
  "a  {{- name -}}  \n b",
  "x\n  {%- if yes -%}\n  y\n  {%- endif -%}\n  z",
  "{% for t in tags -%}\n  {{ t }}\n{%- endfor %}",
  // if / elsif / else / unless
  "{% if yes %}Y{% endif %}{% if no %}N{% endif %}{% if nothing %}X{% else %}E{% endif %}",
  "{% if empty_name %}truthy{% endif %}{% if zero %}zero-truthy{% endif %}{% if none %}arr-truthy{% endif %}",
  "{% if n > 10 %}big{% elsif n > 5 %}mid{% else %}small{% endif %}",
  "{% unless yes %}U{% else %}V{% endunless %}{% unless no %}W{% endunless %}",
  "{% unless no %}a{% elsif yes %}b{% endunless %}",
  // operators
  "{% if n == 7 %}eq{% endif %}{% if n != 7 %}ne{% endif %}",
  "{% if n < 8 %}lt{% endif %}{% if n > 6 %}gt{% endif %}{% if n <= 7 %}le{% endif %}{% if n >= 7 %}ge{% endif %}",
  "{% if 'b' > 'a' %}str{% endif %}{% if '10' < '9' %}lexical{% endif %}{% if 1 < 'a' %}mixed{% endif %}{% if nothing < 1 %}nil{% endif %}{% if nil < 1 %}lit{% endif %}",
  "{% if name contains 'Mar' %}s{% endif %}{% if tags contains 'vip' %}a{% endif %}{% if nums contains 2 %}n{% endif %}{% if nums contains '2' %}X{% endif %}{% if obj contains 'a' %}O{% endif %}",
  "{% if yes and no %}1{% endif %}{% if yes or no %}2{% endif %}{% if no or no %}3{% endif %}{% if yes and yes %}4{% endif %}",
  "{% if true or false and false %}T{% else %}F{% endif %}{% if false and true or true %}T{% else %}F{% endif %}",
  "{% if empty_name == empty %}1{% endif %}{% if none == empty %}2{% endif %}{% if emptyObj == empty %}3{% endif %}{% if name == empty %}4{% endif %}",
  "{% if spaces == blank %}1{% endif %}{% if nothing == blank %}2{% endif %}{% if no == blank %}3{% endif %}{% if none == blank %}4{% endif %}{% if name == blank %}5{% endif %}{% if missing == blank %}6{% endif %}",
  "{% if missing == nil %}1{% endif %}{% if nothing == nil %}2{% endif %}{% if items == items %}3{% endif %}{% if tags != nums %}4{% endif %}",
  "{{ n == 7 }} {{ n > 8 }} {{ yes and no }}",
  // case / when
  "{% case n %}{% when 1 %}one{% when 7 %}seven{% else %}other{% endcase %}|{% case name %}ignored{% when 'x', 'Ana María' %}A{% when 'y' or 'z' %}Y{% endcase %}",
  "{% case n %}{% when 7 %}a{% when 7 %}b{% endcase %}|{% case missing %}{% when nil %}nil{% when empty %}e{% else %}E{% endcase %}|{% case empty_name %}{% when empty %}empty{% endcase %}",
  "{% case tags.first %}{% when 'vip' %}{% for t in tags %}{{ t }}{% endfor %}{% endcase %}{% case n | plus: 1 %}{% when 8 %}eight{% endcase %}",
  // for
  "{% for item in items %}{{ forloop.index }}/{{ forloop.length }}:{{ item.title }}{% unless forloop.last %}, {% endunless %}{% endfor %}",
  "{% for item in items %}{{ forloop.index0 }}{{ forloop.rindex }}{{ forloop.rindex0 }}{{ forloop.first }}{{ forloop.last }};{% endfor %}",
  "{% for i in (1..5) %}{{ i }}{% endfor %}|{% for i in (3..1) %}{{ i }}{% else %}none{% endfor %}|{% for i in (1..n) %}{{ i }}{% endfor %}",
  "{% for i in (1..10) limit: 3 %}{{ i }}{% endfor %}|{% for i in (1..10) offset: 7 %}{{ i }}{% endfor %}|{% for i in (1..10) limit: 2 offset: 3 %}{{ i }}{% endfor %}",
  "{% for i in (1..5) reversed %}{{ i }}{% endfor %}|{% for i in (1..5) limit: 2 offset: 1 reversed %}{{ i }}{% endfor %}",
  "{% for t in none %}x{% else %}empty{% endfor %}|{% for t in missing %}x{% else %}missing{% endfor %}|{% for t in tags offset: 5 %}x{% else %}E{% endfor %}",
  "{% for p in obj %}{{ p[0] }}={{ p[1] }};{% endfor %}|{% for c in name %}[{{ c }}]{% endfor %}",
  "{% for a in (1..2) %}{% for b in (1..2) %}{{ a }}{{ b }}{{ forloop.index }} {% endfor %}{{ forloop.index }}|{% endfor %}",
  "{% for i in (1..6) %}{% if i == 2 %}{% continue %}{% endif %}{% if i == 5 %}{% break %}{% endif %}{{ i }}{% endfor %}",
  "{% assign i = 9 %}{% for i in (1..2) %}{{ i }}{% assign i = 7 %}{{ i }}{% endfor %}{{ i }}",
  "{{ forloop.index }}{% for t in tags %}{% endfor %}{{ t }}",
  // assign, capture, comment, raw
  "{% assign greeting = 'Hi' | append: ', ' | append: name %}{{ greeting }}",
  "{% assign total = 0 %}{% for item in items %}{% assign total = total | plus: item.qty %}{% endfor %}{{ total }}",
  "{% capture line %}{{ name | upcase }} has {{ items.size }} items{% endcapture %}[{{ line }}]",
  "{% assign name = 'Override' %}{{ name }}",
  "a{% comment %} ignored {{ name }} {% if %} {% endcomment %}b{% comment %}{% if x %}{% endcomment %}c",
  "{% raw %}{{ name }} {% if x %}{% endraw %}|{% raw %}  {{ keep }}  {% endraw %}|",
  "{% # an inline comment %}x",
  // string filters
  "{{ name | upcase }} {{ name | downcase }} {{ shout | capitalize }} {{ '' | capitalize }}",
  "[{{ padded | strip }}] [{{ padded | lstrip }}] [{{ padded | rstrip }}] [{{ lines | strip_newlines }}]",
  "{{ long | truncate: 20 }}|{{ long | truncate: 20, '…' }}|{{ long | truncate: 3 }}|{{ 'abc' | truncate: 2 }}|{{ 'ab' | truncate: 0 }}|{{ long | truncate }}|{{ 'short' | truncate: 10 }}",
  "{{ emoji | truncate: 5 }}|{{ cjk | truncate: 6 }}|{{ arabic | truncate: 8 }}",
  "{{ long | truncatewords: 3 }}|{{ 'one two three' | truncatewords: 3 }}|{{ long | truncatewords: 2, '--' }}|{{ long | truncatewords: 0 }}|{{ long | truncatewords }}",
  "{{ name | replace: 'a', 'o' }}|{{ 'aaa' | replace: 'a', 'bb' }}|{{ 'x' | replace: '', '-' }}|{{ name | replace_first: 'a', 'A' }}|{{ name | remove: 'a' }}",
  "{{ name | append: '!' }} {{ name | prepend: 'Dear ' }} {{ nothing | append: 'x' }} {{ n | append: 1 }}",
  "{{ csv | split: ',' | size }}|{{ csv | split: ',' | join: '-' }}|{{ name | split: '' | join: '.' }}|{{ tags | join }}|{{ tags | join: ', ' }}|{{ n | join: ',' }}",
  "{{ tags | first }} {{ tags | last }} {{ name | first }} {{ name | last }} {{ n | first }} {{ none | first }}",
  "{{ tags | size }} {{ name | size }} {{ n | size }} {{ obj | size }} {{ nothing | size }} {{ cjk | size }}",
  "{{ html | escape }}|{{ escaped | escape_once }}|{{ lines | newline_to_br }}",
  "{{ url | url_encode }}|{{ cjk | url_encode }}",
  // default / fallback
  "{{ missing | default: 'd' }}|{{ empty_name | default: 'd' }}|{{ none | default: 'd' }}|{{ zero | default: 'd' }}|{{ no | default: 'd' }}|{{ nothing | default: 'd' }}|{{ name | default: 'd' }}|{{ spaces | default: 'd' }}",
  "{{ no | default: 'd', allow_false: true }}|{{ missing | default: 'd', allow_false: true }}|{{ missing | default }}",
  // math
  "{{ n | plus: 3 }} {{ n | minus: 10 }} {{ n | times: 1.5 }} {{ n | divided_by: 2 }} {{ n | divided_by: 2.0 }} {{ n | modulo: 3 }} {{ -7 | modulo: 3 }}",
  "{{ numstr | plus: 1 }} {{ 'x' | times: 2 }} {{ nothing | plus: 1 }} {{ 0.1 | plus: 0.2 }} {{ n | divided_by: 0 }} {{ 7 | divided_by: 2, true }}",
  "{{ neg | round }} {{ neg | round: 2 }} {{ 1.005 | round: 2 }} {{ 2.5 | round }} {{ f | floor }} {{ f | ceil }} {{ neg | abs }} {{ big | round: 1 }}",
  // date (strftime, UTC)
  "{{ at | date: '%Y-%m-%d %H:%M:%S' }}|{{ at | date: '%a %A %b %B %h' }}|{{ at | date: '%e %-d %-m %j %I %l %p %P %y %C' }}",
  "{{ at | date: '%u %w %U %W %s %L %q %%' }}|{{ at | date: '%^a %^B %-H %_m %010d %3N' }}|{{ epoch | date: '%Y-%m-%d' }}|{{ 'not a date' | date: '%Y' }}",
  "{{ at | date: '%z %:z' }}|{{ at | date: '%c' }}|{{ at | date: '%x %X' }}",
];

describe(`differential against liquidjs ${LIQUIDJS_VERSION}`, () => {
  test("the oracle is the recorded liquidjs version", () => {
    expect(LIQUIDJS_VERSION).toBe("10.30.1");
  });

  test.each(cases)("%s", (source) => {
    const expected = renderWithLiquidjs(source, data);
    const actual = compileTemplate(source, { escape: "none", locale: "en-US", timeZone: "UTC" }).render(data);
    expect(actual).toBe(expected);
  });

  test("dates in another zone match liquidjs given the same zone", () => {
    const source =
      "{{ at | date: '%Y-%m-%d %H:%M %a %z', 'America/New_York' }}|{{ at | date: '%d %b %H:%M', 'Asia/Kolkata' }}";
    expect(compileTemplate(source, { escape: "none" }).render(data)).toBe(renderWithLiquidjs(source, data));
    expect(compileTemplate(source, { escape: "none" }).render(data)).toBe(
      "2026-03-01 22:30 Sun -0500|02 Mar 09:00",
    );
  });
});

import { describe, expect, it } from "vitest";
import { agent, item, T0 } from "./_test/fixtures";
import { createRouter } from "./router";
import { triage } from "./triage";
import { DEFAULT_TRIAGE_RULES, TRIAGE_RULES, TRIAGE_SKILLS } from "./triageRules";

const skills = (text: string, options = {}) => triage(text, options).skills.map((m) => m.skill);

describe("triage", () => {
  it("matches NFKC-normalised, lower-cased text", () => {
    expect(skills("ＲＥＦＵＮＤ please")).toEqual(["refund"]);
    expect(skills("I want my MONEY BACK")).toEqual(["refund"]);
    expect(skills("ﾛｸﾞｲﾝできません")).toEqual(["account"]); // half-width katakana
  });

  it("keeps rule order and reports each skill once", () => {
    const result = triage("My password does not work and the parcel arrived damaged. Refund? refund!");
    expect(result.skills.map((m) => m.skill)).toEqual(["refund", "damaged-item", "account"]);
    expect(result.skills[0]).toMatchObject({ keyword: "refund", rule: 0, minLevel: 1 });
  });

  it("needs a word start for spaced scripts but not for Chinese or Japanese", () => {
    expect(skills("the prerefunded thing")).toEqual([]);
    expect(skills("refunds")).toEqual(["refund"]);
    expect(skills("我要退款")).toEqual(["refund"]);
  });

  it.each([
    ["en", "Where is my order? It has not arrived", ["delivery-delay"]],
    ["zh", "快递还没到，我要退货", ["return", "delivery-delay"]],
    ["de", "Die Lieferung ist beschädigt, bitte Rückerstattung", ["refund", "damaged-item"]],
    ["es", "Mi pedido no ha llegado y quiero un reembolso", ["refund", "delivery-delay"]],
    ["ja", "商品が破損していたので返金してください", ["refund", "damaged-item"]],
    ["de", "Zahlung doppelt abgebucht, Konto gesperrt", ["payment", "account"]],
    ["es", "Problema con el pago de mi cuenta", ["payment", "account"]],
    ["zh", "付款失败，密码也忘了", ["payment", "account"]],
  ])("built-in %s rules: %s", (_language, text, expected) => {
    expect(skills(text)).toEqual(expected);
  });

  it("ships every skill in every language", () => {
    for (const rules of Object.values(TRIAGE_RULES)) {
      expect(rules.map((rule) => rule.skill)).toEqual([...TRIAGE_SKILLS]);
      for (const rule of rules) expect(rule.keywords.length).toBeGreaterThan(0);
    }
    expect(DEFAULT_TRIAGE_RULES).toHaveLength(30);
  });

  it("uses a pluggable language detector to pick the rules of that language", () => {
    // "cuenta" is Spanish for account; a German detector skips the Spanish rules.
    const text = "cuenta";
    expect(skills(text, { detectLanguage: () => "es-MX" })).toEqual(["account"]);
    expect(triage(text, { detectLanguage: () => "de" })).toEqual({ skills: [], language: "de" });
    expect(skills(text, { detectLanguage: () => undefined })).toEqual(["account"]);
  });

  it("takes custom rules in their order", () => {
    const rules = [
      { skill: "vip", keywords: ["Gold member"] },
      { skill: "b2b", keywords: ["invoice"], minLevel: 4 },
    ];
    expect(triage("invoice for a gold member", { rules }).skills).toEqual([
      { skill: "vip", keyword: "Gold member", minLevel: 1, rule: 0 },
      { skill: "b2b", keyword: "invoice", minLevel: 4, rule: 1 },
    ]);
  });

  it("feeds the router: matched skills become requirements and a detected language fills in", () => {
    const router = createRouter({
      triage: { detectLanguage: (text) => (/[äöüß]/.test(text) ? "de" : undefined) },
    });
    router.upsertAgent(agent("generalist", { languages: ["de", "en"] }));
    router.upsertAgent(agent("refunds", { languages: ["de"], skills: [{ name: "refund", level: 5 }] }));
    const queued = router.enqueue(item("t", { text: "Bitte Rückerstattung für Bestellung 1042" }));
    expect(queued).toMatchObject({ language: "de", requiredSkills: [{ name: "refund", minLevel: 1 }] });
    expect(router.dispatch(T0).assignments).toMatchObject([{ agentId: "refunds" }]);

    const soft = createRouter({ triage: { as: "preferred" } });
    expect(soft.enqueue(item("t", { text: "refund" }))).toMatchObject({
      requiredSkills: [],
      preferredSkills: ["refund"],
    });
  });
});

/**
 * One triage rule: when any keyword occurs in a ticket's text, the ticket needs `skill`. Keywords and
 * text are both NFKC-normalised and lower-cased; a keyword in a script written with spaces (Latin,
 * Cyrillic…) must start at a word boundary ("refund" matches "refunds" but not "prerefund"), while Chinese
 * and Japanese keywords match anywhere.
 *
 * @example
 * ```ts
 * const rule: TriageRule = { skill: "refund", keywords: ["refund", "money back"], language: "en", minLevel: 3 };
 * ```
 */
export interface TriageRule {
  /** Skill the ticket needs when the rule matches. */
  readonly skill: string;
  /** Words or phrases that trigger the rule. */
  readonly keywords: readonly string[];
  /** Minimum level when the skill is added as required. Default 1. */
  readonly minLevel?: number;
  /** Language of the keywords (BCP 47); with a detected language, rules of other languages are skipped. */
  readonly language?: string;
}

/**
 * The built-in triage languages.
 *
 * @example
 * ```ts
 * const language: TriageLanguage = "ja";
 * ```
 */
export type TriageLanguage = "en" | "zh" | "de" | "es" | "ja";

/**
 * The skills the built-in rules produce, in rule order.
 *
 * @example
 * ```ts
 * TRIAGE_SKILLS[0]; //=> "refund"
 * ```
 */
export const TRIAGE_SKILLS = Object.freeze([
  "refund",
  "return",
  "delivery-delay",
  "damaged-item",
  "payment",
  "account",
] as const);

type Keywords = Readonly<Record<(typeof TRIAGE_SKILLS)[number], readonly string[]>>;

const KEYWORDS: Readonly<Record<TriageLanguage, Keywords>> = {
  en: {
    refund: ["refund", "money back", "reimburse", "chargeback"],
    return: ["return", "send it back", "send back", "rma", "exchange"],
    "delivery-delay": [
      "where is my order",
      "where is my package",
      "not arrived",
      "hasn't arrived",
      "has not arrived",
      "not received",
      "delayed",
      "delay",
      "still waiting",
      "tracking",
    ],
    "damaged-item": ["damaged", "broken", "defective", "cracked", "faulty", "arrived smashed"],
    payment: ["payment", "charged twice", "double charged", "card declined", "invoice", "billing", "paypal"],
    account: ["account", "password", "log in", "login", "sign in", "two-factor", "2fa"],
  },
  zh: {
    refund: ["退款", "退钱", "退錢", "退费", "退費"],
    return: ["退货", "退貨", "换货", "換貨", "退回"],
    "delivery-delay": [
      "物流",
      "还没到",
      "還沒到",
      "没收到",
      "沒收到",
      "延迟",
      "延遲",
      "快递",
      "快遞",
      "发货",
      "發貨",
    ],
    "damaged-item": ["破损", "破損", "损坏", "損壞", "坏了", "壞了", "有瑕疵"],
    payment: ["付款", "支付", "扣款", "发票", "發票", "扣费", "扣費"],
    account: ["账户", "帳戶", "账号", "帳號", "密码", "密碼", "登录", "登入"],
  },
  de: {
    refund: ["rückerstattung", "erstattung", "geld zurück", "rückzahlung", "gutschrift"],
    return: ["rücksendung", "zurücksenden", "zurückschicken", "retoure", "umtausch"],
    "delivery-delay": [
      "wo ist meine bestellung",
      "wo bleibt",
      "noch nicht angekommen",
      "nicht angekommen",
      "verspätet",
      "verspätung",
      "lieferverzögerung",
      "sendungsverfolgung",
    ],
    "damaged-item": ["beschädigt", "kaputt", "defekt", "zerbrochen", "gebrochen"],
    payment: ["zahlung", "bezahlung", "abbuchung", "rechnung", "kreditkarte", "lastschrift"],
    account: ["kundenkonto", "konto", "passwort", "anmelden", "einloggen", "login"],
  },
  es: {
    refund: ["reembolso", "reintegro", "devolución del dinero", "devolver el dinero", "devuelvan el dinero"],
    return: ["devolución", "devolucion", "devolver", "cambio de producto", "cambiar el producto"],
    "delivery-delay": [
      "dónde está mi pedido",
      "donde esta mi pedido",
      "no ha llegado",
      "no llegó",
      "no llego",
      "retraso",
      "retrasado",
      "seguimiento",
    ],
    "damaged-item": ["dañado", "danado", "roto", "rota", "defectuoso", "defectuosa"],
    payment: ["pago", "cobro", "cargo doble", "tarjeta", "factura"],
    account: ["cuenta", "contraseña", "contrasena", "iniciar sesión", "iniciar sesion"],
  },
  ja: {
    refund: ["返金", "払い戻し", "払戻"],
    return: ["返品", "交換", "返送"],
    "delivery-delay": ["届かない", "届いていない", "まだ届", "配送", "遅れ", "遅延", "追跡"],
    "damaged-item": ["破損", "壊れ", "傷が", "不良品", "割れ"],
    payment: ["支払", "決済", "請求", "クレジットカード", "二重引き落とし"],
    account: ["アカウント", "パスワード", "ログイン"],
  },
};

function rulesFor(language: TriageLanguage): readonly TriageRule[] {
  const keywords = KEYWORDS[language];
  return Object.freeze(
    TRIAGE_SKILLS.map((skill): TriageRule => Object.freeze({ skill, keywords: keywords[skill], language })),
  );
}

/**
 * Built-in triage rules per language, each for refund, return, delivery delay, damaged item, payment and
 * account, in that order.
 *
 * @example
 * ```ts
 * TRIAGE_RULES.de[0]?.keywords.includes("rückerstattung"); //=> true
 * ```
 */
export const TRIAGE_RULES: Readonly<Record<TriageLanguage, readonly TriageRule[]>> = Object.freeze({
  en: rulesFor("en"),
  zh: rulesFor("zh"),
  de: rulesFor("de"),
  es: rulesFor("es"),
  ja: rulesFor("ja"),
});

/**
 * Every built-in rule, skill by skill (refund, return, delivery delay, damaged item, payment, account) and
 * within a skill English, Chinese, German, Spanish, Japanese: so the skill order of a result does not depend
 * on the language. The default of `triage`.
 *
 * @example
 * ```ts
 * DEFAULT_TRIAGE_RULES.length; //=> 30
 * DEFAULT_TRIAGE_RULES[1]; //=> { skill: "refund", keywords: ["退款", ...], language: "zh" }
 * ```
 */
export const DEFAULT_TRIAGE_RULES: readonly TriageRule[] = Object.freeze(
  TRIAGE_SKILLS.flatMap((_skill, index) =>
    (["en", "zh", "de", "es", "ja"] as const).map((language) => TRIAGE_RULES[language][index] as TriageRule),
  ),
);

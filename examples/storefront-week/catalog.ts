// Who writes to the store, in which language, from where, about what and through which channel.
import type { Channel, Priority } from "@supportkit/core";
import type { TeamId } from "./calendars";

export type Language = "en" | "de" | "zh-Hans" | "zh-Hant" | "ja" | "es";
export type Topic = "delivery-delay" | "return" | "refund" | "damaged-item" | "payment" | "account";
export type StoreChannel = Extract<Channel, "email" | "chat" | "marketplace" | "web_form">;

export const LANGUAGES: readonly Language[] = ["en", "de", "zh-Hans", "zh-Hant", "ja", "es"];
export const TOPICS: readonly Topic[] = [
  "delivery-delay",
  "return",
  "refund",
  "damaged-item",
  "payment",
  "account",
];
export const CHANNELS: readonly StoreChannel[] = ["email", "chat", "marketplace", "web_form"];
export const PRIORITY_ORDER: readonly Priority[] = ["urgent", "high", "normal", "low"];

export interface Market {
  readonly locale: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly names: readonly string[];
}

export interface Segment {
  readonly language: Language;
  /** Share of all tickets. */
  readonly share: number;
  /** The team whose market this is: a new ticket starts in its group (routing may pick anyone). */
  readonly home: TeamId;
  readonly markets: readonly Market[];
  /** Channel mix of this segment. */
  readonly channels: Readonly<Record<StoreChannel, number>>;
  /** Subject and first message per topic; they carry the words routing's keyword triage looks for. */
  readonly texts: Readonly<Record<Topic, readonly [subject: string, body: string]>>;
}

export const SEGMENTS: readonly Segment[] = [
  {
    language: "en",
    share: 0.34,
    home: "new-york",
    markets: [
      {
        locale: "en-US",
        timeZone: "America/Chicago",
        currency: "USD",
        names: ["Emily", "Jacob", "Olivia", "Mason"],
      },
      { locale: "en-GB", timeZone: "Europe/London", currency: "GBP", names: ["Amelia", "Harry", "Isla"] },
      { locale: "en-AU", timeZone: "Australia/Sydney", currency: "AUD", names: ["Charlotte", "Noah"] },
    ],
    channels: { email: 0.42, chat: 0.3, marketplace: 0.14, web_form: 0.14 },
    texts: {
      "delivery-delay": [
        "Where is my order?",
        "My parcel has not arrived and the tracking page has not moved.",
      ],
      return: ["Return request", "The jacket is too small, how do I send it back?"],
      refund: [
        "Refund still missing",
        "I returned the item two weeks ago and I am still waiting for my refund.",
      ],
      "damaged-item": ["Arrived broken", "The teapot arrived broken, the lid is cracked."],
      payment: ["Charged twice", "I was charged twice for one order, please check the payment."],
      account: ["Cannot log in", "I forgot my password and the reset e-mail never comes."],
    },
  },
  {
    language: "de",
    share: 0.18,
    home: "berlin",
    markets: [
      { locale: "de-DE", timeZone: "Europe/Berlin", currency: "EUR", names: ["Lena", "Jonas", "Mia"] },
      { locale: "de-AT", timeZone: "Europe/Vienna", currency: "EUR", names: ["Anna", "Lukas"] },
      { locale: "de-CH", timeZone: "Europe/Zurich", currency: "CHF", names: ["Nina", "Luca"] },
    ],
    channels: { email: 0.52, chat: 0.18, marketplace: 0.16, web_form: 0.14 },
    texts: {
      "delivery-delay": [
        "Wo ist meine Bestellung?",
        "Das Paket ist noch nicht angekommen, die Sendungsverfolgung steht.",
      ],
      return: ["Rücksendung", "Die Schuhe passen nicht, wie funktioniert die Retoure?"],
      refund: ["Rückerstattung fehlt", "Ich warte seit zwei Wochen auf meine Rückerstattung."],
      "damaged-item": ["Ware beschädigt", "Die Vase ist beschädigt angekommen."],
      payment: ["Doppelte Abbuchung", "Die Zahlung wurde zweimal von meiner Kreditkarte abgebucht."],
      account: ["Anmelden geht nicht", "Ich kann mich nicht anmelden, das Passwort wird abgelehnt."],
    },
  },
  {
    language: "zh-Hans",
    share: 0.14,
    home: "shanghai",
    markets: [
      { locale: "zh-CN", timeZone: "Asia/Shanghai", currency: "CNY", names: ["王芳", "李伟", "张敏"] },
      { locale: "zh-SG", timeZone: "Asia/Singapore", currency: "SGD", names: ["陈杰", "林慧"] },
    ],
    channels: { email: 0.2, chat: 0.34, marketplace: 0.34, web_form: 0.12 },
    texts: {
      "delivery-delay": ["订单还没到", "我的快递一个星期了还没到，物流信息也不更新。"],
      return: ["申请退货", "衣服尺码不合适，想退货。"],
      refund: ["退款什么时候到账", "我已经寄回商品，请问退款什么时候到？"],
      "damaged-item": ["商品破损", "收到的杯子有破损。"],
      payment: ["重复扣款", "同一个订单支付了两次，被扣款两次。"],
      account: ["无法登录", "忘记密码，无法登录账户。"],
    },
  },
  {
    language: "zh-Hant",
    share: 0.08,
    home: "shanghai",
    markets: [
      { locale: "zh-TW", timeZone: "Asia/Taipei", currency: "TWD", names: ["林怡君", "陳冠宇"] },
      { locale: "zh-HK", timeZone: "Asia/Hong_Kong", currency: "HKD", names: ["陳大文", "黃美玲"] },
    ],
    channels: { email: 0.3, chat: 0.3, marketplace: 0.28, web_form: 0.12 },
    texts: {
      "delivery-delay": ["訂單還沒到", "包裹還沒到，物流一直沒有更新。"],
      return: ["申請退貨", "尺寸不合，想要退貨。"],
      refund: ["退款進度", "商品已寄回，請問退款何時到帳？"],
      "damaged-item": ["商品損壞", "收到的茶壺損壞了。"],
      payment: ["重複扣款", "同一筆訂單被扣款兩次，請協助處理付款問題。"],
      account: ["無法登入", "忘記密碼，無法登入帳戶。"],
    },
  },
  {
    language: "ja",
    share: 0.12,
    home: "shanghai",
    markets: [{ locale: "ja-JP", timeZone: "Asia/Tokyo", currency: "JPY", names: ["佐藤", "鈴木", "高橋"] }],
    channels: { email: 0.36, chat: 0.2, marketplace: 0.32, web_form: 0.12 },
    texts: {
      "delivery-delay": ["商品が届かない", "注文した商品がまだ届いていません。配送状況を教えてください。"],
      return: ["返品について", "サイズが合わないので返品したいです。"],
      refund: ["返金の確認", "返品済みですが、返金がまだです。"],
      "damaged-item": ["商品の破損", "届いたカップが割れていました。"],
      payment: ["二重請求", "同じ注文で二重に請求されています。支払いを確認してください。"],
      account: ["ログインできません", "パスワードを忘れてログインできません。"],
    },
  },
  {
    language: "es",
    share: 0.14,
    home: "new-york",
    markets: [
      {
        locale: "es-MX",
        timeZone: "America/Mexico_City",
        currency: "MXN",
        names: ["Sofía", "Mateo", "Valentina"],
      },
      { locale: "es-ES", timeZone: "Europe/Madrid", currency: "EUR", names: ["Lucía", "Hugo"] },
    ],
    channels: { email: 0.38, chat: 0.3, marketplace: 0.18, web_form: 0.14 },
    texts: {
      "delivery-delay": ["¿Dónde está mi pedido?", "Mi pedido no ha llegado y el seguimiento no cambia."],
      return: ["Devolución", "Quiero devolver las zapatillas, son pequeñas."],
      refund: ["Reembolso pendiente", "Devolví el producto y todavía espero el reembolso."],
      "damaged-item": ["Producto dañado", "La taza llegó rota."],
      payment: ["Cobro doble", "Me hicieron un cargo doble en la tarjeta por un solo pedido."],
      account: ["No puedo entrar", "Olvidé la contraseña de mi cuenta."],
    },
  },
];

export const TOPIC_MIX: Readonly<Record<Topic, number>> = {
  "delivery-delay": 0.36,
  return: 0.2,
  refund: 0.13,
  "damaged-item": 0.1,
  payment: 0.11,
  account: 0.1,
};

/**
 * Relative arrival intensity by the customer's local hour: quiet at night, a late-morning peak and a larger
 * evening peak (shopping after work); chat leans to the evening.
 */
export function localHourWeight(hour: number, channel: StoreChannel): number {
  const gauss = (mu: number, sigma: number) => Math.exp(-((hour - mu) ** 2) / (2 * sigma * sigma));
  const base = 0.08 + 0.9 * gauss(10.5, 2) + 1.1 * gauss(20.5, 2.2) + 0.4 * gauss(15, 2);
  return channel === "chat" ? base * (0.6 + 0.6 * gauss(20.5, 3)) : base;
}

/** Weekend and day factors (0 = Monday, local day). */
export const DAY_FACTOR: readonly number[] = [1.25, 1.1, 1.0, 0.95, 0.95, 0.8, 0.9];

// Replies in the customer's language: one template set per kind of answer, variants in six locales for
// e-mail (also used for marketplace messages and web forms) and chat. renderTemplate resolves the
// customer's locale (zh-HK → zh-Hant, es-MX → es, de-AT → de) and formats dates and money for it.
import {
  defineTemplateSet,
  type RenderedTemplate,
  renderTemplate,
  type TemplateSet,
} from "@supportkit/templates";
import type { StoreChannel, Topic } from "./catalog";

const email = (subject: string, ...paragraphs: string[]) => ({
  subject,
  html: paragraphs.map((p) => `<p>${p}</p>`).join(""),
});

const whereIsMyOrder = defineTemplateSet({
  id: "where-is-my-order",
  defaultLocale: "en",
  variants: {
    en: {
      email: email(
        "Re: order #{{ order }}",
        "Hi {{ name | default: 'there' }},",
        "Your parcel is on its way and should arrive by {{ eta | date: 'long' }}.",
        "{{ agent }}",
      ),
      chat: "Hi {{ name | default: 'there' }}! Order #{{ order }} arrives by {{ eta | date: 'long' }}.",
    },
    de: {
      email: email(
        "Re: Bestellung #{{ order }}",
        "Hallo {{ name | default: '' }},",
        "Ihr Paket ist unterwegs und kommt bis {{ eta | date: 'long' }}.",
        "{{ agent }}",
      ),
      chat: "Hallo {{ name }}! Bestellung #{{ order }} kommt bis {{ eta | date: 'long' }}.",
    },
    "zh-Hans": {
      email: email(
        "回复：订单 #{{ order }}",
        "{{ name }}您好，",
        "您的包裹正在派送，预计 {{ eta | date: 'long' }} 前送达。",
        "{{ agent }}",
      ),
      chat: "{{ name }}您好！订单 #{{ order }} 预计 {{ eta | date: 'long' }} 前送达。",
    },
    "zh-Hant": {
      email: email(
        "回覆：訂單 #{{ order }}",
        "{{ name }}您好，",
        "您的包裹正在配送中，預計 {{ eta | date: 'long' }} 前送達。",
        "{{ agent }}",
      ),
      chat: "{{ name }}您好！訂單 #{{ order }} 預計 {{ eta | date: 'long' }} 前送達。",
    },
    ja: {
      email: email(
        "Re: ご注文 #{{ order }}",
        "{{ name }}様",
        "お荷物は配送中で、{{ eta | date: 'long' }}までにお届けの予定です。",
        "{{ agent }}",
      ),
      chat: "{{ name }}様、ご注文 #{{ order }} は{{ eta | date: 'long' }}までにお届けします。",
    },
    es: {
      email: email(
        "Re: pedido #{{ order }}",
        "Hola, {{ name | default: '' }}:",
        "Tu paquete está en camino y llegará antes del {{ eta | date: 'long' }}.",
        "{{ agent }}",
      ),
      chat: "¡Hola, {{ name }}! El pedido #{{ order }} llega antes del {{ eta | date: 'long' }}.",
    },
  },
});

const returnsAndRefunds = defineTemplateSet({
  id: "returns-and-refunds",
  defaultLocale: "en",
  variants: {
    en: {
      email: email(
        "Re: order #{{ order }}",
        "Hi {{ name | default: 'there' }},",
        "We have approved {{ amount | money: currency }} for order #{{ order }}; it reaches your account within 5 business days.",
        "{{ agent }}",
      ),
      chat: "Done: {{ amount | money: currency }} for order #{{ order }} is on its way back to you.",
    },
    de: {
      email: email(
        "Re: Bestellung #{{ order }}",
        "Hallo {{ name | default: '' }},",
        "Wir haben {{ amount | money: currency }} für Bestellung #{{ order }} freigegeben; der Betrag ist in 5 Werktagen auf Ihrem Konto.",
        "{{ agent }}",
      ),
      chat: "Erledigt: {{ amount | money: currency }} für Bestellung #{{ order }} sind unterwegs.",
    },
    "zh-Hans": {
      email: email(
        "回复：订单 #{{ order }}",
        "{{ name }}您好，",
        "订单 #{{ order }} 的 {{ amount | money: currency }} 已批准退回，5 个工作日内到账。",
        "{{ agent }}",
      ),
      chat: "已处理：订单 #{{ order }} 的 {{ amount | money: currency }} 正在退回。",
    },
    "zh-Hant": {
      email: email(
        "回覆：訂單 #{{ order }}",
        "{{ name }}您好，",
        "訂單 #{{ order }} 的 {{ amount | money: currency }} 已核准退回，5 個工作天內入帳。",
        "{{ agent }}",
      ),
      chat: "已處理：訂單 #{{ order }} 的 {{ amount | money: currency }} 正在退回。",
    },
    ja: {
      email: email(
        "Re: ご注文 #{{ order }}",
        "{{ name }}様",
        "ご注文 #{{ order }} の {{ amount | money: currency }} を承認しました。5営業日以内に返金されます。",
        "{{ agent }}",
      ),
      chat: "ご注文 #{{ order }} の {{ amount | money: currency }} の返金手続きが完了しました。",
    },
    es: {
      email: email(
        "Re: pedido #{{ order }}",
        "Hola, {{ name | default: '' }}:",
        "Hemos aprobado {{ amount | money: currency }} del pedido #{{ order }}; llegará a tu cuenta en 5 días hábiles.",
        "{{ agent }}",
      ),
      chat: "Listo: {{ amount | money: currency }} del pedido #{{ order }} ya está en camino.",
    },
  },
});

const general = defineTemplateSet({
  id: "general-help",
  defaultLocale: "en",
  variants: {
    en: {
      email: email(
        "Re: {{ subject }}",
        "Hi {{ name | default: 'there' }},",
        "Thanks for writing. We have fixed this for you; reply to this message if anything is still wrong.",
        "{{ agent }}",
      ),
      chat: "Thanks {{ name | default: '' }}, that's fixed now. Anything else?",
    },
    de: {
      email: email(
        "Re: {{ subject }}",
        "Hallo {{ name | default: '' }},",
        "danke für Ihre Nachricht. Wir haben das für Sie erledigt; antworten Sie einfach, falls noch etwas fehlt.",
        "{{ agent }}",
      ),
      chat: "Danke, {{ name }}, das ist erledigt. Kann ich sonst noch helfen?",
    },
    "zh-Hans": {
      email: email(
        "回复：{{ subject }}",
        "{{ name }}您好，",
        "感谢来信，问题已为您处理。如仍有问题，请直接回复本邮件。",
        "{{ agent }}",
      ),
      chat: "{{ name }}您好，问题已处理好了。还有其他需要帮忙的吗？",
    },
    "zh-Hant": {
      email: email(
        "回覆：{{ subject }}",
        "{{ name }}您好，",
        "感謝來信，問題已為您處理。如仍有問題，請直接回覆本郵件。",
        "{{ agent }}",
      ),
      chat: "{{ name }}您好，問題已處理好了。還有其他需要幫忙的嗎？",
    },
    ja: {
      email: email(
        "Re: {{ subject }}",
        "{{ name }}様",
        "お問い合わせありがとうございます。対応が完了しました。ご不明な点があればご返信ください。",
        "{{ agent }}",
      ),
      chat: "{{ name }}様、対応が完了しました。他にご用件はございますか？",
    },
    es: {
      email: email(
        "Re: {{ subject }}",
        "Hola, {{ name | default: '' }}:",
        "Gracias por escribirnos. Ya lo hemos solucionado; responde a este mensaje si algo sigue mal.",
        "{{ agent }}",
      ),
      chat: "Gracias, {{ name }}, ya está solucionado. ¿Algo más?",
    },
  },
});

const SET_FOR_TOPIC: Readonly<Record<Topic, TemplateSet>> = {
  "delivery-delay": whereIsMyOrder,
  return: returnsAndRefunds,
  refund: returnsAndRefunds,
  "damaged-item": returnsAndRefunds,
  payment: general,
  account: general,
};

export interface ReplyInput {
  readonly topic: Topic;
  readonly channel: StoreChannel;
  readonly locale: string;
  readonly timeZone: string;
  readonly at: Date;
  readonly data: {
    readonly name: string;
    readonly order: string;
    readonly subject: string;
    readonly agent: string;
    readonly eta: Date;
    readonly amount: number;
    readonly currency: string;
  };
}

/** Renders the reply for a ticket: the template set of its topic, in the customer's locale and zone. */
export function renderReply(input: ReplyInput): RenderedTemplate {
  return renderTemplate(SET_FOR_TOPIC[input.topic], {
    locale: input.locale,
    channel: input.channel === "chat" ? "chat" : "email",
    timeZone: input.timeZone,
    now: input.at,
    data: input.data,
  });
}

import { defineTemplateSet, type TemplateSet } from "../defineTemplateSet";

/** A realistic multilingual set: the order-delay reply in five locales and three channels. */
export const orderDelay: TemplateSet = defineTemplateSet({
  id: "order-delay",
  defaultLocale: "en",
  variants: {
    en: {
      email: {
        subject: "Your order #{{ order.number }} is delayed",
        html: `<p>Hi {{ customer.name | default: "there" }},</p>
<p>Your order #{{ order.number }} is running late.</p>
<ul>{% for item in order.items %}<li>{{ item.quantity }} × {{ item.title }}: {{ item.price | money: order.currency }}</li>{% endfor %}</ul>
{% if customer.tier == "vip" %}<p>As a VIP you get free express shipping.</p>{% endif %}
<p>New delivery date: {{ order.eta | date: "long" }}. <a href="{{ order.tracking_url }}">Track your parcel</a></p>`,
      },
      chat: "Hi {{ customer.name | default: 'there' }}! Order #{{ order.number }} now arrives {{ order.eta | date: 'medium' }}.",
      sms: "Order #{{ order.number }} is delayed, new date {{ order.eta | date: '%b %-d' }}. {{ order.items.size | plural: one: '# item', other: '# items' }}.",
    },
    de: {
      email: {
        subject: "Ihre Bestellung #{{ order.number }} verspätet sich",
        html: "<p>Hallo {{ customer.name | default: 'zusammen' }},</p><p>Neuer Liefertermin: {{ order.eta | date: 'long' }}.</p>",
      },
      sms: "Bestellung #{{ order.number }} verspätet sich: neuer Termin {{ order.eta | date: '%-d. %B' }}.",
    },
    ja: {
      chat: "{{ customer.name | default: 'お客様' }}様、ご注文 #{{ order.number }} は {{ order.eta | date: 'long' }} に届きます。",
      sms: "ご注文#{{ order.number }}は{{ order.eta | date: 'long' }}に届きます。",
    },
    "zh-TW": { sms: "訂單 #{{ order.number }} 延遲，新日期 {{ order.eta | date: 'long' }}。" },
    ar: {
      chat: "مرحبا {{ customer.name | default: 'عميلنا' }}، طلبك رقم {{ order.number }} متأخر. {{ order.items.size | plural: zero: 'لا منتجات', one: 'منتج واحد', two: 'منتجان', few: '# منتجات', many: '# منتجًا', other: '# منتج' }}",
    },
  },
});

/** Data for the order-delay set. */
export const orderData = {
  customer: { name: "Lena <Vogel>", tier: "vip" },
  order: {
    number: "1042",
    currency: "EUR",
    eta: "2026-03-05T03:00:00Z",
    tracking_url: "https://track.example/1042?a=1&b=2",
    items: [
      { quantity: 2, title: "Kettle", price: 19.99 },
      { quantity: 1, title: "Teapot", price: 34.5 },
    ],
  },
};

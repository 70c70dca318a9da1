import { defineWorkflow, type WorkflowDefinition } from "./workflowSchema";

/**
 * The return / refund (RMA) workflow, ready to use: the customer asks, customer service reviews (approve,
 * reject or ask for photos), the customer sends the parcel, the warehouse inspects it, finance refunds.
 * The customer hears about every step in their language (template ids `rma.*`, texts in
 * {@link RETURN_WORKFLOW_MESSAGES}); the next owner is told when work lands with them.
 *
 * Steps and owners: `service_review` (service, 24 business h) → `awaiting_photos` (customer, 72 h) or
 * `awaiting_parcel` (customer, 14 days) → `warehouse_inspection` (warehouse, 48 business h) → `refund`
 * (finance, 24 business h) → `done`; or `rejected` / `cancelled`. `refunded` needs `data.refund_amount > 0`.
 *
 * @example
 * ```ts
 * let { instance } = startWorkflow(returnWorkflow, { id: "rma-1042", at: now, actor: { role: "customer" }, locale: "de-DE" });
 * instance = advanceWorkflow(returnWorkflow, instance, { action: "approve", actor: { role: "service" }, at: later }).instance;
 * instance.step; //=> "awaiting_parcel"
 * ```
 */
export const returnWorkflow: WorkflowDefinition = defineWorkflow({
  id: "return",
  name: "Return and refund (RMA)",
  version: 1,
  initial: "service_review",
  onStart: [
    { audience: "customer", template: "rma.requested" },
    { audience: "service", template: "rma.review_due" },
  ],
  steps: [
    {
      id: "service_review",
      name: "Service review",
      owner: { role: "service", group: "customer_service" },
      sla: { hours: 24, business: true },
    },
    { id: "awaiting_photos", name: "Waiting for photos", owner: { role: "customer" }, sla: { hours: 72 } },
    {
      id: "awaiting_parcel",
      name: "Waiting for the parcel",
      owner: { role: "customer" },
      sla: { hours: 14 * 24 },
    },
    {
      id: "warehouse_inspection",
      name: "Warehouse inspection",
      owner: { role: "warehouse" },
      sla: { hours: 48, business: true },
    },
    { id: "refund", name: "Refund", owner: { role: "finance" }, sla: { hours: 24, business: true } },
    { id: "done", name: "Refunded", owner: { role: "finance" }, final: true },
    { id: "rejected", name: "Rejected", owner: { role: "service" }, final: true },
    { id: "cancelled", name: "Cancelled by the customer", owner: { role: "customer" }, final: true },
  ],
  transitions: [
    {
      from: "service_review",
      action: "approve",
      to: "awaiting_parcel",
      notify: [{ audience: "customer", template: "rma.approved" }],
    },
    {
      from: "service_review",
      action: "reject",
      to: "rejected",
      notify: [{ audience: "customer", template: "rma.rejected" }],
    },
    {
      from: "service_review",
      action: "ask_for_photos",
      to: "awaiting_photos",
      notify: [{ audience: "customer", template: "rma.photos_requested" }],
    },
    {
      from: "awaiting_photos",
      action: "photos_received",
      to: "service_review",
      roles: ["customer", "service"],
      notify: [{ audience: "service", template: "rma.review_due" }],
    },
    {
      from: ["awaiting_photos", "awaiting_parcel"],
      action: "withdraw",
      to: "cancelled",
      roles: ["customer", "service"],
      notify: [{ audience: "customer", template: "rma.cancelled" }],
    },
    {
      from: "awaiting_parcel",
      action: "parcel_received",
      to: "warehouse_inspection",
      roles: ["warehouse"],
      notify: [{ audience: "customer", template: "rma.parcel_received" }],
    },
    {
      from: "warehouse_inspection",
      action: "inspection_passed",
      to: "refund",
      notify: [{ audience: "finance", template: "rma.refund_due" }],
    },
    {
      from: "warehouse_inspection",
      action: "inspection_failed",
      to: "rejected",
      notify: [{ audience: "customer", template: "rma.inspection_failed" }],
    },
    {
      from: "refund",
      action: "refunded",
      to: "done",
      guard: { field: "data.refund_amount", op: "gt", value: 0 },
      notify: [{ audience: "customer", template: "rma.refunded" }],
    },
  ],
});

/**
 * Customer-facing texts of the return workflow per template id and locale (en, de, es, ja, zh-Hans,
 * zh-Hant), in Liquid syntax for `@supportkit/templates`: `{{ order_number }}`, `{{ refund_amount }}`,
 * `{{ currency }}`. Internal notifications (`rma.review_due`, `rma.refund_due`) are English only.
 *
 * @example
 * ```ts
 * RETURN_WORKFLOW_MESSAGES["rma.approved"]?.de; //=> "Ihre Rücksendung für Bestellung {{ order_number }} ist genehmigt. …"
 * ```
 */
export const RETURN_WORKFLOW_MESSAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "rma.requested": {
    en: "We have received your return request for order {{ order_number }} and will review it within one business day.",
    de: "Wir haben Ihre Rücksendeanfrage für Bestellung {{ order_number }} erhalten und prüfen sie innerhalb eines Werktags.",
    es: "Hemos recibido su solicitud de devolución del pedido {{ order_number }} y la revisaremos en un día hábil.",
    ja: "ご注文 {{ order_number }} の返品リクエストを受け付けました。1営業日以内に確認いたします。",
    "zh-Hans": "我们已收到您订单 {{ order_number }} 的退货申请，将在一个工作日内审核。",
    "zh-Hant": "我們已收到您訂單 {{ order_number }} 的退貨申請，將在一個工作日內審核。",
  },
  "rma.approved": {
    en: "Your return for order {{ order_number }} is approved. Please send the parcel within 14 days.",
    de: "Ihre Rücksendung für Bestellung {{ order_number }} ist genehmigt. Bitte senden Sie das Paket innerhalb von 14 Tagen.",
    es: "Su devolución del pedido {{ order_number }} está aprobada. Envíe el paquete en un plazo de 14 días.",
    ja: "ご注文 {{ order_number }} の返品を承認しました。14日以内に商品をご返送ください。",
    "zh-Hans": "您订单 {{ order_number }} 的退货已批准，请在 14 天内寄回包裹。",
    "zh-Hant": "您訂單 {{ order_number }} 的退貨已核准，請在 14 天內寄回包裹。",
  },
  "rma.rejected": {
    en: "We are sorry: the return for order {{ order_number }} cannot be accepted.",
    de: "Es tut uns leid: Die Rücksendung für Bestellung {{ order_number }} kann nicht angenommen werden.",
    es: "Lo sentimos: no podemos aceptar la devolución del pedido {{ order_number }}.",
    ja: "申し訳ございません。ご注文 {{ order_number }} の返品はお受けできません。",
    "zh-Hans": "很抱歉，您订单 {{ order_number }} 的退货申请未能通过。",
    "zh-Hant": "很抱歉，您訂單 {{ order_number }} 的退貨申請未能通過。",
  },
  "rma.photos_requested": {
    en: "To review your return for order {{ order_number }}, please reply with photos of the item.",
    de: "Um Ihre Rücksendung für Bestellung {{ order_number }} zu prüfen, antworten Sie bitte mit Fotos des Artikels.",
    es: "Para revisar la devolución del pedido {{ order_number }}, responda con fotos del artículo.",
    ja: "ご注文 {{ order_number }} の返品確認のため、商品の写真をご返信ください。",
    "zh-Hans": "为审核您订单 {{ order_number }} 的退货，请回复商品照片。",
    "zh-Hant": "為審核您訂單 {{ order_number }} 的退貨，請回覆商品照片。",
  },
  "rma.cancelled": {
    en: "Your return for order {{ order_number }} has been cancelled.",
    de: "Ihre Rücksendung für Bestellung {{ order_number }} wurde storniert.",
    es: "Su devolución del pedido {{ order_number }} ha sido cancelada.",
    ja: "ご注文 {{ order_number }} の返品はキャンセルされました。",
    "zh-Hans": "您订单 {{ order_number }} 的退货已取消。",
    "zh-Hant": "您訂單 {{ order_number }} 的退貨已取消。",
  },
  "rma.parcel_received": {
    en: "Your parcel for order {{ order_number }} has arrived at our warehouse and is being inspected.",
    de: "Ihr Paket zur Bestellung {{ order_number }} ist in unserem Lager eingetroffen und wird geprüft.",
    es: "Su paquete del pedido {{ order_number }} ha llegado a nuestro almacén y se está inspeccionando.",
    ja: "ご注文 {{ order_number }} の返送品が倉庫に到着し、検品中です。",
    "zh-Hans": "您订单 {{ order_number }} 的包裹已到达仓库，正在检验。",
    "zh-Hant": "您訂單 {{ order_number }} 的包裹已到達倉庫，正在檢驗。",
  },
  "rma.inspection_failed": {
    en: "The returned item for order {{ order_number }} did not pass inspection; we will contact you about the next steps.",
    de: "Der zurückgesandte Artikel der Bestellung {{ order_number }} hat die Prüfung nicht bestanden; wir melden uns zum weiteren Vorgehen.",
    es: "El artículo devuelto del pedido {{ order_number }} no superó la inspección; le contactaremos sobre los próximos pasos.",
    ja: "ご注文 {{ order_number }} の返品は検品に合格しませんでした。今後の対応についてご連絡いたします。",
    "zh-Hans": "您订单 {{ order_number }} 的退回商品未通过检验，我们将与您联系后续事宜。",
    "zh-Hant": "您訂單 {{ order_number }} 的退回商品未通過檢驗，我們將與您聯繫後續事宜。",
  },
  "rma.refunded": {
    en: "We have refunded {{ refund_amount }} {{ currency }} for order {{ order_number }}.",
    de: "Wir haben {{ refund_amount }} {{ currency }} für Bestellung {{ order_number }} erstattet.",
    es: "Hemos reembolsado {{ refund_amount }} {{ currency }} del pedido {{ order_number }}.",
    ja: "ご注文 {{ order_number }} について {{ refund_amount }} {{ currency }} を返金いたしました。",
    "zh-Hans": "我们已为订单 {{ order_number }} 退款 {{ refund_amount }} {{ currency }}。",
    "zh-Hant": "我們已為訂單 {{ order_number }} 退款 {{ refund_amount }} {{ currency }}。",
  },
  "rma.review_due": { en: "Return {{ instance_id }} (order {{ order_number }}) is waiting for your review." },
  "rma.refund_due": {
    en: "Return {{ instance_id }} (order {{ order_number }}) passed inspection and is ready to refund.",
  },
};

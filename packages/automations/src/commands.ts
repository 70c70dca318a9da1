import type { Channel, Priority, Ticket } from "@supportkit/core";

/**
 * What a reply renderer is asked for: a template id in the customer's locale for a channel.
 *
 * @example
 * ```ts
 * const request: ReplyRenderRequest = { template: "payment_reminder", locale: "de-DE", channel: "email", ticket, data: {} };
 * ```
 */
export interface ReplyRenderRequest {
  /** Template id named by the rule or workflow. */
  readonly template: string;
  /** BCP 47 tag of the customer (their locale, else the ticket's language); `undefined` when unknown. */
  readonly locale: string | undefined;
  readonly channel: Channel;
  /** The ticket as the rule saw it; `undefined` for workflow notifications without a ticket. */
  readonly ticket: Ticket | undefined;
  /** Extra data from the action or workflow instance. */
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * A rendered reply. `locale` is the locale actually used (after fallback).
 *
 * @example
 * ```ts
 * const reply: RenderedReply = { subject: "Zahlung ausstehend", body: "Hallo Lena, …", locale: "de" };
 * ```
 */
export interface RenderedReply {
  readonly subject?: string;
  readonly body: string;
  readonly locale?: string;
}

/**
 * Renders replies for rules and workflows. `@supportkit/templates`' `renderTemplate` fits behind it:
 * `({ template, locale, channel, data }) => { const out = renderTemplate(sets[template], { locale, channel, data }); … }`.
 *
 * @example
 * ```ts
 * const renderer: ReplyRenderer = ({ template, locale }) => ({ body: `${template} in ${locale}` });
 * ```
 */
export type ReplyRenderer = (request: ReplyRenderRequest) => RenderedReply;

/**
 * An effect outside the ticket that the caller carries out: send a reply, apply an SLA policy,
 * create a follow-up ticket, call a webhook, notify a workflow participant.
 *
 * @example
 * ```ts
 * for (const command of result.commands) {
 *   if (command.type === "webhook") await queue.publish(command.name, command.payload);
 * }
 * ```
 */
export type AutomationCommand =
  | {
      type: "send_reply";
      ticketId: string;
      ruleId: string;
      template: string;
      channel: Channel;
      locale: string | undefined;
      subject: string | undefined;
      body: string;
    }
  | { type: "apply_sla_policy"; ticketId: string; ruleId: string; policy: string }
  | {
      type: "create_ticket";
      sourceTicketId: string;
      ruleId: string;
      requesterId: string;
      subject: string;
      priority: Priority | undefined;
      group: string | undefined;
      tags: string[];
      body: string | undefined;
    }
  | { type: "webhook"; ticketId: string; ruleId: string; name: string; payload: Record<string, unknown> }
  | {
      type: "notify";
      workflowId: string;
      instanceId: string;
      audience: string;
      template: string;
      locale: string | undefined;
      subject: string | undefined;
      body: string | undefined;
      data: Record<string, unknown>;
    };

/**
 * An action that could not be applied, and why (e.g. a status the lifecycle does not allow).
 *
 * @example
 * ```ts
 * const skipped: SkippedAction = { ruleId: "reopen", action: { type: "set_status", status: "open" }, reason: "a closed ticket is final" };
 * ```
 */
export interface SkippedAction {
  readonly ruleId: string;
  readonly action: import("./actions").Action;
  readonly reason: string;
}

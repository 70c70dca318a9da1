/**
 * Where the first reply time clock starts (agent-created tickets always start at the customer's first
 * public message, since the agent's opening comment is not a reply):
 *
 * - `created`: when the ticket was created (Zendesk, Chatwoot)
 * - `firstCustomerMessage`: at the customer's first public message
 * - `firstAssignment`: when the ticket was first assigned to an agent, so time with bots or in triage does
 *   not count (Intercom); falls back to `created` when the first reply comes before any assignment
 *
 * @example
 * ```ts
 * const start: FirstReplyStart = "firstAssignment";
 * ```
 */
export type FirstReplyStart = "created" | "firstCustomerMessage" | "firstAssignment";

/**
 * Which solved tickets are one-touch: `atMostOne` agent reply ("fewer than 2", Zendesk) or `exactlyOne`.
 *
 * @example
 * ```ts
 * const rule: OneTouchRule = "exactlyOne";
 * ```
 */
export type OneTouchRule = "atMostOne" | "exactlyOne";

/**
 * Which resolution times a ticket contributes: `perTicket`, its full resolution time once (Zendesk), or
 * `perEvent`, one sample per solve, each measured from creation (Chatwoot's `conversation_resolved`).
 *
 * @example
 * ```ts
 * const rule: ResolutionRule = "perEvent";
 * ```
 */
export type ResolutionRule = "perTicket" | "perEvent";

/**
 * Which number is the headline CSAT score: `topTwoBox`, the share of 4–5 ratings, or `mean`, the average.
 *
 * @example
 * ```ts
 * const rule: CsatRule = "mean";
 * ```
 */
export type CsatRule = "topTwoBox" | "mean";

/**
 * The choices where help desks define metrics differently. Every field is documented in the concepts guide.
 *
 * @example
 * ```ts
 * const definitions: MetricDefinitions = { ...METRIC_PRESETS.zendesk, firstReplyIsReplyTime: true };
 * ```
 */
export interface MetricDefinitions {
  /** Where first reply time starts. */
  readonly firstReplyStart: FirstReplyStart;
  /** Whether the first reply is also one of the ticket's reply times (Intercom: yes; Zendesk, Chatwoot: no). */
  readonly firstReplyIsReplyTime: boolean;
  /** How one-touch tickets are counted. */
  readonly oneTouch: OneTouchRule;
  /** Resolution time per ticket or per solve event. */
  readonly resolution: ResolutionRule;
  /** Headline CSAT: top-2-box share or mean. */
  readonly csat: CsatRule;
}

/**
 * The named presets.
 *
 * @example
 * ```ts
 * const preset: MetricPreset = "chatwoot";
 * ```
 */
export type MetricPreset = "zendesk" | "chatwoot" | "intercom";

/**
 * Definitions of each preset, side by side. `zendesk` is the default everywhere.
 *
 * | choice | zendesk | chatwoot | intercom |
 * |---|---|---|---|
 * | first reply starts | created | created | first assignment |
 * | first reply is a reply time | no | no | yes |
 * | one-touch | ≤ 1 reply | exactly 1 | exactly 1 |
 * | resolution | per ticket | per solve event | per ticket |
 * | CSAT headline | top-2-box | mean | top-2-box |
 *
 * @example
 * ```ts
 * METRIC_PRESETS.intercom.firstReplyStart; //=> "firstAssignment"
 * ```
 */
export const METRIC_PRESETS: Readonly<Record<MetricPreset, MetricDefinitions>> = Object.freeze({
  zendesk: Object.freeze({
    firstReplyStart: "created",
    firstReplyIsReplyTime: false,
    oneTouch: "atMostOne",
    resolution: "perTicket",
    csat: "topTwoBox",
  }),
  chatwoot: Object.freeze({
    firstReplyStart: "created",
    firstReplyIsReplyTime: false,
    oneTouch: "exactlyOne",
    resolution: "perEvent",
    csat: "mean",
  }),
  intercom: Object.freeze({
    firstReplyStart: "firstAssignment",
    firstReplyIsReplyTime: true,
    oneTouch: "exactlyOne",
    resolution: "perTicket",
    csat: "topTwoBox",
  }),
} as const);

import {
  type Actor,
  applyEvent,
  explainTransition,
  type Ticket,
  type TicketEvent,
  ValidationError,
} from "@supportkit/core";
import type { Action } from "../actions";
import type { AutomationCommand, ReplyRenderer, SkippedAction } from "../commands";
import { AutomationError } from "../errors";
import type { Rule } from "../rules";

export interface Performed {
  ticket: Ticket;
  events: TicketEvent[];
  commands: AutomationCommand[];
  skipped: SkippedAction[];
}

/**
 * Turns a rule's actions into ticket events (applied to the working ticket so the next action and
 * rule see them) and commands. Nothing is performed: the caller stores the events and runs the commands.
 */
export function perform(
  rule: Rule,
  start: Ticket,
  at: Date,
  eventIdPrefix: string,
  renderer: ReplyRenderer | undefined,
): Performed {
  if (rule.actions.every((action) => action.type === "webhook" || action.type === "apply_sla_policy")) {
    return {
      ticket: start,
      events: NONE,
      commands: rule.actions.map((action) => callOut(rule.id, start.id, action)),
      skipped: NONE,
    };
  }
  let ticket = start;
  const events: TicketEvent[] = [];
  const commands: AutomationCommand[] = [];
  const skipped: SkippedAction[] = [];
  const actor: Actor = { role: "system", id: `rule:${rule.id}` };
  const base = () => ({
    id: `${eventIdPrefix}:${rule.id}:${events.length + 1}`,
    ticketId: ticket.id,
    at,
    actor,
  });
  const emit = (event: TicketEvent) => {
    ticket = applyEvent(ticket, event);
    events.push(event);
  };
  const locale = ticket.requester.locale ?? ticket.language;

  for (const action of rule.actions) {
    switch (action.type) {
      case "set_status": {
        if (ticket.status === action.status) break;
        const reason = explainTransition(ticket.status, action.status);
        if (reason !== undefined) skipped.push({ ruleId: rule.id, action, reason });
        else emit({ ...base(), type: "status.changed", from: ticket.status, to: action.status });
        break;
      }
      case "set_priority":
        if (ticket.priority !== action.priority) {
          emit({ ...base(), type: "priority.changed", from: ticket.priority, to: action.priority });
        }
        break;
      case "set_group":
        if (ticket.groupId !== action.group) {
          emit({ ...base(), type: "assigned", assigneeId: ticket.assigneeId, groupId: action.group });
        }
        break;
      case "set_assignee":
        if (ticket.assigneeId !== action.assignee)
          emit({ ...base(), type: "assigned", assigneeId: action.assignee });
        break;
      case "add_tags":
      case "remove_tags":
      case "set_tags": {
        const current = new Set(ticket.tags);
        const target =
          action.type === "add_tags"
            ? new Set([...ticket.tags, ...action.tags])
            : action.type === "remove_tags"
              ? new Set(ticket.tags.filter((tag) => !action.tags.includes(tag)))
              : new Set(action.tags);
        const added = [...target].filter((tag) => !current.has(tag));
        const removed = [...current].filter((tag) => !target.has(tag));
        if (added.length > 0 || removed.length > 0) emit({ ...base(), type: "tags.changed", added, removed });
        break;
      }
      case "set_field": {
        const previous = Object.hasOwn(ticket.fields, action.field) ? ticket.fields[action.field] : null;
        if (previous !== action.value)
          emit({ ...base(), type: "field.changed", field: action.field, value: action.value });
        break;
      }
      case "add_note": {
        const event = base();
        emit({
          ...event,
          type: "message.added",
          message: {
            id: event.id,
            author: actor,
            visibility: "internal",
            channel: ticket.channel,
            body: action.body,
            createdAt: at,
          },
        });
        break;
      }
      case "send_reply": {
        if (!renderer) {
          throw new AutomationError(
            "RENDERER_MISSING",
            `Rule ${rule.id} sends a reply (template "${action.template}"), but no renderer was given (pass options.renderer)`,
            { ruleId: rule.id },
          );
        }
        const reply = renderer({
          template: action.template,
          locale,
          channel: ticket.channel,
          ticket,
          data: { ...action.data },
        });
        commands.push({
          type: "send_reply",
          ticketId: ticket.id,
          ruleId: rule.id,
          template: action.template,
          channel: ticket.channel,
          locale: reply.locale ?? locale,
          subject: reply.subject,
          body: reply.body,
        });
        const event = base();
        const message = {
          id: event.id,
          author: actor,
          visibility: "public" as const,
          channel: ticket.channel,
          body: reply.body,
          createdAt: at,
        };
        const replyLocale = reply.locale ?? locale;
        emit({
          ...event,
          type: "message.added",
          message: replyLocale ? { ...message, language: replyLocale } : message,
        });
        break;
      }
      case "apply_sla_policy":
      case "webhook":
        commands.push(callOut(rule.id, ticket.id, action));
        break;
      case "create_ticket": {
        let body: string | undefined;
        if (action.template !== undefined) {
          if (!renderer) {
            throw new AutomationError(
              "RENDERER_MISSING",
              `Rule ${rule.id} creates a ticket from template "${action.template}", but no renderer was given`,
              { ruleId: rule.id },
            );
          }
          body = renderer({
            template: action.template,
            locale,
            channel: ticket.channel,
            ticket,
            data: {},
          }).body;
        }
        commands.push({
          type: "create_ticket",
          sourceTicketId: ticket.id,
          ruleId: rule.id,
          requesterId: ticket.requester.id,
          subject: action.subject,
          priority: action.priority,
          group: action.group,
          tags: action.tags ?? [],
          body,
        });
        break;
      }
      default:
        assertNever(action);
    }
  }
  return { ticket, events, commands, skipped };
}

const NONE: never[] = [];

// Rules that only call out (the most common kind) need no working copy of the ticket.
function callOut(
  ruleId: string,
  ticketId: string,
  action: Extract<Action, { type: "webhook" | "apply_sla_policy" }>,
): AutomationCommand {
  return action.type === "webhook"
    ? { type: "webhook", ticketId, ruleId, name: action.name, payload: { ...action.payload } }
    : { type: "apply_sla_policy", ticketId, ruleId, policy: action.policy };
}

function assertNever(action: never): never {
  // Only reachable with rules that skipped parseRules.
  throw new ValidationError("rule action", [
    {
      path: "type",
      code: "invalid_value",
      message: `unknown action type ${JSON.stringify((action as Action).type)}`,
    },
  ]);
}

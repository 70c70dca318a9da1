import { parseTicketEvents, type TicketEvent, type TicketEventInput } from "@supportkit/core";

type Role = "customer" | "agent" | "bot" | "system";

/** A small builder for ticket event logs in tests: `log.created(...)`, `log.reply(...)`, then `log.events`. */
export function eventLog(ticketId = "t1") {
  const inputs: TicketEventInput[] = [];
  let n = 0;
  const base = (at: string) => ({ id: `e${++n}`, ticketId, at });
  const log = {
    created(at: string, extra: Partial<Extract<TicketEventInput, { type: "ticket.created" }>> = {}) {
      inputs.push({
        ...base(at),
        type: "ticket.created",
        subject: "Where is my order?",
        channel: "email",
        requester: { id: "c1" },
        ...extra,
      } as TicketEventInput);
      return log;
    },
    message(at: string, role: Role, visibility: "public" | "internal" = "public") {
      inputs.push({
        ...base(at),
        type: "message.added",
        message: { id: `m${n}`, author: { role }, visibility, channel: "email", body: "…", createdAt: at },
      });
      return log;
    },
    status(at: string, to: "open" | "pending" | "on_hold" | "solved" | "closed") {
      inputs.push({ ...base(at), type: "status.changed", to });
      return log;
    },
    priority(at: string, to: "low" | "normal" | "high" | "urgent") {
      inputs.push({ ...base(at), type: "priority.changed", to });
      return log;
    },
    tags(at: string, added: string[], removed: string[] = []) {
      inputs.push({ ...base(at), type: "tags.changed", added, removed });
      return log;
    },
    assign(at: string, assigneeId: string | null) {
      inputs.push({ ...base(at), type: "assigned", assigneeId });
      return log;
    },
    get events(): TicketEvent[] {
      return parseTicketEvents(inputs);
    },
  };
  return log;
}

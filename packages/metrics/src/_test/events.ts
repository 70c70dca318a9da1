import {
  parseTicketEvents,
  type TicketEvent,
  type TicketEventInput,
  type TicketStatus,
} from "@supportkit/core";

type Role = "customer" | "agent" | "bot" | "system";

/** A tiny builder of valid, parsed event logs for tests. Instants are ISO strings with offset. */
export class LogBuilder {
  private readonly inputs: TicketEventInput[] = [];
  private n = 0;

  constructor(
    readonly ticketId: string,
    at: string,
    options: {
      by?: Role;
      status?: "new" | "open";
      channel?: "email" | "chat" | "phone";
      priority?: "low" | "normal" | "high" | "urgent";
      tags?: string[];
      category?: string;
      assigneeId?: string;
      groupId?: string;
      withMessage?: boolean;
    } = {},
  ) {
    const by = options.by ?? "customer";
    this.push({
      type: "ticket.created",
      at,
      actor: by === "customer" ? { role: "customer", id: "c-1" } : { role: by, id: `${by}-1` },
      subject: "Order question",
      channel: options.channel ?? "email",
      priority: options.priority ?? "normal",
      requester: { id: "c-1", timeZone: "Europe/Berlin" },
      ...(options.status ? { status: options.status } : {}),
      ...(options.tags ? { tags: options.tags } : {}),
      ...(options.category ? { fields: { category: options.category } } : {}),
      ...(options.assigneeId ? { assigneeId: options.assigneeId } : {}),
      ...(options.groupId ? { groupId: options.groupId } : {}),
    });
    if (options.withMessage !== false) {
      if (by === "customer") this.customer(at);
      else if (by === "agent") this.agent(at);
    }
  }

  private push(event: Record<string, unknown>): this {
    this.n++;
    this.inputs.push({ id: `e${this.n}`, ticketId: this.ticketId, ...event } as TicketEventInput);
    return this;
  }

  message(at: string, role: Role, visibility: "public" | "internal" = "public", id?: string): this {
    const author = role === "customer" ? { role, id: "c-1" } : { role, id: id ?? `${role}-1` };
    return this.push({
      type: "message.added",
      at,
      message: { id: `m${this.n + 1}`, author, visibility, channel: "email", body: "…", createdAt: at },
    });
  }

  customer(at: string): this {
    return this.message(at, "customer");
  }

  agent(at: string, id = "a-1"): this {
    return this.message(at, "agent", "public", id);
  }

  note(at: string): this {
    return this.message(at, "agent", "internal");
  }

  bot(at: string): this {
    return this.message(at, "bot");
  }

  status(at: string, to: TicketStatus, from?: TicketStatus): this {
    return this.push({ type: "status.changed", at, to, ...(from ? { from } : {}) });
  }

  assign(at: string, assigneeId: string | null, groupId?: string): this {
    return this.push({ type: "assigned", at, assigneeId, ...(groupId ? { groupId } : {}) });
  }

  rate(at: string, kind: "csat" | "nps" | "ces", score: number): this {
    return this.push({ type: "rated", at, rating: { kind, score } });
  }

  merge(at: string, into: string): this {
    return this.push({ type: "merged", at, into });
  }

  tags(at: string, added: string[], removed: string[] = []): this {
    return this.push({ type: "tags.changed", at, added, removed });
  }

  field(at: string, field: string, value: string | null): this {
    return this.push({ type: "field.changed", at, field, value });
  }

  get events(): TicketEvent[] {
    return parseTicketEvents(this.inputs);
  }
}

export const log = (ticketId: string, at: string, options?: ConstructorParameters<typeof LogBuilder>[2]) =>
  new LogBuilder(ticketId, at, options);

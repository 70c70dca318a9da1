import { describe, expect, it } from "vitest";
import { berlinOffice } from "./_test/berlinClock";
import { log } from "./_test/events";
import { ticketMetrics, withSla } from "./ticketMetrics";
import { toCsv, toRows } from "./ticketRows";

const M = 60_000;
const facts = () =>
  withSla(
    ticketMetrics(
      log("t1", "2026-03-02T08:00:00Z", { tags: ["vip", "=cmd"], category: 'say "hi", bye' })
        .agent("2026-03-02T08:10:00Z")
        .customer("2026-03-02T08:20:00Z")
        .agent("2026-03-02T08:50:00Z")
        .customer("2026-03-02T09:00:00Z")
        .agent("2026-03-02T09:10:00Z")
        .status("2026-03-02T09:10:00Z", "solved").events,
      { clock: berlinOffice },
    ),
    [{ target: "firstReply", met: true }],
  );

describe("toRows", () => {
  it("flattens one ticket into one row", () => {
    const [row] = toRows([facts()]);
    expect(row).toMatchObject({
      ticketId: "t1",
      tags: "vip;=cmd",
      createdAt: "2026-03-02T08:00:00.000Z",
      firstReplyMs: 10 * M,
      firstReplyBusinessMs: 10 * M,
      replyCount: 2,
      replyMedianMs: 20 * M,
      replyMaxMs: 30 * M,
      fullResolutionMs: 70 * M,
      agentReplies: 3,
      oneTouch: false,
      sla: "firstReply:met",
      csat: null,
    });
  });
});

describe("toCsv", () => {
  it("writes RFC 4180 with a header, quoting and formula protection", () => {
    const csv = toCsv(toRows([facts()]));
    const [header, line, end] = csv.split("\r\n");
    expect(header?.split(",").slice(0, 4)).toEqual(["ticketId", "channel", "priority", "status"]);
    expect(end).toBe("");
    expect(line).toContain(`"say ""hi"", bye"`);
    expect(line).toContain("vip;=cmd"); // not at the start of the cell: no formula
    expect(line?.startsWith("t1,email,normal,solved,,,")).toBe(true);
    expect(toCsv([]).split("\r\n")).toHaveLength(2);
    const injected = toCsv(toRows([{ ...facts(), tags: ["=HYPERLINK(1)"] }]));
    expect(injected).toContain(",'=HYPERLINK(1),");
    expect(toCsv(toRows([facts()]), { separator: ";" })).toContain('"vip;=cmd"');
  });
});

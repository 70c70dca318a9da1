// SLA due dates over China's Golden Week and a US DST weekend: `pnpm example sla-golden-week`.
import { createEventBus, hours, parseTicketEvents } from "@supportkit/core";
import {
  addBusinessTime,
  businessTimeBetween,
  createBusinessCalendar,
  createSlaTracker,
  defineSlaPolicy,
  evaluateSla,
  type SlaEventMap,
} from "@supportkit/sla";

const local = (timeZone: string) => (date: Date) =>
  `${new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "short" }).format(date)} (${timeZone})`;

// 1. Shanghai: Mon–Fri 09:00–18:00 with a lunch break, the 2025 National Day holidays (Oct 1–8) and
//    the make-up working days around them (Sunday Sep 28 and Saturday Oct 11).
const day = [
  ["09:00", "12:00"],
  ["13:00", "18:00"],
] as [string, string][];
const shanghai = createBusinessCalendar({
  timeZone: "Asia/Shanghai",
  weekly: { mon: day, tue: day, wed: day, thu: day, fri: day },
  holidays: [
    "2025-10-01",
    "2025-10-02",
    "2025-10-03",
    "2025-10-04",
    "2025-10-05",
    "2025-10-06",
    "2025-10-07",
    "2025-10-08",
  ].map((date) => ({ date, name: "国庆节 / 中秋节" })),
  workdays: [{ date: "2025-09-28" }, { date: "2025-10-11" }], // hours of a Monday by default
});
const cst = local("Asia/Shanghai");
const asked = new Date("2025-09-30T16:00:00+08:00");
console.log("China, Golden Week 2025");
console.log(`  asked:                      ${cst(asked)}`);
console.log(`  8 business hours later:     ${cst(addBusinessTime(shanghai, asked, hours(8)))}`);
console.log(`  (8 calendar hours later:    ${cst(new Date(asked.getTime() + hours(8)))})`);
console.log(`  make-up Sunday Sep 28 open: ${shanghai.isOpen(new Date("2025-09-28T10:00:00+08:00"))}`);

// 2. New York over the 2026 spring-forward weekend (Mar 8): wall-clock hours stay wall-clock hours.
const nineToFive = [["09:00", "17:00"]] as [string, string][];
const newYork = createBusinessCalendar({
  timeZone: "America/New_York",
  weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
});
const nightShift = createBusinessCalendar({
  timeZone: "America/New_York",
  weekly: { sat: [["22:00", "06:00"]] },
});
const et = local("America/New_York");
const friday = new Date("2026-03-06T16:00:00-05:00");
console.log("\nUS, DST weekend 2026");
console.log(`  asked:                      ${et(friday)}`);
console.log(`  2 business hours later:     ${et(addBusinessTime(newYork, friday, hours(2)))}`);
const night = businessTimeBetween(nightShift, "2026-03-07T12:00:00-05:00", "2026-03-08T12:00:00-04:00");
console.log(`  Saturday night shift:       ${night / 3_600_000} h (22:00–06:00 loses the skipped hour)`);

// 3. An SLA policy on the Shanghai calendar, evaluated and tracked over the holiday.
const policy = defineSlaPolicy({
  id: "cn-standard",
  calendar: shanghai,
  targets: {
    firstReply: { normal: hours(8) },
    totalResolution: { normal: { ms: hours(24 * 7), clock: "calendar" } },
  },
});
const events = parseTicketEvents([
  {
    type: "ticket.created",
    id: "e1",
    ticketId: "T-88",
    at: "2025-09-30T16:00:00+08:00",
    subject: "订单 #88 还没发货",
    channel: "marketplace",
    requester: { id: "c-88", locale: "zh-CN", timeZone: "Asia/Shanghai" },
  },
]);
const status = evaluateSla(policy, events, "2025-10-09T15:00:00+08:00");
console.log(
  "\nSLA of ticket T-88 at 2025-10-09 15:00 (first reply: 8 business hours; resolution: 7 calendar days)",
);
for (const target of status.targets) {
  console.log(
    `  ${target.metric.padEnd(16)} ${target.state}${target.breached ? ", breached" : ""}; due ${target.dueAt ? cst(target.dueAt) : "—"}; ` +
      `${target.remaining! / 60_000} min ${target.target?.clock} time left`,
  );
}
const bus = createEventBus<SlaEventMap>();
bus.on("sla.warning", (e) => console.log(`  sla.warning  ${e.metric} at ${cst(e.at)}`));
bus.on("sla.breached", (e) => console.log(`  sla.breached ${e.metric} at ${cst(e.at)}`));
const tracker = createSlaTracker({ policies: policy, bus, warnings: [{ share: 0.75 }] });
for (const event of events) tracker.record(event);
console.log(`\nTracker (warn at 75 %), ticked once at 2025-10-09 17:00:`);
console.log(`  it would first have woken at ${cst(tracker.nextWakeAt("2025-09-30T16:00:00+08:00")!)}`);
tracker.tick("2025-10-09T17:00:00+08:00");
